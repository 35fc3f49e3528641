"""The Shanghai-style indicator system of pre-2019 reports (templates.md §1.3), as a gkparse plugin.

Shanghai and the districts following it report, besides the national form's indicators, 咨询处理
(consultations by channel), 全文电子化率 (share of documents disclosed in full text) and refusals
coded by 不予公开范围1–7 and by reason (信息不存在, 非本部门掌握, 申请内容不明确, 非《条例》所指政府信息).
They are read into ``legacy.x.shanghai.*``; the national indicators the report also prints keep
their national keys. The format only scores on documents printing these indicators, so national
documents stay with the national plugins.
"""

from gkparse import hookimpl
from gkparse.formats import TableSlot, TemplateFormat
from gkparse.template import Column, Row, TableTemplate
from gkparse_plugins.legacy_templates import SECTIONS, STATISTICAL_FORM


def _row(key, *labels, kind="count"):
    return Row(key=key, labels=labels, columns=(Column(key=None, kind=kind),))


MARKERS = ("全文电子化率", "咨询处理", "不予公开范围", "非本部门掌握", "申请内容不明确")

INDICATORS = TableTemplate(
    name="shanghai",
    title="the Shanghai indicator table (指标统计附表)",
    era="2008",
    prefix="legacy.x.shanghai",
    model=None,
    markers=MARKERS,
    rows=(
        _row("full_text_documents", "全文电子化政府信息数", "全文电子化数"),
        _row("full_text_rate", "全文电子化率", kind="decimal"),
        _row("consultations_total", "咨询处理总数", "咨询总数", "接受咨询总数"),
        _row("consultations_onsite", "现场咨询", "现场咨询数"),
        _row("consultations_phone", "电话咨询", "电话咨询数"),
        _row("consultations_online", "网上咨询", "网上咨询数"),
        *(_row(f"denied_scope_{n}", f"不予公开范围{n}", f"属于不予公开范围{n}") for n in range(1, 8)),
        _row("info_nonexistent", "信息不存在"),
        _row("not_held", "非本部门掌握"),
        _row("unclear", "申请内容不明确"),
        _row("not_gov_info", "非《条例》所指政府信息"),
    ),
)

# The national form, less the row whose label Shanghai uses for a reply category of its own.
FORM = STATISTICAL_FORM.derive(drop_rows=("applications.denied_not_gov_info",))

FORMAT = TemplateFormat(
    name="shanghai-2008",
    era="2008",
    description="Shanghai-style indicator system of pre-2019 reports (咨询处理, 全文电子化率, 不予公开范围1–7)",
    sections=SECTIONS,
    ordered_sections=False,
    requires=MARKERS,
    tables=(TableSlot(candidates=(FORM,), required=False), TableSlot(candidates=(INDICATORS,), required=False)),
)


@hookimpl
def gkparse_register_formats(register):
    register(FORMAT)
