"""Format plugins: the parser interface, and the declarative format most plugins are.

A *format* recognizes one kind of report (a template era, a regional variant) and extracts it. It is
any object with::

    name: str                                   unique, e.g. "national-2021"
    era: str                                    "2008", "2019" or "2021"
    def score(document) -> float                0 = not mine; the highest score wins
    def extract(document) -> Report             fill the typed model
    templates: tuple[TableTemplate, ...]        whose invariants the validate stage checks

Plugins hand formats to the core through the ``gkparse_register_formats`` hook. Most formats need
no code at all: :class:`TemplateFormat` is built from data — the sections, the tables (each with
the templates it may be printed in), and the era — and does detection and extraction with the
core's machinery.
"""

from __future__ import annotations

from typing import Optional, Protocol, runtime_checkable

from attrs import frozen

from .document import Document
from .labels import label_key
from .metadata import read_meta, report_year
from .model import Diagnostic, Extra, Report
from .prose import read_prose
from .sections import SectionSpec, find_sections, section_cell_range
from .assemble import assemble, model_keys
from .tables import TableRead, count_markers, read_table
from .template import TableTemplate

__all__ = ["Format", "TableSlot", "TemplateFormat", "era_of_year"]


@runtime_checkable
class Format(Protocol):
    """The parser interface every format plugin implements."""

    name: str
    era: str

    @property
    def templates(self) -> tuple[TableTemplate, ...]: ...

    def score(self, document: Document) -> float: ...

    def extract(self, document: Document) -> Report: ...


def era_of_year(year: Optional[int]) -> Optional[str]:
    """The template era a report year calls for: ≤2018 → "2008", 2019–2020 → "2019", later → "2021"."""
    if year is None:
        return None
    return "2008" if year <= 2018 else "2019" if year <= 2020 else "2021"


@frozen(kw_only=True)
class TableSlot:
    """A table of the format and the templates it may be printed in, the format's own first.

    Reports use a template older or newer than their year (templates.md §5.1), so each table is read
    with whichever candidate its header labels mark; a tie goes to the first. A ``required`` table
    that the source lacks is a ``table_missing`` diagnostic (the era-2008 form was optional).
    """

    candidates: tuple[TableTemplate, ...]
    required: bool = True

    @property
    def name(self) -> str:
        return self.candidates[0].name

    @property
    def title(self) -> str:
        return self.candidates[0].title


def _merge_prose(document: Document, template: TableTemplate, values: dict) -> list[Diagnostic]:
    """Fill ``values`` with the figures prose states that the table does not give; a figure both
    state differently keeps the table's value and is a ``narrative_table_conflict``."""
    diags = []
    for key, fig in read_prose(document, template).items():
        have = values.get(key)
        if have is None:
            values[key] = fig
        elif have.value is not None and have.value != fig.value:
            diags.append(
                Diagnostic(
                    code="narrative_table_conflict",
                    severity="info",
                    message=f"{document.source}: the text states {key} as {fig.raw!r} but the table has {have.raw!r}; the table's value is kept",
                    where=key,
                    span=fig.source.span,
                )
            )
    return diags


def _complete(read: TableRead) -> bool:
    """Did a read find every row of its template, with every value and no diagnostic?"""
    t = read.template
    return not read.diagnostics and read.rows_found == len(t.rows) and len(read.values) == sum(len(r.columns) for r in t.rows)


def _has_label(document: Document, label: str) -> bool:
    return label_key(label) in document.label_keys


@frozen(kw_only=True)
class TemplateFormat:
    """A format declared as data (see the module docstring).

    Scoring: each section heading found counts 1, each era marker of the format's own templates
    counts 2, and the report year's era adds 0.5 as a tie-breaker. A document needs three headings
    or two markers to score at all, and, when the format ``requires`` labels (a regional variant's
    own indicators), at least one of them: so a variant wins on its documents (its extra markers
    add to the national score) and scores nothing on national ones.

    Values a template reads beyond what its typed model holds (a variant's own rows, keyed
    ``legacy.x.<variant>.*``) become the report's :class:`~gkparse.model.Extra` figures.
    """

    name: str
    era: str
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSlot, ...]
    description: str = ""
    ordered_sections: bool = True
    requires: tuple[str, ...] = ()

    @property
    def templates(self) -> tuple[TableTemplate, ...]:
        seen: dict[int, TableTemplate] = {}
        for slot in self.tables:
            for t in slot.candidates:
                seen.setdefault(id(t), t)
        return tuple(seen.values())

    def score(self, document: Document) -> float:
        if self.requires and not any(_has_label(document, label) for label in self.requires):
            return 0.0
        headings = len(find_sections(document, self.sections, ordered=self.ordered_sections))
        markers = sum(
            1 for slot in self.tables for m in slot.candidates[0].markers if _has_label(document, m)
        )
        if headings < 3 and markers < 2:
            return 0.0
        score = headings + 2.0 * markers
        if era_of_year(report_year(document)) == self.era:
            score += 0.5
        return score

    @staticmethod
    def _read_slot(document: Document, slot: TableSlot, lo: int, hi: int) -> TableRead:
        """Read a table with the candidate its header marks best; when the markers do not decide
        (none printed, or damaged), the one that reads the most values; then the format's own."""
        if len(slot.candidates) == 1:
            return read_table(document, slot.candidates[0], lo, hi)
        marks = [count_markers(document, t, lo, hi) for t in slot.candidates]
        top = [t for t, m in zip(slot.candidates, marks) if m == max(marks)]
        if len(top) == 1:
            return read_table(document, top[0], lo, hi)
        first = read_table(document, top[0], lo, hi)
        if _complete(first):
            # Every row read, every value there, nothing diagnosed: the table is printed in this
            # template's form (a table printed in another candidate's form leaves rows of this
            # one unread or short), so the others are not tried.
            return first
        reads = [first] + [read_table(document, t, lo, hi) for t in top[1:]]
        return max(reads, key=lambda r: (len(r.values), -top.index(r.template)))

    def extract(self, document: Document) -> Report:
        sections = find_sections(document, self.sections, ordered=self.ordered_sections)
        by_key = {s.key: s for s in sections}
        diags: list[Diagnostic] = []
        tables: dict = {}
        extras: list[Extra] = []
        for slot in self.tables:
            section = by_key.get(slot.candidates[0].section or "")
            lo, hi = section_cell_range(document, section)
            read = self._read_slot(document, slot, lo, hi)
            template = read.template
            diags.extend(read.diagnostics)
            values = dict(read.values)
            if template.prose:
                diags.extend(_merge_prose(document, template, values))
            if values:
                # What a template reads beyond its typed model (a variant's own indicators, or a
                # whole template without a model) is reported under its own keys.
                held = model_keys(template.model, template.prefix) if template.model else frozenset()
                if template.model:
                    tables[slot.name] = assemble(template.model, values, template.prefix)
                extras.extend(Extra(key=k, figure=f) for k, f in values.items() if k not in held)
            if not read.found and slot.required:
                where = section.heading if section else None
                diags.append(
                    Diagnostic(
                        code="table_missing",
                        severity="warning",
                        message=(
                            f"{document.source}: {slot.title} is not in the source (lost, an image, or stripped); "
                            "its fields are left out, not zeroed"
                        ),
                        where=where,
                        span=section.span if section else None,
                    )
                )
        meta = read_meta(document, era=self.era, variant=self.name)
        return Report(
            source=document.source,
            meta=meta.meta,
            sections=sections,
            diagnostics=tuple(document.diagnostics) + meta.diagnostics + tuple(diags),
            input=document.input,
            extras=tuple(extras),
            **tables,
        )
