"""Text helpers shared by the stages: whitespace, block tags, and how much text an element holds.

Whitespace here is every space a page uses (no-break and ideographic spaces included): runs
collapse to one space (:func:`_collapse`), and lengths count non-space characters only
(:func:`_nonspace_len`, :func:`_text_len`), so layout spacing never weighs on a decision.
"""

from __future__ import annotations

import re

from .tree import Node


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
