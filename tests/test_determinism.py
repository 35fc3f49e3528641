"""The same input gives byte-identical output records: across runs (in processes with different
hash seeds, so no set or dict order can leak into the output) and across HTML tree builders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import gkparse
from helpers import ROOT, SHARED
from gkparse.records import report_record

GKPARSE = Path(sys.executable).parent / "gkparse"
INPUTS = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt")) + [str(SHARED / "pages" / "shuyang-fgj-2023.html")] + sorted(
    str(p) for p in (ROOT / "samples" / "corpus").glob("*.txt")
)


def run(*args: str, hashseed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    done = subprocess.run([str(GKPARSE), "parse", *args], capture_output=True, env=env)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def test_runs_are_byte_identical(shared):
    for flat in (["--flat"], []):
        first = run(*flat, *INPUTS, hashseed="1")
        second = run(*flat, *INPUTS, hashseed="4242")
        assert first == second
        assert len(first.splitlines()) == len(INPUTS)


def test_builders_give_byte_identical_records(shared):
    page = SHARED / "pages" / "shuyang-fgj-2023.html"
    records = [
        json.dumps(report_record(gkparse.parse(page, name="page", builder=b), source="page", flat=flat), ensure_ascii=False)
        for flat in (True, False)
        for b in ("html5lib", "fast")
    ]
    assert records[0] == records[1] and records[2] == records[3]
