"""The HTTP message stored in a crawl record: the headers of a block that starts with a status line
(:func:`_http_head`), the charset parameter of a ``Content-Type`` (:func:`_charset`), and undoing
``Transfer-Encoding: chunked`` (:func:`_dechunk`) and ``Content-Encoding: gzip``/``deflate``
(:func:`_decode_content`; ``br``, ``zstd`` … need libraries outside the standard library, and an error
record says so). A body the crawler stored already de-chunked or decoded, under headers that say
otherwise, is kept as it is.

Its own stage because it works on bytes already taken out of a record and knows nothing of WARC,
ARC or gzip members: :mod:`gkparse.crawls` hands it a record block (:func:`~gkparse.crawls._document_from_block`)
and gets back the document bytes and their charset. Its errors are
:class:`~gkparse.errors.InputError` naming the record's ``source``, so each becomes the error record
of that one document. Only the standard library is used (zlib, re).
"""

from __future__ import annotations

import re
import zlib
from typing import Optional

from .errors import InputError
from .refs import MAX_DOCUMENT_BYTES


# ------------------------------------------------------------------------------------------ HTTP messages


_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.I)


def _charset(content_type: Optional[str]) -> Optional[str]:
    m = _CHARSET.search(content_type or "")
    return m.group(1) if m else None


def _http_head(block: bytes) -> Optional[tuple[dict[str, str], int]]:
    """The HTTP headers of a block starting with a status line (lower-cased names; repeated
    headers joined with ", ") and where the body starts; ``None`` when the head does not end."""
    ends = [(i, n) for i, n in ((block.find(b"\r\n\r\n"), 4), (block.find(b"\n\n"), 2)) if i >= 0]
    if not ends:
        return None
    end, n = min(ends)
    headers: dict[str, str] = {}
    for line in block[:end].decode("latin-1").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    return headers, end + n


_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]+")


def _dechunk(body: bytes, source: str) -> bytes:
    """Undo ``Transfer-Encoding: chunked``. A body that does not start with a chunk size was
    stored de-chunked by the crawler and is kept as it is; a body cut short keeps what it has."""
    out, i = [], 0
    while i < len(body):
        j = body.find(b"\n", i)
        line = body[i : j if j >= 0 else len(body)].split(b";", 1)[0].strip()
        if not _CHUNK_SIZE.fullmatch(line or b"-"):
            if not out and i == 0:
                return body
            raise InputError(f"bad HTTP response in the record: malformed chunked body at byte {i}", source=source)
        size = int(line, 16)
        if size == 0 or j < 0:
            break
        out.append(body[j + 1 : j + 1 + size])
        i = j + 1 + size
        if body[i : i + 2] == b"\r\n":
            i += 2
        elif body[i : i + 1] == b"\n":
            i += 1
    return b"".join(out)


def _decode_content(body: bytes, coding: str, source: str) -> bytes:
    if coding in ("identity", ""):
        return body
    if coding in ("gzip", "x-gzip", "deflate"):
        if coding != "deflate" and not body.startswith(b"\x1f\x8b"):
            return body  # stored already decoded by the crawler
        for wbits in ((47,) if coding != "deflate" else (15, -15)):
            d = zlib.decompressobj(wbits)
            try:
                out = d.decompress(body, MAX_DOCUMENT_BYTES + 1)
            except zlib.error:
                continue
            if len(out) > MAX_DOCUMENT_BYTES:
                raise InputError(f"is larger than {MAX_DOCUMENT_BYTES} bytes once decompressed", source=source)
            return out
        if coding == "deflate":
            return body
        raise InputError(f"bad HTTP response in the record: the {coding} Content-Encoding is corrupt", source=source)
    raise InputError(
        f"cannot be read: Content-Encoding {coding!r} is not supported (gzip and deflate are; {coding} needs a library outside the standard library)",
        source=source,
    )
