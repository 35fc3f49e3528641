"""Eras 2019 (国办公开办函〔2019〕60号, 格式（试行）) and 2021 (国办公开办函〔2021〕30号): the figures of
tables 2, 3 and 4, the tables as text rows and as HTML grids, and the six-part document around them.

The order of every draw from the content stream is fixed: the committed samples/ are regenerated
byte for byte from it, so a change here that consumes the stream differently changes the corpus.
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal
from typing import Sequence

from .common import (
    BREADCRUMBS, CN_NUMBERS, FOOTERS, Cell, Context, Issuer, Style, TableBlock, Tables, caption, count_draw,
    data, date_line, header, money_cell, paras, period_text, punct, spaced, spaced_more, title_of, wan_text,
)

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
        data(spaced_more("行政许可", style), c["active.licensing.decisions"]),
        caption(punct("第二十条第（六）项", style)),
        header(spaced("信息内容", style), "本年处理决定数量"),
        data(spaced_more("行政处罚", style), c["active.penalty.decisions"]),
        data(spaced_more("行政强制", style), c["active.coercion.decisions"]),
        caption(punct("第二十条第（八）项", style)),
        header(spaced("信息内容", style), punct("本年收费金额（单位：万元）", style)),
        data(spaced_more("行政事业性收费", style), c["active.fees.amount_wan"]),
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
        data(spaced_more("行政许可", style), *(c[f"active.licensing.{k}"] for k in three)),
        data("其他对外管理服务事项", *(c[f"active.other_services.{k}"] for k in three)),
        caption(punct("第二十条第（六）项", style)),
        header(spaced("信息内容", style), *items),
        data(spaced_more("行政处罚", style), *(c[f"active.penalty.{k}"] for k in three)),
        data(spaced_more("行政强制", style), *(c[f"active.coercion.{k}"] for k in three)),
        caption(punct("第二十条第（八）项", style)),
        header(spaced("信息内容", style), *items[:2]),
        data(spaced_more("行政事业性收费", style), c["active.fees.prev_items"], c["active.fees.net_change"]),
        caption(punct("第二十条第（九）项", style)),
        header(spaced("信息内容", style), "采购项目数量", "采购总金额"),
        data(spaced_more("政府集中采购", style), c["active.procurement.projects"], c["active.procurement.amount_wan"]),
    ]


# --------------------------------------------------------------------------------------------------
# Tables 3 and 4 (shared by the 2019 and 2021 formats) as rows of cells.
# --------------------------------------------------------------------------------------------------


def table3_rows(cells: dict, era: str, style: Style) -> list:
    """Table 3 with its header linearised in header order (申请人情况 / 自然人 / 法人或其他组织 / 总计 /
    商业企业 …) while the data run in template order (自然人, five organisations, 总计)."""
    note = punct("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", style)
    rows = [
        header(note, spaced_more("申请人情况", style)),
        header(spaced("自然人", style), spaced_more("法人或其他组织", style), spaced("总计", style)),
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
# The same tables as HTML grids, with the spans of the official forms.
# --------------------------------------------------------------------------------------------------


def _label(text: str) -> Cell:
    return Cell(text, "label")


def _values(*texts, colspan: int = 1) -> list:
    return [Cell(str(t), "value", colspan=colspan) for t in texts]


def table2_grid_2021(cells: dict, style: Style) -> list:
    """Table 2 of 2021 on a 4-column grid: caption rows colspan 4, single values colspan 3."""
    c = cells
    info = spaced("信息内容", style)
    decisions_head = [_label(info), Cell("本年处理决定数量", "header", colspan=3)]
    return [
        [Cell(punct("第二十条第（一）项", style), "caption", colspan=4)],
        [Cell(info, "header"), Cell("本年制发件数", "header"), Cell("本年废止件数", "header"), Cell("现行有效件数", "header")],
        [_label(spaced("规章", style)), *_values(*(c[f"active.rules.{k}"] for k in ("issued", "repealed", "in_force")))],
        [_label("行政规范性文件"), *_values(*(c[f"active.normative_docs.{k}"] for k in ("issued", "repealed", "in_force")))],
        [Cell(punct("第二十条第（五）项", style), "caption", colspan=4)],
        decisions_head,
        [_label(spaced_more("行政许可", style)), *_values(c["active.licensing.decisions"], colspan=3)],
        [Cell(punct("第二十条第（六）项", style), "caption", colspan=4)],
        decisions_head,
        [_label(spaced_more("行政处罚", style)), *_values(c["active.penalty.decisions"], colspan=3)],
        [_label(spaced_more("行政强制", style)), *_values(c["active.coercion.decisions"], colspan=3)],
        [Cell(punct("第二十条第（八）项", style), "caption", colspan=4)],
        [_label(info), Cell(punct("本年收费金额（单位：万元）", style), "header", colspan=3)],
        [_label(spaced_more("行政事业性收费", style)), *_values(c["active.fees.amount_wan"], colspan=3)],
    ]


def table2_grid_2019(cells: dict, style: Style) -> list:
    """Table 2 of 2019 on a 4-column grid; the two-value rows of (八) and (九) span the last two columns."""
    c = cells
    info = spaced("信息内容", style)
    change = "本年增/减" if style.half_width or not style.spaced else "本年增／减"
    three = ("prev_items", "net_change", "decisions")
    items_head = [Cell(info, "header"), Cell("上一年项目数量", "header"), Cell(change, "header"), Cell("处理决定数量", "header")]
    return [
        [Cell(punct("第二十条第（一）项", style), "caption", colspan=4)],
        [Cell(info, "header"), Cell("本年新制作数量", "header"), Cell("本年新公开数量", "header"), Cell("对外公开总数量", "header")],
        [_label(spaced("规章", style)), *_values(*(c[f"active.rules.{k}"] for k in ("made", "published", "total")))],
        [_label("规范性文件"), *_values(*(c[f"active.normative_docs.{k}"] for k in ("made", "published", "total")))],
        [Cell(punct("第二十条第（五）项", style), "caption", colspan=4)],
        items_head,
        [_label(spaced_more("行政许可", style)), *_values(*(c[f"active.licensing.{k}"] for k in three))],
        [_label("其他对外管理服务事项"), *_values(*(c[f"active.other_services.{k}"] for k in three))],
        [Cell(punct("第二十条第（六）项", style), "caption", colspan=4)],
        items_head,
        [_label(spaced_more("行政处罚", style)), *_values(*(c[f"active.penalty.{k}"] for k in three))],
        [_label(spaced_more("行政强制", style)), *_values(*(c[f"active.coercion.{k}"] for k in three))],
        [Cell(punct("第二十条第（八）项", style), "caption", colspan=4)],
        [Cell(info, "header"), Cell("上一年项目数量", "header"), Cell(change, "header", colspan=2)],
        [_label(spaced_more("行政事业性收费", style)), *_values(c["active.fees.prev_items"]),
         *_values(c["active.fees.net_change"], colspan=2)],
        [Cell(punct("第二十条第（九）项", style), "caption", colspan=4)],
        [Cell(info, "header"), Cell("采购项目数量", "header"), Cell("采购总金额", "header", colspan=2)],
        [_label(spaced_more("政府集中采购", style)), *_values(c["active.procurement.projects"]),
         *_values(c["active.procurement.amount_wan"], colspan=2)],
    ]


# Row-spanning group cells of table 3: printed on the first row they span, with that span.
GROUP_SPANS = {"denied_state_secret": ("（三）不予公开", 8), "unable_not_held": ("（四）无法提供", 3),
               "rejected_petition": ("（五）不予处理", 5)}


def table3_grid(cells: dict, era: str, style: Style, options: dict) -> list:
    """Table 3 on its 10-column grid: the 勾稽关系 note (rowspan 3, colspan 3), 申请人情况 (colspan 7),
    自然人 and 总计 (rowspan 2), 法人或其他组织 (colspan 5); 三、本年度办理结果 spans the 20 (2019) or 22
    (2021) result rows, （三）（四）（五） and the 2021 （六） span their sub-rows.

    ``options["blank_zero_orgs"]``: the five organisation cells of every row where all five are 0 are
    left blank, as some CMS pages print them. 总计 then equals 自然人 in that row, which proves the blanks
    are 0, so the truth keeps them as 0 (fields.md: blank cells proven zero are filled as 0)."""
    note = punct("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", style)
    grid = [
        [Cell(note, "note", rowspan=3, colspan=3), Cell(spaced_more("申请人情况", style), "header", colspan=7)],
        [Cell(spaced("自然人", style), "header", rowspan=2), Cell(spaced_more("法人或其他组织", style), "header", colspan=5),
         Cell(spaced("总计", style), "header", rowspan=2)],
        [Cell(t, "header") for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
    ]
    blank = options.get("blank_zero_orgs", False)
    results = len(outcome_rows(era)) + 1
    for row in application_rows(era):
        label = punct(ROW_LABELS[row] if row != "processed_total" else "（七）" + spaced("总计", style), style)
        if row in ("new", "carried_over", "carried_forward"):
            first = [Cell(label, "label", colspan=3)]
        elif row in ("granted", "partial", "processed_total") or (row == "other"):
            first = [Cell(label, "label", colspan=2)]
        else:
            first = [_label(label)]
        if row == "granted":
            first.insert(0, Cell(punct("三、本年度办理结果", style), "label", rowspan=results))
        group = GROUP_SPANS.get(row) or (("（六）其他处理", 3) if row == "other_no_correction" else None)
        if group:
            first.insert(0, Cell(punct(group[0], style), "label", rowspan=group[1]))
        values = [cells[f"applications.{row}.{col}"] for col in ALL_COLUMNS]
        orgs_zero = all(v == "0" for v in values[1:6])
        value_cells = [Cell(v, "blank" if blank and orgs_zero and 1 <= i <= 5 else "value") for i, v in enumerate(values)]
        grid.append(first + value_cells)
    return grid


def table4_grid(cells: dict, style: Style) -> list:
    """Table 4: 行政复议 (colspan 5) | 行政诉讼 (colspan 10); the five results (rowspan 2) |
    未经复议直接起诉 (colspan 5) | 复议后起诉 (colspan 5); ten sub-headings; one row of 15 numbers."""
    results = [spaced(t, style) if t == "总计" else t for t in RESULT_LABELS]
    return [
        [Cell(spaced("行政复议", style), "header", colspan=5), Cell(spaced("行政诉讼", style, wide=True), "header", colspan=10)],
        [*(Cell(t, "header", rowspan=2) for t in results), Cell("未经复议直接起诉", "header", colspan=5),
         Cell("复议后起诉", "header", colspan=5)],
        [Cell(t, "header") for t in results * 2],
        _values(*(cells[f"{block}.{name}"] for block in REVIEW_BLOCKS for name in RESULT_FIELDS)),
    ]


# --------------------------------------------------------------------------------------------------
# The document: title, date line, preamble, the six sections.
# --------------------------------------------------------------------------------------------------

FORMAT_NOTICES = {
    "2019": "《中华人民共和国政府信息公开工作年度报告格式（试行）》",
    "2021": "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
}


def header_blocks(ctx: Context) -> list:
    """Breadcrumb, (page title), title, date line and preamble."""
    style = ctx.style
    blocks = []
    if style.breadcrumb:
        blocks.append(("breadcrumb", BREADCRUMBS[style.breadcrumb]))
    if style.page_title:
        blocks.append(("page_title", title_of(ctx)))
    blocks.append(("title", title_of(ctx)))
    blocks.append(("dateline", punct(date_line(ctx), style)))
    blocks.append(("preamble", punct(preamble(ctx), style)))
    return blocks


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
    return ("heading", f"{CN_NUMBERS[number - 1]}、" + ctx.rng.choice(variants))


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


def compose_national(ctx: Context, table2: TableBlock, overview: list, closing: list) -> list:
    """The six-part document of the 2019 and 2021 formats, tables 2–4 inside sections 二–四."""
    cells, era, style = ctx.tables.cells, ctx.era, ctx.style
    tables = {
        2: table2,
        3: TableBlock("table3", lambda: table3_rows(cells, era, style), lambda o: table3_grid(cells, era, style, o)),
        4: TableBlock("table4", lambda: table4_rows(cells, style), lambda o: table4_grid(cells, style)),
    }
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
        blocks.append(("footer", FOOTERS[ctx.style.footer]))
    return blocks


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
    cells, style = ctx.tables.cells, ctx.style
    table2 = TableBlock("table2_2021", lambda: table2_rows_2021(cells, style), lambda o: table2_grid_2021(cells, style))
    return compose_national(ctx, table2, overview_2021(ctx), closing_2021(ctx))


def compose_2019(ctx: Context) -> list:
    cells, style = ctx.tables.cells, ctx.style
    table2 = TableBlock("table2_2019", lambda: table2_rows_2019(cells, style), lambda o: table2_grid_2019(cells, style))
    return compose_national(ctx, table2, overview_2019(ctx), closing_2019(ctx))


def draw_2021_era(rng: random.Random, issuer: Issuer, style: Style, year: int) -> Tables:
    return draw_2021(rng, issuer, style)


def draw_2019_era(rng: random.Random, issuer: Issuer, style: Style, year: int) -> Tables:
    return draw_2019(rng, issuer, style)
