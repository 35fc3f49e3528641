"""Repairs of damaged text, before normalization: each one found is an :class:`Edit` with a reason.

What crawls and hijacked mirrors do to reports (templates.md §5.3), and what is done about it:

* **Partial mojibake**: a GBK byte stream decoded one byte out of step turns a label into
  ``?。ㄒ唬┲鲃庸_政府信息數`` (the ``?`` is the byte that was lost). Re-encoding the garbled run as
  GB18030 and decoding it again without its first byte recovers ``（一）主動公開政府信息數``. A run
  is replaced only when the realigned text is clearly less garbled (fewer private-use, bopomofo and
  box-drawing characters); what stays unreadable is left for the table reader's row-order fallback.
* **Leaked markup** (``</td>``, ``/td>``) is removed.
* **Pinyin annotations** after characters on spam mirrors (``政(zheng)(zheng)府(fu)(fu)``) are removed
  when a document carries several of them (one ``(app)`` after a word is not an annotation).
* **Injected spam** (betting and lottery phrases appended to the report or substituted into it) is
  removed: whole lines that are spam, and spam phrases inside lines.

Every edit is reported as a diagnostic with its line, by :mod:`gkparse.normalize`, which applies
the edits and keeps a map from the repaired text back to the source, so spans stay true.
"""

from __future__ import annotations

import re
from typing import Iterator

from attrs import frozen

__all__ = ["Edit", "find_edits", "looks_garbled"]


@frozen(kw_only=True)
class Edit:
    """Replace ``text[start:end]`` (within one line) with ``replacement``; ``code`` and ``what``
    say why, for the diagnostic."""

    start: int
    end: int
    replacement: str
    code: str
    what: str


_GARBLED = re.compile(r"[\ue000-\uf8ff\u3100-\u312f\u2500-\u257f\ufffd]")
# A garbled run: the lost byte's "?" up to the last non-ASCII character before the next "?"
# (trailing ASCII, such as the value after a label, stays outside the edit and keeps its span).
_SEGMENT = re.compile(r"\?[^?\n]*[^\x00-\x7f?\n]")
_TAG_LEAK = re.compile(r"</?t[dhr][^>\n]{0,40}>|/t[dhr]>")
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\))+")
_SPAM_WORDS = (
    "赛车", "开奖", "彩票", "博彩", "娱乐城", "棋牌", "比分直播", "时时彩", "六合彩", "百家乐",
    "真人娱乐", "赌场", "下注", "投注", "老虎机", "赛車", "開獎", "彩票網", "娛樂城", "賭場",
)
_SPAM_RE = re.compile("|".join(map(re.escape, _SPAM_WORDS)))
# A spam phrase inside a line: the spam word with the run of characters around it up to punctuation.
_SPAM_PHRASE = re.compile(r"[^\s,，。;；、:：()（）《》]{0,12}(?:" + "|".join(map(re.escape, _SPAM_WORDS)) + r")[^\s,，。;；、:：()（）《》]{0,12}")
_MIN_PINYIN = 3
# A short line with a spam word is spam unless it also speaks of the report's own matters.
_REPORT_WORDS = re.compile(r"政府|公开|申请|报告|行政|信息|公開|申請|報告|資訊")


def looks_garbled(text: str) -> bool:
    """Does ``text`` still hold characters that only mojibake produces (private use, bopomofo,
    box drawing, U+FFFD)? Such a label cannot be matched; its place in the form can."""
    return bool(_GARBLED.search(text))


def _badness(text: str) -> int:
    return len(_GARBLED.findall(text))


def _realign(segment: str) -> str | None:
    """The segment decoded one byte later, or None when it cannot be re-encoded."""
    try:
        data = segment.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return data[1:].decode("gb18030", errors="replace")


def _mojibake(line: str, base: int) -> Iterator[Edit]:
    if not _GARBLED.search(line):
        return
    for m in _SEGMENT.finditer(line):
        # A trailing U+FFFD stands for bytes already lost; re-encoding it would inject new ones.
        body = m.group()[1:].rstrip("\ufffd")
        fixed = _realign(body)
        if fixed is None or _badness(fixed) >= _badness(body):
            continue
        fixed = fixed.rstrip("\ufffd")
        yield Edit(
            start=base + m.start(),
            end=base + m.end(),
            replacement=fixed,
            code="text_damaged",
            what=f"realigned a GBK byte run read one byte out of step: {m.group()[:24]!r} → {fixed[:24]!r}",
        )


def _tag_leaks(line: str, base: int) -> Iterator[Edit]:
    for m in _TAG_LEAK.finditer(line):
        yield Edit(start=base + m.start(), end=base + m.end(), replacement="", code="text_damaged", what=f"removed leaked markup {m.group()!r}")


def _spam(line: str, base: int) -> Iterator[Edit]:
    if not _SPAM_RE.search(line):
        return
    stripped = line.strip()
    if len(stripped) <= 40 and not _REPORT_WORDS.search(stripped):
        lead = len(line) - len(line.lstrip())
        yield Edit(start=base + lead, end=base + lead + len(stripped), replacement="", code="spam_removed", what=f"removed an injected spam line {stripped[:30]!r}")
        return
    for m in _SPAM_PHRASE.finditer(line):
        yield Edit(start=base + m.start(), end=base + m.end(), replacement="", code="spam_removed", what=f"removed an injected spam phrase {m.group()[:30]!r}")


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def find_edits(text: str) -> list[Edit]:
    """Every repair of ``text``, sorted and non-overlapping, none crossing a line break."""
    edits: list[Edit] = []
    pinyin = list(_PINYIN.finditer(text))
    if len(pinyin) >= _MIN_PINYIN:
        edits.extend(Edit(start=m.start(), end=m.end(), replacement="", code="text_damaged", what=f"removed a pinyin annotation {m.group()!r}") for m in pinyin)
    # Each kind of damage is looked for line by line only when the whole text shows a sign of it
    # (most documents show none: one search each instead of three per line).
    kinds = [finder for finder, sign in ((_mojibake, _GARBLED), (_tag_leaks, _TAG_LEAK), (_spam, _SPAM_RE)) if sign.search(text)]
    if kinds:
        offset = 0
        for line in text.splitlines(keepends=True):
            for finder in kinds:
                edits.extend(finder(line, offset))
            offset += len(line)
    return _non_overlapping(edits)
