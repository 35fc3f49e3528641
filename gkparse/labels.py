"""Label matching: how a printed label is compared with a template's label.

Labels are matched after normalization, never byte for byte (templates.md §6.1): whitespace, quotes
and punctuation are dropped, the list numbering (``一、``, ``(三)``, ``3.``) is split off, and what is
left is compared exactly, by prefix (a printed label may carry a note: ``部分公开(区分处理的,…)``), or
within a small edit distance (crawls lose characters: ``本年发件`` for ``本年制发件数``).
"""

from __future__ import annotations

import functools
import re

__all__ = ["label_key", "split_numbering", "label_matches", "edit_distance"]

_NUMBERING_RE = re.compile(r"^\(([一二三四五六七八九十]+)\)|^([一二三四五六七八九十]+)[、.]|^(\d{1,2})[.、](?!\d)")
_SPACE_RE = re.compile(r"\s+")
# Everything that is not a letter, digit or CJK ideograph is dropped from a label key.
_DROP_RE = re.compile(r"[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]+")


# Labels repeat across documents, so their comparisons are cached; prose cells are unique, and
# caching them would only churn the caches (and grow memory to their caps). Longer texts bypass.
LABEL_SIZED = 64
# Entries per label cache. The labels every document prints fit many times over; unique texts
# (damaged or prose-like cells) cycle through instead of piling up. Measured on 4,000 generated
# documents: the larger caps (32k-64k) grew peak RSS by ~35 MB for no gain in speed, at 4,096 it
# stays flat from the first thousand documents on.
LABEL_CACHE_ENTRIES = 4096


def split_numbering(text: str) -> tuple[str | None, str]:
    """See :func:`_split_numbering` (cached for label-sized texts)."""
    return _split_numbering_cached(text) if len(text) <= LABEL_SIZED else _split_numbering(text)


def _split_numbering(text: str) -> tuple[str | None, str]:
    """Split a label's list numbering from its words: ``"(三)不予公开"`` → ``("三", "不予公开")``.

    Returns ``(None, text)`` when the label carries no numbering. Chinese numerals are only taken as
    numbering when followed by ``、`` or wrapped in brackets, so ``三安全`` stays a word.
    """
    t = _SPACE_RE.sub("", text)
    m = _NUMBERING_RE.match(t)
    if not m:
        return None, t
    number = m.group(1) or m.group(2) or m.group(3)
    return number, t[m.end() :]


def label_key(text: str) -> str:
    """See :func:`_label_key` (cached for label-sized texts)."""
    return _label_key_cached(text) if len(text) <= LABEL_SIZED else _label_key(text)


def _label_key(text: str) -> str:
    """The comparable form of a label: numbering and a leading ``其中:`` removed, then everything but
    words removed."""
    key = _DROP_RE.sub("", split_numbering(text)[1])
    return key[2:] if key.startswith("其中") else key


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def label_matches(printed_key: str, wanted_key: str, *, prefix: bool = True, fuzzy: bool = True) -> bool:
    """See :func:`_label_matches` (cached when the printed label is label-sized)."""
    if len(printed_key) <= LABEL_SIZED:
        return _label_matches_cached(printed_key, wanted_key, prefix, fuzzy)
    return _label_matches(printed_key, wanted_key, prefix, fuzzy)


def _label_matches(printed_key: str, wanted_key: str, prefix: bool = True, fuzzy: bool = True) -> bool:
    """Does a printed label (its :func:`label_key`) match a template label's key?

    Exact; or the printed label starts with the wanted one (and ``prefix``); or (``fuzzy``) it is the
    wanted label less its last character (four characters at least); or, for labels of six
    characters or more, within edit distance 2, comparing the printed label's beginning when it is
    longer (a note may follow the label).

    Cached (for label-sized printed keys): the same printed labels meet the same template labels
    in every document.
    """
    if printed_key == wanted_key:
        return True
    if not printed_key or not wanted_key:
        return False
    if prefix and printed_key.startswith(wanted_key):
        return True
    if fuzzy and len(printed_key) >= 4 and len(printed_key) == len(wanted_key) - 1 and wanted_key.startswith(printed_key):
        return True  # the last character was lost (收到申请 for 收到申请数)
    if fuzzy and len(wanted_key) >= 6:
        head = printed_key[: len(wanted_key)] if prefix else printed_key
        if _near(head, wanted_key):
            return True
        if len(printed_key) < len(wanted_key) and _near(printed_key, wanted_key):
            return True
    return False


def _near(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` within edit distance 2? Every character that one has and the other lacks
    costs at least one edit, so a cheap set difference rules most pairs out before the DP runs."""
    if abs(len(a) - len(b)) > 2:
        return False
    sa, sb = set(a), set(b)
    if len(sb - sa) > 2 or len(sa - sb) > 2:
        return False
    return edit_distance(a, b) <= 2


_split_numbering_cached = functools.lru_cache(maxsize=LABEL_CACHE_ENTRIES)(_split_numbering)
_label_key_cached = functools.lru_cache(maxsize=LABEL_CACHE_ENTRIES)(_label_key)
_label_matches_cached = functools.lru_cache(maxsize=LABEL_CACHE_ENTRIES)(_label_matches)
