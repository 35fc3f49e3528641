"""The batch API (gkparse.corpus) and ``gkparse parse`` over whole corpora.

One record per document, in input order, whatever the inputs hold (directories, archives, crawls,
broken and missing files); the same bytes for ``--jobs 1`` and ``--jobs 2``; JSON Lines, CSV and
Parquet; the progress line only on a terminal. Worker crashes and Ctrl-C are in
``test_corpus_parallel.py``; the DataFrame in ``test_corpus_frame.py``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import multiprocessing
import os
import pty
import select
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import gkparse
import gkparse.corpus as corpus
from gkparse.corpus import iter_records, parse_corpus
from gkparse.outputs import columns

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
GKPARSE = Path(sys.executable).parent / "gkparse"
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_corpus import write_corpus  # noqa: E402

HTTP = "application/http; msgtype=response"


def run(*args: str, cwd: Path | None = None, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(GKPARSE), *args], capture_output=True, cwd=cwd, env=env, timeout=300, **kw)


def warc_response(uri: str, body: bytes, charset: str) -> bytes:
    block = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n".encode() + body
    head = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: {HTTP}\r\nContent-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode() + block + b"\r\n\r\n")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, list[str], list[tuple[str, str | None]]]:
    """A corpus of every input kind, bad ones included: (cwd, the paths to give, the expected
    (source, error type) of every record, in order)."""
    root = tmp_path_factory.mktemp("mixed")
    write_corpus(root / "gen", 10, 11)
    reports = sorted((root / "gen" / "corpus").glob("0*.txt"))
    with zipfile.ZipFile(root / "bundle.zip", "w") as zf:
        zf.writestr("a/2021.txt", (SAMPLES / "0001_2021_cell_per_line_utf-8.txt").read_bytes())
        zf.writestr("a/b/2019.txt", (SAMPLES / "0002_2019_row_per_line_spaces_gb18030.txt").read_bytes())
        zf.writestr("a/empty.txt", b"")
    text = (SAMPLES / "0003_2021_row_per_line_spaces_utf-8.txt").read_text(encoding="utf-8")
    (root / "crawl.warc.gz").write_bytes(
        warc_response("http://gk.example.gov.cn/1.html", f"<pre>{text}</pre>".encode("gb18030"), "gbk")
        + warc_response("http://gk.example.gov.cn/2.html", "<p>通知</p>".encode(), "utf-8")
    )
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4)
    (root / "nothing").mkdir()
    paths = [str(SAMPLES), "gen/corpus", "bundle.zip", "missing.txt", "crawl.warc.gz", "picture.png", "nothing"]
    expected = [(str(SAMPLES / p.name), None) for p in sorted(SAMPLES.iterdir()) if p.name.startswith("0")]
    expected += [(str(SAMPLES / "empty.txt"), "EmptyInputError"), (str(SAMPLES / "not_a_report.txt"), "NotAReportError")]
    expected += [(os.path.join("gen/corpus", p.name), None) for p in reports]
    expected += [("gen/corpus/empty.txt", "EmptyInputError"), ("gen/corpus/not_a_report.txt", "NotAReportError")]
    expected += [("bundle.zip!a/2021.txt", None), ("bundle.zip!a/b/2019.txt", None), ("bundle.zip!a/empty.txt", "EmptyInputError")]
    expected += [("missing.txt", "InputError")]
    warc = [r.source for r in gkparse.inputs.iter_inputs(str(root / "crawl.warc.gz"))]
    expected += [(os.path.relpath(warc[0].split("!")[0], root) + "!" + warc[0].split("!", 1)[1], None)]
    expected += [(os.path.relpath(warc[1].split("!")[0], root) + "!" + warc[1].split("!", 1)[1], "NotAReportError")]
    expected += [("picture.png", "BinaryInputError"), ("nothing", "InputError")]
    return root, paths, expected


def kinds(recs: list[dict]) -> list[tuple[str, str | None]]:
    return [(r["source"], r["error"]["type"] if r["error"] else None) for r in recs]


# --------------------------------------------------------------------------- the API


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_record_per_document_in_input_order(mixed, monkeypatch, jobs):
    root, paths, expected = mixed
    monkeypatch.chdir(root)
    recs = list(iter_records(paths, jobs=jobs))
    assert kinds(recs) == expected
    for rec in recs:
        if rec["error"]:
            assert rec["fields"] == {} and rec["diagnostics"] == []
            assert rec["error"]["message"].startswith(rec["source"] + ": ")
        else:
            assert rec["fields"]["meta.year"] >= 2019


def test_records_iter_records_is_the_batch_api_in_process(mixed, monkeypatch):
    root, paths, expected = mixed
    monkeypatch.chdir(root)
    assert kinds(gkparse.records.iter_records([Path(p) for p in paths])) == expected
    structured = list(gkparse.records.iter_records(["bundle.zip"], flat=False))
    assert [set(r) for r in structured] == [{"source", "report", "diagnostics", "error"}] * 3
    assert structured[2]["report"] is None


def test_a_single_path_string_is_one_input():
    recs = list(iter_records(str(SAMPLES / "empty.txt")))
    assert kinds(recs) == [(str(SAMPLES / "empty.txt"), "EmptyInputError")]


def test_parse_options_are_checked_at_once_and_passed_through(monkeypatch):
    with pytest.raises(TypeError):
        iter_records(str(SAMPLES), no_such_option=1)
    with pytest.raises(TypeError, match="set per document"):
        iter_records(str(SAMPLES), http_charset="gbk")
    with pytest.raises(ValueError, match="host="):
        iter_records(str(SAMPLES), jobs=2, host=gkparse.plugins.default_host())
    # A keyword gkparse.parse takes (like the coming builder=) reaches it for every document.
    seen = []
    real = corpus.parse

    def parse(source, *, name=None, host=None, http_charset=None, builder="html5lib"):
        seen.append(builder)
        return real(source, name=name, host=host, http_charset=http_charset)

    monkeypatch.setattr(corpus, "parse", parse)
    recs = list(iter_records([str(SAMPLES / "0000_2019_cell_per_line_utf-8.txt")] * 2, builder="fast"))
    assert seen == ["fast", "fast"] and all(r["error"] is None for r in recs)


def test_parse_corpus_writes_and_summarises(mixed, tmp_path, monkeypatch):
    root, paths, expected = mixed
    monkeypatch.chdir(root)
    seen: list[str] = []
    summary = parse_corpus(paths, tmp_path / "out.csv", jobs=2, progress=False, on_record=lambda r: seen.append(r["source"]))
    errors = [e for _, e in expected if e]
    assert (summary.format, summary.records, summary.errors, summary.parsed) == ("csv", len(expected), len(errors), len(expected) - len(errors))
    assert summary.error_types == {t: errors.count(t) for t in sorted(set(errors))}
    assert not summary.interrupted and summary.output == str(tmp_path / "out.csv")
    assert seen == [s for s, _ in expected]
    rows = list(csv.reader((tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    assert rows[0] == list(columns()) and [r[0] for r in rows[1:]] == seen


@pytest.mark.parametrize("jobs", [1, 2])
def test_stop_ends_the_run_with_the_records_complete_so_far(tmp_path, jobs):
    stop = threading.Event()
    count = [0]

    def on_record(rec):
        count[0] += 1
        if count[0] == 5:
            stop.set()

    out = tmp_path / "out.jsonl"
    summary = parse_corpus(str(SAMPLES), out, jobs=jobs, chunk_size=2, stop=stop, on_record=on_record, progress=False)
    assert summary.interrupted
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == summary.records
    assert (summary.records == 5) if jobs == 1 else (5 <= summary.records < 14)
    names = sorted(p.name for p in SAMPLES.iterdir())
    assert [Path(json.loads(line)["source"]).name for line in lines] == names[: len(lines)]


def test_closing_the_iterator_early_stops_the_workers(tmp_path):
    recs = iter_records([str(SAMPLES)] * 3, jobs=2, chunk_size=2)
    first = [next(recs) for _ in range(3)]
    recs.close()
    assert [Path(r["source"]).name for r in first] == sorted(p.name for p in SAMPLES.iterdir())[:3]
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


# --------------------------------------------------------------------------- the CLI


@pytest.mark.parametrize("fmt, flat", [("jsonl", []), ("csv", []), ("parquet", [])])
def test_cli_output_is_byte_identical_for_jobs_1_and_2(mixed, fmt, flat):
    root, paths, expected = mixed
    outs = []
    for jobs in ("1", "2"):
        out = f"out-{jobs}-{len(flat)}.{fmt}"
        proc = run("parse", *flat, "--jobs", jobs, "-o", out, *paths, cwd=root)
        assert proc.returncode == 1, proc.stderr  # the corpus has error records
        assert proc.stderr == b"" and proc.stdout == b""
        outs.append((root / out).read_bytes())
    assert outs[0] == outs[1]
    if fmt == "jsonl":
        recs = [json.loads(line) for line in outs[0].decode("utf-8").splitlines()]
        assert kinds(recs) == expected
        assert ("fields" in recs[0]) == bool(flat)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(outs[0].decode("utf-8"), newline="")))
        assert rows[0] == list(columns())
        assert [(r[0], r[1] or None) for r in rows[1:]] == expected
    else:
        table = pq.read_table(root / f"out-1-0.{fmt}")
        assert list(zip(table.column("source").to_pylist(), table.column("error_type").to_pylist())) == expected


def test_cli_format_follows_the_extension_unless_given(mixed, tmp_path):
    root, paths, expected = mixed
    proc = run("parse", "-o", str(tmp_path / "x.csv"), "bundle.zip", cwd=root)
    assert proc.returncode == 1
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").startswith("source,error_type,error_message,diagnostics,meta.title,")
    proc = run("parse", "--format", "jsonl", "-o", str(tmp_path / "x.csv"), "bundle.zip", cwd=root)
    assert json.loads((tmp_path / "x.csv").read_text(encoding="utf-8").splitlines()[0])["source"] == "bundle.zip!a/2021.txt"
    proc = run("parse", "--format", "csv", "bundle.zip", cwd=root)  # CSV to stdout
    assert proc.stdout.decode("utf-8").splitlines()[0].startswith("source,error_type,")
    proc = run("parse", "--format", "parquet", "bundle.zip", cwd=root)
    assert proc.returncode == 2 and b"needs a file" in proc.stderr and proc.stdout == b""
    proc = run("parse", "--jobs", "-1", "bundle.zip", cwd=root)
    assert proc.returncode == 2


def test_cli_glob(mixed):
    root, paths, expected = mixed
    proc = run("parse", "--flat", "--glob", "*2019*", "--glob", "0000_*", "gen/corpus", "bundle.zip", cwd=root)
    assert proc.returncode == 0, proc.stderr
    sources = [json.loads(line)["source"] for line in proc.stdout.decode("utf-8").splitlines()]
    gen = sorted(p.name for p in (root / "gen" / "corpus").iterdir() if "2019" in p.name or p.name.startswith("0000_"))
    assert sources == [f"gen/corpus/{n}" for n in gen] + ["bundle.zip!a/b/2019.txt"]


def read_pty(fd: int) -> bytes:
    out = b""
    while select.select([fd], [], [], 0.5)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def run_on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run gkparse with stderr on a pseudo-terminal; (exit status, what the terminal showed)."""
    master, slave = pty.openpty()
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        proc = subprocess.run([str(GKPARSE), *args], stdout=subprocess.PIPE, stderr=slave, cwd=cwd, env=env, timeout=300)
        os.close(slave)
        return proc.returncode, read_pty(master).decode("utf-8", "replace")
    finally:
        os.close(master)


def test_progress_line_only_on_a_terminal(mixed):
    root, paths, expected = mixed
    args = ["parse", "--flat", "--jobs", "2", "-o", "p.jsonl", "gen/corpus"]
    status, shown = run_on_a_terminal(args, root)
    assert status == 1
    assert "\r" in shown and "docs/s" in shown
    assert "gkparse: 12 documents" in shown and "2 errors" in shown
    status, shown = run_on_a_terminal([*args[:-1], "--no-progress", "bundle.zip"], root)
    assert (status, shown) == (1, "")
    # Piped (not a terminal): no progress line at all.
    assert run(*args[:-1], "bundle.zip", cwd=root).stderr == b""


def test_cli_builder_reaches_every_document(mixed):
    root, paths, expected = mixed
    args = ["parse", "--flat", "--jobs", "2", "gen/corpus", "crawl.warc.gz"]
    default, fast = run(*args, cwd=root), run(*args, "--builder", "fast", cwd=root)
    assert default.returncode == fast.returncode == 1
    assert fast.stdout == default.stdout and fast.stderr == b""  # both builders give the same records
    bad = run(*args, "--builder", "lxml", cwd=root)
    assert bad.returncode == 2 and b"invalid choice" in bad.stderr and bad.stdout == b""
