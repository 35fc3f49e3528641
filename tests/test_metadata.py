"""Meta: title, issuer, year, publication date, statistical period (with damaged dates)."""

import datetime as dt

import pytest

from gkparse.metadata import parse_damaged_date, read_meta
from gkparse.normalize import normalize_text


def meta_of(text):
    return read_meta(normalize_text(text, source="t"), era="2021", variant="v")


@pytest.mark.parametrize(
    "printed, date, repaired",
    [
        ("2019年1月1日", dt.date(2019, 1, 1), False),
        ("202311日", dt.date(2023, 1, 1), True),
        ("20231231日", dt.date(2023, 12, 31), True),
        ("2023111日", None, True),  # 1-11 or 11-1: ambiguous, left out
    ],
)
def test_damaged_dates(printed, date, repaired):
    got, was_repaired, _ = parse_damaged_date(printed)
    assert (got, was_repaired) == (date, repaired)


def test_title_issuer_year_published_period():
    m = meta_of("县本级年度报告\n青石县2022年政府信息公开工作年度报告\n来源:县政府办公室   日期:2023-01-30\n本报告统计期限自2022年1月1日起至2022年12月31日止。\n")
    assert m.meta.title == "青石县2022年政府信息公开工作年度报告"
    assert (m.meta.issuer, m.meta.year) == ("青石县", 2022)
    assert m.meta.published_on == dt.date(2023, 1, 30)
    assert (m.meta.period_start, m.meta.period_end) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert m.diagnostics == ()


def test_issuer_from_opening_sentence_when_no_title():
    m = meta_of("现就东岭区人民政府2016年度政府信息公开情况报告如下:\n统计期限从2016年1月1日至2016年12月31日。\n")
    assert m.meta.title is None
    assert (m.meta.issuer, m.meta.year) == ("东岭区人民政府", 2016)


def test_fill_in_date_is_not_the_publication_date():
    m = meta_of("青石县2016年政府信息公开工作年度报告\n填报日期:2017-1-18\n")
    assert m.meta.published_on is None


def test_damaged_period_is_read_and_diagnosed():
    m = meta_of("青石县2023年政府信息公开工作年度报告\n报告数据统计期限为202311日至20231231日。\n")
    assert (m.meta.period_start, m.meta.period_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert [d.code for d in m.diagnostics] == ["text_damaged", "text_damaged"]


def test_ambiguous_damaged_period_is_left_out():
    m = meta_of("青石县2023年政府信息公开工作年度报告\n统计期限为2023111日至20231231日。\n")
    assert m.meta.period_start is None and m.meta.period_end == dt.date(2023, 12, 31)
    assert "2023-01-11" in m.diagnostics[0].message and "2023-11-01" in m.diagnostics[0].message
