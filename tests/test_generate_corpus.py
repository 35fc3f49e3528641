"""Tests of the synthetic-corpus generator (benchmarks/generate_corpus.py and benchmarks/corpus/), of
the bundled samples/ corpus and of the accuracy scorer (benchmarks/accuracy.py).

The generator is the ground truth of the benchmarks, so these tests check its promises directly.
Output is deterministic. Every truth satisfies the template arithmetic (eras 2019/2021: T3.1–T3.3,
T4.1; era 2008: A1–A10), recomputed here from the truth fields alone. The keys are exactly those of
fields.md, written out below independently of the generator. Every era × layout (html included) ×
encoding (big5 for traditional documents) × damage combination prints its values and decodes in its
encoding; HTML tables, expanded here from their rowspans and colspans, hold the true values in the
cells the official forms put them in. The committed samples are what the documented command
regenerates, byte for byte.
"""

from __future__ import annotations

import html
import json
import re
import shlex
import sys
import time
import unicodedata
from decimal import Decimal
from html.parser import HTMLParser
from itertools import product
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402
import generate_corpus as gc  # noqa: E402

SAMPLES = ROOT / "samples"

# ---- the flat keys of fields.md, written out independently of the generator ----

COLUMNS = ("natural_person", "commercial", "research", "public_welfare", "legal_services", "other_org", "total")
DENIED = tuple(f"denied_{n}" for n in ("state_secret", "prohibited", "security", "third_party", "internal",
                                       "process", "enforcement", "query"))
UNABLE = ("unable_not_held", "unable_needs_creation", "unable_unclear")
REJECTED = tuple(f"rejected_{n}" for n in ("petition", "duplicate", "publication", "excessive", "confirmation"))
OTHER = {"2019": ("other",), "2021": ("other_no_correction", "other_fee_unpaid", "other_misc")}
OUTCOMES = {era: ("granted", "partial") + DENIED + UNABLE + REJECTED + OTHER[era] for era in OTHER}
TABLE2 = {
    "2021": {f"active.rules.{k}" for k in ("issued", "repealed", "in_force")}
    | {f"active.normative_docs.{k}" for k in ("issued", "repealed", "in_force")}
    | {"active.licensing.decisions", "active.penalty.decisions", "active.coercion.decisions", "active.fees.amount_wan"},
    "2019": {f"active.{r}.{k}" for r in ("rules", "normative_docs") for k in ("made", "published", "total")}
    | {f"active.{r}.{k}" for r in ("licensing", "other_services", "penalty", "coercion")
       for k in ("prev_items", "net_change", "decisions")}
    | {"active.fees.prev_items", "active.fees.net_change", "active.procurement.projects", "active.procurement.amount_wan"},
}
TABLE4 = {f"{b}.{k}" for b in ("review", "litigation_direct", "litigation_after_review")
          for k in ("upheld", "corrected", "other", "pending", "total")}
META = {"meta.title", "meta.issuer", "meta.year", "meta.published_on", "meta.period_start", "meta.period_end",
        "meta.era", "meta.script"}
MONEY = {"active.fees.amount_wan", "active.procurement.amount_wan"}
RULES = {"2021": {f"active.rules.{k}" for k in ("issued", "repealed", "in_force")},
         "2019": {f"active.rules.{k}" for k in ("made", "published", "total")}}


def catalogue(era: str) -> set:
    rows = ("new", "carried_over") + OUTCOMES[era] + ("processed_total", "carried_forward")
    return META | TABLE2[era] | TABLE4 | {f"applications.{r}.{c}" for r in rows for c in COLUMNS}


def truths(seed: int = 11, count: int = 80):
    for index in range(count):
        era, layout, encoding = gc.assignment(index)
        yield gc.generate(seed, index, era, layout, encoding)


def flat(text: str) -> str:
    """Text with NFKC applied and every whitespace removed: spaced labels and wrapped headers rejoin."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def nfkc(label: str) -> str:
    return flat(label)


def tokens(text: str) -> set:
    return set(re.split(r"[\s|]+", unicodedata.normalize("NFKC", text)))


def money_values(text: str) -> set:
    """Every amount printed in the text, in 万元 (a bare number counts as 万元)."""
    found = set()
    for token in tokens(text):
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(万元|元)?", token)
        if m:
            value = Decimal(m.group(1))
            found.add(value / 10000 if m.group(2) == "元" else value)
    return found


# --------------------------------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------------------------------


def test_generation_is_deterministic():
    first = gc.generate(3, 5, "2021", "row_per_line_tabs", "gb18030")
    assert gc.generate(3, 5, "2021", "row_per_line_tabs", "gb18030") == first
    assert gc.generate(4, 5, "2021", "row_per_line_tabs", "gb18030") != first


def test_figures_do_not_depend_on_layout_or_encoding():
    fields = [gc.generate(9, 2, "2019", layout, encoding)[1]["fields"]
              for layout, encoding in product(gc.LAYOUTS, gc.ENCODINGS)]
    assert all(f == fields[0] for f in fields)


def test_unknown_arguments_are_refused():
    for args in (("1999", "cell_per_line", "utf-8"), ("2021", "columns", "utf-8"), ("2021", "cell_per_line", "big5")):
        with pytest.raises(ValueError):
            gc.generate(1, 0, *args)


def test_truth_keys_are_exactly_the_catalogue():
    for _, truth in truths():
        fields = truth["fields"]
        era = fields["meta.era"]
        expected = catalogue(era)
        if not RULES[era] <= fields.keys():  # "/" for 规章: those keys are absent, never 0
            expected -= RULES[era]
            assert not RULES[era] & fields.keys()
        assert set(fields) == expected
        assert not any(re.fullmatch(r"applications\.(denied|unable|rejected)\.\w+", k) for k in fields)
        assert fields["meta.script"] == "simplified"
        assert fields["meta.title"] == f"{fields['meta.issuer']}{fields['meta.year']}年政府信息公开工作年度报告"
        assert truth["diagnostics"] == [] and truth["source"].startswith("corpus/")


def test_truth_value_types():
    for _, truth in truths():
        for key, value in truth["fields"].items():
            if key in MONEY:
                assert isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value), (key, value)
            elif key.startswith(("active.", "applications.", "review.", "litigation")) or key == "meta.year":
                assert isinstance(value, int) and not isinstance(value, bool), (key, value)
                assert value >= 0 or key.endswith(".net_change"), (key, value)


def test_truth_satisfies_the_hard_invariants():
    for _, truth in truths(count=200):
        f = truth["fields"]
        era = f["meta.era"]
        rows = ("new", "carried_over") + OUTCOMES[era] + ("processed_total", "carried_forward")
        cell = lambda row, col: f[f"applications.{row}.{col}"]  # noqa: E731
        for row in rows:  # T3.3
            assert cell(row, "total") == sum(cell(row, c) for c in COLUMNS[:-1]), row
        for col in COLUMNS:  # T3.1, T3.2
            assert cell("new", col) + cell("carried_over", col) == cell("processed_total", col) + cell("carried_forward", col)
            assert cell("processed_total", col) == sum(cell(r, col) for r in OUTCOMES[era])
        for block in ("review", "litigation_direct", "litigation_after_review"):  # T4.1
            assert f[f"{block}.total"] == sum(f[f"{block}.{k}"] for k in ("upheld", "corrected", "other", "pending"))
        assert f["meta.period_start"] == f"{f['meta.year']}-01-01" and f["meta.period_end"] == f"{f['meta.year']}-12-31"
        assert f["meta.published_on"] > f["meta.period_end"]


def test_truth_soft_rules_of_table_2():
    for _, truth in truths(count=200):
        f = truth["fields"]
        if f["meta.era"] == "2019":
            assert f["active.normative_docs.published"] <= f["active.normative_docs.made"]
            assert f["active.normative_docs.total"] >= f["active.normative_docs.published"]
            for item in ("licensing", "other_services", "penalty", "coercion", "fees"):
                assert f[f"active.{item}.prev_items"] + f[f"active.{item}.net_change"] >= 0


def test_corpus_has_variety():
    fields = [t["fields"] for _, t in truths(count=200)]
    assert any(f.get("active.licensing.decisions", 0) >= 10000 for f in fields)
    assert any(f["applications.new.total"] >= 100 for f in fields)
    assert any(v < 0 for f in fields for k, v in f.items() if k.endswith("net_change"))
    assert any(not RULES[f["meta.era"]] & f.keys() for f in fields)
    zero_share = sum(1 for f in fields for k, v in f.items() if k.startswith("applications.") and v == 0)
    assert zero_share > 0.6 * sum(1 for f in fields for k in f if k.startswith("applications."))


LABELS = ("主动公开政府信息情况", "收到和处理政府信息公开申请情况", "其他需要报告的事项", "第二十条第（一）项",
          "行政许可", "行政处罚", "行政强制", "行政事业性收费", "申请人情况", "商业企业", "科研机构", "社会公益组织",
          "法律服务机构", "一、本年新收政府信息公开申请数量", "（三）不予公开", "1.属于国家秘密", "8.属于行政查询事项",
          "（五）不予处理", "（七）总计", "四、结转下年度继续办理", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
          "尚未审结")
ERA_LABELS = {
    "2021": ("行政规范性文件", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）",
             "3.其他"),
    "2019": ("规范性文件", "本年新制作数量", "上一年项目数量", "其他对外管理服务事项", "第二十条第（九）项", "政府集中采购",
             "采购总金额", "（六）其他处理"),
}


@pytest.mark.parametrize("era,layout,encoding", list(product(gc.DEFAULT_ERAS, gc.LAYOUTS, gc.ENCODINGS)))
def test_every_combination_prints_labels_and_values(era, layout, encoding):
    text, truth = gc.generate(5, 1, era, layout, encoding)
    data = gc.encode(text, encoding)
    if encoding == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    decoded = data.decode(encoding)
    assert decoded == text
    squashed = flat(decoded)
    for label in LABELS + ERA_LABELS[era]:
        assert nfkc(label) in squashed, label
    words = tokens(decoded)
    amounts = money_values(decoded)
    for key, value in truth["fields"].items():
        if key in MONEY:
            assert Decimal(value) in amounts, key
        elif key.startswith(("active.", "applications.", "review.", "litigation")):
            assert str(value) in words, key
    assert truth["fields"]["meta.title"] in decoded
    assert "统计期限" in decoded and str(truth["fields"]["meta.year"]) in decoded


T3_HEADER = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收"
RESULTS = "结果维持结果纠正其他结果尚未审结总计"
T4_HEADER = "行政复议行政诉讼" + RESULTS + "未经复议直接起诉复议后起诉" + RESULTS * 2


@pytest.mark.parametrize("layout", gc.LAYOUTS)
def test_headers_are_linearised_in_header_order(layout):
    """Header cells come in header order (自然人 / 法人或其他组织 / 总计 / 商业企业 …), not data order."""
    for era, index in product(gc.DEFAULT_ERAS, range(4)):
        squashed = flat(gc.generate(8, index, era, layout, "utf-8")[0]).replace("|", "")
        assert T3_HEADER in squashed
        assert re.search(T4_HEADER + r"\d", squashed)  # the 15 numbers follow the ten sub-headings


def find_document(predicate, era: str, layout: str = "row_per_line_pipes"):
    for index in range(200):
        text, truth = gc.generate(1, index, era, layout, "utf-8")
        if predicate(text, truth):
            return text, truth
    raise AssertionError("no such document in 200 tries")


@pytest.mark.parametrize("era", gc.DEFAULT_ERAS)
def test_not_applicable_rules_row_is_printed_as_slash_and_absent(era):
    text, truth = find_document(lambda t, r: not RULES[era] & r["fields"].keys(), era)
    assert re.search(r"^\| 规\s*章 \| / \| / \| / \|$", text, re.M)


def test_procurement_amount_printed_in_yuan_is_true_in_wan():
    def in_yuan(text, truth):
        return truth["fields"]["active.procurement.projects"] > 0 and re.search(r"\| \d+元 \|", text)
    text, truth = find_document(in_yuan, "2019")
    yuan = re.search(r"\| (\d+)元 \|", text).group(1)
    assert Decimal(truth["fields"]["active.procurement.amount_wan"]) == Decimal(yuan) / 10000


def test_write_corpus_and_cli(tmp_path):
    assert gc.main(["--out", str(tmp_path), "--count", "3", "--seed", "5", "--eras", "2021"]) == 0
    names = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert names == ["0000_2021_cell_per_line_utf-8.txt", "0001_2021_row_per_line_spaces_utf-8.txt",
                     "0002_2021_row_per_line_tabs_gb18030.txt", "empty.txt", "not_a_report.txt"]
    for path in (tmp_path / "truth").glob("0*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert (tmp_path / record["source"]).is_file()
        encoding = record["notes"].rsplit(" ", 1)[-1]
        text, truth = gc.generate(5, int(path.stem[:4]), "2021", gc.assignment(int(path.stem[:4]), ("2021",))[1], encoding)
        assert truth == record and (tmp_path / record["source"]).read_bytes() == text.encode(encoding)


# --------------------------------------------------------------------------------------------------
# Era 2008, HTML, damage, mixes
# --------------------------------------------------------------------------------------------------

# The legacy.* keys of fields.md, written out independently of the generator.
LEGACY = {f"legacy.{k}" for k in (
    "active.items_total", "active.normative_docs_disclosed", "active.normative_docs_issued",
    *(f"active.channels.{c}" for c in ("gazette", "website", "weibo", "weixin", "other")),
    *(f"response.{r}" for r in ("hot_topics", "press_conferences", "press_conferences_principal", "online_interviews",
                                "online_interviews_principal", "interpretation_articles", "weibo_weixin_responses",
                                "other_responses")),
    *(f"applications.{a}" for a in (
        "received", "received_in_person", "received_fax", "received_online", "received_letter", "concluded",
        "concluded_on_time", "concluded_extended", "replied", "replied_already_public", "replied_granted",
        "replied_partially_granted", "replied_denied", "denied_state_secret", "denied_commercial_secret",
        "denied_privacy", "denied_security_stability", "denied_not_gov_info", "denied_other_legal",
        "replied_not_this_agency", "replied_nonexistent", "replied_asked_to_amend", "replied_other_channel")),
    *(f"{b}.{r}" for b in ("review", "litigation") for r in ("total", "upheld", "corrected", "other")),
    "complaints", "fees_wan",
    *(f"institution.{i}" for i in ("dedicated_units", "reading_points", "staff_total", "staff_full_time",
                                   "staff_part_time", "special_funds_wan")),
    *(f"meetings.{m}" for m in ("meetings", "training_sessions", "trainees")),
)}
LEGACY_MONEY = {"legacy.fees_wan", "legacy.institution.special_funds_wan"}
RESPONSE = {k for k in LEGACY if k.startswith("legacy.response.")}
DENIED_REASONS = [f"legacy.applications.denied_{r}" for r in ("state_secret", "commercial_secret", "privacy",
                                                             "security_stability", "not_gov_info", "other_legal")]
REPLIES = [f"legacy.applications.replied_{r}" for r in ("already_public", "granted", "partially_granted", "denied",
                                                       "not_this_agency", "nonexistent", "asked_to_amend", "other_channel")]
DAMAGE = ("traditional", "spaced", "spam", "pinyin", "period", "wrong_charset")
CHARSET_FAMILY = {"utf-8": "utf-8", "utf8": "utf-8", "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030",
                  "big5": "big5"}
PINYIN_NOTE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")


def legacy_truths(seed: int = 21, count: int = 300, layout: str = "row_per_line_pipes"):
    for index in range(count):
        yield gc.generate(seed, index, "2008", layout, "utf-8")


def page_text(page: str) -> str:
    """An HTML page as text: cells and blocks separated by " | ", other tags dropped, entities decoded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S | re.I)
    page = re.sub(r"<(/?)(td|th|tr|p|div|br|li|h\d|title|table|ul)\b[^>]*>", " | ", page, flags=re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def document_text(text: str, layout: str) -> str:
    return page_text(text) if layout == "html" else text


class GridParser(HTMLParser):
    """Every <table> of a page as rows of (text, rowspan, colspan), nested tables kept apart."""

    def __init__(self):
        super().__init__()
        self.tables, self.stack, self.cell = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.stack.append([])
        elif tag == "tr" and self.stack:
            self.stack[-1].append([])
        elif tag in ("td", "th") and self.stack:
            self.cell = [[], int(attrs.get("rowspan", 1)), int(attrs.get("colspan", 1))]
            self.stack[-1][-1].append(self.cell)

    def handle_endtag(self, tag):
        if tag == "table" and self.stack:
            self.tables.append(self.stack.pop())
            self.cell = None
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[0].append(data)


def grids(page: str) -> list:
    """Each data table of a page expanded to a matrix of cell texts (a spanned cell fills its span)."""
    parser = GridParser()
    parser.feed(page)
    out = []
    for rows in parser.tables:
        if any(len(row) > 1 for row in rows):
            matrix, pending = [], {}
            for row in rows:
                line, col, cells = [], 0, list(row)
                while cells or pending.get(col):
                    if pending.get(col):
                        text, left = pending[col]
                        line.append(text)
                        pending[col] = (text, left - 1) if left > 1 else None
                        col += 1
                        continue
                    parts, rowspan, colspan = cells.pop(0)
                    text = re.sub(r"\s+", " ", "".join(parts)).strip()
                    for _ in range(colspan):
                        line.append(text)
                        if rowspan > 1:
                            pending[col] = (text, rowspan - 1)
                        col += 1
                matrix.append(line)
            out.append(matrix)
    return out


def grid_with(page: str, label: str) -> list:
    found = [g for g in grids(page) if any(label in flat(cell) for row in g for cell in row)]
    assert len(found) == 1, label
    return found[0]


def declared_charset(page: bytes):
    m = re.search(rb"""charset\s*=\s*["']?([\w-]+)""", page[:2048], re.I)
    return m.group(1).decode().lower() if m else None


def find(predicate, era: str, layout: str, encoding: str = "utf-8", damage=(), seed: int = 3, tries: int = 300):
    for index in range(tries):
        text, truth = gc.generate(seed, index, era, layout, encoding, damage)
        if predicate(text, truth):
            return text, truth
    raise AssertionError(f"no such {era} {layout} document in {tries} tries")


def test_new_kinds_of_document_are_deterministic():
    for args in (("2008", "row_per_line_tabs", "gb18030", ()), ("2021", "html", "utf-8", ("wrong_charset", "spam")),
                 ("2019", "html", "big5", ("traditional", "pinyin")), ("2008", "cell_per_line", "big5", DAMAGE[:-1])):
        first = gc.generate(3, 7, *args)
        assert gc.generate(3, 7, *args) == first
        assert gc.generate(4, 7, *args) != first


def test_figures_do_not_depend_on_layout_encoding_or_damage():
    for era in gc.ALL_ERAS:
        variants = [(layout, "utf-8", ()) for layout in gc.ALL_LAYOUTS]
        variants += [("html", "big5", ("traditional", "spam")), ("cell_per_line", "gb18030", DAMAGE[:-1]),
                     ("html", "gb18030", ("wrong_charset", "pinyin", "period"))]
        fields = []
        for layout, encoding, damage in variants:
            f = dict(gc.generate(9, 4, era, layout, encoding, damage)[1]["fields"])
            assert f.pop("meta.script") == ("traditional" if "traditional" in damage else "simplified")
            fields.append(f)
        assert all(f == fields[0] for f in fields), era


def test_unknown_or_impossible_arguments_are_refused():
    for args in (("2008", "html", "big5", ()), ("2021", "html", "utf-8", ("mojibake",)),
                 ("2021", "cell_per_line", "utf-8", ("wrong_charset",)), ("2019", "html", "big5", ("traditional", "wrong_charset")),
                 ("2021", "pdf", "utf-8", ())):
        with pytest.raises(ValueError):
            gc.generate(1, 0, *args)


# ---- era 2008 ----


def test_era_2008_keys_are_the_legacy_catalogue():
    forms = narratives = 0
    for text, truth in legacy_truths():
        f = truth["fields"]
        table_keys = {k for k in f if not k.startswith("meta.")}
        assert table_keys <= LEGACY, table_keys - LEGACY
        assert f["meta.era"] == "2008" and 2008 <= f["meta.year"] <= 2018
        assert {"meta.title", "meta.issuer", "meta.year", "meta.era", "meta.script"} <= f.keys()
        if "narrative" in truth["notes"]:
            narratives += 1
            assert "统计指标" not in text and "政府信息公开情况统计表" not in text
            assert "legacy.applications.received" in f  # every narrative states its applications
        else:
            forms += 1
            expected = LEGACY if f["meta.year"] >= 2016 else LEGACY - RESPONSE
            assert table_keys == expected, (f["meta.year"], expected ^ table_keys)
    assert forms > 100 and narratives > 50


def test_era_2008_truth_satisfies_the_form_arithmetic():
    """templates.md §4.1: the hard rules always, the soft ones as promised."""
    soft_a4 = 0
    for _, truth in legacy_truths(count=400):
        f = {k[len("legacy."):]: v for k, v in truth["fields"].items() if k.startswith("legacy.")}
        a = lambda k: f[f"applications.{k}"]  # noqa: E731  (a narrative states only some groups: check those)
        if "applications.received_in_person" in f:
            assert a("received") == sum(a(f"received_{c}") for c in ("in_person", "fax", "online", "letter"))  # A1
        if "applications.concluded" in f:
            assert a("concluded") == a("concluded_on_time") + a("concluded_extended")  # A2
            assert a("concluded") <= a("received")  # A10
        if "applications.replied" in f:
            assert a("replied") == sum(f[k[len("legacy."):]] for k in REPLIES)  # A3
            assert a("replied") <= a("received")  # A10: replied ≈ concluded ≤ received
            if "applications.denied_privacy" in f and "narrative" not in truth["notes"]:
                reasons = sum(f[k[len("legacy."):]] for k in DENIED_REASONS)
                assert reasons >= a("replied_denied")  # A4 (soft): several reasons may be cited
                soft_a4 += reasons > a("replied_denied")
        for block in ("review", "litigation"):  # A5
            if f"{block}.upheld" in f:
                assert f[f"{block}.total"] == f[f"{block}.upheld"] + f[f"{block}.corrected"] + f[f"{block}.other"]
        if "institution.staff_full_time" in f:  # A6
            assert f["institution.staff_total"] == f["institution.staff_full_time"] + f["institution.staff_part_time"]
        for parent in ("press_conferences", "online_interviews"):  # A9
            if f"response.{parent}_principal" in f and f"response.{parent}" in f:
                assert f[f"response.{parent}_principal"] <= f[f"response.{parent}"]
        if "active.channels.website" in f and "narrative" not in truth["notes"]:
            channels = sum(f[f"active.channels.{c}"] for c in ("gazette", "website", "weibo", "weixin", "other"))
            assert f["active.items_total"] <= channels  # A7
            assert f["active.normative_docs_disclosed"] <= f["active.normative_docs_issued"]  # A8
        if "meetings.trainees" in f and f["meetings.training_sessions"] == 0:
            assert f["meetings.trainees"] == 0
        for key, value in f.items():
            if f"legacy.{key}" in LEGACY_MONEY:
                assert isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value), (key, value)
            else:
                assert isinstance(value, int) and value >= 0, (key, value)
    assert soft_a4 > 0


def test_era_2008_form_prints_every_value_in_its_row_and_renumbers_without_the_response_block():
    seen = set()
    for text, truth in legacy_truths(count=120):
        if "narrative" in truth["notes"]:
            continue
        f = truth["fields"]
        response = f["meta.year"] >= 2016
        seen.add(response)
        assert ("回应解读情况" in text) == response
        assert re.search(("三" if response else "二") + r"、依申请公开情况", text)
        assert re.search(("九" if response else "八") + r"、政府信息公开会议和培训情况", text)
        assert "——" in text and re.search(r"统\s*计\s*指\s*标", text)
        rows = [re.split(r"\s*\|\s*", line.strip("| ")) for line in text.splitlines() if line.startswith("| ")]
        values = [row[-1] for row in rows[1:] if row[-1] != "——"]
        keys = [k for k in gc.legacy_keys(response)]
        assert len(values) == len(keys)
        for key, value in zip(keys, values):
            want = f[f"legacy.{key}"]
            assert (Decimal(value) == Decimal(want)) if f"legacy.{key}" in LEGACY_MONEY else value == str(want), key
    assert seen == {True, False}


def test_era_2008_narrative_states_exactly_its_true_keys():
    """Every true key's figure is in the prose next to its label's words; a report without applications
    says so in words, and then that is its only applications key."""
    zero = 0
    for text, truth in legacy_truths(count=400):
        if "narrative" not in truth["notes"]:
            continue
        f = {k: v for k, v in truth["fields"].items() if k.startswith("legacy.")}
        squashed = flat(text)
        if f["legacy.applications.received"] == 0 and len([k for k in f if ".applications." in k]) == 1:
            zero += 1
            assert re.search(r"未(收到|受理)[^。]{0,12}申请", squashed)
            continue
        numbers = re.findall(r"\d+(?:\.\d+)?", squashed)
        for key, value in f.items():
            if key in LEGACY_MONEY:
                assert any(Decimal(n) in (Decimal(value), Decimal(value) * 10000) for n in numbers), key
            else:
                assert str(value) in numbers, key
    assert zero > 3


def test_era_2008_drops_publication_line_and_period_sometimes():
    fields = [t["fields"] for _, t in legacy_truths(count=200)]
    assert any("meta.published_on" not in f for f in fields) and any("meta.published_on" in f for f in fields)
    assert any("meta.period_start" not in f for f in fields)
    for f in fields:
        assert ("meta.period_start" in f) == ("meta.period_end" in f)


# ---- every combination ----

COMBINATIONS = [(era, layout, encoding, damage)
                for era in gc.ALL_ERAS for layout in gc.ALL_LAYOUTS
                for encoding, damage in [("utf-8", ()), ("gb18030", ()), ("big5", ("traditional",)),
                                         ("gb18030", ("traditional",)), ("utf-8", ("spaced",)), ("utf-8", ("spam",)),
                                         ("gb18030", ("pinyin",)), ("utf-8", ("period",)),
                                         ("big5", ("traditional", "spaced", "spam", "pinyin", "period")),
                                         ("utf-8", ("wrong_charset",)), ("gb18030", ("wrong_charset", "spam"))]
                if "wrong_charset" not in damage or layout == "html"]


@pytest.mark.parametrize("era,layout,encoding,damage", COMBINATIONS)
def test_every_combination_decodes_and_prints_its_values(era, layout, encoding, damage):
    text, truth = gc.generate(5, 2, era, layout, encoding, damage)
    data = gc.encode(text, encoding)
    assert data.decode(encoding) == text
    if encoding == "big5":
        assert data.decode("big5hkscs") == text  # what a decoder given "big5" uses
    if encoding != "utf-8":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    assert truth["source"] == f"corpus/{gc.document_name(2, era, layout, encoding, damage)}{gc.extension(layout)}"
    fields = truth["fields"]
    assert fields["meta.script"] == ("traditional" if "traditional" in damage else "simplified")
    if damage:
        assert "damage: " + ", ".join(d for d in DAMAGE if d in damage) in truth["notes"]
    body = document_text(text, layout)
    words, amounts = tokens(body), money_values(body)
    for key, value in fields.items():
        if key in MONEY or key in LEGACY_MONEY:
            assert Decimal(value) in amounts or Decimal(value) * 10000 in amounts or any(
                Decimal(value) == Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", flat(body))), key
        elif key.startswith(("active.", "applications.", "review.", "litigation", "legacy.")):
            assert str(value) in words or str(value) in re.findall(r"-?\d+", flat(body)), key
    title = fields["meta.title"]
    assert (title in text) == ("traditional" not in damage)
    if layout == "html":
        declared = declared_charset(data)
        assert text.lstrip().lower().startswith("<!doctype")
        if "wrong_charset" in damage:
            assert declared is not None and CHARSET_FAMILY[declared] != encoding
            assert "on purpose" in truth["notes"]
        elif declared is not None:
            assert CHARSET_FAMILY[declared] == encoding
        else:
            assert "no charset declared" in truth["notes"]


def test_damage_does_what_it_says():
    for era in gc.ALL_ERAS:
        plain, truth = gc.generate(12, 1, era, "row_per_line_tabs", "utf-8")
        y = truth["fields"]["meta.year"]
        # period: 年 and 月 dropped, only in the period sentence, truth unchanged
        text, damaged = find(lambda t, r: "meta.period_start" in r["fields"], era, "row_per_line_tabs", damage=("period",))
        y = damaged["fields"]["meta.year"]
        assert re.search(rf"{y}(11|0101)日(起)?至{y}1231日", text)
        assert not re.search(rf"{y}年0?1月0?1日", text)
        assert damaged["fields"]["meta.period_start"] == f"{y}-01-01" and damaged["fields"]["meta.period_end"] == f"{y}-12-31"
        # pinyin: at least three annotations, toned except in Big5, never in the title or tables
        for encoding, damage in (("utf-8", ("pinyin",)), ("big5", ("traditional", "pinyin"))):
            text, _ = gc.generate(12, 1, era, "row_per_line_pipes", encoding, damage)
            notes = PINYIN_NOTE.findall(text)
            assert len(notes) >= 3
            assert all(n.isascii() for n in notes) == (encoding == "big5")
            assert not any(PINYIN_NOTE.search(line) for line in text.splitlines() if line.startswith("|"))
        # spam: the last line of the text, after the report
        text, _ = gc.generate(12, 1, era, "row_per_line_tabs", "utf-8", ("spam",))
        assert text.rstrip("\n").splitlines()[-1] not in plain and re.search("开奖|投注|彩", text.splitlines()[-1])
        # traditional: Taiwan vocabulary, the truth's title still simplified
        text, trad = gc.generate(12, 1, era, "row_per_line_tabs", "big5", ("traditional",))
        assert "資訊" in text and "信息" not in text and trad["fields"]["meta.title"] == truth["fields"]["meta.title"]
    # spaced: labels that only damaged documents space out
    text, _ = gc.generate(12, 1, "2021", "row_per_line_tabs", "utf-8", ("spaced",))
    assert re.search(r"行\s+政\s+许\s+可", text) and re.search(r"规\s+章", text)
    text, _ = find(lambda t, r: "narrative" not in r["notes"], "2008", "cell_per_line", damage=("spaced",))
    assert re.search(r"统\s+计\s+指\s+标", text)


def test_period_damage_without_a_period_is_reported():
    text, truth = find(lambda t, r: "meta.period_start" not in r["fields"], "2008", "row_per_line_tabs", damage=("period",))
    assert "no statistical period printed" in truth["notes"]


# ---- HTML ----


@pytest.mark.parametrize("era", gc.DEFAULT_ERAS)
def test_html_table_3_and_4_hold_the_values_where_the_form_puts_them(era):
    blanks = 0
    for index in range(24):
        page, truth = gc.generate(6, index, era, "html", "utf-8")
        f = truth["fields"]
        assert 'rowspan="3" colspan="3"' in page and 'colspan="7"' in page and 'colspan="10"' in page
        assert f'rowspan="{20 if era == "2019" else 22}"' in page
        table3 = grid_with(page, "申请人情况")
        assert all(len(row) == 10 for row in table3)
        assert table3[1][3] == table3[2][3] and table3[0][3:] == ["申请人情况"] * 7 or flat(table3[0][3]) == "申请人情况"
        assert flat(table3[1][9]) == flat(table3[2][9]) == "总计" and flat(table3[2][4]) == "商业企业"
        rows = ("new", "carried_over") + OUTCOMES[era] + ("processed_total", "carried_forward")
        assert len(table3) == 3 + len(rows)
        for row, line in zip(rows, table3[3:]):
            values = [f[f"applications.{row}.{col}"] for col in COLUMNS]
            for i, (cell, value) in enumerate(zip(line[3:], values)):
                if cell == "":
                    blanks += 1  # blank only where the table proves it is 0
                    assert 1 <= i <= 5 and all(v == 0 for v in values[1:6]) and values[6] == values[0]
                    assert "blank_proven_zero" in truth["notes"]
                else:
                    assert cell == str(value), (row, i)
        table4 = grid_with(page, "复议后起诉")
        assert [len(r) for r in table4] == [15] * 4
        assert table4[-1] == [str(f[f"{b}.{k}"]) for b in ("review", "litigation_direct", "litigation_after_review")
                              for k in ("upheld", "corrected", "other", "pending", "total")]
    assert blanks > 0


def test_html_table_2_and_the_2008_form_hold_their_values():
    page, truth = gc.generate(6, 1, "2021", "html", "utf-8")
    table2 = grid_with(page, "本年处理决定数量")
    assert all(len(row) == 4 for row in table2)
    by_label = {flat(row[0]): row[1:] for row in table2}
    assert by_label["行政许可"] == [str(truth["fields"]["active.licensing.decisions"])] * 3
    page, truth = gc.generate(6, 1, "2019", "html", "utf-8")
    by_label = {flat(row[0]): row[1:] for row in grid_with(page, "采购总金额")}
    assert by_label["政府集中采购"][0] == str(truth["fields"]["active.procurement.projects"])
    page, truth = find(lambda t, r: "narrative" not in r["notes"], "2008", "html")
    form = grid_with(page, "统计数")
    assert all(len(row) == 3 for row in form)
    values = [row[2] for row in form[1:] if row[1] != "——"]
    keys = gc.legacy_keys(truth["fields"]["meta.year"] >= 2016)
    for key, value in zip(keys, values, strict=True):
        want = truth["fields"][f"legacy.{key}"]
        assert Decimal(value) == Decimal(str(want)), key


def test_html_pages_carry_the_chrome_of_a_cms():
    features = {"hidden": 0, "related": 0, "share": 0, "no_charset": 0, "spans": 0, "layout_table": 0, "th": 0}
    for index in range(40):
        page, truth = gc.generate(8, index, ("2008", "2019", "2021")[index % 3], "html", "utf-8")
        text = page_text(page)
        for word in ("首页", "政务公开", "繁體", "无障碍", "版权所有", "ICP备", "位置"):
            assert word in text, word
        if "meta.published_on" in truth["fields"]:
            d = truth["fields"]["meta.published_on"]
            assert d in text or "{}年{}月{}日".format(*d.split("-")) in text
        assert page.count(truth["fields"]["meta.title"]) >= 2  # <title> and the heading (and the hidden copy)
        features["hidden"] += 'style="display:none"' in page or " hidden>" in page
        features["related"] += "相关链接" in page
        features["share"] += "分享到" in page
        features["no_charset"] += declared_charset(page.encode()) is None
        features["spans"] += bool(re.search(r"<span>\d+</span><span>\d+</span>|<span lang=\"EN-US\">\d", page))
        features["layout_table"] += 'class="article-table"' in page
        features["th"] += "<th" in page
    assert all(v > 0 for v in features.values()), features


# ---- mixes, names, writing ----


def test_mix_and_damage_specs():
    mix = gc.parse_mix("text=1")
    assert mix.formats == {"text": 1.0} and set(mix.eras) == set(gc.ALL_ERAS)
    mix = gc.parse_mix("html=2,2008=1,row_per_line_tabs=1,gb18030=1", eras=("2019",))
    assert mix.formats == {"html": 2.0} and mix.eras == {"2008": 1.0} and mix.encodings == {"gb18030": 1.0}
    assert gc.parse_mix("", eras=("2019",)).eras == {"2019": 1.0}
    for bad in ("pdf=1", "text=-1", "text=x", "text=0"):
        with pytest.raises(ValueError):
            gc.parse_mix(bad)
    assert gc.parse_damage("none") == {} and gc.parse_damage("0.2") == {k: 0.2 for k in DAMAGE}
    assert gc.parse_damage("spam=0.5,period") == {"spam": 0.5, "period": 1.0}
    with pytest.raises(ValueError):
        gc.parse_damage("glue=0.1")


def test_mixed_corpus_draws_each_document_independently():
    mix, damage = gc.parse_mix("text=1,html=1"), gc.parse_damage("0.3")
    docs = list(gc.iter_documents(240, 13, mix=mix, damage=damage))
    assert [d.name for d in gc.iter_documents(50, 13, mix=mix, damage=damage)] == [d.name for d in docs[:50]]
    assert {d.era for d in docs} == set(gc.ALL_ERAS) and {d.layout for d in docs} == set(gc.ALL_LAYOUTS)
    assert {d.encoding for d in docs} == {"utf-8", "gb18030", "big5"}
    assert {k for d in docs for k in d.damage} == set(DAMAGE)
    for d in docs:
        assert d.name.startswith(f"{docs.index(d):04d}_{d.era}_{d.layout}_{d.encoding}")
        assert d.name.endswith(".html" if d.layout == "html" else ".txt")
        assert d.truth["source"] == f"corpus/{d.name}"
        assert (d.encoding == "big5") <= ("traditional" in d.damage)
        assert ("wrong_charset" in d.damage) <= (d.layout == "html" and d.encoding != "big5")
        assert d.data.decode(d.encoding)
    only = list(gc.iter_documents(60, 13, mix=gc.parse_mix("html=1,2008=1")))
    assert {(d.layout, d.era) for d in only} == {("html", "2008")}
    only = list(gc.iter_documents(60, 13, mix=gc.parse_mix("text=1")))
    assert {d.layout for d in only} <= set(gc.LAYOUTS) and not any(d.damage for d in only)


def test_dump_json_is_jsons_indented_output():
    records = [d.truth for d in gc.iter_documents(40, 2, mix=gc.Mix(), damage=gc.parse_damage("0.2"))]
    records += [gc.non_report_truth("empty"), {}, {"a": []}, {"a": {}}, {"a": [{"b": 1}]}, {"n": None, "f": 1.5},
                {"s": "\"\\\n\u2028"}, {"k": {1: 2}}]
    for record in records:
        assert gc.dump_json(record) == (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode()


def test_write_corpus_with_a_mix_and_workers(tmp_path):
    mix, damage = gc.parse_mix("text=1,html=1"), gc.parse_damage("0.2")
    stats = gc.write_corpus(tmp_path / "one", 45, 3, mix=mix, damage=damage)
    gc.write_corpus(tmp_path / "two", 45, 3, mix=mix, damage=damage, workers=2, chunk=10)
    assert stats.documents == 45 and stats.non_reports == 3 and sum(stats.layouts.values()) == 45
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one == two and len(one) == 2 * 48
    for path in (tmp_path / "one" / "truth").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert (tmp_path / "one" / record["source"]).is_file() and Path(record["source"]).stem == path.stem
    assert (tmp_path / "one" / "corpus" / "not_a_report_page.html").is_file()


def test_cli_mix(tmp_path, capsys):
    assert gc.main(["--out", str(tmp_path), "--count", "6", "--seed", "1", "--mix", "html=1", "--eras", "2008",
                    "--damage", "spam=1", "--no-non-reports"]) == 0
    names = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert len(names) == 6 and all(re.fullmatch(r"\d{4}_2008_html_[\w-]+_spam\.html", n) for n in names), names
    assert "docs/s" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        gc.main(["--out", str(tmp_path), "--count", "1", "--seed", "1", "--mix", "pdf=1"])


def test_corpus_generation_rate(tmp_path):
    """Not a timing assertion: prints how fast a 2,000-document mixed corpus is written."""
    begin = time.perf_counter()
    stats = gc.write_corpus(tmp_path, 2000, 1, mix=gc.parse_mix("text=1,html=1"), damage=gc.parse_damage("0.1"))
    seconds = time.perf_counter() - begin
    assert stats.documents == 2000 and len(list((tmp_path / "truth").iterdir())) == 2003
    print(f"\n2,000 mixed documents written in {seconds:.2f} s: {2000 / seconds:.0f} docs/s")


# --------------------------------------------------------------------------------------------------
# The bundled samples
# --------------------------------------------------------------------------------------------------


def documented_command() -> list:
    """The generator command that samples/README.md documents, as argv after the script name."""
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    lines = [line.strip() for line in readme.splitlines() if "benchmarks/generate_corpus.py" in line
             and line.strip().startswith(("python", ".venv/bin/python"))]
    assert len(lines) == 1, lines
    argv = shlex.split(lines[0])
    return argv[argv.index("benchmarks/generate_corpus.py") + 1:]


def test_samples_are_what_the_documented_command_regenerates(tmp_path):
    argv = documented_command()
    out = argv.index("--out")
    assert Path(argv[out + 1]) == Path("samples")
    argv[out + 1] = str(tmp_path)
    assert gc.main(argv) == 0
    for sub in ("corpus", "truth"):
        committed = {p.name: p.read_bytes() for p in (SAMPLES / sub).iterdir()}
        regenerated = {p.name: p.read_bytes() for p in (tmp_path / sub).iterdir()}
        assert sorted(committed) == sorted(regenerated)
        for name in committed:
            assert committed[name] == regenerated[name], f"{sub}/{name} differs from what the command generates"


def test_samples_cover_eras_layouts_encodings_and_errors():
    records = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (SAMPLES / "truth").glob("*.json")}
    reports = {k: r for k, r in records.items() if "error" not in r}
    notes = [r["notes"] for r in reports.values()]
    assert 10 <= len(reports) <= 14
    assert {r["fields"]["meta.era"] for r in reports.values()} == set(gc.DEFAULT_ERAS)
    assert all(any(f"layout {layout} " in n for n in notes) for layout in gc.LAYOUTS)
    assert all(any(n.endswith(f"encoding {encoding}") for n in notes) for encoding in gc.ENCODINGS)
    assert any(not RULES[r["fields"]["meta.era"]] & r["fields"].keys() for r in reports.values())
    assert records["not_a_report"]["error"] == "NotAReportError" and records["not_a_report"]["fields"] == {}
    assert records["empty"]["error"] == "EmptyInputError" and records["empty"]["fields"] == {}
    assert (SAMPLES / "corpus" / "empty.txt").read_bytes() == b""
    for record in reports.values():
        path = SAMPLES / record["source"]
        encoding = record["notes"].rsplit(" ", 1)[-1]
        assert record["fields"]["meta.title"] in path.read_bytes().decode(encoding)


# --------------------------------------------------------------------------------------------------
# accuracy.py
# --------------------------------------------------------------------------------------------------

TRUTH = {
    "source": "corpus/a.txt",
    "fields": {"meta.era": "2019", "meta.issuer": "青石县", "applications.denied_state_secret.total": 1,
               "applications.denied_query.total": 2, "active.procurement.amount_wan": "25.1", "review.total": 0},
    "optional": {"meta.level": "county"},
    "diagnostics": ["period_inconsistent"],
    "notes": "test",
}
NOT_REPORT = {"source": "corpus/b.txt", "fields": {}, "diagnostics": [], "error": "NotAReportError", "notes": "test"}


@pytest.fixture
def truth_dir(tmp_path):
    directory = tmp_path / "truth"
    directory.mkdir()
    (directory / "a.json").write_text(json.dumps(TRUTH, ensure_ascii=False), encoding="utf-8")
    (directory / "b.json").write_text(json.dumps(NOT_REPORT), encoding="utf-8")
    return directory


def records(root: Path, **changes) -> list:
    fields = dict(TRUTH["fields"], **{"active.procurement.amount_wan": "25.10", "meta.issuer": "青石县 "})
    fields.update(changes.get("fields", {}))
    for key in changes.get("drop", ()):
        del fields[key]
    good = {"source": str(root / "corpus/a.txt"), "fields": fields, "diagnostics": [{"code": "period_inconsistent"}],
            "error": None}
    bad = {"source": str(root / "corpus/b.txt"), "fields": {}, "diagnostics": [],
           "error": changes.get("error", {"type": "NotAReportError", "message": "b.txt: not a report"})}
    return [good, bad]


def test_accuracy_all_correct(truth_dir):
    result = accuracy.score(records(truth_dir.parent), truth_dir, truth_dir.parent)
    assert result["passed"] and result["accuracy"] == 1.0
    assert result["totals"]["correct"] == 6 and result["errors_ok"] == 2


def test_accuracy_missing_key(truth_dir):
    result = accuracy.score(records(truth_dir.parent, drop=["review.total"]), truth_dir, truth_dir.parent)
    assert not result["passed"] and result["totals"]["missing"] == 1
    assert result["documents"][0]["missing_keys"] == ["review.total"]


def test_accuracy_wrong_value_and_wrong_optional(truth_dir):
    changes = {"fields": {"active.procurement.amount_wan": "251000", "meta.level": "township"}}
    result = accuracy.score(records(truth_dir.parent, **changes), truth_dir, truth_dir.parent)
    assert result["totals"]["wrong"] == 2 and result["totals"]["correct"] == 5 and not result["passed"]


def test_accuracy_spurious_key_but_not_a_consistent_subtotal(truth_dir):
    changes = {"fields": {"applications.denied.total": 3, "active.rules.made": 0, "meta.variant": "x"}}
    result = accuracy.score(records(truth_dir.parent, **changes), truth_dir, truth_dir.parent)
    assert result["documents"][0]["spurious_keys"] == ["active.rules.made=0"]
    changes = {"fields": {"applications.denied.total": 4}}
    result = accuracy.score(records(truth_dir.parent, **changes), truth_dir, truth_dir.parent)
    assert result["totals"]["spurious"] == 1


def test_accuracy_expected_error(truth_dir):
    root = truth_dir.parent
    wrong_type = accuracy.score(records(root, error={"type": "EmptyInputError", "message": "m"}), truth_dir, root)
    assert wrong_type["errors_ok"] == 1 and not wrong_type["passed"]
    no_error = accuracy.score(records(root, error=None), truth_dir, root)
    assert no_error["errors_ok"] == 1 and not no_error["passed"]
    missing_record = accuracy.score(records(root)[:1], truth_dir, root)
    assert missing_record["documents"][1]["error_got"] == "no record" and not missing_record["passed"]


def test_accuracy_missing_diagnostic(truth_dir):
    recs = records(truth_dir.parent)
    recs[0]["diagnostics"] = []
    result = accuracy.score(recs, truth_dir, truth_dir.parent)
    assert result["totals"]["diag_found"] == 0 and not result["passed"]


def test_accuracy_matches_relative_sources_by_suffix(truth_dir):
    recs = records(truth_dir.parent)
    for record, name in zip(recs, ("a", "b")):
        record["source"] = f"somewhere/else/corpus/{name}.txt"
    assert accuracy.score(recs, truth_dir, truth_dir.parent)["passed"]


def test_accuracy_cli(truth_dir, capsys):
    jsonl = truth_dir.parent / "records.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records(truth_dir.parent)) + "\n",
                     encoding="utf-8")
    assert accuracy.main([str(jsonl), str(truth_dir)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last == "accuracy: 1.0000 (6/6), wrong 0, missing 0, spurious 0, documents 2, errors as expected 2/2"
    jsonl.write_text(json.dumps(records(truth_dir.parent, drop=["review.total"])[0]) + "\n", encoding="utf-8")
    assert accuracy.main([str(jsonl), str(truth_dir), "--root", str(truth_dir.parent)]) == 1
    out = capsys.readouterr().out
    assert "missing: review.total" in out and "errors as expected 1/2" in out


def test_accuracy_scores_a_perfect_parse_of_the_samples():
    """The samples' own truth, fed back as records, scores 1.0: the two halves agree on the format."""
    recs = []
    for path in sorted((SAMPLES / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        error = {"type": truth["error"], "message": "x"} if "error" in truth else None
        recs.append({"source": str(SAMPLES / truth["source"]), "fields": truth["fields"], "diagnostics": [],
                     "error": error})
    result = accuracy.score(recs, SAMPLES / "truth", SAMPLES)
    assert result["passed"] and result["documents_count"] == len(recs)
