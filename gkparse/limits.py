"""Resource limits: every document is parsed within bounded size, nesting, cells and time.

Crawls contain multi-megabyte pages, tens of thousands of nested tags from broken CMS exports, and
tables of a million cells. A document over a limit yields a :class:`~gkparse.errors.LimitError`
naming the limit (an error record in batch runs), never a hang or an exhausted machine. The limits
are options: ``gkparse.parse(source, limits=Limits(max_seconds=5))``, and
``gkparse parse --limit max_seconds=5`` on the command line.

The HTML checks run *before* the tree is built, on the decoded string, in linear time: a tree
builder fed 20,000 nested elements takes longer than any sane budget before it returns.
The time limit is enforced with a real-time alarm where that is possible (the main thread on
Unix, which includes every batch worker); elsewhere it is checked between stages.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from typing import Iterator, Optional

import attrs
from attrs import frozen

from .errors import LimitError

__all__ = ["Limits", "DEFAULT_LIMITS", "check_html", "time_limit", "parse_limit_option"]


@frozen(kw_only=True)
class Limits:
    """The bounds a document must stay within. ``None`` (or 0) switches a limit off."""

    max_bytes: Optional[int] = 64 * 2**20
    """Size of the input (bytes, or characters for text)."""
    max_lines: Optional[int] = 500_000
    """Lines of text (for a page: of its rendering)."""
    max_cells: Optional[int] = 500_000
    """Cells of the Document: labels, numbers and prose runs."""
    max_html_depth: Optional[int] = 1_000
    """Nesting of HTML elements (estimated before parsing, ignoring elements whose end tag HTML lets you omit)."""
    max_html_elements: Optional[int] = 400_000
    """HTML start tags in one page."""
    max_seconds: Optional[float] = 30.0
    """Wall-clock time for the whole parse of one document."""

    def evolve(self, **changes) -> "Limits":
        return attrs.evolve(self, **changes)


DEFAULT_LIMITS = Limits()

_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
# Elements without content, and elements whose end tag may be omitted (the parser closes them
# implicitly), do not deepen the tree the way the tags' order suggests.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd td th tr thead tbody tfoot colgroup caption option optgroup rb rt rp rtc".split()
)


def check_html(html: str, limits: Limits, *, source: str) -> None:
    """Estimate the nesting depth and element count of a page before any tree is built."""
    if not (limits.max_html_depth or limits.max_html_elements):
        return
    depth = deepest = elements = 0
    for m in _TAG_RE.finditer(html):
        tag = m.group(2).lower()
        if m.group(1):
            if tag not in _FLAT and depth:
                depth -= 1
            continue
        elements += 1
        if tag not in _FLAT and not m.group(3):
            depth += 1
            deepest = max(deepest, depth)
    if limits.max_html_depth and deepest > limits.max_html_depth:
        raise LimitError(
            f"nests HTML elements about {deepest} deep, over the limit max_html_depth={limits.max_html_depth}",
            source=source,
            limit="max_html_depth",
        )
    if limits.max_html_elements and elements > limits.max_html_elements:
        raise LimitError(
            f"has {elements} HTML elements, over the limit max_html_elements={limits.max_html_elements}",
            source=source,
            limit="max_html_elements",
        )


def check_count(what: str, count: int, limit: Optional[int], name: str, *, source: str) -> None:
    if limit and count > limit:
        raise LimitError(f"has {count} {what}, over the limit {name}={limit}", source=source, limit=name)


@contextlib.contextmanager
def time_limit(limits: Limits, *, source: str) -> Iterator[None]:
    """Raise :class:`LimitError` inside the block once ``limits.max_seconds`` have passed.

    A real-time alarm interrupts the parse when this runs in the main thread on a platform with
    ``setitimer`` and no other alarm is pending; otherwise the limit is checked when the block ends.
    """
    seconds = limits.max_seconds
    if not seconds:
        yield
        return
    start = time.monotonic()
    can_alarm = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not can_alarm:
        yield
        if time.monotonic() - start > seconds:
            raise LimitError(f"took longer than the limit max_seconds={seconds}", source=source, limit="max_seconds")
        return

    def expired(signum, frame):
        raise LimitError(f"took longer than the limit max_seconds={seconds}", source=source, limit="max_seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_limit_option(text: str, limits: Limits = DEFAULT_LIMITS) -> Limits:
    """``NAME=VALUE`` (``max_seconds=5``, ``max_bytes=0`` to switch it off) applied to ``limits``."""
    name, sep, value = text.partition("=")
    fields = {f.name: f for f in attrs.fields(Limits)}
    if not sep or name not in fields:
        raise ValueError(f"expected NAME=VALUE with NAME one of {', '.join(fields)}; got {text!r}")
    number = float(value) if name == "max_seconds" else int(value)
    return attrs.evolve(limits, **{name: number or None})
