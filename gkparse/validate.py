"""Stage 6, validate: the arithmetic the templates declare (勾稽关系), then every plugin's checks.

The core evaluates the :class:`~gkparse.template.Equation` invariants of the winning format's
templates, per column, over the report's figures. A check runs only when all its operands are
present (a blank cell is not a zero). A failure is a ``sum_mismatch`` diagnostic naming the rule, the
row keys, the column and both sides of the equation, so a user can find the cell in the source.
Counts must also be non-negative (T3.4). Plugins add checks through the ``gkparse_validate`` hook
(period, era, narrative-vs-table, ...), called by :mod:`gkparse.plugins`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from .flatten import iter_figures
from .model import Diagnostic, Report
from .template import TableTemplate

__all__ = ["check_equations", "check_signs", "check_templates"]


def _fmt(v) -> str:
    return format(v, "f") if isinstance(v, Decimal) else str(v)


def check_equations(report: Report, templates: Iterable[TableTemplate]) -> list[Diagnostic]:
    """``sum_mismatch`` for every failing instance of the templates' equations."""
    figures = dict(iter_figures(report))
    values = {k: f.value for k, f in figures.items() if f.value is not None}
    out: list[Diagnostic] = []
    for t in templates:
        for eq in t.invariants:
            for column, left, right in eq.instances():
                if not all(k in values for k in left + right):
                    continue
                lsum = sum(values[k] for k in left)
                rsum = sum(values[k] for k in right)
                if lsum == rsum:
                    continue
                lhs = " + ".join(f"{k} ({_fmt(values[k])})" for k in left)
                rhs = " + ".join(f"{k} ({_fmt(values[k])})" for k in right)
                col = f" in column {column}" if column else ""
                # The cell to look at: the total, i.e. the lone key of the shorter side.
                where = right[0] if len(right) <= len(left) else left[0]
                out.append(
                    Diagnostic(
                        code="sum_mismatch",
                        severity=eq.severity,
                        message=(
                            f"{report.source}: {eq.rule} fails{col}: {lhs} = {_fmt(lsum)}, "
                            f"but {rhs} = {_fmt(rsum)}" + (f" ({eq.description})" if eq.description else "")
                        ),
                        where=where,
                        span=figures[where].source.span,
                    )
                )
    return out


def check_signs(report: Report, templates: Iterable[TableTemplate]) -> list[Diagnostic]:
    """``negative_value`` for a negative number in a column that must not be negative (T3.4)."""
    kinds = {t.key_of(r, c): c.kind for t in templates for r in t.rows for c in r.columns}
    out = []
    for key, fig in iter_figures(report):
        if fig.value is not None and fig.value < 0 and kinds.get(key, "count") != "signed":
            out.append(
                Diagnostic(
                    code="negative_value",
                    severity="error",
                    message=f"{report.source}: {key} is {fig.raw!r}, but this cell cannot be negative",
                    where=key,
                    span=fig.source.span,
                )
            )
    return out


def check_templates(report: Report, templates: Iterable[TableTemplate]) -> list[Diagnostic]:
    """All template-declared checks of ``report``, for the templates its tables were read with.

    A format may offer several templates for one table (the 2019 and 2021 forms of table 3); only
    the one whose model holds the report's table applies, so no rule is checked twice.
    """
    used = tuple(t for t in templates if type(getattr(report, t.name, None)) is t.model)
    return check_equations(report, used) + check_signs(report, used)
