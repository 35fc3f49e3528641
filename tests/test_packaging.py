"""A non-editable install carries the core and the built-in plugins.

Builds the wheel with ``python -m build --wheel`` (from a copy of the project tree in a temporary
directory, so the build's ``build/`` and ``*.egg-info`` never land in the working tree), checks its
contents and entry points, installs it into a fresh virtual environment (no system site-packages;
dependencies from the package index) and runs that environment's ``gkparse`` from outside the
project, so the source tree cannot shadow the install. Slow (a build and an install): this is the
proof that the wheel works on its own.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import gkparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED004 = "004_d76d4b4009bfe151"
TABLE_PREFIXES = ("active.", "applications.", "review.", "litigation_direct.", "litigation_after_review.", "legacy.")
BUILTIN_PLUGINS = {
    "national_2019": "gkparse_plugins.national_2019",
    "national_2021": "gkparse_plugins.national_2021",
    "checks": "gkparse_plugins.checks",
}
# What the project tree holds that is not source: never part of a build (benchmarks/.cache holds
# generated corpora, gigabytes of them after a 100k benchmark run).
NOT_SOURCE = shutil.ignore_patterns(
    ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".pytest_cache", ".hypothesis", "out", ".cache"
)


def clean_env() -> dict[str, str]:
    """The environment without anything that would point Python at the project tree."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}


def check(cmd: list, *, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=clean_env(), timeout=timeout)
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return proc


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(the wheel, the copy of the tree it was built from)."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(ROOT, src, ignore=NOT_SOURCE)
    out = base / "dist"
    check([sys.executable, "-m", "build", "--wheel", "--outdir", out, src], cwd=base)
    wheels = sorted(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0], src


@pytest.fixture(scope="module")
def wheel(built) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel) -> Path:
    base = tmp_path_factory.mktemp("venv")
    env_dir = base / "env"
    check([sys.executable, "-m", "venv", env_dir], cwd=base)
    cfg = (env_dir / "pyvenv.cfg").read_text(encoding="utf-8")
    assert "include-system-site-packages = false" in cfg
    python = env_dir / "bin" / "python"
    check([python, "-m", "pip", "install", "--no-input", "--disable-pip-version-check", wheel], cwd=base)
    return env_dir


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    """A working directory outside the project tree."""
    d = tmp_path_factory.mktemp("outside")
    assert ROOT not in d.parents
    return d


# --------------------------------------------------------------------------- the wheel


def test_wheel_name_and_version(wheel):
    assert wheel.name == f"gkparse-{gkparse.__version__}-py3-none-any.whl"


def test_wheel_contains_core_and_builtins(built):
    wheel, src = built
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    for member in (
        "gkparse/__init__.py",
        "gkparse/cli.py",
        "gkparse/hookspecs.py",
        "gkparse/plugins.py",
        "gkparse/pipeline.py",
        "gkparse_plugins/__init__.py",
        "gkparse_plugins/national_2019.py",
        "gkparse_plugins/national_2021.py",
        "gkparse_plugins/checks.py",
        "gkparse_plugins/national_templates.py",
    ):
        assert member in names, f"{member} is not in {wheel.name}"
    # Every module of the source tree is in the wheel, and nothing from the tests or the venv.
    for package_dir, package in ((src / "gkparse", "gkparse"), (src / "plugins" / "gkparse_plugins", "gkparse_plugins")):
        for py in package_dir.rglob("*.py"):
            assert f"{package}/{py.relative_to(package_dir).as_posix()}" in names
    assert not any(n.startswith(("tests/", ".venv/", "plugins/")) for n in names), sorted(names)


def test_wheel_entry_points(wheel):
    with zipfile.ZipFile(wheel) as zf:
        (ep_name,) = [n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt")]
        text = zf.read(ep_name).decode("utf-8")
        (meta_name,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = zf.read(meta_name).decode("utf-8")
        names = set(zf.namelist())
    eps = configparser.ConfigParser()
    eps.read_string(text)
    gk = dict(eps["gkparse"])
    assert {k: gk.get(k) for k in BUILTIN_PLUGINS} == BUILTIN_PLUGINS
    # Every entry point names a module that is in the wheel.
    for target in gk.values():
        assert f"{target.split(':')[0].replace('.', '/')}.py" in names, target
    assert dict(eps["console_scripts"]) == {"gkparse": "gkparse.cli:main"}
    assert "Name: gkparse\n" in metadata
    assert f"Version: {gkparse.__version__}\n" in metadata
    for dep in ("attrs", "cattrs", "chardet", "html5lib", "pluggy", "opencc"):
        assert any(line.startswith(f"Requires-Dist: {dep}") for line in metadata.splitlines()), dep


# --------------------------------------------------------------------------- the installed wheel


def test_installed_modules_resolve_to_site_packages(venv, outside):
    python = venv / "bin" / "python"
    code = (
        "import json, sysconfig, gkparse, gkparse_plugins, gkparse_plugins.national_2021;"
        "print(json.dumps([gkparse.__file__, gkparse_plugins.__file__, gkparse_plugins.national_2021.__file__,"
        " sysconfig.get_paths()['purelib'], gkparse.__version__]))"
    )
    files = json.loads(check([python, "-c", code], cwd=outside).stdout)
    *modules, purelib, version = files
    purelib = Path(purelib).resolve()
    assert purelib.is_relative_to(venv.resolve())
    assert purelib.name == "site-packages"
    for f in modules:
        path = Path(f).resolve()
        assert path.is_relative_to(purelib), f"{path} is not in {purelib}"
        assert not path.is_relative_to(ROOT), f"{path} comes from the project tree"
    assert version == gkparse.__version__
    # Not an editable install: no path hook or .pth file points back at the project.
    for pth in purelib.glob("*.pth"):
        assert str(ROOT) not in pth.read_text(encoding="utf-8"), pth
    assert not list(purelib.glob("__editable__*"))


def test_installed_plugins_command(venv, outside):
    proc = check([venv / "bin" / "gkparse", "plugins"], cwd=outside)
    assert "Traceback" not in proc.stderr
    out = proc.stdout
    assert "FAILED" not in out
    site = str(venv.resolve())
    lines = {line.split()[0]: line for line in out.splitlines() if line and not line[0].isspace()}
    assert set(BUILTIN_PLUGINS) <= set(lines), out
    for name in BUILTIN_PLUGINS:
        fields = lines[name].split()
        assert fields[1:3] == ["gkparse", gkparse.__version__], lines[name]
        origin = Path(fields[3]).resolve()
        assert str(origin).startswith(site) and origin.name == f"{name}.py", lines[name]
        assert not origin.is_relative_to(ROOT)
    for fmt, era in (("national-2019", "2019"), ("national-2021", "2021")):
        assert any(line.split() == ["format", fmt, "era", era] for line in out.splitlines()), out


def test_installed_version(venv, outside):
    proc = check([venv / "bin" / "gkparse", "--version"], cwd=outside)
    assert proc.stdout.strip() == f"gkparse {gkparse.__version__}"


def test_installed_parse_matches_gold(venv, outside):
    source = str(SHARED / "seeds" / f"{SEED004}.txt")
    proc = check([venv / "bin" / "gkparse", "parse", "--flat", source], cwd=outside)
    assert "Traceback" not in proc.stderr
    (line,) = proc.stdout.splitlines()
    rec = json.loads(line)
    assert rec["source"] == source
    assert rec["error"] is None
    gold = json.loads((SHARED / "gold" / f"{SEED004}.json").read_text(encoding="utf-8"))["fields"]
    fields = rec["fields"]
    wrong = {k: (v, fields.get(k, "<missing>")) for k, v in gold.items() if fields.get(k, "<missing>") != v}
    assert wrong == {}, wrong
    spurious = sorted(k for k in fields if k.startswith(TABLE_PREFIXES) and k not in gold)
    assert spurious == []
    assert fields["meta.variant"] == "national-2019"


def test_installed_parse_error_record(venv, outside):
    proc = subprocess.run(
        [str(venv / "bin" / "gkparse"), "parse", "--flat", "no-such-report.txt"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=outside,
        env=clean_env(),
        timeout=300,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["fields"] == {}
    assert rec["error"]["type"] == "InputError"
    assert "no-such-report.txt" in rec["error"]["message"]
