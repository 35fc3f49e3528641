"""Stage 5, signals of the page: its title, publication date, source line and attachments.

These are what the CMS shows around the report rather than in it; :func:`gkparse.html.render_tree`
emits them as the rendering's first lines when the body lacks them, so :mod:`gkparse.metadata`
reads them as it reads crawled text. :func:`_page_title` strips the site name from ``<title>``;
:func:`_date_in` finds a labelled date (an info line or an index table); :func:`_source_in` the
来源 line; :data:`_ATTACH_SAY_RE` and :data:`_DOC_LINK_RE` tell when the body's tables are in an
attachment or an image.
"""

from __future__ import annotations

import re
from typing import Optional

from ..metadata import _TITLE_RE
from ..normalize import normalize_chars
from .body import _Chunk
from .text import _CELL_TAGS, _WS_RE, _collapse


_SITE_SEPARATORS = re.compile(r"\s*(?:[-_|–—－｜]+|\s-\s)\s*")
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?")
_DATE_LABELS = ("发布日期", "发布时间", "公开日期", "公开时间", "發布日期", "發布時間", "公開日期", "公開時間", "日期", "时间", "時間", "发表时间")
_DATE_LINE_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:发布日期|发布时间|公开日期|公开时间|發布日期|發布時間|公開日期|公開時間|发表时间|日期|时间|時間)\s*[:：]\s*"
    + _DATE_RE.pattern
)
_ATTACH_SAY_RE = re.compile(r"附件|附表|见下图|見下圖|如下图|见图|見圖|图片|圖片|扫描件|掃描件|点击下载|點擊下載")
_DOC_LINK_RE = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z)(?:$|[?#])", re.I)


def _simplified(text: str) -> str:
    from ..script import to_simplified

    return to_simplified(normalize_chars(text))


def _is_title(text: str) -> bool:
    key = _WS_RE.sub("", text)
    if not key or len(key) > 100 or ("报告" not in key and "報告" not in key):
        return False
    return bool(_TITLE_RE.fullmatch(_simplified(key)))


def _page_title(raw: Optional[str]) -> Optional[str]:
    """The page title without a site-name suffix or prefix: the segment that is a report title,
    else the longest segment."""
    if raw is None:
        return None
    title = _collapse(raw)
    if not title:
        return None
    segments = [s for s in _SITE_SEPARATORS.split(title) if s.strip()]
    if not segments:
        return None
    for s in segments:
        key = _WS_RE.sub("", s)
        if ("报告" in key or "報告" in key) and _TITLE_RE.search(_simplified(key)):
            return s.strip()
    return max(segments, key=len).strip()


def _iso(m: re.Match) -> Optional[str]:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _date_in(chunks: list[_Chunk]) -> Optional[str]:
    """A publication date among ``chunks``: a labelled date line, or an index-table label cell
    followed by a date cell."""
    for n, chunk in enumerate(chunks):
        text = chunk.text
        if not text:
            continue
        # Labels are matched in simplified script: Taiwan-vocabulary mirrors print 发布 as 釋出.
        m = _DATE_LINE_RE.search(_simplified(text)) if _DATE_RE.search(text) else None
        if m:
            iso = _iso(m)
            if iso:
                return iso
        label = _simplified(_WS_RE.sub("", text).rstrip(":："))
        if label in _DATE_LABELS and chunk.owner.tag in _CELL_TAGS:
            for nxt in chunks[n + 1 : n + 3]:
                value = nxt.text
                if not value:
                    continue
                d = _DATE_RE.match(_WS_RE.sub("", value))
                if d:
                    iso = _iso(d)
                    if iso:
                        return iso
                break
    return None


_SOURCE_RE = re.compile(r"(?<![\u4e00-\u9fff])(?:信息来源|来源|來源|信息來源)\s*[:：]\s*([^\s|【】\[\]]{2,80})")
_SOURCE_END = re.compile(r"发布时间|发布日期|發布時間|日期|时间|時間|浏览|瀏覽|点击|點擊|阅读|作者|字体|字體|[:：]")


def _source_in(chunks: list[_Chunk]) -> Optional[str]:
    """The CMS's source line (来源：县政府办公室), if a chunk outside the body has one (a URL, as a
    crawler's own header gives, is no source)."""
    for chunk in chunks:
        m = _SOURCE_RE.search(chunk.text)
        if not m or re.match(r"(?i)https?:|www\.|//", m.group(1)):
            continue
        value = _SOURCE_END.split(m.group(1), 1)[0]
        if len(value) >= 2:
            return value
    return None


def _is_title_like(title: str) -> bool:
    key = _WS_RE.sub("", title)
    return ("报告" in key or "報告" in key) and bool(_TITLE_RE.search(_simplified(key)))
