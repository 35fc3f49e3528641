"""The long fuzz run: many mutated documents through every input path; counts what escapes.

    python benchmarks/fuzz.py --cases 100000 [--jobs 2] [--seed 1] [--out benchmarks/results/fuzz.md]

Documents are the shared seeds (when ../shared is beside the project) and a generated corpus; each
case applies random mutations (tests/fuzz_mutations.py: truncation, byte flips, inserted/deleted
characters, wrong codecs, shuffled/duplicated rows, glued/split cells, huge/negative/full-width
numbers, nested/unclosed tags) and feeds the result through one input path: ``str`` text, ``bytes``
in one of several encodings, an HTML page, or — through the batch API — a zip archive or a WARC
crawl of several mutated documents (with random, often wrong, HTTP charsets). It reports, per path:
cases, escaped exceptions (anything but a gkparse error), hangs (a case over 2 s, or a batch that
never returns), records lost (archive documents without their record), and the slowest case.
Exit status 1 if anything escaped, hung or was lost.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import json
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

HANG_SECONDS = 2.0
PATHS = ("text", "bytes", "html", "zip", "warc")
ARCHIVE_DOCS = 4  # documents per zip or WARC case


def corpus_texts(seed: int) -> list[str]:
    from generate_corpus import generate

    texts = []
    shared = ROOT.parent / "shared" / "seeds"
    for p in sorted(shared.glob("*.txt")):
        texts.append(p.read_text(encoding="utf-8", errors="replace"))
    rng = random.Random(seed)
    for i in range(24):
        text, _ = generate(seed, i, rng.choice(("2019", "2021")), rng.choice(("cell_per_line", "row_per_line_spaces", "row_per_line_tabs", "row_per_line_pipes")), "utf-8")
        texts.append(text)
    return texts


def as_html(text: str, rng: random.Random) -> bytes:
    rows = "".join(f"<tr><td>{'</td><td>'.join(line.split())}</td></tr>" if rng.random() < 0.5 else f"<p>{line}</p>" for line in text.splitlines())
    page = f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body><div><table>{rows}</table></div></body></html>"
    return page.encode("utf-8")


def warc_bytes(bodies: list[bytes], rng: random.Random) -> bytes:
    """A WARC/1.0 crawl of ``bodies`` as HTTP responses, with declared charsets right or wrong."""
    out = []
    for n, body in enumerate(bodies):
        charset = rng.choice(("utf-8", "gbk", "gb2312", "big5", "iso-8859-1", "", "x-unknown"))
        ctype = "text/html" + (f"; charset={charset}" if charset else "")
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.invalid/{n}\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n"
        ).encode()
        out.append(head + http + b"\r\n\r\n")
    return b"".join(out)


def run_archive(path: str, bodies: list[bytes], rng: random.Random, tmp: Path) -> tuple[int, list[str]]:
    """Parse an archive of ``bodies`` through the batch API: (records returned, error types)."""
    import zipfile

    from gkparse.corpus import iter_records

    target = tmp / ("case.zip" if path == "zip" else "case.warc")
    if path == "zip":
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for n, body in enumerate(bodies):
                zf.writestr(f"doc{n}.{'html' if body.lstrip().startswith(b'<') else 'txt'}", body)
    else:
        target.write_bytes(warc_bytes(bodies, rng))
    records = list(iter_records([str(target)], flat=True, jobs=1))
    return len(records), [r["error"]["type"] for r in records if r["error"]]


def run_batch(args: tuple[int, int, int, list[str]]) -> dict:
    """Run ``count`` cases starting at ``first``; returns the counts (in a worker process)."""
    first, count, seed, texts = args
    import gkparse
    from fuzz_mutations import mutate, to_bytes
    from gkparse.errors import GkparseError

    import tempfile

    stats = {p: collections.Counter() for p in PATHS}
    escapes: list[str] = []
    slowest = (0.0, "")
    tmp = Path(tempfile.mkdtemp(prefix="gkfuzz-"))
    for case in range(first, first + count):
        rng = random.Random(seed * 1_000_003 + case)
        path = PATHS[case % len(PATHS)]
        text, names = mutate(rng.choice(texts), rng)
        start = time.perf_counter()
        try:
            if path in ("zip", "warc"):
                bodies = [to_bytes(text, rng)] + [to_bytes(mutate(rng.choice(texts), rng)[0], rng) for _ in range(ARCHIVE_DOCS - 1)]
                returned, errors = run_archive(path, bodies, rng, tmp)
                stats[path]["documents"] += len(bodies)
                stats[path]["LOST"] += max(0, len(bodies) - returned)
                stats[path]["report"] += returned - len(errors)
                for e in errors:
                    stats[path][e] += 1
            else:
                source = text if path == "text" else to_bytes(text, rng) if path == "bytes" else as_html(text, rng)
                gkparse.flatten(gkparse.parse(source))
                stats[path]["report"] += 1
        except GkparseError as exc:
            stats[path][type(exc).__name__] += 1
        except BaseException as exc:  # noqa: BLE001 - counting what escapes is the point
            stats[path]["ESCAPED"] += 1
            escapes.append(f"case {case} ({path}, {'+'.join(names)}): {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
        took = time.perf_counter() - start
        stats[path]["cases"] += 1
        if took > HANG_SECONDS:
            stats[path]["HANG"] += 1
        if took > slowest[0]:
            slowest = (took, f"case {case} ({path}, {'+'.join(names)})")
    return {"stats": {p: dict(c) for p, c in stats.items()}, "escapes": escapes, "slowest": slowest}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "fuzz.md")
    a = ap.parse_args(argv)
    texts = corpus_texts(a.seed)
    totals = {p: collections.Counter() for p in PATHS}
    escapes: list[str] = []
    slowest = (0.0, "")
    lost = 0
    started = time.time()
    batches = [(first, min(a.batch, a.cases - first), a.seed, texts) for first in range(0, a.cases, a.batch)]
    with cf.ProcessPoolExecutor(max_workers=a.jobs) as pool:
        futures = {pool.submit(run_batch, b): b for b in batches}
        for fut in cf.as_completed(futures):
            first, count, _, _ = futures[fut]
            try:
                result = fut.result(timeout=count * HANG_SECONDS * 5)
            except Exception as exc:  # a worker that died or never returned: its cases are lost or hung
                lost += count
                escapes.append(f"batch at case {first}: {type(exc).__name__}: {exc}")
                continue
            for p, c in result["stats"].items():
                totals[p].update(c)
            escapes.extend(result["escapes"])
            slowest = max(slowest, tuple(result["slowest"]))
            done = sum(t["cases"] for t in totals.values())
            print(f"\r{done}/{a.cases} cases, {len(escapes)} escaped", end="", file=sys.stderr)
    print(file=sys.stderr)
    elapsed = time.time() - started
    cases = sum(t["cases"] for t in totals.values())
    escaped = sum(t["ESCAPED"] for t in totals.values())
    hangs = sum(t["HANG"] for t in totals.values())
    lost += sum(t["LOST"] for t in totals.values())
    lines = [
        "# Long fuzz run",
        "",
        f"`python benchmarks/fuzz.py --cases {a.cases} --jobs {a.jobs} --seed {a.seed}` — {time.strftime('%Y-%m-%d')}, {elapsed:.0f} s",
        "",
        f"**{cases} cases: {escaped} escaped exceptions, {hangs} hangs over {HANG_SECONDS:.0f} s, {lost + a.cases - cases} lost records.** "
        f"(zip and WARC cases hold {ARCHIVE_DOCS} documents each.) "
        f"Slowest case: {slowest[0]:.3f} s ({slowest[1]}).",
        "",
        "| input path | cases | reports | gkparse errors (by type) | escaped | hangs | lost |",
        "|---|---|---|---|---|---|---|",
    ]
    for p, t in totals.items():
        errs = ", ".join(f"{k} {v}" for k, v in sorted(t.items()) if k.endswith("Error"))
        lines.append(f"| {p} | {t['cases']} | {t['report']} | {errs or '-'} | {t['ESCAPED']} | {t['HANG']} | {t['LOST']} |")
    if escapes:
        lines += ["", "## Escapes", "", "```", *escapes[:20], "```"]
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 1 if escaped or hangs or lost or cases != a.cases else 0


if __name__ == "__main__":
    sys.exit(main())
