"""The table readers: a :class:`~gkparse.template.TableTemplate` + a region of cells → figures.

Tables reach us linearised: crawled text puts one cell per line or a row per line, and the column
headers come in header order, not data order (templates.md §5.1). So values are never placed by
header position. Two readers, chosen by the template's ``layout``:

* ``rows``: walk the template's rows in order; find each row's label among the region's text cells
  (skipping group labels, headers and page furniture), then take the value cells that follow it —
  exactly as many as the row has columns. A row whose label is not found, or whose value count does
  not fit, is left out and diagnosed, never guessed.
* ``run``: find the first run of consecutive value cells as long as the template's cell count and
  assign it in column order (table 4's fifteen numbers).

Glued cells (templates.md §5.2): where a row has too few value cells because crawled text lost the
separators — one run of digits for a row of several values, digits glued onto the row's label or
onto the next row's label (``326.属于四类过程性信息``), a unit glued before its value (``件12``),
table 4 as one run of fifteen digits — the reader hands the digits to :mod:`gkparse.glue`, which
splits them only where the table's own arithmetic proves the split, and otherwise leaves the row
out (``ambiguous_split``). Proven values carry the glued cell's span as their provenance.

:func:`~gkparse.assemble.assemble` turns ``{flat key: Figure}`` into the template's typed model.
"""

from __future__ import annotations

import functools
import re
import typing
from decimal import Decimal, InvalidOperation
from typing import Optional

from attrs import frozen

from .assemble import assemble  # re-exported: the typed assembly of what the readers found
from .blanks import prove_blank_zeros
from .document import Cell, Document
from .glue import Budget, GluedRun, solve
from .labels import LABEL_CACHE_ENTRIES, LABEL_SIZED, label_key, label_matches, split_numbering
from .model import Diagnostic, Figure, Provenance, Span
from .normalize import UNITS
from .repair import looks_garbled
from .template import Column, Row, TableTemplate

__all__ = ["TableRead", "read_table", "cell_figure", "assemble", "count_markers"]

_WAN = Decimal(10000)


@frozen(kw_only=True)
class TableRead:
    """What a reader found: figures by flat key, how many rows it located, and its diagnostics."""

    template: TableTemplate
    values: dict
    rows_found: int
    diagnostics: tuple[Diagnostic, ...] = ()
    located: bool = False

    @property
    def found(self) -> bool:
        """Did the source print the table? It did when values were read, and also when its values
        are there but were left out as glued and ambiguous (``located``): that is no lost table."""
        return bool(self.values) or self.located


@functools.lru_cache(maxsize=4096)
def _row_keys(row: Row) -> tuple[str, ...]:
    return tuple(label_key(label) for label in row.labels)


def _row_matches(cell: Cell, row: Row) -> bool:
    return _text_matches(cell.text, row)


def _text_matches(text: str, row: Row) -> bool:
    """Does the printed ``text`` name ``row`` (its numbering, if both print one, and a label)?

    Cached for label-sized texts: every document prints the same labels, and a table is read by
    comparing each of its rows with the region's text cells."""
    return _text_matches_cached(text, row) if len(text) <= LABEL_SIZED else _text_matches_uncached(text, row)


def _text_matches_uncached(text: str, row: Row) -> bool:
    number, _ = split_numbering(text)
    if row.number is not None and number is not None and number != row.number:
        return False
    key = label_key(text)
    return any(label_matches(key, wanted) for wanted in _row_keys(row))


_text_matches_cached = functools.lru_cache(maxsize=LABEL_CACHE_ENTRIES)(_text_matches_uncached)


def cell_figure(
    cell: Cell, column: Column, *, table: str, row: str, source: str, unit_hint: Optional[str] = None
) -> tuple[Optional[Figure], Optional[Diagnostic]]:
    """The :class:`Figure` of a value cell under ``column``, or a diagnostic when it cannot be one.

    Empty markers give a figure with ``value=None``. Money is converted to 万元 when printed in 元;
    a ``decimal`` column (a percentage) keeps its number as printed.
    """
    prov = Provenance(origin="table", span=cell.span, table=table, row=row, column=column.key)
    if cell.kind in ("null", "blank"):
        return Figure(value=None, raw=cell.raw, source=prov, null=cell.null or "blank"), None
    unit = cell.unit or unit_hint
    number_text = cell.number or ""
    if column.kind in ("count", "signed") and number_text.isascii() and number_text.isdigit():
        # The common case, a plain whole number: no Decimal needed.
        return Figure(value=int(number_text), raw=cell.raw, source=prov, unit=cell.unit), None
    where = f"{table}.{row}" + (f".{column.key}" if column.key else "")
    try:
        number = Decimal(number_text)
    except InvalidOperation:
        number = None
    if number is None:
        return None, Diagnostic(code="bad_value", severity="warning", message=f"{source}: {cell.raw!r} is not a number", where=where, span=cell.span)
    if column.kind == "money":
        if unit == "元":
            number = number / _WAN
        elif unit not in (None, "万元"):
            return None, Diagnostic(code="bad_value", severity="warning", message=f"{source}: {cell.raw!r} has unit {unit!r}, not a money unit", where=where, span=cell.span)
        return Figure(value=number, raw=cell.raw, source=prov, unit=cell.unit), None
    if column.kind == "decimal":  # a ratio or percentage: kept as printed, with its unit
        return Figure(value=number, raw=cell.raw, source=prov, unit=unit), None
    if number != number.to_integral_value():
        return None, Diagnostic(code="bad_value", severity="warning", message=f"{source}: {cell.raw!r} is not a whole number, as a count must be", where=where, span=cell.span)
    return Figure(value=int(number), raw=cell.raw, source=prov, unit=cell.unit), None


def _read_rows(doc: Document, t: TableTemplate, lo: int, hi: int) -> TableRead:
    # A private copy of the region: a cell that turns out to hold a label behind glued digits is
    # replaced by that label, so the next row's search finds it.
    cells = list(doc.cells[lo:hi])
    values: dict = {}
    diags: list[Diagnostic] = []
    runs: list[_Pending] = []
    pos = 0
    rows_found = 0
    found: list[tuple[int, int, int]] = []  # (template row index, label cell, end of its values)
    for index, row in enumerate(t.rows):
        i = _find_label(cells, pos, row)
        if i is None:
            continue
        found.append((index, i, i + 1))
        rows_found += 1
        j = i + 1
        slots: list[tuple[Cell, Optional[str]]] = []
        unit_hint = None
        while j < len(cells) and cells[j].kind != "text":
            if cells[j].kind == "unit":
                unit_hint = cells[j].unit
            else:
                slots.append((cells[j], unit_hint))
            j += 1
        pos = j
        found[-1] = (index, i, j)
        where = f"{t.prefix}.{row.key}"
        columns = row.columns
        if len(slots) < len(columns):
            glued, slots, pos = _glued_values(cells, i, j, slots, row, t.rows[index + 1 :])
            if glued is not None:
                # The cells read apart stay certain; the glued digits go to the solver for the rest.
                run, columns, run_columns = _glued_run(t, row, glued, len(slots))
                runs.append(_Pending(run=run, slots=tuple((row, c) for c in run_columns), unit=glued.unit or unit_hint))
        if len(slots) != len(columns):
            if slots or columns:
                diags.append(
                    Diagnostic(
                        code="row_unreadable",
                        severity="warning",
                        message=(
                            f"{doc.source}: row {row.labels[0]!r} of {t.name} has {len(slots)} value cells where the "
                            f"template has {len(row.columns)}; its values are left out"
                        ),
                        where=where,
                        span=cells[i].span,
                    )
                )
            continue
        for (cell, hint), column in zip(slots, columns):
            fig, diag = cell_figure(cell, column, table=t.name, row=row.key, source=doc.source, unit_hint=hint)
            if diag:
                diags.append(diag)
            if fig is not None:
                values[t.key_of(row, column)] = fig
    diags.extend(_place_by_order(doc, t, cells, found, values))
    # Blank cells the table's own arithmetic proves are 0 (fields.md: blank_proven_zero), before
    # glued runs are split, so that proven zeros can help the splitting.
    values, proven = prove_blank_zeros(values, t, source=doc.source)
    diags.extend(proven)
    if runs:
        diags.extend(_solve_runs(doc, t, values, runs))
    return TableRead(template=t, values=values, rows_found=rows_found, diagnostics=tuple(diags), located=bool(runs))


def _place_by_order(doc: Document, t: TableTemplate, cells: list, found: list, values: dict) -> list[Diagnostic]:
    """Rows whose labels stayed unreadable (mojibake), placed by the form's row order.

    Between two rows read by their labels, the template expects its missing rows in order. When
    the cells there are exactly that many garbled labels, each followed by the row's number of
    values, each is that row; anything else (a clean but unknown label, a local extra row, a count
    that does not fit) is left alone.
    """
    diags: list[Diagnostic] = []
    for (a, _, start), (b, end, _) in zip(found, found[1:]):
        missing = t.rows[a + 1 : b]
        if not missing:
            continue
        groups: list[tuple[Cell, list[Cell]]] = []
        for cell in cells[start:end]:
            if cell.kind == "text":
                groups.append((cell, []))
            elif cell.kind != "unit" and groups:
                groups[-1][1].append(cell)
            elif cell.kind != "unit":
                groups = []
                break
        if len(groups) != len(missing) or not all(looks_garbled(label.text) for label, _ in groups):
            continue
        if any(len(vals) != len(row.columns) for (_, vals), row in zip(groups, missing)):
            continue
        for (label, vals), row in zip(groups, missing):
            for cell, column in zip(vals, row.columns):
                fig, diag = cell_figure(cell, column, table=t.name, row=row.key, source=doc.source)
                if fig is not None:
                    values[t.key_of(row, column)] = fig
            diags.append(
                Diagnostic(
                    code="text_damaged",
                    severity="warning",
                    message=(
                        f"{doc.source}: line {label.line}: the label {label.raw!r} is unreadable; its values are placed by "
                        f"the form's row order as {row.labels[0]!r}, between {t.rows[a].labels[0]!r} and {t.rows[b].labels[0]!r}"
                    ),
                    where=f"{t.prefix}.{row.key}",
                    span=label.span,
                )
            )
    return diags


def _read_run(doc: Document, t: TableTemplate, lo: int, hi: int) -> TableRead:
    cells = doc.cells
    slots = [(r, c) for r in t.rows for c in r.columns]
    # The run starts after the table's header: the first text cell matching an anchor label.
    anchors = tuple(label_key(a) for a in t.anchors)
    start = lo
    if anchors:
        start = next((i for i in range(lo, hi) if cells[i].kind == "text" and any(label_matches(label_key(cells[i].text), a) for a in anchors)), hi)
    i = start
    while i < hi:
        if not cells[i].is_value:
            i += 1
            continue
        j = i
        while j < hi and (cells[j].is_value or cells[j].kind == "unit"):
            j += 1
        run = [c for c in cells[i:j] if c.is_value]
        if len(run) == 1 and len(slots) > 1 and _is_digit_run(run[0], len(slots)):
            return _read_glued_run(doc, t, run[0], slots)
        if len(run) == len(slots):
            values: dict = {}
            diags: list[Diagnostic] = []
            for cell, (row, column) in zip(run, slots):
                fig, diag = cell_figure(cell, column, table=t.name, row=row.key, source=doc.source)
                if diag:
                    diags.append(diag)
                if fig is not None:
                    values[t.key_of(row, column)] = fig
            return TableRead(template=t, values=values, rows_found=len(t.rows), diagnostics=tuple(diags))
        if run:
            return TableRead(
                template=t,
                values={},
                rows_found=0,
                diagnostics=(
                    Diagnostic(
                        code="row_unreadable",
                        severity="warning",
                        message=f"{doc.source}: {t.name} should be a run of {len(slots)} values; found {len(run)}, left out",
                        where=t.prefix or t.name,
                        span=cells[i].span,
                    ),
                ),
            )
        i = j
    return TableRead(template=t, values={}, rows_found=0)


# --------------------------------------------------------------------------- glued cells
#
# Crawled text without cell separators glues a row's values into one run of digits (templates.md
# §5.2). The readers find such runs here; :mod:`gkparse.glue` splits them with the table's
# arithmetic, or leaves them out.

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# Values glued onto the end of their own label: 收到申请数件12, 5.属于三类内部事务信息3200003.
_TAIL_RE = re.compile(rf"(?<![0-9.,])(?:{_UNIT_ALT})?[0-9]+(?:\.[0-9]+)?$")
_TAIL_PARTS_RE = re.compile(rf"(?P<unit>{_UNIT_ALT})?(?P<digits>.+)")
# A text cell that opens with values: glued onto the next row's label (326.属于四类过程性信息), or
# printed after their unit (件12: the 单位 column glued to the 统计数 column).
_HEAD_RE = re.compile(rf"(?P<unit>{_UNIT_ALT})?(?P<digits>[0-9]+(?:\.[0-9]+)?)(?P<rest>.*)", re.S)
_HEAD_FIRST = frozenset("0123456789") | frozenset(u[0] for u in UNITS)
_CN_NUMBERING_RE = re.compile(r"\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、")
_DIGIT_RUN_RE = re.compile(r"[0-9]+")


@frozen(kw_only=True)
class _Glued:
    """Digits found glued together: their readings (see :attr:`GluedRun.digits`), the unit glued to
    them, the printed text and its span, and whether they stand before the row's other cells (glued
    onto the row's own label) or after them."""

    readings: tuple[str, ...]
    unit: Optional[str]
    raw: str
    span: Span
    first: bool = False


def _slice(cell: Cell, a: int, b: int) -> tuple[str, str, int, int]:
    """``(text, raw, start, end)`` of the characters ``[a, b)`` of a text cell's text, where the
    slice touches the cell's start or end (inner whitespace was dropped from ``text``, never from a
    cell's first or last piece)."""
    text = cell.text[a:b]
    if a == 0:
        return text, cell.raw[:b], cell.start, cell.start + b
    width = len(cell.text) - a
    return text, cell.raw[len(cell.raw) - width :], cell.end - width, cell.end


def _label_cell(cell: Cell, a: int) -> Cell:
    """The label that follows glued digits in ``cell`` (from character ``a`` of its text)."""
    text, raw, start, end = _slice(cell, a, len(cell.text))
    return Cell(kind="text", text=text, raw=raw, start=start, end=end, line=cell.line, hard_break_before=True)


def _glued(cell: Cell, a: int, b: int, readings: tuple[str, ...], unit: Optional[str], first: bool = False) -> _Glued:
    _, raw, start, end = _slice(cell, a, b)
    return _Glued(readings=readings, unit=unit, raw=raw, span=Span(start=start, end=end, line=cell.line), first=first)


def _split_head(cell: Cell, rows: typing.Sequence[Row]) -> Optional[tuple[Optional[_Glued], Optional[Cell]]]:
    """Values at the start of a text cell, and the label that follows them, if any.

    ``件12`` is a unit glued to its value (no label). ``326.属于四类过程性信息`` is a run glued onto
    a numbered label: its list number is the last one or two digits, and which it is comes from the
    label's row among ``rows`` (the rows still to read) — ``6.`` when that row is numbered 6. A
    row the template does not number leaves every reading to the solver: ``32`` or ``3``, and for
    ``51.当面申请数`` ``5`` or nothing at all (an empty reading: the label may be numbered 51). A
    label numbered ``(三)`` or ``四、``, or not at all, takes no digits. ``None`` when the cell is
    no such thing.
    """
    m = _HEAD_RE.fullmatch(cell.text)
    if m is None:
        return None
    unit, digits, rest = m["unit"], m["digits"], m["rest"]
    end = m.end("digits")
    if not rest:
        return (_glued(cell, 0, end, (digits,), unit), None) if unit else None
    if rest[0] in ".、":
        if len(rest) < 2 or rest[1].isdigit() or not digits.isdigit():
            return None
        for row in rows:
            widths = [w for w in (1, 2) if w <= len(digits) and digits[-w] != "0" and _text_matches(digits[-w:] + rest, row)]
            if widths:
                break
        else:
            return None
        readings = tuple(digits[:-w] for w in widths)
        if readings == ("",):
            return None  # a numbered label, nothing glued
        cut = end - widths[0]
        return _glued(cell, 0, cut, readings, unit), _label_cell(cell, cut)
    if _CN_NUMBERING_RE.match(rest) or any(_text_matches(rest, row) for row in rows):
        return _glued(cell, 0, end, (digits,), unit), _label_cell(cell, end)
    return None


def _split_tail(cell: Cell, row: Row) -> Optional[_Glued]:
    """Values glued onto the end of ``row``'s own label (``收到申请数件12``), if the label without
    them still names the row."""
    m = _TAIL_RE.search(cell.text)
    if m is None or m.start() == 0 or not _text_matches(cell.text[: m.start()], row):
        return None
    parts = _TAIL_PARTS_RE.fullmatch(m.group())
    return _glued(cell, m.start(), len(cell.text), (parts["digits"],), parts["unit"], first=True)


def _is_digit_run(cell: Cell, n: int) -> bool:
    """A lone number cell where ``n`` values belong: digits only (no sign, decimal point, thousands
    comma or unit), at least ``n`` of them."""
    return cell.kind == "number" and cell.unit is None and bool(_DIGIT_RUN_RE.fullmatch(cell.text)) and len(cell.text) >= n


def _find_label(cells: list, pos: int, row: Row) -> Optional[int]:
    """The index of ``row``'s label from ``pos`` on. A label found behind glued digits replaces its
    cell in ``cells`` (the digits belonged to a row that did not claim them).

    A text that matches only approximately (:func:`gkparse.labels.label_matches`' fuzzy rules) is
    the row only when values follow it: a heading one character away from a label
    (``主动公开政府信息情况`` for ``主动公开政府信息数``) is not the row, and the search goes on."""
    for i in range(pos, len(cells)):
        cell = cells[i]
        if cell.kind != "text":
            continue
        if _row_matches(cell, row):
            if _values_follow(cells, i) or _matches_strictly(cell.text, row):
                return i
            continue
        head = _split_head(cell, (row,)) if _may_open_with_values(cell.text) else None
        if head is not None and head[1] is not None and _row_matches(head[1], row):
            cells[i] = head[1]
            return i
    return None


def _may_open_with_values(text: str) -> bool:
    """A cheap test before :data:`_HEAD_RE`: does ``text`` open with a digit or a unit's first
    character?"""
    return text[:1] in _HEAD_FIRST


def _values_follow(cells: list, i: int) -> bool:
    """Is the text cell ``i`` followed by a value cell (units and empty markers count), or does it
    end with digits (values glued on)?"""
    nxt = cells[i + 1] if i + 1 < len(cells) else None
    return (nxt is not None and nxt.kind != "text") or cells[i].text[-1:].isdigit()


def _matches_strictly(text: str, row: Row) -> bool:
    """Does ``text`` match ``row`` exactly or by prefix, without the fuzzy rules?"""
    key = label_key(text)
    return any(label_matches(key, wanted, fuzzy=False) for wanted in _row_keys(row))


def _glued_values(
    cells: list, i: int, j: int, slots: list, row: Row, later: typing.Sequence[Row]
) -> tuple[Optional[_Glued], list, int]:
    """The glued digits of a row that has too few value cells (its label is ``cells[i]``, its value
    cells ``slots`` end at ``j``), the value cells read apart, and where the search for the next
    row resumes.

    A row may have one glued source: digits glued onto the end of its label, a text cell after its
    values that opens with digits (glued onto the next label, or after a unit), or — when it is the
    row's only value cell — a lone run of digits. Its other value cells are certain. Two sources, or
    a certain cell that looks glued itself (``007``), and the row is not read.
    """
    sources = []
    tail = _split_tail(cells[i], row)
    if tail is not None:
        sources.append(tail)
    pos = j
    if j < len(cells) and cells[j].kind == "text":
        head = _split_head(cells[j], later)
        if head is not None:
            sources.append(head[0])
            if head[1] is None:
                pos = j + 1  # 件12: consumed whole
    if not sources and len(slots) == 1 and _is_digit_run(slots[0][0], len(row.columns)):
        cell = slots[0][0]
        return _Glued(readings=(cell.text,), unit=None, raw=cell.raw, span=cell.span), [], pos
    if len(sources) != 1:
        return None, slots, pos
    glued = sources[0]
    n = len(row.columns) - len(slots)
    if any(c.kind == "number" and len(c.number or "") > 1 and c.number[0] == "0" and "." not in c.number for c, _ in slots):
        return None, slots, pos
    if any("." in r for r in glued.readings) and not (n == 1 and row.columns[0 if glued.first else -1].kind == "money"):
        return None, slots, pos
    return glued, slots, pos


def _glued_run(t: TableTemplate, row: Row, glued: _Glued, certain: int) -> tuple[GluedRun, tuple[Column, ...], tuple[Column, ...]]:
    """The :class:`GluedRun` of a row's glued digits, given how many of its cells were read apart;
    the columns of those certain cells; the columns of the run."""
    n = len(row.columns) - certain
    if glued.first:
        run_columns, certain_columns = row.columns[:n], row.columns[n:]
    else:
        certain_columns, run_columns = row.columns[:certain], row.columns[certain:]
    run = GluedRun(
        where=f"{t.prefix}.{row.key}" if t.prefix else row.key,
        keys=tuple(t.key_of(row, c) for c in run_columns),
        digits=glued.readings,
        label=row.labels[0],
        raw=glued.raw,
        span=glued.span,
    )
    return run, certain_columns, run_columns


@frozen(kw_only=True)
class _Pending:
    """A glued run waiting for the solver: the (row, column) of each of its keys, and the unit
    printed with it."""

    run: GluedRun
    slots: tuple[tuple[Row, Column], ...]
    unit: Optional[str] = None


def _solve_runs(doc: Document, t: TableTemplate, values: dict, runs: typing.Sequence[_Pending]) -> list[Diagnostic]:
    """Split the table's glued runs with its invariants (:func:`gkparse.glue.solve`); put the proven
    values into ``values``, each with the run's span as its provenance; return the diagnostics."""
    known = {k: f.value for k, f in values.items()}
    diags = []
    # One work budget for every glued run of the document (all its tables and candidate reads).
    budget = doc.memo.setdefault("glue_budget", Budget())
    for pending, outcome in zip(runs, solve(t.invariants, known, [p.run for p in runs], budget=budget)):
        run = pending.run
        diags.append(outcome.diagnostic(doc.source, t.title))
        if outcome.values is None:
            continue
        for key, (row, column), value in zip(run.keys, pending.slots, outcome.values):
            number = format(value, "f") if isinstance(value, Decimal) else str(value)
            span = run.span
            cell = Cell(kind="number", text=number, raw=run.raw, start=span.start, end=span.end, line=span.line, number=number, unit=pending.unit)
            fig, diag = cell_figure(cell, column, table=t.name, row=row.key, source=doc.source)
            if diag:
                diags.append(diag)
            if fig is not None:
                values[key] = fig
    return diags


def _read_glued_run(doc: Document, t: TableTemplate, cell: Cell, slots: list) -> TableRead:
    """A run-layout table printed as one run of digits (table 4's fifteen numbers)."""
    where = t.prefix or t.name
    run = GluedRun(where=where, keys=tuple(t.key_of(r, c) for r, c in slots), digits=(cell.text,), label=where, raw=cell.raw, span=cell.span)
    values: dict = {}
    diags = _solve_runs(doc, t, values, [_Pending(run=run, slots=tuple(slots))])
    return TableRead(template=t, values=values, rows_found=len(t.rows), diagnostics=tuple(diags), located=True)


def read_table(doc: Document, template: TableTemplate, lo: int = 0, hi: Optional[int] = None) -> TableRead:
    """Read ``template`` from the cells ``[lo, hi)`` of ``doc`` with the template's layout."""
    hi = len(doc.cells) if hi is None else hi
    reader = _read_run if template.layout == "run" else _read_rows
    return reader(doc, template, lo, hi)


def count_markers(doc: Document, template: TableTemplate, lo: int = 0, hi: Optional[int] = None) -> int:
    """How many of the template's era markers the cells ``[lo, hi)`` print."""
    hi = len(doc.cells) if hi is None else hi
    wanted = [label_key(m) for m in template.markers]
    found = set()
    for cell in doc.cells[lo:hi]:
        if cell.kind != "text":
            continue
        key = label_key(cell.text)
        for n, w in enumerate(wanted):
            if n not in found and label_matches(key, w):
                found.add(n)
    return len(found)
