#!/usr/bin/env python3
"""Generate synthetic annual reports (政府信息公开工作年度报告) together with their true values.

Why: gkparse has to be measured on documents where every figure is known. Real reports come with only
a handful of hand-made gold files. This module makes as many documents as a benchmark needs, the same
ones on every run, in the shapes crawled reports really take: one table cell per line, or table rows
with cells joined by runs of spaces, by tabs or by pipes; UTF-8 or GB18030 bytes; spaced-out labels;
full-width or half-width brackets; "/" for a 规章 row that does not apply. Every table respects the
template's arithmetic (templates.md §4). A parser that enforces those invariants therefore never
disagrees with its test data, and a disagreement always points at the parser.

What:

* ``generate(seed, index, era, layout, encoding) -> (text, truth)`` builds one report. ``text`` is
  the report as a ``str``. ``truth`` is its record in the gold-file format of the shared gold files:
  ``source`` (the path relative to the corpus root), ``fields`` (the flat keys of fields.md with their
  values), ``optional``, ``diagnostics`` (always empty: every generated report is clean) and
  ``notes``. The result is fully determined by the arguments.
* ``encode(text, encoding)`` gives the bytes that get written to disk.
* ``write_corpus(out_dir, count, seed, eras)`` writes ``out_dir/corpus/*.txt`` and
  ``out_dir/truth/*.json``. It also writes two inputs that are not reports, ``not_a_report.txt`` and
  ``empty.txt``, whose truth names the error a parser must raise.
* Run as a script, it is the CLI:
  ``python benchmarks/generate_corpus.py --out DIR --count N --seed S [--eras 2019,2021]``.

How the eras plug in: each era is an ``EraSpec`` in ``ERAS``. A spec has a ``draw`` function, which
picks the table values (what the truth records and what the page prints), and a ``compose`` function,
which lays the document out as blocks (headings, paragraphs, tables). Issuers, dates, prose, layout
rendering and file writing are shared. Adding an era, such as the 2008 form, means writing one
spec, not rewriting the module.

Document ``index`` is given the era ``eras[index % len(eras)]``, the layout
``LAYOUTS[(index // len(eras)) % len(LAYOUTS)]``, and GB18030 when ``index % 5 == 2`` (UTF-8
otherwise). So any 2 x 4 = 8 consecutive documents cover every era/layout pair, and both encodings
appear as soon as there are three documents (one in five is GB18030). The values and prose of a document come from
(seed, index, era) alone, so the same document printed in another layout carries the same figures.
Presentation quirks come from a second random stream that also depends on the layout and encoding.

Only the standard library is used. Randomness always comes from ``random.Random`` seeded with a
string, which is stable across runs, platforms and hash seeds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Callable, Sequence

__all__ = [
    "LAYOUTS",
    "ENCODINGS",
    "DEFAULT_ERAS",
    "ERAS",
    "EraSpec",
    "generate",
    "encode",
    "document_name",
    "assignment",
    "write_corpus",
    "NON_REPORTS",
    "main",
]

LAYOUTS = ("cell_per_line", "row_per_line_spaces", "row_per_line_tabs", "row_per_line_pipes")
ENCODINGS = ("utf-8", "gb18030")
DEFAULT_ERAS = ("2019", "2021")

# --------------------------------------------------------------------------------------------------
# The flat keys of fields.md and the template labels they are printed under.
# --------------------------------------------------------------------------------------------------

APPLICANT_COLUMNS = ("natural_person", "commercial", "research", "public_welfare", "legal_services", "other_org")
ALL_COLUMNS = APPLICANT_COLUMNS + ("total",)
DENIED_ROWS = (
    "denied_state_secret", "denied_prohibited", "denied_security", "denied_third_party",
    "denied_internal", "denied_process", "denied_enforcement", "denied_query",
)
UNABLE_ROWS = ("unable_not_held", "unable_needs_creation", "unable_unclear")
REJECTED_ROWS = (
    "rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation",
)
OTHER_ROWS = {"2019": ("other",), "2021": ("other_no_correction", "other_fee_unpaid", "other_misc")}
RESULT_FIELDS = ("upheld", "corrected", "other", "pending", "total")
REVIEW_BLOCKS = ("review", "litigation_direct", "litigation_after_review")

ROW_LABELS = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied_state_secret": "1.属于国家秘密",
    "denied_prohibited": "2.其他法律行政法规禁止公开",
    "denied_security": "3.危及“三安全一稳定”",
    "denied_third_party": "4.保护第三方合法权益",
    "denied_internal": "5.属于三类内部事务信息",
    "denied_process": "6.属于四类过程性信息",
    "denied_enforcement": "7.属于行政执法案卷",
    "denied_query": "8.属于行政查询事项",
    "unable_not_held": "1.本机关不掌握相关政府信息",
    "unable_needs_creation": "2.没有现成信息需要另行制作",
    "unable_unclear": "3.补正后申请内容仍不明确",
    "rejected_petition": "1.信访举报投诉类申请",
    "rejected_duplicate": "2.重复申请",
    "rejected_publication": "3.要求提供公开出版物",
    "rejected_excessive": "4.无正当理由大量反复申请",
    "rejected_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other": "（六）其他处理",
    "other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_fee_unpaid": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_misc": "3.其他",
    "processed_total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
# Labels of row-spanning cells, printed only before the first row they span.
GROUP_LABELS = {
    "granted": ("三、本年度办理结果",),
    "denied_state_secret": ("（三）不予公开",),
    "unable_not_held": ("（四）无法提供",),
    "rejected_petition": ("（五）不予处理",),
    "other_no_correction": ("（六）其他处理",),
}
RESULT_LABELS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

# How often each outcome is chosen when a column's processed applications are spread over the rows.
OUTCOME_WEIGHTS = {
    "granted": 42, "partial": 7,
    "denied_state_secret": 0.3, "denied_prohibited": 0.5, "denied_security": 0.4, "denied_third_party": 1.5,
    "denied_internal": 1.0, "denied_process": 1.5, "denied_enforcement": 0.8, "denied_query": 0.8,
    "unable_not_held": 18, "unable_needs_creation": 3, "unable_unclear": 2.5,
    "rejected_petition": 3, "rejected_duplicate": 2.5, "rejected_publication": 0.6,
    "rejected_excessive": 0.6, "rejected_confirmation": 0.8,
    "other": 4, "other_no_correction": 2.5, "other_fee_unpaid": 0.4, "other_misc": 1.5,
}


def application_rows(era: str) -> tuple[str, ...]:
    """The rows of table 3 in printed order for an era (2019: one 其他处理 row; 2021: three)."""
    return ("new", "carried_over") + outcome_rows(era) + ("processed_total", "carried_forward")


def outcome_rows(era: str) -> tuple[str, ...]:
    """The rows whose sum is （七）总计 (templates.md §4.2, T3.2)."""
    return ("granted", "partial") + DENIED_ROWS + UNABLE_ROWS + REJECTED_ROWS + OTHER_ROWS[era]


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


# --------------------------------------------------------------------------------------------------
# Values: truth (what the flat mapping holds) and cells (what the page prints).
# --------------------------------------------------------------------------------------------------


@dataclass
class Tables:
    """The drawn tables. `truth` maps flat keys to int or Decimal (absent when the page prints "/");
    `cells` maps every table key, absent or not, to the string printed in its cell."""

    truth: dict
    cells: dict

    def put(self, key: str, value, printed: str | None = None) -> None:
        self.truth[key] = value
        self.cells[key] = str(value) if printed is None else printed

    def not_applicable(self, key: str) -> None:
        self.cells[key] = "/"


def wan_text(amount: Decimal) -> str:
    """A money amount as a plain decimal string without trailing zeros ("48.7508", "25.1", "0")."""
    return format(amount.normalize(), "f") if amount else "0"


def count_draw(rng: random.Random, zero: float, low: int, high: int, rare_high: int = 0) -> int:
    """A count that is 0 with probability `zero`, usually in [low, high], now and then up to `rare_high`."""
    if rng.random() < zero:
        return 0
    if rare_high and rng.random() < 0.08:
        return rng.randint(high, rare_high)
    return rng.randint(low, high)


# Scale of the table-2 figures per issuer kind: (zero probability, low, high, rare high).
DECISION_SCALE = {
    "licensing": {"county": (0.02, 300, 9000, 45000), "district": (0.02, 200, 8000, 30000),
                  "township": (0.3, 1, 300, 0), "department": (0.25, 5, 3000, 20000)},
    "penalty": {"county": (0.05, 40, 1500, 4000), "district": (0.05, 30, 1200, 3000),
                "township": (0.5, 1, 30, 0), "department": (0.3, 1, 600, 3000)},
    "coercion": {"county": (0.3, 1, 40, 200), "district": (0.3, 1, 30, 150),
                 "township": (0.8, 1, 5, 0), "department": (0.6, 1, 20, 100)},
}


def decisions(rng: random.Random, item: str, kind: str) -> int:
    return count_draw(rng, *DECISION_SCALE[item][kind])


def draw_rules_row(rng: random.Random, tables: Tables, keys: Sequence[str], issuer: Issuer) -> None:
    """规章: counties, townships and departments have no rule-making power, so the row is mostly 0,
    and sometimes "/" (not applicable; the keys are then absent from the truth)."""
    if rng.random() < (0.45 if issuer.kind in ("township", "department") else 0.2):
        for key in keys:
            tables.not_applicable(key)
        return
    first = 0 if rng.random() < 0.85 else rng.randint(1, 3)
    second = 0 if rng.random() < 0.8 else rng.randint(0, first)
    third = first + (0 if rng.random() < 0.6 else rng.randint(1, 12))
    for key, value in zip(keys, (first, second, third)):
        tables.put(key, value)


def draw_applications(rng: random.Random, tables: Tables, era: str, kind: str) -> None:
    """Table 3, column by column: spread the processed applications over the outcome rows, add the
    carried-over and carried-forward ones, and derive 本年新收 so that T3.1 holds; then sum the rows
    into 总计 (T3.3)."""
    rows = outcome_rows(era)
    columns = {col: draw_applicant_column(rng, col, kind, rows) for col in APPLICANT_COLUMNS}
    for row in application_rows(era):
        total = 0
        for col in APPLICANT_COLUMNS:
            value = columns[col][row]
            total += value
            tables.put(f"applications.{row}.{col}", value)
        tables.put(f"applications.{row}.total", total)


def draw_applicant_column(rng: random.Random, col: str, kind: str, rows: Sequence[str]) -> dict:
    """One applicant column of table 3 with T3.1 and T3.2 holding."""
    processed = applicant_volume(rng, col, kind)
    spread = Counter(rng.choices(rows, weights=[OUTCOME_WEIGHTS[r] for r in rows], k=processed))
    values = {row: spread.get(row, 0) for row in rows}
    values["processed_total"] = processed
    carried_forward = 0 if rng.random() < (0.75 if processed else 0.95) else rng.randint(1, 6 if processed else 2)
    carried_over = 0 if rng.random() < (0.75 if processed else 0.95) else rng.randint(1, 5)
    carried_over = min(carried_over, processed + carried_forward)
    values["carried_forward"] = carried_forward
    values["carried_over"] = carried_over
    values["new"] = processed + carried_forward - carried_over
    return values


def applicant_volume(rng: random.Random, col: str, kind: str) -> int:
    """How many applications from this kind of applicant the issuer processed."""
    if col == "natural_person":
        return {"county": count_draw(rng, 0.05, 2, 90, 600), "district": count_draw(rng, 0.05, 2, 120, 500),
                "township": count_draw(rng, 0.5, 1, 6, 25), "department": count_draw(rng, 0.2, 1, 40, 300)}[kind]
    rate = {"commercial": 0.35, "research": 0.05, "public_welfare": 0.08,
            "legal_services": 0.15, "other_org": 0.15}[col]
    if kind == "township":
        rate /= 3
    return count_draw(rng, 1 - rate, 1, 6, 30)


def draw_review_litigation(rng: random.Random, tables: Tables, kind: str) -> None:
    """Table 4: three blocks of four results and their 总计 (T4.1). Mostly all zeros."""
    scale = 0.3 if kind == "township" else 1.0
    for block, rate in zip(REVIEW_BLOCKS, (0.3, 0.15, 0.1)):
        active = rng.random() < rate * scale
        parts = [rng.choice((0, 0, 0, 1, 1, 2, 3, 5)) if active else 0 for _ in range(4)]
        for name, value in zip(RESULT_FIELDS, parts + [sum(parts)]):
            tables.put(f"{block}.{name}", value)


# --------------------------------------------------------------------------------------------------
# Era 2021 (国办公开办函〔2021〕30号)
# --------------------------------------------------------------------------------------------------


def draw_2021(rng: random.Random, issuer: Issuer, style: Style) -> Tables:
    """All the figures of an era-2021 report."""
    tables = Tables({}, {})
    draw_rules_row(rng, tables, ("active.rules.issued", "active.rules.repealed", "active.rules.in_force"), issuer)
    issued = count_draw(rng, 0.3, 1, 3 if issuer.kind == "township" else 25)
    repealed = count_draw(rng, 0.5, 1, 12)
    tables.put("active.normative_docs.issued", issued)
    tables.put("active.normative_docs.repealed", repealed)
    tables.put("active.normative_docs.in_force", issued + count_draw(rng, 0.1, 1, 60))
    for item in ("licensing", "penalty", "coercion"):
        tables.put(f"active.{item}.decisions", decisions(rng, item, issuer.kind))
    amount = fee_amount(rng, issuer.kind)
    tables.put("active.fees.amount_wan", amount, money_cell(amount, style))
    draw_applications(rng, tables, "2021", issuer.kind)
    draw_review_litigation(rng, tables, issuer.kind)
    return tables


def fee_amount(rng: random.Random, kind: str) -> Decimal:
    """本年收费金额 in 万元: often 0, otherwise whole or with up to four decimals."""
    if rng.random() < (0.7 if kind in ("township", "department") else 0.3):
        return Decimal(0)
    if rng.random() < 0.4:
        return Decimal(rng.randint(1, 20000))
    places = rng.choice((1, 2, 4))
    return Decimal(rng.randint(1, 10 ** (places + 4))) / Decimal(10) ** places


def money_cell(amount: Decimal, style: Style) -> str:
    """A 万元 amount as the cell prints it: "48.7508", or padded "12.50" / "0.00"."""
    text = wan_text(amount)
    if style.money_padded and amount == amount.quantize(Decimal("0.01")):
        text = format(amount.quantize(Decimal("0.01")), "f")
    return text


def table2_rows_2021(cells: dict, style: Style) -> list:
    """Table 2 of the 2021 format as rows of printed cells."""
    c = cells
    return [
        caption(punct("第二十条第（一）项", style)),
        header(spaced("信息内容", style), "本年制发件数", "本年废止件数", "现行有效件数"),
        data(spaced("规章", style), *(c[f"active.rules.{k}"] for k in ("issued", "repealed", "in_force"))),
        data("行政规范性文件", *(c[f"active.normative_docs.{k}"] for k in ("issued", "repealed", "in_force"))),
        caption(punct("第二十条第（五）项", style)),
        header(spaced("信息内容", style), "本年处理决定数量"),
        data("行政许可", c["active.licensing.decisions"]),
        caption(punct("第二十条第（六）项", style)),
        header(spaced("信息内容", style), "本年处理决定数量"),
        data("行政处罚", c["active.penalty.decisions"]),
        data("行政强制", c["active.coercion.decisions"]),
        caption(punct("第二十条第（八）项", style)),
        header(spaced("信息内容", style), punct("本年收费金额（单位：万元）", style)),
        data("行政事业性收费", c["active.fees.amount_wan"]),
    ]


# --------------------------------------------------------------------------------------------------
# Era 2019 (国办公开办函〔2019〕60号, 格式（试行）)
# --------------------------------------------------------------------------------------------------

ITEM_SCALE_2019 = {  # 上一年项目数量 per kind: (zero probability, low, high)
    "licensing": {"county": (0.0, 60, 400), "district": (0.0, 40, 300), "township": (0.4, 1, 40), "department": (0.2, 3, 150)},
    "other_services": {"county": (0.3, 5, 120), "district": (0.3, 5, 100), "township": (0.6, 1, 20), "department": (0.4, 1, 60)},
    "penalty": {"county": (0.0, 200, 3000), "district": (0.0, 150, 2500), "township": (0.5, 1, 60), "department": (0.2, 10, 1500)},
    "coercion": {"county": (0.1, 5, 80), "district": (0.1, 5, 60), "township": (0.7, 1, 10), "department": (0.4, 1, 40)},
    "fees": {"county": (0.1, 2, 40), "district": (0.1, 2, 30), "township": (0.5, 1, 6), "department": (0.4, 1, 15)},
}


def draw_2019(rng: random.Random, issuer: Issuer, style: Style) -> Tables:
    """All the figures of an era-2019 report."""
    tables = Tables({}, {})
    draw_rules_row(rng, tables, ("active.rules.made", "active.rules.published", "active.rules.total"), issuer)
    made = count_draw(rng, 0.3, 1, 3 if issuer.kind == "township" else 25)
    published = made - (0 if rng.random() < 0.8 else rng.randint(0, made))
    tables.put("active.normative_docs.made", made)
    tables.put("active.normative_docs.published", published)
    tables.put("active.normative_docs.total", published + count_draw(rng, 0.1, 1, 80))
    for item in ("licensing", "other_services", "penalty", "coercion", "fees"):
        draw_items_row(rng, tables, item, issuer.kind)
    draw_procurement(rng, tables, issuer.kind, style)
    draw_applications(rng, tables, "2019", issuer.kind)
    draw_review_litigation(rng, tables, issuer.kind)
    return tables


def draw_items_row(rng: random.Random, tables: Tables, item: str, kind: str) -> None:
    """上一年项目数量 / 本年增/减 (signed, never below -上一年) / 处理决定数量 (none for 收费)."""
    prev = count_draw(rng, *ITEM_SCALE_2019[item][kind])
    change = 0 if rng.random() < 0.5 else rng.randint(-min(prev, 12), 15)
    tables.put(f"active.{item}.prev_items", prev)
    tables.put(f"active.{item}.net_change", change)
    if item == "other_services":
        tables.put("active.other_services.decisions", count_draw(rng, 0.4, 1, 2000, 8000))
    elif item != "fees":
        tables.put(f"active.{item}.decisions", decisions(rng, item, kind))


def draw_procurement(rng: random.Random, tables: Tables, kind: str, style: Style) -> None:
    """政府集中采购: a number of projects and a total amount printed with its unit (万元 or 元);
    the truth is always in 万元."""
    projects = count_draw(rng, 0.2, 1, 30 if kind == "township" else 60)
    yuan = 0 if projects == 0 else rng.randint(3_000, 30_000_000)
    yuan -= yuan % rng.choice((1, 100, 1000))
    amount = Decimal(yuan) / Decimal(10000)
    printed = f"{yuan}元" if style.money_in_yuan else f"{wan_text(amount)}万元"
    tables.put("active.procurement.projects", projects)
    tables.put("active.procurement.amount_wan", amount, printed)


def table2_rows_2019(cells: dict, style: Style) -> list:
    """Table 2 of the 2019 format as rows of printed cells."""
    c = cells
    change = "本年增/减" if style.half_width or not style.spaced else "本年增／减"
    items = ("上一年项目数量", change, "处理决定数量")
    three = ("prev_items", "net_change", "decisions")
    return [
        caption(punct("第二十条第（一）项", style)),
        header(spaced("信息内容", style), "本年新制作数量", "本年新公开数量", "对外公开总数量"),
        data(spaced("规章", style), *(c[f"active.rules.{k}"] for k in ("made", "published", "total"))),
        data("规范性文件", *(c[f"active.normative_docs.{k}"] for k in ("made", "published", "total"))),
        caption(punct("第二十条第（五）项", style)),
        header(spaced("信息内容", style), *items),
        data("行政许可", *(c[f"active.licensing.{k}"] for k in three)),
        data("其他对外管理服务事项", *(c[f"active.other_services.{k}"] for k in three)),
        caption(punct("第二十条第（六）项", style)),
        header(spaced("信息内容", style), *items),
        data("行政处罚", *(c[f"active.penalty.{k}"] for k in three)),
        data("行政强制", *(c[f"active.coercion.{k}"] for k in three)),
        caption(punct("第二十条第（八）项", style)),
        header(spaced("信息内容", style), *items[:2]),
        data("行政事业性收费", c["active.fees.prev_items"], c["active.fees.net_change"]),
        caption(punct("第二十条第（九）项", style)),
        header(spaced("信息内容", style), "采购项目数量", "采购总金额"),
        data("政府集中采购", c["active.procurement.projects"], c["active.procurement.amount_wan"]),
    ]


# --------------------------------------------------------------------------------------------------
# Tables 3 and 4 (shared by the 2019 and 2021 formats) as rows of cells.
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
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


def table3_rows(cells: dict, era: str, style: Style) -> list:
    """Table 3 with its header linearised in header order (申请人情况 / 自然人 / 法人或其他组织 / 总计 /
    商业企业 …) while the data run in template order (自然人, five organisations, 总计)."""
    note = punct("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", style)
    rows = [
        header(note, "申请人情况"),
        header(spaced("自然人", style), "法人或其他组织", spaced("总计", style)),
        header("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
    ]
    for row in application_rows(era):
        labels = GROUP_LABELS.get(row, ())
        label = ROW_LABELS[row]
        if row == "processed_total":
            label = "（七）" + spaced("总计", style)
        values = [cells[f"applications.{row}.{col}"] for col in ALL_COLUMNS]
        rows.append(data(*(punct(t, style) for t in (*labels, label)), *values))
    return rows


def table4_rows(cells: dict, style: Style) -> list:
    """Table 4 with its three header rows as linearised (行政复议 / 行政诉讼 / the five results /
    未经复议直接起诉 / 复议后起诉 / ten sub-headings) and the 15 numbers in one row."""
    results = tuple(spaced(t, style) if t == "总计" else t for t in RESULT_LABELS)
    values = [cells[f"{block}.{name}"] for block in REVIEW_BLOCKS for name in RESULT_FIELDS]
    return [
        header(spaced("行政复议", style), spaced("行政诉讼", style, wide=True)),
        header(*results, "未经复议直接起诉", "复议后起诉"),
        header(*results, *results),
        data(*values),
    ]


# --------------------------------------------------------------------------------------------------
# Layout rendering
# --------------------------------------------------------------------------------------------------


def render(blocks: list, style: Style, rng: random.Random) -> str:
    """Blocks -> text. A block is ("line", str), ("para", str) or ("table", [Row]).

    cell_per_line puts every line and every cell on its own line with blank lines in between (an HTML
    page stripped to text). The row layouts keep a table row on one line; blocks are separated by
    blank lines or not, depending on the document."""
    if style.layout == "cell_per_line":
        lines = [line for block in blocks for line in cell_lines(block, style)]
        return "\n\n".join(lines) + "\n"
    gap = "\n\n" if style.para_gap else "\n"
    chunks = [row_chunk(block, style, rng) for block in blocks]
    return gap.join(chunks) + "\n"


def cell_lines(block: tuple, style: Style) -> list:
    kind, payload = block
    if kind != "table":
        return [style.indent + payload if kind == "para" else payload]
    tail = " " if style.trailing_space else ""
    lines = []
    for row in payload:
        for cell in row.cells:
            parts = split_header_cell(cell) if row.kind == "header" and style.split_headers else [cell]
            lines.extend(part + tail for part in parts)
    return lines


# Narrow sub-heading cells that wrap onto two lines when a page is turned into text.
SPLITTABLE_HEADERS = {
    "商业企业": 2, "科研机构": 2, "社会公益组织": 4, "法律服务机构": 4,
    "结果维持": 2, "结果纠正": 2, "其他结果": 2, "尚未审结": 2,
}


def split_header_cell(cell: str) -> list:
    """商业企业 -> 商业 / 企业, 社会公益组织 -> 社会公益 / 组织; other cells stay whole."""
    at = SPLITTABLE_HEADERS.get(cell)
    return [cell[:at], cell[at:]] if at else [cell]


def row_chunk(block: tuple, style: Style, rng: random.Random) -> str:
    kind, payload = block
    if kind != "table":
        return style.indent + payload if kind == "para" else payload
    return "\n".join(join_row(row.cells, style.layout, rng) for row in payload)


def join_row(cells: Sequence[str], layout: str, rng: random.Random) -> str:
    if layout == "row_per_line_tabs":
        return "\t".join(cells)
    if layout == "row_per_line_pipes":
        return "| " + " | ".join(cells) + " |"
    text = cells[0]
    for cell in cells[1:]:
        text += " " * rng.randint(2, 8) + cell
    return text


# --------------------------------------------------------------------------------------------------
# Document composition: title, date line, preamble, the six sections.
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
FORMAT_NOTICES = {
    "2019": "《中华人民共和国政府信息公开工作年度报告格式（试行）》",
    "2021": "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
}


def title_of(ctx: Context) -> str:
    return f"{ctx.issuer.name}{ctx.year}年政府信息公开工作年度报告"


def header_blocks(ctx: Context) -> list:
    """Breadcrumb, (page title), title, date line and preamble."""
    style = ctx.style
    blocks = []
    if style.breadcrumb:
        blocks.append(("line", BREADCRUMBS[style.breadcrumb]))
    if style.page_title:
        blocks.append(("line", title_of(ctx)))
    blocks.append(("line", title_of(ctx)))
    blocks.append(("line", punct(date_line(ctx), style)))
    blocks.append(("para", punct(preamble(ctx), style)))
    return blocks


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


def period_text(ctx: Context) -> str:
    y = ctx.year
    start, end = (f"{y}年01月01日", f"{y}年12月31日") if ctx.style.zero_padded_period else (f"{y}年1月1日", f"{y}年12月31日")
    return (
        f"本报告中所列数据的统计期限自{start}至{end}。",
        f"报告数据统计期限为{start}至{end}。",
        f"本报告所列数据统计期限为{start}起至{end}止。",
        f"本年度报告中所列数据的统计期限自{start}起至{end}止。",
    )[ctx.style.period_style]


def preamble(ctx: Context) -> str:
    rng, issuer = ctx.rng, ctx.issuer
    phone = f"0{rng.randint(310, 990)}-{rng.randint(2000000, 8999999)}"
    parts = [
        f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{FORMAT_NOTICES[ctx.era]}要求编制。",
        rng.choice(("", "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开"
                        "行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。")),
        period_text(ctx),
        f"如对本报告有疑问，请与{issuer.office}联系（电话：{phone}）。",
    ]
    return "".join(parts)


def section_heading(number: int, ctx: Context) -> tuple:
    variants = SECTION_TITLES[number]
    return ("line", f"{CN_NUMBERS[number - 1]}、" + ctx.rng.choice(variants))


SECTION_TITLES = {
    1: ("总体情况",),
    2: ("主动公开政府信息情况",),
    3: ("收到和处理政府信息公开申请情况",),
    4: ("政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议及行政诉讼情况"),
    5: ("存在的主要问题及改进情况", "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况"),
    6: ("其他需要报告的事项",),
}
TABLE_INTROS = {
    2: "{we}主动公开政府信息情况统计如下：",
    3: "{year}年度收到和处理政府信息公开申请情况如下：",
    4: "{year}年度政府信息公开行政复议、行政诉讼情况如下：",
}


def compose_national(ctx: Context, table2: list, overview: list, closing: list) -> list:
    """The six-part document of the 2019 and 2021 formats, tables 2–4 inside sections 二–四."""
    cells = ctx.tables.cells
    tables = {2: table2, 3: table3_rows(cells, ctx.era, ctx.style), 4: table4_rows(cells, ctx.style)}
    blocks = header_blocks(ctx)
    blocks += [section_heading(1, ctx)] + paras(overview, ctx)
    for number in (2, 3, 4):
        blocks.append(section_heading(number, ctx))
        if ctx.style.intros:
            blocks.append(("para", punct(TABLE_INTROS[number].format(we=ctx.issuer.we, year=ctx.year), ctx.style)))
        blocks.append(("table", tables[number]))
    blocks += [section_heading(5, ctx)] + paras(problems(ctx), ctx)
    blocks += [section_heading(6, ctx)] + paras(closing, ctx)
    if ctx.style.footer:
        blocks.append(("line", FOOTERS[ctx.style.footer]))
    return blocks


def paras(texts: list, ctx: Context) -> list:
    """Prose as paragraph blocks; sub-headings (（一）…) stay unindented lines."""
    out = []
    for text in texts:
        kind = "line" if text.startswith("（") and len(text) < 20 else "para"
        out.append((kind, punct(text, ctx.style)))
    return out


# --------------------------------------------------------------------------------------------------
# Prose. Every figure it states agrees with the tables.
# --------------------------------------------------------------------------------------------------

OPENINGS = (
    "{year}年，{whole}认真落实政府信息公开条例各项要求，把公开工作与年度重点任务同部署、同推进，公开的及时性和规范性进一步提高。",
    "{year}年，在上级政务公开主管部门的指导下，{whole}持续完善公开制度、拓宽公开渠道，政府信息公开工作总体运行平稳。",
    "{year}年以来，{we}把政府信息公开作为转变作风、服务群众的重要抓手，明确责任分工，细化任务清单，各项工作按期完成。",
)
ACTIVE_SENTENCES = (
    "全年通过门户网站公开各类政府信息{n1}条，其中政策文件{n2}件、图文解读{n3}篇。",
    "依托政务新媒体和公开栏同步发布惠民政策、办事指南等信息{n1}条，方便群众就近查阅。",
    "聚焦财政预决算、重大项目、社会救助、安全生产等重点领域，及时更新专栏内容，全年更新重点领域信息{n1}条。",
)
HANDLING_SENTENCES = (
    "严格执行登记、审核、答复、归档全流程管理，答复文书统一格式、统一用语，并告知申请人救济途径。",
    "对每件申请建立办理台账，明确承办人和办理时限，做到件件有回音。",
)
MANAGEMENT_SENTENCES = (
    "严格落实公文公开属性源头认定，拟文时同步明确主动公开、依申请公开或不予公开的属性。",
    "落实信息发布前保密审查制度，坚持先审后发，全年未发生泄密或不当公开事件。",
)
PLATFORM_SENTENCES = (
    "优化门户网站政府信息公开专栏，调整栏目{s2}个，建立每日巡查、每周通报机制，及时清理空白和过时栏目。",
    "加强政务新媒体管理，对{s1}个账号实行台账管理，确保内容更新及时、发布规范。",
)
SUPERVISION_SENTENCES = (
    "将政务公开工作纳入年度绩效考核，全年召开专题会议{s1}次，组织业务培训{s2}场，参训{n3}人次。",
    "畅通意见反馈渠道，主动接受社会监督，全年未发生因政务公开工作不到位被追责的情形。",
)
PROBLEMS = (
    "公开内容的深度和广度与群众期待还有差距，部分栏目信息更新不够及时",
    "政策解读形式较为单一，图解、音视频等解读方式运用不多",
    "工作人员多为兼职，业务能力有待进一步提升",
    "依申请公开答复文书的规范化水平仍需提高",
)
IMPROVEMENTS = (
    "加强业务培训，提高工作人员的政策水平和业务能力",
    "完善信息发布审核机制，确保公开信息准确、及时、规范",
    "丰富政策解读形式，增强解读的针对性和可读性",
    "加强督促检查，把公开要求落实到日常工作各环节",
)
ORDINALS = ("一是", "二是", "三是", "四是")


def fill(template: str, ctx: Context) -> str:
    """Fill a prose template with the issuer's words and a few invented, table-independent counts."""
    rng = ctx.rng
    return template.format(year=ctx.year, we=ctx.issuer.we, whole=ctx.issuer.whole,
                           n1=rng.randint(12, 3000), n2=rng.randint(2, 90), n3=rng.randint(10, 400),
                           s1=rng.randint(1, 8), s2=rng.randint(2, 20))


def applications_sentence(ctx: Context) -> str:
    """What the prose says about applications: the same figures as table 3 (and table 4)."""
    t = ctx.tables.truth
    new, old = t["applications.new.total"], t["applications.carried_over.total"]
    if new == old == 0:
        text = "本年度未收到政府信息公开申请，也无上年结转的申请。"
    else:
        text = (f"全年新收政府信息公开申请{new}件，上年结转{old}件，本年办结"
                f"{t['applications.processed_total.total']}件，结转下年度继续办理{t['applications.carried_forward.total']}件。")
    review = t["review.total"]
    litigation = t["litigation_direct.total"] + t["litigation_after_review.total"]
    if review or litigation:
        text += f"全年因政府信息公开被申请行政复议{review}件、被提起行政诉讼{litigation}件。"
    return text


def normative_sentence(ctx: Context) -> str:
    t = ctx.tables.truth
    keys = ("issued", "repealed", "in_force") if ctx.era == "2021" else ("made", "published", "total")
    a, b, c = (t[f"active.normative_docs.{k}"] for k in keys)
    if ctx.era == "2021":
        return f"全年制发行政规范性文件{a}件，废止{b}件，现行有效{c}件，均在规范性文件专栏集中发布并动态更新。"
    return f"全年新制作规范性文件{a}件，新公开{b}件，对外公开规范性文件累计{c}件。"


def overview_2021(ctx: Context) -> list:
    """Section 一 of the 2021 format: an opening and the five aspects the format expects."""
    rng = ctx.rng
    suffix = rng.choice(("", "方面", "情况"))
    aspects = (
        ("主动公开", [rng.choice(ACTIVE_SENTENCES)]),
        ("依申请公开", [applications_sentence(ctx), rng.choice(HANDLING_SENTENCES)]),
        ("政府信息管理", [rng.choice(MANAGEMENT_SENTENCES), normative_sentence(ctx)]),
        ("政府信息公开平台建设", [rng.choice(PLATFORM_SENTENCES)]),
        ("监督保障", [rng.choice(SUPERVISION_SENTENCES)]),
    )
    texts = [fill(rng.choice(OPENINGS), ctx)]
    for i, (head, sentences) in enumerate(aspects):
        texts.append(f"（{CN_NUMBERS[i]}）{head}{suffix}")
        texts.extend(fill(s, ctx) for s in sentences)
    return texts


def overview_2019(ctx: Context) -> list:
    """Section 一 of the 2019 format: free structure, here an opening and three or four sub-heads."""
    rng = ctx.rng
    parts = [
        ("健全工作机制", "调整充实政务公开工作领导小组，明确{s1}名工作人员具体负责，形成上下联动的工作格局。"),
        ("抓好重点领域公开", rng.choice(ACTIVE_SENTENCES)),
        ("规范依申请公开办理", applications_sentence(ctx)),
        ("加强规范性文件管理", normative_sentence(ctx)),
        ("加强公开平台建设", rng.choice(PLATFORM_SENTENCES)),
    ]
    chosen = [parts[0], parts[1], parts[2]] + ([parts[rng.choice((3, 4))]] if rng.random() < 0.6 else [])
    texts = [fill(rng.choice(OPENINGS), ctx)]
    for i, (head, sentence) in enumerate(chosen):
        texts.append(f"（{CN_NUMBERS[i]}）{head}")
        texts.append(fill(sentence, ctx))
    return texts


def problems(ctx: Context) -> list:
    rng = ctx.rng
    found = rng.sample(PROBLEMS, rng.randint(2, 3))
    fixes = rng.sample(IMPROVEMENTS, rng.randint(2, 3))
    first = f"{ctx.year}年，{ctx.issuer.we}政府信息公开工作还存在一些不足：" + "".join(
        f"{ORDINALS[i]}{p}；" for i, p in enumerate(found)).rstrip("；") + "。"
    second = f"下一步，{ctx.issuer.we}将从以下方面加以改进：" + "".join(
        f"{ORDINALS[i]}{f}；" for i, f in enumerate(fixes)).rstrip("；") + "。"
    return [first, second]


def closing_2021(ctx: Context) -> list:
    return [ctx.rng.choice((
        f"{ctx.year}年度，{ctx.issuer.we}未收取政府信息公开信息处理费。",
        "本年度未向申请人收取信息处理费，无其他需要报告的事项。",
        "按照《政府信息公开信息处理费管理办法》的规定，本年度共收取信息处理费0元。",
    ))]


def closing_2019(ctx: Context) -> list:
    return [ctx.rng.choice(("无其他需要报告的事项。", f"本年度{ctx.issuer.we}无其他需要报告的事项。"))]


def compose_2021(ctx: Context) -> list:
    return compose_national(ctx, table2_rows_2021(ctx.tables.cells, ctx.style), overview_2021(ctx), closing_2021(ctx))


def compose_2019(ctx: Context) -> list:
    return compose_national(ctx, table2_rows_2019(ctx.tables.cells, ctx.style), overview_2019(ctx), closing_2019(ctx))


# --------------------------------------------------------------------------------------------------
# Era registry
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EraSpec:
    """One report format: the years it covers, how its figures are drawn, how a document is laid out,
    and when the page is usually published (days after 1 January of the next year)."""

    name: str
    years: tuple
    draw: Callable[[random.Random, Issuer, Style], Tables]
    compose: Callable[[Context], list]
    publish_window: tuple


ERAS = {
    "2019": EraSpec("2019", (2019, 2020), draw_2019, compose_2019, (10, 190)),
    "2021": EraSpec("2021", (2021, 2022, 2023, 2024), draw_2021, compose_2021, (5, 89)),
}


# --------------------------------------------------------------------------------------------------
# generate / encode / write
# --------------------------------------------------------------------------------------------------


def assignment(index: int, eras: Sequence[str] = DEFAULT_ERAS) -> tuple:
    """(era, layout, encoding) of document `index` in a corpus over `eras` (see the module docstring)."""
    era = eras[index % len(eras)]
    layout = LAYOUTS[(index // len(eras)) % len(LAYOUTS)]
    encoding = "gb18030" if index % 5 == 2 else "utf-8"
    return era, layout, encoding


def document_name(index: int, era: str, layout: str, encoding: str) -> str:
    """File stem of a generated document, e.g. ``0003_2021_row_per_line_spaces_utf-8``."""
    return f"{index:04d}_{era}_{layout}_{encoding}"


def check_arguments(era: str, layout: str, encoding: str) -> None:
    if era not in ERAS:
        raise ValueError(f"unknown era {era!r}; known: {', '.join(sorted(ERAS))}")
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown encoding {encoding!r}; known: {', '.join(ENCODINGS)}")


def generate(seed: int, index: int, era: str, layout: str, encoding: str = "utf-8") -> tuple:
    """Build one synthetic report: returns ``(text, truth)``.

    ``text`` is the report as a str (``encode(text, encoding)`` gives the file's bytes); ``truth``
    is its gold-format record with ``source`` = ``corpus/<document_name(...)>.txt``. The same
    arguments always give the same result."""
    check_arguments(era, layout, encoding)
    spec = ERAS[era]
    rng = random.Random(f"gkparse-corpus/{seed}/{index}/{era}/content")
    style = draw_style(random.Random(f"gkparse-corpus/{seed}/{index}/{era}/{layout}/{encoding}/style"), layout)
    issuer = draw_issuer(rng)
    year = rng.choice(spec.years)
    published = date(year + 1, 1, 1) + timedelta(days=rng.randint(*spec.publish_window))
    ctx = Context(era, year, issuer, published, style, spec.draw(rng, issuer, style), rng)
    text = render(spec.compose(ctx), style, random.Random(f"gkparse-corpus/{seed}/{index}/{layout}/gaps"))
    name = document_name(index, era, layout, encoding)
    return text, truth_record(ctx, name, seed, index, layout, encoding)


def truth_record(ctx: Context, name: str, seed: int, index: int, layout: str, encoding: str) -> dict:
    """The gold-format record of a generated document."""
    meta = {
        "meta.title": title_of(ctx),
        "meta.issuer": ctx.issuer.name,
        "meta.year": ctx.year,
        "meta.published_on": ctx.published.isoformat(),
        "meta.period_start": f"{ctx.year}-01-01",
        "meta.period_end": f"{ctx.year}-12-31",
        "meta.era": ctx.era,
        "meta.script": "simplified",
    }
    table = {k: wan_text(v) if isinstance(v, Decimal) else v for k, v in ctx.tables.truth.items()}
    return {
        "source": f"corpus/{name}.txt",
        "fields": {**meta, **table},
        "optional": {"meta.level": ctx.issuer.level},
        "diagnostics": [],
        "notes": f"generated: seed {seed} index {index} layout {layout} encoding {encoding}",
    }


def encode(text: str, encoding: str) -> bytes:
    """The bytes written for a document: the text in its encoding, newlines kept as \\n."""
    return text.encode(encoding)


NOT_A_REPORT = """\
首页 > 本地新闻 > 城事

翠湾湿地公园今日正式开园 市民可免费入园游览

发布时间：2024-05-01 09:30   来源：城市生活频道

本站讯 经过近两年的建设，位于城区西北角的翠湾湿地公园于今天上午正式向市民开放。公园总面积约六十公顷，沿河布置了三公里长的木栈道和两处观鸟平台，园内种植芦苇、菖蒲、睡莲等水生植物四十余种。

开园当天，不少市民一早就带着孩子来到公园。家住附近的一位居民说，以前这里是一片荒地，现在成了散步、跑步的好去处。公园管理处介绍，园区每天6时至22时开放，节假日期间将增设临时停车点，并安排志愿者在主要入口引导游客。

据了解，公园二期工程计划明年动工，将新建一座自然科普馆和一片儿童游乐区域。管理处提醒游客爱护园内设施，不要投喂野生鸟类，不要在水边嬉戏。

【打印本页】  【关闭窗口】
"""

# File stem -> (text, expected error type, note) of the inputs that are not reports.
NON_REPORTS = {
    "not_a_report": (NOT_A_REPORT, "NotAReportError", "not a report: a local news item about a park opening"),
    "empty": ("", "EmptyInputError", "not a report: zero bytes"),
}


def non_report_truth(stem: str) -> dict:
    _, error, note = NON_REPORTS[stem]
    return {"source": f"corpus/{stem}.txt", "fields": {}, "diagnostics": [], "error": error, "notes": note}


def dump_json(record: dict) -> bytes:
    """Truth files: UTF-8 JSON, one-space indent, key order as built, final newline."""
    return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_corpus(out_dir, count: int, seed: int, eras: Sequence[str] = DEFAULT_ERAS, non_reports: bool = True) -> list:
    """Write `count` reports to ``out_dir/corpus`` and their truth to ``out_dir/truth`` (plus the two
    non-reports unless `non_reports` is false). Existing files of the same names are overwritten;
    nothing else is touched. Returns the report paths written, in order."""
    out = Path(out_dir)
    corpus, truth = out / "corpus", out / "truth"
    corpus.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        era, layout, encoding = assignment(index, eras)
        text, record = generate(seed, index, era, layout, encoding)
        stem = document_name(index, era, layout, encoding)
        (corpus / f"{stem}.txt").write_bytes(encode(text, encoding))
        (truth / f"{stem}.json").write_bytes(dump_json(record))
        written.append(corpus / f"{stem}.txt")
    if non_reports:
        for stem, (text, _, _) in NON_REPORTS.items():
            (corpus / f"{stem}.txt").write_bytes(text.encode("utf-8"))
            (truth / f"{stem}.json").write_bytes(dump_json(non_report_truth(stem)))
            written.append(corpus / f"{stem}.txt")
    return written


def parse_eras(value: str) -> tuple:
    eras = tuple(e.strip() for e in value.split(",") if e.strip())
    unknown = [e for e in eras if e not in ERAS]
    if not eras or unknown:
        raise argparse.ArgumentTypeError(f"eras must be a comma-separated subset of {', '.join(sorted(ERAS))}")
    return eras


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Write synthetic 政府信息公开工作年度报告 with their true values.")
    parser.add_argument("--out", required=True, type=Path, help="output directory (gets corpus/ and truth/)")
    parser.add_argument("--count", required=True, type=int, help="number of reports")
    parser.add_argument("--seed", required=True, type=int, help="random seed")
    parser.add_argument("--eras", type=parse_eras, default=DEFAULT_ERAS, help="comma-separated, default 2019,2021")
    parser.add_argument("--no-non-reports", action="store_true", help="leave out not_a_report.txt and empty.txt")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.count < 0:
        print("--count must be >= 0", file=sys.stderr)
        return 2
    written = write_corpus(args.out, args.count, args.seed, args.eras, non_reports=not args.no_non_reports)
    print(f"wrote {len(written)} documents to {args.out / 'corpus'} and their truth to {args.out / 'truth'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
