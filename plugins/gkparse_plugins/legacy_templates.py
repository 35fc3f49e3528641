"""The era-2008 national statistical form (政府信息公开情况统计表), declared as data.

templates.md §1.2: three columns 统计指标 / 单位 / 统计数; one value per indicator. Rows are matched
by label, never by block number (the 回应解读 block is optional and renumbers what follows). The
same indicators are often stated in prose instead (``行政复议数量32件（维持具体行政行为数17件…）``),
so the template also reads prose. Sums: templates.md §4.1 (the hard rules A1, A2, A3, A5, A6).
"""

from __future__ import annotations

from gkparse.model import LegacyStats
from gkparse.sections import SectionSpec
from gkparse.template import Column, Equation, Row, TableTemplate

_ONE = (Column(key=None),)
_MONEY = (Column(key=None, kind="money"),)


def _r(key: str, *labels: str, money: bool = False, prose: tuple[str, ...] = ()) -> Row:
    return Row(key=key, labels=labels, columns=_MONEY if money else _ONE, prose=prose)


_ROWS = (
    _r("active.items_total", "主动公开政府信息数"),
    _r("active.normative_docs_disclosed", "主动公开规范性文件数"),
    _r("active.normative_docs_issued", "制发规范性文件总数"),
    _r("active.channels.gazette", "政府公报公开政府信息数"),
    _r("active.channels.website", "政府网站公开政府信息数"),
    _r("active.channels.weibo", "政务微博公开政府信息数"),
    _r("active.channels.weixin", "政务微信公开政府信息数"),
    _r("active.channels.other", "其他方式公开政府信息数"),
    _r("response.hot_topics", "回应公众关注热点或重大舆情数"),
    _r("response.press_conferences", "参加或举办新闻发布会总次数"),
    _r("response.press_conferences_principal", "主要负责同志参加新闻发布会次数"),
    _r("response.online_interviews", "政府网站在线访谈次数"),
    _r("response.online_interviews_principal", "主要负责同志参加政府网站在线访谈次数"),
    _r("response.interpretation_articles", "政策解读稿件发布数"),
    _r("response.weibo_weixin_responses", "微博微信回应事件数"),
    _r("response.other_responses", "其他方式回应事件数"),
    _r(
        "applications.received",
        "收到申请数",
        # "全地区未收到信息公开申请": no application at all, stated in words.
        prose=(r"未(?:收到|受理|接到)[^。，,；;]{0,12}申请",),
    ),
    _r("applications.received_in_person", "当面申请数"),
    _r("applications.received_fax", "传真申请数"),
    _r("applications.received_online", "网络申请数"),
    _r("applications.received_letter", "信函申请数"),
    _r("applications.concluded", "申请办结数"),
    _r("applications.concluded_on_time", "按时办结数"),
    _r("applications.concluded_extended", "延期办结数"),
    _r("applications.replied", "申请答复数"),
    _r("applications.replied_already_public", "属于已主动公开范围数"),
    _r("applications.replied_granted", "同意公开答复数"),
    _r("applications.replied_partially_granted", "同意部分公开答复数"),
    _r("applications.replied_denied", "不同意公开答复数"),
    _r("applications.denied_state_secret", "涉及国家秘密"),
    _r("applications.denied_commercial_secret", "涉及商业秘密"),
    _r("applications.denied_privacy", "涉及个人隐私"),
    _r("applications.denied_security_stability", "危及国家安全、公共安全、经济安全和社会稳定"),
    _r("applications.denied_not_gov_info", "不是《条例》所指政府信息"),
    _r("applications.denied_other_legal", "法律、法规规定的其他情形"),
    _r("applications.replied_not_this_agency", "不属于本行政机关公开数"),
    _r("applications.replied_nonexistent", "申请信息不存在数"),
    _r("applications.replied_asked_to_amend", "告知作出更改补充数"),
    _r("applications.replied_other_channel", "告知通过其他途径办理数"),
    _r("review.total", "行政复议数量"),
    _r("review.upheld", "维持具体行政行为数"),
    _r("review.corrected", "被依法纠错数"),
    _r("review.other", "其他情形数"),
    _r("litigation.total", "行政诉讼数量"),
    _r("litigation.upheld", "维持具体行政行为或者驳回原告诉讼请求数"),
    _r("litigation.corrected", "被依法纠错数"),
    _r("litigation.other", "其他情形数"),
    _r("complaints", "举报投诉数量"),
    _r("fees_wan", "依申请公开信息收取的费用", money=True),
    _r("institution.dedicated_units", "政府信息公开工作专门机构数"),
    _r("institution.reading_points", "设置政府信息公开查阅点数"),
    _r("institution.staff_total", "从事政府信息公开工作人员数"),
    _r("institution.staff_full_time", "专职人员数"),
    _r("institution.staff_part_time", "兼职人员数"),
    _r("institution.special_funds_wan", "政府信息公开专项经费", money=True),
    _r("meetings.meetings", "召开政府信息公开工作会议或专题会议数"),
    _r("meetings.training_sessions", "举办各类培训班数"),
    _r("meetings.trainees", "接受培训人员数"),
)


def _sum(rule: str, total: str, parts: tuple[str, ...], description: str) -> Equation:
    return Equation(rule=rule, left=(f"legacy.{total}",), right=tuple(f"legacy.{p}" for p in parts), description=description)


STATISTICAL_FORM = TableTemplate(
    name="legacy",
    title="the statistical form (政府信息公开情况统计表)",
    era="2008",
    prefix="legacy",
    model=LegacyStats,
    rows=_ROWS,
    prose=True,
    markers=("统计指标", "收到申请数", "申请办结数", "申请答复数", "行政复议数量", "行政诉讼数量", "政府信息公开情况统计表", "举报投诉数量"),
    invariants=(
        _sum("A1", "applications.received", ("applications.received_in_person", "applications.received_fax", "applications.received_online", "applications.received_letter"), "收到申请数 = 当面 + 传真 + 网络 + 信函"),
        _sum("A2", "applications.concluded", ("applications.concluded_on_time", "applications.concluded_extended"), "申请办结数 = 按时 + 延期"),
        _sum(
            "A3",
            "applications.replied",
            tuple(
                f"applications.{k}"
                for k in ("replied_already_public", "replied_granted", "replied_partially_granted", "replied_denied", "replied_not_this_agency", "replied_nonexistent", "replied_asked_to_amend", "replied_other_channel")
            ),
            "申请答复数 = 答复类型 1–8 之和",
        ),
        _sum("A5", "review.total", ("review.upheld", "review.corrected", "review.other"), "行政复议数量 = 维持 + 纠错 + 其他"),
        _sum("A5", "litigation.total", ("litigation.upheld", "litigation.corrected", "litigation.other"), "行政诉讼数量 = 维持 + 纠错 + 其他"),
        _sum("A6", "institution.staff_total", ("institution.staff_full_time", "institution.staff_part_time"), "工作人员数 = 专职 + 兼职"),
    ),
)

# Era-2008 reports had no fixed skeleton (templates.md §1.1): headings are classified by keywords.
SECTIONS = (
    SectionSpec(key="overview", keywords=("概述", "基本情况", "总体情况", "工作开展情况", "完成情况")),
    SectionSpec(key="practices", keywords=("主要做法",)),
    SectionSpec(key="active_disclosure", keywords=("主动公开",)),
    SectionSpec(key="response_interpretation", keywords=("回应解读",)),
    SectionSpec(key="applications", keywords=("依申请公开", "申请公开")),
    SectionSpec(key="fees", keywords=("收费", "减免")),
    SectionSpec(key="review_litigation", keywords=("复议", "诉讼", "申诉")),
    SectionSpec(key="inquiries", keywords=("咨询",)),
    SectionSpec(key="institution", keywords=("机构", "人员", "经费")),
    SectionSpec(key="problems_improvements", keywords=("问题", "改进", "努力方向", "工作打算", "下一步")),
    SectionSpec(key="other_matters", keywords=("其他", "需要说明")),
)
