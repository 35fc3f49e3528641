"""Stage 3, normalize: decoded text → :class:`~gkparse.document.Document`.

What happens, in order:

0. damaged text is repaired (:mod:`gkparse.repair`: mojibake, leaked markup, pinyin, spam); each
   repair is a diagnostic, and a map from the repaired text back to the decoded text keeps every
   span pointing at the source;

and then to each line:

1. characters are normalized one to one: NFKC where it yields one character (full-width digits,
   letters and punctuation → ASCII, ideographic space → space, CJK compatibility ideographs →
   unified), zero-width and no-break spaces → space; traditional script → simplified when the
   document is traditional (:mod:`gkparse.script`). One to one means the normalized text has the
   repaired text's length;
2. the line is cut into pieces at whitespace, tabs and pipes (crawlers separate table cells by any of
   them, or put one cell per line);
3. each piece is classified: a number with an optional unit (``48.7508万元``), an empty marker
   (``/``, ``—``, ``无``), a lone unit word, or text; neighbouring text pieces not separated by a tab
   or pipe are joined into one cell, so spaced-out labels (``规  章``, ``行 政 复 议``) become one
   label again — unless the next piece opens with list numbering (``(一)``, ``1.``, ``三、``),
   which always starts a new label, or with values glued onto such a label or after a unit
   (``326.属于…``, ``件12``), which the table reader splits (:mod:`gkparse.tables`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

from .document import Cell, Document, Line
from .labels import LABEL_CACHE_ENTRIES, label_key
from .model import Diagnostic, InputInfo, Span
from .repair import Edit, find_edits
from .script import detect_script, to_simplified

__all__ = ["normalize_text", "normalize_chars", "NUMBER_RE", "NULL_MARKERS", "UNITS"]

# Units printed after numbers in the tables (and the 单位 column of the era-2008 form).
UNITS = ("万元", "元", "件", "条", "个", "人次", "人", "次", "篇", "项", "份", "期", "%")
NUMBER_RE = re.compile(
    r"([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)(" + "|".join(UNITS) + r")?"
)
# Empty markers: what the source prints instead of a value, and why (fields.md: absent, not zero).
NULL_MARKERS = {
    "/": "not_applicable",
    "N/A": "not_applicable",
    "n/a": "not_applicable",
    "-": "dash",
    "—": "dash",
    "——": "dash",
    "–": "dash",
    "--": "dash",
    "―": "dash",
    "无": "none",
}
_UNIT_SET = frozenset(UNITS)
_PIECE_RE = re.compile(r"[^\s|]+")
_HARD_BREAK = re.compile(r"[\t|]")
_NUMBERED_RE = re.compile(r"\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、](?!\d)")
# Values glued onto a label or after their unit (templates.md §5.2): "326.属于四类过程性信息",
# "件12". Such a piece is never part of the label before it; the table reader splits it.
_GLUED_START_RE = re.compile(r"\d+(?:[.、](?!\d)|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、)|(?:" + "|".join(map(re.escape, UNITS)) + r")\d")
# Characters mapped to a space besides NFKC's own: zero-width space/joiners, BOM, soft hyphen.
_EXTRA_SPACES = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@functools.lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    """One-to-one character normalization table (built once): NFKC results of length one."""
    table: dict[int, str] = {}
    for code in range(0xA0, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        n = unicodedata.normalize("NFKC", ch)
        if n != ch and len(n) == 1:
            table[code] = n
    for ch in _EXTRA_SPACES:
        table[ord(ch)] = " "
    table[0x3000] = " "
    return table


def normalize_chars(text: str) -> str:
    """Apply the one-to-one character normalization (the result has the same length)."""
    return text.translate(_char_table())


def _classify(piece: str) -> tuple[str, str | None, str | None, str | None]:
    """(kind, number, unit, null) of one whitespace-free piece (cached for short pieces: numbers,
    units and labels repeat across lines and documents)."""
    return _classify_cached(piece) if len(piece) <= 32 else _classify_piece(piece)


def _classify_piece(piece: str) -> tuple[str, str | None, str | None, str | None]:
    m = NUMBER_RE.fullmatch(piece)
    if m:
        return "number", m.group(1).replace(",", ""), m.group(2), None
    null = NULL_MARKERS.get(piece)
    if null is not None:
        return "null", None, None, null
    if piece in _UNIT_SET:
        return "unit", None, piece, None
    return "text", None, None, None


_classify_cached = functools.lru_cache(maxsize=LABEL_CACHE_ENTRIES)(_classify_piece)


def _line_cells(norm: str, raw: str, base: int, number: int) -> list[Cell]:
    """Cut one normalized line into cells (offsets are absolute: ``base`` + position in the line).

    Written for speed (it runs on every line of every document): text pieces waiting to be joined
    are kept as a list of strings plus the offsets of the first and last, and the search for a
    tab or pipe between two pieces only runs on lines that have one."""
    cells: list[Cell] = []
    has_breaks = "\t" in norm or "|" in norm
    pending: list[str] = []  # text pieces waiting to be joined into one cell
    pending_start = pending_end = 0
    pending_break = True
    prev_end = 0
    for m in _PIECE_RE.finditer(norm):
        s, e = m.span()
        hard = (not cells and not pending) or (has_breaks and _HARD_BREAK.search(norm, prev_end, s) is not None)
        prev_end = e
        piece = m.group()
        kind, num, unit, null = _classify(piece)
        if kind == "text":
            # A piece that opens with list numbering ((一), 1., 三、) starts a new label even after
            # plain spaces: "三、本年度办理结果   (一)予以公开" is a group label and a row label.
            if pending and (hard or _NUMBERED_RE.match(piece) or _GLUED_START_RE.match(piece)):
                cells.append(_text_cell(pending, raw, pending_start, pending_end, base, number, pending_break))
                pending = []
            if not pending:
                pending_break = hard
                pending_start = s
            pending.append(piece)
            pending_end = e
            continue
        if pending:
            cells.append(_text_cell(pending, raw, pending_start, pending_end, base, number, pending_break))
            pending = []
        cells.append(
            Cell(
                kind=kind,  # type: ignore[arg-type]
                text=piece,
                raw=raw[s:e],
                start=base + s,
                end=base + e,
                line=number,
                number=num,
                unit=unit,
                null=null,
                hard_break_before=hard,
            )
        )
    if pending:
        cells.append(_text_cell(pending, raw, pending_start, pending_end, base, number, pending_break))
    return cells


def _text_cell(pieces: list[str], raw: str, s: int, e: int, base: int, number: int, hard: bool) -> Cell:
    """One text cell of joined pieces spanning ``[s, e)`` of the line."""
    text = pieces[0] if len(pieces) == 1 else "".join(pieces)
    return Cell(kind="text", text=text, raw=raw[s:e], start=base + s, end=base + e, line=number, hard_break_before=hard)


_FIELD_PIECE_RE = re.compile(r"\S+")


def _grid_cells(norm: str, raw: str, base: int, number: int) -> list[Cell]:
    """Cut one table row of an HTML rendering (:mod:`gkparse.html`) into cells.

    The row's fields are separated by tabs, strictly, and each field is one table cell of the page:

    * an empty or whitespace-only field (``&nbsp;``) is a ``blank`` cell (text ``""``, ``null="blank"``,
      an empty span at the field's start): the page left a value slot empty;
    * otherwise the field is classified as a whole, whitespace removed: a number with its unit
      (``48.7508 万元`` → one number cell), an empty marker (``/``, ``——``), a unit word, or text —
      one text cell holding all its words (``商业 企业`` → ``商业企业``, as the text path joins a
      spaced-out label);
    * a field of several values separated by spaces (``26 0``: two numbers in one HTML cell) is
      **one cell per value**, never one number (``260`` would be invented): a row then has more value
      cells than the template has columns, and the reader leaves it out with a diagnostic rather than
      guess. A unit right after a number belongs to it (``251000 元``). Values after a text
      (``其中：主动公开规范性文件数 28``) are split off the same way: a text cell, then value cells.

    Offsets are absolute (``base`` + position in the line), exactly as :func:`_line_cells` gives
    them, so :func:`normalize_text` maps them through repairs the same way.
    """
    cells: list[Cell] = []
    end = len(norm)
    while end and norm[end - 1] in "\r\n":
        end -= 1
    fs = 0
    while fs <= end:
        fe = norm.find("\t", fs, end)
        if fe < 0:
            fe = end
        pieces = [(m.start(), m.end(), m.group()) for m in _FIELD_PIECE_RE.finditer(norm, fs, fe)]
        if not pieces:
            cells.append(Cell(kind="blank", text="", raw="", start=base + fs, end=base + fs, line=number, null="blank", hard_break_before=True))
        else:
            cells.extend(_field_cells(pieces, raw, base, number))
        fs = fe + 1
    return cells


def _field_cells(pieces: list[tuple[int, int, str]], raw: str, base: int, number: int) -> list[Cell]:
    """The cells of one non-empty field of a grid row (see :func:`_grid_cells`)."""

    def cell(kind: str, s: int, e: int, text: str, num=None, unit=None, null=None, hard=False) -> Cell:
        return Cell(kind=kind, text=text, raw=raw[s:e], start=base + s, end=base + e, line=number, number=num, unit=unit, null=null, hard_break_before=hard)  # type: ignore[arg-type]

    whole = "".join(p[2] for p in pieces)
    s0, e0 = pieces[0][0], pieces[-1][1]
    classes = [_classify(p[2]) for p in pieces]
    if len(pieces) == 1 or all(c[0] == "text" for c in classes):
        kind, num, unit, null = _classify(whole) if len(pieces) == 1 else ("text", None, None, None)
        return [cell(kind, s0, e0, whole, num, unit, null, True)]
    k = len(pieces)
    while k and classes[k - 1][0] != "text":
        k -= 1
    out: list[Cell] = []
    if k:
        out.append(cell("text", pieces[0][0], pieces[k - 1][1], "".join(p[2] for p in pieces[:k]), hard=True))
    i = k
    while i < len(pieces):
        s, e, piece = pieces[i]
        kind, num, unit, null = classes[i]
        if kind == "number" and unit is None and i + 1 < len(pieces) and classes[i + 1][0] == "unit":
            # a number and its unit in separate words: one value
            unit = classes[i + 1][2]
            e = pieces[i + 1][1]
            piece = piece + pieces[i + 1][2]
            i += 1
        out.append(cell(kind, s, e, piece, num, unit, null, not out))
        i += 1
    return out


def _apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[int]]:
    """``text`` with ``edits`` applied, and for each character of the result (plus its end) the
    offset in ``text`` it comes from; replaced runs map proportionally onto what they replace."""
    parts: list[str] = []
    where: list[int] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        where.extend(range(pos, e.start))
        parts.append(e.replacement)
        width = e.end - e.start
        n = len(e.replacement)
        where.extend(e.start + (k * width) // n for k in range(n))
        pos = e.end
    parts.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(parts), where


def _edit_diagnostics(text: str, source: str, edits: list[Edit]) -> list[Diagnostic]:
    out = []
    for e in edits:
        line = text.count("\n", 0, e.start) + 1
        out.append(
            Diagnostic(
                code=e.code,
                severity="warning",
                message=f"{source}: line {line}: {e.what}",
                where=f"line {line}",
                span=Span(start=e.start, end=e.end, line=line),
            )
        )
    return out


def normalize_text(
    text: str,
    *,
    source: str,
    info: InputInfo | None = None,
    diagnostics: tuple[Diagnostic, ...] = (),
    grid_lines: frozenset[int] = frozenset(),
) -> Document:
    """Build the :class:`Document` of a decoded text (see the module docstring for the steps).

    ``grid_lines``: the 1-based numbers of lines that are table rows of an HTML rendering
    (:func:`gkparse.html.render`); their cells are made by :func:`_grid_cells` (one cell per
    tab-separated field, empty fields are ``blank`` cells) instead of :func:`_line_cells`. For HTML
    input ``text`` is the rendering, and every span points into it.
    """
    diags = list(diagnostics)
    edits = find_edits(text)
    if edits:
        fixed, where = _apply_edits(text, edits)
        diags.extend(_edit_diagnostics(text, source, edits))
    else:
        fixed, where = text, None
    norm = normalize_chars(fixed)
    script = detect_script(norm)
    if script == "traditional":
        norm = "".join(to_simplified(part) for part in norm.splitlines(keepends=True))
        diags.append(
            Diagnostic(
                code="script_converted",
                severity="info",
                message=f"{source}: the text is in traditional script; it was converted to simplified for matching",
            )
        )
    lines: list[Line] = []
    cells: list[Cell] = []
    offset = 0
    for number, fixed_line in enumerate(fixed.splitlines(keepends=True), start=1):
        norm_line = norm[offset : offset + len(fixed_line)]
        first = len(cells)
        line_cells = (_grid_cells if number in grid_lines else _line_cells)(norm_line, fixed_line, offset, number)
        if where is not None:
            line_cells = [
                attrs.evolve(c, start=where[c.start], end=where[c.end], raw=text[where[c.start] : where[c.end]])
                for c in line_cells
            ]
        cells.extend(line_cells)
        start, end = (offset, offset + len(fixed_line)) if where is None else (where[offset], where[offset + len(fixed_line)])
        lines.append(Line(number=number, start=start, end=end, first_cell=first, end_cell=len(cells)))
        offset += len(fixed_line)
    return Document(
        source=source,
        text=text,
        norm=norm,
        norm_map=tuple(where) if where is not None else None,
        lines=tuple(lines),
        cells=tuple(cells),
        label_keys="\n".join(label_key(c.text) for c in cells if c.kind == "text"),
        script=script,
        input=info or InputInfo(size=len(text), kind="text"),
        diagnostics=tuple(diags),
    )
