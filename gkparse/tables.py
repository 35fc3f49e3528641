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

:func:`assemble` turns ``{flat key: Figure}`` into the template's typed model.
"""

from __future__ import annotations

import functools
import typing
from decimal import Decimal, InvalidOperation
from typing import Optional

import attrs
from attrs import frozen

from .document import Cell, Document
from .labels import label_key, label_matches, split_numbering
from .model import Diagnostic, Figure, Provenance
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

    @property
    def found(self) -> bool:
        return bool(self.values)


@functools.lru_cache(maxsize=4096)
def _row_keys(row: Row) -> tuple[str, ...]:
    return tuple(label_key(label) for label in row.labels)


def _row_matches(cell: Cell, row: Row) -> bool:
    number, _ = split_numbering(cell.text)
    if row.number is not None and number is not None and number != row.number:
        return False
    key = label_key(cell.text)
    return any(label_matches(key, wanted) for wanted in _row_keys(row))


def cell_figure(
    cell: Cell, column: Column, *, table: str, row: str, source: str, unit_hint: Optional[str] = None
) -> tuple[Optional[Figure], Optional[Diagnostic]]:
    """The :class:`Figure` of a value cell under ``column``, or a diagnostic when it cannot be one.

    Empty markers give a figure with ``value=None``. Money is converted to 万元 when printed in 元.
    """
    prov = Provenance(origin="table", span=cell.span, table=table, row=row, column=column.key)
    if cell.kind in ("null", "blank"):
        return Figure(value=None, raw=cell.raw, source=prov, null=cell.null or "blank"), None
    unit = cell.unit or unit_hint
    where = f"{table}.{row}" + (f".{column.key}" if column.key else "")
    try:
        number = Decimal(cell.number or "")
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
    if number != number.to_integral_value():
        return None, Diagnostic(code="bad_value", severity="warning", message=f"{source}: {cell.raw!r} is not a whole number, as a count must be", where=where, span=cell.span)
    return Figure(value=int(number), raw=cell.raw, source=prov, unit=cell.unit), None


def _read_rows(doc: Document, t: TableTemplate, lo: int, hi: int) -> TableRead:
    cells = doc.cells
    values: dict = {}
    diags: list[Diagnostic] = []
    pos = lo
    rows_found = 0
    for row in t.rows:
        i = pos
        while i < hi and not (cells[i].kind == "text" and _row_matches(cells[i], row)):
            i += 1
        if i >= hi:
            continue
        rows_found += 1
        j = i + 1
        slots: list[tuple[Cell, Optional[str]]] = []
        unit_hint = None
        while j < hi and cells[j].kind != "text":
            if cells[j].kind == "unit":
                unit_hint = cells[j].unit
            else:
                slots.append((cells[j], unit_hint))
            j += 1
        pos = j
        where = f"{t.prefix}.{row.key}"
        if len(slots) != len(row.columns):
            if slots or row.columns:
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
        for (cell, hint), column in zip(slots, row.columns):
            fig, diag = cell_figure(cell, column, table=t.name, row=row.key, source=doc.source, unit_hint=hint)
            if diag:
                diags.append(diag)
            if fig is not None:
                values[t.key_of(row, column)] = fig
    return TableRead(template=t, values=values, rows_found=rows_found, diagnostics=tuple(diags))


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
            if n not in found and label_matches(key, w, prefix=False):
                found.add(n)
    return len(found)


# --------------------------------------------------------------------------- typed assembly


@functools.lru_cache(maxsize=None)
def _field_types(cls: type) -> dict[str, type]:
    """Attribute name → the attrs class (or Figure) it holds, unwrapping ``Optional[...]``."""
    hints = typing.get_type_hints(cls)
    out = {}
    for f in attrs.fields(cls):
        tp = hints[f.name]
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        out[f.name] = args[0] if len(args) == 1 else tp
    return out


def assemble(cls: type, values: dict, prefix: str = ""):
    """Build an instance of the attrs class ``cls`` from figures keyed by flat key below ``prefix``.

    Returns ``None`` when no value falls inside ``cls`` (an absent table stays absent).
    """
    start = prefix + "." if prefix else ""
    kwargs = {}
    for name, tp in _field_types(cls).items():
        key = start + name
        if tp is Figure:
            if key in values:
                kwargs[name] = values[key]
        elif attrs.has(tp):
            if any(k.startswith(key + ".") for k in values):
                kwargs[name] = assemble(tp, values, key)
    return cls(**kwargs) if kwargs else None
