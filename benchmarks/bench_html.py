#!/usr/bin/env python3
"""Throughput of the HTML path: bare parsers, the rendering, and whole parses, per tree builder.

usage: python benchmarks/bench_html.py [--repeat N] [PAGE.html ...]

Pages: the five seed reports rendered as CMS pages (tests/html_builder.py, built from ../shared)
and the real crawled page in ../shared/pages, plus any pages given. Every page is decoded once
(gkparse.decode); every stage then runs on the same decoded string:

  html5lib.parse          bare html5lib, etree builder (what the default path starts with)
  lexbor parse            bare selectolax/Lexbor (what the fast path starts with)
  render html5lib         gkparse.html.render(builder="html5lib"): tree + chrome + body + rendering
  render fast             gkparse.html.render(builder="fast")
  parse html5lib          gkparse.parse(bytes): decode, render, normalize, detect, extract, validate
  parse fast              gkparse.parse(bytes, builder="fast")

Reported: documents per second and MB per second (UTF-8 size of the decoded pages), best of N.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import gkparse  # noqa: E402
from gkparse.decode import decode_bytes  # noqa: E402
from gkparse.html import render  # noqa: E402

SEEDS = ["000_5ef2061d975e33f8", "001_14adff9be6592cdd", "002_2c03bd508ff881e4", "003_813cce83a6a79fdd", "004_d76d4b4009bfe151"]


def pages(extra: list[str]) -> dict[str, bytes]:
    from html_builder import seed_page

    out = {f"seed {s[:3]}": seed_page(s).encode("utf-8") for s in SEEDS}
    for p in sorted((ROOT.parent / "shared" / "pages").glob("*.html")) + [Path(e) for e in extra]:
        out[p.name] = p.read_bytes()
    return out


def bench(name: str, fn, items, size: int, repeat: int) -> None:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - t)
    n = len(items)
    print(f"{name:18} {n / best:9.1f} docs/s {size / best / 1e6:8.2f} MB/s   ({best / n * 1000:7.2f} ms/doc)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    data = pages(a.pages)
    texts = [decode_bytes(b).text for b in data.values()]
    raw = list(data.values())
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts)} pages, {size / 1e6:.2f} MB decoded (UTF-8); best of {a.repeat}")
    import html5lib

    bench("html5lib.parse", lambda t: html5lib.parse(t, treebuilder="etree", namespaceHTMLElements=False), texts, size, a.repeat)
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        LexborHTMLParser = None
        print("(selectolax not installed: pip install 'gkparse[fast]' for the fast path)")
    if LexborHTMLParser is not None:
        bench("lexbor parse", LexborHTMLParser, texts, size, a.repeat)
    bench("render html5lib", lambda t: render(t), texts, size, a.repeat)
    if LexborHTMLParser is not None:
        bench("render fast", lambda t: render(t, builder="fast"), texts, size, a.repeat)
    gkparse.parse(raw[0])  # load plugins and converters once, outside the timing
    bench("parse html5lib", lambda b: gkparse.parse(b), raw, size, a.repeat)
    if LexborHTMLParser is not None:
        bench("parse fast", lambda b: gkparse.parse(b, builder="fast"), raw, size, a.repeat)


if __name__ == "__main__":
    main()
