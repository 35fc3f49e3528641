"""Stage 4, rendering: the body's elements as lines, a data table as one tab-separated line per row.

:class:`_Renderer` walks the chosen body: blocks and ``<br>`` end lines, inline elements join,
whitespace collapses; preformatted text keeps its lines; link lists and whole-line page furniture
(:data:`_CHROME_LINE_RE`: 打印 / 关闭 / 【字体：大 中 小】) are left out; layout tables are unwrapped and
data tables render one line per row into a :class:`~gkparse.html.grid._Grid` (covered span
positions and empty 单位 cells left out, a table split in two joined). On the way it notes the
links and images, which stage 5 needs for attachments.
"""

from __future__ import annotations

import re
from typing import Optional

from .body import _Stats
from .grid import _UNIT_HEADERS, _cells, _Grid, _is_layout, _rows, _span
from .text import BLOCK_TAGS, _WS_CHARS, _WS_RE, _collapse
from .tree import Node


_PRE_TAGS = ("pre", "listing", "xmp", "plaintext")
# Characters str.splitlines() breaks at, besides \n: never inside a rendered line.
_PRE_BREAKS = re.compile("[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


_CHROME_LINE_RE = re.compile(
    r"(?:[【\[(（]?\s*(?:打印(?:本页|此页|文章|本文)?|关闭(?:窗口|本页)?|關閉(?:窗口)?|返回顶部|返回|收藏(?:本页)?|"
    r"分享到?\s*[:：]?|字体\s*[:：]?(?:\s*[大中小]\s*)*|字號\s*[:：]?(?:\s*[大中小]\s*)*|默认|"
    r"扫一扫在手机(?:上)?打开当前页|纠错|保存)\s*[】\])）]?\s*[|｜]?\s*)+"
)


def _plain_text(node: Node) -> str:
    parts = []
    stack: list = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        else:
            parts.append(" ")
            stack.extend(reversed(item.children))
    return "".join(parts)


class _Renderer:
    def __init__(self, stats: dict[int, _Stats]) -> None:
        self.stats = stats
        self.lines: list[str] = []
        self.grid: set[int] = set()  # 0-based indexes of grid lines
        self.buf: list[str] = []
        self.grids: list[_Grid] = []
        self.last_table: Optional[tuple[_Grid, int]] = None  # (grid, len(lines) when it ended)
        self.images: list[str] = []
        self.links: list[str] = []
        self.link_lists: list[str] = []  # text of the link lists left out (附件：a.pdf b.xlsx)

    # -- lines

    def flush(self) -> None:
        if self.buf:
            line = _collapse("".join(self.buf))
            self.buf.clear()
            if line and not _CHROME_LINE_RE.fullmatch(line):
                self.lines.append(line)

    # -- walking

    def _link_list(self, node: Node) -> bool:
        """A block that is mostly links (related links, share bars, menus)."""
        s = self.stats.get(id(node))
        return s is not None and s.links >= 2 and s.chars > 0 and s.link_chars >= 0.7 * s.chars

    def _note_resources(self, node: Node) -> None:
        if node.tag == "a":
            href = node.attrs.get("href", "").strip()
            if href:
                self.links.append(href)
        elif node.tag == "img":
            src = node.attrs.get("src", "").strip()
            if src:
                self.images.append(src)

    def walk(self, node: Node) -> None:
        # iterative, with explicit "end of block" markers
        stack: list = [node]
        while stack:
            item = stack.pop()
            if item is None:  # end of a block
                self.flush()
                continue
            if isinstance(item, str):
                self.buf.append(item)
                continue
            tag = item.tag
            if tag in ("a", "img"):
                self._note_resources(item)
            if tag == "br" or tag == "hr":
                self.flush()
                continue
            if tag in _PRE_TAGS:
                self.flush()
                self.pre(item)
                continue
            if tag == "table":
                self.flush()
                if _is_layout(item):
                    stack.append(None)
                    for row in reversed(_rows(item)):
                        for cell in reversed(_cells(row)):
                            stack.append(None)
                            stack.append(cell)
                            stack.append(None)
                else:
                    self.table(item)
                continue
            if tag in BLOCK_TAGS:
                self.flush()
                if tag not in ("td", "th", "tr", "tbody", "thead", "tfoot", "body", "html") and self._link_list(item):
                    for n in item.iter():
                        if n.tag in ("a", "img"):
                            self._note_resources(n)
                    self.link_lists.append(_collapse(_plain_text(item)))
                    continue
                stack.append(None)
                stack.extend(reversed(item.children))
                continue
            stack.extend(reversed(item.children))

    def pre(self, node: Node) -> None:
        """Preformatted text keeps its line breaks and tabs (as crawled text does)."""
        parts = []
        for n in node.iter():
            if n.tag in ("a", "img"):
                self._note_resources(n)
        stack: list = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            elif item.tag == "br":
                parts.append("\n")
            else:
                stack.extend(reversed(item.children))
        for line in "".join(parts).replace("\r\n", "\n").split("\n"):
            line = _PRE_BREAKS.sub(" ", line).strip(_WS_CHARS)
            if line:
                self.lines.append(line)

    # -- data tables

    def cell_text(self, cell: Node) -> str:
        parts: list[str] = []
        stack: list = [cell]
        while stack:
            item = stack.pop()
            if item is None:
                parts.append(" ")
                continue
            if isinstance(item, str):
                parts.append(item)
                continue
            if item.tag in ("a", "img"):
                self._note_resources(item)
            if item.tag in ("br", "hr"):
                parts.append(" ")
                continue
            if item.tag in BLOCK_TAGS and item is not cell:
                parts.append(" ")
                stack.append(None)
            stack.extend(reversed(item.children))
        return _collapse("".join(parts))

    def table(self, table: Node) -> None:
        rows = _rows(table)
        caption = next((c for c in table.children if isinstance(c, Node) and c.tag == "caption"), None)
        if caption is not None:
            self.buf.append(self.cell_text(caption))
            self.flush()
        # A split table: the previous data table ended just here, nothing rendered in between.
        grid = None
        if self.last_table is not None and caption is None and not self.buf:
            prev, ended = self.last_table
            if ended == len(self.lines) and rows:
                first = _cells(rows[0])
                width = sum(_span(c.attrs.get("colspan"), 1, 1000) or 1 for c in first)
                if width + prev.covered_now() == prev.width and prev.width > 0:
                    grid = prev
        if grid is None:
            grid = _Grid()
            self.grids.append(grid)
        remaining = len(rows)
        for row in rows:
            remaining -= 1
            fields = self.row(grid, row, remaining)
            if fields is not None and any(f for f in fields):
                self.grid.add(len(self.lines))
                self.lines.append("\t".join(fields))
        self.last_table = (grid, len(self.lines))

    def row(self, grid: _Grid, row: Node, remaining: int) -> Optional[list[str]]:
        out: list[Optional[str]] = []
        fields: list[str] = []
        col = 0
        index = len(grid.rows)

        def advance() -> None:
            nonlocal col
            while grid.pending.get(col, 0) > 0:
                out.append(None)
                col += 1

        header_units = []
        for cell in _cells(row):
            advance()
            colspan = _span(cell.attrs.get("colspan"), 1, 1000) or 1
            rowspan = _span(cell.attrs.get("rowspan"), 1, 65534)
            if rowspan == 0:  # to the end of the table (section)
                rowspan = remaining + 1
            text = self.cell_text(cell)
            out.append(text)
            out.extend([None] * (colspan - 1))
            if rowspan > 1:
                for k in range(col, col + colspan):
                    grid.pending[k] = max(grid.pending.get(k, 0), rowspan)
            if index < 3 and _WS_RE.sub("", text) in _UNIT_HEADERS:
                header_units.extend(range(col, col + colspan))
            if not (text == "" and col in grid.unit_columns):
                fields.append(text)
            col += colspan
        # positions still covered at the end of the row
        end = max([col] + [k + 1 for k, v in grid.pending.items() if v > 0 and k >= col])
        while col < end:
            out.append(None if grid.pending.get(col, 0) > 0 else "")
            col += 1
        # every rowspan in this row's columns has now covered one more row
        for k in list(grid.pending):
            if grid.pending[k] > 0:
                grid.pending[k] -= 1
        grid.width = max(grid.width, len(out))
        grid.rows.append(out)
        grid.unit_columns.update(header_units)
        return fields

    # -- result

    def resources(self) -> tuple[list[str], list[str]]:
        return self.links, self.images
