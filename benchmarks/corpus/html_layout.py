"""The ``html`` layout: the same report as a CMS page.

What a page has (each drawn per document from its own "html" stream, so the figures and prose are
those of every other layout of the same document):

* a doctype (HTML5, XHTML 1.0 Transitional, or lower-case), and a charset declaration — ``<meta
  charset>`` or ``<meta http-equiv="Content-Type">`` naming the file's encoding (utf-8; gb2312 / GBK /
  gb18030 for GB18030 bytes; big5) — or none at all; with the damage ``wrong_charset`` it names a wrong
  one on purpose (gb2312/gbk on UTF-8 bytes, utf-8 on GB18030 bytes);
* site chrome: a top bar (首页 / 繁體 / 无障碍 / 手机版), the site name, a nav list (首页 / 政务公开 / 政务服务 /
  互动交流 …), a breadcrumb, a hidden duplicate of the title and preamble (``display:none`` print copy or
  a ``hidden`` mobile copy), the publication line as an info bar (``发布日期：2022-03-30`` / ``来源：`` /
  ``浏览次数：`` with a counter script), a share widget, 打印本页 / 关闭窗口 links, a related-links list
  (other reports of the issuer, other years), and a footer with 版权所有 / ICP 备案号 / 网站标识码;
* the report inside a layout table (or a plain ``<div>``), its paragraphs as ``<p style=...>`` (Word
  exports wrap them in ``<span style="font-family:仿宋_GB2312">``), headings as ``<p><strong>`` or
  ``<h3>``;
* tables 2, 3 and 4 (or the era-2008 form) as real ``<table>``s with the row and column spans of the
  official forms (see ``national.table3_grid`` and friends); digits now and then wrapped in ``<span>``s
  (sometimes one number split over two spans, which a browser shows as one number); cells wrapped in
  ``<p align="center">`` as Word exports them;
* with ``blank_zero_orgs`` (a quarter of the national-era pages), the organisation cells of table 3
  that are all 0 in a row are left blank (``&nbsp;`` or empty): 总计 = 自然人 there proves they are 0,
  so the truth keeps them as 0.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from html import escape

from .common import PARA_KINDS, Cell, Context

CHARSET_LABELS = {"utf-8": ("utf-8", "UTF-8", "utf-8"), "gb18030": ("gb2312", "GBK", "gb18030", "GB2312"),
                  "big5": ("big5", "BIG5")}
WRONG_LABELS = {"utf-8": ("gb2312", "gbk", "GB2312"), "gb18030": ("utf-8", "UTF-8")}
ICP_PREFIXES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云陕甘青宁新"


@dataclass(frozen=True)
class HtmlStyle:
    doctype: int
    charset_decl: str  # meta, http-equiv, absent
    charset_label: str
    layout_table: bool
    title_tag: int
    heading_tag: int
    para_style: int
    digit_spans: float  # probability that a value cell's number is wrapped in a <span>
    cell_wrap: int
    blank_zero_orgs: bool
    blank_html: str
    th_headers: bool
    related: bool
    share: bool
    hidden_dup: int  # 0 none, 1 display:none print copy, 2 hidden mobile copy
    title_suffix: int


def draw_html_style(rng: random.Random, encoding: str, wrong_charset: bool, national: bool) -> HtmlStyle:
    """The page's presentation. `wrong_charset` makes the declaration name a wrong encoding."""
    decl = rng.choices(("meta", "http-equiv", "absent"), weights=(5, 4, 1.5))[0]
    label = rng.choice(CHARSET_LABELS[encoding])
    style = HtmlStyle(
        doctype=rng.randrange(3),
        charset_decl=decl,
        charset_label=label,
        layout_table=rng.random() < 0.7,
        title_tag=rng.randrange(3),
        heading_tag=rng.randrange(3),
        para_style=rng.randrange(4),
        digit_spans=rng.choice((0.0, 0.0, 0.3, 1.0)),
        cell_wrap=rng.randrange(3),
        blank_zero_orgs=national and rng.random() < 0.25,
        blank_html=rng.choice(("&nbsp;", "", "<p>&nbsp;</p>", " ")),
        th_headers=rng.random() < 0.3,
        related=rng.random() < 0.7,
        share=rng.random() < 0.6,
        hidden_dup=rng.randrange(3),
        title_suffix=rng.randrange(3),
    )
    if wrong_charset:  # drawn last: the rest of the page is the same with or without this damage
        style = replace(style, charset_decl=decl if decl != "absent" else "meta", charset_label=rng.choice(WRONG_LABELS[encoding]))
    return style


DOCTYPES = (
    "<!DOCTYPE html>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    "<!doctype html>",
)


def site_name(ctx: Context) -> str:
    name = ctx.issuer.name
    return name if name.endswith(("政府", "办事处", "局", "委员会")) else name + "人民政府"


def text(value: str) -> str:
    """`value` escaped for HTML text (most values hold nothing to escape)."""
    return escape(value, quote=False) if ("&" in value or "<" in value or ">" in value) else value


def render_html(blocks: list, ctx: Context, hs: HtmlStyle, rng: random.Random) -> str:
    """Blocks -> a whole page (a str; the caller encodes it in the encoding the page declares, or not)."""
    site, title = site_name(ctx), next(p for k, p in blocks if k == "title")
    head = [DOCTYPES[hs.doctype], '<html xmlns="http://www.w3.org/1999/xhtml">' if hs.doctype == 1 else '<html lang="zh-CN">',
            "<head>"]
    if hs.charset_decl == "meta":
        head.append(f'<meta charset="{hs.charset_label}">')
    elif hs.charset_decl == "http-equiv":
        head.append(f'<meta http-equiv="Content-Type" content="text/html; charset={hs.charset_label}" />')
    page_title = (f"{title}-{site}", f"{title}_{site}", title)[hs.title_suffix]
    head += [
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        f"<title>{text(page_title)}</title>",
        f'<meta name="SiteName" content="{escape(site)}">',
        f'<meta name="ColumnName" content="政府信息公开年报">',
        '<link rel="stylesheet" type="text/css" href="/images/common.css">',
        "<style>.hide{display:none}.article p{line-height:2;font-size:16px}</style>",
        '<script type="text/javascript">var _hmt = _hmt || []; var siteId = "' + str(rng.randint(10000, 99999)) + '";</script>',
        "</head>",
    ]
    body = ["<body>", chrome_top(ctx, site, blocks, rng)]
    if hs.hidden_dup:
        body.append(hidden_copy(blocks, hs))
    article = [title_html(title, hs), info_bar(blocks, ctx, rng), '<div class="TRS_Editor" id="zoom">']
    spam = []
    for kind, payload in blocks:
        if kind == "table":
            article.append(table_html(payload.grid({"blank_zero_orgs": hs.blank_zero_orgs}), hs, rng))
        elif kind in PARA_KINDS:
            article.append(para_html(payload, hs))
        elif kind == "heading":
            article.append(heading_html(payload, hs))
        elif kind == "subhead":
            article.append(f"<p><strong>{text(payload)}</strong></p>" if hs.heading_tag else f"<p>{text(payload)}</p>")
        elif kind in ("line", "form_line"):
            align = "center" if kind == "form_line" and not payload.startswith(("单位负责人", "联系电话", "填报")) else "right"
            article.append(f'<p style="text-align:{align}">{text(payload)}</p>')
        elif kind == "spam":
            spam.append(f'<div style="text-align:center;font-size:12px">{text(payload)}</div>')
        # title, page_title, dateline, breadcrumb and footer are part of the chrome
    article.append("</div>")
    main = "\n".join(article)
    if hs.layout_table:
        main = ('<table width="100%" border="0" cellspacing="0" cellpadding="0" class="article-table">\n<tr>\n'
                f'<td class="article">\n{main}\n</td>\n</tr>\n</table>')
    else:
        main = f'<div class="article">\n{main}\n</div>'
    body += ['<div class="main-content">', main]
    body.append(tools_html(hs))
    if hs.related:
        body.append(related_html(ctx, rng))
    body.append("</div>")
    body.append(footer_html(ctx, site, rng))
    body += spam
    body += ["</body>", "</html>"]
    return "\n".join(head + body) + "\n"


def chrome_top(ctx: Context, site: str, blocks: list, rng: random.Random) -> str:
    crumb = next((p for k, p in blocks if k == "breadcrumb"), "当前位置：首页 > 政务公开 > 政府信息公开年报")
    crumb_html = text(crumb).replace("首页", '<a href="/">首页</a>', 1)
    return "\n".join((
        '<div class="top-bar"><a href="/">首页</a> | <a href="/big5/index.html">繁體</a> | '
        '<a href="javascript:void(0)" id="wza">无障碍</a> | <a href="/m/">手机版</a></div>',
        f'<div class="header"><div class="logo"><a href="/">{text(site)}</a></div>'
        '<form class="search" action="/search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form></div>',
        '<div class="nav"><ul><li><a href="/">首页</a></li><li class="on"><a href="/zwgk/">政务公开</a></li>'
        '<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li>'
        f'<li><a href="/zj/">走进{text(ctx.issuer.name[:2])}</a></li></ul></div>',
        f'<div class="position">{crumb_html}</div>',
    ))


def hidden_copy(blocks: list, hs: HtmlStyle) -> str:
    title = next(p for k, p in blocks if k == "title")
    first = next((p for k, p in blocks if k in PARA_KINDS), "")
    inner = f"<h2>{text(title)}</h2><p>{text(first)}</p>"
    if hs.hidden_dup == 1:
        return f'<div class="print-copy" style="display:none">{inner}</div>'
    return f'<div class="mobile-article" hidden>{inner}</div>'


def title_html(title: str, hs: HtmlStyle) -> str:
    return (f'<h1 class="article-title">{text(title)}</h1>',
            f'<div class="title">{text(title)}</div>',
            f'<p align="center"><strong><span style="font-size:22px">{text(title)}</span></strong></p>')[hs.title_tag]


def info_bar(blocks: list, ctx: Context, rng: random.Random) -> str:
    """The publication line as CMS info spans; the view counter is filled by a script."""
    line = next((p for k, p in blocks if k == "dateline"), None)
    parts = [f"<span>{text(part.strip())}</span>" for part in line.split("   ")] if line else []
    if not line or "来源" not in line:
        parts.append(f"<span>来源：{text(ctx.issuer.office)}</span>")
    parts.append(f'<span>浏览次数：<script>document.write({rng.randint(30, 3000)})</script></span>')
    return '<div class="info">' + " ".join(parts) + "</div>"


PARA_TEMPLATES = (
    '<p style="text-indent:2em;">{}</p>',
    '<p class="MsoNormal" style="text-indent:32pt;line-height:28pt"><span style="font-family:仿宋_GB2312;font-size:16pt">{}</span></p>',
    "<p>&nbsp;&nbsp;&nbsp;&nbsp;{}</p>",
    '<div style="text-indent:2em">{}</div>',
)


def para_html(payload: str, hs: HtmlStyle) -> str:
    return PARA_TEMPLATES[hs.para_style].format(text(payload))


def heading_html(payload: str, hs: HtmlStyle) -> str:
    return (f"<p><strong>{text(payload)}</strong></p>", f"<h3>{text(payload)}</h3>",
            f'<p style="font-weight:bold;font-family:黑体">{text(payload)}</p>')[hs.heading_tag]


def value_html(value: str, hs: HtmlStyle, rng: random.Random) -> str:
    content = text(value)
    if hs.digit_spans and rng.random() < hs.digit_spans:
        if value.isdigit() and len(value) > 1 and rng.random() < 0.2:
            cut = rng.randint(1, len(value) - 1)
            content = f"<span>{value[:cut]}</span><span>{value[cut:]}</span>"
        else:
            content = f'<span lang="EN-US">{content}</span>'
    return content


def cell_html(cell: Cell, hs: HtmlStyle, rng: random.Random) -> str:
    """One cell: ``<td rowspan=.. colspan=..>`` (``<th>`` for headers on some pages) and its content."""
    role = cell.role
    spans = ""
    if cell.rowspan > 1:
        spans = f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    tag = "th" if role == "header" and hs.th_headers else "td"
    if role == "blank":
        return f"<{tag}{spans}>{hs.blank_html}</{tag}>"
    if role == "value":
        content = value_html(cell.text, hs, rng)
    elif role == "label" and cell.indent:
        content = "&nbsp;" * (2 * cell.indent) + text(cell.text)
    else:
        content = text(cell.text) if cell.text else "&nbsp;"
    wrap = hs.cell_wrap
    if wrap == 1:
        content = f'<p align="center">{content}</p>'
    elif wrap == 2 and role in ("value", "label", "header"):
        content = f'<span style="font-family:宋体;font-size:12pt">{content}</span>'
    return f"<{tag}{spans}>{content}</{tag}>"


def table_html(grid: list, hs: HtmlStyle, rng: random.Random) -> str:
    rows = []
    for row in grid:
        rows.append("<tr>" + "".join([cell_html(c, hs, rng) for c in row]) + "</tr>")
    return ('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>")


def tools_html(hs: HtmlStyle) -> str:
    parts = []
    if hs.share:
        parts.append('<div class="share">分享到：<a href="javascript:void(0)" class="wx">微信</a> '
                     '<a href="javascript:void(0)" class="wb">微博</a> <a href="javascript:void(0)">QQ空间</a></div>')
    parts.append('<div class="tools"><a href="javascript:window.print()">【打印本页】</a> '
                 '<a href="javascript:window.close()">【关闭窗口】</a> 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>')
    return "\n".join(parts)


def related_html(ctx: Context, rng: random.Random) -> str:
    name, year = ctx.issuer.name, ctx.year
    titles = [f"{name}{year - 1}年政府信息公开工作年度报告", f"{name}{year - 2}年政府信息公开工作年度报告",
              f"关于印发{year + 1}年政务公开工作要点的通知", f"{name}{year}年法治政府建设情况报告",
              f"{year + 1}年第一季度政府网站检查情况通报"]
    chosen = rng.sample(titles, rng.randint(3, len(titles)))
    items = []
    for t in chosen:
        when = f"{year + rng.randint(0, 1)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        items.append(f'<li><a href="/zwgk/{rng.randint(100000, 999999)}.html" target="_blank">{text(t)}</a><span>{when}</span></li>')
    return '<div class="related"><h4>相关链接</h4><ul>' + "".join(items) + "</ul></div>"


def footer_html(ctx: Context, site: str, rng: random.Random) -> str:
    icp = f"{rng.choice(ICP_PREFIXES)}ICP备{rng.randint(10000000, 99999999)}号"
    code = rng.randint(1000000000, 9999999999)
    return ('<div class="footer">'
            f"<p>主办：{text(site)}　承办：{text(ctx.issuer.office)}</p>"
            f'<p>版权所有：{text(site)}　<a href="https://beian.miit.gov.cn/" target="_blank">{icp}</a>　网站标识码：{code}</p>'
            f"<p>联系电话：0{rng.randint(310, 990)}-{rng.randint(2000000, 8999999)}　建议使用1366×768分辨率浏览</p>"
            "</div>")
