"""The table readers and typed assembly, on small templates declared in the test."""

from decimal import Decimal

from attrs import frozen

from gkparse.model import Figure
from gkparse.normalize import normalize_text
from gkparse.tables import assemble, count_markers, read_table
from gkparse.template import Column, Equation, Row, TableTemplate


@frozen(kw_only=True)
class Pair:
    a: Figure | None = None
    b: Figure | None = None


@frozen(kw_only=True)
class Small:
    first: Pair | None = None
    second: Pair | None = None
    amount: Figure | None = None


COLS = (Column(key="a", labels=("甲",)), Column(key="b", labels=("乙",)))
ROWS_TEMPLATE = TableTemplate(
    name="small",
    title="the small table",
    era="2021",
    prefix="small",
    model=Small,
    rows=(
        Row(key="first", labels=("第一行",), columns=COLS),
        Row(key="second", labels=("第二行", "第二列行"), columns=COLS),
        Row(key="amount", labels=("金额",), columns=(Column(key=None, kind="money"),)),
    ),
    markers=("甲数量", "乙数量"),
    invariants=(Equation(rule="S1", left=("small.first.a",), right=("small.second.a",)),),
)


def test_rows_are_found_by_label_whatever_the_header_order():
    doc = normalize_text("乙数量\n甲数量\n第一行\n1\n2\n表头说明\n第二列行\n3\n/\n金额\n251000元\n", source="t")
    read = read_table(doc, ROWS_TEMPLATE)
    v = {k: f.value for k, f in read.values.items()}
    assert v == {"small.first.a": 1, "small.first.b": 2, "small.second.a": 3, "small.second.b": None, "small.amount": Decimal("25.1")}
    assert read.values["small.second.b"].null == "not_applicable"
    assert read.values["small.amount"].source.row == "amount"
    assert count_markers(doc, ROWS_TEMPLATE) == 2


def test_a_row_with_the_wrong_number_of_values_is_left_out_and_diagnosed():
    doc = normalize_text("第一行 1\n第二行 3 4\n", source="t")
    read = read_table(doc, ROWS_TEMPLATE)
    assert set(read.values) == {"small.second.a", "small.second.b"}
    (diag,) = read.diagnostics
    assert diag.code == "row_unreadable" and diag.where == "small.first" and "1 value cells" in diag.message


def test_a_count_with_decimals_is_refused():
    doc = normalize_text("第一行 1.5 2\n", source="t")
    read = read_table(doc, ROWS_TEMPLATE)
    assert "small.first.a" not in read.values and read.values["small.first.b"].value == 2
    assert read.diagnostics[0].code == "bad_value"


RUN_TEMPLATE = TableTemplate(
    name="run",
    title="the run table",
    era="2021",
    prefix="",
    model=Small,
    layout="run",
    anchors=("甲乙表",),
    rows=(Row(key="first", labels=("一",), columns=COLS), Row(key="second", labels=("二",), columns=COLS)),
)


def test_run_layout_takes_the_first_run_of_the_right_length_after_the_anchor():
    doc = normalize_text("前言 7 件\n甲乙表\n甲\n乙\n1\n2\n3\n4\n", source="t")
    read = read_table(doc, RUN_TEMPLATE)
    assert {k: f.value for k, f in read.values.items()} == {"first.a": 1, "first.b": 2, "second.a": 3, "second.b": 4}


def test_run_of_the_wrong_length_is_not_guessed():
    doc = normalize_text("甲乙表\n1\n2\n3\n", source="t")
    read = read_table(doc, RUN_TEMPLATE)
    assert read.values == {} and read.diagnostics[0].code == "row_unreadable"


def test_assemble_builds_the_typed_model_and_keeps_absent_tables_absent():
    doc = normalize_text("第一行\n1\n2\n", source="t")
    read = read_table(doc, ROWS_TEMPLATE)
    table = assemble(Small, read.values, "small")
    assert table.first.a.value == 1 and table.second is None
    assert assemble(Small, {}, "small") is None


def test_derive_replaces_and_adds_rows():
    variant = ROWS_TEMPLATE.derive(
        name="variant",
        replace_rows={"first": Row(key="first", labels=("首行",), columns=COLS)},
        add_rows=(Row(key="third", labels=("第三行",), columns=COLS),),
    )
    assert [r.key for r in variant.rows] == ["first", "second", "amount", "third"]
    assert variant.rows[0].labels == ("首行",) and ROWS_TEMPLATE.rows[0].labels == ("第一行",)
    assert "small.third.b" in variant.flat_keys()


def test_derive_drops_rows_with_their_invariants():
    variant = ROWS_TEMPLATE.derive(drop_rows=("second",))
    assert [r.key for r in variant.rows] == ["first", "amount"]
    assert variant.invariants == ()  # S1 named small.second.a
    import pytest

    with pytest.raises(ValueError, match="no rows"):
        ROWS_TEMPLATE.derive(drop_rows=("nope",))


def test_a_heading_one_character_from_a_label_is_not_the_row():
    """二、主动公开政府信息情况 is within the fuzzy distance of 主动公开政府信息数, but has no values."""
    from gkparse_plugins.legacy_templates import STATISTICAL_FORM

    doc = normalize_text("二、主动公开政府信息情况\n全年公开信息。\n统计指标 单位 统计数\n主动公开政府信息数 条 505\n", source="t")
    read = read_table(doc, STATISTICAL_FORM)
    assert read.values["legacy.active.items_total"].value == 505 and read.diagnostics == ()
