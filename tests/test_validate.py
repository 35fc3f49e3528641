"""Tests of the validate stage: the template invariants (T3.1, T3.2, T3.3, T3.group, T4.1), the sign
check (T3.4), and the report-level checks of the ``checks`` plugin (period_inconsistent,
era_mismatch), plus ``table_missing`` from extraction.

Reports are built as crawled text (one cell per line) by ``report_builder`` from a dict of table
values; each test perturbs a few cells of the valid defaults and asserts exactly which diagnostics
come out, and where.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import report_builder as rb  # noqa: E402

import gkparse  # noqa: E402
from gkparse.flatten import iter_figures  # noqa: E402
from gkparse.model import (  # noqa: E402
    Applications2021,
    ApplicantRow,
    Extra,
    Figure,
    Provenance,
    Report,
    ReviewLitigation,
    ReviewOutcome,
    Span,
)
from gkparse.template import Column, Equation, Row, TableTemplate  # noqa: E402
from gkparse.validate import check_equations, check_signs, check_templates  # noqa: E402
from gkparse_plugins.national_templates import APPLICATIONS_2021, REVIEW_LITIGATION  # noqa: E402

NAME = "qinghe-report.txt"
YEAR = {"2019": 2020, "2021": 2021}
CHECK_CODES = ("sum_mismatch", "negative_value", "period_inconsistent", "era_mismatch", "table_missing")
_RULE_RE = re.compile(r": (T3\.group|T[0-9.]+) fails(?: in column (\w+))?: ")

TABLE_PREFIXES = {
    "active": ("active.",),
    "applications": ("applications.",),
    "review_litigation": ("review.", "litigation_direct.", "litigation_after_review."),
}
TABLE_TITLES = {"active": "table 2", "applications": "table 3", "review_litigation": "table 4"}
SECTION_HEADINGS = {
    "active": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
}


# --------------------------------------------------------------------------- helpers


def parse(values, year, **kw):
    text = rb.render_report(values, year=year, **kw)
    report = gkparse.parse(text, name=NAME)
    return report, gkparse.flatten(report), text


def diags(report, code):
    return [d for d in report.diagnostics if d.code == code]


def sum_ids(report):
    """``{(rule, column or None, where)}`` of the report's sum_mismatch diagnostics (no duplicates)."""
    out = []
    for d in diags(report, "sum_mismatch"):
        m = _RULE_RE.search(d.message)
        assert m, d.message
        out.append((m.group(1), m.group(2), d.where))
    assert len(out) == len(set(out)), out
    return set(out)


def table_part(flat):
    return {k: v for k, v in flat.items() if not k.startswith("meta.")}


def side(values, keys):
    """The printed form of one side of an equation: ``k (v) + k (v) = sum``."""
    terms = " + ".join(f"{k} ({values[k]})" for k in keys)
    return f"{terms} = {sum(values[k] for k in keys)}"


def a(row, col):
    return f"applications.{row}.{col}"


def only(report, code):
    found = diags(report, code)
    assert len(found) == 1, [(d.code, d.where, d.message) for d in report.diagnostics]
    return found[0]


def assert_no_checks(report, *, except_=()):
    bad = [(d.code, d.where, d.message) for d in report.diagnostics if d.code in CHECK_CODES and d.code not in except_]
    assert bad == []


# --------------------------------------------------------------------------- the builder itself


@pytest.mark.parametrize("era", ["2019", "2021"])
def test_default_values_satisfy_every_invariant(era):
    """The builder's defaults are valid: T3.1, T3.2, T3.3, T4.1 hold and nothing is negative; and
    they are not trivial (several natural-person cells are 12, many cells are non-zero)."""
    v = rb.default_values(era)
    outcomes = rb.outcome_rows(era)
    for c in rb.COLUMNS:
        assert v[a("new", c)] + v[a("carried_over", c)] == v[a("processed_total", c)] + v[a("carried_forward", c)]
        assert v[a("processed_total", c)] == sum(v[a(r, c)] for r in outcomes)
    for r in rb.table3_rows(era):
        assert v[a(r, "total")] == sum(v[a(r, c)] for c in rb.ORG_COLUMNS)
    for b in rb.BLOCKS:
        assert v[f"{b}.total"] == sum(v[f"{b}.{c}"] for c in ("upheld", "corrected", "other", "pending"))
    counts = [x for k, x in v.items() if not k.endswith("net_change")]
    assert all(x >= 0 for x in counts)
    assert sum(1 for r in rb.table3_rows(era) if v[a(r, "natural_person")] == 12) >= 3
    assert sum(1 for x in counts if x) > 60
    assert len(rb.table3_rows(era)) == {"2019": 23, "2021": 25}[era]  # templates.md §6.4


# --------------------------------------------------------------------------- clean reports


@pytest.mark.parametrize("era,year", [("2019", 2019), ("2019", 2020), ("2021", 2021), ("2021", 2023)])
def test_clean_report_has_no_check_diagnostics_and_reads_every_value(era, year):
    values = rb.default_values(era)
    report, flat, _ = parse(values, year)
    assert_no_checks(report)
    assert [d for d in report.diagnostics if d.severity in ("error", "warning")] == []
    # Every table value, exactly as rendered (money as a decimal string in 万元).
    assert table_part(flat) == rb.expected_flat(values)
    assert flat["meta.year"] == year
    assert flat["meta.era"] == era
    assert flat["meta.issuer"] == rb.ISSUER
    assert flat["meta.title"] == f"{rb.ISSUER}{year}年政府信息公开工作年度报告"
    assert flat["meta.period_start"] == f"{year}-01-01"
    assert flat["meta.period_end"] == f"{year}-12-31"
    assert flat["meta.published_on"] == rb.PUBLISHED[year]
    assert report.applications.era == era
    assert report.active.era == era


def test_clean_report_spot_values():
    _, flat21, _ = parse(rb.default_values("2021"), 2021)
    assert flat21["applications.granted.natural_person"] == 12
    assert flat21["applications.granted.total"] == 19
    assert flat21["applications.new.total"] == 94
    assert flat21["applications.other_fee_unpaid.commercial"] == 1
    assert flat21["applications.processed_total.natural_person"] == 72
    assert flat21["applications.carried_forward.natural_person"] == 4
    assert flat21["active.normative_docs.in_force"] == 48
    assert flat21["active.fees.amount_wan"] == "23.45"
    assert flat21["review.total"] == 5
    assert flat21["litigation_after_review.pending"] == 1
    assert "applications.other.total" not in flat21  # 2021: （六） is a group label, not a row
    _, flat19, _ = parse(rb.default_values("2019"), 2020)
    assert flat19["applications.other.natural_person"] == 5
    assert flat19["applications.other.total"] == 7
    assert flat19["active.other_services.net_change"] == -2
    assert flat19["active.procurement.amount_wan"] == "36.125"
    assert "applications.other_misc.total" not in flat19


# --------------------------------------------------------------------------- T3.1


def _check_sum_diag(d, values, rule, left, right, column=None):
    """The message names the rule, the column, every operand with its value and both sums."""
    assert d.severity == "error"
    assert d.message.startswith(f"{NAME}: {rule} fails")
    if column:
        assert f"in column {column}" in d.message
    assert side(values, left) in d.message
    assert side(values, right) in d.message
    assert f"{side(values, left)}, but {side(values, right)}" in d.message


@pytest.mark.parametrize("era", ["2019", "2021"])
def test_t31_one_cell_breaks_t31_in_its_column_and_t33_in_its_row(era):
    v = rb.default_values(era)
    v[a("carried_forward", "natural_person")] += 1
    report, flat, _ = parse(v, YEAR[era])
    assert flat[a("carried_forward", "natural_person")] == v[a("carried_forward", "natural_person")]
    assert sum_ids(report) == {
        ("T3.1", "natural_person", a("processed_total", "natural_person")),
        ("T3.3", None, a("carried_forward", "total")),
    }
    t31 = next(d for d in diags(report, "sum_mismatch") if "T3.1 fails" in d.message)
    t33 = next(d for d in diags(report, "sum_mismatch") if "T3.3 fails" in d.message)
    _check_sum_diag(
        t31, v, "T3.1",
        [a("new", "natural_person"), a("carried_over", "natural_person")],
        [a("processed_total", "natural_person"), a("carried_forward", "natural_person")],
        "natural_person",
    )  # fmt: skip
    assert t31.message.endswith(" (新收 + 上年结转 = 办理结果总计 + 结转下年度)")
    left = v[a("new", "natural_person")] + v[a("carried_over", "natural_person")]
    assert f"= {left}, but" in t31.message and f"= {left + 1} (" in t31.message
    _check_sum_diag(t33, v, "T3.3", [a("carried_forward", "total")], [a("carried_forward", c) for c in rb.ORG_COLUMNS])
    assert "结转下年度继续办理" in t33.message
    assert_no_checks(report, except_=("sum_mismatch",))


@pytest.mark.parametrize("era", ["2019", "2021"])
def test_t31_row_kept_consistent_breaks_t31_in_two_columns_only(era):
    """Raising 结转下年度 in 自然人 and in 总计 keeps T3.3: T3.1 fails in exactly those two columns."""
    v = rb.default_values(era)
    v[a("carried_forward", "natural_person")] += 3
    v[a("carried_forward", "total")] += 3
    report, _, _ = parse(v, YEAR[era])
    assert sum_ids(report) == {
        ("T3.1", "natural_person", a("processed_total", "natural_person")),
        ("T3.1", "total", a("processed_total", "total")),
    }
    for d in diags(report, "sum_mismatch"):
        col = "total" if "in column total" in d.message else "natural_person"
        _check_sum_diag(
            d, v, "T3.1", [a("new", col), a("carried_over", col)], [a("processed_total", col), a("carried_forward", col)], col
        )


@pytest.mark.parametrize("era", ["2019", "2021"])
def test_t31_alone_when_outcome_and_its_total_move_together(era):
    """An outcome row and （七）总计 raised together keep T3.2 and T3.3, so only T3.1 fails."""
    v = rb.default_values(era)
    for row in ("unable_not_held", "processed_total"):
        v[a(row, "research")] += 2
        v[a(row, "total")] += 2
    report, _, _ = parse(v, YEAR[era])
    assert sum_ids(report) == {
        ("T3.1", "research", a("processed_total", "research")),
        ("T3.1", "total", a("processed_total", "total")),
    }


# --------------------------------------------------------------------------- T3.2


def _outcome_cases():
    cases = []
    for era, other in (("2019", "other"), ("2021", "other_fee_unpaid"), ("2021", "other_misc")):
        for row, col in (("granted", "natural_person"), ("denied_query", "commercial"), ("unable_unclear", "legal_services"),
                         ("rejected_petition", "public_welfare"), (other, "other_org")):  # fmt: skip
            cases.append((era, row, col))
    return cases


@pytest.mark.parametrize("era,row,col", _outcome_cases())
def test_t32_outcome_row_raised_with_its_total(era, row, col):
    """An outcome row raised in one column and in its 总计 (T3.3 still holds): T3.2 fails in that column
    and in 总计, nothing else (（七）总计 is unchanged, so T3.1 holds)."""
    v = rb.default_values(era)
    v[a(row, col)] += 1
    v[a(row, "total")] += 1
    report, flat, _ = parse(v, YEAR[era])
    assert flat[a(row, col)] == v[a(row, col)]
    assert sum_ids(report) == {
        ("T3.2", col, a("processed_total", col)),
        ("T3.2", "total", a("processed_total", "total")),
    }
    outcomes = rb.outcome_rows(era)
    for d in diags(report, "sum_mismatch"):
        c = "total" if "in column total" in d.message else col
        _check_sum_diag(d, v, "T3.2", [a("processed_total", c)], [a(r, c) for r in outcomes], c)
        assert d.message.endswith("(办理结果总计 = 各项办理结果之和)")
        assert len(re.findall(r"applications\.\w+\." + c + r" \(", d.message)) == 1 + len(outcomes)
    assert_no_checks(report, except_=("sum_mismatch",))


def test_t32_2021_counts_all_three_other_subrows():
    """In 2021 the three （六） sub-rows are summed; a 2019 single `other` key plays no part."""
    v = rb.default_values("2021")
    report, _, _ = parse(v, 2021)
    assert sum_ids(report) == set()
    v[a("other_no_correction", "natural_person")] += 4
    v[a("other_no_correction", "total")] += 4
    report, _, _ = parse(v, 2021)
    d = next(d for d in diags(report, "sum_mismatch") if "in column natural_person" in d.message)
    for sub in ("other_no_correction", "other_fee_unpaid", "other_misc"):
        assert f"{a(sub, 'natural_person')} ({v[a(sub, 'natural_person')]})" in d.message
    assert "applications.other.natural_person" not in d.message
    p = v[a("processed_total", "natural_person")]
    assert p == 72
    assert f"{a('processed_total', 'natural_person')} ({p}) = {p}, but" in d.message
    assert d.message.endswith(f"= {p + 4} (办理结果总计 = 各项办理结果之和)")


# --------------------------------------------------------------------------- T3.3


def _t33_cases():
    return [(era, row) for era in ("2019", "2021") for row in rb.table3_rows(era)]


@pytest.mark.parametrize("era,row", _t33_cases())
def test_t33_row_total_off_by_one(era, row):
    """A row whose 总计 is one more than its six columns: T3.3 for that row, plus the column identity
    its 总计 cell takes part in (T3.1 and/or T3.2 in column 总计) — exactly those."""
    v = rb.default_values(era)
    v[a(row, "total")] += 1
    report, flat, _ = parse(v, YEAR[era])
    assert flat[a(row, "total")] == v[a(row, "total")]
    expected = {("T3.3", None, a(row, "total"))}
    if row in ("new", "carried_over", "processed_total", "carried_forward"):
        expected.add(("T3.1", "total", a("processed_total", "total")))
    if row not in ("new", "carried_over", "carried_forward"):
        expected.add(("T3.2", "total", a("processed_total", "total")))
    assert sum_ids(report) == expected
    t33 = next(d for d in diags(report, "sum_mismatch") if "T3.3 fails" in d.message)
    _check_sum_diag(t33, v, "T3.3", [a(row, "total")], [a(row, c) for c in rb.ORG_COLUMNS])
    assert "in column" not in t33.message
    total = v[a(row, "total")]
    assert f"{a(row, 'total')} ({total}) = {total}, but" in t33.message
    assert t33.message.endswith(f"= {total - 1} (总计 = 自然人 + 五类法人或其他组织 ({_official_label(era, row)}))")


def _official_label(era, row):
    from gkparse_plugins.national_templates import APPLICATIONS_2019

    template = APPLICATIONS_2019 if era == "2019" else APPLICATIONS_2021
    return next(r.labels[0] for r in template.rows if r.key == row)


@pytest.mark.parametrize("era", ["2019", "2021"])
def test_t33_alone_when_two_totals_move_in_opposite_directions(era):
    """予以公开 总计 +1 and 部分公开 总计 −1: column 总计 still sums, so only the two T3.3 fail."""
    v = rb.default_values(era)
    v[a("granted", "total")] += 1
    v[a("partial", "total")] -= 1
    report, _, _ = parse(v, YEAR[era])
    assert sum_ids(report) == {("T3.3", None, a("granted", "total")), ("T3.3", None, a("partial", "total"))}
    assert all(d.severity == "error" for d in diags(report, "sum_mismatch"))
    assert_no_checks(report, except_=("sum_mismatch",))


# --------------------------------------------------------------------------- T4.1


@pytest.mark.parametrize("era", ["2019", "2021"])
@pytest.mark.parametrize("block", rb.BLOCKS)
@pytest.mark.parametrize("col,delta", [("total", 1), ("pending", 2), ("upheld", -1)])
def test_t41_each_block(era, block, col, delta):
    v = rb.default_values(era)
    v[f"{block}.{col}"] += delta
    report, flat, _ = parse(v, YEAR[era])
    assert flat[f"{block}.{col}"] == v[f"{block}.{col}"]
    assert sum_ids(report) == {("T4.1", None, f"{block}.total")}
    d = only(report, "sum_mismatch")
    parts = [f"{block}.{c}" for c in ("upheld", "corrected", "other", "pending")]
    _check_sum_diag(d, v, "T4.1", [f"{block}.total"], parts)
    assert d.message.endswith(f"(总计 = 维持 + 纠正 + 其他 + 尚未审结 ({block}))")
    assert_no_checks(report, except_=("sum_mismatch",))


# --------------------------------------------------------------------------- one diagnostic per failure


@pytest.mark.parametrize("era", ["2019", "2021"])
def test_each_failing_instance_is_reported_once(era):
    """One broken cell, one diagnostic per failing equation instance — not one per candidate
    template of the table (both table-3 templates declare T3.1 and the shared rows' T3.3)."""
    v = rb.default_values(era)
    v[a("granted", "total")] += 1
    report, _, _ = parse(v, YEAR[era])
    found = [(d.where, d.message) for d in diags(report, "sum_mismatch")]
    assert len(found) == len(set(found)), found
    assert sorted(w for w, _ in found) == [a("granted", "total"), a("processed_total", "total")]


# --------------------------------------------------------------------------- where the diagnostic points


def _figure(report, key):
    return next(f for k, f in iter_figures(report) if k == key)


@pytest.mark.parametrize(
    "change,where",
    [
        ({a("carried_forward", "natural_person"): 1, a("carried_forward", "total"): 1}, a("processed_total", "natural_person")),
        ({a("granted", "natural_person"): 1, a("granted", "total"): 1}, a("processed_total", "natural_person")),
        ({a("granted", "total"): 1, a("partial", "total"): -1}, a("granted", "total")),
        ({"review.total": 1}, "review.total"),
    ],
    ids=["T3.1", "T3.2", "T3.3", "T4.1"],
)
def test_sum_mismatch_span_points_at_the_cell_where_names(change, where):
    """``where`` names a cell; ``span`` must point at that same cell in the source text."""
    v = rb.default_values("2021")
    for k, dv in change.items():
        v[k] += dv
    report, _, text = parse(v, 2021)
    d = next(d for d in diags(report, "sum_mismatch") if d.where == where)
    fig = _figure(report, where)
    assert d.span is not None
    assert text[d.span.start : d.span.end] == fig.raw
    assert d.span == fig.source.span


# --------------------------------------------------------------------------- T3.4 signs


def test_negative_count_in_table3_is_negative_value():
    """重复申请 自然人 printed as −1 (its 总计 becomes 0), balanced in 予以公开 so every sum still holds."""
    v = rb.default_values("2021")
    assert v[a("rejected_duplicate", "natural_person")] == 2
    v[a("rejected_duplicate", "natural_person")] = -1
    v[a("rejected_duplicate", "total")] -= 3
    v[a("granted", "natural_person")] += 3
    v[a("granted", "total")] += 3
    assert v[a("rejected_duplicate", "total")] == 0
    report, flat, _ = parse(v, 2021)
    assert flat[a("rejected_duplicate", "natural_person")] == -1
    assert sum_ids(report) == set()
    d = only(report, "negative_value")
    assert d.severity == "error"
    assert d.where == a("rejected_duplicate", "natural_person")
    assert d.message == f"{NAME}: applications.rejected_duplicate.natural_person is '-1', but this cell cannot be negative"
    assert_no_checks(report, except_=("negative_value",))


@pytest.mark.parametrize(
    "era,key,value,balance",
    [
        ("2019", "review.other", -1, {"review.total": -2}),
        ("2021", "litigation_direct.corrected", -3, {"litigation_direct.total": -4}),
        ("2021", "active.licensing.decisions", -5, {}),
        ("2019", "active.penalty.decisions", -7, {}),
        ("2019", "active.procurement.projects", -2, {}),
    ],
)
def test_negative_count_elsewhere_is_negative_value(era, key, value, balance):
    v = rb.default_values(era)
    v[key] = value
    for k, dv in balance.items():
        v[k] += dv
    report, flat, _ = parse(v, YEAR[era])
    assert flat[key] == value
    d = only(report, "negative_value")
    assert (d.where, d.severity) == (key, "error")
    assert f"{key} is '{value}'" in d.message
    assert sum_ids(report) == set()


def test_negative_net_change_in_2019_table2_is_allowed():
    v = rb.default_values("2019")
    v["active.licensing.net_change"] = -15
    v["active.fees.net_change"] = -6
    report, flat, _ = parse(v, 2020)
    assert flat["active.licensing.net_change"] == -15
    assert flat["active.fees.net_change"] == -6
    assert flat["active.other_services.net_change"] == -2
    assert diags(report, "negative_value") == []
    assert_no_checks(report)


def test_check_signs_directly():
    signed = Column(key="net_change", kind="signed")
    count = Column(key="decisions")
    t = TableTemplate(
        name="active", era="2019", prefix="active", title="t", model=object, rows=(Row(key="licensing", labels=("行政许可",), columns=(signed, count)),)
    )
    from gkparse.model import Active2019, ItemsDecisions

    report = Report(source="u", active=Active2019(licensing=ItemsDecisions(net_change=fig(-4), decisions=fig(-1))))
    out = check_signs(report, [t])
    assert [(d.code, d.where) for d in out] == [("negative_value", "active.licensing.decisions")]


# --------------------------------------------------------------------------- period_inconsistent


@pytest.mark.parametrize(
    "year,period,start,end,problems",
    [
        (2020, "2020年1月1日至2019年12月31日", "2020-01-01", "2019-12-31", ["it ends before it starts", "report year 2020"]),
        (2020, "2019年1月1日至2019年12月31日", "2019-01-01", "2019-12-31", ["report year 2020"]),
        (2021, "2020年1月1日至2020年12月31日", "2020-01-01", "2020-12-31", ["report year 2021"]),
        (2021, "2021年1月1日至2021年6月30日", "2021-01-01", "2021-06-30", ["report year 2021"]),
        (2023, "2023年12月31日至2023年1月1日", "2023-12-31", "2023-01-01", ["it ends before it starts", "report year 2023"]),
    ],
)
def test_period_inconsistent(year, period, start, end, problems):
    v = rb.default_values(rb.era_of(year))
    report, flat, _ = parse(v, year, period=period)
    # The period stays as printed.
    assert flat["meta.period_start"] == start
    assert flat["meta.period_end"] == end
    assert flat["meta.year"] == year
    d = only(report, "period_inconsistent")
    assert d.severity == "warning"
    assert d.where == "meta.period_start"
    assert f"{start} – {end}" in d.message
    for p in problems:
        assert p in d.message
    if "it ends before it starts" not in problems:
        assert "ends before it starts" not in d.message
    assert d.message.endswith("(kept as printed)")
    assert_no_checks(report, except_=("period_inconsistent",))
    assert table_part(flat) == rb.expected_flat(v)


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022])
def test_period_right_gives_no_diagnostic(year):
    report, flat, _ = parse(rb.default_values(rb.era_of(year)), year, period=f"{year}年1月1日至{year}年12月31日")
    assert diags(report, "period_inconsistent") == []
    assert (flat["meta.period_start"], flat["meta.period_end"]) == (f"{year}-01-01", f"{year}-12-31")


# --------------------------------------------------------------------------- table_missing


@pytest.mark.parametrize("era", ["2019", "2021"])
@pytest.mark.parametrize("table", ["active", "applications", "review_litigation"])
def test_table_missing(era, table):
    v = rb.default_values(era)
    report, flat, _ = parse(v, YEAR[era], omit=[table])
    d = only(report, "table_missing")
    assert d.severity == "warning"
    assert d.where == SECTION_HEADINGS[table]
    assert TABLE_TITLES[table] in d.message
    assert d.message.startswith(NAME + ": ")
    assert getattr(report, table) is None
    # No key of the lost table — never zeros — and the other tables as printed.
    assert [k for k in flat if k.startswith(TABLE_PREFIXES[table])] == []
    expected = {k: x for k, x in rb.expected_flat(v).items() if not k.startswith(TABLE_PREFIXES[table])}
    assert table_part(flat) == expected
    assert flat["meta.era"] == era
    assert_no_checks(report, except_=("table_missing",))


@pytest.mark.parametrize("era", ["2019", "2021"])
def test_all_tables_missing(era):
    report, flat, _ = parse(rb.default_values(era), YEAR[era], omit=["active", "applications", "review_litigation"])
    assert sorted(d.where for d in diags(report, "table_missing")) == sorted(SECTION_HEADINGS.values())
    assert table_part(flat) == {}
    assert flat["meta.year"] == YEAR[era]
    assert diags(report, "sum_mismatch") == []


# --------------------------------------------------------------------------- era_mismatch


@pytest.mark.parametrize(
    "year,table,printed_era",
    [
        (2021, "active", "2019"),
        (2022, "active", "2019"),
        (2020, "active", "2021"),
        (2021, "applications", "2019"),
        (2020, "applications", "2021"),
    ],
)
def test_era_mismatch(year, table, printed_era):
    era = rb.era_of(year)
    kw = {f"{table}_era": printed_era}
    v = rb.default_values(era, **kw)
    report, flat, _ = parse(v, year, **kw)
    # The out-of-era table is read with its own era's template: its keys, all of them.
    assert table_part(flat) == rb.expected_flat(v)
    assert getattr(report, table).era == printed_era
    other = "applications" if table == "active" else "active"
    assert getattr(report, other).era == era
    d = only(report, "era_mismatch")
    assert d.severity == "warning"
    assert d.where == table
    assert d.message == (
        f"{NAME}: {TABLE_TITLES[table]} is printed in the {printed_era} format, "
        f"but a report for {year} uses the {era} format"
    )
    assert_no_checks(report, except_=("era_mismatch",))


def test_era_mismatch_2021_report_with_2019_table2_keys():
    v = rb.default_values("2021", active_era="2019")
    report, flat, _ = parse(v, 2021, active_era="2019")
    assert flat["active.rules.made"] == 1
    assert flat["active.normative_docs.total"] == 40
    assert flat["active.other_services.net_change"] == -2
    assert flat["active.procurement.amount_wan"] == "36.125"
    assert "active.rules.issued" not in flat and "active.fees.amount_wan" not in flat
    # table 3 is still the 2021 form, with its three （六） sub-rows
    assert flat["applications.other_misc.total"] == 3
    assert "applications.other.total" not in flat
    assert [d.where for d in diags(report, "era_mismatch")] == ["active"]
    assert diags(report, "negative_value") == []  # net_change may be negative in any report year


def test_sum_mismatch_in_an_out_of_era_table3():
    """A 2019-form table 3 in a 2021 report is checked with the 2019 invariants (single （六） row)."""
    v = rb.default_values("2021", applications_era="2019")
    v[a("other", "commercial")] += 1
    v[a("other", "total")] += 1
    report, _, _ = parse(v, 2021, applications_era="2019")
    assert sum_ids(report) == {
        ("T3.2", "commercial", a("processed_total", "commercial")),
        ("T3.2", "total", a("processed_total", "total")),
    }
    d = next(d for d in diags(report, "sum_mismatch") if "in column commercial" in d.message)
    assert f"{a('other', 'commercial')} (2)" in d.message
    assert [x.where for x in diags(report, "era_mismatch")] == ["applications"]


# --------------------------------------------------------------------------- check_equations directly


def fig(value, *, null=None):
    raw = "" if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)
    return Figure(value=value, raw=raw, source=Provenance(origin="table", span=Span(start=0, end=1, line=1)), null=null)


def _review(**cells):
    return Report(source="unit", review_litigation=ReviewLitigation(review=ReviewOutcome(**cells)))


def test_check_equations_skips_blank_operand():
    """A blank cell is not a zero: 5 = 2 + 1 + 1 + (blank) is not checked, nor with the cell absent."""
    blank = _review(upheld=fig(2), corrected=fig(1), other=fig(1), pending=fig(None, null="blank"), total=fig(5))
    assert check_equations(blank, [REVIEW_LITIGATION]) == []
    absent = _review(upheld=fig(2), corrected=fig(1), other=fig(1), total=fig(5))
    assert check_equations(absent, [REVIEW_LITIGATION]) == []
    dashed = _review(upheld=fig(2), corrected=fig(1), other=fig(1), pending=fig(1), total=fig(None, null="dash"))
    assert check_equations(dashed, [REVIEW_LITIGATION]) == []
    # With the cell filled the rule runs: right…
    assert check_equations(_review(upheld=fig(2), corrected=fig(1), other=fig(1), pending=fig(1), total=fig(5)), [REVIEW_LITIGATION]) == []
    # …and wrong.
    out = check_equations(_review(upheld=fig(2), corrected=fig(1), other=fig(1), pending=fig(0), total=fig(5)), [REVIEW_LITIGATION])
    assert [(d.code, d.severity, d.where) for d in out] == [("sum_mismatch", "error", "review.total")]
    assert out[0].message.startswith(
        "unit: T4.1 fails: review.total (5) = 5, but review.upheld (2) + review.corrected (1) + review.other (1) + review.pending (0) = 4"
    )


def _money_template(*equations):
    return TableTemplate(name="x", era="2021", prefix="x", title="money", model=object, rows=(), invariants=tuple(equations))


def _money_report(**amounts):
    return Report(source="unit", extras=tuple(Extra(key=f"x.{k}", figure=fig(v)) for k, v in amounts.items()))


def test_check_equations_decimal_money_is_exact():
    eq = Equation(rule="M1", left=("x.a", "x.b"), right=("x.sum",))
    # 0.1 + 0.2 == 0.3 exactly in Decimal (it is not in float).
    assert check_equations(_money_report(a=Decimal("0.1"), b=Decimal("0.2"), sum=Decimal("0.3")), [_money_template(eq)]) == []
    # Trailing zeros do not matter.
    assert check_equations(_money_report(a=Decimal("12.3400"), b=Decimal("0.66"), sum=Decimal("13.0")), [_money_template(eq)]) == []
    # A difference of 0.0001 万元 is a mismatch, printed exactly.
    out = check_equations(_money_report(a=Decimal("0.1"), b=Decimal("0.2"), sum=Decimal("0.3001")), [_money_template(eq)])
    assert len(out) == 1
    d = out[0]
    assert (d.code, d.severity, d.where) == ("sum_mismatch", "error", "x.sum")
    assert d.message == "unit: M1 fails: x.a (0.1) + x.b (0.2) = 0.3, but x.sum (0.3001) = 0.3001"


def test_check_equations_missing_operand_skips_only_that_instance():
    eq = Equation(rule="M2", left=("x.{c}_a",), right=("x.{c}_b",), each=("p", "q", "r"), severity="warning", description="demo")
    report = _money_report(p_a=Decimal("1.5"), p_b=Decimal("1.25"), q_a=Decimal("2"), r_a=Decimal("3"), r_b=Decimal("3.00"))
    out = check_equations(report, [_money_template(eq)])
    assert [(d.where, d.severity) for d in out] == [("x.p_b", "warning")]
    assert out[0].message == "unit: M2 fails in column p: x.p_a (1.5) = 1.5, but x.p_b (1.25) = 1.25 (demo)"


def test_check_equations_t3_group_subtotal():
    """T3.group: a group subtotal (stated, not printed in the table) must equal the sum of its rows."""
    denied_rows = ("denied_state_secret", "denied_prohibited", "denied_security", "denied_third_party",
                   "denied_internal", "denied_process", "denied_enforcement", "denied_query")  # fmt: skip
    vals = rb.default_values("2021")

    def row(key, **bump):
        cells = {c: vals[a(key, c)] + bump.get(c, 0) for c in rb.COLUMNS}
        return ApplicantRow(**{c: fig(x) for c, x in cells.items()})

    rows = {r: row(r) for r in denied_rows}
    group = {c: sum(vals[a(r, c)] for r in denied_rows) for c in rb.COLUMNS}
    assert group["natural_person"] == 14 and group["total"] == 18
    good = Report(source="unit", applications=Applications2021(denied=ApplicantRow(**{c: fig(x) for c, x in group.items()}), **rows))
    assert check_templates(good, [APPLICATIONS_2021]) == []
    bad_group = dict(group, natural_person=group["natural_person"] + 1, total=group["total"] + 1)
    bad = Report(source="unit", applications=Applications2021(denied=ApplicantRow(**{c: fig(x) for c, x in bad_group.items()}), **rows))
    out = check_equations(bad, [APPLICATIONS_2021])
    assert sorted((d.where, d.severity) for d in out) == [
        ("applications.denied.natural_person", "error"),
        ("applications.denied.total", "error"),
    ]
    d = next(d for d in out if d.where == "applications.denied.natural_person")
    assert "T3.group fails in column natural_person: applications.denied.natural_person (15) = 15, but " in d.message
    assert d.message.endswith("= 14 (denied subtotal = sum of its rows)")
