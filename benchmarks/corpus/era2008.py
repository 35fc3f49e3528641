"""Era 2008 (reports for 2008–2018, 国务院令第492号): the national statistical form 政府信息公开情况统计表
(templates.md §1.2) and the narrative-only report that states some of its indicators in prose.

Figures. Every indicator of the form is drawn with the hard sums of templates.md §4.1 holding —
A1 收到申请数 = 当面 + 传真 + 网络 + 信函, A2 申请办结数 = 按时 + 延期, A3 申请答复数 = items 1–8,
A5 复议/诉讼数量 = 维持 + 纠错 + 其他, A6 工作人员数 = 专职 + 兼职, A9 each 其中 ≤ its parent — and
the soft ones holding nearly always (A4 不同意公开 = Σ reasons, except that one document in seven cites
more reasons than refusals; A7 主动公开 ≤ Σ channels; A8 公开规范性文件 ≤ 制发; A10 办结 ≤ 收到,
答复 ≈ 办结). The two money rows (依申请公开信息收取的费用, 专项经费) are 万元 decimals.

Variants, drawn from the content stream (so every layout of a document has the same one):

* ``form``: the report's prose, then 附件 / 政府信息公开情况统计表 / the form (统计指标 / 单位 / 统计数, heading
  rows with ——). The 回应解读 block is printed for 2016–2018 only; before that the blocks after it are
  renumbered (依申请公开 becomes 二, …). The truth holds every indicator of the printed form.
* ``narrative``: no table; some indicator groups are stated in prose with the form's own labels
  (``行政复议数量4件（维持具体行政行为数2件，被依法纠错数1件，其他情形数1件）``), and a report without any
  application says ``全年未收到政府信息公开申请`` (= legacy.applications.received 0). The truth holds
  exactly the keys the prose states, nothing else.

Some documents leave out the publication line or the statistical-period sentence (as era-2008
reports often do); their truth then has no meta.published_on / meta.period_* keys.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from .common import (
    BREADCRUMBS, CN_NUMBERS, FOOTERS, Cell, Context, Issuer, Style, TableBlock, Tables, count_draw, data, date_line,
    header, money_cell, paras, period_text, person_name, punct, title_of,
)

# --------------------------------------------------------------------------------------------------
# The form: rows in printed order. ("block", title) rows are numbered 一、二、… when printed; a block
# title with a key carries a value itself (四、行政复议数量). ("head", label) rows are sub-headings.
# ("row", key, label, unit, level).
# --------------------------------------------------------------------------------------------------

FORM_ACTIVE = (
    ("block", None, "主动公开情况", "", 0),
    ("row", "active.items_total", "（一）主动公开政府信息数", "条", 1),
    ("row", "active.normative_docs_disclosed", "其中：主动公开规范性文件数", "条", 3),
    ("row", "active.normative_docs_issued", "制发规范性文件总数", "件", 3),
    ("head", None, "（二）通过不同渠道和方式公开政府信息的情况", "", 1),
    ("row", "active.channels.gazette", "1.政府公报公开政府信息数", "条", 2),
    ("row", "active.channels.website", "2.政府网站公开政府信息数", "条", 2),
    ("row", "active.channels.weibo", "3.政务微博公开政府信息数", "条", 2),
    ("row", "active.channels.weixin", "4.政务微信公开政府信息数", "条", 2),
    ("row", "active.channels.other", "5.其他方式公开政府信息数", "条", 2),
)
FORM_RESPONSE = (
    ("block", None, "回应解读情况", "", 0),
    ("row", "response.hot_topics", "（一）回应公众关注热点或重大舆情数", "次", 1),
    ("head", None, "（二）通过不同渠道和方式回应解读的情况", "", 1),
    ("row", "response.press_conferences", "1.参加或举办新闻发布会总次数", "次", 2),
    ("row", "response.press_conferences_principal", "其中：主要负责同志参加新闻发布会次数", "次", 3),
    ("row", "response.online_interviews", "2.政府网站在线访谈次数", "次", 2),
    ("row", "response.online_interviews_principal", "其中：主要负责同志参加政府网站在线访谈次数", "次", 3),
    ("row", "response.interpretation_articles", "3.政策解读稿件发布数", "篇", 2),
    ("row", "response.weibo_weixin_responses", "4.微博微信回应事件数", "次", 2),
    ("row", "response.other_responses", "5.其他方式回应事件数", "次", 2),
)
DENIED_REASONS = (
    ("applications.denied_state_secret", "涉及国家秘密"),
    ("applications.denied_commercial_secret", "涉及商业秘密"),
    ("applications.denied_privacy", "涉及个人隐私"),
    ("applications.denied_security_stability", "危及国家安全、公共安全、经济安全和社会稳定"),
    ("applications.denied_not_gov_info", "不是《条例》所指政府信息"),
    ("applications.denied_other_legal", "法律、法规规定的其他情形"),
)
REPLY_KINDS = (
    ("applications.replied_already_public", "属于已主动公开范围数"),
    ("applications.replied_granted", "同意公开答复数"),
    ("applications.replied_partially_granted", "同意部分公开答复数"),
    ("applications.replied_denied", "不同意公开答复数"),
    ("applications.replied_not_this_agency", "不属于本行政机关公开数"),
    ("applications.replied_nonexistent", "申请信息不存在数"),
    ("applications.replied_asked_to_amend", "告知作出更改补充数"),
    ("applications.replied_other_channel", "告知通过其他途径办理数"),
)
RECEIVED_CHANNELS = (
    ("applications.received_in_person", "当面申请数"), ("applications.received_fax", "传真申请数"),
    ("applications.received_online", "网络申请数"), ("applications.received_letter", "信函申请数"),
)
FORM_APPLICATIONS = (
    ("block", None, "依申请公开情况", "", 0),
    ("row", "applications.received", "（一）收到申请数", "件", 1),
    *(("row", key, f"{i}.{label}", "件", 2) for i, (key, label) in enumerate(RECEIVED_CHANNELS, 1)),
    ("row", "applications.concluded", "（二）申请办结数", "件", 1),
    ("row", "applications.concluded_on_time", "1.按时办结数", "件", 2),
    ("row", "applications.concluded_extended", "2.延期办结数", "件", 2),
    ("row", "applications.replied", "（三）申请答复数", "件", 1),
    *(("row", key, f"{i}.{label}", "件", 2) for i, (key, label) in enumerate(REPLY_KINDS[:4], 1)),
    *(("row", key, ("其中：" if i == 0 else "") + label, "件", 3) for i, (key, label) in enumerate(DENIED_REASONS)),
    *(("row", key, f"{i}.{label}", "件", 2) for i, (key, label) in enumerate(REPLY_KINDS[4:], 5)),
)
FORM_REST = (
    ("block", "review.total", "行政复议数量", "件", 0),
    ("row", "review.upheld", "（一）维持具体行政行为数", "件", 1),
    ("row", "review.corrected", "（二）被依法纠错数", "件", 1),
    ("row", "review.other", "（三）其他情形数", "件", 1),
    ("block", "litigation.total", "行政诉讼数量", "件", 0),
    ("row", "litigation.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件", 1),
    ("row", "litigation.corrected", "（二）被依法纠错数", "件", 1),
    ("row", "litigation.other", "（三）其他情形数", "件", 1),
    ("block", "complaints", "举报投诉数量", "件", 0),
    ("block", "fees_wan", "依申请公开信息收取的费用", "万元", 0),
    ("block", None, "机构建设和保障经费情况", "", 0),
    ("row", "institution.dedicated_units", "（一）政府信息公开工作专门机构数", "个", 1),
    ("row", "institution.reading_points", "（二）设置政府信息公开查阅点数", "个", 1),
    ("row", "institution.staff_total", "（三）从事政府信息公开工作人员数", "人", 1),
    ("row", "institution.staff_full_time", "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", 2),
    ("row", "institution.staff_part_time", "2.兼职人员数", "人", 2),
    ("row", "institution.special_funds_wan",
     "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", 1),
    ("block", None, "政府信息公开会议和培训情况", "", 0),
    ("row", "meetings.meetings", "（一）召开政府信息公开工作会议或专题会议数", "次", 1),
    ("row", "meetings.training_sessions", "（二）举办各类培训班数", "次", 1),
    ("row", "meetings.trainees", "（三）接受培训人员数", "人次", 1),
)
# Notes some forms print after a label (the first one holds a digit that is not a value).
LABEL_NOTES = {"active.items_total": "（不同渠道和方式公开相同信息计1条）",
               "response.hot_topics": "（不同方式回应同一热点或舆情计1次）"}
MONEY_KEYS = ("fees_wan", "institution.special_funds_wan")


def form_rows(response: bool) -> tuple:
    """The printed rows of the form for a year with or without the 回应解读 block."""
    return FORM_ACTIVE + (FORM_RESPONSE if response else ()) + FORM_APPLICATIONS + FORM_REST


def legacy_keys(response: bool) -> list:
    """Every flat key (without the ``legacy.`` prefix) of the form, in printed order."""
    return [entry[1] for entry in form_rows(response) if entry[1]]


# --------------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------------

ITEMS_SCALE = {"county": (0.0, 200, 6000, 20000), "district": (0.0, 150, 5000, 15000),
               "township": (0.05, 10, 400, 0), "department": (0.05, 20, 1500, 6000)}
RECEIVED_SCALE = {"county": (0.2, 1, 60, 400), "district": (0.2, 1, 80, 300),
                  "township": (0.65, 1, 5, 0), "department": (0.4, 1, 30, 150)}


def narrative_share(year: int) -> float:
    """How many reports of a year have no form: most early ones, fewer once the form was national."""
    return 0.6 if year <= 2013 else 0.35 if year <= 2015 else 0.2


def split(rng: random.Random, total: int, keys, weights) -> dict:
    """`total` spread over `keys` at random with `weights`: the parts always sum to `total`."""
    spread = Counter(rng.choices(keys, weights=weights, k=total)) if total else Counter()
    return {key: spread.get(key, 0) for key in keys}


def draw_2008(rng: random.Random, issuer: Issuer, style: Style, year: int) -> Tables:
    """Every indicator of the form (see the module docstring for the sums that hold), then the variant
    and, for a narrative report, which indicators its prose states (the truth keeps only those)."""
    kind = issuer.kind
    values: dict = {}
    put = values.__setitem__
    # 一、主动公开
    items = count_draw(rng, *ITEMS_SCALE[kind])
    issued = count_draw(rng, 0.3, 1, 4 if kind == "township" else 40)
    put("active.items_total", items)
    put("active.normative_docs_disclosed", issued - (0 if rng.random() < 0.7 else rng.randint(0, issued)))
    put("active.normative_docs_issued", issued)
    gazette = 0 if kind in ("township", "department") or rng.random() < 0.5 else rng.randint(1, max(1, items // 20))
    weibo = 0 if year < 2011 or rng.random() < 0.5 else rng.randint(1, max(1, items // 3))
    weixin = 0 if year < 2013 or rng.random() < 0.5 else rng.randint(1, max(1, items // 3))
    other = 0 if rng.random() < 0.5 else rng.randint(1, max(1, items // 4))
    website = items - (0 if rng.random() < 0.6 else rng.randint(0, items // 10))
    website += max(0, items - (gazette + website + weibo + weixin + other))  # A7: channels double-count
    for key, value in zip(("gazette", "website", "weibo", "weixin", "other"), (gazette, website, weibo, weixin, other)):
        put(f"active.channels.{key}", value)
    # 二、回应解读 (2016–2018)
    response = year >= 2016
    if response:
        press, interviews = count_draw(rng, 0.5, 1, 20), count_draw(rng, 0.6, 1, 12)
        put("response.hot_topics", count_draw(rng, 0.4, 1, 30))
        put("response.press_conferences", press)
        put("response.press_conferences_principal", rng.randint(0, press))  # A9
        put("response.online_interviews", interviews)
        put("response.online_interviews_principal", rng.randint(0, interviews))  # A9
        put("response.interpretation_articles", count_draw(rng, 0.3, 1, 80))
        put("response.weibo_weixin_responses", count_draw(rng, 0.5, 1, 50))
        put("response.other_responses", count_draw(rng, 0.6, 1, 20))
    # 三、依申请公开
    received = count_draw(rng, *RECEIVED_SCALE[kind])
    put("applications.received", received)
    channels = split(rng, received, [k for k, _ in RECEIVED_CHANNELS], (3, 0.3, 4, 2))  # A1
    values.update(channels)
    concluded = received - (0 if rng.random() < 0.8 else rng.randint(0, min(3, received)))  # A10
    extended = 0 if rng.random() < 0.8 else rng.randint(0, concluded // 4)
    put("applications.concluded", concluded)
    put("applications.concluded_on_time", concluded - extended)  # A2
    put("applications.concluded_extended", extended)
    replied = concluded - (0 if rng.random() < 0.9 else rng.randint(0, min(2, concluded)))
    put("applications.replied", replied)
    replies = split(rng, replied, [k for k, _ in REPLY_KINDS], (3, 6, 1, 1, 1.5, 2, 0.8, 0.8))  # A3
    denied = replies["applications.replied_denied"]
    reasons = split(rng, denied, [k for k, _ in DENIED_REASONS], (0.5, 1, 1.5, 0.5, 2, 1.5))
    if denied and rng.random() < 0.15:  # A4 is soft: a refusal may cite two reasons
        reasons[rng.choice([k for k, _ in DENIED_REASONS])] += rng.randint(1, 2)
    for key, _ in REPLY_KINDS[:4]:
        put(key, replies[key])
    values.update(reasons)
    for key, _ in REPLY_KINDS[4:]:
        put(key, replies[key])
    # 四、五 复议、诉讼 (A5); 六、举报投诉; 七、收费
    scale = 0.3 if kind == "township" else 1.0
    for block, rate in (("review", 0.15), ("litigation", 0.08)):
        active = rng.random() < rate * scale
        parts = [rng.choice((0, 0, 1, 1, 2, 3, 5)) if active else 0 for _ in range(3)]
        put(f"{block}.total", sum(parts))
        for name, value in zip(("upheld", "corrected", "other"), parts):
            put(f"{block}.{name}", value)
    put("complaints", count_draw(rng, 0.7, 1, 10))
    fee = rng.random() < 0.15 and concluded > 0  # only applications are charged for
    put("fees_wan", Decimal(rng.randint(1, 5000)) / Decimal(10000) if fee else Decimal(0))
    # 八、机构建设 (A6); 九、会议培训
    full, part = count_draw(rng, 0.4, 1, 5), count_draw(rng, 0.15, 1, 20)
    put("institution.dedicated_units", count_draw(rng, 0.3, 1, 3))
    put("institution.reading_points", count_draw(rng, 0.3, 1, 3 if kind == "township" else 20))
    put("institution.staff_total", full + part)
    put("institution.staff_full_time", full)
    put("institution.staff_part_time", part)
    funds = 0 if rng.random() < 0.5 else rng.randint(1, 5000)
    put("institution.special_funds_wan", Decimal(funds) / Decimal(100 if rng.random() < 0.7 else 1))
    sessions = count_draw(rng, 0.35, 1, 10)
    put("meetings.meetings", count_draw(rng, 0.3, 1, 12))
    put("meetings.training_sessions", sessions)
    put("meetings.trainees", 0 if sessions == 0 else rng.randint(sessions * 5, sessions * 80))

    tables = Tables({}, {})
    for key in legacy_keys(response):
        value = values[key]
        printed = money_cell(value, style) if key in MONEY_KEYS else None
        tables.put(f"legacy.{key}", value, printed)
    narrative = rng.random() < narrative_share(year)
    tables.info.update(response=response, narrative=narrative, dateline=rng.random() < 0.85,
                       period=rng.random() < 0.75)
    if narrative:
        plan = narrative_plan(rng, values, response)
        tables.info["plan"] = plan
        stated = {key for group in plan.values() for key in group}
        tables.truth = {k: v for k, v in tables.truth.items() if k[len("legacy."):] in stated}
    return tables


# --------------------------------------------------------------------------------------------------
# Narrative variant: which indicators the prose states, group by group, in the form's order.
# --------------------------------------------------------------------------------------------------


def narrative_plan(rng: random.Random, v: dict, response: bool) -> dict:
    """group -> the keys its sentence states (in form order). Groups left out are not mentioned."""
    plan: dict = {}
    if rng.random() < 0.7:
        keys = ["active.items_total"]
        if rng.random() < 0.6:
            keys += ["active.normative_docs_disclosed", "active.normative_docs_issued"]
        if rng.random() < 0.5:
            keys += [f"active.channels.{c}" for c in ("gazette", "website", "weibo", "weixin", "other")
                     if v[f"active.channels.{c}"] or c == "website"]
        plan["active"] = keys
    if response and rng.random() < 0.5:
        keys = [k for k in legacy_keys(True) if k.startswith("response.")]
        chosen = keys[:1] + [k for k in keys[1:] if not k.endswith("_principal") and rng.random() < 0.7]
        chosen += [f"{k}_principal" for k in chosen if f"{k}_principal" in keys and rng.random() < 0.7]  # 其中 after its parent
        plan["response"] = [k for k in keys if k in chosen]
    if v["applications.received"] == 0:
        plan["applications"] = ["applications.received"]  # 全年未收到政府信息公开申请
    else:
        keys = ["applications.received"]
        if rng.random() < 0.7:
            keys += [k for k, _ in RECEIVED_CHANNELS]
        if rng.random() < 0.6:
            keys += ["applications.concluded", "applications.concluded_on_time", "applications.concluded_extended"]
        if rng.random() < 0.5:
            keys += ["applications.replied"] + [k for k, _ in REPLY_KINDS]
            if v["applications.replied_denied"] and rng.random() < 0.5:
                keys += [k for k, _ in DENIED_REASONS if v[k]]
        plan["applications"] = keys
    if rng.random() < 0.8:
        for block in ("review", "litigation"):
            total = v[f"{block}.total"]
            plan[block] = [f"{block}.total"] + ([f"{block}.{n}" for n in ("upheld", "corrected", "other")] if total else [])
    if rng.random() < 0.3:
        plan["complaints"] = ["complaints"]
    if rng.random() < 0.6:
        plan["fees"] = ["fees_wan"]
    if rng.random() < 0.5:
        keys = ["institution.dedicated_units", "institution.reading_points", "institution.staff_total"]
        if rng.random() < 0.6:
            keys += ["institution.staff_full_time", "institution.staff_part_time"]
        if rng.random() < 0.5:
            keys += ["institution.special_funds_wan"]
        plan["institution"] = keys
    if rng.random() < 0.5:
        plan["meetings"] = ["meetings.meetings", "meetings.training_sessions", "meetings.trainees"]
    return plan


PROSE_LABELS = dict((  # the form's labels as prose uses them (numbering, notes and 其中 dropped)
        ("active.items_total", "主动公开政府信息数"), ("active.normative_docs_disclosed", "主动公开规范性文件数"),
        ("active.normative_docs_issued", "制发规范性文件总数"),
        ("active.channels.gazette", "政府公报公开政府信息数"), ("active.channels.website", "政府网站公开政府信息数"),
        ("active.channels.weibo", "政务微博公开政府信息数"), ("active.channels.weixin", "政务微信公开政府信息数"),
        ("active.channels.other", "其他方式公开政府信息数"),
        ("response.hot_topics", "回应公众关注热点或重大舆情数"),
        ("response.press_conferences", "参加或举办新闻发布会总次数"),
        ("response.press_conferences_principal", "主要负责同志参加新闻发布会次数"),
        ("response.online_interviews", "政府网站在线访谈次数"),
        ("response.online_interviews_principal", "主要负责同志参加政府网站在线访谈次数"),
        ("response.interpretation_articles", "政策解读稿件发布数"),
        ("response.weibo_weixin_responses", "微博微信回应事件数"), ("response.other_responses", "其他方式回应事件数"),
        ("applications.received", "收到申请数"), ("applications.concluded", "申请办结数"),
        ("applications.concluded_on_time", "按时办结数"), ("applications.concluded_extended", "延期办结数"),
        ("applications.replied", "申请答复数"),
        *RECEIVED_CHANNELS, *REPLY_KINDS, *DENIED_REASONS,
        ("review.total", "行政复议数量"), ("review.upheld", "维持具体行政行为数"), ("review.corrected", "被依法纠错数"),
        ("review.other", "其他情形数"), ("litigation.total", "行政诉讼数量"),
        ("litigation.upheld", "维持具体行政行为或者驳回原告诉讼请求数"), ("litigation.corrected", "被依法纠错数"),
        ("litigation.other", "其他情形数"), ("complaints", "举报投诉数量"), ("fees_wan", "依申请公开信息收取的费用"),
        ("institution.dedicated_units", "政府信息公开工作专门机构数"),
        ("institution.reading_points", "设置政府信息公开查阅点数"),
        ("institution.staff_total", "从事政府信息公开工作人员数"), ("institution.staff_full_time", "专职人员数"),
        ("institution.staff_part_time", "兼职人员数"), ("institution.special_funds_wan", "政府信息公开专项经费"),
        ("meetings.meetings", "召开政府信息公开工作会议或专题会议数"), ("meetings.training_sessions", "举办各类培训班数"),
        ("meetings.trainees", "接受培训人员数"),
))
UNITS = {entry[1]: entry[3] for entry in form_rows(True) if entry[1]}


def stated(ctx: Context, key: str, zero_word: bool = False) -> str:
    """`label + value + unit` for a prose statement, as the form would put it (数 kept or dropped)."""
    cells, rng = ctx.tables.cells, ctx.rng
    label = PROSE_LABELS[key]
    if label.endswith("数") and not label.endswith("次数") and rng.random() < 0.3:
        label = label[:-1]
    if key in MONEY_KEYS:
        amount = Decimal(cells[f"legacy.{key}"])
        if amount and amount < 1 and rng.random() < 0.4:  # small fees are often given in 元
            return f"{label}{format((amount * 10000).normalize(), 'f')}元"
        return f"{label}{'为' if rng.random() < 0.3 else ''}{cells[f'legacy.{key}']}万元"
    return f"{label}{cells[f'legacy.{key}']}{UNITS[key]}"


def sentences_for(ctx: Context, group: str) -> str:
    """The prose that states one group of the plan."""
    keys = ctx.tables.info["plan"][group]
    we, year = ctx.issuer.we, ctx.year
    say = lambda k: stated(ctx, k)  # noqa: E731
    if group == "active":
        text = f"{year}年，{we}{say(keys[0])}"
        if "active.normative_docs_disclosed" in keys:
            text += f"，其中{say('active.normative_docs_disclosed')}，{say('active.normative_docs_issued')}"
        channels = [k for k in keys if k.startswith("active.channels.")]
        if channels:
            text += "。通过不同渠道和方式公开政府信息的情况：" + "，".join(say(k) for k in channels)
        return text + "。"
    if group == "response":
        return "全年" + "，".join(say(k) for k in keys) + "。"
    if group == "applications":
        if keys == ["applications.received"] and ctx.tables.cells["legacy.applications.received"] == "0":
            return ctx.rng.choice((f"{year}年{we}未收到政府信息公开申请。", "全年未收到政府信息公开申请。",
                                   f"本年度{we}未受理政府信息公开申请。"))
        parts = [f"全年共{say('applications.received')}"]
        if "applications.received_in_person" in keys:
            parts[-1] += "，其中" + "、".join(say(k) for k, _ in RECEIVED_CHANNELS)
        if "applications.concluded" in keys:
            parts.append(f"{say('applications.concluded')}（{say('applications.concluded_on_time')}，"
                         f"{say('applications.concluded_extended')}）")
        if "applications.replied" in keys:
            reasons = [k for k, _ in DENIED_REASONS if k in keys]
            replies = []
            for key, _ in REPLY_KINDS:
                replies.append(say(key))
                if key == "applications.replied_denied" and reasons:
                    replies[-1] += "（其中" + "，".join(say(k) for k in reasons) + "）"
            parts.append(f"{say('applications.replied')}，其中" + "，".join(replies))
        return "；".join(parts) + "。"
    if group == "review":
        text = f"{year}年，因政府信息公开申请{say(keys[0])}"
        return text + (f"（{'，'.join(say(k) for k in keys[1:])}）" if keys[1:] else "")
    if group == "litigation":
        return say(keys[0]) + (f"（{'，'.join(say(k) for k in keys[1:])}）" if keys[1:] else "") + "。"
    if group == "complaints":
        return f"全年{say('complaints')}，均已按规定办结。"
    if group == "fees":
        return f"{year}年，{we}{say('fees_wan')}，未发生减免情况。"
    if group == "institution":
        text = f"{we}{say(keys[0])}，{say(keys[1])}，{say(keys[2])}"
        if "institution.staff_full_time" in keys:
            text += f"（{say('institution.staff_full_time')}，{say('institution.staff_part_time')}）"
        if "institution.special_funds_wan" in keys:
            text += f"，{say('institution.special_funds_wan')}"
        return text + "。"
    return f"全年{'，'.join(say(k) for k in keys)}。"  # meetings


# --------------------------------------------------------------------------------------------------
# Presentation of the form (drawn from the content stream: every layout of a document shows the same form)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormStyle:
    units: str  # "all": every row prints its unit; "sparse": only 万元 and 人次, as stripped forms show
    dashes: int  # heading rows: —— in the 单位 cell only (1) or in 单位 and 统计数 (2)
    notes: bool  # the （不同渠道和方式公开相同信息计1条） notes after two labels
    indent: bool  # sub-rows indented with ideographic spaces
    annex: str  # 附件 / 附表 / 附件1 / nothing before the form's title
    fill_date: int


def draw_form_style(rng: random.Random) -> FormStyle:
    return FormStyle(units=rng.choice(("all", "all", "sparse")), dashes=rng.choice((1, 2)), notes=rng.random() < 0.6,
                     indent=rng.random() < 0.5, annex=rng.choice(("附件", "附表", "附件1", "")), fill_date=rng.randrange(3))


def form_entries(ctx: Context, fstyle: FormStyle) -> list:
    """(label, unit, value, level) of every printed row, with block numbers and notes applied; value is
    None for a heading row (printed with ——)."""
    cells, style = ctx.tables.cells, ctx.style
    out, number = [], 0
    for kind, key, label, unit, level in form_rows(ctx.tables.info["response"]):
        if kind == "block":
            label = f"{CN_NUMBERS[number]}、{label}"
            number += 1
        if fstyle.notes and key in LABEL_NOTES:
            label += LABEL_NOTES[key]
        shown_unit = unit if fstyle.units == "all" or unit in ("万元", "人次") else ""
        value = cells[f"legacy.{key}"] if key else None
        out.append((punct(label, style), shown_unit, value, level))
    return out


def header_label(text: str, ctx: Context) -> str:
    style = ctx.style
    return style.spacer.join(text) if style.spaced or style.spaced_more else text


def form_text_rows(ctx: Context, fstyle: FormStyle) -> list:
    rows = [header(header_label("统计指标", ctx), "单位", header_label("统计数", ctx))]
    for label, unit, value, level in form_entries(ctx, fstyle):
        label = "\u3000" * level + label if fstyle.indent else label
        if value is None:
            rows.append(data(label, *("——",) * fstyle.dashes))
        else:
            rows.append(data(label, *((unit,) if unit else ()), value))
    return rows


def form_grid(ctx: Context, fstyle: FormStyle) -> list:
    grid = [[Cell(header_label("统计指标", ctx), "header"), Cell("单位", "header"), Cell(header_label("统计数", ctx), "header")]]
    for label, unit, value, level in form_entries(ctx, fstyle):
        first = Cell(label, "label", indent=level)
        if value is None:
            grid.append([first, Cell("——", "dash"), Cell("——", "dash") if fstyle.dashes == 2 else Cell("", "blank")])
        else:
            grid.append([first, Cell(unit, "unit"), Cell(value, "value")])
    return grid


# --------------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------------

OVERVIEW_HEADINGS = ("概述", "基本情况", "总体情况", "工作开展情况", "政府信息公开总体工作情况")
SECTION_VARIANTS = {
    "active": ("主动公开政府信息情况", "主动公开情况", "政府信息主动公开情况"),
    "response": ("回应解读情况",),
    "applications": ("依申请公开政府信息情况", "依申请公开和不予公开政府信息情况", "政府信息依申请公开情况"),
    "fees": ("政府信息公开的收费及减免情况", "政府信息公开收费及减免情况", "政府信息公开支出和收费情况"),
    "review": ("因政府信息公开申请行政复议、提起行政诉讼的情况", "行政复议、行政诉讼情况",
               "政府信息公开行政复议、行政诉讼和投诉情况"),
    "institution": ("机构建设和保障经费情况", "政府信息公开工作机构、人员情况"),
    "problems": ("存在的主要问题及改进措施", "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进措施"),
    "other": ("其他需要报告的事项", "需要说明的事项"),
}
OPENINGS_2008 = (
    "{year}年，{whole}以贯彻落实《条例》为主线，围绕提高行政透明度、保障群众知情权，认真做好政府信息公开各项工作。",
    "{year}年，在上级政府的统一部署下，{we}坚持“公开为常态、不公开为例外”，政府信息公开工作稳步推进。",
    "{year}年以来，{we}把政府信息公开列入重要议事日程，健全工作机构，完善工作制度，各项工作有序开展。",
)
PRACTICES_2008 = (
    "一是调整充实政府信息公开工作领导小组，明确分管领导和具体承办人员。",
    "二是修订完善主动公开、依申请公开、保密审查等制度，规范信息发布程序。",
    "三是依托门户网站、公开栏和便民服务大厅等载体，方便群众获取政府信息。",
    "四是加强督促检查，定期通报各单位信息更新情况，推动工作落到实处。",
)
ACTIVE_FILLERS = (
    "重点公开了财政预决算、保障性住房、食品药品安全、环境保护、征地拆迁等社会关注度高的信息。",
    "坚持把群众最关心、最需要了解的事项作为公开重点，做到及时、准确、全面。",
)
RESPONSE_FILLERS = ("坚持“谁起草、谁解读”，政策文件与解读材料同步组织、同步审签、同步发布。",)
APPLICATION_FILLERS = (
    "对受理的申请严格按照《条例》规定的时限和程序办理，并告知申请人救济途径。",
    "进一步畅通申请渠道，在门户网站开通网上申请，群众可通过当面、信函、网络等方式提出申请。",
)
FEE_FILLERS = ("严格执行政府信息公开收费规定，未出现违规收费情况。",)
REVIEW_FILLERS = ("未发生因政府信息公开工作被追究责任的情况。",)
INSTITUTION_FILLERS = ("政府信息公开工作由办公室牵头负责，明确专人负责信息的收集、审核和发布。",)
PROBLEMS_2008 = (
    "一是公开内容还不够全面，部分信息更新不够及时；二是工作人员多为兼职，业务水平有待提高。",
    "一是对政府信息公开工作的认识有待进一步提高；二是依申请公开的办理流程还需进一步规范。",
)
IMPROVEMENTS_2008 = (
    "下一步，{we}将进一步加强组织领导，完善工作机制，拓宽公开渠道，不断提高政府信息公开工作水平。",
    "今后，{we}将加大培训力度，加强监督检查，推动政府信息公开工作规范化、制度化。",
)


def preamble_2008(ctx: Context) -> str:
    rng, issuer = ctx.rng, ctx.issuer
    phone = f"0{rng.randint(310, 990)}-{rng.randint(2000000, 8999999)}"
    parts = [
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，",
        rng.choice((f"特发布{title_of(ctx)}。", f"现将{ctx.year}年度{issuer.we}政府信息公开工作情况报告如下。")),
        rng.choice(("", "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、"
                        "因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题及改进措施等部分组成。")),
        period_text(ctx) if ctx.tables.info["period"] else "",
        f"如对本报告有任何疑问，请与{issuer.office}联系（电话：{phone}）。",
    ]
    return "".join(parts)


def compose_2008(ctx: Context) -> list:
    """Title, optional date line, preamble, the sections (headings vary, numbered as printed), then the
    form (form variant) or nothing (narrative variant)."""
    rng, info, style = ctx.rng, ctx.tables.info, ctx.style
    fstyle = draw_form_style(rng)
    narrative, plan = info["narrative"], info.get("plan", {})
    fill = lambda t: t.format(year=ctx.year, we=ctx.issuer.we, whole=ctx.issuer.whole)  # noqa: E731
    blocks = []
    if style.breadcrumb:
        blocks.append(("breadcrumb", BREADCRUMBS[style.breadcrumb]))
    blocks.append(("title", title_of(ctx)))
    if info["dateline"]:
        blocks.append(("dateline", punct(date_line(ctx), style)))
    blocks.append(("preamble", punct(preamble_2008(ctx), style)))

    def says(group: str, fallback: tuple) -> list:
        """The section's prose: the plan's statement of `group` (narrative) or a sentence without figures."""
        if narrative and group in plan:
            return [sentences_for(ctx, group)]
        return [fill(rng.choice(fallback))]

    practices = [PRACTICES_2008[i] for i in sorted(rng.sample(range(len(PRACTICES_2008)), 2))]
    sections = [(rng.choice(OVERVIEW_HEADINGS), [fill(rng.choice(OPENINGS_2008)), *practices])]
    active = says("active", ACTIVE_FILLERS)
    if not narrative and rng.random() < 0.6:
        active.insert(0, f"全年主动公开政府信息{ctx.tables.cells['legacy.active.items_total']}条。")
    sections.append((rng.choice(SECTION_VARIANTS["active"]), active))
    if "response" in plan or (not narrative and info["response"] and rng.random() < 0.5):
        sections.append(("回应解读情况", says("response", RESPONSE_FILLERS)))
    applications = says("applications", APPLICATION_FILLERS)
    applications += [fill(t) for t in APPLICATION_FILLERS if t not in applications][: rng.randint(0, 1)]
    sections.append((rng.choice(SECTION_VARIANTS["applications"]), applications))
    sections.append((rng.choice(SECTION_VARIANTS["fees"]), says("fees", FEE_FILLERS)))
    if "review" in plan:  # the plan states both blocks or neither
        review = [sentences_for(ctx, "review") + "，" + sentences_for(ctx, "litigation")]
    else:
        review = [fill(rng.choice(REVIEW_FILLERS))]
    if "complaints" in plan:
        review.append(sentences_for(ctx, "complaints"))
    sections.append((rng.choice(SECTION_VARIANTS["review"]), review))
    if "institution" in plan or "meetings" in plan or rng.random() < 0.3:
        texts = [sentences_for(ctx, g) for g in ("institution", "meetings") if g in plan]
        sections.append((rng.choice(SECTION_VARIANTS["institution"]), texts or [fill(INSTITUTION_FILLERS[0])]))
    sections.append((rng.choice(SECTION_VARIANTS["problems"]),
                     [fill(rng.choice(PROBLEMS_2008)), fill(rng.choice(IMPROVEMENTS_2008))]))
    if rng.random() < 0.3:
        sections.append((rng.choice(SECTION_VARIANTS["other"]), ["无其他需要报告的事项。"]))
    for number, (heading, texts) in enumerate(sections):
        blocks.append(("heading", f"{CN_NUMBERS[number]}、{heading}"))
        blocks += paras(texts, ctx)
    blocks.append(("line", ctx.issuer.office if rng.random() < 0.5 else ctx.issuer.name))
    if not narrative:
        blocks += form_blocks(ctx, fstyle)
    if style.footer:
        blocks.append(("footer", FOOTERS[style.footer]))
    return blocks


def form_blocks(ctx: Context, fstyle: FormStyle) -> list:
    """附件 / 政府信息公开情况统计表 / （YYYY年度） / 填报单位 / the form / signatures and fill date."""
    rng, style, year = ctx.rng, ctx.style, ctx.year
    filled = ctx.published.replace(day=1) if ctx.published.month > 1 else ctx.published.replace(day=min(ctx.published.day, 20))
    fill_date = (f"{filled.year}-{filled.month}-{filled.day}", f"{filled.year}年{filled.month}月{filled.day}日",
                 filled.isoformat())[fstyle.fill_date]
    phone = f"0{rng.randint(310, 990)}-{rng.randint(2000000, 8999999)}"
    blocks = [("form_line", fstyle.annex)] if fstyle.annex else []
    blocks += [
        ("form_line", "政府信息公开情况统计表"),
        ("form_line", punct(f"（{year}年度）", style)),
        ("form_line", punct(f"填报单位（盖章）：{ctx.issuer.name}", style)),
        ("table", TableBlock("form2008", lambda: form_text_rows(ctx, fstyle), lambda o: form_grid(ctx, fstyle))),
        ("form_line", punct(f"单位负责人：{person_name(rng)}   审核人：{person_name(rng)}   填报人：{person_name(rng)}", style)),
        ("form_line", punct(f"联系电话：{phone}   填报日期：{fill_date}", style)),
    ]
    return blocks
