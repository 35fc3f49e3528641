"""The parallel runner under stress: workers that die, and Ctrl-C.

* A worker killed from outside (the OOM killer, a user) loses no document: what it had in hand is
  parsed again and the output is exactly that of an undisturbed run.
* A document that kills its worker every time (here: a test-only plugin, installed the way a
  third-party plugin is — an entry point on ``PYTHONPATH`` — that calls ``os._exit``) gets an
  ``InternalError`` record naming it; every other document gets its normal record; the run goes on.
* Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops the run: exit status 130,
  and the output file — JSON Lines, CSV or Parquet — is valid and holds the records completed so far,
  in input order.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from gkparse.corpus import iter_records, record_for
from gkparse.inputs import InputRef

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
GKPARSE = Path(sys.executable).parent / "gkparse"
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_corpus import write_corpus  # noqa: E402


def clean_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(extra)
    return env


def test_a_killed_worker_loses_no_document(tmp_path):
    write_corpus(tmp_path, 30, 5)
    corpus = str(tmp_path / "corpus")
    expected = list(iter_records(corpus, jobs=1))
    got, killed = [], []
    for rec in iter_records(corpus, jobs=2, chunk_size=2):
        got.append(rec)
        if len(got) in (4, 20):
            workers = [p for p in multiprocessing.active_children() if p.is_alive()]
            assert workers
            os.kill(workers[0].pid, signal.SIGKILL)
            killed.append(workers[0].pid)
    assert len(killed) == 2
    assert got == expected  # every document, its real record, in order


CRASH_PLUGIN = '''
"""Test-only plugin: kills the process parsing any document whose name says so."""
import os

from gkparse import hookimpl


@hookimpl
def gkparse_validate(report, document):
    if "crash-me" in report.source:
        os._exit(7)
'''


def install_crash_plugin(where: Path) -> Path:
    where.mkdir()
    (where / "gkparse_crashtest.py").write_text(CRASH_PLUGIN, encoding="utf-8")
    dist = where / "gkparse_crashtest-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gkparse-crashtest\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[gkparse]\ncrashtest = gkparse_crashtest\n", encoding="utf-8")
    return where


def test_a_document_that_kills_its_worker_gets_an_error_record(tmp_path):
    plugin = install_crash_plugin(tmp_path / "plugin")
    write_corpus(tmp_path, 10, 9)
    corpus = tmp_path / "corpus"
    report = SAMPLES / "0001_2021_cell_per_line_utf-8.txt"
    for name in ("0002a_crash-me.txt", "0007a_crash-me.txt"):
        shutil.copy(report, corpus / name)
    crashers = {"corpus/0002a_crash-me.txt", "corpus/0007a_crash-me.txt"}

    normal = subprocess.run([str(GKPARSE), "parse", "--flat", "--jobs", "1", "corpus"], capture_output=True, cwd=tmp_path, env=clean_env(), timeout=300)
    proc = subprocess.run(
        [str(GKPARSE), "parse", "--flat", "--jobs", "2", "corpus"],
        capture_output=True,
        cwd=tmp_path,
        env=clean_env(PYTHONPATH=str(plugin)),
        timeout=300,
    )
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    lines, expected = proc.stdout.decode("utf-8").splitlines(), normal.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(expected) == 14
    for line, want in zip(lines, expected):
        rec = json.loads(line)
        if rec["source"] in crashers:
            assert rec["fields"] == {} and rec["error"]["type"] == "InternalError"
            message = rec["error"]["message"]
            assert message.startswith(rec["source"] + ": ") and "worker process" in message and "died" in message
        else:
            assert line == want  # the others: exactly their normal record
    assert [json.loads(line)["source"] for line in lines] == [json.loads(line)["source"] for line in expected]


# --------------------------------------------------------------------------- Ctrl-C


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("big")
    write_corpus(root, 400, 21)
    return root


def read_some(fd: int, timeout: float) -> bytes:
    if not select.select([fd], [], [], timeout)[0]:
        return b""
    try:
        return os.read(fd, 65536) or b""
    except OSError:  # the terminal's other end is closed
        return b""


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_ctrl_c_leaves_a_valid_output_complete_so_far(big, fmt):
    out = big / f"interrupted.{fmt}"
    # stderr on a terminal, as a user running it: the progress line says when work is under way.
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [str(GKPARSE), "parse", "--flat", "--jobs", "2", "-o", out.name, "corpus"],
        cwd=big,
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=slave,
        start_new_session=True,  # its own process group, like a shell job
    )
    os.close(slave)
    shown = b""
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            shown += read_some(master, 0.05)
            counts = re.findall(rb"gkparse: ([\d,]+) documents", shown)
            if counts and int(counts[-1].replace(b",", b"")) >= 10:
                break
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        proc.wait(timeout=60)
        while True:
            more = read_some(master, 0.2)
            if not more:
                break
            shown += more
    finally:
        os.close(master)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    stderr = shown.replace(b"\r\n", b"\n")
    assert proc.returncode == 130, stderr
    assert b"Traceback" not in stderr
    err = stderr.decode("utf-8")
    assert "interrupted" in err
    n = int(err.split("interrupted; ")[1].split(" record(s) written")[0])
    assert 0 < n < 402
    names = sorted(p.name for p in (big / "corpus").iterdir())
    if fmt == "jsonl":
        raw = out.read_bytes()
        assert raw.endswith(b"\n")
        recs = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
        sources = [r["source"] for r in recs]
        for rec in (recs[0], recs[-1]):  # complete, and the same as an undisturbed parse
            ref = InputRef(source=rec["source"], path=str(big / rec["source"]))
            assert rec == record_for(ref)
    elif fmt == "csv":
        rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
        assert len({len(r) for r in rows}) == 1
        sources = [r[0] for r in rows[1:]]
    else:
        table = pq.read_table(out)  # the footer is there: a valid file
        sources = table.column("source").to_pylist()
    assert len(sources) == n
    assert sources == [f"corpus/{name}" for name in names[:n]]
    # No worker is left behind.
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)
