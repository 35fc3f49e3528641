"""The Document: what every format plugin reads, whatever the input was.

A Document is the decoded text, its normalized twin (same length, so offsets are shared), and the
text cut into lines of cells. Crawled text, HTML pages and (later) PDFs all end up as this one shape,
so a format plugin never cares where its input came from.

A *cell* is the unit the table machinery works with: a label, a number (with its unit), an empty
marker ("/", "—", a blank HTML cell), a lone unit word, or a run of prose. Cells carry their span in
the text, so every value extracted from them knows where it came from.
"""

from __future__ import annotations

from typing import Literal, Optional

from attrs import field, frozen

from .model import Diagnostic, InputInfo, Span

__all__ = ["Cell", "Line", "Document", "CellKind"]

CellKind = Literal["text", "number", "null", "unit", "blank"]


@frozen(kw_only=True, slots=True)
class Cell:
    """One cell of a line.

    ``text`` is normalized (NFKC, simplified script, inner whitespace removed for labels); ``raw``
    is the text as printed. For ``kind="number"``, ``number`` is the numeral as printed without its
    unit (``"48.7508"``) and ``unit`` the unit printed with it (``"万元"``). For ``kind="null"``,
    ``null`` says which empty marker it was (``not_applicable``, ``dash``, ``none``); ``blank`` cells
    come from explicit empty table cells.
    """

    kind: CellKind
    text: str
    raw: str
    start: int
    end: int
    line: int
    number: Optional[str] = None
    unit: Optional[str] = None
    null: Optional[str] = None
    hard_break_before: bool = False

    @property
    def span(self) -> Span:
        return Span(start=self.start, end=self.end, line=self.line)

    @property
    def is_value(self) -> bool:
        """True for cells that fill a value slot of a table: numbers and empty markers."""
        return self.kind in ("number", "null", "blank")


@frozen(kw_only=True, slots=True)
class Line:
    """A line of the text (or a row of an HTML table): its number (1-based), its offsets, and the
    range ``[first_cell, end_cell)`` of its cells in :attr:`Document.cells`."""

    number: int
    start: int
    end: int
    first_cell: int
    end_cell: int


@frozen(kw_only=True)
class Document:
    """A decoded, normalized input, ready for detection and extraction.

    ``text`` is the decoded source; ``norm`` the repaired and normalized text (NFKC, simplified
    script) that matching runs on. They have the same length unless repairs changed it; then
    ``norm_map[i]`` is the offset in ``text`` of ``norm[i]`` (``None`` when they align). Cells and
    :class:`~gkparse.model.Span` objects always hold offsets into ``text``; :meth:`span` converts
    offsets found in ``norm``. ``cells`` holds every cell
    in document order; each :class:`Line` knows its range of them. ``label_keys`` is the
    :func:`~gkparse.labels.label_key` of every text cell, one per line, for fast "does the document
    print this label" tests (format scoring). ``script`` is what the source
    was written in. ``diagnostics`` collects what loading, decoding and normalizing repaired.
    """

    source: str
    text: str
    norm: str
    lines: tuple[Line, ...]
    cells: tuple[Cell, ...]
    norm_map: Optional[tuple[int, ...]] = None
    label_keys: str = ""
    script: str = "simplified"
    input: InputInfo = field(factory=InputInfo)
    diagnostics: tuple[Diagnostic, ...] = ()
    # Per-document state of the stages: results derived from the document alone (the section
    # headings, found by every format's scorer and again by the chosen format's extractor, are
    # computed once) and budgets shared by all the reads of the document (the glue solver's).
    memo: dict = field(factory=dict, init=False, eq=False, repr=False)

    def line_cells(self, line: Line) -> tuple[Cell, ...]:
        return self.cells[line.first_cell : line.end_cell]

    def line_of(self, offset: int) -> int:
        """The 1-based line number holding ``offset`` (binary search over line starts)."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.lines[lo].number if self.lines else 1

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` in ``text`` of the range ``[start, end)`` of ``norm``."""
        if self.norm_map is not None:
            start, end = self.norm_map[start], self.norm_map[end]
        return Span(start=start, end=end, line=self.line_of(start))
