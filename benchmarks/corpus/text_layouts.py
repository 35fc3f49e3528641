"""The four text layouts: how a document's blocks become plain text.

* ``cell_per_line``: every line and every table cell on its own line, blank lines in between (an
  HTML page stripped to text);
* ``row_per_line_spaces`` / ``_tabs`` / ``_pipes``: a table row on one line, its cells joined by runs
  of two to eight spaces, by tabs, or by `` | `` between pipes.

A block is ``(kind, payload)``: a str for every kind but ``"table"``, whose payload is a
:class:`~corpus.common.TableBlock`. Paragraph kinds (``para``, ``preamble``) are indented with the
document's indent; every other kind is printed as it is.
"""

from __future__ import annotations

import random
from typing import Sequence

from .common import PARA_KINDS, Style


def render(blocks: list, style: Style, rng: random.Random) -> str:
    """Blocks -> text.

    cell_per_line puts every line and every cell on its own line with blank lines in between (an HTML
    page stripped to text). The row layouts keep a table row on one line; blocks are separated by
    blank lines or not, depending on the document. `rng` (the "gaps" stream) only draws the width of
    the space runs of row_per_line_spaces."""
    if style.layout == "cell_per_line":
        lines = [line for block in blocks for line in cell_lines(block, style)]
        return "\n\n".join(lines) + "\n"
    gap = "\n\n" if style.para_gap else "\n"
    chunks = [row_chunk(block, style, rng) for block in blocks]
    return gap.join(chunks) + "\n"


def cell_lines(block: tuple, style: Style) -> list:
    kind, payload = block
    if kind != "table":
        return [style.indent + payload if kind in PARA_KINDS else payload]
    tail = " " if style.trailing_space else ""
    lines = []
    for row in payload.rows():
        for cell in row.cells:
            parts = split_header_cell(cell) if row.kind == "header" and style.split_headers else [cell]
            lines.extend(part + tail for part in parts)
    return lines


# Narrow sub-heading cells that wrap onto two lines when a page is turned into text.
SPLITTABLE_HEADERS = {
    "商业企业": 2, "科研机构": 2, "社会公益组织": 4, "法律服务机构": 4,
    "结果维持": 2, "结果纠正": 2, "其他结果": 2, "尚未审结": 2,
}


def split_header_cell(cell: str) -> list:
    """商业企业 -> 商业 / 企业, 社会公益组织 -> 社会公益 / 组织; other cells stay whole."""
    at = SPLITTABLE_HEADERS.get(cell)
    return [cell[:at], cell[at:]] if at else [cell]


def row_chunk(block: tuple, style: Style, rng: random.Random) -> str:
    kind, payload = block
    if kind != "table":
        return style.indent + payload if kind in PARA_KINDS else payload
    return "\n".join(join_row(row.cells, style.layout, rng) for row in payload.rows())


def join_row(cells: Sequence[str], layout: str, rng: random.Random) -> str:
    if layout == "row_per_line_tabs":
        return "\t".join(cells)
    if layout == "row_per_line_pipes":
        return "| " + " | ".join(cells) + " |"
    text = cells[0]
    for cell in cells[1:]:
        text += " " * rng.randint(2, 8) + cell
    return text
