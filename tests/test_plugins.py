"""The plugin system: entry-point discovery, broken and third-party plugins, direct registration,
hook validation, detection (scores, ties, no winner), and the hook reference (docs/hooks.md).

Third-party distributions are faked with a ``*.dist-info`` directory in ``tmp_path`` (``METADATA`` and
``entry_points.txt``), which :mod:`importlib.metadata` discovers on ``sys.path`` exactly as it
discovers an installed distribution: in a subprocess through ``PYTHONPATH``, in-process through
``monkeypatch.syspath_prepend``.
"""

from __future__ import annotations

import importlib.metadata as md
import inspect
import json
import math
import os
import re
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pluggy
import pytest

import gkparse
import gkparse.hookspecs as hookspecs
from gkparse.detect import detect
from gkparse.errors import GkparseError, NotAReportError, PluginError
from gkparse.formats import Format
from gkparse.load import load
from gkparse.model import Diagnostic, Meta, Report
from gkparse.pipeline import to_document
from gkparse.plugins import PluginFailure, PluginHost, load_plugins

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GKPARSE = Path(sys.executable).parent / "gkparse"
SEED001 = "001_14adff9be6592cdd"
SEED004 = "004_d76d4b4009bfe151"
TABLE_PREFIXES = ("active.", "applications.", "review.", "litigation_direct.", "litigation_after_review.", "legacy.")
BUILTIN_PLUGINS = {"national_2019", "national_2021", "checks"}
BUILTIN_FORMATS = {"national-2019", "national-2021"}
MARKER = "甲乙丙特制格式标记"


# --------------------------------------------------------------------------- helpers


def seed(stem: str) -> Path:
    return SHARED / "seeds" / f"{stem}.txt"


def gold_fields(stem: str) -> dict:
    return json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))["fields"]


def assert_matches_gold(rec: dict, stem: str, source: str) -> None:
    assert rec["source"] == source
    assert rec["error"] is None
    fields, gold = rec["fields"], gold_fields(stem)
    wrong = {k: (v, fields.get(k, "<missing>")) for k, v in gold.items() if fields.get(k, "<missing>") != v}
    assert wrong == {}, f"{stem}: fields differing from the gold (gold, got): {wrong}"
    spurious = sorted(k for k in fields if k.startswith(TABLE_PREFIXES) and k not in gold)
    assert spurious == [], f"{stem}: table keys the gold lacks: {spurious}"


def make_dist(root: Path, name: str, version: str, entry_points: dict[str, str], modules: dict[str, str]) -> None:
    """A fake installed distribution in ``root``: ``<name>-<version>.dist-info`` and its modules."""
    info = root / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    eps = "".join(f"{k} = {v}\n" for k, v in entry_points.items())
    (info / "entry_points.txt").write_text(f"[gkparse]\n{eps}", encoding="utf-8")
    for mod, source in modules.items():
        (root / f"{mod}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def make_broken_dist(root: Path) -> None:
    make_dist(
        root,
        "broken-plugin",
        "0.1",
        {"broken": "broken_plugin_mod"},
        {"broken_plugin_mod": 'raise ImportError("deliberately broken")\n'},
    )


THIRD_PARTY_MODULE = f'''
    """A third-party gkparse plugin: one tiny format, and a report check."""

    import gkparse
    from gkparse.model import Diagnostic, Meta, Report

    MARKER = {MARKER!r}


    class MarkerFormat:
        name = "acme-marker"
        era = "2021"
        templates = ()

        def score(self, document):
            return 1000.0 if MARKER in document.text else 0.0

        def extract(self, document):
            return Report(source=document.source, meta=Meta(title="x"))


    FORMAT = MarkerFormat()


    @gkparse.hookimpl
    def gkparse_register_formats(register):
        register(FORMAT)


    @gkparse.hookimpl
    def gkparse_validate(report, document):
        if report.meta.variant == "acme-marker":
            return [Diagnostic(code="acme_checked", severity="info", message=report.source + ": checked by acme")]
        return None
'''


def make_third_party_dist(root: Path, module: str = "acme_gkparse_plugin") -> None:
    make_dist(root, "acme-gkparse", "2.3.4", {"acme": module}, {module: THIRD_PARTY_MODULE})


def run_cli(*args: str, pythonpath: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(pythonpath), *filter(None, [os.environ.get("PYTHONPATH")])])
    return subprocess.run([str(GKPARSE), *args], capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=300)


@pytest.fixture
def forget_modules():
    """Forget the modules a test imports from tmp_path, so the next test imports its own copy."""
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        if name.startswith(("broken_plugin_mod", "acme_gkparse_plugin")):
            sys.modules.pop(name, None)


class TinyFormat:
    """A minimal format, exactly the interface of gkparse.formats.Format and nothing else."""

    templates = ()

    def __init__(self, name: str, score: object = 1.0, era: str = "2021") -> None:
        self.name = name
        self.era = era
        self._score = score

    def score(self, document):
        if isinstance(self._score, BaseException):
            raise self._score
        return self._score(document) if callable(self._score) else self._score

    def extract(self, document):
        return Report(source=document.source, meta=Meta(title=f"parsed by {self.name}"))


def format_plugin(*formats: TinyFormat, name: str) -> types.ModuleType:
    """A plugin module (built in memory) registering ``formats``."""
    mod = types.ModuleType(name)

    @gkparse.hookimpl
    def gkparse_register_formats(register):
        for fmt in formats:
            register(fmt)

    mod.gkparse_register_formats = gkparse_register_formats
    return mod


def document(text: str, name: str = "doc.txt"):
    return to_document(load(text, name=name))


# --------------------------------------------------------------------------- the built-ins, from entry points


def test_builtins_register_through_entry_points():
    eps = {ep.name: ep.value for ep in md.entry_points(group="gkparse")}
    assert eps["national_2019"] == "gkparse_plugins.national_2019"
    assert eps["national_2021"] == "gkparse_plugins.national_2021"
    assert eps["checks"] == "gkparse_plugins.checks"
    host = load_plugins()
    assert host.failures == []
    infos = {p.name: p for p in host.plugins}
    assert BUILTIN_PLUGINS <= set(infos)
    for name in BUILTIN_PLUGINS:
        assert infos[name].distribution == "gkparse"
        assert infos[name].version == gkparse.__version__
        assert infos[name].origin.endswith(f"gkparse_plugins{os.sep}{name}.py")
    names = [f.name for f in host.formats()]
    assert BUILTIN_FORMATS <= set(names)
    assert names == sorted(names)


def test_builtin_host_parses_a_seed():
    report = gkparse.parse(seed(SEED004), host=load_plugins())
    gold = gold_fields(SEED004)
    flat = gkparse.flatten(report)
    assert flat["meta.year"] == gold["meta.year"] == 2019
    assert flat["meta.title"] == gold["meta.title"]
    assert report.meta.variant == "national-2019"


# --------------------------------------------------------------------------- a plugin that fails to import


def test_broken_plugin_cli_lists_failure_and_builtins(tmp_path):
    make_broken_dist(tmp_path)
    proc = run_cli("plugins", pythonpath=tmp_path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    out = proc.stdout
    (failed,) = [line for line in out.splitlines() if line.startswith("FAILED")]
    assert re.match(r"FAILED\s+broken\s+broken-plugin\s+ImportError: deliberately broken$", failed), failed
    for name in BUILTIN_PLUGINS:
        assert re.search(rf"^{name}\s+gkparse {re.escape(gkparse.__version__)}\s", out, re.M), out
    for fmt in BUILTIN_FORMATS:
        assert re.search(rf"^\s+format {fmt}\s", out, re.M), out


def test_broken_plugin_cli_still_parses(tmp_path):
    make_broken_dist(tmp_path)
    s1 = str(seed(SEED001))
    proc = run_cli("parse", "--flat", s1, pythonpath=tmp_path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    (rec,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert_matches_gold(rec, SEED001, s1)


def test_broken_plugin_in_process(tmp_path, monkeypatch, forget_modules):
    make_broken_dist(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    host = load_plugins()
    assert host.failures == [PluginFailure(name="broken", distribution="broken-plugin", error="ImportError: deliberately broken")]
    assert "broken" not in {p.name for p in host.plugins}
    assert BUILTIN_PLUGINS <= {p.name for p in host.plugins}
    assert BUILTIN_FORMATS <= {f.name for f in host.formats()}
    assert "broken_plugin_mod" not in sys.modules
    report = gkparse.parse(seed(SEED001), host=host)
    assert gkparse.flatten(report)["meta.year"] == gold_fields(SEED001)["meta.year"]


# --------------------------------------------------------------------------- a working third-party plugin


def test_minimal_format_is_a_format():
    """The interface is name, era, templates, score, extract: an object with just those is a Format."""
    fmt = TinyFormat("tiny")
    assert isinstance(fmt, Format)
    host = load_plugins(entry_points=False, plugins=[format_plugin(fmt, name="tiny_plugin")])
    assert host.formats() == (fmt,)


def test_third_party_plugin_cli(tmp_path):
    make_third_party_dist(tmp_path)
    marked = tmp_path / "marked.txt"
    marked.write_text(seed(SEED001).read_text(encoding="utf-8") + f"\n{MARKER}\n", encoding="utf-8")

    proc = run_cli("plugins", pythonpath=tmp_path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "FAILED" not in out
    (line,) = [l for l in out.splitlines() if l.startswith("acme ")]
    assert re.match(r"acme\s+acme-gkparse 2\.3\.4\s+\S*acme_gkparse_plugin\.py$", line), line
    assert str(tmp_path) in line
    assert re.search(r"^\s+format acme-marker\s+era 2021$", out, re.M), out
    for name in BUILTIN_PLUGINS:
        assert re.search(rf"^{name}\s+gkparse ", out, re.M), out

    s1 = str(seed(SEED001))
    proc = run_cli("parse", "--flat", "marked.txt", s1, pythonpath=tmp_path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rec_marked, rec_plain = [json.loads(line) for line in proc.stdout.splitlines()]
    # The marked document goes to the third-party format (it outscores the built-ins) ...
    assert rec_marked["error"] is None
    assert rec_marked["fields"] == {"meta.title": "x", "meta.variant": "acme-marker"}
    assert "acme_checked" in {d["code"] for d in rec_marked["diagnostics"]}
    # ... and the unmarked one still to the built-in, unchanged.
    assert_matches_gold(rec_plain, SEED001, s1)
    assert "acme_checked" not in {d["code"] for d in rec_plain["diagnostics"]}


def test_third_party_plugin_in_process(tmp_path, monkeypatch, forget_modules):
    make_third_party_dist(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    host = load_plugins()
    assert host.failures == []
    infos = {p.name: p for p in host.plugins}
    assert infos["acme"].distribution == "acme-gkparse"
    assert infos["acme"].version == "2.3.4"
    assert infos["acme"].origin == str(tmp_path / "acme_gkparse_plugin.py")
    # Registered exactly like the built-ins: same entry-point group, same hook.
    assert BUILTIN_PLUGINS | {"acme"} <= set(infos)
    names = [f.name for f in host.formats()]
    assert BUILTIN_FORMATS | {"acme-marker"} <= set(names)
    assert names == sorted(names)

    text = seed(SEED001).read_text(encoding="utf-8") + MARKER
    doc = document(text, name="marked")
    detection = detect(doc, host.formats())
    assert detection.winner.name == "acme-marker"
    assert detection.scores[0] == ("acme-marker", 1000.0)
    assert 0 < dict(detection.scores)["national-2021"] < 1000.0  # the built-in knows it too, and loses
    report = gkparse.parse(text, name="marked", host=host)
    assert report.meta.title == "x"
    assert report.meta.variant == "acme-marker"
    assert "acme_checked" in {d.code for d in report.diagnostics}


# --------------------------------------------------------------------------- direct registration


def test_load_plugins_registers_exactly_the_given_module():
    fmt = TinyFormat("only-one", score=lambda d: 5.0 if "只此一家" in d.text else 0.0)
    mod = format_plugin(fmt, name="only_plugin")
    host = load_plugins(entry_points=False, plugins=[mod])
    assert isinstance(host, PluginHost)
    assert host.failures == []
    assert [(p.name, p.distribution, p.version) for p in host.plugins] == [("only_plugin", None, None)]
    assert host.pm.get_plugins() == {mod}
    assert host.formats() == (fmt,)
    assert gkparse.parse("只此一家，别无分店。", host=host).meta.title == "parsed by only-one"
    # No built-in is there: a real report is not recognized by this host.
    with pytest.raises(NotAReportError) as info:
        gkparse.parse(seed(SEED001), host=host)
    assert "only-one" in str(info.value) and "national" not in str(info.value)


def test_load_plugins_registers_exactly_the_given_object():
    class Checker:
        @gkparse.hookimpl
        def gkparse_validate(self, report, document):
            return [Diagnostic(code="object_checked", severity="info", message=f"{report.source}: {len(document.text)} chars")]

    checker = Checker()
    host = load_plugins(entry_points=False, plugins=[checker])
    assert host.pm.get_plugins() == {checker}
    assert [p.name for p in host.plugins] == ["Checker"]
    assert host.formats() == ()
    diags = host.validate(Report(source="r", meta=Meta()), document("一二三"))
    assert [(d.code, d.message) for d in diags] == [("object_checked", "r: 3 chars")]


def test_load_plugins_with_nothing_has_no_formats():
    host = load_plugins(entry_points=False)
    assert host.plugins == [] and host.failures == []
    assert host.formats() == ()
    with pytest.raises(NotAReportError, match="tried: none"):
        gkparse.parse(seed(SEED004), host=host)


def test_misspelled_hook_is_rejected():
    class Typo:
        @gkparse.hookimpl
        def gkparse_register_formatz(self, register):  # sic
            register(TinyFormat("never"))

    with pytest.raises(PluginError) as info:
        load_plugins(entry_points=False, plugins=[Typo()])
    assert "gkparse_register_formatz" in str(info.value)
    assert "unknown hook" in str(info.value)
    assert isinstance(info.value.__cause__, pluggy.PluginValidationError)


def test_misspelled_hook_in_a_module_is_rejected():
    mod = types.ModuleType("typo_module")

    @gkparse.hookimpl
    def gkparse_validat(report):  # sic
        return None

    mod.gkparse_validat = gkparse_validat
    with pytest.raises(PluginError, match="gkparse_validat"):
        load_plugins(entry_points=False, plugins=[mod])


def test_hook_with_an_argument_the_spec_lacks_is_rejected():
    class Extra:
        @gkparse.hookimpl
        def gkparse_validate(self, report, document, strictness):
            return None

    with pytest.raises(PluginError, match="strictness"):
        load_plugins(entry_points=False, plugins=[Extra()])


def test_two_formats_with_one_name_are_an_error():
    host = load_plugins(
        entry_points=False,
        plugins=[format_plugin(TinyFormat("same"), name="p1"), format_plugin(TinyFormat("same"), name="p2")],
    )
    with pytest.raises(PluginError, match="'same'"):
        host.formats()


# --------------------------------------------------------------------------- detection


def test_format_whose_score_raises_is_left_out_and_named():
    """One broken format does not stop the others: it is left out of the contest and named."""
    good = TinyFormat("aaa-good", score=3.0)
    bad = TinyFormat("zzz-explodes", score=RuntimeError("kaboom"))
    doc = document("任意文本", name="input-under-test.txt")
    detection = detect(doc, [good, bad])
    assert detection.winner is good
    (diag,) = detection.diagnostics
    assert diag.code == "plugin_failed" and diag.where == "plugin zzz-explodes"
    assert "zzz-explodes" in diag.message and "input-under-test.txt" in diag.message
    assert "RuntimeError: kaboom" in diag.message


def test_a_broken_format_is_named_in_the_report_parsed_by_the_others(shared):
    host = load_plugins(plugins=[format_plugin(TinyFormat("explodes", score=ValueError("bad score")), name="xp")])
    report = gkparse.parse(seed(SEED004), host=host)
    assert report.meta.variant == "national-2019" and report.applications is not None
    assert any(d.code == "plugin_failed" and "explodes" in d.message for d in report.diagnostics)


def test_format_whose_score_raises_through_parse():
    host = load_plugins(entry_points=False, plugins=[format_plugin(TinyFormat("explodes", score=ValueError("bad score")), name="xp")])
    with pytest.raises(PluginError) as info:
        gkparse.parse("一些文字", name="my-input.txt", host=host)
    assert info.value.plugin == "explodes"
    assert str(info.value).startswith("my-input.txt: ")
    assert "'explodes'" in str(info.value)


@pytest.mark.parametrize("score", [None, "9", True, math.nan])
def test_format_whose_score_is_not_a_number_is_a_plugin_error(score):
    fmt = TinyFormat("odd-score", score=lambda d, s=score: s)
    with pytest.raises(PluginError) as info:
        detect(document("文字", name="n.txt"), [fmt])
    assert info.value.plugin == "odd-score"
    assert "n.txt" in str(info.value) and "odd-score" in str(info.value)


@pytest.mark.parametrize("order", [("zeta", "alpha", "mid"), ("alpha", "zeta", "mid"), ("mid", "zeta", "alpha")])
def test_ties_are_broken_by_name(order):
    formats = {n: TinyFormat(n, score=7.0 if n != "mid" else 2.0) for n in order}
    detection = detect(document("文字"), [formats[n] for n in order])
    assert detection.winner is formats["alpha"]
    assert detection.scores == (("alpha", 7.0), ("zeta", 7.0), ("mid", 2.0))


@pytest.mark.parametrize("order", [("zeta", "alpha"), ("alpha", "zeta")])
def test_ties_are_broken_by_name_whatever_the_registration_order(order):
    plugins = [format_plugin(TinyFormat(n, score=4.0), name=f"plugin_{n}") for n in order]
    host = load_plugins(entry_points=False, plugins=plugins)
    assert [p.name for p in host.plugins] == [f"plugin_{n}" for n in order]
    assert [f.name for f in host.formats()] == ["alpha", "zeta"]
    assert gkparse.parse("文字", host=host).meta.title == "parsed by alpha"


def test_higher_score_beats_name():
    a, z = TinyFormat("aaa", score=1.0), TinyFormat("zzz", score=1.5)
    assert detect(document("文字"), [a, z]).winner is z


@pytest.mark.parametrize("scores", [(0.0,), (0.0, 0), (-1.0, 0.0), ()])
def test_no_format_scores_is_not_a_report(scores):
    formats = [TinyFormat(f"f{i}", score=s) for i, s in enumerate(scores)]
    with pytest.raises(NotAReportError) as info:
        detect(document("文字", name="nothing.txt"), formats)
    assert str(info.value).startswith("nothing.txt: ")
    for f in formats:
        assert f.name in str(info.value)


def test_news_text_is_not_a_report_with_the_builtins():
    text = "市图书馆新馆今日开馆。\n\n新馆藏书八十万册，市民凭身份证可免费办理借阅证。\n\n馆长表示将推出更多阅读活动。\n"
    with pytest.raises(NotAReportError) as info:
        gkparse.parse(text, name="news.txt", host=load_plugins())
    for fmt in BUILTIN_FORMATS:
        assert fmt in str(info.value)
    assert str(info.value).startswith("news.txt: ")


# --------------------------------------------------------------------------- validate hook results


@pytest.mark.parametrize("behaviour", ["returns", "raises"])
def test_a_misbehaving_validate_hook_is_a_diagnostic_naming_it(behaviour):
    class Sloppy:
        @gkparse.hookimpl
        def gkparse_validate(self, report):
            if behaviour == "raises":
                raise RuntimeError("validator exploded")
            return ["not a diagnostic"]

    host = load_plugins(plugins=[Sloppy()])
    report = gkparse.parse(seed(SEED004), host=host)
    (failed,) = [d for d in report.diagnostics if d.code == "plugin_failed"]
    assert failed.severity == "error" and "'Sloppy'" in failed.message and str(seed(SEED004)) in failed.message
    assert ("validator exploded" if behaviour == "raises" else "not a Diagnostic") in failed.message
    # The report and the other plugins' checks stand.
    assert report.applications.new.total.value == 0


def test_an_entry_point_with_a_misspelled_hook_is_a_failure_not_a_crash(tmp_path, monkeypatch):
    (tmp_path / "typo_plugin_mod.py").write_text(
        "import gkparse\n@gkparse.hookimpl\ndef gkparse_register_formatz(register):\n    pass\n", encoding="utf-8"
    )
    dist = tmp_path / "typo_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: typo-plugin\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[gkparse]\ntypo = typo_plugin_mod\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    host = load_plugins()
    (failure,) = [f for f in host.failures if f.name == "typo"]
    assert "gkparse_register_formatz" in failure.error
    assert {f.name for f in host.formats()} >= {"national-2019", "national-2021"}


def test_validate_hook_diagnostics_are_collected():
    class Two:
        @gkparse.hookimpl
        def gkparse_validate(self, report, document):
            assert document.source == report.source
            yield Diagnostic(code="one", severity="warning", message=f"{report.source}: one", where="meta.year")
            yield Diagnostic(code="two", severity="info", message=f"{report.source}: {report.meta.year}")

    plain = gkparse.parse(seed(SEED004), name="v.txt", host=load_plugins())
    report = gkparse.parse(seed(SEED004), name="v.txt", host=load_plugins(plugins=[Two()]))
    added = report.diagnostics[len(plain.diagnostics) :]
    assert report.diagnostics[: len(plain.diagnostics)] == plain.diagnostics
    assert [(d.code, d.severity, d.message, d.where) for d in added] == [
        ("one", "warning", "v.txt: one", "meta.year"),
        ("two", "info", "v.txt: 2019", None),
    ]
    # The figures are untouched by a validate hook.
    assert gkparse.flatten(report) == gkparse.flatten(plain)


def test_plugin_whose_register_hook_raises_does_not_crash_the_plugins_command(tmp_path):
    make_dist(
        tmp_path,
        "exploding-plugin",
        "1.0",
        {"exploding": "exploding_plugin_mod"},
        {
            "exploding_plugin_mod": """
                import gkparse

                @gkparse.hookimpl
                def gkparse_register_formats(register):
                    raise RuntimeError("exploded while registering")
            """
        },
    )
    proc = run_cli("plugins", pythonpath=tmp_path, cwd=tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr
    both = proc.stdout + proc.stderr
    assert "exploding" in both and "exploded while registering" in both
    for name in BUILTIN_PLUGINS:
        assert re.search(rf"^{name}\s+gkparse ", proc.stdout, re.M), proc.stdout


# --------------------------------------------------------------------------- the hook reference


def _hooks() -> dict[str, object]:
    return {name: fn for name, fn in vars(hookspecs).items() if name.startswith("gkparse_") and callable(fn)}


def test_hooks_documented_and_tested():
    hooks = _hooks()
    assert set(hooks) >= {"gkparse_register_formats", "gkparse_validate"}
    doc_path = ROOT / "docs" / "hooks.md"
    assert doc_path.is_file(), f"{doc_path} is missing"
    hooks_md = doc_path.read_text(encoding="utf-8")
    tests_dir = Path(__file__).resolve().parent
    this_test = inspect.getsource(test_hooks_documented_and_tested)
    corpus = []
    for path in sorted(tests_dir.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.resolve() == Path(__file__).resolve():
            text = text.replace(this_test, "")
        corpus.append(text)
    for name, fn in hooks.items():
        params = list(inspect.signature(fn).parameters)
        doc = inspect.getdoc(fn)
        assert doc, f"{name} has no docstring"
        for p in params:
            assert re.search(rf"^:param {p}:", doc, re.M), f"{name}: no ':param {p}:' line in its docstring"
        signature = f"{name}({', '.join(params)})"
        assert signature in hooks_md, f"docs/hooks.md lacks the signature {signature}"
        assert any(re.search(rf"\b{name}\b", text) for text in corpus), f"no test uses {name}"


@pytest.mark.parametrize("result", [RuntimeError("extraction exploded"), "not a report"])
def test_a_format_whose_extract_misbehaves_is_a_plugin_error_naming_it(result):
    class Broken(TinyFormat):
        def extract(self, document):
            if isinstance(result, BaseException):
                raise result
            return result

    host = load_plugins(entry_points=False, plugins=[format_plugin(Broken("broken-extract", score=9.0), name="bx")])
    with pytest.raises(PluginError) as info:
        gkparse.parse("任意文本", name="doc-7.txt", host=host)
    assert info.value.plugin == "broken-extract" and str(info.value).startswith("doc-7.txt: ")
    # Another document, another host: unaffected.
    assert gkparse.parse(seed(SEED004)).meta.year == 2019
