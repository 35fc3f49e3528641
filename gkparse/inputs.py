"""Batch inputs: turning what a user names (files, directories, globs, ``.zip`` archives, WARC and
ARC crawls) into a lazy, ordered stream of :class:`InputRef` — one per document — and reading a
document back from its ref (in a worker process).

What a user may name, and what each yields:

* **a file** — one ref (its bytes are read by :func:`gkparse.parse` in the worker, never here).
  A missing file, a directory given where a file was expected, an empty file … is not checked here:
  the parse reports it as one error record, exactly as :func:`gkparse.parse` names it.
* **a directory** — every regular file below it, recursively, entries sorted by name in each
  directory (deterministic on every platform), hidden files and directories (``.name``) skipped,
  kept when they match one of the ``glob`` patterns (default: every file). Archives found inside are
  expanded too (the patterns then select the members of a zip; a zip with no matching member is
  skipped like a file that does not match). A directory that yields nothing is one error record
  (``InputError``: "is a directory with no files matching …"), never silence.
* **a glob pattern** (``'crawl/**/*.html'``, for shells that do not expand it) — when no file has
  that exact name, each match in sorted order, as if named one by one.
* **a .zip archive** — one ref per member (directories, hidden members and ``__MACOSX/`` skipped;
  ``glob`` applies to member paths), in name order; the record's ``source`` is
  ``archive.zip!dir/member.txt``. Member names without the UTF-8 flag are re-decoded (UTF-8, then
  GB18030) when the CP437 fallback of the zip format is not what the archiver meant — Chinese
  Windows archivers write GBK names.
* **a WARC file** (``.warc``, ``.warc.gz``, WARC/1.0 and WARC/1.1) — one ref per ``response`` record
  holding an HTTP message (``application/http``) and per ``resource`` record with an ``http(s)``,
  ``ftp`` or ``file`` target URI. Every other record (``warcinfo``, ``request``, ``metadata``,
  ``revisit`` — a duplicate of an earlier payload, ``dns:`` responses …) is not a document and is
  skipped. ``source`` is ``crawl.warc.gz@<offset>!<target URI>``, where ``offset`` is the byte offset
  of the record (of its gzip member, in a ``.warc.gz``), so a record can be found again.
* **an ARC file** (``.arc``, ``.arc.gz``, versions 1 and 2) — likewise, one ref per record except
  the ``filedesc://`` header and ``dns:`` records.

Archive types are recognised by name (``.zip``, ``.warc[.gz]``, ``.arc[.gz]``, any case); whether a
WARC/ARC file is gzip-compressed is read from its first bytes. ``glob`` never filters WARC/ARC records
(they have URIs, not file names).

Crawls: the HTTP headers of a record are read here only to take the charset of its ``Content-Type``
(it is passed to the decoder as ``http_charset``); the body is read in the worker, which seeks to
the record's offset, strips the HTTP headers, undoes ``Transfer-Encoding: chunked`` and
``Content-Encoding: gzip``/``deflate`` (``br``/``zstd`` need libraries outside the standard library: an
error record says so). A ``.warc.gz`` is expected to hold one gzip member per record (what every
crawler writes, WARC 1.1 annex D); a record that does not start a member (a whole-file-gzipped
crawl) cannot be sought to, so its body is read here and sent along in the ref (``InputRef.data``).

Bad input never stops a run and never raises: a missing or unreadable archive, a corrupt gzip
stream, or a malformed record becomes one ref of kind ``"error"`` (one error record), and the scan
goes on with the next record where the format allows it (the next gzip member; the next line
starting with ``WARC/`` in an uncompressed file). An archive that holds no document at all yields one
error record too, so every file named or found yields at least one record. Only the standard library
is used (zipfile, zlib): the WARC subset needed here is small, and a dependency such as ``warcio``
would be one more thing to install for every user.
"""

from __future__ import annotations

import collections
import fnmatch
import glob as globmod
import os
import re
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from attrs import frozen

from .errors import GkparseError, InputError

__all__ = [
    "InputRef",
    "iter_inputs",
    "read_input",
    "archive_kind",
    "MAX_DOCUMENT_BYTES",
]

Input = Union[str, os.PathLike, "InputRef"]

# A document read from an archive larger than this is an error record (zip bombs, video payloads).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # = the default Limits.max_bytes

_READ = 1 << 16  # bytes per read of a compressed or uncompressed crawl
_OUT = 1 << 20  # at most this many bytes per zlib call (bounded memory on highly compressed data)
_MAX_LINE = 1 << 16  # a WARC/ARC header line or HTTP head longer than this is malformed
_HEAD = 1 << 16  # bytes of a record block read by the scan to find the HTTP headers


@frozen(kw_only=True)
class InputRef:
    """One document of a batch, as a reference a worker process can read it from.

    :ivar source: how the record names the document (the path as given; ``a.zip!dir/m.txt``;
        ``crawl.warc.gz@1234!https://…``).
    :ivar path: the file to read: the document itself, or the archive holding it.
    :ivar kind: ``file``, ``zip``, ``warc``, ``arc``, or ``error`` (the input could not be expanded:
        ``error`` holds the gkparse error type name and the message).
    :ivar member: the zip member's name as stored in the archive.
    :ivar offset: the byte offset of the WARC/ARC record (of its gzip member in a compressed file);
        for a zip member, the offset of its local header (members may share a name).
    :ivar http_charset: the charset of the HTTP ``Content-Type`` of a crawled record.
    :ivar data: the document's bytes, only for crawl records that cannot be sought to (see the
        module docstring); ``None`` otherwise.
    """

    source: str
    path: str
    kind: str = "file"
    member: Optional[str] = None
    offset: Optional[int] = None
    http_charset: Optional[str] = None
    data: Optional[bytes] = None
    error: Optional[tuple[str, str]] = None

    @classmethod
    def failed(cls, source: str, message: str, *, path: Optional[str] = None, error_type: str = "InputError") -> "InputRef":
        """A ref that is already an error record: ``source`` could not be read or expanded."""
        return cls(source=source, path=path or source, kind="error", error=(error_type, message))


def archive_kind(name: str) -> Optional[str]:
    """``"zip"``, ``"warc"``, ``"arc"`` or ``None`` (a plain document), from the file name."""
    low = name.lower()
    if low.endswith(".zip"):
        return "zip"
    if low.endswith((".warc", ".warc.gz")):
        return "warc"
    if low.endswith((".arc", ".arc.gz")):
        return "arc"
    return None


# ------------------------------------------------------------------------------------------ expansion


def iter_inputs(inputs: Union[Input, Iterable[Input]], *, glob: Union[str, Sequence[str], None] = None) -> Iterator[InputRef]:
    """Expand ``inputs`` lazily into one :class:`InputRef` per document, in input order.

    ``inputs`` is one path (``str`` or ``os.PathLike`` — a ``str`` is a *path* here, not document
    text) or an iterable of paths and :class:`InputRef` objects (passed through). ``glob`` is one
    pattern or several (``"*.html"``; a pattern with a ``/`` matches the path below the directory
    or inside the archive); a file matches when its name matches any of them, case-insensitively.
    Files named explicitly are always taken. Never raises for a bad input: see the module docstring.
    """
    patterns = _patterns(glob)
    if isinstance(inputs, (str, bytes, os.PathLike, InputRef)):
        inputs = (inputs,)
    for item in inputs:
        if isinstance(item, InputRef):
            yield item
        elif isinstance(item, (str, os.PathLike)):
            yield from _expand_named(os.fspath(item), patterns)
        else:
            label = repr(item)[:80]
            yield InputRef.failed(label, f"cannot be read: {type(item).__name__} is not a path (pass str or os.PathLike)")


def _patterns(glob: Union[str, Sequence[str], None]) -> tuple[str, ...]:
    if glob is None:
        return ()
    if isinstance(glob, str):
        glob = (glob,)
    return tuple(p.lower() for p in glob if p)


def _matches(relpath: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return True
    rel = relpath.replace(os.sep, "/").lower()
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel if "/" in p else name, p) for p in patterns)


def _describe(patterns: tuple[str, ...]) -> str:
    return "no files" if not patterns else "no files matching " + " or ".join(repr(p) for p in patterns)


def _expand_named(name: str, patterns: tuple[str, ...]) -> Iterator[InputRef]:
    if os.path.isdir(name):
        n = 0
        for ref in _walk(name, patterns, seen=set()):
            n += 1
            yield ref
        if n == 0:
            yield InputRef.failed(name, f"is a directory with {_describe(patterns)} (hidden files are skipped)")
        return
    if not os.path.lexists(name) and globmod.has_magic(name):
        matches = sorted(globmod.glob(name, recursive=True))
        if not matches:
            yield InputRef.failed(name, "no such file (the pattern matches nothing)")
        for m in matches:
            yield from _expand_named(m, patterns)
        return
    kind = archive_kind(name)
    if kind is None:
        yield InputRef(source=name, path=name)  # read (and any error named) by the parse itself
    else:
        yield from _expand_archive(name, kind, patterns, named=True)


def _walk(top: str, patterns: tuple[str, ...], seen: set, rel: str = "") -> Iterator[InputRef]:
    directory = os.path.join(top, rel) if rel else top
    try:
        real = os.path.realpath(directory)
        if real in seen:  # a symlink loop
            return
        seen.add(real)
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield InputRef.failed(directory, f"cannot be read: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        sub = f"{rel}/{entry.name}" if rel else entry.name
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(top, patterns, seen, sub)
            continue
        if not is_file:  # sockets, fifos, dangling symlinks
            continue
        path = os.path.join(top, *sub.split("/"))
        kind = archive_kind(entry.name)
        if kind is not None:
            yield from _expand_archive(path, kind, patterns, named=False)
        elif _matches(sub, patterns):
            yield InputRef(source=path, path=path)
    seen.discard(real)


def _expand_archive(path: str, kind: str, patterns: tuple[str, ...], *, named: bool) -> Iterator[InputRef]:
    n = 0
    expand = _zip_refs(path, patterns) if kind == "zip" else _crawl_refs(path, kind)
    for ref in expand:
        n += 1
        yield ref
    # An archive that yields nothing is an error record, unless it was found in a directory walk
    # under --glob: then it simply has no matching member, like any file that does not match.
    if n == 0 and (named or not patterns or kind != "zip"):
        what = _describe(patterns) if kind == "zip" else "no documents (no HTTP response or resource records)"
        yield InputRef.failed(path, f"is a {kind.upper()} archive with {what}")


def _missing_or_unreadable(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not an archive"
    return f"cannot be read: {exc.strerror or exc}"


# ------------------------------------------------------------------------------------------ zip


def _zip_display_name(info) -> str:
    """The member name as the archiver meant it (UTF-8 flag unset: CP437 bytes that are UTF-8 or GBK)."""
    name = info.filename
    if info.flag_bits & 0x800 or name.isascii():
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


def _zip_refs(path: str, patterns: tuple[str, ...]) -> Iterator[InputRef]:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except OSError as exc:
        yield InputRef.failed(path, _missing_or_unreadable(exc))
        return
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as exc:
        yield InputRef.failed(path, f"is not a readable zip archive: {exc}")
        return
    members = []
    for info in infos:
        display = _zip_display_name(info)
        parts = display.replace("\\", "/").split("/")
        hidden = any(p.startswith(".") and p not in (".", "..") for p in parts)
        if info.is_dir() or hidden or parts[0] == "__MACOSX":
            continue
        if _matches(display, patterns):
            members.append((parts, display, info.header_offset, info.filename))
    members.sort()  # by path components: the order of a directory walk
    for _, display, offset, name in members:
        yield InputRef(source=f"{path}!{display}", path=path, kind="zip", member=name, offset=offset)


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


def read_input(ref: InputRef) -> tuple[Union[Path, bytes], Optional[str]]:
    """What :func:`gkparse.parse` gets for ``ref``: a path (plain files) or the document's bytes,
    and the HTTP charset. Raises only :class:`~gkparse.errors.GkparseError` naming ``ref.source``."""
    if ref.kind == "error":
        from . import errors

        etype, message = ref.error or ("InputError", "cannot be read")
        cls = getattr(errors, etype, None)
        if not (isinstance(cls, type) and issubclass(cls, GkparseError)):
            cls = InputError
        raise cls(message, source=ref.source)
    if ref.data is not None:
        return ref.data, ref.http_charset
    if ref.kind == "file":
        return Path(ref.path), None
    if ref.kind == "zip":
        return _read_zip_member(ref), None
    if ref.kind in ("warc", "arc"):
        return _read_crawl_record(ref)
    raise InputError(f"unknown input kind {ref.kind!r}", source=ref.source)


_ZIPS: "collections.OrderedDict[str, tuple]" = collections.OrderedDict()  # per process: a few open archives


def _open_zip(path: str):
    import zipfile

    st = os.stat(path)
    key = (st.st_mtime_ns, st.st_size)
    hit = _ZIPS.get(path)
    if hit is not None and hit[0] == key:
        _ZIPS.move_to_end(path)
        return hit[1], hit[2]
    zf = zipfile.ZipFile(path)
    by_offset = {i.header_offset: i for i in zf.infolist()}
    _ZIPS[path] = (key, zf, by_offset)
    while len(_ZIPS) > 4:
        _, (_, old, _) = _ZIPS.popitem(last=False)
        old.close()
    return zf, by_offset


# Archive members are read into memory, never extracted: a member's name (../../etc/passwd) never
# reaches the file system. What is refused, with the reason: encrypted members, members that
# decompress past MAX_DOCUMENT_BYTES or at a ratio no document has (zip bombs), archives in archives.
_ARCHIVE_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf", b"WARC/", b"BZh")
_ARCHIVE_SUFFIXES = (".zip", ".gz", ".tgz", ".rar", ".7z", ".warc", ".arc", ".bz2", ".xz", ".tar")
_MAX_RATIO = 200  # real pages compress 5-20:1; a bomb, thousands to one
_RATIO_FLOOR = 1 << 20  # small members are never bombs


def _check_member(info, ref: InputRef) -> None:
    if info.flag_bits & 0x1:
        raise InputError("is encrypted; encrypted archive members are not opened", source=ref.source)
    if info.file_size > MAX_DOCUMENT_BYTES:
        raise InputError(f"is larger than {MAX_DOCUMENT_BYTES} bytes once decompressed", source=ref.source)
    if info.file_size > _RATIO_FLOOR and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
        raise InputError(
            f"decompresses {info.file_size // max(info.compress_size, 1)}:1 ({info.file_size} bytes), "
            "a ratio no document has: refused as a zip bomb",
            source=ref.source,
        )


def _read_zip_member(ref: InputRef) -> bytes:
    import zipfile

    try:
        zf, by_offset = _open_zip(ref.path)
        info = by_offset.get(ref.offset) if ref.offset is not None else zf.getinfo(ref.member)
        if info is None or info.filename != ref.member:
            info = zf.getinfo(ref.member)
        _check_member(info, ref)
        with zf.open(info) as member:
            data = member.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InputError(f"is larger than {MAX_DOCUMENT_BYTES} bytes once decompressed", source=ref.source)
        if data.startswith(_ARCHIVE_MAGIC) or ref.member.lower().endswith(_ARCHIVE_SUFFIXES):
            raise InputError(
                "is an archive inside an archive; nested archives are not opened (extract it and pass it as an input)",
                source=ref.source,
            )
        return data
    except GkparseError:
        raise
    except FileNotFoundError:
        raise InputError("cannot be read: the archive no longer exists", source=ref.source) from None
    except KeyError:
        raise InputError("cannot be read: no such member in the archive", source=ref.source) from None
    except RuntimeError as exc:  # encrypted members
        raise InputError(f"cannot be read: {exc}", source=ref.source) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        raise InputError(f"is a broken archive member: {exc}", source=ref.source) from None


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
