"""Zip archives as batch inputs: listing the members of a ``.zip`` as :class:`~gkparse.inputs.InputRef`
objects (scan side) and reading one member's bytes (worker side), with the checks that keep a hostile
archive from doing harm: members are read into memory, never extracted (a member's name never
reaches the file system), and encrypted members, zip bombs (too large, or a ratio no document has)
and archives inside archives are refused as error records.

Kept apart from :mod:`gkparse.inputs` so the archive-attack rules sit in one short module that can be
reviewed on its own. Only the standard library is used (zipfile, zlib).
"""

from __future__ import annotations

import collections
import os
import zlib
from typing import Iterator

from .errors import GkparseError, InputError
from .refs import MAX_DOCUMENT_BYTES, InputRef, _matches, _missing_or_unreadable


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


# ------------------------------------------------------------------------------------------ reading (worker side)


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
