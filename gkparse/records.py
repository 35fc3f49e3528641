"""Output records: one JSON-ready dict per input, report or error (fields.md, "Output records").

::

    {"source": "<the input as given>", "fields": {<flat keys>}, "diagnostics": [...], "error": null}
    {"source": "<the input as given>", "fields": {}, "diagnostics": [], "error": {"type": "NotAReportError", "message": "..."}}

Without ``flat`` the record carries the whole structured report under ``"report"`` instead of
``"fields"``. :func:`iter_records` yields exactly one record per input, in input order, and never
stops on a bad input; it is :func:`gkparse.corpus.iter_records` in this process (directories,
globs, zip and WARC/ARC archives are expanded there; see :mod:`gkparse.inputs`). For many documents
use :mod:`gkparse.corpus` directly: worker processes, and writers for JSONL, CSV and Parquet.
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator, Optional, Union

from .errors import GkparseError
from .flatten import flatten
from .model import Diagnostic, Report
from .plugins import PluginHost
from .serialize import report_to_dict

__all__ = ["report_record", "error_record", "iter_records", "diagnostic_dict"]


def diagnostic_dict(d: Diagnostic) -> dict:
    return {"code": d.code, "severity": d.severity, "message": d.message, "where": d.where}


def report_record(report: Report, *, source: str, flat: bool = True) -> dict:
    """The record of a parsed report."""
    rec: dict = {"source": source}
    if flat:
        rec["fields"] = flatten(report)
    else:
        rec["report"] = report_to_dict(report)
    rec["diagnostics"] = [diagnostic_dict(d) for d in report.diagnostics]
    rec["error"] = None
    return rec


def error_record(exc: GkparseError, *, source: str, flat: bool = True) -> dict:
    """The record of an input that could not be parsed."""
    rec: dict = {"source": source}
    rec["fields" if flat else "report"] = {} if flat else None
    rec["diagnostics"] = []
    rec["error"] = {"type": type(exc).__name__, "message": str(exc)}
    return rec


def iter_records(
    sources: Iterable[Union[str, os.PathLike]], *, flat: bool = True, host: Optional[PluginHost] = None
) -> Iterator[dict]:
    """Parse each path in ``sources`` and yield its records, in order, at least one per input
    (one per document of a directory or archive), in this process.

    The same as ``gkparse.corpus.iter_records(sources, flat=flat, host=host, jobs=1)``.
    """
    from .corpus import iter_records as _iter_records  # corpus builds on this module

    return _iter_records(sources, flat=flat, host=host, jobs=1)
