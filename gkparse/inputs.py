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

Layout: this module holds the public API (:class:`InputRef`, :func:`iter_inputs`, :func:`read_input`,
:func:`archive_kind`) and the expansion of files, directories and globs; zip archives are handled
by :mod:`gkparse.archives`, WARC/ARC crawls by :mod:`gkparse.crawls`, and what they share
(:class:`InputRef`, :data:`MAX_DOCUMENT_BYTES`) is defined in :mod:`gkparse.refs`.
"""

from __future__ import annotations

import glob as globmod
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from .archives import _read_zip_member, _zip_refs
from .crawls import _crawl_refs, _read_crawl_record
from .errors import GkparseError, InputError
from .refs import MAX_DOCUMENT_BYTES, InputRef, _matches

__all__ = [
    "InputRef",
    "iter_inputs",
    "read_input",
    "archive_kind",
    "MAX_DOCUMENT_BYTES",
]

Input = Union[str, os.PathLike, "InputRef"]


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


def _entry_kind(entry: os.DirEntry) -> tuple[str, bool] | None:
    """``(name, is_dir)`` of a directory entry worth walking, ``None`` for hidden names, sockets,
    fifos, dangling symlinks and entries that cannot be examined."""
    if entry.name.startswith("."):
        return None
    try:
        if entry.is_dir():
            return entry.name, True
        return (entry.name, False) if entry.is_file() else None
    except OSError:
        return None


def _walk(top: str, patterns: tuple[str, ...], seen: set, rel: str = "") -> Iterator[InputRef]:
    directory = os.path.join(top, rel) if rel else top
    try:
        real = os.path.realpath(directory)
        if real in seen:  # a symlink loop
            return
        seen.add(real)
        with os.scandir(directory) as it:
            # Names and kinds only, not the DirEntry objects: a directory of 100,000 files costs
            # half the memory (about 15 MB instead of 30) while its sorted listing is walked.
            entries = sorted(e for e in map(_entry_kind, it) if e is not None)
    except OSError as exc:
        yield InputRef.failed(directory, f"cannot be read: {exc.strerror or exc}")
        return
    for name, is_dir in entries:
        sub = f"{rel}/{name}" if rel else name
        if is_dir:
            yield from _walk(top, patterns, seen, sub)
            continue
        path = os.path.join(top, *sub.split("/"))
        kind = archive_kind(name)
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
