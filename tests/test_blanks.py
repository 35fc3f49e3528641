"""gkparse.blanks.prove_blank_zeros: blank cells the table's own arithmetic proves are 0."""

from __future__ import annotations

from decimal import Decimal

from gkparse.blanks import prove_blank_zeros
from gkparse.model import Figure, Provenance, Span
from gkparse.template import Column, Equation, Row, TableTemplate
from gkparse_plugins.national_templates import APPLICATIONS_2021

COLS = ("natural_person", "commercial", "research", "public_welfare", "legal_services", "other_org", "total")


def fig(value, *, null=None, raw=None, at=0):
    span = Span(start=at, end=at if value is None else at + 1, line=1)
    return Figure(value=value, raw=("" if value is None else str(value)) if raw is None else raw, source=Provenance(origin="table", span=span, table="t"), null=null)


def blank(at=0):
    return fig(None, null="blank", at=at)


def row(key, natural, total, orgs=None):
    orgs = orgs or [blank(n) for n in range(5)]
    values = dict(zip(COLS, [fig(natural), *orgs, fig(total)]))
    return {f"applications.{key}.{c}": v for c, v in values.items()}


def test_total_equal_to_natural_person_proves_the_organisations_zero():
    values = row("new", 26, 26)
    out, diags = prove_blank_zeros(values, APPLICATIONS_2021, source="page.html")
    assert [out[f"applications.new.{c}"].value for c in COLS] == [26, 0, 0, 0, 0, 0, 26]
    z = out["applications.new.commercial"]
    assert z.raw == "" and z.null == "blank" and z.source == values["applications.new.commercial"].source
    (d,) = diags
    assert d.code == "blank_proven_zero" and d.severity == "info"
    assert "page.html" in d.message and "T3.3" in d.message and "applications.new.other_org" in d.message
    assert values["applications.new.commercial"].value is None  # the input is not changed


def test_no_proof_when_the_filled_cells_do_not_balance():
    values = row("new", 20, 26)
    out, diags = prove_blank_zeros(values, APPLICATIONS_2021)
    assert out == values and diags == ()


def test_no_proof_with_blanks_on_both_sides():
    values = row("new", 26, 26)
    values["applications.new.total"] = blank()
    out, diags = prove_blank_zeros(values, APPLICATIONS_2021)
    assert all(out[k].value is None for k in values if not k.endswith("natural_person")) and diags == ()


def test_not_applicable_and_dashes_are_not_blanks():
    orgs = [fig(None, null="not_applicable", raw="/"), blank(), blank(), blank(), blank()]
    values = row("new", 26, 26, orgs)
    out, diags = prove_blank_zeros(values, APPLICATIONS_2021)
    assert out == values and diags == ()


def test_a_row_not_read_proves_nothing():
    values = row("new", 26, 26)
    del values["applications.new.research"]
    assert prove_blank_zeros(values, APPLICATIONS_2021) == (values, ())


class _Toy:
    pass


def _toy(kind="count"):
    cols = (Column(key="a"), Column(key="b", kind=kind), Column(key="c"), Column(key="d"))
    return TableTemplate(
        name="toy",
        era="2021",
        prefix="toy",
        title="toy table",
        model=_Toy,
        rows=(Row(key="r", labels=("行",), columns=cols),),
        invariants=(
            Equation(rule="E1", left=("toy.r.a",), right=("toy.r.b", "toy.r.c")),
            Equation(rule="E2", left=("toy.r.c",), right=("toy.r.d",)),
        ),
    )


def test_a_proven_zero_completes_another_rule():
    values = {"toy.r.a": fig(4), "toy.r.b": fig(4), "toy.r.c": blank(1), "toy.r.d": blank(2)}
    out, (diag,) = prove_blank_zeros(values, _toy())
    assert out["toy.r.c"].value == 0 and out["toy.r.d"].value == 0
    assert "E1" in diag.message and "E2" in diag.message and "2 blank cell(s)" in diag.message


def test_signed_columns_are_never_proven():
    values = {"toy.r.a": fig(4), "toy.r.b": blank(), "toy.r.c": fig(4), "toy.r.d": fig(4)}
    assert prove_blank_zeros(values, _toy("signed")) == (values, ())
    out, _ = prove_blank_zeros(values, _toy())
    assert out["toy.r.b"].value == 0


def test_money_columns_get_a_decimal_zero():
    t = _toy("money")
    values = {"toy.r.a": fig(Decimal("1.5")), "toy.r.b": blank(), "toy.r.c": fig(Decimal("1.5")), "toy.r.d": fig(Decimal("1.5"))}
    out, _ = prove_blank_zeros(values, t)
    assert out["toy.r.b"].value == Decimal(0) and isinstance(out["toy.r.b"].value, Decimal)
