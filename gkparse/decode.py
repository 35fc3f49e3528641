"""Bytes to text: the decoding stage of the pipeline.

We decode ourselves, rather than letting an HTML parser guess, so that the encoding of every document
is decided the same way, is recorded (:class:`Decoded` says which codec and *why*), and damage is
reported instead of silently smoothed over. Every candidate is confirmed by a strict decode of the
whole input; a candidate that fails falls through to the next step:

1. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins outright;
2. the ``charset`` of the HTTP Content-Type, when the caller has one;
3. a ``<meta charset>`` / ``<meta http-equiv="Content-Type">`` prescan of the first 2048 bytes;
4. detection from the bytes themselves (source ``"chardet"``): a strict UTF-8 decode first, then
   chardet, limited to the encodings Chinese reports use, on at most 64 KiB of the text;
5. a decode with whatever loses least (source ``"fallback"``); if anything was lost, a
   ``text_damaged`` warning names the input, the codec, the count and the first bad byte.

Only steps 4 and 5 cost more than a strict decode, and only step 4 runs chardet.

Labels are mapped as browsers do (WHATWG): every GB label means GB18030, every Big5 label Big5-HKSCS,
latin1/ascii mean windows-1252. A declared legacy charset does not beat data that is valid UTF-8 with
non-ASCII bytes (mislabelled UTF-8 pages are common); an overridden declaration is recorded as an
``encoding_mismatch`` diagnostic.
"""

from __future__ import annotations

import codecs
import re
import threading
from typing import Optional

import attrs
import chardet

from .errors import DecodeError, InputError
from .model import Diagnostic

__all__ = ["Decoded", "decode_bytes", "looks_binary", "normalize_label"]


@attrs.frozen(kw_only=True)
class Decoded:
    """The decoded text, the Python codec used, how it was chosen, and what went wrong on the way.

    ``source`` is ``"bom"``, ``"http"``, ``"meta"``, ``"chardet"`` (detected from the bytes: the strict
    UTF-8 check or chardet) or ``"fallback"`` (nothing declared or detected held; best guess).
    """

    text: str
    encoding: str
    source: str
    diagnostics: tuple[Diagnostic, ...] = ()


def _labels(names: str, codec: str) -> dict[str, str]:
    return dict.fromkeys(names.split(), codec)


# Keys are normalized as normalize_label does (lower case, "_" -> "-").
_LABELS: dict[str, str] = {
    **_labels("gb2312 gb-2312 gb-2312-80 gbk x-gbk gb18030 chinese csgb2312 csiso58gb231280 iso-ir-58"
              " cp936 ms936 windows-936 euc-cn", "gb18030"),
    **_labels("big5 big5-hkscs big5hkscs cn-big5 csbig5 x-x-big5", "big5hkscs"),
    **_labels("utf-8 utf8 utf-8-sig unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8", "utf-8"),
    **_labels("iso-8859-1 iso8859-1 iso88591 iso-8859-1:1987 iso-ir-100 latin1 l1 csisolatin1 cp819"
              " ibm819 ascii us-ascii ansi-x3.4-1968 windows-1252 cp1252 x-cp1252", "cp1252"),
    **_labels("utf-16 utf-16le utf-16-le unicode unicodefeff ucs-2 csunicode iso-10646-ucs-2", "utf-16-le"),
    **_labels("utf-16be utf-16-be unicodefffe", "utf-16-be"),
    **_labels("utf-32 utf-32le utf-32-le", "utf-32-le"),
    **_labels("utf-32be utf-32-be", "utf-32-be"),
}

# UTF-32 LE (FF FE 00 00) must be tried before UTF-16 LE (FF FE), which it starts with.
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META = re.compile(r"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"';>/]+)""", re.IGNORECASE)
_CONTROLS = bytes(set(range(32)) - {9, 10, 12, 13})
_CHARDET_WINDOW = 64 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]")
# chardet is only asked to choose among the encodings Chinese reports come in. Its confidence is low
# on short texts even when it is right (0.09 for a five-hanzi GB string), and an open field lets it
# answer single-byte code pages that decode any bytes at all, into garbage (cp1258 for a GB page with a
# long ASCII head). Its answer is always confirmed by a strict decode, so no confidence bar is applied.
# "No match" is reported as utf-8, which the strict decode then rejects.
_CHARDET_CANDIDATES = ("utf-8", "gb18030", "big5hkscs", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")

# Error handlers. Browsers decode a lone 0x80 in GBK/GB18030 as U+20AC (cp936's euro sign), which
# Python's gb18030 codec rejects; both handlers apply that rule. The counting one replaces like
# errors="replace", records how many replacements it made and where the first was (per thread), and
# gives up (a Python call per error is slow) once the count passes ``_tally.limit``.
_tally = threading.local()
_MAX_COUNTED = 10_000


class _TooDamaged(Exception):
    """Raised by the counting handler to abandon a candidate."""


def _handler(counting: bool):
    def handle(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeDecodeError):
            raise exc
        if exc.encoding == "gb18030" and exc.object[exc.start] == 0x80:
            return "\u20ac", exc.start + 1
        if not counting:
            raise exc
        _tally.count += 1
        _tally.first = exc.start if _tally.first is None else _tally.first
        if _tally.count > _tally.limit:
            raise _TooDamaged
        return "\ufffd", exc.end

    return handle


codecs.register_error("gkparse.strict", _handler(False))
codecs.register_error("gkparse.count", _handler(True))


def normalize_label(label: str) -> Optional[str]:
    """Map a charset label (HTTP, ``<meta>``, or chardet's answer) to a Python codec name, as browsers do.

    Case, surrounding whitespace and quotes are ignored; GB labels give ``"gb18030"``, Big5 labels
    ``"big5hkscs"``, latin1/ascii ``"cp1252"``. Unknown labels give ``None``.
    """
    if not isinstance(label, str):
        return None
    key = label.strip().strip("\"'").strip().lower().replace("_", "-")
    return _LABELS.get(key)


def looks_binary(data: bytes) -> bool:
    """True if *data* is clearly not text: NUL bytes (unless it is UTF-16, with or without a BOM), or
    more than 10% C0 control characters other than tab, newline, form feed and carriage return, in the
    first 8 KiB. Empty data is not binary."""
    head = bytes(data[:8192])
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return False
    if b"\x00" in head:
        return not any(_utf16_text(head, enc) for enc in ("utf-16-le", "utf-16-be"))
    return (len(head) - len(head.translate(None, _CONTROLS))) * 10 > len(head)


def _utf16_text(head: bytes, encoding: str) -> bool:
    try:  # not final: the 8 KiB window may cut a surrogate pair
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\f\r")  # includes NUL
    return bool(text) and "\x00" not in text and controls * 10 <= len(text)


def decode_bytes(data: bytes, *, name: str = "<bytes>", http_charset: Optional[str] = None) -> Decoded:
    """Decode *data* following the decision order of this module; *name* names the input in diagnostics.

    *http_charset* is the charset parameter of the HTTP Content-Type, if known. Raises only
    :class:`~gkparse.errors.InputError` (not bytes) or :class:`~gkparse.errors.DecodeError`.
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    elif not isinstance(data, bytes):
        raise InputError(f"expected bytes, got {type(data).__name__}", source=name)
    declared = [("http", http_charset)] if http_charset and str(http_charset).strip() else []
    match = _META.search(data[:2048].decode("ascii", "ignore"))
    if match:
        declared.append(("meta", match.group(1)))

    def done(text: str, encoding: str, source: str, extra: tuple[Diagnostic, ...] = ()) -> Decoded:
        diags = [_mismatch(name, src, label, encoding) for src, label in declared
                 if _family(_declared_codec(src, label)) != _family(encoding)]
        return Decoded(text=text, encoding=encoding, source=source, diagnostics=(*diags, *extra))

    # 1. A BOM wins outright, if the rest of the data bears it out. One that does not is dropped: the
    # BOM bytes are not text in any legacy encoding either.
    bom_codec, skip = None, 0
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding)
            if text is not None:
                return done(text, encoding, "bom")
            if bom_codec is None:
                bom_codec, skip = encoding, len(bom)
    body = data[skip:]

    # 2./3. Declared charsets. A legacy declaration loses to data that is valid UTF-8 and not pure ASCII:
    # a real page of GB18030 (or Big5) text is practically never valid UTF-8 by chance. Every byte >= 0x80
    # would have to fall into well-formed UTF-8 sequences (a lead C2-F4 followed by exactly the right
    # number of 80-BF continuation bytes). GB hanzi are lead B0-F7 + trail A1-FE: a lead B0-BF is itself
    # a continuation byte and cannot start a sequence, and a trail is a continuation only if A1-BF, so
    # each character keeps the chain valid with a probability around 1/3 or less, and a page has
    # hundreds of them (even the famous "联通" = C1 AA CD A8 is rejected: C1 is an overlong lead).
    # Meanwhile UTF-8 Chinese text often *does* decode strictly as GB18030, into garbage, so a GB
    # declaration cannot be trusted on its own. (Pure ASCII decodes identically either way.)
    utf8 = _strict(body, "utf-8")
    for source, label in declared:
        encoding = _declared_codec(source, label)
        if encoding is None:
            continue
        if encoding != "utf-8" and utf8 is not None and _utf8_wins(body, encoding):
            continue
        text = utf8 if encoding == "utf-8" else _strict(body, encoding)
        if text is not None:
            return done(text, encoding, source)

    # 4. Detection. Valid UTF-8 settles it, unless it holds NULs: then it is far more likely
    # BOM-less UTF-16, which chardet recognizes.
    if utf8 is not None and "\x00" not in utf8:
        return done(utf8, "utf-8", "chardet")
    guess = _chardet_guess(body)
    if guess is not None:
        text = utf8 if guess == "utf-8" else _strict(body, guess)
        if text is not None:
            return done(text, guess, "chardet")
    if utf8 is not None:
        return done(utf8, "utf-8", "chardet")

    # 5. Lossy fallback: whichever candidate replaces fewest characters (earlier candidates win ties).
    # A candidate stops being decoded as soon as it is no better than the best so far.
    best, given_up = None, []
    for encoding in dict.fromkeys(c for c in (bom_codec, guess, "gb18030", "utf-8") if c is not None):
        if best is not None and best[2] == 0:
            break
        _tally.count, _tally.first = 0, None
        _tally.limit = best[2] - 1 if best is not None else _MAX_COUNTED
        try:
            text = body.decode(encoding, "gkparse.count")
        except _TooDamaged:
            given_up.append((encoding, _tally.first))
            continue
        except Exception:  # noqa: BLE001 - a codec failing outright just drops out
            continue
        best = (text, encoding, _tally.count, skip + (_tally.first or 0))
    if best is None and given_up:  # damaged beyond counting in every candidate: a plain lossy decode
        encoding, first = given_up[0]
        text = body.decode(encoding, "replace")
        best = (text, encoding, text.count("\ufffd"), skip + first)
    if best is None:
        raise DecodeError("no codec could decode the data, not even lossily", source=name)
    text, encoding, count, first = best
    if count == 0:
        return done(text, encoding, "fallback")
    damage = Diagnostic(
        code="text_damaged", severity="warning", where=f"byte {first}",
        message=f"{name}: {count} undecodable byte sequence(s) replaced with U+FFFD while decoding as "
                f"{encoding}; the first at byte {first}")
    return done(text, encoding, "fallback", (damage,))


def _strict(data: bytes, encoding: str) -> Optional[str]:
    try:
        return data.decode(encoding, "gkparse.strict" if encoding == "gb18030" else "strict")
    except (UnicodeDecodeError, LookupError):
        return None


def _declared_codec(source: str, label: str) -> Optional[str]:
    encoding = normalize_label(label)
    if source == "meta" and encoding is not None and encoding.startswith(("utf-16", "utf-32")):
        return "utf-8"  # WHATWG: a <meta> readable as ASCII cannot be in UTF-16/32
    return encoding


def _utf8_wins(data: bytes, declared: str) -> bool:
    if declared.startswith(("utf-16", "utf-32")):
        return b"\x00" not in data  # ASCII-heavy UTF-16 is full of NULs (still valid UTF-8)
    return not data.isascii()


def _family(encoding: Optional[str]) -> Optional[str]:
    return encoding[:6] if encoding is not None and encoding.startswith(("utf-16", "utf-32")) else encoding


def _mismatch(name: str, source: str, label: str, used: str) -> Diagnostic:
    where = "HTTP Content-Type charset" if source == "http" else "<meta> charset"
    known = _declared_codec(source, label) or "an unknown label"
    return Diagnostic(code="encoding_mismatch", severity="info", where=where,
                      message=f"{name}: the {where} declares {label!r} ({known}), but the data was "
                              f"decoded as {used}")


def _chardet_guess(data: bytes) -> Optional[str]:
    # chardet sees at most 64 KiB, starting where the non-ASCII text starts (a page may open with a long
    # ASCII <head> of scripts and styles, which says nothing about the encoding); the start is kept
    # 4-aligned so BOM-less UTF-16/32 is not seen out of step.
    match = _NON_ASCII.search(data)
    start = match.start() & ~3 if match else 0
    try:
        result = chardet.detect(data[start:start + _CHARDET_WINDOW], max_bytes=_CHARDET_WINDOW,
                                include_encodings=_CHARDET_CANDIDATES, no_match_encoding="utf-8")
    except Exception:  # noqa: BLE001 - a detector failure only means "no guess"
        return None
    return normalize_label(result.get("encoding") or "")
