"""Reading a report's meta: title, issuer, year, publication date and statistical period.

Shared by every format (the title and preamble conventions do not depend on the template era).
Everything is read from the normalized text, tolerating what crawls do to it: a title split over
two lines with a character lost (only a whole title line is taken), a period whose 年/月 were
dropped (``202311日至20231231日``: the digits are split into a date only when exactly one split is
a valid date, and the repair is diagnosed), traditional script (already converted).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from attrs import frozen

from .document import Document
from .model import Diagnostic, Meta

__all__ = ["read_meta", "report_year", "parse_damaged_date", "issuer_level", "report_scope", "MetaRead"]

_TITLE_RE = re.compile(
    r"(?P<issuer>[^\s|:]{2,60}?)(?P<year>(?:19|20)\d{2})年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告"
)
# The opening sentence of reports without a title line: 现就X2017年度政府信息公开情况报告如下.
_OPENING_RE = re.compile(
    r"(?:现就|现将|现对|特公布|特发布)(?P<issuer>[^\s,，。;；:：、()《》“”\d]{2,40}?)(?P<year>(?:19|20)\d{2})年度?的?(?:政府信息公开|政务公开)"
)
# 公开日期/公开时间: the CMS index tables' label (索引号 / 发布机构 / 公开日期), also printed as a line.
_PUBLISHED_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:发布时间|发布日期|发表时间|公开日期|公开时间|发布|日期|时间)\s*:\s*"
    r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})"
)
# Each side must end in 日 (or a year range like 2019—2020 in prose would be read as a damaged date).
_DATE_PART = r"\d{4}年?\d{0,2}月?\d{0,4}日"
_PERIOD_RE = re.compile(rf"({_DATE_PART})\s*起?\s*(?:至|到|—|-|~)\s*({_DATE_PART})")
_PERIOD_CONTEXT = ("统计期限", "统计时限", "统计期", "统计时间", "统计区间", "统计")


@frozen(kw_only=True)
class MetaRead:
    meta: Meta
    diagnostics: tuple[Diagnostic, ...] = ()


def parse_damaged_date(text: str) -> tuple[Optional[dt.date], bool, list[dt.date]]:
    """Parse a printed date that may have lost its 年/月/日.

    Returns ``(date, repaired, candidates)``: ``date`` is None unless exactly one reading is a valid
    date; ``repaired`` says characters were missing; ``candidates`` lists every valid reading.
    """
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日?", text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False, []
        except ValueError:
            return None, False, []
    digits = re.sub(r"[年月日]", "", text)
    if not digits.isdigit() or len(digits) < 6:
        return None, True, []
    year, rest = int(digits[:4]), digits[4:]
    readings = []
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) > 2 or len(day) > 2 or month.startswith("0") and len(month) == 1:
            continue
        try:
            readings.append(dt.date(year, int(month), int(day)))
        except ValueError:
            continue
    readings = sorted(set(readings))
    return (readings[0] if len(readings) == 1 else None), True, readings


def _read_title(doc: Document) -> Optional[re.Match]:
    for cell in doc.cells:
        if cell.kind == "text" and len(cell.text) <= 80:
            m = _TITLE_RE.fullmatch(cell.text)
            if m:
                return m
    return None


def _read_period(doc: Document, diags: list[Diagnostic]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    text = doc.norm
    best = None
    for m in _PERIOD_RE.finditer(text):
        context = text[max(0, m.start() - 20) : m.start()]
        if any(c in context for c in _PERIOD_CONTEXT):
            best = m
            break
        if best is None:
            best = m
    if best is None:
        return None, None
    dates = []
    for group in (1, 2):
        raw = best.group(group)
        date, repaired, candidates = parse_damaged_date(raw)
        if repaired:
            span = doc.span(best.start(group), best.end(group))
            if date is not None:
                msg = f"{doc.source}: the period date {raw!r} lost characters; read as {date.isoformat()} (the only valid reading)"
            else:
                readings = ", ".join(d.isoformat() for d in candidates) or "none"
                msg = f"{doc.source}: the period date {raw!r} lost characters and cannot be read unambiguously (valid readings: {readings}); left out"
            diags.append(Diagnostic(code="text_damaged", severity="warning", message=msg, where=f"line {span.line}", span=span))
        dates.append(date)
    return dates[0], dates[1]


def _title_or_opening(doc: Document) -> tuple[Optional[str], Optional[str], Optional[int]]:
    """(title, issuer, year) from the title line, else (None, issuer, year) from the opening."""
    m = _read_title(doc)
    if m:
        return m.group(0), m.group("issuer"), int(m.group("year"))
    o = _OPENING_RE.search(doc.norm[:4000])
    if o:
        return None, o.group("issuer"), int(o.group("year"))
    return None, None, None


def report_year(doc: Document) -> Optional[int]:
    """The report year from the title or the opening sentence: cheap, for format scoring."""
    return _title_or_opening(doc)[2]


# The issuer's level from the end of its name (templates.md §5.4). Order matters: a 街道办事处 is a
# township, not a department; a township's government is a township, whatever county it names.
_GOVERNMENT = r"(?:人民政府|行政公署)?(?:办公室|办公厅)?"
_LEVELS = (
    ("prefecture", re.compile(r"行政公署")),
    ("township", re.compile(rf"(?:镇|乡|街道|街道办事处|苏木){_GOVERNMENT}$")),
    ("department", re.compile(r"(?:局|委员会|委|厅|署|中心|院|所|馆|站|队|处|会|部|办)$")),
    ("county", re.compile(rf"(?:县|区|旗|自治县|林区|特区){_GOVERNMENT}$")),
    ("prefecture", re.compile(rf"(?:地区|自治州|盟|省.{{1,8}}市){_GOVERNMENT}$")),
    ("province", re.compile(rf"(?:^(?:北京|天津|上海|重庆)市|省|自治区){_GOVERNMENT}$")),
)
# A city (市) is county- or prefecture-level: the text says which by what lies below it.
_CITY_COUNTY = re.compile(r"县级市|全市各(?:乡镇|镇|街道)|各镇\(街道\)|各乡镇\(街道\)")
_CITY_PREFECTURE = re.compile(r"地级市|各县\(市、区\)|各县\(市、?区?\)|各区县|各县区|县\(市、区\)")
_AGGREGATE = re.compile(r"汇总[^。]{0,40}(?:各镇|各乡|街道|各部门|各单位|各县|各区|各级)")
# The report speaks of its own body only ("县本级年度报告", "本机关"); "县本级财政预决算" is not that.
_OWN = re.compile(r"(?:县|市|区|镇|乡)?本级(?:年度)?报告|本机关|本部门")


def issuer_level(issuer: Optional[str], text: str) -> Optional[str]:
    """The level of the reporting body, from its name (and, for a bare 市, the text)."""
    if not issuer:
        return None
    name = issuer.replace("人民政府办公室", "人民政府")
    if name.endswith("人民政府"):
        name = name[: -len("人民政府")] or name
    if "行政公署" not in name and name.endswith("办公室") and not name.endswith("人民政府办公室"):
        return "department"
    for level, pattern in _LEVELS:
        if pattern.search(name):
            return level
    if name.endswith("市"):
        if _CITY_COUNTY.search(text):
            return "county"
        if _CITY_PREFECTURE.search(text):
            return "prefecture"
    return None


def report_scope(level: Optional[str], text: str) -> Optional[str]:
    """``government_aggregate`` when the text says the report compiles its subordinates'
    (由…汇总全市各镇（街道）、市政府各部门…编制), ``agency`` for a department's or a body's own
    (县本级报告, 本机关) report, else None."""
    if _AGGREGATE.search(text):
        return "government_aggregate"
    if level == "department" or _OWN.search(text[:2000]):
        return "agency"
    return None


def read_meta(doc: Document, *, era: Optional[str], variant: Optional[str]) -> MetaRead:
    """Read the meta of ``doc``; ``era`` and ``variant`` come from the format that parses it."""
    diags: list[Diagnostic] = []
    title, issuer, year = _title_or_opening(doc)
    published = None
    p = _PUBLISHED_RE.search(doc.norm)
    if p:
        try:
            published = dt.date(int(p.group(1)), int(p.group(2)), int(p.group(3)))
        except ValueError:
            pass
    start, end = _read_period(doc, diags)
    if year is None and start is not None:
        year = start.year
    level = issuer_level(issuer, doc.norm)
    meta = Meta(
        title=title,
        issuer=issuer,
        year=year,
        published_on=published,
        period_start=start,
        period_end=end,
        era=era,
        script=doc.script,
        level=level,
        scope=report_scope(level, doc.norm),
        variant=variant,
    )
    return MetaRead(meta=meta, diagnostics=tuple(diags))
