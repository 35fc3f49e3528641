"""``flatten(report)``: the report as the flat mapping of ``fields.md`` (the data contract).

Keys are the attribute paths of the typed model: ``meta.*``; ``active.*`` and ``applications.*``
(tables 2 and 3); ``review.*``, ``litigation_direct.*``, ``litigation_after_review.*`` (table 4 has
no prefix of its own); ``legacy.*``; and each plugin :class:`~gkparse.model.Extra` under its own key.
Values: ``int`` for counts, a decimal string for money (万元), ISO strings for dates. An empty cell
(``Figure.value is None``) is absent, never zero.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Iterator

import attrs

from .model import Figure, Report

__all__ = ["flatten", "iter_figures", "TABLE_ATTRIBUTES", "flat_value"]

# The Report attributes holding tables, and the flat prefix of each.
TABLE_ATTRIBUTES = (("active", "active"), ("applications", "applications"), ("review_litigation", ""), ("legacy", "legacy"))


def _walk(obj: Any, prefix: str) -> Iterator[tuple[str, Figure]]:
    for f in attrs.fields(type(obj)):
        value = getattr(obj, f.name)
        if value is None:
            continue
        key = f"{prefix}.{f.name}" if prefix else f.name
        if isinstance(value, Figure):
            yield key, value
        elif attrs.has(type(value)):
            yield from _walk(value, key)


def iter_figures(report: Report) -> Iterator[tuple[str, Figure]]:
    """Every figure of the report's tables and extras, with its flat key, in model order."""
    for attr, prefix in TABLE_ATTRIBUTES:
        table = getattr(report, attr)
        if table is not None:
            yield from _walk(table, prefix)
    for extra in report.extras:
        yield extra.key, extra.figure


def flat_value(value: Any) -> Any:
    """A model value in its flat form: Decimal → plain decimal string, date → ISO string."""
    if isinstance(value, Decimal):
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def flatten(report: Report) -> dict[str, Any]:
    """The flat mapping of ``fields.md`` for ``report`` (meta first, then tables in model order)."""
    out: dict[str, Any] = {}
    for f in attrs.fields(type(report.meta)):
        value = getattr(report.meta, f.name)
        if value is not None:
            out[f"meta.{f.name}"] = flat_value(value)
    for key, fig in iter_figures(report):
        if fig.value is not None:
            out[key] = flat_value(fig.value)
    return out
