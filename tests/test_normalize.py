"""The normalize stage: one-to-one character normalization and cells."""

from gkparse.normalize import normalize_chars, normalize_text


def kinds(doc):
    return [(c.kind, c.text) for c in doc.cells]


def test_normalization_keeps_length_and_maps_fullwidth():
    raw = "（一）予以公开：１２３　件"
    norm = normalize_chars(raw)
    assert len(norm) == len(raw)
    assert norm == "(一)予以公开:123 件"


def test_one_cell_per_line_and_spaced_labels():
    doc = normalize_text("规  章\n\n0\n\n行 政 复 议\n3\n", source="t")
    assert kinds(doc) == [("text", "规章"), ("number", "0"), ("text", "行政复议"), ("number", "3")]
    assert doc.cells[0].raw == "规  章"


def test_row_separated_by_tabs_pipes_and_spaces():
    doc = normalize_text("| 规章 | 0 | / | — |\n行政许可\t21,820\n", source="t")
    assert kinds(doc) == [("text", "规章"), ("number", "0"), ("null", "/"), ("null", "—"), ("text", "行政许可"), ("number", "21,820")]
    assert doc.cells[2].null == "not_applicable" and doc.cells[3].null == "dash"
    assert doc.cells[5].number == "21820"


def test_numbers_with_units_and_unit_cells():
    doc = normalize_text("政府集中采购 25 48.7508万元\n依申请公开信息收取的费用 万元 0\n", source="t")
    cells = doc.cells
    assert (cells[2].number, cells[2].unit) == ("48.7508", "万元")
    assert cells[4].kind == "unit" and cells[5].number == "0"


def test_numbering_starts_a_new_label():
    doc = normalize_text("三、本年度办理结果   (一)予以公开  8  0\n", source="t")
    assert kinds(doc)[:2] == [("text", "三、本年度办理结果"), ("text", "(一)予以公开")]


def test_spans_point_into_the_decoded_text():
    text = "标题\n（二）部分公开  ５\n"
    doc = normalize_text(text, source="t")
    five = doc.cells[-1]
    assert text[five.start : five.end] == "５" and five.number == "5" and five.line == 2


def test_traditional_script_is_detected_and_converted_in_place():
    text = "政府資訊公開工作年度報告\n規範性檔案 3\n"
    doc = normalize_text(text, source="t")
    assert doc.script == "traditional"
    assert doc.cells[1].text == "规范性文件"
    assert len(doc.norm) == len(text)
    assert any(d.code == "script_converted" for d in doc.diagnostics)


def test_simplified_text_stays_simplified():
    doc = normalize_text("政府信息公开工作年度报告\n规范性文件 3\n", source="t")
    assert doc.script == "simplified" and doc.diagnostics == ()


def test_one_length_changing_phrase_does_not_cost_the_whole_line_its_vocabulary():
    from gkparse.script import to_simplified

    line = "來源：區政府辦公室 釋出時間：2022-03-30 網站最佳化"
    out = to_simplified(line)
    assert len(out) == len(line)
    assert "发布时间" in out and "来源" in out  # phrase-converted; 最佳化 falls back alone
