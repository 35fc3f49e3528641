"""A small builder of crawled-text annual reports (one cell per line) for the tests.

``default_values(era)`` gives a complete set of table values, keyed by the flat keys of fields.md,
for which every hard invariant of templates.md §4 holds (T3.1, T3.2, T3.3, T4.1, no negative
counts). ``render_report(values, year=...)`` prints them as a report of the national 2019 or 2021
format: title, date line, preamble with the statistical period, the six sections with a sentence of
prose each, and tables 2, 3 and 4 linearised the way crawled pages linearise them (headers in header
order, then each row label followed by its values).

Tests take the default values, perturb one or a few cells, render, and parse.

``render_report(..., glue={row: mode})`` prints chosen rows with their cells glued together, as
crawlers without cell separators do (see :data:`GLUE_MODES`). ``legacy_values()`` and
``render_legacy_report(values)`` do the same for the era-2008 statistical form (A1–A6 hold).
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


# --------------------------------------------------------------------------- glued cells
#
# Crawled text without cell separators glues a row's cells together (templates.md §5.2). A
# ``glue`` mapping (row key → mode) prints chosen rows that way; rows it does not name print as
# before, one cell per line:
#
#   "run"    the row's cells as one line:           label / 352000037
#   "tail"   the cells glued onto the row's label:  label352000037
#   "next"   the cells glued onto the next label:   label / 3520000376.属于四类过程性信息
#   "lastN"  the last N cells glued onto the next label, the others apart
#
# In the era-2008 form a row's cells are its unit and its value, so "run" glues the unit before
# the value (件12) and "last1" glues only the value onto the next label.
GLUE_MODES = ("run", "tail", "next", "last1", "last2", "last3")


def glue_lines(items: Iterable[tuple[Optional[str], str, list[str]]], glue: Mapping[str, str]) -> list[str]:
    """Print ``(row key or None, label, cells)`` items one cell per line, glued as ``glue`` says."""
    lines: list[str] = []
    carry = ""  # cells glued onto the next label
    for key, label, cells in items:
        label, carry = carry + label, ""
        mode = glue.get(key) if key is not None else None
        if mode is None:
            lines += [label, *cells]
        elif mode == "run":
            lines += [label, "".join(cells)]
        elif mode == "tail":
            lines.append(label + "".join(cells))
        elif mode == "next":
            lines.append(label)
            carry = "".join(cells)
        elif mode.startswith("last") and 0 < int(mode[4:]) <= len(cells):
            n = int(mode[4:])
            lines += [label, *cells[:-n]]
            carry = "".join(cells[-n:])
        else:
            raise ValueError(f"unknown glue mode {mode!r} for {key!r}")
    if carry:
        raise ValueError("the last row has no next label to glue onto")
    return lines


def _render_table3(values: Mapping[str, Value], era: str, glue: Mapping[str, str] = {}) -> list[str]:
    items = [
        (key, label, [_cell(values[f"applications.{key}.{c}"]) for c in COLUMNS] if kind == "row" else [])
        for kind, key, label in table3_layout(era)
    ]
    return ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", *T3_HEADER, *glue_lines(items, glue)]


def _render_table4(values: Mapping[str, Value], glue: Mapping[str, str] = {}) -> list[str]:
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    lines = ["行政复议", "行政诉讼", *heads, "未经复议直接起诉", "复议后起诉", *heads, *heads]
    cells = [_cell(values[f"{b}.{c}"]) for b in BLOCKS for c in OUTCOMES]
    if glue.get("review_litigation") == "run":
        cells = ["".join(cells)]
    lines.extend(cells)
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
    glue: Mapping[str, str] = {},
) -> str:
    """The crawled text of a report for ``year``.

    ``period`` replaces the printed statistical period (default: 1 January – 31 December of
    ``year``); ``active_era``/``applications_era`` print table 2/3 in another era's form (the values
    must then hold that form's keys); ``omit`` names tables (``"active"``, ``"applications"``,
    ``"review_litigation"``) whose sections keep only their heading and prose; ``glue`` prints
    table-3 rows (by row key) glued together (see :data:`GLUE_MODES`), and table 4's fifteen
    numbers as one run with ``{"review_litigation": "run"}``.
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
        lines += _render_table3(values, applications_era or era, glue)
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "本机关因政府信息公开工作被申请复议和被起诉的案件统计如下。",
    ]
    if "review_litigation" not in omit:
        lines += _render_table4(values, glue)
    lines += [
        "五、存在的主要问题及改进情况",
        "政策解读形式还不够丰富，部分栏目更新不够及时，下一步将加强培训和日常督促检查。",
        "六、其他需要报告的事项",
        "本年度本机关未收取信息处理费，无其他需要报告的事项。",
        "责任编辑：政务公开办公室",
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- the era-2008 form

# (row key below ``legacy.`` or None for a heading row, printed label, unit), as in templates.md §1.2.
LEGACY_LAYOUT = (
    (None, "一、主动公开情况", "——"),
    ("active.items_total", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条"),
    ("active.normative_docs_disclosed", "其中：主动公开规范性文件数", "条"),
    ("active.normative_docs_issued", "制发规范性文件总数", "件"),
    (None, "（二）通过不同渠道和方式公开政府信息的情况", "——"),
    ("active.channels.gazette", "1.政府公报公开政府信息数", "条"),
    ("active.channels.website", "2.政府网站公开政府信息数", "条"),
    ("active.channels.weibo", "3.政务微博公开政府信息数", "条"),
    ("active.channels.weixin", "4.政务微信公开政府信息数", "条"),
    ("active.channels.other", "5.其他方式公开政府信息数", "条"),
    (None, "二、回应解读情况", "——"),
    ("response.hot_topics", "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次"),
    (None, "（二）通过不同渠道和方式回应解读的情况", "——"),
    ("response.press_conferences", "1.参加或举办新闻发布会总次数", "次"),
    ("response.press_conferences_principal", "其中：主要负责同志参加新闻发布会次数", "次"),
    ("response.online_interviews", "2.政府网站在线访谈次数", "次"),
    ("response.online_interviews_principal", "其中：主要负责同志参加政府网站在线访谈次数", "次"),
    ("response.interpretation_articles", "3.政策解读稿件发布数", "篇"),
    ("response.weibo_weixin_responses", "4.微博微信回应事件数", "次"),
    ("response.other_responses", "5.其他方式回应事件数", "次"),
    (None, "三、依申请公开情况", "——"),
    ("applications.received", "（一）收到申请数", "件"),
    ("applications.received_in_person", "1.当面申请数", "件"),
    ("applications.received_fax", "2.传真申请数", "件"),
    ("applications.received_online", "3.网络申请数", "件"),
    ("applications.received_letter", "4.信函申请数", "件"),
    ("applications.concluded", "（二）申请办结数", "件"),
    ("applications.concluded_on_time", "1.按时办结数", "件"),
    ("applications.concluded_extended", "2.延期办结数", "件"),
    ("applications.replied", "（三）申请答复数", "件"),
    ("applications.replied_already_public", "1.属于已主动公开范围数", "件"),
    ("applications.replied_granted", "2.同意公开答复数", "件"),
    ("applications.replied_partially_granted", "3.同意部分公开答复数", "件"),
    ("applications.replied_denied", "4.不同意公开答复数", "件"),
    ("applications.denied_state_secret", "其中：涉及国家秘密", "件"),
    ("applications.denied_commercial_secret", "涉及商业秘密", "件"),
    ("applications.denied_privacy", "涉及个人隐私", "件"),
    ("applications.denied_security_stability", "危及国家安全、公共安全、经济安全和社会稳定", "件"),
    ("applications.denied_not_gov_info", "不是《条例》所指政府信息", "件"),
    ("applications.denied_other_legal", "法律、法规规定的其他情形", "件"),
    ("applications.replied_not_this_agency", "5.不属于本行政机关公开数", "件"),
    ("applications.replied_nonexistent", "6.申请信息不存在数", "件"),
    ("applications.replied_asked_to_amend", "7.告知作出更改补充数", "件"),
    ("applications.replied_other_channel", "8.告知通过其他途径办理数", "件"),
    ("review.total", "四、行政复议数量", "件"),
    ("review.upheld", "（一）维持具体行政行为数", "件"),
    ("review.corrected", "（二）被依法纠错数", "件"),
    ("review.other", "（三）其他情形数", "件"),
    ("litigation.total", "五、行政诉讼数量", "件"),
    ("litigation.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件"),
    ("litigation.corrected", "（二）被依法纠错数", "件"),
    ("litigation.other", "（三）其他情形数", "件"),
    ("complaints", "六、举报投诉数量", "件"),
    ("fees_wan", "七、依申请公开信息收取的费用", "万元"),
    (None, "八、机构建设和保障经费情况", "——"),
    ("institution.dedicated_units", "（一）政府信息公开工作专门机构数", "个"),
    ("institution.reading_points", "（二）设置政府信息公开查阅点数", "个"),
    ("institution.staff_total", "（三）从事政府信息公开工作人员数", "人"),
    ("institution.staff_full_time", "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人"),
    ("institution.staff_part_time", "2.兼职人员数", "人"),
    ("institution.special_funds_wan", "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元"),
    (None, "九、政府信息公开会议和培训情况", "——"),
    ("meetings.meetings", "（一）召开政府信息公开工作会议或专题会议数", "次"),
    ("meetings.training_sessions", "（二）举办各类培训班数", "次"),
    ("meetings.trainees", "（三）接受培训人员数", "人次"),
)
LEGACY_ROWS = tuple(key for key, _, _ in LEGACY_LAYOUT if key is not None)
LEGACY_MONEY = ("fees_wan", "institution.special_funds_wan")
# The hard sums of templates.md §4.1 (A1, A2, A3, A5, A6): total → parts.
LEGACY_SUMS = {
    "applications.received": ("applications.received_in_person", "applications.received_fax", "applications.received_online", "applications.received_letter"),
    "applications.concluded": ("applications.concluded_on_time", "applications.concluded_extended"),
    "applications.replied": (
        "applications.replied_already_public", "applications.replied_granted", "applications.replied_partially_granted",
        "applications.replied_denied", "applications.replied_not_this_agency", "applications.replied_nonexistent",
        "applications.replied_asked_to_amend", "applications.replied_other_channel",
    ),
    "review.total": ("review.upheld", "review.corrected", "review.other"),
    "litigation.total": ("litigation.upheld", "litigation.corrected", "litigation.other"),
    "institution.staff_total": ("institution.staff_full_time", "institution.staff_part_time"),
}  # fmt: skip


def legacy_values(rng=None) -> dict[str, Value]:
    """Valid values of the era-2008 form, by flat key (``legacy.…``): every hard sum holds.

    Without ``rng`` (a ``random.Random``) a fixed set; with it, counts drawn at varied scales."""
    import random

    rng = rng or random.Random("gkparse-legacy-defaults")
    derived = {part: total for total, parts in LEGACY_SUMS.items() for part in parts}
    values: dict[str, Value] = {}
    for key in LEGACY_ROWS:
        if key in LEGACY_SUMS:
            continue
        if key in LEGACY_MONEY:
            values[key] = rng.choice((Decimal(0), Decimal(rng.randint(1, 500)), Decimal(rng.randint(1, 99999)) / 100))
        else:
            scale = rng.choice((0, 0, 3, 12, 60, 400, 3000)) if key not in derived else rng.choice((0, 0, 2, 9, 40))
            values[key] = rng.randint(0, scale)
    for total, parts in LEGACY_SUMS.items():
        values[total] = sum(values[p] for p in parts)
    return {f"legacy.{k}": values[k] for k in LEGACY_ROWS}


def render_legacy_report(values: Mapping[str, Value], *, year: int = 2016, issuer: str = ISSUER, glue: Mapping[str, str] = {}) -> str:
    """The crawled text of an era-2008 report: narrative sections, then the statistical form one
    cell per line (label / unit / value); ``glue`` prints rows (by key below ``legacy.``) glued
    together (see :data:`GLUE_MODES`)."""
    items = [(key, label, [unit] + ([] if key is None else [_cell(values[f"legacy.{key}"])])) for key, label, unit in LEGACY_LAYOUT]
    lines = [
        f"{issuer}{year}年政府信息公开工作年度报告",
        f"本报告根据《中华人民共和国政府信息公开条例》要求，由{issuer}办公室编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "一、概述",
        f"{year}年，{issuer}认真贯彻落实政府信息公开条例，政府信息公开工作有序推进。",
        "二、主动公开情况",
        "全年通过政府网站、政府公报等渠道主动公开政府信息，具体数据见附表。",
        "三、依申请公开政府信息情况",
        "依申请公开工作按规定程序办理，具体数据见附表。",
        "四、存在的主要问题及改进措施",
        "公开内容的深度还需加强，下一步将加强培训。",
        "附件",
        "政府信息公开情况统计表",
        f"（{year}年度）",
        "统计指标",
        "单位",
        "统计数",
        *glue_lines(items, glue),
        "单位负责人：张三    审核人：李四    填报人：王五",
    ]
    return "\n".join(lines) + "\n"
