"""Helpers for testing gkparse plugins (and gkparse itself).

* :func:`make_host` — a plugin host with exactly the plugins given (no entry points), so a test
  sees only what it means to test;
* :func:`parse_with` — parse one document with such a host;
* :func:`assert_golden` — compare a parse with an expected flat mapping and fail with a readable
  diff (wrong values, missing keys, table keys the expectation lacks);
* :class:`Gold` / :func:`load_gold` — the gold-file format of ``fields.md``, loaded strictly
  (an unknown key in a gold file is an error, so a typo cannot silently drop a check).

The same helpers are pytest fixtures (``gkparse_host``, ``gkparse_parse``, ``gkparse_golden``)
through the pytest plugin :mod:`gkparse.pytest_plugin`, registered under ``pytest11``.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

import cattrs
from attrs import field, frozen

from .flatten import flatten
from .model import Report
from .pipeline import parse
from .plugins import PluginHost, load_plugins

__all__ = ["make_host", "parse_with", "assert_golden", "golden_diff", "Gold", "load_gold", "TABLE_PREFIXES"]

TABLE_PREFIXES = ("active.", "applications.", "review.", "litigation_direct.", "litigation_after_review.", "legacy.")


def make_host(*plugins: object, entry_points: bool = False) -> PluginHost:
    """A plugin host with exactly ``plugins`` (modules or objects with hook implementations);
    ``entry_points=True`` adds every installed plugin as well."""
    return load_plugins(entry_points=entry_points, plugins=plugins)


def parse_with(source: Union[str, bytes, os.PathLike], *plugins: object, **options: Any) -> Report:
    """Parse ``source`` with a host holding exactly ``plugins``."""
    return parse(source, host=make_host(*plugins), **options)


@frozen(kw_only=True)
class Gold:
    """An expected parse, in the gold-file format of ``fields.md``."""

    source: str = ""
    fields: dict = field(factory=dict)
    optional: dict = field(factory=dict)
    ambiguous: dict = field(factory=dict)
    diagnostics: list = field(factory=list)
    notes: str = ""


_GOLD = cattrs.Converter(forbid_extra_keys=True)


def load_gold(path: Union[str, os.PathLike]) -> Gold:
    """Read a gold file; unknown keys are an error (:class:`cattrs.errors.ClassValidationError`)."""
    return _GOLD.structure(json.loads(Path(path).read_text(encoding="utf-8")), Gold)


def _same(actual: Any, expected: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return actual == expected
    if isinstance(expected, (int, str)) and not isinstance(expected, bool):
        try:
            if isinstance(expected, int) or str(expected).replace(".", "", 1).lstrip("-").isdigit():
                return Decimal(str(actual)) == Decimal(str(expected))
        except InvalidOperation:
            return False
    return actual == expected


def golden_diff(
    actual: Union[Report, Mapping[str, Any]],
    expected: Mapping[str, Any],
    *,
    optional: Mapping[str, Any] = {},
    absent: Iterable[str] = (),
    diagnostics: Iterable[str] = (),
) -> list[str]:
    """The differences between a parse and its expectation, one readable line each (empty when
    they agree). Rules of ``fields.md``: every expected key with an equal value; ``optional`` keys
    may be missing but not wrong; ``absent`` keys must be missing; any other table key is spurious;
    every code in ``diagnostics`` must be raised."""
    flat = flatten(actual) if isinstance(actual, Report) else dict(actual)
    codes = {d.code for d in actual.diagnostics} if isinstance(actual, Report) else set()
    lines: list[str] = []
    for key, want in expected.items():
        if key not in flat:
            lines.append(f"missing   {key}: expected {want!r}")
        elif not _same(flat[key], want):
            lines.append(f"wrong     {key}: got {flat[key]!r}, expected {want!r}")
    for key, want in optional.items():
        if key in flat and not _same(flat[key], want):
            lines.append(f"wrong     {key}: got {flat[key]!r}, expected {want!r} (optional)")
    absent = set(absent)
    for key in sorted(flat):
        if key in absent:
            lines.append(f"present   {key}: got {flat[key]!r}, must be left out")
        elif key.startswith(TABLE_PREFIXES) and key not in expected and key not in optional:
            lines.append(f"spurious  {key}: got {flat[key]!r}, not expected")
    if isinstance(actual, Report):
        lines.extend(f"no diagnostic {code!r} (raised: {sorted(codes) or 'none'})" for code in diagnostics if code not in codes)
    return lines


def assert_golden(
    actual: Union[Report, Mapping[str, Any]],
    expected: Union[Mapping[str, Any], Gold],
    *,
    optional: Optional[Mapping[str, Any]] = None,
    diagnostics: Optional[Iterable[str]] = None,
) -> None:
    """Fail with a readable diff unless ``actual`` matches ``expected`` (a flat mapping or a
    :class:`Gold`)."""
    if isinstance(expected, Gold):
        lines = golden_diff(actual, expected.fields, optional=expected.optional, absent=expected.ambiguous, diagnostics=expected.diagnostics)
    else:
        lines = golden_diff(actual, expected, optional=optional or {}, diagnostics=diagnostics or ())
    if lines:
        raise AssertionError(f"the parse differs from the golden expectation in {len(lines)} place(s):\n  " + "\n  ".join(lines))
