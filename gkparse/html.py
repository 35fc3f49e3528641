"""HTML pages → a *rendering*: the report's text, one line per block and one line per table row.

Reports are fetched as web pages from thousands of CMS sites. This module turns a decoded page
(never raw bytes: :mod:`gkparse.decode` decides the encoding) into plain text that
:func:`gkparse.normalize.normalize_text` makes into the same :class:`~gkparse.document.Document` the
text path makes, so format plugins never care where their input came from.

The stages, in order:

1. **Tree.** A tree builder parses the string: html5lib (the default, pure Python, the reference
   HTML5 parsing algorithm) or, with ``builder="fast"``, Lexbor through selectolax
   (:mod:`gkparse.html_fast`, the ``fast`` extra). Either one is converted to the same small neutral
   tree (:class:`Node`); everything below runs on that tree only, which is why both builders give
   identical renderings. The conversion already leaves out what is never text: comments,
   ``<head>``, scripts, styles, forms' controls, embedded objects, SVG/MathML, ``<nav>``/``<aside>``,
   and *hidden* elements (a ``hidden`` attribute, ``display:none`` or ``visibility:hidden`` inline).
   The first ``<title>`` is kept aside.
2. **Chrome.** ``<header>``/``<footer>`` are dropped unless they sit in an ``<article>``/``<main>`` (there
   they hold the article's own title and date) or hold much text (a misused wrapper); a ``<form>``
   with little text (a search box) is dropped, a large one (ASP.NET wraps whole pages in one) is
   kept. Duplicates (a print or mobile copy of the report, a summary box repeating a paragraph: the
   same text, at least :data:`_DUP_MIN` characters, in elements none of which is inside another)
   are dropped, keeping the copy that sits among the most text (the report's own copy).
3. **Body.** The report body is found by *content*, never by class names: every block's own text
   is weighed by the report vocabulary it holds (政府信息公开, 依申请, 行政复议, 第二十条, …), its
   length, and number cells; link text weighs nothing. Starting from ``<body>``, the walk descends
   into the heaviest child while that child holds at least :data:`_DESCEND` of the weight of its
   parent, and only into containers (elements holding blocks of text below themselves): never into
   a single paragraph, nor into a data table. Inside the body, link lists (related links, share bars:
   two or more links making up most of a block's text) and whole-line page furniture (打印 / 关闭 /
   【字体：大 中 小】) are dropped.
4. **Rendering.** Block elements (``p``, ``div``, ``h1``…, ``li``) and ``<br>`` end lines; inline
   elements join without a space (``<span>2</span><span>0</span>`` is ``20``); whitespace runs
   (including no-break and ideographic spaces) collapse to one space. **Tables:**

   * a *layout* table (a cell holding a nested table or a long text, or a single cell) is unwrapped:
     its cells render as blocks, in row order;
   * a *data* table renders ONE LINE PER ROW, its cells separated by a tab. The grid is expanded
     (rowspan/colspan), but only each cell's own grid position is written: the positions a span
     covers are **left out**, not written as empty fields. The table readers take a row label and
     then the value cells that follow it (:mod:`gkparse.tables`): an empty field for each covered
     position would add a value slot to 22 rows of table 3 (under 三、本年度办理结果, rowspan 22),
     two to 行政许可's value (colspan 3 in the 2021 table 2) and two after each colspan-3 row
     label of table 3, and no row would read. A cell the page leaves empty (``&nbsp;``, whitespace)
     is an empty field: a blank value;
   * ``<br>`` and ``<p>`` inside a cell join with a space into the one field;
   * an empty cell in a **单位 column** (the unit column of the era-2008 form, found by its header)
     is left out as well: it is not a value slot; a filled one stays (a unit word);
   * rows whose cells are all empty are left out;
   * a data table split by the CMS into two consecutive ``<table>`` elements (nothing rendered
     between them, and the second's rows fit the first's width once the first's pending rowspans
     are counted) is joined into one grid, so rowspans continue and the 单位 column is known in the
     second part too.

5. **Signals of the page** (emitted as the first lines, so :mod:`gkparse.metadata` reads them as it
   reads crawled text): the ``<title>``, with a site-name suffix (``-沭阳县发改局``, ``_XX政府网``)
   stripped, when no line of the body is a report title; the CMS publication date as
   ``发布日期:YYYY-MM-DD`` when the body has no date line metadata reads — from an info line
   (发布日期 / 发布时间 / 公开日期 / 日期：…) or an index table (a 公开日期 / 发布日期 cell followed by a
   date cell), before the body first, then after it; and the CMS's source line as ``来源:…``
   (信息来源 / 来源：…, never a URL) when the body has none. **Attachments:** when the body says its tables
   are in an attachment or an image (详见附件, 附件：, 见下图, 表格见图片…) and links to documents
   (.pdf, .doc(x), .xls(x), .wps, .ofd, …) or images are there, an ``attachment_tables`` warning
   lists their URLs, so the user knows what to fetch.

Offsets: the rendering is the Document's ``text`` for HTML input; every span points into it.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, Optional, Union

from attrs import field, frozen

from .errors import GkparseError, InputError
from .metadata import _PUBLISHED_RE, _TITLE_RE
from .model import Diagnostic
from .normalize import normalize_chars

__all__ = ["Node", "Rendered", "render", "render_tree", "check_builder", "BUILDERS", "SKIP_TAGS", "is_hidden"]

# --------------------------------------------------------------------------- the neutral tree


class Node:
    """An element of the neutral tree: its tag (lower case), attributes, parent, and children
    (``Node`` or ``str``; adjacent strings are always merged)."""

    __slots__ = ("tag", "attrs", "children", "parent", "layout")

    def __init__(self, tag: str, attrs: dict, parent: Optional["Node"]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Union["Node", str]] = []
        self.parent = parent
        self.layout: Optional[bool] = None  # for tables: memo of _is_layout

    def append_text(self, text: str) -> None:
        if self.children and isinstance(self.children[-1], str):
            self.children[-1] += text
        else:
            self.children.append(text)

    def iter(self) -> Iterator["Node"]:
        """This node and its element descendants, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            elements = [c for c in node.children if c.__class__ is Node]
            if elements:
                elements.reverse()
                stack.extend(elements)

    def dump(self) -> tuple:
        """A plain nested tuple of the tree (for comparing the trees of two builders)."""
        return (self.tag, tuple(sorted(self.attrs.items())), tuple(c if isinstance(c, str) else c.dump() for c in self.children))


# Elements that never hold report text; left out of the neutral tree with everything inside them.
SKIP_TAGS = frozenset(
    """head title meta link base script style noscript template iframe frame frameset noframes object
    embed applet svg math canvas audio video source track picture map area select option optgroup
    button input textarea datalist output progress meter keygen dialog nav aside""".split()
)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def is_hidden(attrs: dict) -> bool:
    """Hidden by the element itself: a ``hidden`` attribute or an inline ``display:none`` /
    ``visibility:hidden`` (class-based hiding needs the site's CSS and cannot be seen)."""
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style) and bool(_HIDDEN_STYLE.search(style))


def _clean_attrs(items: Iterable) -> dict:
    return {str(k).lower(): ("" if v is None else str(v)) for k, v in items}


def _html5lib_tree(html: str) -> tuple[Node, Optional[str]]:
    """The default builder: html5lib's etree tree, converted to :class:`Node`."""
    import html5lib

    root = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    title_el = root.find(".//title")
    title = "".join(title_el.itertext()) if title_el is not None else None
    top = Node("html", _clean_attrs(root.attrib.items()), None)
    stack = [(root, top)]
    while stack:
        el, node = stack.pop()
        if el.text:
            node.append_text(el.text)
        pending = []
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and not tag.startswith("{"):
                tag = tag.lower()
                attrs = _clean_attrs(child.attrib.items())
                if tag not in SKIP_TAGS and not is_hidden(attrs):
                    sub = Node(tag, attrs, node)
                    node.children.append(sub)
                    pending.append((child, sub))
            if child.tail:
                node.append_text(child.tail)
        stack.extend(reversed(pending))
    return top, title


def _fast_tree(html: str) -> tuple[Node, Optional[str]]:
    from .html_fast import build

    return build(html)


#: The tree builders: name → function(decoded HTML string) → (neutral tree, page title).
BUILDERS: dict[str, Callable[[str], tuple[Node, Optional[str]]]] = {"html5lib": _html5lib_tree, "fast": _fast_tree}


def check_builder(builder: str, *, source: str = "<input>") -> None:
    """Raise a clear gkparse error for an unknown builder name, or a missing ``fast`` extra."""
    if builder not in BUILDERS:
        raise InputError(f"unknown HTML builder {builder!r}; choose one of {', '.join(BUILDERS)}", source=source)
    if builder == "fast":
        try:
            import selectolax  # noqa: F401
        except ImportError:
            raise GkparseError(
                "the 'fast' HTML builder needs selectolax: install the extra with pip install 'gkparse[fast]'",
                source=source,
            ) from None


# --------------------------------------------------------------------------- text helpers

_WS_CHARS = " \t\n\r\f\v\xa0\u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\x1c\x1d\x1e\x1f\x85"
_WS_RE = re.compile(f"[{_WS_CHARS}]+")


def _collapse(text: str) -> str:
    return _WS_RE.sub(" ", text).strip(_WS_CHARS)


_DROP_WS = str.maketrans("", "", _WS_CHARS)


def _nonspace_len(text: str) -> int:
    return len(text.translate(_DROP_WS))


BLOCK_TAGS = frozenset(
    """address article blockquote body caption center dd details dir div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu ol p pre section
    summary table tbody td tfoot th thead tr ul xmp plaintext""".split()
)
_CELL_TAGS = ("td", "th")
_PRE_TAGS = ("pre", "listing", "xmp", "plaintext")
# Characters str.splitlines() breaks at, besides \n: never inside a rendered line.
_PRE_BREAKS = re.compile("[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_ROW_GROUPS = ("thead", "tbody", "tfoot")

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

# --------------------------------------------------------------------------- the result


@frozen(kw_only=True)
class Rendered:
    """A rendered page.

    ``text``: one line per block and per table row (cells separated by tabs), ``\\n``-terminated.
    ``grid_lines``: the 1-based numbers of the lines that are table rows (their cells are split on
    tabs, strictly: see :func:`gkparse.normalize.normalize_text`). ``title``: the page ``<title>``
    without its site-name suffix. ``published``: the CMS publication date (ISO) emitted as the
    ``发布日期:`` line, when the body has no date line of its own.
    ``attachments``: document and image URLs of the body when it says its tables are in them.
    ``grids``: every data table as an expanded grid, one tuple per row: the cell's text at its own
    position, ``None`` at positions a span covers (tests and debugging; the text is what counts).
    """

    text: str
    grid_lines: frozenset[int] = frozenset()
    title: Optional[str] = None
    published: Optional[str] = None
    attachments: tuple[str, ...] = ()
    grids: tuple[tuple[tuple[Optional[str], ...], ...], ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())


# --------------------------------------------------------------------------- stage 2: chrome


def _text_len(node: Node, *, links: bool = True) -> int:
    """Non-space characters of ``node``'s text (without the text inside links when ``links`` is False)."""
    total = 0
    stack: list = [node]
    while stack:
        n = stack.pop()
        for c in n.children:
            if isinstance(c, str):
                total += _nonspace_len(c)
            elif links or c.tag != "a":
                stack.append(c)
    return total


def _inside(node: Node, tags: tuple[str, ...]) -> bool:
    p = node.parent
    while p is not None:
        if p.tag in tags:
            return True
        p = p.parent
    return False


_CHROME_MAX = 500  # header/footer/form holding less non-link text than this is page chrome


def _drop_chrome(root: Node) -> None:
    doomed = []
    for node in root.iter():
        if node.tag in ("header", "footer"):
            if not _inside(node, ("article", "main")) and _text_len(node, links=False) < _CHROME_MAX:
                doomed.append(node)
        elif node.tag == "form" and _text_len(node, links=False) < _CHROME_MAX:
            doomed.append(node)
    for node in doomed:
        _remove(node)


def _remove(node: Node) -> None:
    parent = node.parent
    if parent is None:
        return
    for i, c in enumerate(parent.children):
        if c is node:
            del parent.children[i]
            # merge the strings that now touch
            if 0 < i < len(parent.children) and isinstance(parent.children[i - 1], str) and isinstance(parent.children[i], str):
                parent.children[i - 1] += parent.children.pop(i)
            break
    node.parent = None


_DUP_MIN = 80  # non-space characters an element needs before its text counts as a duplicate


def _texts(root: Node) -> dict[int, str]:
    """Every element's text without whitespace, by ``id`` (bottom-up, each string built once)."""
    out: dict[int, str] = {}
    order = list(root.iter())
    for node in reversed(order):
        parts = []
        for c in node.children:
            if isinstance(c, str):
                parts.append(_WS_RE.sub("", c))
            else:
                parts.append(out[id(c)])
        out[id(node)] = "".join(parts)
    return out


def _attached(node: Node, root: Node) -> bool:
    while node.parent is not None:
        node = node.parent
    return node is root


def _ancestors(node: Node) -> list[Node]:
    chain = []
    while node is not None:
        chain.append(node)
        node = node.parent
    return chain[::-1]  # root first


def _branches(copies: list[Node]) -> list[Node]:
    """For each copy, its ancestor (or itself) just below the copies' lowest common ancestor."""
    chains = [_ancestors(c) for c in copies]
    depth = 0
    while all(len(ch) > depth + 1 for ch in chains) and all(ch[depth] is chains[0][depth] for ch in chains):
        depth += 1
    # chains[*][depth - 1] is the common ancestor; [depth] the branch under it
    return [ch[depth] if depth < len(ch) else ch[-1] for ch in chains]


def _drop_duplicates(root: Node) -> int:
    """Drop the copies of a text that appears in several elements, none inside another (print and
    mobile copies of the report, a summary box repeating a paragraph). Of each set of copies, the
    one in the branch (below their common ancestor) holding the most text stays — the report's own
    copy, not a box's; on a tie, the first.
    Returns how many were dropped."""
    texts = _texts(root)
    groups: dict[str, list[Node]] = {}
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        text = texts[id(node)]
        if len(text) >= _DUP_MIN:
            group = groups.get(text)
            if group is None:
                groups[text] = [node]
            elif not any(_within(node, first) for first in group):
                group.append(node)
                continue  # its own descendants repeat those of the first copy
        stack.extend(c for c in reversed(node.children) if isinstance(c, Node))
    dropped = 0
    for text in sorted((t for t, g in groups.items() if len(g) > 1), key=len, reverse=True):
        copies = [n for n in groups[text] if _attached(n, root)]
        if len(copies) < 2:
            continue
        branches = _branches(copies)
        keep = max(range(len(copies)), key=lambda i: (len(texts.get(id(branches[i]), "")), -i))
        for i, node in enumerate(copies):
            if i != keep:
                _remove(node)
                dropped += 1
    return dropped


# --------------------------------------------------------------------------- stage 3: the body


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


# --------------------------------------------------------------------------- tables


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


# --------------------------------------------------------------------------- stage 4: rendering

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


# --------------------------------------------------------------------------- stage 5: signals

_SITE_SEPARATORS = re.compile(r"\s*(?:[-_|–—－｜]+|\s-\s)\s*")
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?")
_DATE_LABELS = ("发布日期", "发布时间", "公开日期", "公开时间", "發布日期", "發布時間", "公開日期", "公開時間", "日期", "时间", "時間", "发表时间")
_DATE_LINE_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:发布日期|发布时间|公开日期|公开时间|發布日期|發布時間|公開日期|公開時間|发表时间|日期|时间|時間)\s*[:：]\s*"
    + _DATE_RE.pattern
)
_ATTACH_SAY_RE = re.compile(r"附件|附表|见下图|見下圖|如下图|见图|見圖|图片|圖片|扫描件|掃描件|点击下载|點擊下載")
_DOC_LINK_RE = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z)(?:$|[?#])", re.I)


def _simplified(text: str) -> str:
    from .script import to_simplified

    return to_simplified(normalize_chars(text))


def _is_title(text: str) -> bool:
    key = _WS_RE.sub("", text)
    if not key or len(key) > 100 or ("报告" not in key and "報告" not in key):
        return False
    return bool(_TITLE_RE.fullmatch(_simplified(key)))


def _page_title(raw: Optional[str]) -> Optional[str]:
    """The page title without a site-name suffix or prefix: the segment that is a report title,
    else the longest segment."""
    if raw is None:
        return None
    title = _collapse(raw)
    if not title:
        return None
    segments = [s for s in _SITE_SEPARATORS.split(title) if s.strip()]
    if not segments:
        return None
    for s in segments:
        key = _WS_RE.sub("", s)
        if ("报告" in key or "報告" in key) and _TITLE_RE.search(_simplified(key)):
            return s.strip()
    return max(segments, key=len).strip()


def _iso(m: re.Match) -> Optional[str]:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _date_in(chunks: list[_Chunk]) -> Optional[str]:
    """A publication date among ``chunks``: a labelled date line, or an index-table label cell
    followed by a date cell."""
    for n, chunk in enumerate(chunks):
        text = chunk.text
        if not text:
            continue
        m = _DATE_LINE_RE.search(text)
        if m:
            iso = _iso(m)
            if iso:
                return iso
        label = _WS_RE.sub("", text).rstrip(":：")
        if label in _DATE_LABELS and chunk.owner.tag in _CELL_TAGS:
            for nxt in chunks[n + 1 : n + 3]:
                value = nxt.text
                if not value:
                    continue
                d = _DATE_RE.match(_WS_RE.sub("", value))
                if d:
                    iso = _iso(d)
                    if iso:
                        return iso
                break
    return None


_SOURCE_RE = re.compile(r"(?<![\u4e00-\u9fff])(?:信息来源|来源|來源|信息來源)\s*[:：]\s*([^\s|【】\[\]]{2,80})")
_SOURCE_END = re.compile(r"发布时间|发布日期|發布時間|日期|时间|時間|浏览|瀏覽|点击|點擊|阅读|作者|字体|字體|[:：]")


def _source_in(chunks: list[_Chunk]) -> Optional[str]:
    """The CMS's source line (来源：县政府办公室), if a chunk outside the body has one (a URL, as a
    crawler's own header gives, is no source)."""
    for chunk in chunks:
        m = _SOURCE_RE.search(chunk.text)
        if not m or re.match(r"(?i)https?:|www\.|//", m.group(1)):
            continue
        value = _SOURCE_END.split(m.group(1), 1)[0]
        if len(value) >= 2:
            return value
    return None


def _within(node: Node, ancestor: Node) -> bool:
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


# --------------------------------------------------------------------------- entry point


def render(html: str, *, source: str = "<html>", builder: str = "html5lib") -> Rendered:
    """Render a decoded HTML page (see the module docstring).

    :param html: the page as a ``str`` (decode bytes with :func:`gkparse.decode.decode_bytes`).
    :param source: how diagnostics name the input.
    :param builder: ``"html5lib"`` (default) or ``"fast"`` (selectolax/Lexbor, the ``fast`` extra).
    """
    if not isinstance(html, str):
        raise InputError("render() takes the decoded page as str, never bytes", source=source)
    check_builder(builder, source=source)
    root, raw_title = BUILDERS[builder](html)
    return render_tree(root, raw_title, source=source)


def render_tree(root: Node, raw_title: Optional[str], *, source: str = "<html>") -> Rendered:
    """Stages 2–5 on a neutral tree (both builders end here). The tree is modified."""
    _drop_chrome(root)
    _drop_duplicates(root)
    chunks = _chunks(root)
    stats = _stats(root, chunks)
    body = _choose_body(root, stats)

    renderer = _Renderer(stats)
    renderer.walk(body)
    renderer.flush()
    lines, grid = renderer.lines, renderer.grid

    # Signals: title and publication date as the first lines, when the body lacks them.
    head: list[str] = []
    title = _page_title(raw_title)
    has_title = any(_is_title(line) for n, line in enumerate(lines) if n not in grid) or any(
        _is_title(f) for n in grid for f in lines[n].split("\t")
    )
    if title and not has_title and _is_title_like(title):
        head.append(title)
    published = None
    body_dated = any(_DATE_RE.search(line) and _PUBLISHED_RE.search(_simplified(line)) for line in lines[:200])
    if not body_dated:
        inside = [c for c in chunks if _within(c.owner, body)]
        before, after = [], []
        seen_body = False
        for c in chunks:
            if _within(c.owner, body):
                seen_body = True
            elif seen_body:
                after.append(c)
            else:
                before.append(c)
        published = _date_in(before) or _date_in(inside) or _date_in(after)
        if published:
            head.append(f"发布日期:{published}")
    origin = None
    if not any(_SOURCE_RE.search(line) for line in lines[:50]):
        origin = _source_in([c for c in chunks if not _within(c.owner, body)])
        if origin:
            head.append(f"来源:{origin}")

    # Attachments the body points to.
    diags: list[Diagnostic] = []
    links, images = renderer.resources()
    docs = [h for h in links if _DOC_LINK_RE.search(h)]
    attachments: tuple[str, ...] = ()
    says = any(_ATTACH_SAY_RE.search(line) for line in lines + renderer.link_lists)
    if says and not docs and not images:
        # the attachment list often sits just outside the text block: look one and two levels up
        up = body.parent
        for _ in range(2):
            if up is None:
                break
            docs = [n.attrs.get("href", "").strip() for n in up.iter() if n.tag == "a" and _DOC_LINK_RE.search(n.attrs.get("href", ""))]
            if docs:
                break
            up = up.parent
    if (docs or images) and says:
        attachments = tuple(dict.fromkeys(docs + images))
        diags.append(
            Diagnostic(
                code="attachment_tables",
                severity="warning",
                message=(
                    f"{source}: the page says its tables are in an attachment or an image; they are not in the text. "
                    f"Fetch: {', '.join(attachments)}"
                ),
                where="html body",
            )
        )

    all_lines = head + lines
    offset = len(head)
    text = "".join(line + "\n" for line in all_lines)
    grids = tuple(tuple(tuple(r) for r in g.rows) for g in renderer.grids)
    return Rendered(
        text=text,
        grid_lines=frozenset(n + offset + 1 for n in grid),
        title=title,
        published=published,
        attachments=attachments,
        grids=grids,
        diagnostics=tuple(diags),
    )


def _is_title_like(title: str) -> bool:
    key = _WS_RE.sub("", title)
    return ("报告" in key or "報告" in key) and bool(_TITLE_RE.search(_simplified(key)))
