"""Report-level checks, whatever format parsed the report (the ``gkparse_validate`` hook).

* ``period_inconsistent``: the statistical period printed is not 1 January – 31 December of the
  report year, or ends before it starts (templates.md §4.5 X4). The period stays as printed.
* ``era_mismatch``: a table is printed in a template of another era than the report year calls for
  (templates.md §6.3; a warning, not an error).
"""

from __future__ import annotations

import datetime as dt

from gkparse import hookimpl
from gkparse.formats import era_of_year
from gkparse.model import Diagnostic


def _period(report):
    meta = report.meta
    start, end, year = meta.period_start, meta.period_end, meta.year
    if start is None or end is None:
        return
    problems = []
    if end < start:
        problems.append("it ends before it starts")
    if year is not None and (start != dt.date(year, 1, 1) or end != dt.date(year, 12, 31)):
        problems.append(f"it is not 1 January – 31 December of the report year {year}")
    if problems:
        yield Diagnostic(
            code="period_inconsistent",
            severity="warning",
            message=f"{report.source}: the statistical period is printed as {start.isoformat()} – {end.isoformat()}; "
            + " and ".join(problems)
            + " (kept as printed)",
            where="meta.period_start",
        )


_TABLE_NAMES = {"active": "table 2", "applications": "table 3", "legacy": "the statistical form"}


def _eras(report):
    expected = era_of_year(report.meta.year)
    if expected is None:
        return
    for attr, label in _TABLE_NAMES.items():
        table = getattr(report, attr)
        era = getattr(table, "era", None)
        if table is not None and era is not None and era != expected:
            yield Diagnostic(
                code="era_mismatch",
                severity="warning",
                message=f"{report.source}: {label} is printed in the {era} format, but a report for {report.meta.year} uses the {expected} format",
                where=attr,
            )


@hookimpl
def gkparse_validate(report):
    return list(_period(report)) + list(_eras(report))
