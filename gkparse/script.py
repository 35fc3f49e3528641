"""Traditional → simplified script: detection and a length-preserving conversion.

Reports are served in traditional script by site converters and Taiwan-vocabulary mirrors
(規範性檔案 for 规范性文件, 資訊 for 信息). gkparse matches labels in simplified script, so a
traditional document is converted first. OpenCC does the conversion (``tw2sp`` handles the
vocabulary, not only the characters). Offsets must survive conversion (a span points into both the
decoded and the normalized text), so a line whose phrase conversion changes its length falls back to
the character-level table, which is one-to-one.
"""

from __future__ import annotations

import functools
import re

__all__ = ["detect_script", "to_simplified"]

# Ranges holding the CJK ideographs OpenCC converts (unified, extension A, compatibility).
_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
# A document is traditional when at least this share of its CJK characters are traditional-only
# (simplified text contains a few characters OpenCC would also map, e.g. 著; real traditional pages
# score far above this).
_TRADITIONAL_SHARE = 0.03
_SAMPLE = 20000


@functools.lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    """Map every traditional-only character to its simplified form (built once, ~20 ms)."""
    import opencc

    chars = [chr(i) for lo, hi in _CJK_RANGES for i in range(lo, hi)]
    out = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {ord(a): b for a, b in zip(chars, out) if a != b and len(b) == 1}


@functools.lru_cache(maxsize=1)
def _phrase_converter():
    import opencc

    return opencc.OpenCC("tw2sp")


_CJK_RE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi - 1)}" for lo, hi in _CJK_RANGES) + "]")


@functools.lru_cache(maxsize=1)
def _traditional_re() -> "re.Pattern[str]":
    return re.compile("[" + "".join(sorted(chr(c) for c in _char_table())) + "]")


def detect_script(text: str) -> str:
    """``"traditional"`` or ``"simplified"``: the script the text is written in."""
    sample = text[:_SAMPLE]
    cjk = len(_CJK_RE.findall(sample))
    traditional = len(_traditional_re().findall(sample))
    if cjk and traditional >= 5 and traditional / cjk >= _TRADITIONAL_SHARE:
        return "traditional"
    return "simplified"


# Phrases never span spaces or punctuation, so a line converts chunk by chunk between them.
_CHUNK_RE = re.compile(r"([\s,，。、:：;；|()（）《》“”]+)")


def to_simplified(line: str) -> str:
    """Convert one line to simplified script, keeping its length.

    Phrase conversion first (檔案→文件, 資訊→信息, 釋出→发布), chunk by chunk between spaces and
    punctuation; a chunk whose phrase conversion changes its length (最佳化→优化) is converted by the
    one-to-one character table instead, so one such phrase costs only its own chunk.
    """
    converter = _phrase_converter()
    converted = converter.convert(line)
    if len(converted) == len(line):
        return converted
    table = _char_table()
    out = []
    for chunk in _CHUNK_RE.split(line):
        done = converter.convert(chunk)
        out.append(done if len(done) == len(chunk) else chunk.translate(table))
    return "".join(out)
