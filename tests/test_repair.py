"""One test per kind of damage (templates.md §5.3), each on realistic text: the repaired values,
and the diagnostic saying what was repaired and where."""

from __future__ import annotations

import gkparse
import report_builder as rb
from gkparse.repair import find_edits

LEGACY_FORM = """青石县2016年政府信息公开工作年度报告
发布时间:2017年03月28日
现将2016年度我县政府信息公开工作情况报告如下。
附件 政府信息公开情况统计表
统 计 指 标 单位 统计数
{received}  3
     1.当面申请数  1
     2.传真申请数  0
     3.网络申请数  2
     4.信函申请数  0
{concluded}  3
四、行政复议数量  1
{upheld}  1
 (二)被依法纠错数  0
 (三)其他情形数  0
"""


def garble(line: str) -> str:
    """The line as a GBK byte stream read one byte out of step, as the crawl shows it: the
    full-width space that opens it loses its first byte (shown as "?") and every character after
    straddles two."""
    data = ("\u3000" + line).encode("gb18030")
    return "?" + data[1:].decode("gb18030", errors="replace")


def test_mojibake_labels_are_realigned_and_their_values_read():
    text = LEGACY_FORM.format(
        received=garble("（一）收到申请数"),
        concluded=garble("（二）申请办结数"),
        upheld=garble("（一）维持具体行政行为数"),
    )
    assert "ㄒ唬" in text  # the garbling is real
    report = gkparse.parse(text)
    flat = gkparse.flatten(report)
    assert flat["legacy.applications.received"] == 3
    assert flat["legacy.applications.concluded"] == 3
    assert flat["legacy.review.upheld"] == 1
    damaged = [d for d in report.diagnostics if d.code == "text_damaged"]
    assert len(damaged) == 3
    assert damaged[0].where == "line 6" and "realigned" in damaged[0].message
    # The value's span still points at the printed number in the source.
    fig = report.legacy.applications.received
    assert text[fig.source.span.start : fig.source.span.end] == "3" and fig.source.span.line == 6


def test_traditional_script_with_taiwan_vocabulary():
    """A Taiwan-vocabulary mirror converts phrases, not only characters (规范性文件 → 規範性檔案,
    信息 → 資訊); such a page reads the same as its simplified source."""
    import opencc

    values = rb.default_values("2021")
    text = rb.render_report(values, year=2021)
    traditional = opencc.OpenCC("s2twp").convert(text)
    assert "規範性檔案" in traditional and "資訊" in traditional
    report = gkparse.parse(traditional)
    flat = gkparse.flatten(report)
    assert flat["meta.script"] == "traditional"
    assert flat["meta.title"] == f"{rb.ISSUER}2021年政府信息公开工作年度报告"
    assert flat["active.normative_docs.issued"] == values["active.normative_docs.issued"]
    assert flat["applications.new.total"] == values["applications.new.total"]
    assert any(d.code == "script_converted" for d in report.diagnostics)


def test_pinyin_annotations_from_a_spam_mirror():
    values = rb.default_values("2021")
    text = rb.render_report(values, year=2021)
    annotated = (
        text.replace("行政许可", "行(xing)政(zheng)许(xǔ)可(kě)")
        .replace("行政处罚", "行(xing)政(zheng)处(chǔ)罚(fá)")
        .replace("总体情况", "总(zǒng)体(tǐ)情况")
    )
    report = gkparse.parse(annotated)
    flat = gkparse.flatten(report)
    assert flat["active.licensing.decisions"] == values["active.licensing.decisions"]
    assert flat["active.penalty.decisions"] == values["active.penalty.decisions"]
    removed = [d for d in report.diagnostics if d.code == "text_damaged" and "pinyin" in d.message]
    assert len(removed) == 10 and removed[0].where.startswith("line ")


def test_a_lone_lowercase_word_in_brackets_is_not_pinyin():
    assert find_edits("请登录政府网站(app)查询。") == []


def test_injected_spam_is_removed():
    values = rb.default_values("2019")
    text = rb.render_report(values, year=2019)
    spammed = text.replace("具体情况见下表", "具体情况见下表，足球比分直播官方开奖网") + "\n北京pk10赛车官方开奖直播\n"
    report = gkparse.parse(spammed)
    flat = gkparse.flatten(report)
    assert flat["applications.processed_total.total"] == values["applications.processed_total.total"]
    spam = [d for d in report.diagnostics if d.code == "spam_removed"]
    assert len(spam) == 2
    assert any("赛车" in d.message for d in spam) and any("比分直播" in d.message for d in spam)
    assert "比分直播" not in report.sections[1].text


def test_characters_lost_around_dates_and_labels():
    values = rb.default_values("2021")
    text = rb.render_report(values, year=2021, period="202111日至20211231日")
    text = text.replace("本年废止件数", "本年废止件").replace("现行有效件数", "现行有效件")
    report = gkparse.parse(text)
    flat = gkparse.flatten(report)
    assert (flat["meta.period_start"], flat["meta.period_end"]) == ("2021-01-01", "2021-12-31")
    assert flat["active.normative_docs.in_force"] == values["active.normative_docs.in_force"]
    assert [d.code for d in report.diagnostics if d.code == "text_damaged"] == ["text_damaged"] * 2


def _form_with(staff_label: str) -> str:
    return (
        "青石县2016年政府信息公开工作年度报告\n现将2016年度我县政府信息公开工作情况报告如下。\n"
        "附件 政府信息公开情况统计表\n统 计 指 标 单位 统计数\n八、机构建设和保障经费情况 ——\n"
        " (一)政府信息公开工作专门机构数  1\n (二)设置政府信息公开查阅点数  2\n"
        f"{staff_label}  3\n  1.专职人员数  1\n  2.兼职人员数  2\n"
    )


def test_an_unreadable_label_is_placed_by_the_forms_row_order():
    text = _form_with("?。ㄈ\ue40c\ue7ed氖抡\ue47f\ue1a7畔⒐\ue0a6_工作人員數")
    report = gkparse.parse(text)
    assert gkparse.flatten(report)["legacy.institution.staff_total"] == 3
    (placed,) = [d for d in report.diagnostics if "row order" in d.message]
    assert placed.code == "text_damaged" and placed.where == "legacy.institution.staff_total" and "line 8" in placed.message


def test_a_clean_unknown_label_is_never_placed_by_order():
    """A local extra row that is readable but not in the form is not the missing row."""
    report = gkparse.parse(_form_with("(三)本地新增指标数"))
    assert "legacy.institution.staff_total" not in gkparse.flatten(report)
