"""The benchmark suite: throughput, scaling and accuracy of gkparse on generated corpora.

    python benchmarks/run.py                         # quick: 1k documents, jobs 1 and 2
    python benchmarks/run.py --sizes 1000,10000,100000 --html-sizes 1000 --jobs 1,2
    python benchmarks/run.py --sizes 1000,10000 --paths text --out benchmarks/results/text-scaling
    python benchmarks/run.py --report benchmarks/results/results.json   # rewrite .md/.png, measure nothing

One command produces everything under ``benchmarks/results/``: ``results.md`` (the table, the
targets met or missed and by how much, and what bounds each speed target: the baselines' cost per
document beside what meeting the target would leave for gkparse's work), ``results.json`` and
``results.png`` (the chart). Every measurement runs in a fresh subprocess, so its peak RSS is its
own. In the same run, next to gkparse's paths, it measures the baselines on the same files:

* ``bare-html5lib``: decode + ``html5lib.parse`` of the HTML pages (what the html5lib path costs
  at the very least);
* ``floor``: decode + one regex pass over the text (what any parser costs at the very least).

``--html-sizes`` sets the corpus sizes of the HTML paths and the bare-html5lib baseline apart from
the text path's (html5lib alone takes over half an hour per 100k pages on one core). The end to end
CLI run parses a *mixed* corpus of the largest size: text and HTML of every era, damaged
documents (each kind of damage at a rate of 0.1), and inputs that are not reports (each must yield
its expected error record).

gkparse's paths: ``text`` (crawled text), ``html5lib`` (HTML pages, default tree builder),
``fast`` (HTML pages, the ``fast`` extra's builder), each through the batch API with 1..N
processes; and the largest corpus end to end through the CLI (``gkparse parse --jobs N``), with
every record counted. Accuracy against the generator's truth is printed beside each speed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
CACHE = BENCH / ".cache"
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH))

TARGETS = """\
- html5lib path within 1.3x of bare html5lib parsing
- fast path at least 20x the html5lib path
- text path at least 2,000 reports/s on one core
- 2 processes at least 1.8x one
- docs/s and peak RSS flat from the smallest to the largest corpus"""


# --------------------------------------------------------------------------- corpora

# The paths measured on the HTML corpus (sized by --html-sizes); the others run on the text corpus.
HTML_PATHS = frozenset({"html5lib", "fast", "bare-html5lib"})


# What each kind of corpus is made of (generate_corpus.py options). ``mixed`` is the CLI run's:
# mostly crawled text, some HTML, every era, each kind of damage at a rate of 0.1 (about four
# documents in ten damaged), and inputs that are not reports.
CORPORA = {
    "text": ["--no-non-reports", "--mix", "text=1"],
    "html": ["--no-non-reports", "--mix", "html=1"],
    "mixed": ["--mix", "text=0.9,html=0.1,2008=1,2019=1,2021=1", "--damage", "0.1"],
}


def corpus(kind: str, size: int, seed: int) -> Path:
    """A generated corpus of ``size`` documents (``kind``: a key of :data:`CORPORA`), cached by its
    parameters."""
    out = CACHE / f"{kind}-{size}-{seed}"
    if not (out / "corpus").is_dir() or len(list((out / "corpus").iterdir())) < size:
        cmd = [sys.executable, str(BENCH / "generate_corpus.py"), "--out", str(out), "--count", str(size), "--seed", str(seed), *CORPORA[kind]]
        subprocess.run(cmd, check=True)
    return out


def manifest(root: Path, size: int) -> Path:
    """The first ``size`` files of ``root``'s corpus, one path per line, written once by the runner.

    The measured process streams it (:func:`listed`) instead of listing the directory: at 100k
    documents a list of ``Path`` objects alone is ~28 MB of peak RSS that would not be gkparse's."""
    out = root / f"manifest-{size}.txt"
    if not out.exists():
        names = sorted(os.listdir(root / "corpus"))[:size]
        part = out.with_suffix(".part")
        part.write_text("".join(f"{root / 'corpus' / name}\n" for name in names), encoding="utf-8")
        part.replace(out)
    return out


def listed(listing: Path) -> Iterator[str]:
    """The paths of a :func:`manifest`, one at a time."""
    with listing.open(encoding="utf-8") as lines:
        for line in lines:
            yield line.rstrip("\n")


# --------------------------------------------------------------------------- one measurement (in a subprocess)


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024.0


def measure(path: str, root: Path, size: int, jobs: int) -> dict:
    """Parse the first ``size`` files of ``root`` the way ``path`` says; timings and accuracy.

    Paths stream from the corpus's manifest, so the process holds one document at a time."""
    listing = manifest(root, size)
    docs = nbytes = written = 0
    records = None
    start = time.perf_counter()
    if path == "bare-html5lib":
        import html5lib

        from gkparse.decode import decode_bytes

        for f in listed(listing):
            data = Path(f).read_bytes()
            docs, nbytes = docs + 1, nbytes + len(data)
            html5lib.parse(decode_bytes(data).text, treebuilder="etree", namespaceHTMLElements=False)
    elif path == "floor":
        import re

        from gkparse.decode import decode_bytes

        pattern = re.compile(r"\d+")
        for f in listed(listing):
            data = Path(f).read_bytes()
            docs, nbytes = docs + 1, nbytes + len(data)
            pattern.findall(decode_bytes(data).text)
    else:
        from gkparse.corpus import iter_records

        # Records stream to a file (scored afterwards), so peak RSS is gkparse's, not a list's.
        options = {"builder": "fast"} if path == "fast" else {}
        records = CACHE / f"records-{path}-{size}-{jobs}.jsonl"
        with records.open("w", encoding="utf-8") as out:
            for rec in iter_records(listed(listing), flat=True, jobs=jobs, **options):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                written += 1
    seconds = time.perf_counter() - start
    peak = _peak_rss_mb()
    if records is not None:  # the documents and bytes gkparse read, counted after the clock stopped
        for f in listed(listing):
            docs, nbytes = docs + 1, nbytes + os.stat(f).st_size
    result = {"path": path, "size": size, "jobs": jobs, "docs": docs, "mb": nbytes / 1e6, "seconds": seconds,
              "docs_per_s": docs / seconds, "mb_per_s": nbytes / 1e6 / seconds, "peak_rss_mb": peak}
    if records is not None:
        import tempfile

        from accuracy import score

        # Score against the truth of exactly the documents measured (the corpus may be larger).
        with tempfile.TemporaryDirectory() as tmp:
            truth = Path(tmp) / "truth"
            truth.mkdir()
            for f in listed(listing):
                stem = Path(f).stem
                (truth / f"{stem}.json").symlink_to(root / "truth" / f"{stem}.json")
            with records.open(encoding="utf-8") as lines:
                acc = score((json.loads(line) for line in lines), truth, root)
        result["accuracy"] = acc["total"]["accuracy"] if "total" in acc else acc.get("accuracy")
        result["records"] = written
    return result


def run_measurement(path: str, root: Path, size: int, jobs: int) -> dict:
    manifest(root, size)  # listed here, not in the measured process
    cmd = [sys.executable, __file__, "--measure", path, "--root", str(root), "--size", str(size), "--jobs-one", str(jobs)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return {"path": path, "size": size, "jobs": jobs, "error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_cli(root: Path, size: int, jobs: int) -> dict:
    """The largest corpus end to end through the CLI: every record present, accuracy printed."""
    out = CACHE / f"cli-{root.name}.jsonl"
    docs = len(list((root / "corpus").iterdir()))
    gk = Path(sys.executable).parent / "gkparse"
    start = time.perf_counter()
    done = subprocess.run([str(gk), "parse", "--flat", "--jobs", str(jobs), "--no-progress", "-o", str(out), str(root / "corpus")], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    acc = subprocess.run([sys.executable, str(BENCH / "accuracy.py"), str(out), str(root / "truth"), "--quiet"], capture_output=True, text=True)
    return {"path": "cli", "corpus": root.name, "size": docs, "jobs": jobs, "docs": docs, "records": len(lines), "seconds": seconds,
            "docs_per_s": docs / seconds, "exit": done.returncode, "accuracy_line": (acc.stdout.strip().splitlines() or [""])[-1]}


# --------------------------------------------------------------------------- report


def _speed(results: list[dict], path: str, size: int, jobs: int = 1) -> float | None:
    """docs/s of the measurement of ``path`` at ``size`` with ``jobs`` processes, if it ran."""
    return next((r["docs_per_s"] for r in results if r.get("path") == path and r.get("size") == size and r.get("jobs") == jobs and "docs_per_s" in r), None)


def _ratio(results: list[dict], a: str, b: str, size: int, jobs: int = 1) -> float | None:
    speed_a, speed_b = _speed(results, a, size, jobs), _speed(results, b, size, jobs)
    return speed_a / speed_b if speed_a is not None and speed_b is not None else None


def targets(results: list[dict], sizes: list[int], jobs: list[int], html_sizes: list[int] | None = None) -> list[str]:
    big, small = max(sizes), min(sizes)
    html_big = max(html_sizes or sizes)
    out = []

    def verdict(name, value, goal, higher=True):
        if value is None:
            out.append(f"- {name}: not measured")
            return
        ok = value >= goal if higher else value <= goal
        out.append(f"- {name}: {value:.2f} (target {'≥' if higher else '≤'} {goal}) — {'met' if ok else f'MISSED by {abs(value - goal) / goal:.0%}'}")

    slow = _ratio(results, "bare-html5lib", "html5lib", html_big)
    verdict("html5lib path time / bare html5lib time", slow, 1.3, higher=False)
    verdict("fast path speed / html5lib path speed", _ratio(results, "fast", "html5lib", html_big), 20)
    text = _speed(results, "text", big)
    verdict("text path reports/s on one core", text, 2000)
    if 2 in jobs:
        two = [r for r in results if r.get("path") == "text" and r.get("size") == big and "docs_per_s" in r]
        by_jobs = {r["jobs"]: r["docs_per_s"] for r in two}
        verdict("text path, 2 processes / 1 process", by_jobs[2] / by_jobs[1] if 1 in by_jobs and 2 in by_jobs else None, 1.8)
    for metric in ("docs_per_s", "peak_rss_mb"):
        rows = {r["size"]: r[metric] for r in results if r.get("path") == "text" and r.get("jobs") == 1 and metric in r}
        if small in rows and big in rows and big != small:
            change = rows[big] / rows[small]
            out.append(f"- text path {metric} from {small} to {big} documents: ×{change:.2f} (flat means ×0.8–1.25) — {'met' if 0.8 <= change <= 1.25 else 'MISSED'}")
    return out


def _ms_per_doc(results: list[dict], path: str, size: int) -> float | None:
    speed = _speed(results, path, size)
    return 1000.0 / speed if speed else None


def bounds(results: list[dict], sizes: list[int], html_sizes: list[int] | None = None) -> list[str]:
    """What bounds each speed target, in milliseconds per document measured in this run: the cost
    the baselines put under a target, and what meeting it would leave for gkparse's own work."""
    big, html_big = max(sizes), max(html_sizes or sizes)
    text, floor = _ms_per_doc(results, "text", big), _ms_per_doc(results, "floor", big)
    html, bare, fast = (_ms_per_doc(results, p, html_big) for p in ("html5lib", "bare-html5lib", "fast"))
    out = []
    if text is not None and floor is not None:
        left = (f"which leaves {0.5 - floor:.2f} ms for everything gkparse does beyond decoding" if floor <= 0.5
                else "less than the floor itself: it leaves nothing for what gkparse does beyond decoding")
        out.append(f"- text path: {text:.2f} ms per document; the floor (decode + one regex pass, nothing parsed) "
                   f"alone costs {floor:.2f} ms. 2,000 reports/s is 0.50 ms per document, {left} (it spends {text - floor:.2f} ms).")
    if html is not None and bare is not None:
        own = html - bare
        out.append(f"- html5lib path: {html:.2f} ms per page, of which html5lib itself {bare:.2f} ms; gkparse's own work "
                   f"(tree conversion, chrome and body finding, rendering, the text pipeline) is {own:.2f} ms. "
                   f"Within 1.3× leaves it {0.3 * bare:.2f} ms.")
    if html is not None and fast is not None:
        line = f"- fast path: {fast:.2f} ms per page; 20× the html5lib path is {html / 20:.2f} ms per page"
        if text is not None:
            line += f", less than the text path spends on a document with no HTML at all ({text:.2f} ms)"
        out.append(line + ".")
    return out


def write_results(results: list[dict], sizes: list[int], jobs: list[int], cli: dict | None, out: Path = RESULTS, html_sizes: list[int] | None = None,
                  machine: dict | None = None) -> None:
    """Write results.json, results.md and results.png. ``machine``: the date and cores of the run
    (default: now, this machine; :func:`report` passes those saved with the measurements)."""
    machine = machine or {"date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count()}
    out.mkdir(parents=True, exist_ok=True)
    saved = {"results": results, "cli": cli, "sizes": sizes, "html_sizes": html_sizes or sizes, "jobs": jobs, "machine": machine}
    (out / "results.json").write_text(json.dumps(saved, indent=1), encoding="utf-8")
    paths = ",".join(dict.fromkeys(r["path"] for r in results))
    html = f" --html-sizes {','.join(map(str, html_sizes))}" if html_sizes and html_sizes != sizes else ""
    lines = ["# Benchmark results", "", f"`python benchmarks/run.py --sizes {','.join(map(str, sizes))}{html} --jobs {','.join(map(str, jobs))} --paths {paths}` — "
             f"{machine['date']}, {machine['cores']} cores", "",
             "| path | documents | jobs | docs/s | MB/s | peak RSS (MB) | accuracy |", "|---|---|---|---|---|---|---|"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['path']} | {r['size']} | {r['jobs']} | — | — | — | not run: {r['error']} |")
            continue
        acc = f"{r['accuracy']:.4f}" if r.get("accuracy") is not None else "—"
        lines.append(f"| {r['path']} | {r['size']} | {r['jobs']} | {r['docs_per_s']:.1f} | {r['mb_per_s']:.2f} | {r['peak_rss_mb']:.0f} | {acc} |")
    if cli:
        lines += ["", f"End to end through the CLI: {cli['size']} documents (corpus `{cli.get('corpus', '')}`), `--jobs {cli['jobs']}`: {cli['records']} records "
                  f"({'every record present' if cli['records'] == cli['size'] else 'RECORDS MISSING'}), {cli['docs_per_s']:.1f} docs/s; {cli['accuracy_line']}"]
    lines += ["", "## Targets", "", *targets(results, sizes, jobs, html_sizes), "", "Targets as set:", TARGETS]
    why = bounds(results, sizes, html_sizes)
    if why:
        lines += ["", "## What bounds the speed targets (measured in this run)", "", *why]
    (out / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    chart(results, out)


def chart(results: list[dict], out: Path = RESULTS) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (pip install 'gkparse[bench]'): no chart", file=sys.stderr)
        return
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.5))
    paths = sorted({r["path"] for r in results if "docs_per_s" in r})
    for p in paths:
        for j in sorted({r["jobs"] for r in results if r["path"] == p and "docs_per_s" in r}):
            rows = sorted((r for r in results if r["path"] == p and r["jobs"] == j and "docs_per_s" in r), key=lambda r: r["size"])
            label = f"{p} ×{j}"
            ax1.plot([r["size"] for r in rows], [r["docs_per_s"] for r in rows], marker="o", label=label)
            ax2.plot([r["size"] for r in rows], [r["peak_rss_mb"] for r in rows], marker="o", label=label)
    for ax, title in ((ax1, "throughput (docs/s)"), (ax2, "peak RSS (MB)")):
        ax.set_xscale("log")
        ax.set_yscale("log" if ax is ax1 else "linear")
        ax.set_xlabel("documents")
        ax.set_title(title)
        ax.grid(True, alpha=0.3)
    ax2.set_ylim(bottom=0)  # from zero, so a few MB of drift do not look like growth
    ax1.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "results.png", dpi=110)


def report(saved: Path, out: Path) -> int:
    """Write the table, targets and chart again from a saved results.json, measuring nothing."""
    data = json.loads(saved.read_text(encoding="utf-8"))
    results = data["results"]
    # results.json files written before the sizes were saved: the sizes are those of the rows.
    sizes = data.get("sizes") or sorted({r["size"] for r in results if r["path"] not in HTML_PATHS})
    html_sizes = data.get("html_sizes") or sorted({r["size"] for r in results if r["path"] in HTML_PATHS}) or sizes
    jobs = data.get("jobs") or sorted({r["jobs"] for r in results})
    write_results(results, sizes, jobs, data.get("cli"), out, html_sizes, data.get("machine"))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000")
    ap.add_argument("--html-sizes", default="", help="corpus sizes of the HTML paths and bare-html5lib (default: --sizes)")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--paths", default="text,html5lib,fast,bare-html5lib,floor")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI run on the largest corpus")
    ap.add_argument("--out", type=Path, default=RESULTS, help="where results.md/.json/.png go (default benchmarks/results)")
    ap.add_argument("--report", type=Path, metavar="RESULTS_JSON",
                    help="measure nothing: write results.md and results.png again from a results.json (into --out)")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--jobs-one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.measure:
        print(json.dumps(measure(a.measure, a.root, a.size, a.jobs_one)))
        return 0
    if a.report:
        return report(a.report, a.out)
    sizes = sorted(int(s) for s in a.sizes.split(","))
    html_sizes = sorted(int(s) for s in a.html_sizes.split(",")) if a.html_sizes else sizes
    jobs = sorted(int(j) for j in a.jobs.split(","))
    paths = a.paths.split(",")
    results = []
    text_root = corpus("text", max(sizes), a.seed) if any(p not in HTML_PATHS for p in paths) else None
    html_root = corpus("html", max(html_sizes), a.seed) if HTML_PATHS & set(paths) else None
    for size in sorted(set(sizes) | set(html_sizes)):
        for path in paths:
            if size not in (html_sizes if path in HTML_PATHS else sizes):
                continue
            root = html_root if path in HTML_PATHS else text_root
            for j in jobs if path in ("text", "html5lib", "fast") else [1]:
                r = run_measurement(path, root, size, j)
                print(json.dumps(r), file=sys.stderr)
                results.append(r)
    cli = None if a.no_cli else run_cli(corpus("mixed", max(sizes), a.seed), max(sizes), max(jobs))
    write_results(results, sizes, jobs, cli, a.out, html_sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
