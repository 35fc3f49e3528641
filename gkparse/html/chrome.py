"""Stage 2, chrome: page furniture and duplicate copies of the report leave the tree.

:func:`_drop_chrome` removes ``<header>``/``<footer>`` outside an ``<article>``/``<main>`` and small
``<form>`` elements (search boxes), unless they hold much text (:data:`_CHROME_MAX`).
:func:`_drop_duplicates` removes the extra copies of a text found in several elements (a print or
mobile copy, a summary box), keeping the copy that sits among the most text — otherwise every
figure of the report would be read twice.
"""

from __future__ import annotations

from .text import _WS_RE, _text_len
from .tree import Node, _within


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
