"""The HTML path: seed reports rendered as CMS pages, the real crawled page, and the renderer's rules.

The seed pages are built at test time from the seeds' content (tests/html_builder.py); the gold
files are read here to check the parse, never by the parser. Every test that reads HTML runs with
both tree builders (the ``builder`` fixture): the default html5lib and the ``fast`` extra
(selectolax/Lexbor) must give the same results; tests/test_html_fast.py compares them directly.
"""

from __future__ import annotations

import pytest

import gkparse
from gkparse.errors import InputError
from gkparse.html import render
from gkparse.load import load, looks_like_html
from gkparse.pipeline import to_document
from helpers import SHARED, TABLE_PREFIXES, gold, seed_path
from html_builder import seed_page, seed_page_bytes

SEEDS = ["000_5ef2061d975e33f8", "001_14adff9be6592cdd", "002_2c03bd508ff881e4", "003_813cce83a6a79fdd", "004_d76d4b4009bfe151"]
PAGE = SHARED / "pages" / "shuyang-fgj-2023.html"

try:
    import selectolax  # noqa: F401

    HAVE_FAST = True
except ImportError:  # the fast extra is optional
    HAVE_FAST = False


@pytest.fixture(params=["html5lib", pytest.param("fast", marks=pytest.mark.skipif(not HAVE_FAST, reason="the fast extra (selectolax) is not installed"))])
def builder(request):
    """Every HTML test runs with both tree builders: they must agree on every test document."""
    return request.param


@pytest.fixture(scope="module")
def text_flat():
    cache: dict = {}

    def get(stem: str) -> dict:
        if stem not in cache:
            cache[stem] = gkparse.flatten(gkparse.parse(seed_path(stem)))
        return cache[stem]

    return get


def _check_gold(flat: dict, expected: dict, keys=None) -> None:
    fields = expected["fields"]
    keys = fields if keys is None else keys
    wrong = {k: (flat.get(k), fields[k]) for k in keys if flat.get(k) != fields[k]}
    assert wrong == {}
    optional = expected.get("optional", {})
    assert {k: flat[k] for k in optional if k in flat} == {k: v for k, v in optional.items() if k in flat}
    spurious = sorted(k for k in flat if k.startswith(TABLE_PREFIXES) and k not in fields and k not in optional)
    assert spurious == []


# --------------------------------------------------------------------------- the five seeds as pages


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_page_gives_the_text_paths_flat_fields(builder, stem, shared, text_flat):
    report = gkparse.parse(seed_page_bytes(stem), name=f"{stem}.html", builder=builder)
    assert report.input.kind == "html"
    flat = gkparse.flatten(report)
    assert flat == text_flat(stem)
    expected = gold(stem)
    _check_gold(flat, expected)
    codes = {d.code for d in report.diagnostics}
    assert set(expected["diagnostics"]) <= codes
    assert "sum_mismatch" not in codes
    assert "attachment_tables" not in codes


def test_gbk_page_with_a_gb2312_meta(builder, shared, text_flat):
    stem = "004_d76d4b4009bfe151"
    data = seed_page_bytes(stem, charset="gb2312", codec="gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = gkparse.parse(data, name="page.html", builder=builder)
    assert report.input.encoding == "gb18030" and report.input.encoding_source == "meta"
    assert gkparse.flatten(report) == text_flat(stem)


def test_page_as_str_and_as_path(builder, shared, text_flat, tmp_path):
    stem = "001_14adff9be6592cdd"
    report = gkparse.parse(seed_page(stem), builder=builder)
    assert report.input.kind == "html" and gkparse.flatten(report) == text_flat(stem)
    path = tmp_path / "report.shtml"
    path.write_bytes(seed_page_bytes(stem))
    assert gkparse.flatten(gkparse.parse(path, builder=builder)) == text_flat(stem)


def test_visible_print_copy_is_read_once(builder, shared, text_flat):
    stem = "001_14adff9be6592cdd"
    page = seed_page(stem, print_copy=True)
    rendered = render(page, builder=builder)
    assert rendered.text.count("一、本年新收政府信息公开申请数量") == 1
    assert gkparse.flatten(gkparse.parse(page, builder=builder)) == text_flat(stem)


def test_seed_page_values_point_into_the_rendering(builder, shared):
    report = gkparse.parse(seed_page_bytes("004_d76d4b4009bfe151"), builder=builder)
    doc = to_document(load(seed_page_bytes("004_d76d4b4009bfe151")), builder=builder)
    fig = report.active.procurement.amount_wan
    assert str(fig.value) == "48.7508"
    assert doc.text[fig.source.span.start : fig.source.span.end] == fig.raw == "48.7508万元"
    new = report.applications.new.total
    line = doc.text.splitlines()[new.source.span.line - 1]
    assert line.startswith("一、本年新收政府信息公开申请数量\t")


# --------------------------------------------------------------------------- the real page


def test_real_page_reproduces_its_gold(builder, shared):
    expected = gold("shuyang-fgj-2023")
    report = gkparse.parse(PAGE, builder=builder)
    flat = gkparse.flatten(report)
    assert report.input.kind == "html"
    fields = expected["fields"]
    codes = {d.code for d in report.diagnostics}
    assert set(expected["diagnostics"]) <= codes
    assert "sum_mismatch" not in codes
    spurious = sorted(k for k in flat if k.startswith(TABLE_PREFIXES) and k not in fields)
    assert spurious == []
    # Every printed value, and the meta read from the page's signals (title, 公开日期).
    blanks = {k for k, v in fields.items() if k.startswith("applications.") and not k.endswith((".natural_person", ".total"))}
    wrong = {k: (flat.get(k), v) for k, v in fields.items() if k not in blanks and flat.get(k) != v}
    assert wrong == {}
    # The organisation cells are blank on the page; the table's arithmetic (总计 = 自然人 in every
    # row) proves them 0, and a diagnostic says so.
    assert "blank_proven_zero" in codes
    wrong = {k: (flat.get(k), fields[k]) for k in blanks if flat.get(k) != fields[k]}
    assert wrong == {}


def test_real_page_rendering(builder, shared):
    rendered = render(PAGE.read_text(encoding="utf-8"), source="shuyang", builder=builder)
    lines = rendered.text.splitlines()
    assert lines[0] == "沭阳县发展和改革局2023年政府信息公开年度报告"  # the <title>, suffix "-沭阳县发改局" stripped
    assert lines[1] == "发布日期:2024-01-17"  # the index table's 公开日期
    assert rendered.title == lines[0] and rendered.published == "2024-01-17"
    text = rendered.text
    for chrome in ("繁體版", "无障碍", "采集时间", "索引号", "智能问答", "版权所有"):
        assert chrome not in text
    assert lines[-1] == "2024年1月17日"
    # Table 3: the rowspan-22 group label once, its covered positions left out, blank cells kept.
    assert text.count("三、本年度办理结果") == 1
    row = next(n for n, line in enumerate(lines, 1) if line.startswith("三、本年度办理结果\t"))
    assert row in rendered.grid_lines
    assert lines[row - 1].split("\t") == ["三、本年度办理结果", "（一）予以公开", "26", "", "", "", "", "", "26"]
    assert lines[row].split("\t") == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0", "", "", "", "", "", "0"]
    assert "行政许可\t0" in lines  # a colspan-3 value cell is one field


# --------------------------------------------------------------------------- rendering rules


def _page(body: str, title: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"


REPORT_PROSE = "<p>根据《中华人民共和国政府信息公开条例》规定，现将本机关政府信息公开工作年度报告如下。主动公开政府信息，依申请公开，行政复议和行政诉讼情况。</p>"


def test_rowspan_and_colspan_are_expanded_without_repeating(builder):
    html = _page(
        REPORT_PROSE
        + "<table>"
        "<tr><td rowspan=2 colspan=2>甲</td><td>乙</td><td>丙</td></tr>"
        "<tr><td>1</td><td>2</td></tr>"
        "<tr><td>丁</td><td colspan=2>3</td><td>4</td></tr>"
        "</table>"
    )
    r = render(html, builder=builder)
    assert r.grids == ((("甲", None, "乙", "丙"), (None, None, "1", "2"), ("丁", "3", None, "4")),)
    lines = r.text.splitlines()
    assert lines[-3:] == ["甲\t乙\t丙", "1\t2", "丁\t3\t4"]
    assert {len(lines) - 2, len(lines) - 1, len(lines)} <= r.grid_lines


def test_br_and_p_inside_a_cell_stay_one_cell(builder):
    html = _page(REPORT_PROSE + "<table><tr><td>商业<br>企业</td><td><p>科研</p><p>机构</p></td><td><p><span>1</span><span>2</span></p></td></tr></table>")
    r = render(html, builder=builder)
    assert r.text.splitlines()[-1] == "商业 企业\t科研 机构\t12"
    doc = to_document(load(html), builder=builder)
    cells = doc.line_cells(doc.lines[-1])
    assert [(c.kind, c.text) for c in cells] == [("text", "商业企业"), ("text", "科研机构"), ("number", "12")]


def test_nbsp_cells_are_blank_cells(builder):
    html = _page(REPORT_PROSE + "<table><tr><td>予以公开</td><td>5</td><td>&nbsp;</td><td> </td><td>\u3000</td><td>5</td></tr></table>")
    assert render(html, builder=builder).text.splitlines()[-1] == "予以公开\t5\t\t\t\t5"
    doc = to_document(load(html), builder=builder)
    cells = doc.line_cells(doc.lines[-1])
    assert [c.kind for c in cells] == ["text", "number", "blank", "blank", "blank", "number"]
    assert all(c.null == "blank" and c.text == "" and c.start == c.end for c in cells[2:5])


def test_a_table_split_in_two_is_joined(builder):
    first = (
        "<table><tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>"
        "<tr><td rowspan=3>一、依申请公开</td><td>件</td><td>3</td></tr></table>"
    )
    second = "\n  <table><tr><td></td><td>4</td></tr><tr><td>件</td><td>5</td></tr><tr><td>二、行政复议</td><td></td><td>6</td></tr></table>"
    r = render(_page(REPORT_PROSE + first + second), builder=builder)
    assert len(r.grids) == 1
    assert r.grids[0][2] == (None, "", "4")  # the rowspan continues into the second part
    lines = r.text.splitlines()
    # empty 单位 cells are no value slots: left out, in the second part as well
    assert lines[-3:] == ["4", "件\t5", "二、行政复议\t6"]
    # with a paragraph in between, they stay two tables
    r = render(_page(REPORT_PROSE + first + "<p>说明</p>" + second), builder=builder)
    assert len(r.grids) == 2


def test_layout_table_is_unwrapped(builder):
    inner = "<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>3</td></tr></table>"
    html = _page(
        "<table width=1000><tr><td><a href='/'>首页</a></td></tr>"
        f"<tr><td>{REPORT_PROSE}<p>二、主动公开政府信息情况</p>{inner}<p>三、收到和处理政府信息公开申请情况</p></td></tr></table>"
    )
    r = render(html, builder=builder)
    lines = r.text.splitlines()
    assert lines[-4:] == ["二、主动公开政府信息情况", "规章\t0", "规范性文件\t3", "三、收到和处理政府信息公开申请情况"]
    assert r.grid_lines == {len(lines) - 2, len(lines) - 1}
    assert "首页" not in r.text


def test_hidden_elements_are_dropped(builder):
    html = _page(
        REPORT_PROSE
        + '<div style="display: none">隐藏甲</div><p hidden>隐藏乙</p><span style="color:red;visibility:hidden">隐藏丙</span>'
        + "<p>可见</p><script>var a='脚本';</script><style>p{}</style><noscript>无脚本</noscript>"
    )
    text = render(html, builder=builder).text
    assert "可见" in text
    for gone in ("隐藏", "脚本", "p{}", "无脚本"):
        assert gone not in text


def test_duplicates_and_chrome_are_dropped(builder):
    report = "<div class='c'>" + REPORT_PROSE + "<p>二、主动公开政府信息情况。本年度主动公开政府信息一千条，依申请公开申请十件，均按期答复。</p></div>"
    html = _page(
        "<nav><a href='/'>首页</a><a href='/zwgk'>政务公开</a></nav>"
        "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/a'>政府信息公开</a> &gt; <a href='/b'>年报</a></div>"
        + report
        + report.replace("class='c'", "class='print'")
        + "<ul><li><a href='/1'>某县2022年政府信息公开工作年度报告</a></li><li><a href='/2'>某县2021年政府信息公开工作年度报告</a></li></ul>"
        "<p>【<a href='#'>打印本页</a>】【<a href='#'>关闭窗口</a>】</p>"
        "<footer>版权所有 某县人民政府 备案号：ICP12345</footer>"
    )
    text = render(html, builder=builder).text
    assert text.count("二、主动公开政府信息情况") == 1
    for chrome in ("首页", "当前位置", "2022年", "打印", "版权所有"):
        assert chrome not in text


def test_of_two_copies_the_reports_own_stays(builder):
    # a summary box before the article repeats the preamble: the article's copy is the one kept
    para = (
        "本报告根据《中华人民共和国政府信息公开条例》要求编制，报告数据统计期限为2023年1月1日至2023年12月31日，"
        "所列数据均来源于本机关的统计。如对本报告有疑问，请与县政府办公室联系，电话0000-1234567。"
    )
    html = _page(
        f"<div class='summary'><p>{para}</p></div><div class='content'><p>某县2023年政府信息公开工作年度报告</p>"
        f"<p>{para}</p><p>一、总体情况</p><p>本年度主动公开政府信息一千条，依申请公开十件。</p></div>"
    )
    lines = render(html, builder=builder).text.splitlines()
    assert lines[:2] == ["某县2023年政府信息公开工作年度报告", para]
    assert len(lines) == 4


def test_page_title_is_the_first_line_when_the_body_has_none(builder):
    r = render(_page(REPORT_PROSE, title="某市市场监督管理局2023年政府信息公开工作年度报告_某市人民政府网"), builder=builder)
    assert r.title == "某市市场监督管理局2023年政府信息公开工作年度报告"
    assert r.text.splitlines()[0] == r.title
    # a body that prints its title: the <title> is not added
    body = "<h1>某市市场监督管理局2023年政府信息公开工作年度报告</h1>" + REPORT_PROSE
    r = render(_page(body, title="某市市场监督管理局2023年政府信息公开工作年度报告 - 某市人民政府"), builder=builder)
    assert r.text.count("某市市场监督管理局2023年政府信息公开工作年度报告") == 1
    # a <title> that is no report title is not added
    r = render(_page(REPORT_PROSE, title="某市人民政府门户网站"), builder=builder)
    assert r.title == "某市人民政府门户网站" and not r.text.startswith("某市人民政府")


def test_publication_date_and_source_from_the_cms(builder):
    info = "<div class='info'>来源：某县人民政府办公室　发布时间：2024年1月5日　浏览次数：12</div>"
    r = render(_page(info + "<div>" + REPORT_PROSE * 3 + "</div>"), builder=builder)
    assert r.text.splitlines()[:2] == ["发布日期:2024-01-05", "来源:某县人民政府办公室"] and r.published == "2024-01-05"
    index = "<table><tr><td>索引号</td><td>0001/2024-1</td><td>公开日期</td><td>2024-02-03</td></tr></table>"
    r = render(_page(index + "<div>" + REPORT_PROSE * 3 + "</div>"), builder=builder)
    assert r.published == "2024-02-03"
    # the body's own date line wins: nothing is added
    r = render(_page(index + "<div><p>日期：2024-02-05</p>" + REPORT_PROSE * 3 + "</div>"), builder=builder)
    assert r.published is None and "发布日期:" not in r.text
    # a crawler's "采集时间" is no publication date, and a URL is no source
    crawler = "<div>采集时间：2025-12-30T21:37:37+08:00</div><div>来源：http://www.example.gov.cn/a.html</div>"
    r = render(_page(crawler + "<div>" + REPORT_PROSE * 3 + "</div>"), builder=builder)
    assert r.published is None and not r.text.startswith(("发布日期", "来源"))


def test_attachment_tables_are_diagnosed(builder):
    body = REPORT_PROSE + "<p>二、主动公开政府信息情况</p><p>相关统计表详见附件。</p><p>附件：<a href='/files/2023年报统计表.pdf'>统计表</a> <a href='/files/附表.xlsx'>附表</a></p>"
    r = render(_page(body), source="p.html", builder=builder)
    assert r.attachments == ("/files/2023年报统计表.pdf", "/files/附表.xlsx")
    (diag,) = r.diagnostics
    assert diag.code == "attachment_tables" and diag.severity == "warning" and "/files/附表.xlsx" in diag.message
    # the words may sit in the attachment list itself (a link list, left out of the text)
    r = render(_page(REPORT_PROSE + "<p>附件：<a href='/a.pdf'>统计表一</a> <a href='/b.xls'>统计表二</a></p>"), builder=builder)
    assert r.attachments == ("/a.pdf", "/b.xls") and "统计表一" not in r.text
    r = render(_page(REPORT_PROSE + "<p>表格见下图：</p><p><img src='/img/t3.png'></p>"), builder=builder)
    assert r.attachments == ("/img/t3.png",)
    # links without any words about attachments, or words without links: nothing
    assert render(_page(REPORT_PROSE + "<p><a href='/a.pdf'>报告全文</a></p>"), builder=builder).diagnostics == ()
    assert render(_page(REPORT_PROSE + "<p>附件1 政府信息公开情况统计表</p>"), builder=builder).diagnostics == ()


def test_attachment_diagnostic_reaches_the_report(builder):
    body = (
        "<h1>某县2023年政府信息公开工作年度报告</h1>" + REPORT_PROSE
        + "".join(f"<p>{h}</p>" for h in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"))
        + "<p>以上表格见附件。<a href='/t.docx'>统计表.docx</a></p>"
    )
    report = gkparse.parse(_page(body), name="p.html", builder=builder)
    codes = [d.code for d in report.diagnostics]
    assert "attachment_tables" in codes and "table_missing" in codes


# --------------------------------------------------------------------------- detection and options


def test_html_detection():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("\ufeff  <html><body>x")
    assert looks_like_html("<!-- saved -->\n<div class='a'>x</div>")
    assert looks_like_html('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x">\n<html>')
    assert looks_like_html("<table><tr><td>1</td></tr></table>")
    fragment = "政府信息公开年度报告\n" + "<p>段落<span>一</span></p>\n" * 6 + "<br/>" * 3
    assert looks_like_html(fragment)
    crawled = "(一)收到申请数</td>  0\n 1.当面申请数  0\n" * 30
    assert not looks_like_html(crawled)
    assert not looks_like_html("报告 <b>注意</b> 一处标记\n" + "正文。" * 200)
    assert not looks_like_html(seed_path("000_5ef2061d975e33f8").read_text(encoding="utf-8"))


def test_crawled_text_with_leaked_td_stays_text(shared):
    raw = load(seed_path("000_5ef2061d975e33f8"))
    assert to_document(raw).input.kind == "text"


def test_unknown_builder_is_a_clear_error():
    with pytest.raises(InputError, match="unknown HTML builder 'lxml2'"):
        gkparse.parse("<html><body><p>x</p></body></html>", builder="lxml2")
    with pytest.raises(InputError):
        render("<p>x</p>", builder="nope")


def test_render_refuses_bytes(builder):
    with pytest.raises(InputError, match="never bytes"):
        render(b"<p>x</p>", builder=builder)  # type: ignore[arg-type]
