"""Stage 1, the tree: a parsed page as gkparse's small neutral tree (:class:`Node`).

Both tree builders end here — html5lib (the default, converted below) and Lexbor
(:mod:`gkparse.html_fast`, the ``fast`` extra) — so every later stage runs on the same tree and
both builders give identical renderings. The conversion already leaves out what is never text
(:data:`SKIP_TAGS`) and elements hidden by themselves (:func:`is_hidden`). :data:`BUILDERS` names
the builders; :func:`check_builder` turns a bad name or a missing extra into a clear error.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, Optional, Union

from ..errors import GkparseError, InputError


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
    from ..html_fast import build

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


def _within(node: Node, ancestor: Node) -> bool:
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False
