"""The ``gkparse`` command, run as a user runs it: the installed console script in a subprocess.

Covers ``gkparse parse`` (flat and structured records, ``-o``, ``--summary``, one error record per
bad input, exit status), ``gkparse plugins`` and ``gkparse --version`` (fields.md, "Output records").
The seeds and gold files are read from ``../shared`` beside the project, never copied into it.
"""

from __future__ import annotations

import importlib.metadata as md
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

import gkparse
import gkparse.errors

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GKPARSE = Path(sys.executable).parent / "gkparse"
SEED001 = "001_14adff9be6592cdd"
SEED004 = "004_d76d4b4009bfe151"
TABLE_PREFIXES = ("active.", "applications.", "review.", "litigation_direct.", "litigation_after_review.", "legacy.")
ERROR_TYPES = set(gkparse.errors.__all__)  # every error type gkparse may report

NEWS = """市图书馆新馆正式开馆

本报讯（记者 王明）10月8日上午，市图书馆新馆在城东文化中心正式开馆。新馆建筑面积约三万平方米，设有少儿阅览区、古籍修复室、数字体验区和二十四小时自助借还区，首批上架图书八十万册。

开馆当天，数千名市民冒雨排队入馆参观。退休教师李女士说：“以前借书要坐一个小时的公交车，现在走路十分钟就到了，孙子也喜欢这里的绘本区。”

馆长介绍，新馆将陆续推出读书分享会、非遗手工课堂和周末亲子阅读活动，并与全市二十个社区书屋实现通借通还。读者凭身份证即可免费办理借阅证。
"""


# --------------------------------------------------------------------------- helpers


def seed(stem: str) -> Path:
    return SHARED / "seeds" / f"{stem}.txt"


def gold_fields(stem: str) -> dict:
    return json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))["fields"]


def gold_diagnostics(stem: str) -> list:
    return json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8")).get("diagnostics", [])


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [str(GKPARSE), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=300,
    )


def jsonl(text: str) -> list[dict]:
    lines = text.splitlines()
    assert all(line.strip() for line in lines), f"blank line in the JSON Lines output: {text!r}"
    return [json.loads(line) for line in lines]


def assert_matches_gold(rec: dict, stem: str, source: str) -> None:
    assert rec["source"] == source
    assert rec["error"] is None
    fields = rec["fields"]
    gold = gold_fields(stem)
    wrong = {k: (v, fields.get(k, "<missing>")) for k, v in gold.items() if fields.get(k, "<missing>") != v}
    assert wrong == {}, f"{stem}: fields differing from the gold (gold, got): {wrong}"
    spurious = sorted(k for k in fields if k.startswith(TABLE_PREFIXES) and k not in gold)
    assert spurious == [], f"{stem}: table keys the gold lacks: {spurious}"
    codes = {d["code"] for d in rec["diagnostics"]}
    assert set(gold_diagnostics(stem)) <= codes
    for d in rec["diagnostics"]:
        assert set(d) == {"code", "severity", "message", "where"}
        assert d["severity"] in ("error", "warning", "info")


def make_bad_input(kind: str, tmp_path: Path) -> str:
    """Create the bad input ``kind`` in ``tmp_path``; return its name relative to ``tmp_path``."""
    if kind == "empty":
        (tmp_path / "empty.txt").write_bytes(b"")
        return "empty.txt"
    if kind == "whitespace":
        (tmp_path / "blank.txt").write_text(" \n\t\r\n\n   \n", encoding="utf-8")
        return "blank.txt"
    if kind == "binary":
        rng = random.Random(20240218)
        data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(rng.randrange(256) for _ in range(2048)) + b"\x00" * 16
        (tmp_path / "picture.png").write_bytes(data)
        return "picture.png"
    if kind == "news":
        (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
        return "news.txt"
    if kind == "directory":
        (tmp_path / "a_directory").mkdir()
        return "a_directory"
    if kind == "missing":
        return "does_not_exist.txt"
    raise AssertionError(kind)


# kind -> (error type, a phrase of the message saying what is wrong)
BAD = {
    "empty": ("EmptyInputError", "empty"),
    "whitespace": ("EmptyInputError", "empty"),
    "binary": ("BinaryInputError", "binary"),
    "news": ("NotAReportError", "not a government information disclosure annual report"),
    "directory": ("InputError", "directory"),
    "missing": ("InputError", "no such file"),
}


def assert_error_record(rec: dict, source: str, kind: str) -> None:
    etype, phrase = BAD[kind]
    assert rec["source"] == source
    assert rec["fields"] == {}
    assert rec["diagnostics"] == []
    assert set(rec["error"]) == {"type", "message"}
    assert rec["error"]["type"] in ERROR_TYPES
    assert rec["error"]["type"] == etype, rec["error"]
    message = rec["error"]["message"]
    assert source in message, f"the message does not name the input: {message!r}"
    assert phrase in message.lower(), f"the message does not say what is wrong ({phrase!r}): {message!r}"


# --------------------------------------------------------------------------- parse --flat


def test_console_script_exists():
    assert GKPARSE.is_file(), f"the gkparse console script is expected next to {sys.executable}"


def test_parse_flat_two_seeds_in_input_order():
    # 004 first: the output follows the input order, not the names.
    s4, s1 = str(seed(SEED004)), str(seed(SEED001))
    proc = run("parse", "--flat", s4, s1)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    records = jsonl(proc.stdout)
    assert [r["source"] for r in records] == [s4, s1]
    assert_matches_gold(records[0], SEED004, s4)
    assert_matches_gold(records[1], SEED001, s1)
    assert set(records[0]) == {"source", "fields", "diagnostics", "error"}
    assert records[1]["fields"]["meta.year"] == 2023
    assert records[0]["fields"]["meta.year"] == 2019


def test_parse_flat_source_is_the_path_as_given(tmp_path):
    # A relative, un-normalized path is echoed exactly as typed.
    s1 = os.path.relpath(seed(SEED001), tmp_path)
    s4 = str(seed(SEED004))
    proc = run("parse", "--flat", s1, s4, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    records = jsonl(proc.stdout)
    assert len(records) == 2
    assert_matches_gold(records[0], SEED001, s1)
    assert_matches_gold(records[1], SEED004, s4)


def test_output_file(tmp_path):
    s1, s4 = str(seed(SEED001)), str(seed(SEED004))
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    proc = run("parse", "--flat", "-o", str(out), s1, s4)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    records = jsonl(out.read_text(encoding="utf-8"))
    assert len(records) == 2
    assert_matches_gold(records[0], SEED001, s1)
    assert_matches_gold(records[1], SEED004, s4)
    # The same records as on stdout.
    assert records == jsonl(run("parse", "--flat", s1, s4).stdout)


def test_output_file_long_option_with_bad_input(tmp_path):
    out = tmp_path / "records.jsonl"
    proc = run("parse", "--flat", "--output", str(out), "missing.txt", str(seed(SEED004)), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    records = jsonl(out.read_text(encoding="utf-8"))
    assert [r["source"] for r in records] == ["missing.txt", str(seed(SEED004))]
    assert_error_record(records[0], "missing.txt", "missing")
    assert_matches_gold(records[1], SEED004, str(seed(SEED004)))


def test_parse_structured_report():
    s1 = str(seed(SEED001))
    proc = run("parse", s1)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    (rec,) = jsonl(proc.stdout)
    assert rec["source"] == s1
    assert rec["error"] is None
    assert "fields" not in rec
    report = rec["report"]
    gold = gold_fields(SEED001)
    assert report["meta"]["year"] == 2023
    assert report["meta"]["title"] == gold["meta.title"]
    assert report["meta"]["issuer"] == gold["meta.issuer"]
    assert report["meta"]["era"] == gold["meta.era"]
    assert report["meta"]["published_on"] == gold["meta.published_on"]
    assert report["meta"]["variant"] == "national-2021"
    assert isinstance(rec["diagnostics"], list)


def test_parse_structured_error_record(tmp_path):
    proc = run("parse", "missing.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    (rec,) = jsonl(proc.stdout)
    assert rec["source"] == "missing.txt"
    assert rec["report"] is None
    assert rec["error"]["type"] == "InputError"
    assert "missing.txt" in rec["error"]["message"]


# --------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_input_alone(kind, tmp_path):
    name = make_bad_input(kind, tmp_path)
    proc = run("parse", "--flat", name, cwd=tmp_path)
    assert proc.returncode != 0
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    records = jsonl(proc.stdout)
    assert len(records) == 1
    assert_error_record(records[0], name, kind)


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_input_alone_absolute_path(kind, tmp_path):
    path = str(tmp_path / make_bad_input(kind, tmp_path))
    proc = run("parse", "--flat", path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    (rec,) = jsonl(proc.stdout)
    assert_error_record(rec, path, kind)


def test_bad_inputs_mixed_with_a_good_seed(tmp_path):
    good = str(seed(SEED001))
    kinds = ["empty", "whitespace", "binary", None, "news", "directory", "missing"]
    names = [good if k is None else make_bad_input(k, tmp_path) for k in kinds]
    proc = run("parse", "--flat", *names, cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    records = jsonl(proc.stdout)
    assert len(records) == len(names)
    assert [r["source"] for r in records] == names
    for kind, name, rec in zip(kinds, names, records):
        if kind is None:
            assert_matches_gold(rec, SEED001, good)
        else:
            assert_error_record(rec, name, kind)


def test_bad_input_last_still_writes_everything_before(tmp_path):
    s4 = str(seed(SEED004))
    name = make_bad_input("binary", tmp_path)
    proc = run("parse", "--flat", s4, name, s4, cwd=tmp_path)
    assert proc.returncode == 1
    records = jsonl(proc.stdout)
    assert [r["source"] for r in records] == [s4, name, s4]
    assert_matches_gold(records[0], SEED004, s4)
    assert_error_record(records[1], name, "binary")
    assert records[2] == records[0]


# Whitespace-only files whose whitespace is not ASCII: the ideographic space U+3000 (the indent of
# Chinese text), a no-break space, a byte-order mark and nothing else. They hold no text at all, like
# the same strings given to gkparse.parse() as str (which already yields EmptyInputError).
UNICODE_BLANK = {
    "ideographic_space": "\u3000\u3000\n\u3000\n".encode("utf-8"),
    "no_break_space": "\xa0\n \xa0\n".encode("utf-8"),
    "utf8_bom_only": b"\xef\xbb\xbf",
    "utf8_bom_and_spaces": b"\xef\xbb\xbf \r\n\t\n",
}


@pytest.mark.parametrize("kind", list(UNICODE_BLANK))
def test_unicode_whitespace_only_file_is_empty(kind, tmp_path):
    name = f"{kind}.txt"
    (tmp_path / name).write_bytes(UNICODE_BLANK[kind])
    proc = run("parse", "--flat", name, cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    (rec,) = jsonl(proc.stdout)
    assert_error_record(rec, name, "whitespace")


# --------------------------------------------------------------------------- --summary


def test_summary(tmp_path):
    good = str(seed(SEED001))
    empty = make_bad_input("empty", tmp_path)
    missing = make_bad_input("missing", tmp_path)
    proc = run("parse", "--flat", "--summary", empty, good, missing, cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    # stdout still carries the records, and only them.
    records = jsonl(proc.stdout)
    assert [r["source"] for r in records] == [empty, good, missing]
    assert_matches_gold(records[1], SEED001, good)
    err = proc.stderr
    assert re.search(r"\b3 input\(s\), 1 parsed, 2 error\(s\)", err), err
    lines = err.splitlines()
    # One line per input, naming it and saying what became of it.
    (l_empty,) = [line for line in lines if line.startswith(empty)]
    assert "EmptyInputError" in l_empty
    (l_missing,) = [line for line in lines if line.startswith(missing)]
    assert "InputError" in l_missing
    (l_good,) = [line for line in lines if SEED001 in line]
    assert "2023" in l_good and "2021" in l_good and "绥中县" in l_good
    # The summary goes to stderr only.
    assert "input(s)" not in proc.stdout


def test_summary_without_flat(tmp_path):
    good = str(seed(SEED004))
    proc = run("parse", "--summary", good, "nope.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    records = jsonl(proc.stdout)
    assert records[0]["report"]["meta"]["year"] == 2019
    assert records[1]["error"]["type"] == "InputError"
    assert re.search(r"\b2 input\(s\), 1 parsed, 1 error\(s\)", proc.stderr), proc.stderr
    (l_good,) = [line for line in proc.stderr.splitlines() if SEED004 in line]
    assert "2019" in l_good and gold_fields(SEED004)["meta.issuer"] in l_good


def test_summary_all_good_exit_zero():
    s1, s4 = str(seed(SEED001)), str(seed(SEED004))
    proc = run("parse", "--flat", "--summary", s1, s4)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"\b2 input\(s\), 2 parsed, 0 error\(s\)", proc.stderr), proc.stderr
    assert len(jsonl(proc.stdout)) == 2


# --------------------------------------------------------------------------- plugins, --version, usage


def test_plugins_lists_builtins():
    proc = run("plugins")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    out = proc.stdout
    version = md.version("gkparse")
    assert version == gkparse.__version__
    for name in ("national_2019", "national_2021", "checks"):
        assert re.search(rf"^{name}\s+gkparse {re.escape(version)}\s+\S+{name}\.py$", out, re.M), out
    for fmt, era in (("national-2019", "2019"), ("national-2021", "2021")):
        assert re.search(rf"^\s+format {fmt}\s+era {era}$", out, re.M), out
    assert "FAILED" not in out


def test_version():
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"gkparse {gkparse.__version__}"
    assert gkparse.__version__ == md.version("gkparse")


def test_no_command_is_a_usage_error():
    proc = run()
    assert proc.returncode == 2
    assert "usage: gkparse" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_parse_without_paths_is_a_usage_error():
    proc = run("parse", "--flat")
    assert proc.returncode == 2
    assert "PATH" in proc.stderr
    assert proc.stdout == ""


def test_unwritable_output_file(tmp_path):
    out = tmp_path / "no" / "such" / "dir" / "out.jsonl"
    proc = run("parse", "--flat", "-o", str(out), str(seed(SEED004)))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert str(out) in proc.stderr
    assert proc.stdout == ""
