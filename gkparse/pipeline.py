"""The orchestrator: one input in, one :class:`~gkparse.model.Report` out.

The stages, in order, one module each:

1. load       (:mod:`gkparse.load`)       str / bytes / path → RawInput (within :mod:`gkparse.limits`)
2. decode     (:mod:`gkparse.decode`)     bytes → text (BOM → declared charset → chardet → lossy)
   html       (:mod:`gkparse.html`)       an HTML page → its rendering (report body, tables as rows)
3. normalize  (:mod:`gkparse.normalize`)  text → Document (normalized lines of cells)
4. detect     (:mod:`gkparse.detect`)     every format scores the Document; the best wins
5. extract    (:mod:`gkparse.extract`)    the winning format fills the typed model
6. validate   (:mod:`gkparse.validate`)   template invariants, then every plugin's checks

Only gkparse's own errors leave :func:`parse`; anything else is a bug and is wrapped in
:class:`~gkparse.errors.InternalError` naming the input.
"""

from __future__ import annotations

from typing import Optional

import attrs

from .decode import decode_bytes
from .detect import detect
from .document import Document
from .errors import EmptyInputError, GkparseError, InternalError
from .extract import extract
from .html import check_builder, render
from .limits import DEFAULT_LIMITS, Limits, check_count, check_html, time_limit
from .load import RawInput, Source, load, looks_like_html
from .model import InputInfo, Report
from .normalize import normalize_text
from .plugins import PluginHost, default_host
from .validate import check_templates

__all__ = ["parse", "to_document"]


def to_document(raw: RawInput, *, builder: str = "html5lib", limits: Limits = DEFAULT_LIMITS) -> Document:
    """Stages 2 and 3: decode (when the input is bytes) and normalize, within ``limits``.

    An HTML page (:func:`gkparse.load.looks_like_html` on the decoded string) is rendered first
    (:func:`gkparse.html.render`, with the tree ``builder`` named): its text is the rendering, one
    line per block and per table row, and the table rows are cut into cells on their tabs.
    """
    doc = _to_document(raw, builder, limits)
    check_count("cells", len(doc.cells), limits.max_cells, "max_cells", source=raw.name)
    return doc


def _to_document(raw: RawInput, builder: str, limits: Limits) -> Document:
    if raw.text is not None:
        text, info, diags = raw.text, InputInfo(encoding=None, encoding_source="str", size=raw.size, kind="text"), ()
    else:
        decoded = decode_bytes(raw.data or b"", name=raw.name, http_charset=raw.http_charset)
        if not decoded.text.replace("\ufeff", "").strip():
            # Only Unicode whitespace (ideographic spaces, no-break spaces, a lone BOM).
            raise EmptyInputError("is empty (only whitespace)", source=raw.name)
        text, diags = decoded.text, decoded.diagnostics
        info = InputInfo(encoding=decoded.encoding, encoding_source=decoded.source, size=raw.size, kind="text")
    if not looks_like_html(text):
        check_count("lines", text.count("\n") + 1, limits.max_lines, "max_lines", source=raw.name)
        return normalize_text(text, source=raw.name, info=info, diagnostics=diags)
    check_html(text, limits, source=raw.name)
    rendered = render(text, source=raw.name, builder=builder)
    check_count("lines", rendered.text.count("\n") + 1, limits.max_lines, "max_lines", source=raw.name)
    if not rendered.text.strip():
        raise EmptyInputError("is an HTML page without any text", source=raw.name)
    return normalize_text(
        rendered.text,
        source=raw.name,
        info=attrs.evolve(info, kind="html"),
        diagnostics=tuple(diags) + rendered.diagnostics,
        grid_lines=rendered.grid_lines,
    )


def _parse(source: Source, name: Optional[str], host: PluginHost, http_charset: Optional[str], builder: str, limits: Limits) -> Report:
    raw = load(source, name=name, http_charset=http_charset, max_bytes=limits.max_bytes)
    with time_limit(limits, source=raw.name):
        return _parse_loaded(raw, host, builder, limits)


def _parse_loaded(raw: RawInput, host: PluginHost, builder: str, limits: Limits) -> Report:
    doc = to_document(raw, builder=builder, limits=limits)
    detection = detect(doc, host.formats())
    fmt = detection.winner
    report = extract(doc, fmt)
    checks = list(detection.diagnostics) + check_templates(report, fmt.templates) + host.validate(report, doc)
    if checks:
        report = attrs.evolve(report, diagnostics=report.diagnostics + tuple(checks))
    return report


def parse(
    source: Source,
    *,
    name: Optional[str] = None,
    host: Optional[PluginHost] = None,
    http_charset: Optional[str] = None,
    builder: str = "html5lib",
    limits: Optional[Limits] = None,
) -> Report:
    """Parse one report.

    :param source: the document's text (``str``), raw bytes, or a path (``pathlib.Path``).
    :param name: how errors and the report name the input (default: the path, or ``<str>``/``<bytes>``).
    :param host: the plugins to use (default: every installed plugin, see :func:`gkparse.plugins.default_host`).
    :param http_charset: the charset of the HTTP ``Content-Type`` the bytes came with, if known.
    :param builder: the HTML tree builder for web pages: ``"html5lib"`` (default, pure Python) or
        ``"fast"`` (selectolax/Lexbor, ``pip install 'gkparse[fast]'``); both give the same Document.
    :param limits: the resource limits (:class:`gkparse.limits.Limits`; default: ``DEFAULT_LIMITS``).
    :raises gkparse.errors.GkparseError: the input cannot be read, is not a report, or exceeds a
        limit (:class:`~gkparse.errors.LimitError`).
    """
    check_builder(builder, source=name or "<input>")
    try:
        return _parse(source, name, host or default_host(), http_charset, builder, limits or DEFAULT_LIMITS)
    except GkparseError:
        raise
    except Exception as exc:  # a bug: still only gkparse's own error type leaves
        label = name or (str(source) if not isinstance(source, (str, bytes)) else f"<{type(source).__name__}>")
        raise InternalError(f"unexpected {type(exc).__name__}: {exc}", source=label) from exc
