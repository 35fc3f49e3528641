"""Stage 4, detect: every registered format scores the document; the highest score wins.

Ties are broken by format name (alphabetical), so the outcome never depends on the order plugins
were loaded in. A score of zero means "not mine"; when every format says so, the document is not a
report gkparse knows (:class:`~gkparse.errors.NotAReportError`). A format whose ``score`` raises or
returns something other than a number is a :class:`~gkparse.errors.PluginError` naming it.
"""

from __future__ import annotations

import math
from typing import Sequence

from attrs import frozen

from .document import Document
from .errors import NotAReportError, PluginError
from .formats import Format

__all__ = ["Detection", "detect"]


@frozen(kw_only=True)
class Detection:
    """The winning format and every format's score (sorted best first), for diagnostics and tests."""

    winner: Format
    scores: tuple[tuple[str, float], ...]


def _score(fmt: Format, doc: Document) -> float:
    try:
        score = fmt.score(doc)
    except Exception as exc:
        raise PluginError(f"format {fmt.name!r} failed while scoring: {type(exc).__name__}: {exc}", source=doc.source, plugin=fmt.name) from exc
    if isinstance(score, bool) or not isinstance(score, (int, float)) or math.isnan(score):
        raise PluginError(f"format {fmt.name!r} returned a score of {score!r}, not a number", source=doc.source, plugin=fmt.name)
    return float(score)


def detect(doc: Document, formats: Sequence[Format]) -> Detection:
    """Pick the format that parses ``doc``."""
    scored = sorted(((_score(f, doc), f) for f in formats), key=lambda sf: (-sf[0], sf[1].name))
    if not scored or scored[0][0] <= 0:
        raise NotAReportError(
            "is not a government information disclosure annual report that gkparse recognizes "
            f"(no format found its headings or tables; tried: {', '.join(f.name for f in formats) or 'none'})",
            source=doc.source,
        )
    return Detection(winner=scored[0][1], scores=tuple((f.name, s) for s, f in scored))
