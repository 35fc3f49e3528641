"""A small builder of crawled-text annual reports (one cell per line) for the tests.

``default_values(era)`` gives a complete set of table values, keyed by the flat keys of fields.md,
for which every hard invariant of templates.md §4 holds (T3.1, T3.2, T3.3, T4.1, no negative
counts). ``render_report(values, year=...)`` prints them as a report of the national 2019 or 2021
format: title, date line, preamble with the statistical period, the six sections with a sentence of
prose each, and tables 2, 3 and 4 linearised the way crawled pages linearise them (headers in header
order, then each row label followed by its values).

Tests take the default values, perturb one or a few cells, render, and parse.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Mapping, Optional, Union

Value = Union[int, Decimal, str]

COLUMNS = ("natural_person", "commercial", "research", "public_welfare", "legal_services", "other_org", "total")
ORG_COLUMNS = COLUMNS[:-1]
BLOCKS = ("review", "litigation_direct", "litigation_after_review")
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")

ISSUER = "青禾县人民政府"
PUBLISHED = {2019: "2020-02-27", 2020: "2021-03-05", 2021: "2022-01-28", 2022: "2023-02-14", 2023: "2024-01-30"}


def era_of(year: int) -> str:
    return "2019" if year <= 2020 else "2021"


# --------------------------------------------------------------------------- table 3 layout

# (kind, key or None, printed label). "group" labels carry no values.
_T3_HEAD = (
    ("row", "new", "一、本年新收政府信息公开申请数量"),
    ("row", "carried_over", "二、上年结转政府信息公开申请数量"),
    ("group", None, "三、本年度办理结果"),
    ("row", "granted", "（一）予以公开"),
    ("row", "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("group", None, "（三）不予公开"),
    ("row", "denied_state_secret", "1.属于国家秘密"),
    ("row", "denied_prohibited", "2.其他法律行政法规禁止公开"),
    ("row", "denied_security", "3.危及“三安全一稳定”"),
    ("row", "denied_third_party", "4.保护第三方合法权益"),
    ("row", "denied_internal", "5.属于三类内部事务信息"),
    ("row", "denied_process", "6.属于四类过程性信息"),
    ("row", "denied_enforcement", "7.属于行政执法案卷"),
    ("row", "denied_query", "8.属于行政查询事项"),
    ("group", None, "（四）无法提供"),
    ("row", "unable_not_held", "1.本机关不掌握相关政府信息"),
    ("row", "unable_needs_creation", "2.没有现成信息需要另行制作"),
    ("row", "unable_unclear", "3.补正后申请内容仍不明确"),
    ("group", None, "（五）不予处理"),
    ("row", "rejected_petition", "1.信访举报投诉类申请"),
    ("row", "rejected_duplicate", "2.重复申请"),
    ("row", "rejected_publication", "3.要求提供公开出版物"),
    ("row", "rejected_excessive", "4.无正当理由大量反复申请"),
    ("row", "rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
)
_T3_OTHER = {
    "2019": (("row", "other", "（六）其他处理"),),
    "2021": (
        ("group", None, "（六）其他处理"),
        ("row", "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("row", "other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("row", "other_misc", "3.其他"),
    ),
}
_T3_TAIL = (
    ("row", "processed_total", "（七）总计"),
    ("row", "carried_forward", "四、结转下年度继续办理"),
)
T3_HEADER = ("申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


def table3_layout(era: str):
    return _T3_HEAD + _T3_OTHER[era] + _T3_TAIL


def table3_rows(era: str) -> tuple[str, ...]:
    """The printed data rows of table 3, in order."""
    return tuple(key for kind, key, _ in table3_layout(era) if kind == "row")


def outcome_rows(era: str) -> tuple[str, ...]:
    """The rows whose sum is （七）总计 (T3.2)."""
    return tuple(r for r in table3_rows(era) if r not in ("new", "carried_over", "processed_total", "carried_forward"))


# The six organisation columns of each printed outcome row (2021 sub-rows of （六）; the 2019 row
# `other` is their sum). Totals, （七）总计 and 结转下年度 are derived so that every invariant holds.
_OUTCOMES = {
    "granted": (12, 3, 1, 0, 2, 1),
    "partial": (12, 1, 0, 1, 0, 0),
    "denied_state_secret": (1, 0, 0, 0, 0, 0),
    "denied_prohibited": (0, 0, 0, 0, 0, 0),
    "denied_security": (1, 0, 0, 0, 0, 0),
    "denied_third_party": (3, 1, 0, 0, 0, 0),
    "denied_internal": (2, 0, 0, 0, 0, 0),
    "denied_process": (4, 1, 0, 0, 1, 0),
    "denied_enforcement": (1, 0, 0, 0, 0, 0),
    "denied_query": (2, 0, 0, 0, 0, 1),
    "unable_not_held": (12, 2, 0, 1, 1, 0),
    "unable_needs_creation": (3, 0, 1, 0, 0, 0),
    "unable_unclear": (2, 0, 0, 0, 0, 0),
    "rejected_petition": (5, 0, 0, 0, 0, 0),
    "rejected_duplicate": (2, 1, 0, 0, 0, 0),
    "rejected_publication": (1, 0, 0, 0, 0, 0),
    "rejected_excessive": (3, 0, 0, 0, 0, 0),
    "rejected_confirmation": (1, 0, 0, 0, 0, 0),
    "other_no_correction": (2, 0, 0, 0, 0, 0),
    "other_fee_unpaid": (1, 1, 0, 0, 0, 0),
    "other_misc": (2, 0, 0, 0, 1, 0),
}
_NEW = (70, 11, 2, 3, 6, 2)
_CARRIED_OVER = (6, 2, 0, 0, 1, 0)


def _with_total(orgs) -> dict[str, int]:
    row = dict(zip(ORG_COLUMNS, orgs))
    row["total"] = sum(orgs)
    return row


def table3_values(era: str) -> dict[str, int]:
    """Valid values of table 3 in the given era's form, by flat key."""
    rows: dict[str, tuple[int, ...]] = {"new": _NEW, "carried_over": _CARRIED_OVER}
    subs = ("other_no_correction", "other_fee_unpaid", "other_misc")
    for key, orgs in _OUTCOMES.items():
        if era == "2019" and key in subs:
            continue
        rows[key] = orgs
    if era == "2019":
        rows["other"] = tuple(sum(_OUTCOMES[s][n] for s in subs) for n in range(6))
    processed = tuple(sum(rows[r][n] for r in outcome_rows(era)) for n in range(6))
    rows["processed_total"] = processed
    forward = tuple(_NEW[n] + _CARRIED_OVER[n] - processed[n] for n in range(6))
    assert all(v >= 0 for v in forward), forward
    rows["carried_forward"] = forward
    out = {}
    for key in table3_rows(era):
        for col, v in _with_total(rows[key]).items():
            out[f"applications.{key}.{col}"] = v
    return out


# --------------------------------------------------------------------------- table 2


def table2_values(era: str) -> dict[str, Value]:
    if era == "2021":
        return {
            "active.rules.issued": 2,
            "active.rules.repealed": 1,
            "active.rules.in_force": 15,
            "active.normative_docs.issued": 7,
            "active.normative_docs.repealed": 3,
            "active.normative_docs.in_force": 48,
            "active.licensing.decisions": 1260,
            "active.penalty.decisions": 87,
            "active.coercion.decisions": 9,
            "active.fees.amount_wan": Decimal("23.45"),
        }
    return {
        "active.rules.made": 1,
        "active.rules.published": 1,
        "active.rules.total": 12,
        "active.normative_docs.made": 6,
        "active.normative_docs.published": 6,
        "active.normative_docs.total": 40,
        "active.licensing.prev_items": 120,
        "active.licensing.net_change": 5,
        "active.licensing.decisions": 980,
        "active.other_services.prev_items": 30,
        "active.other_services.net_change": -2,
        "active.other_services.decisions": 14,
        "active.penalty.prev_items": 45,
        "active.penalty.net_change": 0,
        "active.penalty.decisions": 66,
        "active.coercion.prev_items": 8,
        "active.coercion.net_change": 1,
        "active.coercion.decisions": 4,
        "active.fees.prev_items": 6,
        "active.fees.net_change": -1,
        "active.procurement.projects": 18,
        "active.procurement.amount_wan": Decimal("36.125"),
    }


# --------------------------------------------------------------------------- table 4


def table4_values() -> dict[str, int]:
    blocks = {
        "review": (2, 1, 1, 1),
        "litigation_direct": (1, 1, 0, 2),
        "litigation_after_review": (1, 0, 1, 1),
    }
    out = {}
    for block, parts in blocks.items():
        for col, v in zip(OUTCOMES, parts + (sum(parts),)):
            out[f"{block}.{col}"] = v
    return out


def default_values(era: str, *, active_era: Optional[str] = None, applications_era: Optional[str] = None) -> dict[str, Value]:
    """Valid values of every table of a report of ``era``; a table may be given in another era's form."""
    return {
        **table2_values(active_era or era),
        **table3_values(applications_era or era),
        **table4_values(),
    }


def expected_flat(values: Mapping[str, Value]) -> dict[str, object]:
    """The flat form gkparse should give for ``values``: ints stay ints, money is a decimal string."""
    out: dict[str, object] = {}
    for key, v in values.items():
        if isinstance(v, Decimal):
            text = format(v, "f")
            out[key] = text.rstrip("0").rstrip(".") if "." in text else text
        else:
            out[key] = v
    return out


# --------------------------------------------------------------------------- rendering


def _cell(v: Value) -> str:
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


def _render_table2(values: Mapping[str, Value], era: str) -> list[str]:
    v = lambda key: _cell(values[key])  # noqa: E731
    if era == "2021":
        return [
            "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
            "规章", v("active.rules.issued"), v("active.rules.repealed"), v("active.rules.in_force"),
            "行政规范性文件", v("active.normative_docs.issued"), v("active.normative_docs.repealed"), v("active.normative_docs.in_force"),
            "第二十条第（五）项", "信息内容", "本年处理决定数量",
            "行政许可", v("active.licensing.decisions"),
            "第二十条第（六）项", "信息内容", "本年处理决定数量",
            "行政处罚", v("active.penalty.decisions"),
            "行政强制", v("active.coercion.decisions"),
            "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）",
            "行政事业性收费", v("active.fees.amount_wan"),
        ]  # fmt: skip
    items_header = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    return [
        "第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
        "规章", v("active.rules.made"), v("active.rules.published"), v("active.rules.total"),
        "规范性文件", v("active.normative_docs.made"), v("active.normative_docs.published"), v("active.normative_docs.total"),
        "第二十条第（五）项", *items_header,
        "行政许可", v("active.licensing.prev_items"), v("active.licensing.net_change"), v("active.licensing.decisions"),
        "其他对外管理服务事项", v("active.other_services.prev_items"), v("active.other_services.net_change"), v("active.other_services.decisions"),
        "第二十条第（六）项", *items_header,
        "行政处罚", v("active.penalty.prev_items"), v("active.penalty.net_change"), v("active.penalty.decisions"),
        "行政强制", v("active.coercion.prev_items"), v("active.coercion.net_change"), v("active.coercion.decisions"),
        "第二十条第（八）项", "信息内容", "上一年项目数量", "本年增/减",
        "行政事业性收费", v("active.fees.prev_items"), v("active.fees.net_change"),
        "第二十条第（九）项", "信息内容", "采购项目数量", "采购总金额",
        "政府集中采购", v("active.procurement.projects"), v("active.procurement.amount_wan") + "万元",
    ]  # fmt: skip


def _render_table3(values: Mapping[str, Value], era: str) -> list[str]:
    lines = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", *T3_HEADER]
    for kind, key, label in table3_layout(era):
        lines.append(label)
        if kind == "row":
            lines.extend(_cell(values[f"applications.{key}.{c}"]) for c in COLUMNS)
    return lines


def _render_table4(values: Mapping[str, Value]) -> list[str]:
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    lines = ["行政复议", "行政诉讼", *heads, "未经复议直接起诉", "复议后起诉", *heads, *heads]
    lines.extend(_cell(values[f"{b}.{c}"]) for b in BLOCKS for c in OUTCOMES)
    return lines


def render_report(
    values: Mapping[str, Value],
    *,
    year: int,
    issuer: str = ISSUER,
    published: Optional[str] = None,
    period: Optional[str] = None,
    active_era: Optional[str] = None,
    applications_era: Optional[str] = None,
    omit: Iterable[str] = (),
) -> str:
    """The crawled text of a report for ``year``.

    ``period`` replaces the printed statistical period (default: 1 January – 31 December of
    ``year``); ``active_era``/``applications_era`` print table 2/3 in another era's form (the values
    must then hold that form's keys); ``omit`` names tables (``"active"``, ``"applications"``,
    ``"review_litigation"``) whose sections keep only their heading and prose.
    """
    era = era_of(year)
    omit = set(omit)
    period = period or f"{year}年1月1日至{year}年12月31日"
    published = published or PUBLISHED.get(year, f"{year + 1}-02-01")
    lines = [
        "首页 > 政府信息公开 > 政府信息公开年报",
        f"{issuer}{year}年政府信息公开工作年度报告",
        f"日期:{published}",
        (
            f"本报告依据《中华人民共和国政府信息公开条例》和上级有关要求，由{issuer}办公室编制。"
            f"本报告中所列数据的统计期限自{period}。如对本报告有疑问，请与本机关政务公开办公室联系。"
        ),
        "一、总体情况",
        f"{year}年，本机关坚持以公开为常态、不公开为例外，依法规范办理各类申请，持续提升政务公开质量。",
        "二、主动公开政府信息情况",
        "本机关通过门户网站、政务新媒体和公开查阅点及时主动公开政府信息，具体情况见下表。",
    ]
    if "active" not in omit:
        lines += _render_table2(values, active_era or era)
    lines += [
        "三、收到和处理政府信息公开申请情况",
        "本机关严格落实依申请公开登记、审核、答复等各环节要求，办理情况统计如下。",
    ]
    if "applications" not in omit:
        lines += _render_table3(values, applications_era or era)
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "本机关因政府信息公开工作被申请复议和被起诉的案件统计如下。",
    ]
    if "review_litigation" not in omit:
        lines += _render_table4(values)
    lines += [
        "五、存在的主要问题及改进情况",
        "政策解读形式还不够丰富，部分栏目更新不够及时，下一步将加强培训和日常督促检查。",
        "六、其他需要报告的事项",
        "本年度本机关未收取信息处理费，无其他需要报告的事项。",
        "责任编辑：政务公开办公室",
    ]
    return "\n".join(lines) + "\n"
