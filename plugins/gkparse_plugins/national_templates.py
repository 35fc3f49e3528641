"""The national templates of the 2019 and 2021 formats, declared as data (templates.md §2–§4).

Tables 2, 3 and 4 sit in sections 二, 三 and 四. Table 3's columns and most of its rows, and all of
table 4, are the same in both formats; table 2 and table 3's （六）其他处理 changed in 2021. Labels
are the official ones (first) and the aliases seen in real reports; they are matched after
normalization (:mod:`gkparse.labels`).
"""

from __future__ import annotations

from gkparse.model import Active2019, Active2021, Applications2019, Applications2021, ReviewLitigation
from gkparse.sections import SectionSpec
from gkparse.template import Column, Equation, ProseFigure, Row, TableTemplate

# --------------------------------------------------------------------------- sections

SECTIONS = (
    SectionSpec(key="overview", number="一", keywords=("总体情况", "概述", "基本情况")),
    SectionSpec(key="active_disclosure", number="二", keywords=("主动公开",)),
    SectionSpec(key="applications", number="三", keywords=("申请",)),
    SectionSpec(key="review_litigation", number="四", keywords=("复议", "诉讼")),
    SectionSpec(key="problems_improvements", number="五", keywords=("问题", "改进", "整改")),
    SectionSpec(key="other_matters", number="六", keywords=("其他", "其它")),
)

# --------------------------------------------------------------------------- table 3

APPLICANT_COLUMNS = (
    Column(key="natural_person", labels=("自然人",)),
    Column(key="commercial", labels=("商业企业",)),
    Column(key="research", labels=("科研机构",)),
    Column(key="public_welfare", labels=("社会公益组织",)),
    Column(key="legal_services", labels=("法律服务机构",)),
    Column(key="other_org", labels=("其他",)),
    Column(key="total", labels=("总计",)),
)
_COLS = tuple(c.key for c in APPLICANT_COLUMNS)


def _r(key: str, number: str, *labels: str) -> Row:
    return Row(key=key, number=number, labels=labels, columns=APPLICANT_COLUMNS)


_HEAD_ROWS = (
    _r("new", "一", "本年新收政府信息公开申请数量"),
    _r("carried_over", "二", "上年结转政府信息公开申请数量"),
    _r("granted", "一", "予以公开"),
    _r("partial", "二", "部分公开"),
    _r("denied_state_secret", "1", "属于国家秘密"),
    _r("denied_prohibited", "2", "其他法律行政法规禁止公开"),
    _r("denied_security", "3", "危及“三安全一稳定”"),
    _r("denied_third_party", "4", "保护第三方合法权益"),
    _r("denied_internal", "5", "属于三类内部事务信息"),
    _r("denied_process", "6", "属于四类过程性信息"),
    _r("denied_enforcement", "7", "属于行政执法案卷"),
    _r("denied_query", "8", "属于行政查询事项"),
    _r("unable_not_held", "1", "本机关不掌握相关政府信息"),
    _r("unable_needs_creation", "2", "没有现成信息需要另行制作"),
    _r("unable_unclear", "3", "补正后申请内容仍不明确"),
    _r("rejected_petition", "1", "信访举报投诉类申请"),
    _r("rejected_duplicate", "2", "重复申请"),
    _r("rejected_publication", "3", "要求提供公开出版物"),
    _r("rejected_excessive", "4", "无正当理由大量反复申请"),
    _r("rejected_confirmation", "5", "要求行政机关确认或重新出具已获取信息"),
)
_TAIL_ROWS = (
    _r("processed_total", "七", "总计"),
    _r("carried_forward", "四", "结转下年度继续办理"),
)
_OTHER_2019 = (_r("other", "六", "其他处理"),)
_OTHER_2021 = (
    _r("other_no_correction", "1", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人无正当理由逾期不补正"),
    _r("other_fee_unpaid", "2", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用"),
    _r("other_misc", "3", "其他"),
)

_DENIED = tuple(r.key for r in _HEAD_ROWS if r.key.startswith("denied_"))
_UNABLE = tuple(r.key for r in _HEAD_ROWS if r.key.startswith("unable_"))
_REJECTED = tuple(r.key for r in _HEAD_ROWS if r.key.startswith("rejected_"))


def _a(row: str) -> str:
    return f"applications.{row}.{{c}}"


def _table3_invariants(other_rows: tuple[str, ...], rows: tuple[Row, ...], groups: dict[str, tuple[str, ...]]) -> tuple[Equation, ...]:
    outcome_rows = ("granted", "partial") + _DENIED + _UNABLE + _REJECTED + other_rows
    eqs = [
        Equation(
            rule="T3.1",
            left=(_a("new"), _a("carried_over")),
            right=(_a("processed_total"), _a("carried_forward")),
            each=_COLS,
            description="新收 + 上年结转 = 办理结果总计 + 结转下年度",
        ),
        Equation(
            rule="T3.2",
            left=(_a("processed_total"),),
            right=tuple(_a(r) for r in outcome_rows),
            each=_COLS,
            description="办理结果总计 = 各项办理结果之和",
        ),
    ]
    for row in rows:
        eqs.append(
            Equation(
                rule="T3.3",
                left=(f"applications.{row.key}.total",),
                right=tuple(f"applications.{row.key}.{c}" for c in _COLS[:-1]),
                description=f"总计 = 自然人 + 五类法人或其他组织 ({row.labels[0]})",
            )
        )
    for group, members in groups.items():
        eqs.append(
            Equation(
                rule="T3.group",
                left=(_a(group),),
                right=tuple(_a(m) for m in members),
                each=_COLS,
                description=f"{group} subtotal = sum of its rows",
            )
        )
    return tuple(eqs)


_ROWS_2019 = _HEAD_ROWS + _OTHER_2019 + _TAIL_ROWS
_ROWS_2021 = _HEAD_ROWS + _OTHER_2021 + _TAIL_ROWS
_GROUPS = {"denied": _DENIED, "unable": _UNABLE, "rejected": _REJECTED}

# --------------------------------------------------------------------------- table 3 in prose

_APPLICANT_WORDS = (
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_welfare", "社会公益组织"),
    ("legal_services", "法律服务机构"),
    ("other_org", r"其他(?:组织|法人或其他组织)?"),
)
_OUTCOME_WORDS = (
    ("carried_over", "上年结转"),
    ("granted", "(?:予以公开|完整公开|全部公开|同意公开)"),
    ("partial", "部分公开"),
    ("denied", "不予公开"),
    ("unable", "无法提供"),
    ("rejected", "不予处理"),
    ("other", "其他处理"),
    ("carried_forward", "结转下年度(?:继续办理)?"),
)
_N = r"(?:的|为|有)?(?P<n>\d+)\s*件"

# Reports that lost their tables often state the same figures in the overview (seed-like wording:
# "共受理政府信息公开申请248件……其中，申请主体为自然人的239件、商业企业2件……办结件中完整公开115件、
# 部分公开33件……结转下年度继续办理10件").
TABLE3_PROSE = (
    ProseFigure(
        key="applications.new.total",
        group="applicants",
        head=True,
        patterns=(r"(?:新收|受理|收到|接收|收)[^，,。；;\d]{0,12}?(?:申请|依申请公开)(?:共|共计)?" + r"(?P<n>\d+)\s*件",),
    ),
    *(ProseFigure(key=f"applications.new.{col}", group="applicants", patterns=(word + _N,)) for col, word in _APPLICANT_WORDS),
    *(ProseFigure(key=f"applications.{row}.total", group="outcomes", patterns=(word + _N,)) for row, word in _OUTCOME_WORDS),
)

APPLICATIONS_2019 = TableTemplate(
    name="applications",
    title="table 3 (收到和处理政府信息公开申请情况)",
    era="2019",
    prefix="applications",
    model=Applications2019,
    section="applications",
    rows=_ROWS_2019,
    invariants=_table3_invariants(("other",), _ROWS_2019, _GROUPS),
    prose=True,
    prose_figures=TABLE3_PROSE,
)
APPLICATIONS_2021 = TableTemplate(
    name="applications",
    title="table 3 (收到和处理政府信息公开申请情况)",
    era="2021",
    prefix="applications",
    model=Applications2021,
    section="applications",
    rows=_ROWS_2021,
    markers=("申请人无正当理由逾期不补正", "申请人逾期未按收费通知要求缴纳费用"),
    invariants=_table3_invariants(
        ("other_no_correction", "other_fee_unpaid", "other_misc"),
        _ROWS_2021,
        {**_GROUPS, "other": ("other_no_correction", "other_fee_unpaid", "other_misc")},
    ),
    prose=True,
    prose_figures=TABLE3_PROSE,
)

# --------------------------------------------------------------------------- table 4

OUTCOME_COLUMNS = (
    Column(key="upheld", labels=("结果维持",)),
    Column(key="corrected", labels=("结果纠正",)),
    Column(key="other", labels=("其他结果",)),
    Column(key="pending", labels=("尚未审结",)),
    Column(key="total", labels=("总计",)),
)
_BLOCKS = ("review", "litigation_direct", "litigation_after_review")

REVIEW_LITIGATION = TableTemplate(
    name="review_litigation",
    title="table 4 (政府信息公开行政复议、行政诉讼情况)",
    era="2019",
    prefix="",
    model=ReviewLitigation,
    section="review_litigation",
    layout="run",
    anchors=("行政复议", "结果维持"),
    rows=(
        Row(key="review", labels=("行政复议",), columns=OUTCOME_COLUMNS),
        Row(key="litigation_direct", labels=("未经复议直接起诉",), columns=OUTCOME_COLUMNS),
        Row(key="litigation_after_review", labels=("复议后起诉",), columns=OUTCOME_COLUMNS),
    ),
    invariants=tuple(
        Equation(
            rule="T4.1",
            left=(f"{b}.total",),
            right=tuple(f"{b}.{c}" for c in ("upheld", "corrected", "other", "pending")),
            description=f"总计 = 维持 + 纠正 + 其他 + 尚未审结 ({b})",
        )
        for b in _BLOCKS
    ),
)

# --------------------------------------------------------------------------- table 2

_MADE = (
    Column(key="made", labels=("本年新制作数量",)),
    Column(key="published", labels=("本年新公开数量",)),
    Column(key="total", labels=("对外公开总数量",)),
)
_ITEMS = (
    Column(key="prev_items", labels=("上一年项目数量",)),
    Column(key="net_change", labels=("本年增/减",), kind="signed"),
    Column(key="decisions", labels=("处理决定数量",)),
)

ACTIVE_2019 = TableTemplate(
    name="active",
    title="table 2 (主动公开政府信息情况)",
    era="2019",
    prefix="active",
    model=Active2019,
    section="active_disclosure",
    rows=(
        Row(key="rules", labels=("规章",), columns=_MADE),
        Row(key="normative_docs", labels=("规范性文件", "行政规范性文件"), columns=_MADE),
        Row(key="licensing", labels=("行政许可",), columns=_ITEMS),
        Row(key="other_services", labels=("其他对外管理服务事项",), columns=_ITEMS),
        Row(key="penalty", labels=("行政处罚",), columns=_ITEMS),
        Row(key="coercion", labels=("行政强制",), columns=_ITEMS),
        Row(key="fees", labels=("行政事业性收费",), columns=_ITEMS[:2]),
        Row(
            key="procurement",
            labels=("政府集中采购",),
            columns=(Column(key="projects", labels=("采购项目数量",)), Column(key="amount_wan", labels=("采购总金额",), kind="money")),
        ),
    ),
    markers=("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购总金额"),
)

_IN_FORCE = (
    Column(key="issued", labels=("本年制发件数",)),
    Column(key="repealed", labels=("本年废止件数",)),
    Column(key="in_force", labels=("现行有效件数",)),
)
_DECISIONS = (Column(key="decisions", labels=("本年处理决定数量",)),)

ACTIVE_2021 = TableTemplate(
    name="active",
    title="table 2 (主动公开政府信息情况)",
    era="2021",
    prefix="active",
    model=Active2021,
    section="active_disclosure",
    rows=(
        Row(key="rules", labels=("规章",), columns=_IN_FORCE),
        Row(key="normative_docs", labels=("行政规范性文件", "规范性文件"), columns=_IN_FORCE),
        Row(key="licensing", labels=("行政许可",), columns=_DECISIONS),
        Row(key="penalty", labels=("行政处罚",), columns=_DECISIONS),
        Row(key="coercion", labels=("行政强制",), columns=_DECISIONS),
        Row(key="fees", labels=("行政事业性收费",), columns=(Column(key="amount_wan", labels=("本年收费金额",), kind="money"),)),
    ),
    markers=("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"),
)
