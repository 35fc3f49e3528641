"""meta.level and meta.scope from the issuer's name and the text (templates.md §5.4)."""

import pytest

from gkparse.metadata import issuer_level, report_scope


@pytest.mark.parametrize(
    "issuer, text, level",
    [
        ("重庆市开州区岳溪镇人民政府", "", "township"),
        ("云溪街道办事处", "", "township"),
        ("绥中县", "", "county"),
        ("东岭区人民政府", "", "county"),
        ("沭阳县发展和改革局", "", "department"),
        ("青石县人民政府办公室", "", "county"),  # the government's own office reports for it
        ("青石县财政局办公室", "", "department"),
        ("阿勒泰地区行政公署及办公室", "", "prefecture"),
        ("湘西土家族苗族自治州", "", "prefecture"),
        ("浙江省", "", "province"),
        ("上海市", "", "province"),
        ("临海市", "由临海市政府办公室汇总全市各镇(街道)、市政府各部门政府信息公开工作情况编制而成", "county"),
        ("青州市", "汇总各县(市、区)报告", "prefecture"),
        ("青州市", "本市全年主动公开信息", None),  # a bare 市 is left unknown
        (None, "", None),
    ],
)
def test_issuer_level(issuer, text, level):
    assert issuer_level(issuer, text) == level


def test_report_scope():
    assert report_scope("county", "由临海市政府办公室汇总全市各镇(街道)、市政府各部门政府信息公开工作情况编制而成") == "government_aggregate"
    assert report_scope("county", "县本级年度报告\n绥中县2023年政府信息公开工作年度报告") == "agency"
    assert report_scope("department", "本局全年主动公开信息") == "agency"
    assert report_scope("county", "县本级财政预决算全部公开") is None
