"""Tables: their rows and cells, layout or data, spans, and the grid a data table fills.

A *layout* table (a cell holding a nested table or a long text, or a single cell) is only page
structure and is unwrapped by the renderer (:func:`_is_layout`); a *data* table fills a
:class:`_Grid`, expanded by its ``rowspan``/``colspan`` (:func:`_span`). :data:`_UNIT_HEADERS` are the
header texts of a 单位 (unit) column, whose empty cells are no value slots. The filling itself is
:meth:`gkparse.html.rendering._Renderer.table`.
"""

from __future__ import annotations

import re
from typing import Optional

from .text import _CELL_TAGS, _text_len
from .tree import Node


_ROW_GROUPS = ("thead", "tbody", "tfoot")


def _rows(table: Node) -> list[Node]:
    """The table's own rows, in document order (not those of nested tables)."""
    rows = []
    for c in table.children:
        if not isinstance(c, Node):
            continue
        if c.tag == "tr":
            rows.append(c)
        elif c.tag in _ROW_GROUPS:
            rows.extend(r for r in c.children if isinstance(r, Node) and r.tag == "tr")
    return rows


def _cells(row: Node) -> list[Node]:
    return [c for c in row.children if isinstance(c, Node) and c.tag in _CELL_TAGS]


_LAYOUT_CELL_CHARS = 300


def _is_layout(table: Node) -> bool:
    """A layout table: a cell holds a nested table or a long text, or there is only one cell."""
    if table.layout is not None:
        return table.layout
    cells = [c for r in _rows(table) for c in _cells(r)]
    result = len(cells) <= 1
    if not result:
        for cell in cells:
            if any(n.tag == "table" for n in cell.iter() if n is not cell) or _text_len(cell) > _LAYOUT_CELL_CHARS:
                result = True
                break
    table.layout = result
    return result


def _span(value: Optional[str], default: int, limit: int) -> int:
    if value is None:
        return default
    m = re.match(r"\s*(\d+)", value)
    if not m:
        return default
    n = int(m.group(1))
    return min(n, limit)


class _Grid:
    """A data table's grid while it is being filled (a split table continues the same grid)."""

    def __init__(self) -> None:
        self.rows: list[list[Optional[str]]] = []  # text at a cell's own position, None where covered
        self.pending: dict[int, int] = {}  # column → rows still covered by a rowspan from above
        self.width = 0
        self.unit_columns: set[int] = set()

    def covered_now(self) -> int:
        return sum(1 for v in self.pending.values() if v > 0)


_UNIT_HEADERS = frozenset(("单位", "單位", "计量单位", "計量單位"))
