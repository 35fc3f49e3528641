"""Damage: what crawled mirrors and converters do to a report (templates.md §5.2–§5.3). None of it
changes a true value; the truth's notes list the damage a document carries.

Kinds (``DAMAGE_KINDS``):

* ``traditional`` — the whole page converted to traditional script with Taiwan vocabulary (OpenCC
  ``s2twp``: 信息→資訊, 文件→檔案, 网络→網路 …). The truth's meta.script is "traditional"; meta.title and
  meta.issuer stay simplified (fields.md). Such a document may be written in Big5 (``big5``): the few
  characters Big5 lacks are replaced first (``BIG5_REPLACEMENTS``; none of them is in a label or a value),
  and ``big5_safe`` refuses anything else.
* ``spaced`` — labels spaced out beyond the document's own habit: 规  章 and 总  计 always, and row
  labels (行 政 许 可), table-3 headings and the era-2008 统 计 指 标 as well.
* ``spam`` — a line of invented betting-site spam after the report (as hijacked mirrors append).
* ``pinyin`` — pinyin after some characters of the prose, as spam mirrors print it: ``政(zhèng)府(fǔ)``,
  at least three times, now and then doubled (``政(zheng)(zheng)``); toneless in Big5 documents.
  Titles, headings and tables are left alone.
* ``period`` — the statistical period loses its 年 and 月: ``202111日至20211231日``. Only the unambiguous
  readings are produced (the period always runs 1 January – 31 December, so ``YYYY11日`` can only be
  1月1日 and ``YYYY1231日`` only 12月31日); the truth keeps the dates. A document that prints no period
  (some era-2008 ones) is left as it is, and its notes say so.
* ``wrong_charset`` — HTML only: the page's ``<meta charset>`` names the wrong encoding on purpose
  (gb2312/gbk for UTF-8 bytes, utf-8 for GB18030 bytes); never for Big5 bytes.

Glued cells and mojibake are not produced here (they have their own generators and tests).
"""

from __future__ import annotations

import random
import re
import unicodedata
from functools import lru_cache

from .common import PARA_KINDS, Context, period_dates

DAMAGE_KINDS = ("traditional", "spaced", "spam", "pinyin", "period", "wrong_charset")

PINYIN = {
    "政": "zhèng", "府": "fǔ", "公": "gōng", "开": "kāi", "务": "wù", "信": "xìn", "息": "xī", "工": "gōng",
    "作": "zuò", "推": "tuī", "进": "jìn", "加": "jiā", "强": "qiáng", "平": "píng", "台": "tái", "服": "fú",
    "民": "mín", "众": "zhòng", "建": "jiàn", "设": "shè", "规": "guī", "范": "fàn", "管": "guǎn", "理": "lǐ",
}

SPAM_LINES = (
    "极速飞艇开奖直播 幸运快三走势图 今晚特码免费资料",
    "北京赛车开奖直播 极速赛车官方开奖记录 时时彩计划网页版",
    "六合彩开奖结果查询 体育投注平台 篮球比分直播 足球比分即时",
    "幸运飞艇开奖官网直播 快乐十分开奖结果 真人娱乐注册送彩金",
    "百家乐在线平台 老虎机游戏下载 彩票计划群 赛车计划稳赢",
)


def draw_damage(rng: random.Random, rates: dict, layout: str, traditional_allowed: bool = True) -> tuple:
    """The damage kinds of one document: each kind independently with its rate (kinds that do not
    apply to the layout are never drawn). Returned in DAMAGE_KINDS order."""
    kinds = []
    for kind in DAMAGE_KINDS:
        rate = rates.get(kind, 0.0)
        hit = rng.random() < rate  # drawn for every kind, so a rate change never shifts the others
        if hit and (kind != "wrong_charset" or layout == "html") and (kind != "traditional" or traditional_allowed):
            kinds.append(kind)
    return tuple(kinds)


# --------------------------------------------------------------------------------------------------
# Block-level damage (before the layout renders the blocks)
# --------------------------------------------------------------------------------------------------


def drop_period_characters(blocks: list, ctx: Context) -> bool:
    """年/月 lost in the period sentence of the preamble; True if the document prints a period."""
    start, end = period_dates(ctx)
    for i, (kind, text) in enumerate(blocks):
        if kind == "preamble" and start in text and end in text:
            squeeze = lambda d: d.replace("年", "").replace("月", "")  # noqa: E731
            blocks[i] = (kind, text.replace(start, squeeze(start), 1).replace(end, squeeze(end), 1))
            return True
    return False


def toneless(syllable: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))


def annotate_pinyin(blocks: list, rng: random.Random, tones: bool) -> int:
    """Pinyin after 3–8 prose characters (paragraphs only); returns how many were annotated."""
    sites = [(i, j) for i, (kind, text) in enumerate(blocks) if kind in PARA_KINDS
             for j, ch in enumerate(text) if ch in PINYIN]
    chosen = sorted(rng.sample(sites, min(len(sites), rng.randint(3, 8))), reverse=True)
    for i, j in chosen:  # from the end, so earlier positions stay valid
        kind, text = blocks[i]
        syllable = PINYIN[text[j]] if tones else toneless(PINYIN[text[j]])
        note = f"({syllable})" * (2 if rng.random() < 0.15 else 1)
        blocks[i] = (kind, text[: j + 1] + note + text[j + 1:])
    return len(chosen)


def spam_block(rng: random.Random) -> tuple:
    return ("spam", rng.choice(SPAM_LINES))


# --------------------------------------------------------------------------------------------------
# Script conversion and Big5
# --------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _converter():
    import opencc  # an optional dependency: only traditional documents need it

    return opencc.OpenCC("s2twp")


_TAG = re.compile(r"(<[^>]*>)")
_JOIN = "\ue000"  # a private-use character: OpenCC leaves it alone, and no page holds one


def to_traditional(text: str) -> str:
    """Simplified -> traditional with Taiwan phrases (OpenCC s2twp), as a converting site serves the
    whole page. In an HTML page the pure-ASCII tags are skipped (they hold nothing to convert, and are
    most of the page); the text runs and the tags with CJK attribute values are converted in one
    call, joined by a private-use character."""
    if "<" not in text:
        return _converter().convert(text)
    parts = _TAG.split(text)
    chosen = [i for i, part in enumerate(parts) if i % 2 == 0 or not part.isascii()]
    runs = _converter().convert(_JOIN.join(parts[i] for i in chosen)).split(_JOIN)
    if len(runs) != len(chosen):  # cannot happen unless OpenCC touched the joiner
        raise ValueError("OpenCC changed the run separator")
    for i, run in zip(chosen, runs):
        parts[i] = run
    return "".join(parts)


# Characters of the generated pages that Big5 cannot encode, and what a Big5 site prints instead.
BIG5_REPLACEMENTS = str.maketrans({"»": "＞", "\u00a0": " "})


def big5_safe(text: str) -> str:
    """`text` with BIG5_REPLACEMENTS applied; raises ValueError naming any character still outside Big5."""
    text = text.translate(BIG5_REPLACEMENTS)
    try:
        text.encode("big5")
    except UnicodeEncodeError:
        bad = sorted({ch for ch in text if not _in_big5(ch)})
        raise ValueError(f"characters outside Big5: {''.join(bad)!r}") from None
    return text


def _in_big5(ch: str) -> bool:
    try:
        ch.encode("big5")
        return True
    except UnicodeEncodeError:
        return False
