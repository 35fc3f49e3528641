"""Figures stated in prose: ``行政复议数量32件（维持具体行政行为数17件，被依法纠错数0件…）``,
``申请主体为自然人的239件、商业企业2件…``.

Many reports state a table's figures in sentences instead of (or besides) a table. What can be read
is declared by the template (``TableTemplate.prose``):

* each single-value row, by its own label followed by a number (``<label>[数]?[为/是/共]?<n><unit>?``)
  and by extra patterns the row declares (``Row.prose``); its group is the first segment of its key
  (``review``, ``litigation``, ...) and the group's first row is its head;
* the template's :class:`~gkparse.template.ProseFigure` declarations (cells of multi-column tables,
  such as table 3's applicant breakdown and outcome totals).

Figures of a group are read in order, each after the previous match and within a short distance of
it: the same label can belong to two groups (被依法纠错数 of 行政复议 and of 行政诉讼), and a sentence
names its group first. A group whose head is not stated is not read.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Optional

from .document import Document
from .labels import split_numbering
from .model import Figure, Provenance
from .template import ProseFigure, Row, TableTemplate

__all__ = ["read_prose", "prose_figures"]

_NUMBER = r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>万元|元|件|条|次|个|人次|人|篇|项)?"
_GAP = r"\s*(?:为|是|共|共计|达|有)?\s*"
_PUNCT_RE = re.compile(r"[“”\"'《》〈〉、,，:：()（）\s]")
# How far after the previous figure of its group the next one may be stated.
_WINDOW = 200


_OPTIONAL_PUNCT = r"[“”\"'《》〈〉、,，:：()（）\s]?"


def _label_pattern(label: str) -> str:
    """A regex for a label in running text: its words in order, each punctuation mark of the label
    optional (sentences print 不是《条例》所指政府信息 and 不是条例所指政府信息 alike)."""
    out = []
    for ch in label:
        out.append(_OPTIONAL_PUNCT if _PUNCT_RE.fullmatch(ch) else re.escape(ch))
    return "".join(out)


def _label_patterns(row: Row) -> tuple[str, ...]:
    pats = []
    for label in row.labels:
        words = split_numbering(label)[1]
        if words.startswith("其中"):
            words = words[2:].lstrip(":：")
        if words.endswith("数"):
            words = words[:-1]
        if len(_PUNCT_RE.sub("", words)) >= 3:
            pats.append(_label_pattern(words) + r"数?" + _GAP + _NUMBER)
    return tuple(pats) + row.prose


@functools.lru_cache(maxsize=256)
def prose_figures(template: TableTemplate) -> tuple[tuple[ProseFigure, tuple[re.Pattern, ...], str], ...]:
    """Every figure ``template`` lets prose state: (figure, compiled patterns, money kind or not)."""
    out = []
    seen_groups: set[str] = set()
    for row in template.rows:
        if len(row.columns) != 1:
            continue
        group = row.key.split(".")[0]
        fig = ProseFigure(key=template.key_of(row, row.columns[0]), patterns=_label_patterns(row), group=group, head=group not in seen_groups)
        seen_groups.add(group)
        out.append((fig, row.columns[0].kind))
    kinds = {template.key_of(r, c): c.kind for r in template.rows for c in r.columns}
    out.extend((fig, kinds.get(fig.key, "count")) for fig in template.prose_figures)
    return tuple((fig, tuple(re.compile(p) for p in fig.patterns), kind) for fig, kind in out)


def _cell_of(template: TableTemplate, key: str) -> tuple[str, Optional[str]]:
    """The (row, column) a flat key names in ``template``, as table provenance names them."""
    rel = key[len(template.prefix) + 1 :] if template.prefix else key
    if any(r.key == rel for r in template.rows):
        return rel, None
    row, _, column = rel.rpartition(".")
    return row, column


def _value(number: Optional[str], unit: Optional[str], kind: str):
    """The value a prose match states: 0 for a zero phrase, Decimal 万元 for money, else an int."""
    if number is None:
        return 0
    if kind == "money":
        return Decimal(number) / (10000 if unit == "元" else 1)
    return int(number) if "." not in number else None


def _search(patterns, text: str, pos: int, limit: int):
    """The earliest match of any of ``patterns`` in ``text[pos:limit]``."""
    match = None
    for pat in patterns:
        m = pat.search(text, pos, limit)
        if m and (match is None or m.start() < match.start()):
            match = m
    return match


def _head_positions(text: str, groups: dict, start: int, end: int) -> dict[str, int]:
    """Where each group's head figure is first stated."""
    heads = {}
    for group, entries in groups.items():
        fig, patterns, _ = entries[0]
        if fig.head:
            m = _search(patterns, text, start, end)
            if m:
                heads[group] = m.start()
    return heads


def read_prose(doc: Document, template: TableTemplate, start: int = 0, end: Optional[int] = None) -> dict:
    """Figures of ``template`` stated in ``doc.norm[start:end]``, keyed by flat key."""
    text = doc.norm
    end = len(text) if end is None else end
    groups: dict[str, list] = {}
    for entry in prose_figures(template):
        groups.setdefault(entry[0].group, []).append(entry)
    heads = _head_positions(text, groups, start, end)
    out: dict = {}
    for group, entries in groups.items():
        # A group's figures are stated before the next group's head: in
        # "行政复议数量0件，行政诉讼数量8件（…被依法纠错数0件…）" the 纠错数 is litigation's.
        here = heads.get(group)
        stop = end if here is None else min((h for g, h in heads.items() if g != group and h > here), default=end)
        pos, limit = start, stop
        for fig, patterns, kind in entries:
            match = _search(patterns, text, pos, limit)
            if match is None:
                if fig.head:
                    break
                continue
            pos, limit = match.end(), min(stop, match.end() + _WINDOW)
            number = match.groupdict().get("n")
            value = _value(number, match.groupdict().get("unit"), kind)
            if value is None:
                continue
            row, column = _cell_of(template, fig.key)
            out[fig.key] = Figure(
                value=value,
                raw=match.group(0),
                unit=match.groupdict().get("unit"),
                source=Provenance(
                    origin="prose",
                    span=doc.span(*(match.span("n") if number is not None else match.span())),
                    table=template.name,
                    row=row,
                    column=column,
                ),
            )
    return out
