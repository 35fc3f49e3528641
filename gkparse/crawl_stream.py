"""The byte stream under a WARC or ARC crawl: forward reading (lines, blocks, skips) over a plain
file or over its gzip members (one member per record), keeping where each member starts in the
decompressed stream so that a record can be named, and found again, by its compressed offset. A
corrupt member is skipped and reading resumes at the next intact one (:func:`_next_member` finds it
by the gzip magic and a start that looks like a record); a corrupt member or a header line longer
than :data:`_MAX_LINE` is a :class:`_CrawlError`, which :mod:`gkparse.crawls` turns into an error
record.

Its own stage because it knows nothing of records or HTTP: it only turns a file into bytes with
positions, and the record reader in :mod:`gkparse.crawls` reads from it on the scan side and the
worker side alike. :class:`_CrawlError` is defined here because the stream is the first to raise it
(the record reader raises it too, and imports it from here). Only the standard library is used
(zlib, re).
"""

from __future__ import annotations

import collections
import os
import re
import zlib
from typing import Iterator, Optional, Union

_READ = 1 << 16  # bytes per read of a compressed or uncompressed crawl
_OUT = 1 << 20  # at most this many bytes per zlib call (bounded memory on highly compressed data)
_MAX_LINE = 1 << 16  # a WARC/ARC header line or HTTP head longer than this is malformed


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
