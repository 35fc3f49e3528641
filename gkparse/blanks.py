"""Blank cells that a table's own arithmetic proves are 0.

Pages often leave zeros blank (``&nbsp;``): a 沭阳 table 3 prints 自然人 and 总计 in every row and
leaves the five organisation columns empty. A blank is not a zero (fields.md: absent from the flat
mapping) — *unless the table proves it*: every count is non-negative, so when an invariant
``sum(left) = sum(right)`` has all its operands read, the blank ones all on one side, and the filled
cells already balance it, the blanks sum to 0 and each of them is 0. Here 总计 26 = 自然人 26 + five
blanks (T3.3) proves the five organisation cells 0.

:func:`prove_blank_zeros` applies every invariant of the template until nothing more is proven (a
zero proven by one rule can complete another). A proven cell keeps its printed ``raw`` (``""``), its
provenance and ``null`` (how the source left it), and gets ``value`` 0 (``Decimal(0)`` in money
columns); one ``blank_proven_zero`` diagnostic per table lists every such cell. Never proven: a blank
in a ``signed`` column (本年增/减 may be negative), a blank in an equation whose other side holds a
blank too, or one in an equation whose filled cells do not balance (that is a ``sum_mismatch`` for
the validate stage, and the blanks stay absent). ``/`` (not applicable), ``—`` and ``无`` are not
blanks: they mean something else than "left empty", and stay absent.

Where it runs: on a table's figures right after they are read from the cells, before glued runs are
split (a proven zero is a known value for the splitter) — see :mod:`gkparse.tables`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Optional

import attrs

from .model import Diagnostic, Figure
from .template import TableTemplate

__all__ = ["prove_blank_zeros", "PROVABLE_NULLS"]

#: The ``Figure.null`` reasons a proof may turn into 0: cells the source left empty.
PROVABLE_NULLS = frozenset({"blank"})


def _kinds(template: TableTemplate) -> dict[str, str]:
    return {template.key_of(r, c): c.kind for r in template.rows for c in r.columns}


def prove_blank_zeros(
    values: dict, template: TableTemplate, *, source: str = "", nulls: Iterable[str] = PROVABLE_NULLS
) -> tuple[dict, tuple[Diagnostic, ...]]:
    """Fill the blank cells of ``values`` (flat key → :class:`Figure`) that ``template``'s invariants
    prove are 0.

    Returns the new mapping (``values`` itself is not changed) and the diagnostics: one
    ``blank_proven_zero`` (severity ``info``) naming every cell filled, or none.
    """
    provable = frozenset(nulls)
    kinds = _kinds(template)
    out = dict(values)

    def blank(key: str) -> bool:
        fig = out.get(key)
        return fig is not None and fig.value is None and fig.null in provable and kinds.get(key, "count") != "signed"

    proven: list[tuple[str, str]] = []  # (key, rule)
    changed = True
    while changed:
        changed = False
        for eq in template.invariants:
            for _column, left, right in eq.instances():
                keys = left + right
                if not all(k in out for k in keys):
                    continue  # a row not read: nothing to reason with
                sides = []
                for side in (left, right):
                    filled = [out[k].value for k in side if out[k].value is not None]
                    blanks = [k for k in side if out[k].value is None]
                    sides.append((filled, blanks))
                (lf, lb), (rf, rb) = sides
                if lb and rb or not (lb or rb):
                    continue
                blanks = lb or rb
                if not all(blank(k) for k in blanks):
                    continue  # an empty marker that is not a blank, or a signed column
                if sum(lf) != sum(rf):
                    continue
                for k in blanks:
                    fig = out[k]
                    zero = Decimal(0) if kinds.get(k) == "money" else 0
                    out[k] = attrs.evolve(fig, value=zero)
                    proven.append((k, eq.rule))
                changed = True
    if not proven:
        return out, ()
    rules = sorted({rule for _, rule in proven})
    keys = [k for k, _ in proven]
    first: Optional[Figure] = values.get(keys[0])
    prefix = f"{source}: " if source else ""
    shown = ", ".join(keys[:12]) + (f" and {len(keys) - 12} more" if len(keys) > 12 else "")
    diag = Diagnostic(
        code="blank_proven_zero",
        severity="info",
        message=(
            f"{prefix}{len(keys)} blank cell(s) of {template.title} are 0 by the table's own arithmetic "
            f"({', '.join(rules)}; every count is non-negative) and were filled in as 0: {shown}"
        ),
        where=template.prefix or template.name,
        span=first.source.span if first is not None else None,
    )
    return out, (diag,)
