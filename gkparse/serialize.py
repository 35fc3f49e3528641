"""Report ↔ JSON, with a private cattrs converter built once.

Round trip is lossless: ``report_from_json(report_to_json(r)) == r``. Decimals are written as
strings (never floats), dates as ISO strings, and the tables whose type depends on the template era
(table 2, table 3) carry a ``"_type"`` tag naming their class. Loading forbids unknown keys, so a
typo in a stored report fails loudly instead of being dropped.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, Optional, Union

import cattrs
from cattrs.strategies import configure_tagged_union

from .model import Active2019, Active2021, Applications2019, Applications2021, Report

__all__ = ["report_to_dict", "report_from_dict", "report_to_json", "report_from_json"]

_Number = Optional[Union[int, Decimal]]


def _structure_number(value: Any, _: Any) -> Optional[Union[int, Decimal]]:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return Decimal(value)
    raise ValueError(f"{value!r} is not a number")


def _build() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda v, _: Decimal(v))
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    conv.register_structure_hook(_Number, _structure_number)
    conv.register_structure_hook(Union[int, Decimal], _structure_number)
    for union in (Union[Active2019, Active2021], Union[Applications2019, Applications2021]):
        configure_tagged_union(union, conv, tag_name="_type")
        _allow_none(conv, union)
    return conv


def _allow_none(conv: cattrs.Converter, union: Any) -> None:
    """Route ``Optional[union]`` (how the Report declares its tables) to the tagged-union hooks."""
    structure = conv.get_structure_hook(union)
    unstructure = conv.get_unstructure_hook(union)
    optional = Optional[union]
    conv.register_structure_hook(optional, lambda v, _: None if v is None else structure(v, union))
    conv.register_unstructure_hook(optional, lambda v: None if v is None else unstructure(v))


_CONVERTER = _build()


def report_to_dict(report: Report) -> dict:
    """The report as plain JSON-ready data."""
    return _CONVERTER.unstructure(report)


def report_from_dict(data: dict) -> Report:
    """A report from :func:`report_to_dict`'s output (unknown keys are an error)."""
    return _CONVERTER.structure(data, Report)


def report_to_json(report: Report, **kwargs: Any) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, **kwargs)


def report_from_json(text: str) -> Report:
    return report_from_dict(json.loads(text))
