"""The ``fast`` HTML tree builder: Lexbor (through selectolax) instead of html5lib.

Selected with ``gkparse.parse(..., builder="fast")``; needs the ``fast`` extra
(``pip install 'gkparse[fast]'``). Lexbor implements the same WHATWG HTML parsing algorithm as
html5lib, in C. This module only converts its tree into gkparse's neutral tree
(:class:`gkparse.html.Node`), with exactly the pruning the html5lib conversion applies
(:data:`gkparse.html.SKIP_TAGS`, :func:`gkparse.html.is_hidden`); everything after that — chrome,
body, rendering, signals — is the shared code of :mod:`gkparse.html`, so both builders give
identical renderings, Documents and flat fields (``tests/test_html_fast.py`` proves it on every
test page).

Like the default path, it is handed the string gkparse decoded, never the page's bytes.
"""

from __future__ import annotations

from typing import Optional

from selectolax.lexbor import LexborHTMLParser

from .html.tree import SKIP_TAGS, Node, is_hidden

__all__ = ["build"]


def _attrs(node) -> dict:
    return {str(k).lower(): ("" if v is None else str(v)) for k, v in node.attributes.items()}


def _in_foreign(node) -> bool:
    p = node.parent
    while p is not None:
        if p.tag in ("svg", "math"):
            return True
        p = p.parent
    return False


def build(html: str) -> tuple[Node, Optional[str]]:
    """Parse ``html`` with Lexbor: (the neutral tree of ``<html>``, the first ``<title>``'s text)."""
    tree = LexborHTMLParser(html)
    title = None
    for el in tree.css("title"):  # the first HTML <title> (not an SVG one), as html5lib's tree has it
        if not _in_foreign(el):
            title = el.text(deep=True, separator="", strip=False)
            break
    root = tree.root
    top = Node("html", _attrs(root) if root is not None else {}, None)
    if root is None:
        return top, title
    stack = [(root, top)]
    while stack:
        el, node = stack.pop()
        child = el.child
        pending = []
        while child is not None:
            tag = child.tag
            if tag == "-text":
                text = child.text_content
                if text:
                    node.append_text(text)
            elif tag and not tag.startswith(("-", "!", "_")):
                tag = tag.lower()
                attrs = _attrs(child)
                if tag not in SKIP_TAGS and not is_hidden(attrs):
                    sub = Node(tag, attrs, node)
                    node.children.append(sub)
                    pending.append((child, sub))
            child = child.next
        stack.extend(reversed(pending))
    return top, title
