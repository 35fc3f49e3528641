"""The ``gkparse`` command.

``gkparse parse [--flat] [-o FILE] [--format jsonl|csv|parquet] [--jobs N] [--glob PATTERN]
[--builder html5lib|fast] [--summary] [--no-progress] PATH…``
    Parse every document of the PATHs — files, directories (recursively), glob patterns, ``.zip``
    archives, WARC/ARC crawls (see :mod:`gkparse.inputs`) — and write one record per document, in
    input order, to stdout or FILE: JSON Lines (see :mod:`gkparse.records`), CSV or Parquet (see
    :mod:`gkparse.outputs`). ``--format`` defaults from FILE's extension, else JSON Lines; CSV and
    Parquet rows are always flat. ``--jobs N`` parses in N worker processes (default: every core;
    the output does not depend on N). A progress line goes to stderr when stderr is a terminal.
    Exit status: 0 when every document parsed; 1 when any yielded an error record (after every
    record was written); 2 for a usage error or an output that cannot be written; 130 on Ctrl-C,
    after closing the output so it is valid and holds every record completed so far (a second
    Ctrl-C stops at once, still leaving only complete records).
``gkparse plugins``
    List the loaded plugins (name, distribution, version, where the code is) and the ones that
    failed to load.
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import signal
import sys
import tempfile
import threading
from typing import IO, Optional, Sequence

from . import __version__
from .limits import DEFAULT_LIMITS, Limits, parse_limit_option
from .outputs import FORMATS, format_for_path
from .plugins import default_host

__all__ = ["main"]


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (every core) or more")
    return n


def _limit(text: str) -> str:
    try:
        parse_limit_option(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _limits(options: Optional[list]) -> Limits:
    limits = DEFAULT_LIMITS
    for text in options or ():
        limits = parse_limit_option(text, limits)
    return limits


def _builders() -> list[str]:
    try:
        from .html import BUILDERS
    except ImportError:  # pragma: no cover - an HTML path without choices
        return ["html5lib"]
    return list(BUILDERS)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gkparse", description="Parse government information disclosure annual reports into typed, validated data.")
    p.add_argument("--version", action="version", version=f"gkparse {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    pp = sub.add_parser(
        "parse",
        help="parse reports into records (JSON Lines, CSV or Parquet)",
        description="Parse every document of the PATHs into one record each, in input order.",
    )
    pp.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="report files, directories (recursive), glob patterns, .zip archives, WARC/ARC crawls (.warc, .warc.gz, .arc, .arc.gz)",
    )
    pp.add_argument("--flat", action="store_true", help="write the flat fields of fields.md instead of the structured report (always on for CSV and Parquet)")
    pp.add_argument("-o", "--output", metavar="FILE", help="write the records to FILE instead of stdout")
    pp.add_argument("--format", choices=FORMATS, help="output format (default: from FILE's extension .jsonl/.csv/.parquet, else jsonl)")
    pp.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N", help="worker processes (default 0: every core)")
    pp.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="take only the files of directories and zip archives whose name matches PATTERN (e.g. '*.html'; repeatable; default: every file)",
    )
    pp.add_argument(
        "--builder",
        choices=_builders(),
        help="the HTML tree builder for web pages: html5lib (default, pure Python) or fast (selectolax, pip install 'gkparse[fast]'); both give the same records",
    )
    pp.add_argument(
        "--limit",
        action="append",
        type=_limit,
        metavar="NAME=VALUE",
        help="a resource limit per document (repeatable), e.g. max_seconds=5, max_bytes=10000000, max_html_depth=500; "
        "0 switches one off (see gkparse.limits.Limits)",
    )
    pp.add_argument("--summary", action="store_true", help="print a readable summary of the run to stderr")
    pp.add_argument("--no-progress", action="store_true", help="no progress line on stderr (it is shown only when stderr is a terminal)")
    sub.add_parser("plugins", help="list the loaded plugins and the ones that failed to load")
    return p


class _SummaryTable:
    """``--summary``: one line per input, spooled to a temporary file (constant memory)."""

    def __init__(self) -> None:
        self.lines = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.records = self.errors = 0
        self.codes: collections.Counter = collections.Counter()

    def add(self, rec: dict) -> None:
        self.records += 1
        source = rec["source"]
        name = source if len(source) <= 48 else "…" + source[-47:]
        if rec["error"]:
            self.errors += 1
            self.lines.write(f"{name:48} {'-':5} {'-':5} {0:>6}  {rec['error']['type']}\n")
            return
        fields = rec.get("fields")
        if fields is None:  # the structured report: its meta
            meta = (rec.get("report") or {}).get("meta", {})
            fields = {f"meta.{k}": v for k, v in meta.items()}
            count = "-"
        else:
            count = len(fields)
        self.codes.update(d["code"] for d in rec["diagnostics"])
        self.lines.write(
            f"{name:48} {str(fields.get('meta.era', '?')):5} {str(fields.get('meta.year', '?')):5} {count:>6}  {fields.get('meta.issuer', '?')}\n"
        )

    def print(self, out: IO[str]) -> None:
        print(f"\ngkparse: {self.records} input(s), {self.records - self.errors} parsed, {self.errors} error(s)", file=out)
        print(f"{'source':48} {'era':5} {'year':5} {'fields':>6}  issuer / error", file=out)
        self.lines.seek(0)
        for line in self.lines:
            out.write(line)
        if self.codes:
            print("diagnostics: " + ", ".join(f"{c} ×{n}" for c, n in sorted(self.codes.items())), file=out)
        self.lines.close()


class _Interrupt:
    """Ctrl-C: the first one asks the run to stop cleanly; a second one stops at once."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._old = None

    def __enter__(self) -> "_Interrupt":
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        self.event.set()
        if hasattr(sys.stderr, "isatty") and sys.stderr.isatty():
            sys.stderr.write("\ngkparse: stopping: writing the records completed so far (Ctrl-C again to stop at once)\n")

    def __exit__(self, *exc: object) -> None:
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)


def _cmd_parse(args: argparse.Namespace) -> int:
    from .corpus import WorkerStartError, parse_corpus

    fmt = args.format or format_for_path(args.output) or "jsonl"
    if fmt == "parquet" and not args.output:
        print("gkparse: Parquet output needs a file: -o FILE.parquet", file=sys.stderr)
        return 2
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            print("gkparse: Parquet output needs pyarrow: pip install 'gkparse[parquet]'", file=sys.stderr)
            return 2
    options = {}
    if args.builder:
        from .errors import GkparseError
        from .html import check_builder

        try:  # once, here: a missing extra is one usage error, not an error record per document
            check_builder(args.builder, source="--builder")
        except GkparseError as exc:
            print(f"gkparse: {exc}", file=sys.stderr)
            return 2
        options["builder"] = args.builder
    if args.limit:
        options["limits"] = _limits(args.limit)
    try:
        if not args.output:
            writer_target: IO = _utf8_stdout()
        elif fmt == "parquet":
            writer_target = open(args.output, "wb")
        else:
            writer_target = open(args.output, "w", encoding="utf-8", newline="")
    except OSError as exc:
        print(f"gkparse: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    table = _SummaryTable() if args.summary else None
    # The progress line: only when stderr is a terminal (None), and not when the records go to
    # that terminal too (they would be interleaved with it).
    progress = False if args.no_progress or (not args.output and _isatty(sys.stdout)) else None
    summary = None
    interrupt = _Interrupt()
    try:
        with interrupt:
            summary = parse_corpus(
                args.paths,
                writer_target,
                format=fmt,
                flat=args.flat,
                jobs=args.jobs or None,
                glob=args.glob,
                progress=progress,
                stop=interrupt.event,
                on_record=table.add if table is not None else None,
                **options,
            )
    except KeyboardInterrupt:  # the second Ctrl-C: every record written is complete
        _close(writer_target)
        print(f"gkparse: interrupted; {_written(table)}the output holds complete records only", file=sys.stderr)
        return 130
    except WorkerStartError as exc:
        _close(writer_target)
        print(f"gkparse: {exc}", file=sys.stderr)
        return 2
    finally:
        _close(writer_target)
    if table is not None:
        table.print(sys.stderr)
    if summary.interrupted:
        where = f" to {args.output}" if args.output else ""
        print(f"gkparse: interrupted; {summary.records} record(s) written{where}, complete so far", file=sys.stderr)
        return 130
    return 1 if summary.errors else 0


def _written(table: Optional[_SummaryTable]) -> str:
    return f"{table.records} record(s) written; " if table is not None else ""


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class _Stdout(io.TextIOWrapper):
    """UTF-8 text over stdout's bytes, whatever the locale (a Windows console redirected to a file
    would otherwise get GBK): closing it leaves stdout open."""

    def close(self) -> None:
        if not self.closed:
            try:
                self.flush()
            finally:
                self.detach()


def _utf8_stdout() -> IO[str]:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # replaced by a text-only stream (an embedding application)
        return sys.stdout
    sys.stdout.flush()
    return _Stdout(buffer, encoding="utf-8", newline="", write_through=True)


def _close(stream) -> None:
    if stream is sys.stdout:
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
        return
    try:
        stream.close()
    except (OSError, ValueError):
        pass


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
        # The reader went away (``gkparse parse … | head``): not an error; keep Python from
        # complaining when it flushes stdout at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except KeyboardInterrupt:
        print("gkparse: interrupted; the records written so far are complete", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
