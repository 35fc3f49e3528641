"""Figures stated in prose: ``行政复议数量32件（维持具体行政行为数17件，被依法纠错数0件…）``.

Many reports state a table's figures in sentences instead of (or besides) a table. A template row
can be read from prose by its own label followed by a number (``<label>[数]?[为/是/共]?<n><unit>?``),
and by extra patterns the row declares (``Row.prose``: a regex with a group ``n`` for the number,
or without one for a phrase that means zero, e.g. ``未收到…申请``).

Rows are read group by group (the first segment of the row key: ``review``, ``litigation``, ...),
each group's rows in template order, each after the previous match: the same label can belong to
two groups (被依法纠错数 of 行政复议 and of 行政诉讼), and a sentence names the group first. A group
whose first row is not stated is not read at all, rather than read out of context.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Optional

from .document import Document
from .labels import split_numbering
from .model import Figure, Provenance
from .template import Row, TableTemplate

__all__ = ["read_prose"]

_NUMBER = r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>万元|元|件|条|次|个|人次|人|篇|项)?"
_GAP = r"\s*(?:为|是|共|共计|达|有)?\s*"
_PUNCT_RE = re.compile(r"[“”\"'《》〈〉、,，:：()（）\s]")


@functools.lru_cache(maxsize=4096)
def _patterns(row: Row) -> tuple[re.Pattern, ...]:
    pats = []
    for label in row.labels:
        words = _PUNCT_RE.sub("", split_numbering(label)[1])
        if words.startswith("其中"):
            words = words[2:]
        if words.endswith("数"):
            words = words[:-1]
        if len(words) < 3:
            continue
        pats.append(re.compile(re.escape(words) + r"数?" + _GAP + _NUMBER))
    pats.extend(re.compile(p) for p in row.prose)
    return tuple(pats)


def _value(number: Optional[str], unit: Optional[str], kind: str):
    """The value a prose match states: 0 for a zero phrase, Decimal 万元 for money, else an int."""
    if number is None:
        return 0
    if kind == "money":
        return Decimal(number) / (10000 if unit == "元" else 1)
    return int(number) if "." not in number else None


def _group(row: Row) -> str:
    return row.key.split(".")[0]


def read_prose(doc: Document, template: TableTemplate, start: int = 0, end: Optional[int] = None) -> dict:
    """Figures of ``template``'s rows stated in ``doc.norm[start:end]``, keyed by flat key.

    Only single-value rows are read (a prose sentence states one figure per label).
    """
    text = doc.norm
    end = len(text) if end is None else end
    out: dict = {}
    groups: dict[str, list[Row]] = {}
    for row in template.rows:
        if len(row.columns) == 1:
            groups.setdefault(_group(row), []).append(row)
    for rows in groups.values():
        pos = start
        for n, row in enumerate(rows):
            match = None
            for pat in _patterns(row):
                m = pat.search(text, pos, end)
                if m and (match is None or m.start() < match.start()):
                    match = m
            if match is None:
                if n == 0:
                    break
                continue
            pos = match.end()
            column = row.columns[0]
            number = match.groupdict().get("n")
            value = _value(number, match.groupdict().get("unit"), column.kind)
            if value is None:
                continue
            span = doc.span(*(match.span("n") if number is not None else match.span()))
            out[template.key_of(row, column)] = Figure(
                value=value,
                raw=match.group(0),
                unit=match.groupdict().get("unit"),
                source=Provenance(origin="prose", span=span, table=template.name, row=row.key, column=column.key),
            )
    return out
