"""Stage 4, detect: every registered format scores the document; the highest score wins.

Ties are broken by format name (alphabetical), so the outcome never depends on the order plugins
were loaded in. A score of zero means "not mine"; when every format says so, the document is not a
report gkparse knows (:class:`~gkparse.errors.NotAReportError`). A format whose ``score`` raises or
returns something other than a number is left out of the contest and named in a ``plugin_failed``
diagnostic: one broken plugin does not stop the others from parsing the document.
"""

from __future__ import annotations

import math
from typing import Sequence

from attrs import frozen

from .document import Document
from .errors import NotAReportError, PluginError
from .formats import Format
from .model import Diagnostic

__all__ = ["Detection", "detect"]


@frozen(kw_only=True)
class Detection:
    """The winning format and every format's score (sorted best first), for diagnostics and tests."""

    winner: Format
    scores: tuple[tuple[str, float], ...]
    diagnostics: tuple[Diagnostic, ...] = ()


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
    scored = []
    failed: list[PluginError] = []
    for fmt in formats:
        try:
            scored.append((_score(fmt, doc), fmt))
        except PluginError as exc:
            failed.append(exc)
    scored.sort(key=lambda sf: (-sf[0], sf[1].name))
    if not scored or scored[0][0] <= 0:
        if failed and not scored:
            raise failed[0]
        broken = f"; failed: {', '.join(e.plugin for e in failed)}" if failed else ""
        raise NotAReportError(
            "is not a government information disclosure annual report that gkparse recognizes "
            f"(no format found its headings or tables; tried: {', '.join(f.name for f in formats) or 'none'}{broken})",
            source=doc.source,
        )
    diags = tuple(
        Diagnostic(code="plugin_failed", severity="error", message=e.message if e.message.startswith(doc.source) else f"{doc.source}: {e.message}", where=f"plugin {e.plugin}")
        for e in failed
    )
    return Detection(winner=scored[0][1], scores=tuple((f.name, s) for s, f in scored), diagnostics=diags)
