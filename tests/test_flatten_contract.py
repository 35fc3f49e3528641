"""flatten() produces exactly the keys of fields.md: checked against the hand-checked gold files,
whose full reports list every table key of their era."""

import datetime as dt
from decimal import Decimal

import pytest

import gkparse
from gkparse_plugins.legacy_templates import STATISTICAL_FORM
from gkparse_plugins.national_templates import ACTIVE_2019, ACTIVE_2021, APPLICATIONS_2019, APPLICATIONS_2021, REVIEW_LITIGATION
from gkparse.flatten import flat_value
from helpers import TABLE_PREFIXES, gold

CASES = {
    "2021": ("001_14adff9be6592cdd", (ACTIVE_2021, APPLICATIONS_2021, REVIEW_LITIGATION)),
    "2019": ("004_d76d4b4009bfe151", (ACTIVE_2019, APPLICATIONS_2019, REVIEW_LITIGATION)),
    "2008": ("000_5ef2061d975e33f8", (STATISTICAL_FORM,)),
}


@pytest.mark.parametrize("era", sorted(CASES))
def test_template_keys_are_the_gold_table_keys(era, shared):
    stem, templates = CASES[era]
    gold_keys = {k for k in gold(stem)["fields"] if k.startswith(TABLE_PREFIXES)}
    template_keys = {k for t in templates for k in t.flat_keys()}
    assert template_keys == gold_keys


def test_flat_values_have_the_contract_types():
    assert flat_value(Decimal("48.7508")) == "48.7508"
    assert flat_value(Decimal("25.1000")) == "25.1"
    assert flat_value(Decimal("15314")) == "15314"
    assert flat_value(dt.date(2024, 2, 18)) == "2024-02-18"
    assert flat_value(7) == 7


def test_empty_cells_are_absent_not_zero():
    text = (
        "青石县2021年政府信息公开工作年度报告\n一、总体情况\n文字\n二、主动公开政府信息情况\n"
        "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 / / /\n行政规范性文件 2 1 9\n"
        "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
    )
    report = gkparse.parse(text)
    flat = gkparse.flatten(report)
    assert report.active.rules.issued.value is None and report.active.rules.issued.null == "not_applicable"
    assert not any(k.startswith("active.rules.") for k in flat)
    assert flat["active.normative_docs.in_force"] == 9
