"""WARC and ARC crawls as batch inputs: a small reader for the subset of the formats needed here —
record headers (WARC/1.0, WARC/1.1, ARC v1 and v2), plain or gzip-compressed files (one gzip member
per record; a corrupt member is skipped and reading resumes at the next intact one), and the HTTP
messages in the records (headers, ``Transfer-Encoding: chunked``, ``Content-Encoding: gzip``/``deflate``).

Scan side, :func:`_crawl_refs` yields one :class:`~gkparse.inputs.InputRef` per document record and
reads only the HTTP headers (for the charset); worker side, :func:`_read_crawl_record` seeks to a
record and returns its body. What is a document, how bad records become error records and how a
whole-file-gzipped crawl is handled is described in :mod:`gkparse.inputs`.

Kept apart from :mod:`gkparse.inputs` because it is a format parser of its own. It is three stages,
one a module: :mod:`gkparse.crawl_stream` turns the file into bytes (a plain file or its gzip
members, where each member starts, skipping a corrupt one); this module reads the WARC/ARC records
from those bytes (record headers, which records are documents, the scan and its resynchronisation
after a bad record, the worker side); and :mod:`gkparse.http_message` takes the document out of a
record's HTTP message (headers, charset, chunked and content encodings). The three use only the
standard library (zlib, re): the WARC subset is small, and a dependency such as ``warcio`` would be
one more thing to install for every user.
"""

from __future__ import annotations

from typing import Iterator, Optional

from .crawl_stream import _CrawlError, _Stream
from .errors import GkparseError, InputError
from .http_message import _charset, _decode_content, _dechunk, _http_head
from .refs import MAX_DOCUMENT_BYTES, InputRef, _missing_or_unreadable

_HEAD = 1 << 16  # bytes of a record block read by the scan to find the HTTP headers


# ------------------------------------------------------------------------------------------ WARC / ARC records


class _Record:
    __slots__ = ("format", "type", "uri", "length", "content_type", "start")

    def __init__(self, format: str, type: str, uri: str, length: int, content_type: str, start: int) -> None:
        self.format, self.type, self.uri, self.length, self.content_type, self.start = format, type, uri, length, content_type, start


def _skip_blank(stream: _Stream) -> Optional[bytes]:
    """The first non-blank line (``None`` at the end of the stream)."""
    while True:
        line = stream.readline()
        if not line:
            return None
        if line.strip():
            return line


def _read_header(stream: _Stream, fmt: str) -> Optional[_Record]:
    """The next record's header; ``None`` at the end of the stream."""
    line = _skip_blank(stream)
    if line is None:
        return None
    start = stream.start = stream.pos - len(line)
    if fmt == "warc":
        if not line.startswith(b"WARC/"):
            raise _CrawlError(f"expected a WARC/1.0 or WARC/1.1 record, found {line[:40]!r}")
        headers: dict[str, str] = {}
        last = None
        while True:
            h = stream.readline()
            if not h:
                raise _CrawlError("the record is truncated in its headers", fatal=True)
            if not h.strip():
                break
            if h[:1] in (b" ", b"\t") and last is not None:  # a folded header line
                headers[last] += " " + h.decode("utf-8", "replace").strip()
                continue
            name, sep, value = h.decode("utf-8", "replace").partition(":")
            if not sep:
                raise _CrawlError(f"malformed header line {h[:60]!r}")
            last = name.strip().lower()
            headers[last] = value.strip()
        try:
            length = int(headers["content-length"])
            if length < 0:
                raise ValueError
        except (KeyError, ValueError):
            raise _CrawlError("no valid Content-Length header") from None
        uri = headers.get("warc-target-uri", "").strip("<>")
        return _Record("warc", headers.get("warc-type", "").lower(), uri, length, headers.get("content-type", ""), start)
    # ARC v1: URL IP date content-type length; v2: URL IP date content-type result checksum location offset filename length
    fields = line.decode("utf-8", "replace").split()
    if len(fields) < 5:
        raise _CrawlError(f"expected an ARC record header line, found {line[:60]!r}")
    try:
        length = int(fields[-1])
        if length < 0:
            raise ValueError
    except ValueError:
        raise _CrawlError("the record header has no valid length") from None
    return _Record("arc", "response", fields[0], length, fields[3], start)


def _is_document(rec: _Record, head: bytes) -> Optional[bool]:
    """Whether the record is a document: ``True`` (an HTTP message), ``False`` (a raw document),
    ``None`` (not a document: skipped)."""
    scheme = rec.uri.split(":", 1)[0].lower()
    if rec.format == "arc":
        if scheme in ("filedesc", "dns"):
            return None
        return head.startswith(b"HTTP/")
    if rec.type == "response":
        if rec.content_type.lower().startswith("application/http") or head.startswith(b"HTTP/"):
            return True
        return None
    if rec.type == "resource" and scheme in ("http", "https", "ftp", "file"):
        return False
    return None


def _record_charset(rec: _Record, is_http: bool, head: bytes) -> Optional[str]:
    if is_http:
        parsed = _http_head(head)
        return _charset(parsed[0].get("content-type")) if parsed else None
    return _charset(rec.content_type)


def _crawl_refs(path: str, fmt: str) -> Iterator[InputRef]:
    """Scan a WARC/ARC file: one ref per document record (see the module docstring)."""
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield InputRef.failed(path, _missing_or_unreadable(exc))
        return
    with f:
        try:
            gz = f.read(2) == b"\x1f\x8b"
            f.seek(0)
        except OSError as exc:
            yield InputRef.failed(path, _missing_or_unreadable(exc))
            return
        stream = _Stream(f, gz)
        name = fmt.upper()
        while True:
            stream.start = stream.pos
            try:
                rec = _read_header(stream, fmt)
                if rec is None:
                    return
                offset, where = stream.locate(rec.start)
                head = stream.read(min(rec.length, _HEAD))
                is_http = _is_document(rec, head)
                if is_http is None:
                    stream.skip(rec.length - len(head))
                    continue
                source = f"{path}@{where}!{rec.uri}"
                if offset is None:  # cannot be sought to: read the whole block here
                    if rec.length > MAX_DOCUMENT_BYTES:
                        raise _CrawlError(f"the record is larger than {MAX_DOCUMENT_BYTES} bytes")
                    block = head + stream.read(rec.length - len(head))
                    if len(block) < rec.length:
                        raise _CrawlError(f"the record is truncated ({len(block)} of {rec.length} bytes)", fatal=True)
                    try:
                        body, charset = _document_from_block(block, is_http, rec, source)
                    except GkparseError as exc:
                        yield InputRef.failed(source, exc.message, path=path)
                        continue
                    yield InputRef(source=source, path=path, kind=fmt, http_charset=charset, data=body)
                    continue
                got = len(head) + stream.skip(rec.length - len(head))
                if got < rec.length:
                    raise _CrawlError(f"the record is truncated ({got} of {rec.length} bytes)", fatal=True)
                yield InputRef(source=source, path=path, kind=fmt, offset=offset, http_charset=_record_charset(rec, is_http, head))
            except _CrawlError as exc:
                yield InputRef.failed(f"{path}@{exc.where or stream.locate(stream.start)[1]}", f"bad {name} record: {exc}", path=path)
                if exc.fatal or not _resync(stream, fmt, stream.start):
                    return
            except OSError as exc:
                yield InputRef.failed(f"{path}@{stream.locate(stream.start)[1]}", f"cannot be read: {exc.strerror or exc}", path=path)
                return


def _resync(stream: _Stream, fmt: str, bad: int) -> bool:
    """After a malformed record starting at ``bad``, move to the start of the next one: the next
    gzip member, or the next line that looks like a record header. ``False`` when nothing is left."""
    if stream._file is None:
        return stream.next_member(bad)
    f = stream._file
    while True:
        here = stream.pos
        line = stream.readline()
        if not line:
            return False
        if line.startswith(b"WARC/") if fmt == "warc" else (line.count(b" ") >= 4 and b"://" in line[:512]):
            f.seek(here)  # put the line back (uncompressed files only reach here)
            stream._buf, stream._i = b"", 0
            stream.pos = stream._received = here
            return True


# ------------------------------------------------------------------------------------------ reading (worker side)


def _read_crawl_record(ref: InputRef) -> tuple[bytes, Optional[str]]:
    fmt = ref.kind
    try:
        with open(ref.path, "rb") as f:
            gz = f.read(2) == b"\x1f\x8b"
            f.seek(ref.offset or 0)
            stream = _Stream(f, gz)
            rec = _read_header(stream, fmt)
            if rec is None:
                raise _CrawlError("no record at this offset")
            if rec.length > MAX_DOCUMENT_BYTES:
                raise _CrawlError(f"the record is larger than {MAX_DOCUMENT_BYTES} bytes")
            block = stream.read(rec.length)
    except _CrawlError as exc:
        raise InputError(f"bad {fmt.upper()} record: {exc}", source=ref.source) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", source=ref.source) from None
    if len(block) < rec.length:
        raise InputError(f"bad {fmt.upper()} record: truncated ({len(block)} of {rec.length} bytes)", source=ref.source)
    is_http = _is_document(rec, block[:_HEAD])
    return _document_from_block(block, bool(is_http), rec, ref.source)


def _document_from_block(block: bytes, is_http: bool, rec: _Record, source: str) -> tuple[bytes, Optional[str]]:
    """A record block → (document bytes, charset): the HTTP body, de-chunked and decoded."""
    if not is_http:
        return block, _charset(rec.content_type)
    parsed = _http_head(block)
    if parsed is None:
        raise InputError("bad HTTP response in the record: the headers never end", source=source)
    headers, start = parsed
    body = block[start:]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body, source)
    for coding in reversed([c.strip().lower() for c in headers.get("content-encoding", "").split(",") if c.strip()]):
        body = _decode_content(body, coding, source)
    return body, _charset(headers.get("content-type"))
