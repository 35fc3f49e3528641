"""Each resource limit yields a clear LimitError naming it (an error record in batch runs)."""

from __future__ import annotations

import pytest

import gkparse
from gkparse.errors import LimitError
from gkparse.limits import DEFAULT_LIMITS, Limits, check_html, parse_limit_option
from helpers import seed_path


def limit_of(source, **limits) -> str:
    with pytest.raises(LimitError) as info:
        gkparse.parse(source, limits=Limits(**limits) if limits else None)
    name = info.value.limit
    assert name in str(info.value) and str(info.value).startswith(info.value.source)
    return name


def test_too_large(tmp_path, shared):
    big = tmp_path / "big.txt"
    big.write_bytes(seed_path("001_14adff9be6592cdd").read_bytes() * 4)
    assert limit_of(big, max_bytes=10_000) == "max_bytes"
    assert limit_of("年度报告" * 100, max_bytes=100) == "max_bytes"


def test_too_deeply_nested_is_refused_before_any_tree_is_built():
    page = "<html><body>" + "<div>" * 5000 + "一、总体情况" + "</div>" * 5000 + "</body></html>"
    assert limit_of(page.encode()) == "max_html_depth"


def test_implicitly_closed_elements_do_not_count_as_nesting():
    page = "<html><body>" + "<p>段落" * 3000 + "<table>" + "<tr><td>1" * 3000 + "</table></body></html>"
    check_html(page, DEFAULT_LIMITS, source="t")  # no error: <p>, <tr>, <td> close themselves


def test_too_many_elements_or_cells():
    rows = "".join("<tr>" + "<td>1</td>" * 50 + "</tr>" for _ in range(100))
    page = f"<html><body><p>一、总体情况</p><table>{rows}</table></body></html>"
    assert limit_of(page.encode(), max_html_elements=1000) == "max_html_elements"
    assert limit_of(page.encode(), max_cells=1000) == "max_cells"


def test_too_many_lines():
    assert limit_of("一、总体情况\n" * 1000, max_lines=500) == "max_lines"


def test_too_slow(shared):
    assert limit_of(seed_path("001_14adff9be6592cdd"), max_seconds=1e-6) == "max_seconds"


def test_limits_switch_off_and_defaults_parse_real_reports(shared):
    report = gkparse.parse(seed_path("001_14adff9be6592cdd"), limits=Limits(max_bytes=None, max_seconds=None))
    assert report.meta.year == 2023
    assert gkparse.parse(seed_path("000_5ef2061d975e33f8")).meta.year == 2016


def test_limit_options():
    assert parse_limit_option("max_seconds=2.5").max_seconds == 2.5
    assert parse_limit_option("max_bytes=0").max_bytes is None
    with pytest.raises(ValueError, match="NAME=VALUE"):
        parse_limit_option("max_sekonds=3")


def test_limits_on_the_command_line_reach_every_worker(tmp_path, shared):
    """--limit applies per document, in worker processes too (the alarm runs in each worker)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    seed = seed_path("001_14adff9be6592cdd").read_bytes()
    for n in range(12):  # more than a batch parses in-process
        (tmp_path / f"r{n:02}.txt").write_bytes(seed)
    gk = Path(sys.executable).parent / "gkparse"
    done = subprocess.run([str(gk), "parse", "--flat", "-j", "2", "--limit", "max_seconds=0.000001", str(tmp_path)], capture_output=True, text=True)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1 and len(records) == 12
    assert {r["error"]["type"] for r in records} == {"LimitError"}
    assert all("max_seconds" in r["error"]["message"] for r in records)
