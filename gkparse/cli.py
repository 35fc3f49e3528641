"""The ``gkparse`` command.

``gkparse parse [--flat] [-o FILE] [--summary] PATH…``
    Parse each PATH and write one JSON Lines record per input (see :mod:`gkparse.records`), in
    input order, to stdout or FILE. Exit status 1 when any input yielded an error record (after
    every input has been written), 0 otherwise.
``gkparse plugins``
    List the loaded plugins (name, distribution, version, where the code is) and the ones that
    failed to load.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from typing import IO, Optional, Sequence

from . import __version__
from .plugins import default_host
from .records import iter_records

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gkparse", description="Parse government information disclosure annual reports into typed, validated data.")
    p.add_argument("--version", action="version", version=f"gkparse {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    pp = sub.add_parser("parse", help="parse reports into JSON Lines records")
    pp.add_argument("paths", nargs="+", metavar="PATH", help="report files (crawled text)")
    pp.add_argument("--flat", action="store_true", help="write the flat fields of fields.md instead of the structured report")
    pp.add_argument("-o", "--output", metavar="FILE", help="write the records to FILE instead of stdout")
    pp.add_argument("--summary", action="store_true", help="print a readable summary of the run to stderr")
    sub.add_parser("plugins", help="list the loaded plugins and the ones that failed to load")
    return p


def _summary(records: list[dict], out: IO[str]) -> None:
    errors = [r for r in records if r["error"]]
    print(f"\ngkparse: {len(records)} input(s), {len(records) - len(errors)} parsed, {len(errors)} error(s)", file=out)
    print(f"{'source':48} {'era':5} {'year':5} {'fields':>6}  issuer / error", file=out)
    codes: collections.Counter = collections.Counter()
    for r in records:
        name = r["source"] if len(r["source"]) <= 48 else "…" + r["source"][-47:]
        if r["error"]:
            print(f"{name:48} {'-':5} {'-':5} {0:>6}  {r['error']['type']}", file=out)
            continue
        fields = r.get("fields") or {}
        meta = fields if fields else {}
        codes.update(d["code"] for d in r["diagnostics"])
        print(
            f"{name:48} {str(meta.get('meta.era', '?')):5} {str(meta.get('meta.year', '?')):5} {len(fields):>6}  {meta.get('meta.issuer', '?')}",
            file=out,
        )
    if codes:
        print("diagnostics: " + ", ".join(f"{c} ×{n}" for c, n in sorted(codes.items())), file=out)


def _cmd_parse(args: argparse.Namespace) -> int:
    try:
        out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as exc:
        print(f"gkparse: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    records = []
    failed = 0
    try:
        # The summary needs the flat fields even when the structured report is written.
        for rec in iter_records(args.paths, flat=args.flat):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()
            failed += rec["error"] is not None
            if args.summary:
                records.append(rec if args.flat else _flat_view(rec))
    finally:
        if out is not sys.stdout:
            out.close()
    if args.summary:
        _summary(records, sys.stderr)
    return 1 if failed else 0


def _flat_view(rec: dict) -> dict:
    report = rec.get("report") or {}
    meta = report.get("meta", {})
    return {
        "source": rec["source"],
        "fields": {f"meta.{k}": v for k, v in meta.items()},
        "diagnostics": rec["diagnostics"],
        "error": rec["error"],
    }


def _cmd_plugins(_: argparse.Namespace) -> int:
    host = default_host()
    for p in host.plugins:
        dist = f"{p.distribution} {p.version}" if p.distribution else "(registered directly)"
        print(f"{p.name:20} {dist:28} {p.origin}")
    for fmt in host.formats():
        print(f"  format {fmt.name:18} era {fmt.era}")
    for f in host.failures:
        print(f"FAILED {f.name:13} {f.distribution or '?':28} {f.error}")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _cmd_parse(args) if args.command == "parse" else _cmd_plugins(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("gkparse: interrupted; the records written so far are complete", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
