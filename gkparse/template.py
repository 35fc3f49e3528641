"""Templates as data: how a table of a report format is declared.

A format plugin does not write table-reading code; it declares its tables — rows with their labels
and aliases, the columns each row has, the arithmetic the table must satisfy, and the header labels
that mark its era — and the core's readers (:mod:`gkparse.tables`) and validator
(:mod:`gkparse.validate`) do the rest. A regional variant derives from a national template by
stating only what differs (:meth:`TableTemplate.derive`).

Keys: a table has a flat-key ``prefix`` (``applications``); a row's ``key`` is the path below it
(``new``, or ``active.channels.gazette`` for nested era-2008 indicators); a column's ``key`` the last
segment (``natural_person``), or ``None`` for single-value rows. The flat key of a value is
``prefix.row.column`` — exactly the keys of ``fields.md`` — and the same path places the value in
the table's typed ``model`` class.
"""

from __future__ import annotations

import functools
from typing import Literal, Optional

import attrs
from attrs import frozen

__all__ = ["Column", "Row", "Equation", "ProseFigure", "TableTemplate", "ValueKind"]

ValueKind = Literal["count", "signed", "money", "decimal"]


# Templates are keys of the readers' caches, looked up per cell: their hashes are cached.
@frozen(kw_only=True, cache_hash=True)
class Column:
    """A value slot of a row: its key, its header labels, and what kind of number it holds.

    ``count``: a non-negative integer; ``signed``: an integer that may be negative (本年增/减);
    ``money``: a decimal amount, stored in 万元 (a value printed in 元 is converted); ``decimal``:
    any other decimal (a percentage such as 全文电子化率), stored as printed.
    """

    key: Optional[str]
    labels: tuple[str, ...] = ()
    kind: ValueKind = "count"


@frozen(kw_only=True, cache_hash=True)
class Row:
    """A labelled row: the labels it may be printed with (first = official), its list number when
    the template prints one (``"3"`` for ``3.其他``), and its columns in data order. ``prose`` adds
    regexes that state the row's figure in a sentence (see :mod:`gkparse.prose`)."""

    key: str
    labels: tuple[str, ...]
    columns: tuple[Column, ...]
    number: Optional[str] = None
    prose: tuple[str, ...] = ()


@frozen(kw_only=True, cache_hash=True)
class Equation:
    """An arithmetic invariant: ``sum(left) == sum(right)`` over flat keys.

    ``{c}`` in a key is replaced by each entry of ``each`` in turn (one check per column).
    ``severity`` is ``error`` for the hard rules of templates.md §4, ``warning`` for soft ones.
    A check runs only when every operand is present.
    """

    rule: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    each: tuple[str, ...] = ()
    severity: Literal["error", "warning"] = "error"
    description: str = ""

    def instances(self) -> tuple[tuple[Optional[str], tuple[str, ...], tuple[str, ...]], ...]:
        """The concrete checks: ``(column or None, left keys, right keys)``."""
        return _instances(self)

    def _instances(self) -> list[tuple[Optional[str], tuple[str, ...], tuple[str, ...]]]:
        if not self.each:
            return [(None, self.left, self.right)]
        return [
            (c, tuple(k.replace("{c}", c) for k in self.left), tuple(k.replace("{c}", c) for k in self.right))
            for c in self.each
        ]


@functools.lru_cache(maxsize=None)
def _instances(eq: "Equation") -> tuple:
    return tuple(eq._instances())


@functools.lru_cache(maxsize=1 << 14)
def _key_of(prefix: str, row: str, column: Optional[str]) -> str:
    return ".".join(p for p in (prefix, row, column) if p)


@frozen(kw_only=True, cache_hash=True)
class ProseFigure:
    """A figure of the table that prose may state, and how: regexes with a group ``n`` for the
    number (or none, for a phrase that means zero).

    Figures of one ``group`` are read in declaration order, each after the previous one and close
    to it (one sentence lists 自然人239件、商业企业2件…). When the group's ``head`` figure is not
    stated, the group is not read at all, rather than read out of context.
    """

    key: str
    patterns: tuple[str, ...]
    group: str
    head: bool = False


@frozen(kw_only=True, cache_hash=True)
class TableTemplate:
    """One table of a report format.

    ``name`` is the :class:`~gkparse.model.Report` attribute the table fills (``active``,
    ``applications``, ``review_litigation``, ``legacy``); ``title`` is how messages name it.
    ``model`` is the typed class the values are assembled into; a template without one (a regional
    variant's own indicators) reports its values as the report's extras.

    ``layout`` says how its cells are found: ``rows`` — each row's label followed by its values
    (tables 2 and 3, the era-2008 form); ``run`` — one unlabelled run of values in column order
    after the header (table 4: fifteen numbers). ``section`` is the key of the report section the
    table sits in (its search region); ``markers`` are header labels that only this template's era
    prints, used to tell the eras of a table apart.
    """

    name: str
    era: str
    prefix: str
    title: str
    model: Optional[type]
    rows: tuple[Row, ...]
    section: Optional[str] = None
    layout: Literal["rows", "run"] = "rows"
    markers: tuple[str, ...] = ()
    invariants: tuple[Equation, ...] = ()
    anchors: tuple[str, ...] = ()
    prose: bool = False
    prose_figures: tuple[ProseFigure, ...] = ()

    def flat_keys(self) -> list[str]:
        """Every flat key this template can produce, in row and column order."""
        return [self.key_of(r, c) for r in self.rows for c in r.columns]

    def key_of(self, row: Row, column: Column) -> str:
        return _key_of(self.prefix, row.key, column.key)

    def derive(self, **changes) -> "TableTemplate":
        """A variant of this template: the same, except for the fields given.

        ``replace_rows={key: Row}`` replaces rows by key, ``drop_rows=(key, ...)`` removes rows (a
        label the variant uses for something else) and ``add_rows=(Row, ...)`` appends rows; any
        other keyword replaces that field (``name``, ``markers``, ``invariants``, ...). Invariants
        naming a dropped row are dropped with it.
        """
        replace_rows = changes.pop("replace_rows", {})
        drop = set(changes.pop("drop_rows", ()))
        add_rows = tuple(changes.pop("add_rows", ()))
        unknown = (set(replace_rows) | drop) - {r.key for r in self.rows}
        if unknown:
            raise ValueError(f"template {self.name!r} has no rows {sorted(unknown)}")
        rows = tuple(replace_rows.get(r.key, r) for r in self.rows if r.key not in drop) + add_rows
        if drop and "invariants" not in changes:
            gone = {self.key_of(r, c) for r in self.rows if r.key in drop for c in r.columns}
            changes["invariants"] = tuple(
                eq for eq in self.invariants if not any(k in gone for k in eq.left + eq.right)
            )
        return attrs.evolve(self, rows=rows, **changes)
