"""What the batch-input modules share: :class:`InputRef` (one document of a batch, as a reference a
worker process can read it from), the size limit on a document read from an archive, glob matching
of file and member paths, and the message naming a missing or unreadable archive.

It is its own module so that :mod:`gkparse.inputs` (expansion, reading) can use
:mod:`gkparse.archives` (zip) and :mod:`gkparse.crawls` (WARC/ARC), which build refs too, without an
import cycle. Import these names from :mod:`gkparse.inputs`, which re-exports them.
"""

from __future__ import annotations

import fnmatch
import os
from typing import Optional

from attrs import frozen

# A document read from an archive larger than this is an error record (zip bombs, video payloads).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # = the default Limits.max_bytes


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
    :ivar data: the document's bytes, only for crawl records that cannot be sought to (see
        :mod:`gkparse.inputs`); ``None`` otherwise.
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


def _matches(relpath: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return True
    rel = relpath.replace(os.sep, "/").lower()
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel if "/" in p else name, p) for p in patterns)


def _missing_or_unreadable(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not an archive"
    return f"cannot be read: {exc.strerror or exc}"
