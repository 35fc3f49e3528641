"""Render a seed report's CONTENT as a realistic CMS web page, for the HTML path's tests.

The seed text is read from ``../shared/seeds`` at test time (never copied into the project). Its
table values come from parsing the seed with gkparse's *text* path — the test then checks that the
HTML path reads the same values back — and its prose lines are the seed's own lines.

What the page looks like (what thousands of government CMS sites do):

* site chrome: a top bar (繁體 / 无障碍 / 适老化 links), a logo, a search form, a nav menu (首页 /
  政务公开 / …), a breadcrumb, a share widget, a related-links list whose titles are other annual
  reports, a footer with 版权所有 / 备案号 / 网站标识码, scripts and styles;
* a CMS index table (名称 / 索引号 / 发布机构 / 公开日期) above the article;
* the article inside a nested LAYOUT table (outer page table → content cell), an ``<h1>`` title and
  an info line (来源 / 发布时间 / 【字体：大 中 小】) outside the text block;
* a hidden duplicate of the text block (``display:none``, as "print" copies are), and optionally a
  visible one (``print_copy=True``, a mobile/print copy the page hides with CSS we cannot see);
* paragraphs as ``<p>`` with inline styles, text broken into ``<span>``/``<font>`` runs;
* tables 2, 3 and 4 as real HTML tables with rowspan/colspan as in the official forms, every digit
  in its own ``<span>``, header words broken by ``<br>``, blank cells as ``&nbsp;``; the era-2008
  statistics form as a three-column table (统计指标 / 单位 / 统计数, empty unit cells), built from the
  seed's own printed rows.
"""

from __future__ import annotations

import functools
import html as _html
import re
from typing import Optional

import gkparse
from gkparse.flatten import iter_figures
from helpers import seed_path

SITE = "青禾县人民政府"

# --------------------------------------------------------------------------- small helpers


def esc(text: str) -> str:
    return _html.escape(text, quote=False)


def digits(raw: str) -> str:
    """A value as CMS editors leave it: every character in its own span (``&nbsp;`` when empty)."""
    if raw == "":
        return "&nbsp;"
    return "".join(f'<span style="font-family:Times New Roman">{esc(ch)}</span>' for ch in raw)


def runs(text: str) -> str:
    """Prose broken into styled runs, as word processors export it (no whitespace between runs)."""
    if not text:
        return ""
    pieces, step, i = [], 7, 0
    while i < len(text):
        chunk = text[i : i + step]
        face = "Times New Roman" if chunk[:1].isdigit() else "仿宋_GB2312"
        pieces.append(f'<span style="font-size:16pt"><font face="{face}">{esc(chunk)}</font></span>')
        i += step
        step = 5 + (step * 3) % 9
    return "".join(pieces)


def td(content: str, *, rowspan: int = 1, colspan: int = 1, head: bool = False) -> str:
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    style = ' style="border:1px solid #000;text-align:center;vertical-align:middle"'
    tag = "td"
    return f'<{tag}{attrs}{style}><p style="margin:0;text-align:center">{content}</p></{tag}>'


def label_cell(text: str, **kw) -> str:
    return td(runs(text), **kw)


def table(rows: list[str]) -> str:
    body = "".join(f"<tr>{r}</tr>\n" for r in rows)
    return (
        '<table border="1" cellspacing="0" cellpadding="0" width="600" '
        f'style="border-collapse:collapse;margin:0 auto"><tbody>\n{body}</tbody></table>'
    )


# --------------------------------------------------------------------------- tables 2, 3, 4


def _raw(figs: dict, key: str) -> str:
    fig = figs.get(key)
    if fig is None or fig.value is None:
        return ""
    return fig.raw.strip()


def table2(figs: dict, era: str) -> str:
    a = lambda key: digits(_raw(figs, f"active.{key}"))  # noqa: E731
    if era == "2021":
        rows = [
            label_cell("第二十条第（一）项", colspan=4),
            label_cell("信息内容") + label_cell("本年制发件数") + label_cell("本年废止件数") + label_cell("现行有效件数"),
            label_cell("规章") + td(a("rules.issued")) + td(a("rules.repealed")) + td(a("rules.in_force")),
            label_cell("行政规范性文件") + td(a("normative_docs.issued")) + td(a("normative_docs.repealed")) + td(a("normative_docs.in_force")),
            label_cell("第二十条第（五）项", colspan=4),
            label_cell("信息内容") + label_cell("本年处理决定数量", colspan=3),
            label_cell("行政许可") + td(a("licensing.decisions"), colspan=3),
            label_cell("第二十条第（六）项", colspan=4),
            label_cell("信息内容") + label_cell("本年处理决定数量", colspan=3),
            label_cell("行政处罚") + td(a("penalty.decisions"), colspan=3),
            label_cell("行政强制") + td(a("coercion.decisions"), colspan=3),
            label_cell("第二十条第（八）项", colspan=4),
            label_cell("信息内容") + label_cell("本年收费金额（单位：万元）", colspan=3),
            label_cell("行政事业性收费") + td(a("fees.amount_wan"), colspan=3),
        ]
        return table(rows)
    items = lambda key: td(a(f"{key}.prev_items")) + td(a(f"{key}.net_change")) + td(a(f"{key}.decisions"))  # noqa: E731
    rows = [
        label_cell("第二十条第（一）项", colspan=4),
        label_cell("信息内容") + label_cell("本年新<br>制作数量") + label_cell("本年新<br>公开数量") + label_cell("对外公开<br>总数量"),
        label_cell("规  章") + td(a("rules.made")) + td(a("rules.published")) + td(a("rules.total")),
        label_cell("规范性文件") + td(a("normative_docs.made")) + td(a("normative_docs.published")) + td(a("normative_docs.total")),
        label_cell("第二十条第（五）项", colspan=4),
        label_cell("信息内容") + label_cell("上一年<br>项目数量") + label_cell("本年增/减") + label_cell("处理决定数量"),
        label_cell("行政许可") + items("licensing"),
        label_cell("其他对外管理服务事项") + items("other_services"),
        label_cell("第二十条第（六）项", colspan=4),
        label_cell("信息内容") + label_cell("上一年<br>项目数量") + label_cell("本年增/减") + label_cell("处理决定数量"),
        label_cell("行政处罚") + items("penalty"),
        label_cell("行政强制") + items("coercion"),
        label_cell("第二十条第（八）项", colspan=4),
        label_cell("信息内容") + label_cell("上一年<br>项目数量") + label_cell("本年增/减", colspan=2),
        label_cell("行政事业性收费") + td(a("fees.prev_items")) + td(a("fees.net_change"), colspan=2),
        label_cell("第二十条第（九）项", colspan=4),
        label_cell("信息内容") + label_cell("采购项目数量") + label_cell("采购总金额", colspan=2),
        label_cell("政府集中采购") + td(a("procurement.projects")) + td(a("procurement.amount_wan"), colspan=2),
    ]
    return table(rows)


COLUMNS = ("natural_person", "commercial", "research", "public_welfare", "legal_services", "other_org", "total")

_DENIED = (
    ("denied_state_secret", "1.属于国家秘密"),
    ("denied_prohibited", "2.其他法律行政法规禁止公开"),
    ("denied_security", "3.危及“三安全一稳定”"),
    ("denied_third_party", "4.保护第三方合法权益"),
    ("denied_internal", "5.属于三类内部事务信息"),
    ("denied_process", "6.属于四类过程性信息"),
    ("denied_enforcement", "7.属于行政执法案卷"),
    ("denied_query", "8.属于行政查询事项"),
)
_UNABLE = (
    ("unable_not_held", "1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", "2.没有现成信息需要另行制作"),
    ("unable_unclear", "3.补正后申请内容仍不明确"),
)
_REJECTED = (
    ("rejected_petition", "1.信访举报投诉类申请"),
    ("rejected_duplicate", "2.重复申请"),
    ("rejected_publication", "3.要求提供公开出版物"),
    ("rejected_excessive", "4.无正当理由大量反复申请"),
    ("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
)
_OTHER_2021 = (
    ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "3.其他"),
)


def table3(figs: dict, era: str) -> str:
    def values(row: str) -> str:
        return "".join(td(digits(_raw(figs, f"applications.{row}.{c}"))) for c in COLUMNS)

    def group(label: str, members) -> list[str]:
        out = []
        for n, (key, text) in enumerate(members):
            head = label_cell(label, rowspan=len(members)) if n == 0 else ""
            out.append(head + label_cell(text) + values(key))
        return out

    results = 20 if era == "2019" else 22
    rows = [
        label_cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3)
        + label_cell("申请人情况", colspan=7),
        label_cell("自然人", rowspan=2) + label_cell("法人或其他组织", colspan=5) + label_cell("总计", rowspan=2),
        label_cell("商业<br>企业") + label_cell("科研<br>机构") + label_cell("社会公益组织") + label_cell("法律服务机构") + label_cell("其他"),
        label_cell("一、本年新收政府信息公开申请数量", colspan=3) + values("new"),
        label_cell("二、上年结转政府信息公开申请数量", colspan=3) + values("carried_over"),
        label_cell("三、本年度办理结果", rowspan=results) + label_cell("（一）予以公开", colspan=2) + values("granted"),
        label_cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2) + values("partial"),
        *group("（三）不予公开", _DENIED),
        *group("（四）无法提供", _UNABLE),
        *group("（五）不予处理", _REJECTED),
    ]
    if era == "2019":
        rows.append(label_cell("（六）其他处理", colspan=2) + values("other"))
    else:
        rows.extend(group("（六）其他处理", _OTHER_2021))
    rows.append(label_cell("（七）总计", colspan=2) + values("processed_total"))
    rows.append(label_cell("四、结转下年度继续办理", colspan=3) + values("carried_forward"))
    return table(rows)


def table4(figs: dict) -> str:
    heads = ("结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计")
    keys = ("upheld", "corrected", "other", "pending", "total")
    rows = [
        label_cell("行政复议", colspan=5) + label_cell("行政诉讼", colspan=10),
        "".join(label_cell(h, rowspan=2) for h in heads) + label_cell("未经复议直接起诉", colspan=5) + label_cell("复议后起诉", colspan=5),
        "".join(label_cell(h) for h in heads) * 2,
        "".join(td(digits(_raw(figs, f"{block}.{k}"))) for block in ("review", "litigation_direct", "litigation_after_review") for k in keys),
    ]
    return table(rows)


# --------------------------------------------------------------------------- the era-2008 form

_FORM_ROW = re.compile(
    r"^(?P<label>.*?)(?:\s+(?P<unit>萬元|万元|人次|條|条|件|個|个|次|篇|人|——))?(?:\s+(?P<value>\d+(?:\.\d+)?|——))?\s*$"
)


def table_2008(lines: list[str]) -> str:
    """The statistics form from the seed's own printed rows: 统计指标 | 单位 | 统计数."""
    rows = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if re.search(r"統\s*計\s*指\s*標|统\s*计\s*指\s*标", text):
            rows.append(label_cell("統 計 指 標") + label_cell("單位") + label_cell("統計數"))
            continue
        m = _FORM_ROW.match(text)
        label, unit, value = m["label"], m["unit"] or "", m["value"] or ""
        if unit == "——" and not value:
            value = "——"
        rows.append(td(esc(label)) + td(esc(unit) or "&nbsp;") + td(digits(value) if value != "——" else "——"))
    return table(rows)


# --------------------------------------------------------------------------- regions of the seed


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)  # 0-based


def table_regions(text: str, report) -> dict[str, tuple[int, int]]:
    """0-based, inclusive line ranges of the seed holding each table the text path read from cells."""
    lines = text.splitlines()
    last: dict[str, int] = {}
    first: dict[str, int] = {}
    for _key, fig in iter_figures(report):
        if fig.source.origin != "table" or fig.value is None and not fig.raw:
            continue
        n = _line_of(text, fig.source.span.start)
        name = fig.source.table
        last[name] = max(last.get(name, n), n)
        first[name] = min(first.get(name, n), n)
    headings = {s.key: _line_of(text, s.span.start) for s in report.sections}
    sections = {"active": "active_disclosure", "applications": "applications", "review_litigation": "review_litigation"}
    out = {}
    for name, end in last.items():
        if name == "legacy":
            start = first[name]
            for n in range(start, max(start - 12, -1), -1):
                if re.search(r"統\s*計\s*指\s*標|统\s*计\s*指\s*标", lines[n]):
                    start = n
                    break
            out[name] = (start, end)
        else:
            out[name] = (headings[sections[name]] + 1, end)
    return out


# --------------------------------------------------------------------------- the page


def _paragraph(line: str) -> str:
    text = line.strip().replace("\u3000", "")
    if not text:
        return ""
    residue = "|" in text and len(re.findall(r"\|", text)) >= 3
    text = re.sub(r"\s*\|[\s|]*", " ", text).strip()
    out = ""
    if text:
        out = f'<p style="text-indent:2em;line-height:1.8;font-family:仿宋_GB2312;font-size:16pt">{runs(text)}</p>\n'
    if residue:  # what a crawler turned into "| ||||||": an empty layout table
        out += '<table width="100%"><tr><td>&nbsp;</td><td></td><td>&nbsp;</td></tr></table>\n'
    return out


@functools.lru_cache(maxsize=None)
def content_block(stem: str) -> tuple[str, object, dict]:
    """(the HTML of the text block, the text path's report, its flat fields); cached, do not mutate."""
    path = seed_path(stem)
    text = path.read_text(encoding="utf-8")
    report = gkparse.parse(path)
    flat = gkparse.flatten(report)
    figs = dict(iter_figures(report))
    era = flat.get("meta.era")
    regions = table_regions(text, report)
    starts = {start: (name, end) for name, (start, end) in regions.items()}
    lines = text.splitlines()
    parts = []
    n = 0
    while n < len(lines):
        if n in starts:
            name, end = starts[n]
            if name == "active":
                parts.append(table2(figs, era))
            elif name == "applications":
                parts.append(table3(figs, era))
            elif name == "review_litigation":
                parts.append(table4(figs))
            elif name == "legacy":
                parts.append(table_2008(lines[n : end + 1]))
            parts.append("\n")
            n = end + 1
            continue
        parts.append(_paragraph(lines[n]))
        n += 1
    return "".join(parts), report, flat


def seed_page(stem: str, *, charset: str = "utf-8", print_copy: bool = False) -> str:
    """The page of seed ``stem`` as a string (encode it with the declared ``charset``)."""
    block, report, flat = content_block(stem)
    title = flat.get("meta.title")
    published = flat.get("meta.published_on") or ""
    page_title = f"{title}-{SITE}" if title else f"政府信息公开年报_{SITE}"
    h1 = esc(title) if title else "政府信息公开工作年度报告"
    copy = f'<div class="print-version">\n{block}</div>\n' if print_copy else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(page_title)}</title>
<meta name="SiteName" content="{SITE}">
<link rel="stylesheet" href="/css/common.css">
<style>.hide{{display:none}} body{{font-family:"Microsoft YaHei"}} .article p{{line-height:2}}</style>
<script src="/js/jquery.min.js"></script>
<script>var siteId = "qh001"; document.write("<div>政府信息公开年度报告</div>");</script>
</head>
<body>
<div class="top-bar">
  <span id="today">2025年1月6日 星期一</span>
  <a href="javascript:void(0)" onclick="toBig5()">繁體</a> | <a href="javascript:;" onclick="aria.start()">无障碍</a> | <a href="/old/">适老化</a>
</div>
<header class="site-header">
  <img src="/images/emblem.png" alt="国徽"><img src="/images/logo.png" alt="{SITE}">
  <form action="/search" method="get"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form>
</header>
<nav class="main-nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xxgk/">政府信息公开</a></li>
  <li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li>
</ul></nav>
<table width="1000" align="center" cellpadding="0" cellspacing="0" class="page">
<tr><td class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/xxgk/ndbg/">政府信息公开年度报告</a></td></tr>
<tr><td valign="top">
  <table class="index" width="100%" border="1">
    <tr><td>名称</td><td colspan="3">{h1}</td></tr>
    <tr><td>索引号</td><td>11330000/2024-00017</td><td>分类</td><td>政府信息公开年报</td></tr>
    <tr><td>发布机构</td><td>{SITE}办公室</td><td>公开日期</td><td>{published}</td></tr>
  </table>
  <h1 style="text-align:center;font-size:22px">{h1}</h1>
  <div class="info">来源：{SITE}办公室&nbsp;&nbsp;发布时间：{published}&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
  <div class="article" id="zoom">
{block}  </div>
  {copy}<div style="display:none" class="print-only">
{block}  </div>
  <div class="share">分享到：<a href="#" class="wx"></a><a href="#" class="wb">微博</a><a href="#" class="qq">QQ空间</a></div>
  <div class="related"><h3>相关阅读</h3><ul>
    <li><a href="/xxgk/ndbg/2023.html">{SITE}2023年政府信息公开工作年度报告</a></li>
    <li><a href="/xxgk/ndbg/2022.html">{SITE}2022年政府信息公开工作年度报告</a></li>
    <li><a href="/xxgk/ndbg/2021.html">{SITE}2021年政府信息公开工作年度报告</a></li>
  </ul></div>
  <div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td></tr>
<tr><td class="footer-cell">
  <footer><p>主办：{SITE}办公室　承办：{SITE}大数据中心</p>
  <p>版权所有 © {SITE}　<a href="https://beian.miit.gov.cn">浙ICP备12345678号</a>　网站标识码：3300000001</p></footer>
</td></tr>
</table>
<script>(function(){{var x=1;}})();</script>
</body>
</html>
"""


def seed_page_bytes(stem: str, *, charset: str = "utf-8", codec: Optional[str] = None, print_copy: bool = False) -> bytes:
    return seed_page(stem, charset=charset, print_copy=print_copy).encode(codec or charset)
