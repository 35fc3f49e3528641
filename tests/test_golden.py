"""Golden tests: the seeds of the national 2019 and 2021 formats reproduce their gold files.

The gold files are read here to check the parse, never by the parser.
"""

from __future__ import annotations

import pytest

import gkparse
from helpers import TABLE_PREFIXES, gold, seed_path

EXACT = ["000_5ef2061d975e33f8", "001_14adff9be6592cdd", "002_2c03bd508ff881e4", "003_813cce83a6a79fdd", "004_d76d4b4009bfe151"]


@pytest.mark.parametrize("stem", EXACT)
def test_seed_reproduces_gold_exactly(stem, shared):
    expected = gold(stem)
    report = gkparse.parse(seed_path(stem))
    flat = gkparse.flatten(report)
    wrong = {k: (flat.get(k), v) for k, v in expected["fields"].items() if flat.get(k) != v}
    assert wrong == {}
    optional = expected.get("optional", {})
    assert {k: flat[k] for k in optional if k in flat} == {k: v for k, v in optional.items() if k in flat}
    spurious = sorted(k for k in flat if k.startswith(TABLE_PREFIXES) and k not in expected["fields"] and k not in optional)
    assert spurious == []
    codes = {d.code for d in report.diagnostics}
    assert set(expected["diagnostics"]) <= codes
    assert "sum_mismatch" not in codes


def test_seed_001_period_repair_is_diagnosed(shared):
    report = gkparse.parse(seed_path("001_14adff9be6592cdd"))
    damaged = [d for d in report.diagnostics if d.code == "text_damaged"]
    assert len(damaged) == 2
    assert "202311日" in damaged[0].message and "2023-01-01" in damaged[0].message
    assert damaged[0].span is not None and damaged[0].span.line == 9


def test_seed_004_values_carry_provenance(shared):
    report = gkparse.parse(seed_path("004_d76d4b4009bfe151"))
    text = seed_path("004_d76d4b4009bfe151").read_text(encoding="utf-8")
    fig = report.active.procurement.amount_wan
    assert str(fig.value) == "48.7508" and fig.unit == "万元" and fig.raw == "48.7508万元"
    assert fig.source.origin == "table" and fig.source.table == "active"
    assert text[fig.source.span.start : fig.source.span.end] == "48.7508万元"
    new_total = report.applications.new.total
    assert text[new_total.source.span.start : new_total.source.span.end] == "0"
    assert (new_total.source.row, new_total.source.column) == ("new", "total")


def test_seed_003_lost_tables_are_missing_not_zero(shared):
    """The tables of seed 003 are lost: each is a table_missing, no value is invented, and the
    figures its prose states are marked as coming from prose."""
    report = gkparse.parse(seed_path("003_813cce83a6a79fdd"))
    flat = gkparse.flatten(report)
    expected = gold("003_813cce83a6a79fdd")["fields"]
    for key in ("meta.title", "meta.issuer", "meta.year", "meta.era", "meta.period_start", "meta.period_end", "meta.script"):
        assert flat[key] == expected[key]
    missing = [d for d in report.diagnostics if d.code == "table_missing"]
    assert len(missing) == 3
    assert report.active is None and report.review_litigation is None
    assert {d.code for d in report.diagnostics} >= {"period_inconsistent"}
    assert not any(k.startswith(("active.", "review.", "litigation_")) for k in flat)
    text = seed_path("003_813cce83a6a79fdd").read_text(encoding="utf-8")
    fig = report.applications.new.natural_person
    assert fig.value == 239 and fig.source.origin == "prose"
    assert (fig.source.row, fig.source.column) == ("new", "natural_person")
    assert text[fig.source.span.start : fig.source.span.end] == "239"
    assert report.applications.denied.total.value == 11 and report.applications.denied_state_secret is None


def test_sections_of_seed_004(shared):
    report = gkparse.parse(seed_path("004_d76d4b4009bfe151"))
    keys = [s.key for s in report.sections]
    assert keys == ["overview", "active_disclosure", "applications", "review_litigation", "problems_improvements", "other_matters"]
    assert report.sections[0].heading == "一、全镇政务公开总体情况"
    assert report.sections[-1].text.startswith("其他需要报告的事项没有")


def test_every_builtin_plugin_has_golden_tests(shared):
    """Each built-in format parses at least one seed that is golden-tested exactly above, and each
    built-in validator raises a diagnostic some gold file requires."""
    import importlib.metadata as md

    from gkparse.pipeline import to_document
    from gkparse.load import load
    from gkparse.testing import make_host

    reports = {stem: gkparse.parse(seed_path(stem)) for stem in EXACT}
    variants = {r.meta.variant for r in reports.values()}
    builtins = [ep for ep in md.entry_points(group="gkparse") if ep.dist is not None and ep.dist.metadata["Name"] == "gkparse"]
    assert len(builtins) >= 4
    for ep in builtins:
        module = ep.load()
        host = make_host(module)
        formats = host.formats()
        if formats:
            assert {f.name for f in formats} <= variants, ep.name
        if hasattr(module, "gkparse_validate"):
            raised_and_required = [
                stem
                for stem, report in reports.items()
                if {d.code for d in host.validate(report, to_document(load(seed_path(stem))))} & set(gold(stem)["diagnostics"])
            ]
            assert raised_and_required, ep.name
        assert formats or hasattr(module, "gkparse_validate"), f"{ep.name} implements no hook"
