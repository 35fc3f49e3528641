"""Stage 1, load: a caller's ``source`` → :class:`RawInput` (a name, and bytes or text).

``source`` may be a ``str`` (the document's text), ``bytes`` (its raw bytes, decoded by
:mod:`gkparse.decode`), or a path (``pathlib.Path`` or any ``os.PathLike``). A ``str`` is always
text, never a file name: pass ``Path(name)`` to read a file. Problems with the input itself — a
missing path, a directory, an empty or binary file — are raised here as gkparse errors naming it.

Bytes stay bytes here: whether an input is an HTML page is decided on the *decoded* string, by
:func:`looks_like_html` (called from :func:`gkparse.pipeline.to_document`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional, Union

from attrs import frozen

from .decode import looks_binary
from .errors import BinaryInputError, EmptyInputError, InputError, LimitError

__all__ = ["RawInput", "load", "Source", "looks_like_html"]

Source = Union[str, bytes, os.PathLike]


@frozen(kw_only=True)
class RawInput:
    """An input as read: exactly one of ``data`` (bytes) and ``text`` is set."""

    name: str
    data: Optional[bytes] = None
    text: Optional[str] = None
    http_charset: Optional[str] = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else len(self.text or "")


def _read_path(path: Path, name: str) -> bytes:
    try:
        if path.is_dir():
            raise InputError("is a directory, not a report file", source=name)
        if not path.exists():
            raise InputError("no such file", source=name)
        return path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", source=name) from None


def load(
    source: Source, *, name: Optional[str] = None, http_charset: Optional[str] = None, max_bytes: Optional[int] = None
) -> RawInput:
    """Read ``source``; ``name`` overrides how messages and records name it. An input larger than
    ``max_bytes`` (characters, for text) is a :class:`~gkparse.errors.LimitError`, found before a
    file is read."""
    if isinstance(source, str):
        name = name or "<str>"
        _check_size(len(source), max_bytes, name, "characters")
        if not source.strip():
            raise EmptyInputError("is empty (no text at all)", source=name)
        return RawInput(name=name, text=source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "<bytes>"
        _check_size(len(data), max_bytes, name, "bytes")
    elif isinstance(source, os.PathLike):
        path = Path(source)
        name = name or str(source)
        try:
            size = path.stat().st_size if path.is_file() else 0
        except OSError:
            size = 0
        _check_size(size, max_bytes, name, "bytes")
        data = _read_path(path, name)
    else:
        raise InputError(f"cannot parse an object of type {type(source).__name__}; pass str, bytes or a path", source=name or "<input>")
    if not data.strip():
        raise EmptyInputError("is empty (no text at all)" if data else "is empty (0 bytes)", source=name)
    if looks_binary(data):
        raise BinaryInputError("is binary data (NUL bytes or control characters), not a text or HTML report", source=name)
    return RawInput(name=name, data=data, http_charset=http_charset)


def _check_size(size: int, max_bytes: Optional[int], name: str, unit: str) -> None:
    if max_bytes and size > max_bytes:
        raise LimitError(f"is {size} {unit}, over the limit max_bytes={max_bytes}", source=name, limit="max_bytes")


# A page starts with one of these (after whitespace, a BOM, an XML declaration and comments).
_HTML_START = re.compile(r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|p|div)[\s>/]", re.I | re.S)
# Structural tags, for documents that start with text (fragments, crawled bodies).
_TAG = re.compile(r"<(/?)(html|head|body|p|div|span|table|tbody|tr|td|th|br|a|li|ul|ol|h[1-6]|font|strong|b|img|meta|title|section|article)\b[^<>]{0,400}>", re.I)
_SNIFF = 64 * 1024


def looks_like_html(text: str) -> bool:
    """Is this decoded input an HTML page (or fragment) rather than crawled text?

    Conservative: a page that *starts* like HTML (a doctype, ``<html``, ``<head>``, ``<body>``,
    ``<meta``, ``<title>``, ``<table>``, ``<p>``, ``<div>``), or a text dense with markup — at least
    ten structural tags of at least three kinds, opening and closing ones, and a tag per 300
    characters. Crawled text that merely carries a few leaked ``</td>`` is text.
    """
    sample = text[:_SNIFF].lstrip("\ufeff \t\r\n\u3000\xa0")
    if _HTML_START.match(sample):
        return True
    tags = _TAG.findall(sample)
    if len(tags) < 10:
        return False
    names = {name.lower() for _, name in tags}
    closing = sum(1 for slash, _ in tags if slash)
    return len(names) >= 3 and 0 < closing < len(tags) and len(tags) * 300 >= len(sample)
