"""Glued cells (templates.md §5.2): the digit splitter and solver of :mod:`gkparse.glue`, and the
table reader that finds glued runs (:mod:`gkparse.tables`), on hand-made cases.

End-to-end cases build a report with ``report_builder`` (one cell per line), glue some of its
cells the way crawlers do, parse it with :func:`gkparse.parse`, and check the flat fields and the
diagnostics: a glued row is either recovered exactly, with a ``glued_split`` diagnostic, or left out
with an ``ambiguous_split`` (or, when nothing can prove a split, ``row_unreadable``) diagnostic.
"""

from __future__ import annotations

import itertools
import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import report_builder as rb  # noqa: E402
from helpers import brute_splits  # noqa: E402

import gkparse  # noqa: E402
from gkparse.document import Cell  # noqa: E402
from gkparse.glue import Budget, GluedRun, Limits, solve, splits  # noqa: E402
from gkparse.normalize import normalize_text  # noqa: E402
from gkparse_plugins.legacy_templates import STATISTICAL_FORM  # noqa: E402
from gkparse_plugins.national_templates import APPLICATIONS_2019, REVIEW_LITIGATION  # noqa: E402
from gkparse.template import Column, Equation, Row, TableTemplate  # noqa: E402

GLUE_CODES = ("glued_split", "ambiguous_split")
T3_COLUMNS = rb.COLUMNS
T4_KEYS = tuple(f"{b}.{c}" for b in rb.BLOCKS for c in rb.OUTCOMES)


def row_keys(row: str) -> tuple[str, ...]:
    return tuple(f"applications.{row}.{c}" for c in T3_COLUMNS)


def parse(text: str):
    report = gkparse.parse(text, name="glued.txt")
    return report, gkparse.flatten(report)


def diags(report, code: str) -> list:
    return [d for d in report.diagnostics if d.code == code]


def table3(era: str, **rows: tuple[int, ...]) -> dict:
    """Valid values of a report of ``era`` whose table-3 outcome rows are overridden by ``rows``
    (six organisation columns each): totals, （七）总计 and 本年新收 are derived so that T3.1–T3.3
    hold (结转 rows as in the defaults)."""
    values = rb.default_values(era)
    for row, orgs in rows.items():
        for col, v in zip(T3_COLUMNS, (*orgs, sum(orgs))):
            values[f"applications.{row}.{col}"] = v
    for col in T3_COLUMNS:
        processed = sum(values[f"applications.{r}.{col}"] for r in rb.outcome_rows(era))
        values[f"applications.processed_total.{col}"] = processed
        values[f"applications.new.{col}"] = (
            processed + values[f"applications.carried_forward.{col}"] - values[f"applications.carried_over.{col}"]
        )
    return values


# --------------------------------------------------------------------------- splits


def test_splits_cuts_digits_into_values_without_leading_zeros():
    assert splits("1010", 2) == [(10, 10), (101, 0)]
    assert splits("00", 2) == [(0, 0)]
    assert splits("05", 1) == [] and splits("05", 2) == [(0, 5)]
    assert splits("0", 1) == [(0,)] and splits("000", 3) == [(0, 0, 0)]
    assert splits("123", 4) == [] and splits("", 1) == [] and splits("12", 0) == [] and splits("1a", 1) == []
    assert (35, 2, 0, 0, 0, 0, 37) in splits("352000037", 7)


def test_splits_are_exactly_the_brute_force_cuts():
    for length in range(1, 8):
        for digits in {"".join(p) for p in itertools.product("0102", repeat=length)}:
            for n in range(1, length + 1):
                assert splits(digits, n) == brute_splits(digits, n), (digits, n)


# --------------------------------------------------------------------------- the solver


def t3_known(**rows: tuple[int, ...]) -> dict:
    """Table-3 values by flat key for the given rows (six organisation columns each, total added)."""
    known = {}
    for row, values in rows.items():
        for col, v in zip(T3_COLUMNS, (*values, sum(values))):
            known[f"applications.{row}.{col}"] = v
    return known


def test_the_spec_run_352000037_is_split_by_the_table_arithmetic():
    keys = row_keys("new")
    run = GluedRun(where="applications.new", keys=keys, digits=("352000037",), label="本年新收政府信息公开申请数量", raw="352000037")
    known = t3_known(carried_over=(1, 0, 0, 0, 0, 0), processed_total=(30, 2, 0, 0, 0, 0), carried_forward=(6, 0, 0, 0, 0, 0))
    (outcome,) = solve(APPLICATIONS_2019.invariants, known, [run])
    assert outcome.status == "proven" and outcome.values == (35, 2, 0, 0, 0, 0, 37)
    assert set(outcome.rules) == {"T3.1", "T3.3"}
    diag = outcome.diagnostic("glued.txt", APPLICATIONS_2019.title)
    assert diag.code == "glued_split" and diag.severity == "info" and diag.where == "applications.new" and diag.span is None
    assert "352000037" in diag.message and "[35, 2, 0, 0, 0, 0, 37]" in diag.message and "proven" in diag.message
    # Of its 7 splits into seven values, the row identity (总计 = 自然人 + 五类组织) alone keeps one.
    assert len(splits("352000037", 7)) == 7
    (alone,) = solve(APPLICATIONS_2019.invariants, {}, [run])
    assert alone.values == (35, 2, 0, 0, 0, 0, 37) and alone.rules == ("T3.3",)


def test_a_run_the_row_identity_leaves_open_is_decided_by_the_column_identities():
    # 7011236294: 70/11/2/3/6/2 → 94, but also 7/0/1/1/23/62 → 94 and 70/1/12/3/6/2 → 94.
    run = GluedRun(where="applications.new", keys=row_keys("new"), digits=("7011236294",))
    (alone,) = solve(APPLICATIONS_2019.invariants, {}, [run])
    assert alone.status == "ambiguous" and alone.values is None
    assert set(alone.candidates) == {(70, 11, 2, 3, 6, 2, 94), (7, 0, 1, 1, 23, 62, 94), (70, 1, 12, 3, 6, 2, 94)}
    # T3.1 per column (新收 + 上年结转 = 办理结果总计 + 结转下年度) keeps the true one.
    known = t3_known(carried_over=(6, 2, 0, 0, 1, 0), processed_total=(70, 11, 2, 3, 7, 2), carried_forward=(6, 2, 0, 0, 0, 0))
    (outcome,) = solve(APPLICATIONS_2019.invariants, known, [run])
    assert outcome.status == "proven" and outcome.values == (70, 11, 2, 3, 6, 2, 94)


def test_two_splits_that_satisfy_everything_are_listed_and_left_out():
    keys = ("small.first.a", "small.first.b")
    eq = Equation(rule="S1", left=("small.first.a", "small.first.b"), right=("small.total",))  # small.total is never known
    (outcome,) = solve([eq], {}, [GluedRun(where="small.first", keys=keys, digits=("1010",), label="第一行", raw="1010")])
    assert outcome.status == "ambiguous" and outcome.values is None
    assert outcome.candidates == ((10, 10), (101, 0))
    diag = outcome.diagnostic("glued.txt", "the small table")
    assert diag.code == "ambiguous_split" and diag.severity == "warning" and diag.where == "small.first"
    assert "[10, 10] or [101, 0]" in diag.message and "left out" in diag.message


def test_a_split_no_invariant_checks_is_never_taken():
    # Four digits into three values of a row no equation mentions: even a unique split is unproven.
    (outcome,) = solve([], {}, [GluedRun(where="t.r", keys=("t.r.a", "t.r.b", "t.r.c"), digits=("100",))])
    assert outcome.status == "unsolved" and outcome.values is None
    assert outcome.diagnostic("s", "t").code == "row_unreadable"


def test_a_single_value_cut_from_its_label_is_taken_as_the_only_reading():
    (outcome,) = solve([], {}, [GluedRun(where="legacy.complaints", keys=("legacy.complaints",), digits=("12",))])
    assert outcome.status == "proven" and outcome.values == (12,)
    (money,) = solve([], {}, [GluedRun(where="legacy.fees_wan", keys=("legacy.fees_wan",), digits=("0.75",))])
    assert money.values == (Decimal("0.75"),)


def test_two_readings_are_decided_by_the_sums_or_left_out():
    # 件3121.当面申请数: 收到申请数 is 312 (label "1.") or 31 (label "21."); A1 knows the channels.
    run = GluedRun(where="legacy.applications.received", keys=("legacy.applications.received",), digits=("312", "31"))
    channels = {"legacy.applications.received_in_person": 300, "legacy.applications.received_fax": 0, "legacy.applications.received_online": 12, "legacy.applications.received_letter": 0}
    (proven,) = solve(STATISTICAL_FORM.invariants, channels, [run])
    assert proven.status == "proven" and proven.values == (312,) and proven.rules == ("A1",)
    (ambiguous,) = solve(STATISTICAL_FORM.invariants, {}, [run])
    assert ambiguous.status == "ambiguous" and set(ambiguous.candidates) == {(312,), (31,)}


def test_a_table_whose_read_values_break_an_invariant_proves_nothing():
    known = {"review.upheld": 1, "review.corrected": 0, "review.other": 0, "review.pending": 0, "review.total": 5}  # T4.1 fails
    keys = tuple(k for k in T4_KEYS if not k.startswith("review."))
    (outcome,) = solve(REVIEW_LITIGATION.invariants, known, [GluedRun(where="t4", keys=keys, digits=("0000000000",))])
    assert outcome.status == "unsolved" and "already break T4.1" in outcome.reason


def test_runs_linked_by_a_column_identity_are_solved_together():
    # 予以公开 101000011 and 部分公开 110000011 are each ambiguous alone; T3.2 over the columns settles both.
    values = table3("2019", granted=(10, 1, 0, 0, 0, 0), partial=(1, 10, 0, 0, 0, 0))
    glued = ("granted", "partial")
    known = {k: v for k, v in values.items() if k.startswith("applications.") and not any(k.startswith(f"applications.{g}.") for g in glued)}
    runs = [GluedRun(where=f"applications.{g}", keys=row_keys(g), digits=("".join(str(values[k]) for k in row_keys(g)),)) for g in glued]
    assert [r.digits for r in runs] == [("101000011",), ("110000011",)]
    alone = [solve(APPLICATIONS_2019.invariants, {}, [r])[0] for r in runs]
    assert [o.status for o in alone] == ["ambiguous", "ambiguous"]
    outcomes = solve(APPLICATIONS_2019.invariants, known, runs)
    assert [o.values for o in outcomes] == [tuple(values[k] for k in row_keys(g)) for g in glued]
    assert all("T3.2" in o.rules for o in outcomes)


def test_a_work_limit_makes_runs_ambiguous_never_guessed():
    run = GluedRun(where="t4", keys=T4_KEYS, digits=("211151102410113",))
    (outcome,) = solve(REVIEW_LITIGATION.invariants, {}, [run], limits=Limits(steps=5))
    assert outcome.status == "ambiguous" and outcome.values is None and "too many" in outcome.reason


def test_one_work_budget_bounds_every_solve_of_a_document():
    # The reader hands all the solves of a document one Budget: once it is spent, the runs left
    # are ambiguous (never guessed) with a reason that says so, in this solve and the next.
    run = GluedRun(where="t4", keys=T4_KEYS, digits=("211151102410113",))
    (proven,) = solve(REVIEW_LITIGATION.invariants, {}, [run])
    assert proven.status == "proven"
    budget = Budget(steps=5)
    for _ in range(2):
        (outcome,) = solve(REVIEW_LITIGATION.invariants, {}, [run], budget=budget)
        assert outcome.status == "ambiguous" and outcome.values is None and "work budget" in outcome.reason
    assert budget.steps < 0


def test_overlapping_runs_are_refused():
    with pytest.raises(ValueError):
        solve([], {}, [GluedRun(where="a", keys=("k",), digits=("1",)), GluedRun(where="b", keys=("k",), digits=("2",))])


# --------------------------------------------------------------------------- the tokenizer


def test_a_piece_glued_onto_a_label_is_not_joined_to_the_label_before_it():
    doc = normalize_text("5.属于三类内部事务信息 326.属于四类过程性信息\n收到申请数 件12\n", source="t")
    assert [c.text for c in doc.cells] == ["5.属于三类内部事务信息", "326.属于四类过程性信息", "收到申请数", "件12"]


# --------------------------------------------------------------------------- end to end: table 3


def test_a_table3_row_printed_as_one_run_is_recovered_with_its_provenance():
    values = table3("2021")
    text = rb.render_report(values, year=2021, glue={"new": "run"})
    run = "".join(str(values[k]) for k in row_keys("new"))
    assert f"\n{run}\n" in text
    report, flat = parse(text)
    assert {k: flat.get(k) for k in row_keys("new")} == {k: values[k] for k in row_keys("new")}
    (diag,) = diags(report, "glued_split")
    assert diag.where == "applications.new" and diag.severity == "info" and run in diag.message
    start = text.index(f"\n{run}\n") + 1
    fig = report.applications.new.natural_person
    assert fig.source.origin == "table" and (fig.source.span.start, fig.source.span.end) == (start, start + len(run))
    assert fig.raw == run and fig.source.row == "new" and fig.source.column == "natural_person"
    assert not diags(report, "sum_mismatch") and not diags(report, "ambiguous_split")


def test_the_next_labels_list_number_glued_to_the_run_is_split_off_by_the_expected_row():
    # The spec's 326.属于四类过程性信息: the 总计 32 of 5.属于三类内部事务信息 glued onto "6.".
    values = table3("2019", denied_internal=(30, 2, 0, 0, 0, 0))
    text = rb.render_report(values, year=2020, glue={"denied_internal": "last1"})
    assert "\n326.属于四类过程性信息\n" in text
    report, flat = parse(text)
    assert {k: flat.get(k) for k in row_keys("denied_internal")} == {k: values[k] for k in row_keys("denied_internal")}
    # The next row, whose label the digits were glued onto, is read as usual.
    assert {k: flat.get(k) for k in row_keys("denied_process")} == {k: values[k] for k in row_keys("denied_process")}
    (diag,) = diags(report, "glued_split")
    assert diag.where == "applications.denied_internal" and "'32'" in diag.message
    assert flat == {**flat, **rb.expected_flat(values)}


def test_a_whole_row_glued_onto_the_next_label_and_onto_its_own_label():
    values = table3("2021", denied_internal=(3, 1, 0, 0, 2, 0), unable_unclear=(14, 0, 1, 0, 0, 0))
    text = rb.render_report(values, year=2021, glue={"denied_internal": "next", "unable_unclear": "tail", "granted": "next"})
    assert "\n31002066.属于四类过程性信息\n" in text and "3.补正后申请内容仍不明确140100015\n" in text
    report, flat = parse(text)
    assert flat == {**flat, **rb.expected_flat(values)}
    assert {d.where for d in diags(report, "glued_split")} == {"applications.denied_internal", "applications.unable_unclear", "applications.granted"}
    assert not diags(report, "row_unreadable") and not diags(report, "ambiguous_split")


def test_an_ambiguous_table3_row_is_left_out_and_its_candidates_listed():
    # Only 本年新收 is printed, as one run: nothing but its own identity can check it.
    values = table3("2019")
    run = "".join(str(values[k]) for k in row_keys("new"))
    text = rb.render_report(values, year=2020, omit=("applications",)).replace(
        "办理情况统计如下。\n", "办理情况统计如下。\n一、本年新收政府信息公开申请数量\n" + run + "\n"
    )
    report, flat = parse(text)
    assert not any(k.startswith("applications.") for k in flat)
    (diag,) = diags(report, "ambiguous_split")
    assert diag.where == "applications.new" and diag.severity == "warning"
    assert "[70, 11, 2, 3, 6, 2, 94]" in diag.message and " or " in diag.message
    assert not diags(report, "table_missing")


def test_a_glued_table2_row_is_left_out_because_no_invariant_can_check_it():
    # Table 2 declares no sums: a split is never proven, however few the digits allow.
    values = rb.default_values("2019")
    text = rb.render_report(values, year=2020)
    text = text.replace("\n行政许可\n120\n5\n980\n", "\n行政许可\n1205980\n").replace("\n行政强制\n8\n1\n4\n", "\n行政强制\n814\n")
    report, flat = parse(text)
    assert not any(k.startswith(("active.licensing.", "active.coercion.")) for k in flat)
    (many,) = diags(report, "ambiguous_split")
    assert many.where == "active.licensing" and "[1, 20, 5980]" in many.message
    (one,) = [d for d in diags(report, "row_unreadable") if d.where == "active.coercion"]
    assert "no invariant" in one.message
    assert flat["active.penalty.decisions"] == 66 and not diags(report, "glued_split")


# --------------------------------------------------------------------------- end to end: table 4


def test_table4_as_one_run_of_fifteen_digits():
    values = rb.default_values("2021")
    text = rb.render_report(values, year=2021, glue={"review_litigation": "run"})
    assert "\n211151102410113\n" in text
    report, flat = parse(text)
    assert {k: flat.get(k) for k in T4_KEYS} == {k: values[k] for k in T4_KEYS}
    (diag,) = diags(report, "glued_split")
    assert diag.where == "review_litigation" and "T4.1" in diag.message
    assert report.review_litigation.review.total.source.span.start == text.index("\n211151102410113\n") + 1


def test_an_ambiguous_table4_run_is_left_out_without_calling_the_table_lost():
    values = rb.default_values("2021")
    parts = {"review": (10, 1, 0, 0), "litigation_direct": (0, 0, 0, 0), "litigation_after_review": (0, 0, 0, 0)}
    for block, p in parts.items():
        for col, v in zip(rb.OUTCOMES, (*p, sum(p))):
            values[f"{block}.{col}"] = v
    # "101000 11" + zeros: 10+1+0+0 = 11 and 1+0+10+0 = 11 (and more) both fit T4.1.
    report, flat = parse(rb.render_report(values, year=2021, glue={"review_litigation": "run"}))
    assert not any(k in flat for k in T4_KEYS)
    (diag,) = diags(report, "ambiguous_split")
    assert diag.where == "review_litigation" and "[10, 1, 0, 0, 11," in diag.message
    assert not diags(report, "table_missing")


# --------------------------------------------------------------------------- end to end: era 2008


def test_era2008_unit_glued_before_the_value():
    values = rb.legacy_values()
    values["legacy.complaints"] = 12
    text = rb.render_legacy_report(values, glue={"complaints": "run"})
    assert "\n六、举报投诉数量\n件12\n" in text
    report, flat = parse(text)
    assert report.meta.era == "2008"
    assert flat["legacy.complaints"] == 12 and report.legacy.complaints.unit == "件"
    (diag,) = diags(report, "glued_split")
    assert diag.where == "legacy.complaints"


def test_era2008_values_glued_onto_their_label_and_onto_the_next_label():
    values = rb.legacy_values()
    # 申请办结数 12 glued onto "1.按时办结数": 12 (label "1.") or 1 (label "21."); A2 decides.
    values.update({"legacy.applications.concluded": 12, "legacy.applications.concluded_on_time": 10, "legacy.applications.concluded_extended": 2})
    values["legacy.fees_wan"] = Decimal("0.75")
    text = rb.render_legacy_report(
        values, glue={"applications.received": "tail", "applications.concluded": "next", "fees_wan": "tail", "review.total": "last1"}
    )
    assert "\n件121.按时办结数\n" in text and "收取的费用万元0.75\n" in text
    received = values["legacy.applications.received"]
    assert f"（一）收到申请数件{received}\n" in text
    report, flat = parse(text)
    expected = rb.expected_flat(values)
    assert flat == {**flat, **expected}
    assert {d.where for d in diags(report, "glued_split")} == {
        "legacy.applications.received",
        "legacy.applications.concluded",
        "legacy.fees_wan",
        "legacy.review.total",
    }


def test_era2008_a_list_number_that_may_take_the_digits_leaves_the_value_out():
    # 51.当面申请数: 收到申请数 5 glued onto "1.", or a label numbered 51 and no value at all.
    values = rb.legacy_values()
    for key in ("received_in_person", "received_fax", "received_online", "received_letter"):
        values[f"legacy.applications.{key}"] = 0
    values["legacy.applications.received_in_person"] = 5
    values["legacy.applications.received"] = 5
    report, flat = parse(rb.render_legacy_report(values, glue={"applications.received": "last1"}))
    assert "legacy.applications.received" not in flat
    (diag,) = diags(report, "ambiguous_split")
    assert diag.where == "legacy.applications.received" and "list number" in diag.message
    assert flat["legacy.applications.received_in_person"] == 5


# --------------------------------------------------------------------------- clean tables


@pytest.mark.parametrize("era", ["2019", "2021", "2008"])
def test_a_clean_table_raises_no_glue_diagnostics(era):
    if era == "2008":
        values = rb.legacy_values()
        text = rb.render_legacy_report(values)
    else:
        values = rb.default_values(era)
        text = rb.render_report(values, year=2020 if era == "2019" else 2021)
    report, flat = parse(text)
    assert not [d for d in report.diagnostics if d.code in GLUE_CODES + ("row_unreadable",)]
    assert flat == {**flat, **rb.expected_flat(values)}


def test_the_shipped_samples_and_seeds_raise_no_glue_diagnostics(shared):
    root = Path(__file__).resolve().parents[1]
    paths = [p for p in sorted((root / "samples" / "corpus").glob("*.txt")) if p.stem not in ("empty", "not_a_report")]
    paths += sorted((shared / "seeds").glob("*.txt"))
    assert paths
    for path in paths:
        report = gkparse.parse(path)
        assert not [d for d in report.diagnostics if d.code in GLUE_CODES], path.name


def test_the_reader_keeps_separate_cells_certain_beside_a_glued_tail():
    # Six cells apart, the seventh glued onto the next label: only the glued one is solved.
    template = TableTemplate(
        name="small",
        title="the small table",
        era="2021",
        prefix="small",
        model=object,
        rows=(
            Row(key="first", number="1", labels=("第一行",), columns=(Column(key="a"), Column(key="b"), Column(key="total"))),
            Row(key="second", number="2", labels=("第二行",), columns=(Column(key="a"), Column(key="b"), Column(key="total"))),
        ),
        invariants=(
            Equation(rule="S1", left=("small.first.total",), right=("small.first.a", "small.first.b")),
            Equation(rule="S1", left=("small.second.total",), right=("small.second.a", "small.second.b")),
        ),
    )
    from gkparse.tables import read_table

    doc = normalize_text("1.第一行\n12\n3\n152.第二行\n4\n5\n9\n", source="t")
    read = read_table(doc, template)
    assert {k: f.value for k, f in read.values.items()} == {
        "small.first.a": 12, "small.first.b": 3, "small.first.total": 15,
        "small.second.a": 4, "small.second.b": 5, "small.second.total": 9,
    }  # fmt: skip
    assert [d.code for d in read.diagnostics] == ["glued_split"]
    assert isinstance(doc.cells[2], Cell) and doc.cells[3].text == "152.第二行"  # the document is untouched
