#!/usr/bin/env python3
"""Generate synthetic annual reports (政府信息公开工作年度报告) together with their true values.

Why: gkparse has to be measured on documents where every figure is known. Real reports come with only
a handful of hand-made gold files. This tool makes as many documents as a benchmark needs — from a
thousand to a few hundred thousand — the same ones on every run, in the shapes crawled reports really
take, and writes beside each one its truth in the gold-file format. Every table respects the
template's arithmetic (templates.md §4), so a parser that enforces those invariants never disagrees
with its test data, and a disagreement always points at the parser.

What it makes:

* **Eras.** ``2019`` and ``2021``: the six-part reports with tables 2, 3 and 4. ``2008`` (reports for
  2008–2018): the national statistical form 政府信息公开情况统计表 (统计指标 / 单位 / 统计数, heading rows with
  ——, the 回应解读 block for 2016–2018 only, the blocks after it renumbered before that, money rows in
  万元), or a narrative-only report that states some indicators in prose with the form's labels
  (``行政复议数量4件（维持具体行政行为数2件，…）``, ``全年未收到政府信息公开申请``); its truth then holds
  only what the prose states. Era-2008 keys are fields.md's ``legacy.*``.
* **Layouts.** ``cell_per_line``, ``row_per_line_spaces``, ``row_per_line_tabs``, ``row_per_line_pipes``
  (plain text), and ``html``: a whole CMS page (doctype, charset declaration — sometimes none, and with
  the damage ``wrong_charset`` a wrong one on purpose —, site chrome, a hidden duplicate, share and
  related-links widgets, footer, the report in a layout table, and the tables as real ``<table>``s
  with the rowspans and colspans of the official forms; see ``corpus/html_layout.py``). The layout is
  the ``layout`` argument; there is no separate format argument.
* **Encodings.** ``utf-8`` and ``gb18030``; ``big5`` for traditional-script documents only.
* **Damage** (``corpus/damage.py``): ``traditional`` (OpenCC s2twp, Taiwan vocabulary), ``spaced``
  labels, ``spam`` appended, ``pinyin`` after prose characters, ``period`` (年/月 dropped from the
  statistical period), ``wrong_charset`` (HTML). The truth's notes list the damage; no damage changes a
  true value.

API (everything below is importable from this module):

* ``generate(seed, index, era, layout, encoding="utf-8", damage=()) -> (text, truth)``: one report,
  fully determined by its arguments. ``encode(text, encoding)`` gives its bytes.
* ``write_corpus(out_dir, count, seed, eras=("2019", "2021"), non_reports=True, *, mix=None, damage=None,
  workers=1) -> CorpusStats``: writes ``out_dir/corpus/<name>.txt|.html`` and ``out_dir/truth/<name>.json``,
  one document at a time (constant memory), optionally over several processes (same files). Without
  a ``mix``, document ``index`` gets ``assignment(index, eras)``: era round-robin, the text layouts in
  turn, GB18030 when ``index % 5 == 2`` — the scheme the committed samples/ were made with. With a
  ``Mix`` (``parse_mix("text=0.5,html=0.5")``), each document draws its era, format, layout and
  encoding from the weights, from a stream of its own index; ``damage`` (``parse_damage("0.1")`` or
  ``{"traditional": 0.1, ...}``) gives each damage kind its per-document rate. Also written: the
  non-reports ``not_a_report.txt`` and ``empty.txt`` (and ``not_a_report_page.html`` when the mix has
  HTML), whose truth names the error a parser must raise.
* ``iter_documents(count, seed, ...)`` yields the same documents in memory, one at a time.

File names keep what a human wants to see: ``<index>_<era>_<layout>_<encoding>[_<damage+damage>]``,
e.g. ``0007_2021_row_per_line_pipes_gb18030.txt`` or ``00412_2008_html_big5_traditional+spam.html``
(the index is zero-padded to the width of the corpus, at least 4).

CLI::

    python benchmarks/generate_corpus.py --out DIR --count N --seed S
        [--eras 2008,2019,2021] [--mix text=0.5,html=0.5,2008=1,2019=1,2021=1] [--damage 0.1 | kind=rate,...]
        [--workers N] [--no-non-reports]

``--mix`` names are weights: ``text`` / ``html``, an era, a text layout, ``utf-8`` / ``gb18030``;
groups not named keep their defaults (text and html alike, every era — or those of ``--eras`` —
alike, the four text layouts alike, UTF-8 0.7 / GB18030 0.3; traditional documents are Big5 0.6,
UTF-8 0.25, GB18030 0.15). ``--mix text=1`` is a text-only corpus, ``--mix html=1`` an HTML-only one.
Without ``--mix`` the corpus is the round-robin one (eras 2019,2021 unless ``--eras`` says otherwise).
``--damage`` defaults to none.

Module layout (``benchmarks/corpus/``): ``common.py`` (issuers, Style, Tables, rows and grid cells,
the shared lines), ``national.py`` (eras 2019/2021), ``era2008.py``, ``text_layouts.py``,
``html_layout.py``, ``damage.py``, ``build.py`` (generate, truth, Mix, writer). This file is the CLI
and the public face. Only the standard library is needed, plus ``opencc`` for traditional documents.
Randomness always comes from ``random.Random`` seeded with a string (see ``corpus/build.py`` for the
streams), stable across runs, platforms and hash seeds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Re-exported: the names other tests and tools import from this module (``generate_corpus.Tables``,
# ``draw_applications``, ``write_corpus`` …) keep working now that the code lives in corpus/.
from corpus.build import (  # noqa: E402
    ALL_ENCODINGS, ALL_ERAS, DEFAULT_ERAS, ENCODINGS, ERAS, NON_REPORT_PAGES, NON_REPORTS, CorpusStats, Document,
    EraSpec, Mix, assignment, check_arguments, document_name, draw_assignment, dump_json, encode, extension, generate,
    iter_documents, non_report_truth, parse_damage, parse_mix, truth_record, write_corpus,
)
from corpus.common import (  # noqa: E402
    ALL_LAYOUTS, HTML_LAYOUT, TEXT_LAYOUTS, Context, Issuer, Row, Style, Tables, count_draw, draw_issuer, draw_style,
    wan_text,
)
from corpus.damage import DAMAGE_KINDS, big5_safe, to_traditional  # noqa: E402
from corpus.era2008 import legacy_keys  # noqa: E402
from corpus.national import (  # noqa: E402
    ALL_COLUMNS, APPLICANT_COLUMNS, application_rows, draw_applications, draw_review_litigation, outcome_rows,
)

LAYOUTS = TEXT_LAYOUTS  # the text layouts (what LAYOUTS always meant); ALL_LAYOUTS adds "html"

__all__ = [
    "LAYOUTS", "TEXT_LAYOUTS", "ALL_LAYOUTS", "HTML_LAYOUT", "ENCODINGS", "ALL_ENCODINGS", "DEFAULT_ERAS", "ALL_ERAS",
    "ERAS", "EraSpec", "DAMAGE_KINDS", "Mix", "CorpusStats", "Document", "generate", "encode", "document_name",
    "extension", "assignment", "draw_assignment", "parse_mix", "parse_damage", "iter_documents", "write_corpus",
    "NON_REPORTS", "NON_REPORT_PAGES", "legacy_keys", "main",
]


def parse_eras(value: str) -> tuple:
    eras = tuple(e.strip() for e in value.split(",") if e.strip())
    unknown = [e for e in eras if e not in ERAS]
    if not eras or unknown:
        raise argparse.ArgumentTypeError(f"eras must be a comma-separated subset of {', '.join(sorted(ERAS))}")
    return eras


def _checked(parse):
    def wrapper(value: str):
        try:
            return parse(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return wrapper


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Write synthetic 政府信息公开工作年度报告 with their true values.")
    parser.add_argument("--out", required=True, type=Path, help="output directory (gets corpus/ and truth/)")
    parser.add_argument("--count", required=True, type=int, help="number of reports")
    parser.add_argument("--seed", required=True, type=int, help="random seed")
    parser.add_argument("--eras", type=parse_eras, default=None,
                        help="comma-separated subset of 2008,2019,2021 (default 2019,2021; with --mix: all)")
    parser.add_argument("--mix", default=None,
                        help="draw each document from weights, e.g. text=0.5,html=0.5,2008=1,2019=1,2021=1")
    parser.add_argument("--damage", type=_checked(parse_damage), default={},
                        help="per-document damage rate: one number for every kind, or kind=rate,... "
                             f"(kinds: {', '.join(DAMAGE_KINDS)}); default none")
    parser.add_argument("--workers", type=int, default=1, help="processes (0: one per CPU); the files do not change")
    parser.add_argument("--no-non-reports", action="store_true", help="leave out the inputs that are not reports")
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.count < 0:
        print("--count must be >= 0", file=sys.stderr)
        return 2
    mix = None
    if args.mix is not None:
        try:
            mix = parse_mix(args.mix, args.eras)
        except ValueError as exc:
            parser.error(f"--mix: {exc}")
    eras = args.eras or DEFAULT_ERAS
    stats = write_corpus(args.out, args.count, args.seed, eras, non_reports=not args.no_non_reports, mix=mix,
                         damage=args.damage, workers=args.workers)
    if not args.quiet:
        print(f"wrote {stats.documents + stats.non_reports} documents to {args.out / 'corpus'} "
              f"and their truth to {args.out / 'truth'}")
        print(stats.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
