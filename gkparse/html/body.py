"""Stage 3, the body: which element holds the report, found by its content, never by class names.

The page's text is cut into chunks (:func:`_chunks`: the inline text a block holds directly);
each chunk weighs by the report vocabulary it holds (:data:`_VOCAB_RE`), its length and number
cells, link text weighing nothing (:func:`_chunk_weight`); :func:`_stats` sums that per element.
:func:`_choose_body` then walks down from ``<body>`` into the heaviest child while it holds at least
:data:`_DESCEND` of its parent's weight — only into containers, never into a paragraph or a data
table.
"""

from __future__ import annotations

import re
from typing import Optional

from .grid import _is_layout
from .text import BLOCK_TAGS, _CELL_TAGS, _DROP_WS, _collapse, _nonspace_len
from .tree import Node


# Report vocabulary (simplified and traditional), longest first; each hit weighs on the body choice.
_VOCAB_RE = re.compile(
    "|".join(
        sorted(
            """政府信息公开 政府信息公開 政府資訊公開 信息公开 信息公開 政务公开 政務公開 主动公开 主動公開 依申请 依申請
            行政复议 行政復議 行政诉讼 行政訴訟 第二十条 第二十條 收到和处理 收到和處理 办理结果 辦理結果 年度报告 年度報告
            不予公开 不予公開 统计期限 統計期限 条例 條例 自然人 法人或其他组织 法人或其他組織 结转 結轉 规范性文件 規範性文件
            規范性文件 行政许可 行政許可 行政处罚 行政處罰 统计指标 統計指標 申请 申請 公开 公開""".split(),
            key=len,
            reverse=True,
        )
    )
)
_NUMBER_CELL_RE = re.compile(r"[+-]?\d+(?:[.,]\d+)*\s*(?:万元|元|件|条|個|个|人次|人|次|篇|%)?")


class _Chunk:
    """The inline text a block element holds directly (between its child blocks)."""

    __slots__ = ("owner", "parts", "plain", "links")

    def __init__(self, owner: Node) -> None:
        self.owner = owner
        self.parts: list[str] = []  # all text
        self.plain: list[str] = []  # text outside links
        self.links = 0

    @property
    def text(self) -> str:
        return _collapse("".join(self.parts))


def _chunks(root: Node) -> list[_Chunk]:
    """The page's text as chunks, in document order (a block's text after a child block is a new
    chunk of the same owner)."""
    chunks: list[_Chunk] = []
    first = _Chunk(root)
    chunks.append(first)
    # stack items: (node, child index, chunk, in_link)
    stack: list = [[root, 0, first, False]]
    while stack:
        frame = stack[-1]
        node, i, chunk, in_link = frame
        if i >= len(node.children):
            stack.pop()
            if stack and node.tag in BLOCK_TAGS:
                # text after a block belongs to a new chunk of the enclosing block
                outer = stack[-1]
                new = _Chunk(outer[2].owner)
                chunks.append(new)
                outer[2] = new
            continue
        frame[1] = i + 1
        c = node.children[i]
        if isinstance(c, str):
            chunk.parts.append(c)
            if not in_link:
                chunk.plain.append(c)
            continue
        link = in_link or c.tag == "a"
        if c.tag == "a":
            chunk.links += 1
        if c.tag in BLOCK_TAGS:
            new = _Chunk(c)
            chunks.append(new)
            stack.append([c, 0, new, link])
        else:
            stack.append([c, 0, chunk, link])
    return [c for c in chunks if c.links or "".join(c.parts).translate(_DROP_WS)]


def _chunk_weight(chunk: _Chunk) -> float:
    plain = "".join(chunk.plain)
    if not plain:
        return 0.0
    hits = len(_VOCAB_RE.findall(plain))
    length = _nonspace_len(plain)
    weight = 3.0 * hits + length / 40.0
    if chunk.owner.tag in _CELL_TAGS and _NUMBER_CELL_RE.fullmatch(_collapse(plain)):
        weight += 0.5
    return weight


class _Stats:
    """Per-element sums over its subtree: weight, characters, link characters, links."""

    __slots__ = ("weight", "chars", "link_chars", "links", "container")

    def __init__(self) -> None:
        self.weight = 0.0
        self.chars = 0
        self.link_chars = 0
        self.links = 0
        self.container = False  # holds a block with text below itself


def _stats(root: Node, chunks: list[_Chunk]) -> dict[int, _Stats]:
    """Sums per element over its subtree: each chunk counts for its owner, then every element's
    sums are added to its parent's (children before parents)."""
    out: dict[int, _Stats] = {}
    for chunk in chunks:
        s = out.get(id(chunk.owner))
        if s is None:
            s = out[id(chunk.owner)] = _Stats()
        chars = _nonspace_len("".join(chunk.parts))
        plain = _nonspace_len("".join(chunk.plain))
        s.weight += _chunk_weight(chunk)
        s.chars += chars
        s.link_chars += chars - plain
        s.links += chunk.links
    for node in reversed(list(root.iter())):
        s = out.get(id(node))
        if s is None or node.parent is None:
            continue
        p = out.get(id(node.parent))
        if p is None:
            p = out[id(node.parent)] = _Stats()
        p.weight += s.weight
        p.chars += s.chars
        p.link_chars += s.link_chars
        p.links += s.links
        p.container = True  # it holds a block with text (or a container of one) below itself
    return out


_DESCEND = 0.9


def _find(root: Node, tag: str) -> Optional[Node]:
    return next((n for n in root.iter() if n.tag == tag), None)


def _choose_body(root: Node, stats: dict[int, _Stats]) -> Node:
    body = _find(root, "body") or root
    current = body
    while True:
        total = stats.get(id(current))
        if total is None or total.weight <= 0:
            return current
        best, best_w = None, 0.0
        for c in current.children:
            if isinstance(c, Node):
                s = stats.get(id(c))
                if s is not None and s.weight > best_w:
                    best, best_w = c, s.weight
        if best is None or best_w < _DESCEND * total.weight or not stats[id(best)].container:
            return current
        if best.tag == "table" and not _is_layout(best):
            return current
        if best.tag in ("tr", "td", "th", "thead", "tbody", "tfoot") and _data_table_part(best):
            return current
        current = best


def _data_table_part(node: Node) -> bool:
    p = node.parent
    while p is not None and p.tag != "table":
        p = p.parent
    return p is not None and not _is_layout(p)
