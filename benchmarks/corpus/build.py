"""One document and its truth (``generate``), which document a corpus index gets (``assignment`` and
``Mix``), and the writer (``write_corpus``, ``iter_documents``).

Random streams. Every stream is a ``random.Random`` seeded with a string, stable across runs,
platforms and hash seeds:

* ``gkparse-corpus/{seed}/{index}/{era}/content`` — issuer, year, figures, prose: the same in every
  layout, encoding and damage of a document;
* ``…/{era}/{layout}/{encoding}/style`` — presentation quirks of the text (and the page's labels);
* ``…/{layout}/gaps`` — the space runs of row_per_line_spaces;
* ``…/{era}/{layout}/{encoding}/damage`` — where the damage goes (pinyin sites, the spam line);
* ``…/{era}/html/{encoding}/html`` and ``…/html/{encoding}/page`` — the page's markup choices;
* ``gkparse-corpus/{seed}/{index}/mix`` and ``…/damage-choice`` — with a Mix, which era, layout,
  encoding and damage document ``index`` gets.

The first three are the streams the committed samples/ were made from; nothing new draws from them
in a different order, so every (seed, index, era, layout, encoding) without damage gives the bytes it
always gave.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator, Sequence

from . import era2008, national
from .common import ALL_LAYOUTS, HTML_LAYOUT, TEXT_LAYOUTS, Context, Issuer, Style, Tables, draw_issuer, draw_style, title_of, wan_text
from .damage import DAMAGE_KINDS, annotate_pinyin, big5_safe, drop_period_characters, draw_damage, spam_block, to_traditional
from .html_layout import draw_html_style, render_html
from .text_layouts import render

ENCODINGS = ("utf-8", "gb18030")  # encodings of simplified-script documents
ALL_ENCODINGS = ENCODINGS + ("big5",)  # big5: traditional-script documents only
DEFAULT_ERAS = ("2019", "2021")
ALL_ERAS = ("2008", "2019", "2021")


@dataclass(frozen=True)
class EraSpec:
    """One report format: the years it covers, how its figures are drawn, how a document is laid out,
    and when the page is usually published (days after 1 January of the next year)."""

    name: str
    years: tuple
    draw: Callable[[random.Random, Issuer, Style, int], Tables]
    compose: Callable[[Context], list]
    publish_window: tuple


ERAS = {
    "2008": EraSpec("2008", tuple(range(2008, 2019)), era2008.draw_2008, era2008.compose_2008, (15, 110)),
    "2019": EraSpec("2019", (2019, 2020), national.draw_2019_era, national.compose_2019, (10, 190)),
    "2021": EraSpec("2021", (2021, 2022, 2023, 2024), national.draw_2021_era, national.compose_2021, (5, 89)),
}


# --------------------------------------------------------------------------------------------------
# Names and arguments
# --------------------------------------------------------------------------------------------------


def document_name(index: int, era: str, layout: str, encoding: str, damage: Sequence[str] = (), width: int = 4) -> str:
    """File stem of a generated document, e.g. ``0003_2021_row_per_line_spaces_utf-8`` or
    ``0017_2008_html_big5_traditional+spam``."""
    stem = f"{index:0{width}d}_{era}_{layout}_{encoding}"
    return stem + ("_" + "+".join(canonical_damage(damage)) if damage else "")


def extension(layout: str) -> str:
    return ".html" if layout == HTML_LAYOUT else ".txt"


def canonical_damage(damage: Sequence[str]) -> tuple:
    unknown = [d for d in damage if d not in DAMAGE_KINDS]
    if unknown:
        raise ValueError(f"unknown damage {', '.join(unknown)}; known: {', '.join(DAMAGE_KINDS)}")
    return tuple(d for d in DAMAGE_KINDS if d in damage)


def check_arguments(era: str, layout: str, encoding: str, damage: tuple) -> None:
    if era not in ERAS:
        raise ValueError(f"unknown era {era!r}; known: {', '.join(sorted(ERAS))}")
    if layout not in ALL_LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(ALL_LAYOUTS)}")
    if encoding not in ALL_ENCODINGS:
        raise ValueError(f"unknown encoding {encoding!r}; known: {', '.join(ALL_ENCODINGS)}")
    if encoding == "big5" and "traditional" not in damage:
        raise ValueError("big5 is only for traditional-script documents (damage 'traditional')")
    if "wrong_charset" in damage and (layout != HTML_LAYOUT or encoding == "big5"):
        raise ValueError("damage 'wrong_charset' needs the html layout and a utf-8 or gb18030 page")


# --------------------------------------------------------------------------------------------------
# generate
# --------------------------------------------------------------------------------------------------


def generate(seed: int, index: int, era: str, layout: str, encoding: str = "utf-8", damage: Sequence[str] = (),
             width: int = 4) -> tuple:
    """Build one synthetic report: returns ``(text, truth)``.

    ``layout`` is one of the text layouts or ``"html"`` (a whole CMS page). ``damage`` is a subset of
    DAMAGE_KINDS. ``text`` is a str; ``encode(text, encoding)`` gives the file's bytes. ``truth`` is
    its gold-format record with ``source`` = ``corpus/<document_name(...)>.txt|.html``. The same
    arguments always give the same result."""
    damage = canonical_damage(damage)
    check_arguments(era, layout, encoding, damage)
    spec = ERAS[era]
    prefix = f"gkparse-corpus/{seed}/{index}"
    rng = random.Random(f"{prefix}/{era}/content")
    style = draw_style(random.Random(f"{prefix}/{era}/{layout}/{encoding}/style"), layout)
    if "spaced" in damage:
        style = replace(style, spaced=True, spaced_more=True)
    issuer = draw_issuer(rng)
    year = rng.choice(spec.years)
    published = date(year + 1, 1, 1) + timedelta(days=rng.randint(*spec.publish_window))
    ctx = Context(era, year, issuer, published, style, spec.draw(rng, issuer, style, year), rng)
    blocks = spec.compose(ctx)
    notes = []
    if damage:
        drng = random.Random(f"{prefix}/{era}/{layout}/{encoding}/damage")
        if "period" in damage and not drop_period_characters(blocks, ctx):
            notes.append("no statistical period printed, so none lost its 年/月")
        if "pinyin" in damage:
            annotate_pinyin(blocks, drng, tones=encoding != "big5")
        if "spam" in damage:
            blocks.append(spam_block(drng))
    if layout == HTML_LAYOUT:
        hs = draw_html_style(random.Random(f"{prefix}/{era}/html/{encoding}/html"), encoding,
                             "wrong_charset" in damage, national=era != "2008")
        text = render_html(blocks, ctx, hs, random.Random(f"{prefix}/html/{encoding}/page"))
        notes += html_notes(hs, ctx, encoding)
    else:
        text = render(blocks, style, random.Random(f"{prefix}/{layout}/gaps"))
    if "traditional" in damage:
        text = to_traditional(text)
        if encoding == "big5":
            text = big5_safe(text)
    name = document_name(index, era, layout, encoding, damage, width)
    return text, truth_record(ctx, name + extension(layout), seed, index, layout, encoding, damage, notes)


def html_notes(hs, ctx: Context, encoding: str) -> list:
    notes = []
    if hs.charset_decl == "absent":
        notes.append("no charset declared")
    elif hs.charset_label.lower().replace("-", "") not in {
            "utf-8": ("utf8",), "gb18030": ("gb2312", "gbk", "gb18030"), "big5": ("big5",)}[encoding]:
        notes.append(f"<meta> declares {hs.charset_label} but the bytes are {encoding} (on purpose)")
    if hs.blank_zero_orgs and any(
            all(ctx.tables.truth.get(f"applications.{row}.{col}") == 0 for col in national.APPLICANT_COLUMNS[1:])
            for row in national.application_rows(ctx.era)):
        notes.append("table 3 leaves the organisation cells blank where all five are 0; 总计 = 自然人 proves them 0, "
                     "so they are 0 here (a blank_proven_zero diagnostic is welcome, not required)")
    return notes


def truth_record(ctx: Context, source: str, seed: int, index: int, layout: str, encoding: str,
                 damage: tuple = (), notes: Sequence[str] = ()) -> dict:
    """The gold-format record of a generated document."""
    info = ctx.tables.info
    meta = {"meta.title": title_of(ctx), "meta.issuer": ctx.issuer.name, "meta.year": ctx.year}
    if info.get("dateline", True):
        meta["meta.published_on"] = ctx.published.isoformat()
    if info.get("period", True):
        meta["meta.period_start"] = f"{ctx.year}-01-01"
        meta["meta.period_end"] = f"{ctx.year}-12-31"
    meta["meta.era"] = ctx.era
    meta["meta.script"] = "traditional" if "traditional" in damage else "simplified"
    table = {k: wan_text(v) if isinstance(v, Decimal) else v for k, v in ctx.tables.truth.items()}
    text = f"generated: seed {seed} index {index} layout {layout} encoding {encoding}"
    extra = []
    if ctx.era == "2008":
        if info["narrative"]:
            extra.append("narrative report without the form: only the indicators its prose states are true keys")
        else:
            extra.append("statistical form " + ("with" if info["response"] else "without") + " the 回应解读 block")
    if damage:
        extra.append("damage: " + ", ".join(damage))
    extra += notes
    return {
        "source": f"corpus/{source}",
        "fields": {**meta, **table},
        "optional": {"meta.level": ctx.issuer.level},
        "diagnostics": [],
        "notes": text + "".join(f"; {e}" for e in extra),
    }


def encode(text: str, encoding: str) -> bytes:
    """The bytes written for a document: the text in its encoding, newlines kept as \\n."""
    return text.encode(encoding)


# --------------------------------------------------------------------------------------------------
# Which document an index gets
# --------------------------------------------------------------------------------------------------


def assignment(index: int, eras: Sequence[str] = DEFAULT_ERAS) -> tuple:
    """(era, layout, encoding) of document `index` in a corpus over `eras` without a Mix: the era
    ``eras[index % len(eras)]``, the text layout ``TEXT_LAYOUTS[(index // len(eras)) % 4]``, and GB18030
    when ``index % 5 == 2`` (UTF-8 otherwise)."""
    era = eras[index % len(eras)]
    layout = TEXT_LAYOUTS[(index // len(eras)) % len(TEXT_LAYOUTS)]
    encoding = "gb18030" if index % 5 == 2 else "utf-8"
    return era, layout, encoding


@dataclass(frozen=True)
class Mix:
    """Weights of a drawn corpus: formats (text, html), eras, text layouts, and the encodings of
    simplified (``encodings``) and traditional (``traditional_encodings``) documents. Each document
    draws from them independently, from a stream of its own index."""

    formats: dict = field(default_factory=lambda: {"text": 1.0, "html": 1.0})
    eras: dict = field(default_factory=lambda: {e: 1.0 for e in ALL_ERAS})
    layouts: dict = field(default_factory=lambda: {layout: 1.0 for layout in TEXT_LAYOUTS})
    encodings: dict = field(default_factory=lambda: {"utf-8": 0.7, "gb18030": 0.3})
    traditional_encodings: dict = field(default_factory=lambda: {"big5": 0.6, "utf-8": 0.25, "gb18030": 0.15})


def parse_mix(spec: str, eras: Sequence[str] | None = None) -> Mix:
    """``"text=0.5,html=0.5,2008=0.2,2019=0.3,2021=0.5"`` -> Mix. Names: text, html, an era, a text
    layout, utf-8 / gb18030. A group that is not named keeps its default weights (all eras, or those of
    `eras`, equally; text and html equally; the four text layouts equally; UTF-8 0.7 / GB18030 0.3)."""
    groups: dict = {"formats": {}, "eras": {}, "layouts": {}, "encodings": {}}
    for item in filter(None, (p.strip() for p in spec.split(","))):
        name, _, weight = item.partition("=")
        name = name.strip()
        try:
            value = float(weight) if weight.strip() else 1.0
        except ValueError:
            raise ValueError(f"bad weight in {item!r}") from None
        if value < 0:
            raise ValueError(f"negative weight in {item!r}")
        group = ("formats" if name in ("text", "html") else "eras" if name in ERAS else
                 "layouts" if name in TEXT_LAYOUTS else "encodings" if name in ENCODINGS else None)
        if group is None:
            raise ValueError(f"unknown mix name {name!r}: use text, html, {', '.join(ERAS)}, a text layout, utf-8 or gb18030")
        groups[group][name] = value
    default = Mix()
    if eras is not None and not groups["eras"]:
        groups["eras"] = {e: 1.0 for e in eras}
    mix = Mix(**{g: (w or getattr(default, g)) for g, w in groups.items()})
    for group in ("formats", "eras", "layouts", "encodings"):
        if not sum(getattr(mix, group).values()) > 0:
            raise ValueError(f"the {group} weights of the mix add up to 0")
    return mix


def weighted(rng: random.Random, weights: dict, order: Sequence[str]):
    keys = [k for k in order if weights.get(k, 0) > 0]
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def draw_assignment(seed: int, index: int, mix: Mix | None, eras: Sequence[str] = DEFAULT_ERAS,
                    damage: dict | None = None) -> tuple:
    """(era, layout, encoding, damage) of document `index`. Without a Mix the eras, layouts and
    encodings come round-robin from ``assignment``; damage, if any rates are given, is drawn per
    document in either case (traditional documents of a Mix are mostly Big5)."""
    rates = damage or {}
    if mix is None:
        era, layout, encoding = assignment(index, eras)
    else:
        rng = random.Random(f"gkparse-corpus/{seed}/{index}/mix")
        era = weighted(rng, mix.eras, ALL_ERAS)
        layout = HTML_LAYOUT if weighted(rng, mix.formats, ("text", "html")) == "html" else weighted(rng, mix.layouts, TEXT_LAYOUTS)
        encoding = weighted(rng, mix.encodings, ENCODINGS)
        traditional_encoding = weighted(rng, mix.traditional_encodings, ALL_ENCODINGS)
    kinds = draw_damage(random.Random(f"gkparse-corpus/{seed}/{index}/damage-choice"), rates, layout) if rates else ()
    if mix is not None and "traditional" in kinds:
        encoding = traditional_encoding
    if encoding == "big5":
        kinds = tuple(k for k in kinds if k != "wrong_charset")
    return era, layout, encoding, kinds


def parse_damage(spec: str) -> dict:
    """``"0.1"`` (every kind at that rate), ``"none"``, or ``"traditional=0.1,spam=0.05,..."``."""
    spec = spec.strip()
    if spec in ("", "none", "0"):
        return {}
    try:
        rate = float(spec)
        return {kind: rate for kind in DAMAGE_KINDS}
    except ValueError:
        pass
    rates = {}
    for item in filter(None, (p.strip() for p in spec.split(","))):
        name, _, value = item.partition("=")
        if name.strip() not in DAMAGE_KINDS:
            raise ValueError(f"unknown damage {name.strip()!r}; known: {', '.join(DAMAGE_KINDS)}")
        rates[name.strip()] = float(value) if value.strip() else 1.0
    return rates


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------

NOT_A_REPORT = """\
首页 > 本地新闻 > 城事

翠湾湿地公园今日正式开园 市民可免费入园游览

发布时间：2024-05-01 09:30   来源：城市生活频道

本站讯 经过近两年的建设，位于城区西北角的翠湾湿地公园于今天上午正式向市民开放。公园总面积约六十公顷，沿河布置了三公里长的木栈道和两处观鸟平台，园内种植芦苇、菖蒲、睡莲等水生植物四十余种。

开园当天，不少市民一早就带着孩子来到公园。家住附近的一位居民说，以前这里是一片荒地，现在成了散步、跑步的好去处。公园管理处介绍，园区每天6时至22时开放，节假日期间将增设临时停车点，并安排志愿者在主要入口引导游客。

据了解，公园二期工程计划明年动工，将新建一座自然科普馆和一片儿童游乐区域。管理处提醒游客爱护园内设施，不要投喂野生鸟类，不要在水边嬉戏。

【打印本页】  【关闭窗口】
"""


def news_page() -> str:
    """The same news item as a CMS page (written when a Mix has HTML documents)."""
    paragraphs = [p for p in NOT_A_REPORT.split("\n\n")[3:-1]]
    body = "".join(f'<p style="text-indent:2em">{p}</p>' for p in paragraphs)
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            "<title>翠湾湿地公园今日正式开园 市民可免费入园游览_城市生活频道</title>\n</head>\n<body>\n"
            '<div class="nav"><a href="/">首页</a> &gt; <a href="/news/">本地新闻</a> &gt; 城事</div>\n'
            '<h1>翠湾湿地公园今日正式开园 市民可免费入园游览</h1>\n'
            '<div class="info">发布时间：2024-05-01 09:30 来源：城市生活频道</div>\n'
            f'<div class="content">{body}</div>\n'
            '<div class="tools"><a href="javascript:window.print()">【打印本页】</a></div>\n</body>\n</html>\n')


# File name -> (content, expected error type, note) of the inputs that are not reports.
NON_REPORTS = {
    "not_a_report": (NOT_A_REPORT, "NotAReportError", "not a report: a local news item about a park opening"),
    "empty": ("", "EmptyInputError", "not a report: zero bytes"),
}
NON_REPORT_PAGES = {
    "not_a_report_page": (news_page(), "NotAReportError", "not a report: the park news item as a web page"),
}


def non_report_truth(stem: str, ext: str = ".txt") -> dict:
    _, error, note = {**NON_REPORTS, **NON_REPORT_PAGES}[stem]
    return {"source": f"corpus/{stem}{ext}", "fields": {}, "diagnostics": [], "error": error, "notes": note}


def dump_json(record: dict) -> bytes:
    """Truth files: UTF-8 JSON, one-space indent, key order as built, final newline: exactly
    ``json.dumps(record, ensure_ascii=False, indent=1) + "\\n"``. json's indenting encoder is pure
    Python, so the shapes a truth record has (str and int scalars, flat dicts and lists of them) are
    written here with json's C string encoder; any other shape goes through json.dumps."""
    try:
        lines = [f" {_key(key)}: {_value(value, '  ', ' ')}" for key, value in record.items()]
    except _Unusual:
        return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8") if lines else b"{}\n"


class _Unusual(Exception):
    pass


_quote = json.encoder.encode_basestring  # the C implementation when available


def _key(key) -> str:
    if type(key) is str:
        return _quote(key)
    raise _Unusual


def _scalar(value) -> str:
    if type(value) is str:
        return _quote(value)
    if type(value) is int:
        return int.__repr__(value)
    raise _Unusual


def _value(value, indent: str, closing: str) -> str:
    if type(value) is dict:
        if not value:
            return "{}"
        return "{\n" + ",\n".join([f"{indent}{_key(k)}: {_scalar(v)}" for k, v in value.items()]) + f"\n{closing}}}"
    if type(value) is list:
        if not value:
            return "[]"
        return "[\n" + ",\n".join([f"{indent}{_scalar(v)}" for v in value]) + f"\n{closing}]"
    return _scalar(value)


@dataclass(frozen=True)
class Document:
    """A generated document as written: file name (with extension), bytes, truth record."""

    name: str
    data: bytes
    truth: dict
    era: str
    layout: str
    encoding: str
    damage: tuple


def make_document(seed: int, index: int, eras: Sequence[str], mix: Mix | None, damage: dict | None, width: int) -> Document:
    era, layout, encoding, kinds = draw_assignment(seed, index, mix, eras, damage)
    text, truth = generate(seed, index, era, layout, encoding, kinds, width)
    return Document(truth["source"].split("/", 1)[1], encode(text, encoding), truth, era, layout, encoding, kinds)


def iter_documents(count: int, seed: int, eras: Sequence[str] = DEFAULT_ERAS, mix: Mix | None = None,
                   damage: dict | None = None, start: int = 0) -> Iterator[Document]:
    """Documents ``start .. count-1`` one at a time (nothing is kept: constant memory)."""
    width = max(4, len(str(max(count - 1, 0))))
    for index in range(start, count):
        yield make_document(seed, index, eras, mix, damage, width)


@dataclass
class CorpusStats:
    """What write_corpus wrote: counts per era, layout, encoding and damage kind, bytes, time."""

    documents: int = 0
    non_reports: int = 0
    bytes: int = 0
    seconds: float = 0.0
    eras: Counter = field(default_factory=Counter)
    layouts: Counter = field(default_factory=Counter)
    encodings: Counter = field(default_factory=Counter)
    damage: Counter = field(default_factory=Counter)

    def add(self, other: "CorpusStats") -> None:
        self.documents += other.documents
        self.bytes += other.bytes
        for name in ("eras", "layouts", "encodings", "damage"):
            getattr(self, name).update(getattr(other, name))

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        parts = [f"{self.documents} reports + {self.non_reports} non-reports, {self.bytes / 1e6:.1f} MB "
                 f"in {self.seconds:.1f} s ({self.rate:.0f} docs/s)"]
        for name in ("eras", "layouts", "encodings", "damage"):
            counter = getattr(self, name)
            if counter:
                parts.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))
        return "\n".join(parts)


def write_range(out: Path, first: int, last: int, count: int, seed: int, eras: Sequence[str], mix: Mix | None,
                damage: dict | None) -> CorpusStats:
    """Write documents first..last-1 of a corpus of `count` (one worker's share)."""
    stats = CorpusStats()
    width = max(4, len(str(max(count - 1, 0))))
    corpus, truth = out / "corpus", out / "truth"
    for index in range(first, last):
        doc = make_document(seed, index, eras, mix, damage, width)
        (corpus / doc.name).write_bytes(doc.data)
        (truth / (doc.name.rsplit(".", 1)[0] + ".json")).write_bytes(dump_json(doc.truth))
        stats.documents += 1
        stats.bytes += len(doc.data)
        stats.eras[doc.era] += 1
        stats.layouts[doc.layout] += 1
        stats.encodings[doc.encoding] += 1
        stats.damage.update(doc.damage or ("none",))
    return stats


def write_corpus(out_dir, count: int, seed: int, eras: Sequence[str] = DEFAULT_ERAS, non_reports: bool = True, *,
                 mix: Mix | None = None, damage: dict | None = None, workers: int = 1, chunk: int = 250) -> CorpusStats:
    """Write `count` reports to ``out_dir/corpus`` and their truth to ``out_dir/truth`` (plus the
    non-reports unless `non_reports` is false). Existing files of the same names are overwritten;
    nothing else is touched.

    Without `mix`, document ``index`` gets ``assignment(index, eras)``; with one, each document draws
    its era, format, layout and encoding from the mix. `damage` maps damage kinds to rates (none by
    default). Memory stays constant whatever `count`; `workers` > 1 spreads chunks of `chunk`
    documents over processes (0: one per CPU). The files are the same whatever `workers`."""
    out = Path(out_dir)
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    eras = tuple(eras)
    begin = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    stats = CorpusStats()
    if workers <= 1 or count <= chunk:
        stats.add(write_range(out, 0, count, count, seed, eras, mix, damage))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending = []
            for first in range(0, count, chunk):  # at most 2 * workers chunks in flight
                pending.append(pool.submit(write_range, out, first, min(count, first + chunk), count, seed, eras, mix, damage))
                if len(pending) >= 2 * workers:
                    stats.add(pending.pop(0).result())
            for future in pending:
                stats.add(future.result())
    if non_reports:
        pages = dict(NON_REPORT_PAGES) if mix is not None and mix.formats.get("html", 0) > 0 else {}
        for stem, (content, _, _) in {**NON_REPORTS, **pages}.items():
            ext = ".html" if stem in pages else ".txt"
            (out / "corpus" / f"{stem}{ext}").write_bytes(content.encode("utf-8"))
            (out / "truth" / f"{stem}.json").write_bytes(dump_json(non_report_truth(stem, ext)))
            stats.non_reports += 1
    stats.seconds = time.perf_counter() - begin
    return stats
