"""WARC and ARC crawls as batch inputs: a small reader for the subset of the formats needed here —
record headers (WARC/1.0, WARC/1.1, ARC v1 and v2), plain or gzip-compressed files (one gzip member
per record; a corrupt member is skipped and reading resumes at the next intact one), and the HTTP
messages in the records (headers, ``Transfer-Encoding: chunked``, ``Content-Encoding: gzip``/``deflate``).

Scan side, :func:`_crawl_refs` yields one :class:`~gkparse.inputs.InputRef` per document record and
reads only the HTTP headers (for the charset); worker side, :func:`_read_crawl_record` seeks to a
record and returns its body. What is a document, how bad records become error records and how a
whole-file-gzipped crawl is handled is described in :mod:`gkparse.inputs`.

Kept apart from :mod:`gkparse.inputs` because it is a format parser of its own. Only the standard
library is used (zlib, re): the WARC subset is small, and a dependency such as ``warcio`` would be
one more thing to install for every user.
"""

from __future__ import annotations

import collections
import os
import re
import zlib
from typing import Iterator, Optional, Union

from .errors import GkparseError, InputError
from .refs import MAX_DOCUMENT_BYTES, InputRef, _missing_or_unreadable

_READ = 1 << 16  # bytes per read of a compressed or uncompressed crawl
_OUT = 1 << 20  # at most this many bytes per zlib call (bounded memory on highly compressed data)
_MAX_LINE = 1 << 16  # a WARC/ARC header line or HTTP head longer than this is malformed
_HEAD = 1 << 16  # bytes of a record block read by the scan to find the HTTP headers


# ------------------------------------------------------------------------------------------ streams


class _Member:
    """Marker in a chunk stream: a gzip member starts here, at compressed ``offset``."""

    __slots__ = ("offset",)

    def __init__(self, offset: int) -> None:
        self.offset = offset


class _CrawlError(Exception):
    """A malformed record or stream; ``fatal`` when the rest of the file cannot be read; ``where``
    names the place when it is not the record being read (a corrupt gzip member)."""

    def __init__(self, message: str, *, fatal: bool = False, where: Optional[str] = None) -> None:
        super().__init__(message)
        self.fatal = fatal
        self.where = where


class _Corrupt:
    """Marker in a chunk stream: the gzip member at ``offset`` is corrupt; reading resumes at the
    next intact member (``resume``; ``None``: there is none)."""

    __slots__ = ("offset", "reason", "resume")

    def __init__(self, offset: int, reason: str, resume: Optional[int]) -> None:
        self.offset, self.reason, self.resume = offset, reason, resume


_RECORD_START = re.compile(rb"\s*(WARC/1\.|[A-Za-z][A-Za-z0-9+.\-]*:\S* )")


def _next_member(f, start: int) -> Optional[int]:
    """The offset of the next intact gzip member at or after ``start`` whose data starts like a
    WARC or ARC record (a corrupt member is skipped, not the rest of the file)."""
    pos = start
    while True:
        f.seek(pos)
        block = f.read(_READ + 16)
        if len(block) < 18:
            return None
        i = block.find(b"\x1f\x8b\x08")
        while 0 <= i < _READ:
            if not block[i + 3] & 0xE0:  # reserved flag bits are zero in a real header
                f.seek(pos + i)
                head = f.read(1 << 15)
                try:
                    out = zlib.decompressobj(31).decompress(head, 256)
                except zlib.error:
                    out = b""
                if _RECORD_START.match(out):
                    return pos + i
            i = block.find(b"\x1f\x8b\x08", i + 1)
        pos += _READ


def _gzip_chunks(f) -> Iterator[Union[bytes, _Member, _Corrupt]]:
    """The decompressed bytes of consecutive gzip members from ``f``'s position, with a
    :class:`_Member` marker before each member, and a :class:`_Corrupt` marker where a member
    cannot be decompressed (reading then resumes at the next intact member). Zero padding after
    a member is ignored."""
    offset = f.tell()
    pending = b""
    while True:
        if not pending:
            pending = f.read(_READ)
            if not pending:
                return
        if not pending.lstrip(b"\0"):  # padding, possibly followed by more data
            rest = f.read(_READ)
            if not rest:
                return
            offset += len(pending)
            pending = rest
            continue
        member = offset
        yield _Member(offset)
        d = zlib.decompressobj(31)
        try:
            while not d.eof:
                if not pending:
                    pending = f.read(_READ)
                    if not pending:
                        yield _Corrupt(member, "truncated", None)
                        return
                out = d.decompress(pending, _OUT)
                rest = d.unused_data if d.eof else d.unconsumed_tail
                offset += len(pending) - len(rest)
                pending = rest
                if out:
                    yield out
        except zlib.error as exc:
            resume = _next_member(f, member + 1)
            yield _Corrupt(member, f"corrupt ({exc})", resume)
            if resume is None:
                return
            f.seek(resume)
            offset, pending = resume, b""


class _Stream:
    """Forward reading (lines, blocks, skips) over the chunks of a file or of its gzip members,
    tracking the position in the decompressed stream and where each gzip member starts."""

    def __init__(self, f, gz: bool) -> None:
        self._file = None if gz else f
        self._chunks = _gzip_chunks(f) if gz else iter(lambda: f.read(_READ), b"")
        self._buf = b""
        self._i = 0
        self.pos = 0 if gz else f.tell()  # decompressed position of the next unread byte
        self._received = self.pos  # decompressed position of the end of the buffer
        self.members: collections.deque = collections.deque()  # (decompressed position, compressed offset)
        self.start = self.pos  # where the record being read starts

    def _fill(self) -> bool:
        for item in self._chunks:
            if isinstance(item, _Member):
                self.members.append((self._received, item.offset))
                continue
            if isinstance(item, _Corrupt):
                then = f"reading resumes at the next intact member, at offset {item.resume}" if item.resume is not None else "the rest of the file cannot be read"
                raise _CrawlError(f"the gzip member at offset {item.offset} is {item.reason}; {then}", fatal=item.resume is None, where=str(item.offset))
            self._buf = self._buf[self._i :] + item
            self._i = 0
            self._received += len(item)
            return True
        return False

    def peek(self) -> bool:
        """Whether there is anything left (reads ahead one chunk if needed)."""
        return self._i < len(self._buf) or self._fill()

    def readline(self) -> bytes:
        while True:
            j = self._buf.find(b"\n", self._i)
            if j >= 0:
                return self._take(j + 1 - self._i)
            if len(self._buf) - self._i > _MAX_LINE:
                raise _CrawlError(f"a header line is longer than {_MAX_LINE} bytes")
            if not self._fill():
                return self._take(len(self._buf) - self._i)

    def read(self, n: int) -> bytes:
        while len(self._buf) - self._i < n and self._fill():
            pass
        return self._take(min(n, len(self._buf) - self._i))

    def skip(self, n: int) -> int:
        """Skip ``n`` bytes (seeking in an uncompressed file); returns how many were there."""
        done = min(n, len(self._buf) - self._i)
        self._take(done)
        if self._file is not None and n > done:
            here = self._file.tell()
            step = min(n - done, max(0, os.fstat(self._file.fileno()).st_size - here))
            self._file.seek(step, os.SEEK_CUR)
            self.pos += step
            self._received += step
            return done + step
        while done < n and self._fill():
            done += len(self._take(min(n - done, len(self._buf) - self._i)))
        return done

    def _take(self, n: int) -> bytes:
        out = self._buf[self._i : self._i + n]
        self._i += len(out)
        self.pos += len(out)
        if self._i > _READ and self._i * 2 > len(self._buf):
            self._buf = self._buf[self._i :]
            self._i = 0
        return out

    def locate(self, pos: int) -> tuple[Optional[int], str]:
        """Where the record starting at ``pos`` is: the offset to seek to (the compressed offset of
        the gzip member starting exactly there, or ``pos`` in an uncompressed file; ``None`` when it
        does not start a member) and how messages name the place (``1234``, or ``1234+56``: 56
        bytes into the member at 1234)."""
        if self._file is not None:
            return pos, str(pos)
        while len(self.members) > 1 and self.members[1][0] <= pos:
            self.members.popleft()
        exact = next((off for dpos, off in self.members if dpos == pos), None)
        if exact is not None:
            return exact, str(exact)
        if self.members and self.members[0][0] <= pos:
            return None, f"{self.members[0][1]}+{pos - self.members[0][0]}"
        return None, f"+{pos}"

    def next_member(self, after: int) -> bool:
        """Move to the first gzip member that starts after ``after`` and at or after the current
        position; ``False`` when there is none."""
        while True:
            nxt = next((d for d, _ in self.members if d > after and d >= self.pos), None)
            if nxt is not None:
                self._take(nxt - self.pos)  # within the buffer: markers come before their data
                return self.peek()
            self._take(len(self._buf) - self._i)
            if not self._fill():
                return False


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
