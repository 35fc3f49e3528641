"""Tests of the synthetic-corpus generator (benchmarks/generate_corpus.py), of the bundled samples/
corpus and of the accuracy scorer (benchmarks/accuracy.py).

The generator is the ground truth of the benchmarks, so these tests check its promises directly.
Output is deterministic. Every truth satisfies the template arithmetic, recomputed here from the
truth fields alone. The keys are exactly those of fields.md, written out below independently of the
generator. Every era/layout/encoding combination prints the labels and the values. The committed
samples are what the documented command regenerates, byte for byte.
"""

from __future__ import annotations

import json
import re
import shlex
import sys
import unicodedata
from decimal import Decimal
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
