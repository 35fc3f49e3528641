"""Tests of the benchmark runner's bookkeeping (benchmarks/run.py): which measurement each target
is judged on, and what results.md says. The measurements themselves are not run here (speed is
measured by the runner, never asserted in unit tests)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import run  # noqa: E402


def result(path: str, size: int, jobs: int, docs_per_s: float, rss: float = 80.0) -> dict:
    return {"path": path, "size": size, "jobs": jobs, "docs": size, "mb": 1.0, "seconds": size / docs_per_s,
            "docs_per_s": docs_per_s, "mb_per_s": 1.0, "peak_rss_mb": rss, "accuracy": 1.0}


RESULTS = [
    result("text", 1000, 1, 100.0, 90.0),
    result("text", 1000, 2, 190.0),
    result("text", 100000, 1, 95.0, 95.0),
    result("text", 100000, 2, 180.0),
    result("html5lib", 1000, 1, 20.0),
    result("fast", 1000, 1, 45.0),
    result("bare-html5lib", 1000, 1, 40.0),
]


def test_html_targets_are_judged_at_the_largest_html_size_and_text_at_the_largest_size():
    lines = run.targets(RESULTS, [1000, 100000], [1, 2], [1000])
    text = "\n".join(lines)
    assert "html5lib path time / bare html5lib time: 2.00 (target ≤ 1.3) — MISSED by 54%" in text
    assert "fast path speed / html5lib path speed: 2.25 (target ≥ 20) — MISSED by 89%" in text
    assert "text path reports/s on one core: 95.00 (target ≥ 2000) — MISSED by 95%" in text
    assert "text path, 2 processes / 1 process: 1.89 (target ≥ 1.8) — met" in text
    assert "text path docs_per_s from 1000 to 100000 documents: ×0.95 (flat means ×0.8–1.25) — met" in text
    assert "text path peak_rss_mb from 1000 to 100000 documents: ×1.06 (flat means ×0.8–1.25) — met" in text


def test_a_target_without_its_measurement_says_so():
    lines = run.targets([r for r in RESULTS if r["path"] == "text"], [1000, 100000], [1, 2], [1000])
    assert "- html5lib path time / bare html5lib time: not measured" in lines


def test_results_md_names_the_command_and_every_record_of_the_cli_run(tmp_path):
    cli = {"path": "cli", "corpus": "mixed-100000-2026", "size": 100003, "jobs": 2, "docs": 100003, "records": 100003,
           "seconds": 1000.0, "docs_per_s": 100.0, "exit": 1, "accuracy_line": "accuracy: 1.0000 (1/1)"}
    run.write_results(RESULTS, [1000, 100000], [1, 2], cli, tmp_path, [1000])
    md = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "--sizes 1000,100000 --html-sizes 1000 --jobs 1,2" in md
    assert "100003 records (every record present)" in md and "corpus `mixed-100000-2026`" in md
    assert (tmp_path / "results.json").exists()


def test_bounds_put_each_speed_target_beside_the_baselines_cost_per_document():
    rows = RESULTS + [result("floor", 100000, 1, 2000.0)]
    text = "\n".join(run.bounds(rows, [1000, 100000], [1000]))
    # text 95 docs/s = 10.53 ms; floor 2,000 docs/s = 0.50 ms: the target is all of the floor's cost
    assert "text path: 10.53 ms per document; the floor (decode + one regex pass, nothing parsed) alone costs 0.50 ms" in text
    assert "0.50 ms per document, which leaves 0.00 ms for everything gkparse does beyond decoding (it spends 10.03 ms)" in text
    # html5lib 20/s = 50 ms, bare 40/s = 25 ms: 25 ms of gkparse's own work, 7.5 ms allowed
    assert "html5lib path: 50.00 ms per page, of which html5lib itself 25.00 ms" in text and "is 25.00 ms. Within 1.3× leaves it 7.50 ms." in text
    assert "fast path: 22.22 ms per page; 20× the html5lib path is 2.50 ms per page, less than the text path spends" in text


def test_a_target_below_the_floor_leaves_nothing_and_says_so():
    rows = [result("text", 100000, 1, 100.0), result("floor", 100000, 1, 1600.0)]
    (line,) = run.bounds(rows, [100000])
    assert "alone costs 0.62 ms. 2,000 reports/s is 0.50 ms per document, less than the floor itself" in line and "(it spends 9.38 ms)" in line


def test_bounds_say_nothing_of_what_was_not_measured():
    assert run.bounds([r for r in RESULTS if r["path"] == "text"], [1000, 100000], [1000]) == []


def test_report_rewrites_the_results_from_the_saved_json_without_measuring(tmp_path):
    first, again = tmp_path / "first", tmp_path / "again"
    run.write_results(RESULTS, [1000, 100000], [1, 2], None, first, [1000], {"date": "2026-01-02", "cores": 64})
    assert run.main(["--report", str(first / "results.json"), "--out", str(again)]) == 0
    md = (again / "results.md").read_text(encoding="utf-8")
    assert md == (first / "results.md").read_text(encoding="utf-8")
    assert "— 2026-01-02, 64 cores" in md  # the date and machine of the measurements, not of the rewrite
