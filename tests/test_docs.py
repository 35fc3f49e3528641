"""The docs cannot drift: the plugin tutorial's files are assembled into a project and its tests run,
and every hook's documentation is checked against the hookspecs (see also test_plugins.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
BLOCK = re.compile(r"```(?:python|toml)\n# file: (?P<path>\S+)\n(?P<body>.*?)```", re.S)


def tutorial_files() -> dict[str, str]:
    files = {}
    for page in ("writing-plugins.md", "testing-plugins.md"):
        for m in BLOCK.finditer((DOCS / page).read_text(encoding="utf-8")):
            files[m.group("path")] = m.group("body")
    return files


def test_the_tutorial_declares_a_complete_project():
    files = tutorial_files()
    assert set(files) == {"pyproject.toml", "gkparse_myregion/__init__.py", "tests/test_myregion.py"}
    project = tomllib.loads(files["pyproject.toml"])
    assert project["project"]["entry-points"]["gkparse"] == {"myregion": "gkparse_myregion"}


def test_the_tutorial_plugin_passes_its_golden_test(tmp_path):
    for path, body in tutorial_files().items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 passed" in run.stdout


def test_every_doc_page_is_linked_from_the_readme():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    for page in sorted(DOCS.glob("*.md")):
        assert f"docs/{page.name}" in readme, page.name
