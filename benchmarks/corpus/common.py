"""What every era shares: issuers, presentation quirks (Style), drawn values (Tables), table rows and
grid cells, the per-document Context, and the title / date / period lines.

Nothing here draws from a random stream in a way that depends on the era: the functions take the
stream they are given and consume it in a fixed order, which is what keeps documents reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable, Sequence

TEXT_LAYOUTS = ("cell_per_line", "row_per_line_spaces", "row_per_line_tabs", "row_per_line_pipes")
HTML_LAYOUT = "html"
ALL_LAYOUTS = TEXT_LAYOUTS + (HTML_LAYOUT,)

# --------------------------------------------------------------------------------------------------
# Issuers: invented place names at four levels.
# --------------------------------------------------------------------------------------------------

FIRST_SYLLABLES = "青东云白清临平长兴龙桂松柳枫梅金玉苍碧丰宁永新西双黄红绿银安"
SECOND_SYLLABLES = "石岭溪沙河江乐华泉林阳湾桥山川屏梧潭泽远和城陵湖塘坪峰源渡冈"
DEPARTMENTS = (
    ("生态环境局", "我局"), ("统计局", "我局"), ("市场监督管理局", "我局"), ("教育局", "我局"),
    ("人力资源和社会保障局", "我局"), ("农业农村局", "我局"), ("交通运输局", "我局"), ("自然资源局", "我局"),
    ("卫生健康委员会", "我委"), ("住房和城乡建设局", "我局"), ("水利局", "我局"), ("民政局", "我局"),
    ("发展和改革委员会", "我委"), ("司法局", "我局"),
)


@dataclass(frozen=True)
class Issuer:
    """The reporting body: its name as the title prints it, its level and how its prose refers to it."""

    name: str
    level: str  # the meta.level vocabulary of fields.md: county, township, department
    kind: str  # county, district, township, department: drives the figures' scale
    we: str  # 我县 / 我区 / 我镇 / 我局
    whole: str  # 全县 / 全区 / 全镇 / 本局
    office: str  # who publishes the page


def place_name(rng: random.Random) -> str:
    """Two invented syllables, never the same one twice."""
    first = rng.choice(FIRST_SYLLABLES)
    second = rng.choice(SECOND_SYLLABLES.replace(first, ""))
    return first + second


def draw_issuer(rng: random.Random) -> Issuer:
    """An invented county, district, township or department, weighted roughly as crawls find them."""
    kind = rng.choices(("county", "district", "township", "department"), weights=(3, 2, 3, 4))[0]
    return {"county": county_issuer, "district": district_issuer,
            "township": township_issuer, "department": department_issuer}[kind](rng)


def county_issuer(rng: random.Random) -> Issuer:
    name = place_name(rng) + rng.choice(("县", "县", "县人民政府"))
    return Issuer(name, "county", "county", "我县", "全县", "县政府办公室")


def district_issuer(rng: random.Random) -> Issuer:
    city = rng.choice(("", place_name(rng) + "市"))
    name = city + place_name(rng) + rng.choice(("区", "区", "区人民政府"))
    return Issuer(name, "county", "district", "我区", "全区", "区政府办公室")


def township_issuer(rng: random.Random) -> Issuer:
    town = place_name(rng)
    form = rng.randrange(4)
    if form == 0:
        return Issuer(f"{town}镇人民政府", "township", "township", "我镇", "全镇", "镇党政办公室")
    if form == 1:
        name = f"{place_name(rng)}县{town}乡人民政府"
        return Issuer(name, "township", "township", "我乡", "全乡", "乡党政办公室")
    if form == 2:
        name = f"{place_name(rng)}市{place_name(rng)}区{town}镇人民政府"
        return Issuer(name, "township", "township", "我镇", "全镇", "镇党政办公室")
    name = f"{place_name(rng)}区{town}街道办事处"
    return Issuer(name, "township", "township", "本街道", "全街道", "街道党政办公室")


def department_issuer(rng: random.Random) -> Issuer:
    department, we = rng.choice(DEPARTMENTS)
    name = place_name(rng) + rng.choice(("市", "县", "区")) + department
    return Issuer(name, "department", "department", we, "本单位", "办公室")


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国志明晓东海燕丽娟红梅立新春华秀英伟强永刚桂兰玉霞德胜文静雪峰宏伟小军凤英国庆"


def person_name(rng: random.Random) -> str:
    """An invented two- or three-character personal name."""
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


# --------------------------------------------------------------------------------------------------
# Presentation quirks (the second random stream).
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How one document prints what it says. None of these choices changes a true value."""

    layout: str
    half_width: bool  # (一) , : instead of （一） ， ：
    spaced: bool  # 规  章, 总  计, 行 政 复 议
    spacer: str  # what goes between the characters of a spaced label
    trailing_space: bool  # cell_per_line: a space after every cell, as HTML-to-text leaves it
    split_headers: bool  # cell_per_line: 商业 / 企业 on two lines
    indent: str
    para_gap: bool  # row layouts: blank lines between blocks
    money_in_yuan: bool  # 2019 采购总金额 printed in 元
    money_padded: bool  # 12.50 rather than 12.5
    zero_padded_period: bool  # 2021年01月01日
    date_style: int
    period_style: int
    breadcrumb: int
    page_title: bool  # the title printed twice, as a page title and a heading
    footer: int
    intros: bool  # a sentence before each table
    spaced_more: bool = False  # damage "spaced": row labels and table headings spaced out as well


def draw_style(rng: random.Random, layout: str) -> Style:
    """Draw the presentation of one document. Spaces never separate cells inside a spaced label of the
    spaces layout: there a single space spaces a label out and runs of two or more separate cells."""
    spaces = layout == "row_per_line_spaces"
    return Style(
        layout=layout,
        half_width=rng.random() < 0.5,
        spaced=rng.random() < 0.45,
        spacer=" " if spaces else rng.choice(("  ", " ", "\u3000", "   ")),
        trailing_space=rng.random() < 0.5,
        split_headers=rng.random() < 0.5,
        indent=rng.choice(("", "  ", "\u3000\u3000")),
        para_gap=rng.random() < 0.6,
        money_in_yuan=rng.random() < 0.35,
        money_padded=rng.random() < 0.3,
        zero_padded_period=rng.random() < 0.2,
        date_style=rng.randrange(5),
        period_style=rng.randrange(4),
        breadcrumb=rng.randrange(3),
        page_title=rng.random() < 0.3,
        footer=rng.randrange(3),
        intros=rng.random() < 0.5,
    )


HALF_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "／": "/"})


def punct(text: str, style: Style) -> str:
    """Apply the document's bracket and punctuation width."""
    return text.translate(HALF_WIDTH) if style.half_width else text


def spaced(text: str, style: Style, wide: bool = False) -> str:
    """Space a short label out (规  章) when the document does that; `wide` triples the spacer."""
    if not style.spaced:
        return text
    spacer = style.spacer * (3 if wide and style.layout != "row_per_line_spaces" else 1)
    return spacer.join(text)


def spaced_more(text: str, style: Style) -> str:
    """Space out a label that only damaged documents space (行 政 许 可, 统 计 指 标)."""
    return style.spacer.join(text) if style.spaced_more else text


# --------------------------------------------------------------------------------------------------
# Values: truth (what the flat mapping holds) and cells (what the page prints).
# --------------------------------------------------------------------------------------------------


@dataclass
class Tables:
    """The drawn tables. `truth` maps flat keys to int or Decimal (absent when the page prints "/");
    `cells` maps every table key, absent or not, to the string printed in its cell. `info` carries
    era-specific facts a compose function needs (era 2008: the variant, which block is present)."""

    truth: dict
    cells: dict
    info: dict = field(default_factory=dict)

    def put(self, key: str, value, printed: str | None = None) -> None:
        self.truth[key] = value
        self.cells[key] = str(value) if printed is None else printed

    def not_applicable(self, key: str) -> None:
        self.cells[key] = "/"


def wan_text(amount: Decimal) -> str:
    """A money amount as a plain decimal string without trailing zeros ("48.7508", "25.1", "0")."""
    return format(amount.normalize(), "f") if amount else "0"


def money_cell(amount: Decimal, style: Style) -> str:
    """A 万元 amount as the cell prints it: "48.7508", or padded "12.50" / "0.00"."""
    text = wan_text(amount)
    if style.money_padded and amount == amount.quantize(Decimal("0.01")):
        text = format(amount.quantize(Decimal("0.01")), "f")
    return text


def count_draw(rng: random.Random, zero: float, low: int, high: int, rare_high: int = 0) -> int:
    """A count that is 0 with probability `zero`, usually in [low, high], now and then up to `rare_high`."""
    if rng.random() < zero:
        return 0
    if rare_high and rng.random() < 0.08:
        return rng.randint(high, rare_high)
    return rng.randint(low, high)


# --------------------------------------------------------------------------------------------------
# Tables as text rows (text layouts) and as grids of spanning cells (HTML).
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """One table row: its cells in reading order; `kind` is caption, header or data."""

    cells: tuple
    kind: str


def caption(*cells) -> Row:
    return Row(tuple(cells), "caption")


def header(*cells) -> Row:
    return Row(tuple(cells), "header")


def data(*cells) -> Row:
    return Row(tuple(str(c) for c in cells), "data")


@dataclass(slots=True)
class Cell:
    """One cell of an HTML grid. `role`: caption, header, label, value, unit, dash, blank (a value
    cell the page leaves empty), note (the 勾稽关系 note of table 3)."""

    text: str
    role: str = "value"
    rowspan: int = 1
    colspan: int = 1
    indent: int = 0  # label cells of the era-2008 form: indentation level


@dataclass(frozen=True)
class TableBlock:
    """A table of a document: `rows()` for the text layouts, `grid(options)` for HTML (a list of rows
    of Cells with their spans, as the official form draws it). Both are built on demand, so a text
    document never pays for its grid and the other way round."""

    name: str
    rows: Callable[[], list]
    grid: Callable[[dict], list]


# Block kinds. Text layouts print PARA_KINDS indented and every other non-table kind as a plain line;
# the HTML layout gives each kind its own markup (the title an <h1>, the date line an info bar, ...).
PARA_KINDS = frozenset({"para", "preamble"})
LINE_KINDS = frozenset({"line", "breadcrumb", "page_title", "title", "dateline", "heading", "subhead", "footer",
                        "spam", "form_line"})


# --------------------------------------------------------------------------------------------------
# The per-document context and the lines every era prints.
# --------------------------------------------------------------------------------------------------


@dataclass
class Context:
    """Everything a compose function needs for one document."""

    era: str
    year: int
    issuer: Issuer
    published: date
    style: Style
    tables: Tables
    rng: random.Random  # content stream: prose choices


CN_NUMBERS = "一二三四五六七八九十"
BREADCRUMBS = ("", "当前位置：首页 > 政务公开 > 政府信息公开年报", "您所在的位置：首页 » 信息公开 » 年度报告")
FOOTERS = ("", "【打印本页】  【关闭窗口】", "分享到：  微信  微博\n【字体：大 中 小】")


def title_of(ctx: Context) -> str:
    return f"{ctx.issuer.name}{ctx.year}年政府信息公开工作年度报告"


def date_line(ctx: Context) -> str:
    """The page's publication line in one of the forms portals print."""
    d, office = ctx.published, ctx.issuer.office
    clock = f"{8 + d.day % 9:02d}:{(d.month * 7 + d.day) % 60:02d}"
    return (
        f"来源：{office}   日期：{d.isoformat()}",
        f"发布时间：{d.year}年{d.month:02d}月{d.day:02d}日",
        f"日期：{d.isoformat()}",
        f"发布日期：{d.isoformat()}   浏览次数：{(d.day * 37 + d.month * 11) % 900 + 40}",
        f"发布时间：{d.isoformat()} {clock}   来源：{office}",
    )[ctx.style.date_style]


def period_dates(ctx: Context) -> tuple:
    """The statistical period's first and last day as the document prints them."""
    y = ctx.year
    if ctx.style.zero_padded_period:
        return f"{y}年01月01日", f"{y}年12月31日"
    return f"{y}年1月1日", f"{y}年12月31日"


def period_text(ctx: Context) -> str:
    start, end = period_dates(ctx)
    return (
        f"本报告中所列数据的统计期限自{start}至{end}。",
        f"报告数据统计期限为{start}至{end}。",
        f"本报告所列数据统计期限为{start}起至{end}止。",
        f"本年度报告中所列数据的统计期限自{start}起至{end}止。",
    )[ctx.style.period_style]


def paras(texts: Sequence[str], ctx: Context) -> list:
    """Prose as paragraph blocks; sub-headings (（一）…) stay unindented lines."""
    out = []
    for text in texts:
        kind = "subhead" if text.startswith("（") and len(text) < 20 else "para"
        out.append((kind, punct(text, ctx.style)))
    return out
