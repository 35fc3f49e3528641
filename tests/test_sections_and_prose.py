"""Section headings (ordered and unordered) and figures stated in prose."""

from gkparse.normalize import normalize_text
from gkparse.prose import read_prose
from gkparse.sections import SectionSpec, find_sections
from gkparse.template import Column, Row, TableTemplate
from gkparse.model import LegacyStats

SPECS = (
    SectionSpec(key="overview", number="一", keywords=("总体情况",)),
    SectionSpec(key="applications", number="三", keywords=("申请",)),
    SectionSpec(key="review", number="四", keywords=("复议", "诉讼")),
)


def test_ordered_sections_skip_table_rows_with_the_same_numbering():
    text = "一、总体情况\n概述文字。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n3\n四、结转下年度继续办理\n0\n四、政府信息公开行政复议、行政诉讼情况\n0\n"
    sections = find_sections(normalize_text(text, source="t"), SPECS)
    assert [(s.key, s.heading) for s in sections] == [
        ("overview", "一、总体情况"),
        ("applications", "三、收到和处理政府信息公开申请情况"),
        ("review", "四、政府信息公开行政复议、行政诉讼情况"),
    ]
    assert "结转下年度继续办理" in sections[1].text


def test_inline_headings_in_a_one_line_crawl():
    text = "本报告……编制而成。 一、总体情况 2020年以来…… 三、收到和处理政府信息公开申请情况 无。"
    sections = find_sections(normalize_text(text, source="t"), SPECS)
    assert [s.key for s in sections] == ["overview", "applications"]
    assert sections[0].text.startswith("2020年以来")


def test_unordered_sections_are_classified_by_keyword():
    specs = (SectionSpec(key="problems", keywords=("问题",)), SectionSpec(key="overview", keywords=("概述",)))
    text = "一、概述\n文字\n二、存在问题\n文字\n三、下一步\n"
    sections = find_sections(normalize_text(text, source="t"), specs, ordered=False)
    assert [s.key for s in sections] == ["overview", "problems"]


ONE = (Column(key=None),)
PROSE = TableTemplate(
    name="legacy",
    title="t",
    era="2008",
    prefix="legacy",
    model=LegacyStats,
    prose=True,
    rows=(
        Row(key="applications.received", labels=("收到申请数",), columns=ONE, prose=(r"未收到[^。]{0,8}申请",)),
        Row(key="review.total", labels=("行政复议数量",), columns=ONE),
        Row(key="review.corrected", labels=("被依法纠错数",), columns=ONE),
        Row(key="litigation.total", labels=("行政诉讼数量",), columns=ONE),
        Row(key="litigation.corrected", labels=("被依法纠错数",), columns=ONE),
    ),
)


def test_prose_figures_are_read_in_their_group():
    text = "全年未收到信息公开申请。行政复议数量5件(被依法纠错数1件),行政诉讼数量2件(被依法纠错数0件)。"
    doc = normalize_text(text, source="t")
    got = read_prose(doc, PROSE)
    assert {k: f.value for k, f in got.items()} == {
        "legacy.applications.received": 0,
        "legacy.review.total": 5,
        "legacy.review.corrected": 1,
        "legacy.litigation.total": 2,
        "legacy.litigation.corrected": 0,
    }
    fig = got["legacy.litigation.total"]
    assert fig.source.origin == "prose" and text[fig.source.span.start : fig.source.span.end] == "2"


def test_a_group_whose_head_is_not_stated_is_not_read():
    doc = normalize_text("其中被依法纠错数1件。", source="t")
    assert read_prose(doc, PROSE) == {}


def test_prose_labels_with_or_without_their_punctuation():
    from gkparse_plugins.legacy_templates import STATISTICAL_FORM

    text = "全年收到申请数6件，其中不是《条例》所指政府信息2件，法律、法规规定的其他情形1件。"
    got = read_prose(normalize_text(text, source="t"), STATISTICAL_FORM)
    assert got["legacy.applications.denied_not_gov_info"].value == 2
    assert got["legacy.applications.denied_other_legal"].value == 1


def test_a_group_is_not_read_past_the_next_groups_head():
    text = "行政复议数量0件，行政诉讼数量8件（维持具体行政行为或者驳回原告诉讼请求3件，被依法纠错数0件，其他情形数5件）。"
    got = {k: f.value for k, f in read_prose(normalize_text(text, source="t"), PROSE).items()}
    assert got == {"legacy.review.total": 0, "legacy.litigation.total": 8, "legacy.litigation.corrected": 0}
