"""The Shanghai-style variant: golden test on a report we wrote in that style, detection against
the national plugins, and that the entry point loads (a plugin author's first test)."""

from __future__ import annotations

import importlib.metadata as md
from pathlib import Path

import gkparse
import gkparse_plugins.national_2008 as national_2008
import gkparse_plugins.national_2019 as national_2019
import gkparse_shanghai

REPORT = """云浦区2015年政府信息公开工作年度报告
发布日期：2016-03-25
根据《中华人民共和国政府信息公开条例》和《上海市政府信息公开规定》，现将云浦区人民政府2015年度政府信息公开工作情况报告如下。
一、概述
2015年，本区继续深化政府信息公开工作，全年主动公开政府信息1260条。
二、主动公开政府信息情况
全年主动公开政府信息1260条，其中全文电子化1254条，全文电子化率99.5%。
三、依申请公开政府信息情况
全年共受理申请86件，已全部答复。
四、咨询处理情况
全年接受咨询412人次，其中现场咨询120人次、电话咨询230人次、网上咨询62人次。
五、复议、诉讼和申诉情况
全年发生行政复议数量3件，行政诉讼数量1件。
六、存在的主要问题和改进措施
部分单位公开时效有待提高。
附：指标统计附表
指标 单位 数量
主动公开政府信息数 条 1260
全文电子化政府信息数 条 1254
全文电子化率 % 99.5
收到申请数 件 86
当面申请数 件 20
传真申请数 件 0
网络申请数 件 58
信函申请数 件 8
咨询处理总数 人次 412
现场咨询数 人次 120
电话咨询数 人次 230
网上咨询数 人次 62
属于不予公开范围1 件 0
属于不予公开范围2 件 1
属于不予公开范围3 件 0
属于不予公开范围4 件 0
属于不予公开范围5 件 2
属于不予公开范围6 件 0
属于不予公开范围7 件 0
信息不存在 件 9
非本部门掌握 件 11
申请内容不明确 件 3
非《条例》所指政府信息 件 1
行政复议数量 件 3
行政诉讼数量 件 1
"""

EXPECTED = {
    "meta.issuer": "云浦区",
    "meta.year": 2015,
    "meta.era": "2008",
    "meta.variant": "shanghai-2008",
    "legacy.active.items_total": 1260,
    "legacy.applications.received": 86,
    "legacy.applications.received_in_person": 20,
    "legacy.applications.received_fax": 0,
    "legacy.applications.received_online": 58,
    "legacy.applications.received_letter": 8,
    "legacy.review.total": 3,
    "legacy.litigation.total": 1,
    "legacy.x.shanghai.full_text_documents": 1254,
    "legacy.x.shanghai.full_text_rate": "99.5",
    "legacy.x.shanghai.consultations_total": 412,
    "legacy.x.shanghai.consultations_onsite": 120,
    "legacy.x.shanghai.consultations_phone": 230,
    "legacy.x.shanghai.consultations_online": 62,
    "legacy.x.shanghai.denied_scope_1": 0,
    "legacy.x.shanghai.denied_scope_2": 1,
    "legacy.x.shanghai.denied_scope_3": 0,
    "legacy.x.shanghai.denied_scope_4": 0,
    "legacy.x.shanghai.denied_scope_5": 2,
    "legacy.x.shanghai.denied_scope_6": 0,
    "legacy.x.shanghai.denied_scope_7": 0,
    "legacy.x.shanghai.info_nonexistent": 9,
    "legacy.x.shanghai.not_held": 11,
    "legacy.x.shanghai.unclear": 3,
    "legacy.x.shanghai.not_gov_info": 1,
}


def test_entry_point_loads():
    (ep,) = [e for e in md.entry_points(group="gkparse") if e.name == "shanghai_2008"]
    assert ep.load() is gkparse_shanghai


def test_golden(gkparse_parse, gkparse_golden):
    report = gkparse_parse(REPORT, national_2008, gkparse_shanghai)
    gkparse_golden(report, EXPECTED)


def test_wins_detection_with_every_plugin_installed():
    report = gkparse.parse(REPORT)
    assert report.meta.variant == "shanghai-2008"
    fig = next(e.figure for e in report.extras if e.key == "legacy.x.shanghai.consultations_total")
    assert fig.source.origin == "table" and REPORT[fig.source.span.start : fig.source.span.end] == "412"


def test_leaves_national_documents_to_the_national_plugins(gkparse_host):
    national = REPORT.split("附：指标统计附表")[0].replace("，全文电子化率99.5%", "").replace("咨询处理", "咨询")
    assert gkparse_shanghai.FORMAT.score(_document(national)) == 0.0
    report = gkparse.parse(national, host=gkparse_host(national_2008, national_2019, gkparse_shanghai))
    assert report.meta.variant == "national-2008"
    assert not report.extras


def _document(text):
    from gkparse.load import load
    from gkparse.pipeline import to_document

    return to_document(load(text))


def test_listed_by_gkparse_plugins():
    import subprocess
    import sys

    out = subprocess.run([str(Path(sys.executable).parent / "gkparse"), "plugins"], capture_output=True, text=True, check=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("shanghai_2008"))
    assert "gkparse-shanghai 0.1.0" in line and "gkparse_shanghai" in line
    assert "format shanghai-2008" in out
