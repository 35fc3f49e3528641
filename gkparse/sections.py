"""Finding a report's numbered sections (一、总体情况 … 六、其他需要报告的事项).

A format declares its sections as :class:`SectionSpec` (number + keywords that the heading must
contain). Headings are searched in the normalized text in the declared order, each after the
previous one: crawls put headings on their own lines or run them into one long line, and table rows
reuse the same numbering (``四、结转下年度继续办理``), which the keywords and the order rule out.
"""

from __future__ import annotations

import re
from typing import Optional

from attrs import frozen

from .document import Document
from .model import Section

__all__ = ["SectionSpec", "find_sections", "section_cell_range"]

# A heading: a Chinese numeral and 、 at the start of a line or after a break, then its words up
# to the end of the line or the next run of spaces (inline headings in one-line crawls).
_HEADING_RE = re.compile(r"(?:^|(?<=[\s|。]))([一二三四五六七八九十]{1,2})[、.]\s*([^\s|]{2,40})", re.M)


@frozen(kw_only=True)
class SectionSpec:
    """A section of a format: its canonical key, its printed number, and keywords of its heading
    (any one of them must appear in the heading)."""

    key: str
    keywords: tuple[str, ...]
    number: Optional[str] = None


def find_sections(doc: Document, specs: tuple[SectionSpec, ...], *, ordered: bool = True) -> tuple[Section, ...]:
    """The sections of ``doc`` that ``specs`` declare, each with its text up to the next.

    ``ordered``: the specs are searched in their order, each heading after the previous one (the
    fixed six parts of the 2019/2021 formats). Otherwise every numbered heading is classified by
    the first spec whose keywords it contains, in document order (era-2008 reports had no fixed
    skeleton; a spec's number, if given, must still match).
    """
    memo_key = ("sections", specs, ordered)
    found_before = doc.memo.get(memo_key)
    if found_before is not None:
        return found_before
    headings = doc.memo.get("headings")
    if headings is None:
        headings = doc.memo["headings"] = list(_HEADING_RE.finditer(doc.norm))
    if ordered:
        found = _in_order(headings, specs)
    else:
        found = []
        for m in headings:
            spec = next((s for s in specs if _fits(m, s)), None)
            if spec is not None:
                found.append((spec, m))
    sections = doc.memo[memo_key] = _sections(doc, found)
    return sections


def _fits(m: re.Match, spec: SectionSpec) -> bool:
    return (spec.number is None or m.group(1) == spec.number) and any(k in m.group(2) for k in spec.keywords)


def _in_order(headings: list[re.Match], specs: tuple[SectionSpec, ...]) -> list[tuple[SectionSpec, re.Match]]:
    found = []
    pos = 0
    for spec in specs:
        for m in headings:
            if m.start() >= pos and _fits(m, spec):
                found.append((spec, m))
                pos = m.end()
                break
    return found


def _sections(doc: Document, found: list[tuple[SectionSpec, re.Match]]) -> tuple[Section, ...]:
    sections = []
    for n, (spec, m) in enumerate(found):
        end = found[n + 1][1].start() if n + 1 < len(found) else len(doc.norm)
        text = doc.norm[m.end() : end].strip()
        sections.append(
            Section(
                key=spec.key,
                number=m.group(1),
                heading=m.group(0).strip(),
                text=text,
                span=doc.span(m.start(), end),
            )
        )
    return tuple(sections)


def section_cell_range(doc: Document, section: Optional[Section]) -> tuple[int, int]:
    """The range ``[lo, hi)`` of ``doc.cells`` that lie inside ``section`` (all cells if None)."""
    cells = doc.cells
    if section is None:
        return 0, len(cells)
    lo = _first_cell_at(doc, section.span.start)
    hi = _first_cell_at(doc, section.span.end)
    return lo, hi


def _first_cell_at(doc: Document, offset: int) -> int:
    cells = doc.cells
    lo, hi = 0, len(cells)
    while lo < hi:
        mid = (lo + hi) // 2
        if cells[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo
