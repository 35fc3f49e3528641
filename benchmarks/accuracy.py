#!/usr/bin/env python3
"""Score gkparse output records against a directory of truth files.

Why: the synthetic corpus (benchmarks/generate_corpus.py, samples/) and the hand-made gold files
both say what a correct parse must give. This module applies the gold rules of fields.md to
gkparse's JSON Lines records. Benchmarks and tests can then turn "does the parser get it right"
into numbers, and a CI gate can fail on any regression.

Input: records as ``gkparse parse --flat`` writes them, one per input:
``{"source": ..., "fields": {...}, "diagnostics": [{"code": ...}], "error": null | {"type": ..., "message": ...}}``.
A truth file is the gold format: ``source`` (relative to a root directory), ``fields``, optionally
``optional`` and ``ambiguous``, ``diagnostics`` (codes) and, for an input that is not a report,
``error`` (the expected error type).

Rules, per document:

* every key in ``fields`` must be present in the output with an equal value. Counts compare
  numerically. A numeric string (money in 万元) compares as a Decimal, so "25.10" equals "25.1".
  Other text compares after NFKC and whitespace removal. An output value of ``null`` counts as
  missing;
* a key in ``optional`` may be left out, but if it is given it must be equal (otherwise: wrong);
* any other key with a table prefix (active., applications., review., litigation_direct.,
  litigation_after_review., legacy.) is spurious. The one exception is a group subtotal
  (applications.denied|unable|rejected|other.<col>) that equals the sum of its sub-rows in the truth.
  Keys listed in ``ambiguous`` must be left out, so giving one is spurious too;
* every expected diagnostic code must be among the record's codes;
* the record's error type must equal the expected one (none when the truth has no ``error``). A
  document without any record counts as an error.

The matching is the same as the shared score tool's, with two differences. Here an ``ambiguous`` key
that is given counts as spurious, as fields.md says, and an unexpected or missing error is counted.

Records are matched to truth files by path: the record's ``source`` (relative to the current
directory, or absolute) must name the same file as ``root / truth.source``. If none does, a record
whose source ends with the truth's ``source`` path is taken.

CLI: ``python benchmarks/accuracy.py RECORDS.jsonl TRUTH_DIR [--root DIR] [--quiet]``. It prints a
per-document table and, last, ``accuracy: X.XXXX (correct/total), wrong N, missing N, spurious N,
documents N, errors as expected N/N``. It exits 0 when everything matches and 1 otherwise.
``score(records, truth_dir, root)`` returns the same figures as a dict.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable

__all__ = ["TABLE_PREFIXES", "same", "load_truths", "read_records", "score", "score_document", "format_report", "main"]

TABLE_PREFIXES = ("active.", "applications.", "review.", "litigation_direct.", "litigation_after_review.", "legacy.")
GROUP_PREFIXES = {"denied": "denied_", "unable": "unable_", "rejected": "rejected_", "other": "other_"}
NUMERIC = re.compile(r"-?\d+(\.\d+)?")
COUNTERS = ("total", "correct", "wrong", "missing", "spurious", "diag_expected", "diag_found")


# --------------------------------------------------------------------------------------------------
# Value comparison
# --------------------------------------------------------------------------------------------------


def as_decimal(value) -> Decimal | None:
    """A number (int, float, or numeric string) as a Decimal; None for anything else, and for booleans."""
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None


def same(got, want) -> bool:
    """Whether an output value equals a truth value under the gold rules."""
    if isinstance(want, bool) or isinstance(got, bool):
        return got == want
    if isinstance(want, int) or (isinstance(want, str) and NUMERIC.fullmatch(want)):
        g, w = as_decimal(got), as_decimal(want)
        return g is not None and w is not None and g == w
    if isinstance(want, str):
        return squash(got) == squash(want)
    return got == want


def squash(value) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))


def derived_subtotal_ok(key: str, value, truth_fields: dict) -> bool:
    """A group subtotal the truth does not list is fine when it equals the sum of its truth sub-rows."""
    m = re.fullmatch(r"applications\.(denied|unable|rejected|other)\.(\w+)", key)
    if not m:
        return False
    prefix = f"applications.{GROUP_PREFIXES[m.group(1)]}"
    parts = [v for k, v in truth_fields.items() if k.startswith(prefix) and k.endswith("." + m.group(2))]
    return bool(parts) and same(value, sum(int(p) for p in parts))


# --------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------


def load_truths(truth_dir: Path) -> list:
    """[(document name, truth record)] for every *.json in the directory, sorted by name."""
    return [(p.stem, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(Path(truth_dir).glob("*.json"))]


def read_records(path: Path) -> list:
    """The JSON objects of a JSON Lines file; blank lines and lines that are not objects are skipped."""
    records = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("{"):
            records.append(json.loads(line))
    return records


def path_key(path) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(str(path))))


class RecordIndex:
    """Finds the record of a truth file: by the same resolved path, else by path suffix."""

    def __init__(self, records: Iterable[dict]) -> None:
        self.records = [r for r in records if isinstance(r, dict)]
        self.by_path = {}
        for record in self.records:
            self.by_path.setdefault(path_key(record.get("source", "")), record)

    def find(self, root: Path, source: str) -> dict | None:
        record = self.by_path.get(path_key(Path(root) / source))
        if record is not None:
            return record
        tail = Path(source).parts
        for record in self.records:
            parts = Path(str(record.get("source", ""))).parts
            if len(parts) >= len(tail) and parts[-len(tail):] == tail:
                return record
        return None


# --------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------


def error_type(record: dict | None) -> str | None:
    """The record's error type without a module prefix; "no record" when there is no record."""
    if record is None:
        return "no record"
    error = record.get("error")
    if not error:
        return None
    name = error.get("type") if isinstance(error, dict) else str(error)
    return str(name).rsplit(".", 1)[-1]


def score_document(name: str, truth: dict, record: dict | None) -> dict:
    """Score one document. Returns counters and the offending keys."""
    expected = truth.get("fields") or {}
    optional = truth.get("optional") or {}
    out = {k: v for k, v in ((record or {}).get("fields") or {}).items() if v is not None}
    result = {"document": name, "era": str(expected.get("meta.era", "-")), "total": len(expected),
              "correct": 0, "wrong": 0, "missing": 0, "spurious": 0,
              "wrong_keys": [], "missing_keys": [], "spurious_keys": []}
    check_expected(expected, out, result)
    check_optional(optional, out, result)
    check_spurious(expected, optional, out, result)
    check_diagnostics(truth, record, result)
    result["error_expected"] = truth.get("error")
    result["error_got"] = error_type(record)
    result["error_ok"] = result["error_expected"] == result["error_got"]
    return result


def check_expected(expected: dict, out: dict, result: dict) -> None:
    for key, want in expected.items():
        if key not in out:
            result["missing"] += 1
            result["missing_keys"].append(key)
        elif same(out[key], want):
            result["correct"] += 1
        else:
            result["wrong"] += 1
            result["wrong_keys"].append(f"{key}={out[key]!r}, expected {want!r}")


def check_optional(optional: dict, out: dict, result: dict) -> None:
    for key, want in optional.items():
        if key in out and not same(out[key], want):
            result["wrong"] += 1
            result["wrong_keys"].append(f"{key}={out[key]!r}, expected {want!r} (optional)")


def check_spurious(expected: dict, optional: dict, out: dict, result: dict) -> None:
    for key, value in out.items():
        if key in expected or key in optional or not key.startswith(TABLE_PREFIXES):
            continue
        if derived_subtotal_ok(key, value, expected):
            continue
        result["spurious"] += 1
        result["spurious_keys"].append(f"{key}={value!r}")


def check_diagnostics(truth: dict, record: dict | None, result: dict) -> None:
    codes = {d.get("code") for d in ((record or {}).get("diagnostics") or []) if isinstance(d, dict)}
    wanted = list(truth.get("diagnostics") or [])
    result["diag_expected"] = len(wanted)
    result["diag_found"] = sum(1 for code in wanted if code in codes)
    result["diag_missing"] = [code for code in wanted if code not in codes]


def score(records: Iterable[dict], truth_dir: Path, root: Path | None = None) -> dict:
    """Score records against every truth file of `truth_dir` (sources relative to `root`, by default
    the truth directory's parent). Returns ``{"documents": [...], "totals": {...}, "accuracy": float,
    "errors_ok": int, "documents_count": int, "passed": bool}``."""
    truth_dir = Path(truth_dir)
    root = Path(root) if root is not None else truth_dir.parent
    index = RecordIndex(records)
    documents = [score_document(name, truth, index.find(root, truth.get("source", "")))
                 for name, truth in load_truths(truth_dir)]
    totals = {k: sum(d[k] for d in documents) for k in COUNTERS}
    errors_ok = sum(1 for d in documents if d["error_ok"])
    passed = (totals["correct"] == totals["total"] and not totals["wrong"] and not totals["spurious"]
              and totals["diag_found"] == totals["diag_expected"] and errors_ok == len(documents))
    return {
        "documents": documents,
        "totals": totals,
        "accuracy": totals["correct"] / totals["total"] if totals["total"] else 1.0,
        "errors_ok": errors_ok,
        "documents_count": len(documents),
        "passed": passed,
    }


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------


def document_line(d: dict) -> str:
    error = "ok" if d["error_ok"] else f"expected {d['error_expected'] or 'none'}, got {d['error_got'] or 'none'}"
    return (f"{d['document'][:44]:44} {d['era']:>4}  {d['correct']:4}/{d['total']:<4} {d['wrong']:5} {d['missing']:7} "
            f"{d['spurious']:8}  {d['diag_found']}/{d['diag_expected']:<5} {error}")


def problem_lines(d: dict, limit: int = 6) -> list:
    lines = []
    for label, keys in (("wrong", d["wrong_keys"]), ("missing", d["missing_keys"]),
                        ("spurious", d["spurious_keys"]), ("diagnostics missing", d["diag_missing"])):
        if keys:
            more = f" (+{len(keys) - limit} more)" if len(keys) > limit else ""
            lines.append(f"    {label}: " + "; ".join(keys[:limit]) + more)
    return lines


def is_clean(d: dict) -> bool:
    return (d["correct"] == d["total"] and not d["wrong"] and not d["spurious"]
            and d["diag_found"] == d["diag_expected"] and d["error_ok"])


def format_report(result: dict, quiet: bool = False) -> str:
    """The per-document table and the overall line (always last)."""
    head = f"{'document':44} {'era':>4}  {'keys ok/total':13} {'wrong':>5} {'missing':>7} {'spurious':>8}  {'diag':7} errors"
    lines = [head, "-" * len(head)]
    for d in result["documents"]:
        if quiet and is_clean(d):
            continue
        lines.append(document_line(d))
        lines.extend(problem_lines(d))
    t = result["totals"]
    lines.append(f"diagnostics found {t['diag_found']}/{t['diag_expected']}")
    lines.append(
        f"accuracy: {result['accuracy']:.4f} ({t['correct']}/{t['total']}), wrong {t['wrong']}, missing {t['missing']}, "
        f"spurious {t['spurious']}, documents {result['documents_count']}, "
        f"errors as expected {result['errors_ok']}/{result['documents_count']}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Score gkparse JSONL records against truth files.")
    parser.add_argument("records", type=Path, help="JSON Lines file written by `gkparse parse --flat`")
    parser.add_argument("truth_dir", type=Path, help="directory of truth/gold *.json files")
    parser.add_argument("--root", type=Path, help="directory the truth sources are relative to (default: TRUTH_DIR/..)")
    parser.add_argument("--quiet", action="store_true", help="list only documents with a problem")
    args = parser.parse_args(argv)
    result = score(read_records(args.records), args.truth_dir, args.root)
    print(format_report(result, quiet=args.quiet))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
