"""Stage 5, extract: the winning format fills the typed model.

The format does the work (:meth:`gkparse.formats.Format.extract`); this stage makes sure that what
comes back is a :class:`~gkparse.model.Report` for this document, and that a format that raises is
reported as a :class:`~gkparse.errors.PluginError` naming it and the document.
"""

from __future__ import annotations

import attrs

from .document import Document
from .errors import GkparseError, PluginError
from .formats import Format
from .model import Report

__all__ = ["extract"]


def extract(doc: Document, fmt: Format) -> Report:
    """Run ``fmt.extract(doc)`` and check its result."""
    try:
        report = fmt.extract(doc)
    except GkparseError:
        raise
    except Exception as exc:
        raise PluginError(f"format {fmt.name!r} failed while extracting: {type(exc).__name__}: {exc}", source=doc.source, plugin=fmt.name) from exc
    if not isinstance(report, Report):
        raise PluginError(f"format {fmt.name!r} returned {type(report).__name__}, not a Report", source=doc.source, plugin=fmt.name)
    if report.meta.variant is None:
        report = attrs.evolve(report, meta=attrs.evolve(report.meta, variant=fmt.name))
    return report
