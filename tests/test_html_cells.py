"""Grid lines (table rows of an HTML rendering) → cells: gkparse.normalize._grid_cells through
normalize_text(grid_lines=...)."""

from __future__ import annotations

from gkparse.normalize import normalize_text


def cells(text: str, grid=frozenset({1})):
    doc = normalize_text(text, source="t", grid_lines=grid)
    return doc, [(c.kind, c.text) for c in doc.line_cells(doc.lines[0])]


def test_one_cell_per_field_and_blanks():
    _, got = cells("一、本年新收政府信息公开申请数量\t26\t\t \t\u3000\t\xa0\t0\t26\t\n")
    assert got == [("text", "一、本年新收政府信息公开申请数量"), ("number", "26")] + [("blank", "")] * 4 + [("number", "0"), ("number", "26"), ("blank", "")]


def test_a_field_is_classified_whole():
    doc, got = cells("规  章\t48.7508 万元\t/\t——\t件\t1,234\n")
    assert got == [("text", "规章"), ("number", "48.7508万元"), ("null", "/"), ("null", "——"), ("unit", "件"), ("number", "1,234")]
    assert doc.cells[5].number == "1234" and doc.cells[1].number == "48.7508" and doc.cells[1].unit == "万元"
    doc, _ = cells("采购总金额\t251000 元\n")
    money = doc.cells[1]
    assert (money.number, money.unit, money.raw) == ("251000", "元", "251000 元")


def test_several_numbers_in_one_field_stay_several_values():
    # "26 0" must never become 260: two values, and the reader sees one too many
    _, got = cells("予以公开\t26 0\t5\n")
    assert got == [("text", "予以公开"), ("number", "26"), ("number", "0"), ("number", "5")]
    # values after a label in the same field are split off it
    _, got = cells("其中：主动公开规范性文件数 28\n")
    assert got == [("text", "其中:主动公开规范性文件数"), ("number", "28")]


def test_text_with_numbering_stays_one_cell():
    _, got = cells("三、本年度 办理结果\t(一)予以公开\n")
    assert got == [("text", "三、本年度办理结果"), ("text", "(一)予以公开")]


def test_only_grid_lines_are_cut_on_tabs():
    doc = normalize_text("甲 乙 1\n丙\t\t2\n", source="t", grid_lines=frozenset({2}))
    first = [(c.kind, c.text) for c in doc.line_cells(doc.lines[0])]
    second = [(c.kind, c.text) for c in doc.line_cells(doc.lines[1])]
    assert first == [("text", "甲乙"), ("number", "1")]
    assert second == [("text", "丙"), ("blank", ""), ("number", "2")]


def test_spans_survive_repairs():
    # a leaked tag is removed by the repairs: the cells' spans still point into the original text
    text = "说明\n收到申请数</td>\t\t12\n"
    doc = normalize_text(text, source="t", grid_lines=frozenset({2}))
    assert doc.norm_map is not None
    line = doc.line_cells(doc.lines[1])
    assert [(c.kind, c.text) for c in line] == [("text", "收到申请数"), ("blank", ""), ("number", "12")]
    for c in line:
        assert text[c.start : c.end] == c.raw
    assert line[2].raw == "12" and line[1].start == text.index("\t\t") + 1
