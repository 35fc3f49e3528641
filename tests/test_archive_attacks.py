"""Archive attacks are refused with clear error records, one per member, and nothing is ever
extracted: zip bombs, path-traversal names, nested archives, encrypted members."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import seed_path

GKPARSE = Path(sys.executable).parent / "gkparse"


def run(*paths, cwd) -> list[dict]:
    done = subprocess.run([str(GKPARSE), "parse", "--flat", "-j", "1", *map(str, paths)], capture_output=True, text=True, cwd=cwd)
    assert "Traceback" not in done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_zip_bomb_is_refused(tmp_path, shared):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("report.txt", seed_path("004_d76d4b4009bfe151").read_bytes())
        zf.writestr("zeros.txt", b"0" * (20 << 20))  # 20 MiB that deflate to ~20 KiB
    records = run(bomb, cwd=tmp_path)
    assert [r["source"] for r in records] == [f"{bomb}!report.txt", f"{bomb}!zeros.txt"]
    assert records[0]["error"] is None and records[0]["fields"]["meta.year"] == 2019
    assert records[1]["error"]["type"] == "InputError" and "zip bomb" in records[1]["error"]["message"]


def test_path_traversal_names_are_never_extracted(tmp_path, shared):
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../../escaped.txt", seed_path("001_14adff9be6592cdd").read_bytes())
        zf.writestr("/abs/escaped2.txt", "一、总体情况\n")
    work = tmp_path / "work"
    work.mkdir()
    before = set(tmp_path.rglob("*"))
    records = {r["source"]: r for r in run(evil, cwd=work)}
    assert len(records) == 2 and records[f"{evil}!../../escaped.txt"]["fields"]["meta.issuer"] == "绥中县"
    assert set(tmp_path.rglob("*")) == before  # nothing written anywhere
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_nested_archives_are_refused(tmp_path, shared):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("report.txt", seed_path("004_d76d4b4009bfe151").read_bytes())
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr("inner.zip", inner.getvalue())
        zf.writestr("disguised.txt", inner.getvalue())
    records = run(outer, cwd=tmp_path)
    assert len(records) == 2
    for r in records:
        assert r["error"]["type"] == "InputError" and "nested archives are not opened" in r["error"]["message"]


def _encrypt_flag(path: Path, name: str) -> None:
    """Mark ``name`` as encrypted in the local and central headers (zipfile cannot write encryption)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    data[info.header_offset + 6] |= 0x1
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        (offset,) = struct.unpack("<I", data[pos + 42 : pos + 46])
        if offset == info.header_offset:
            data[pos + 8] |= 0x1
        pos += 4
    path.write_bytes(bytes(data))


def test_encrypted_members_are_refused(tmp_path, shared):
    archive = tmp_path / "locked.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("open.txt", seed_path("004_d76d4b4009bfe151").read_bytes())
        zf.writestr("secret.txt", seed_path("001_14adff9be6592cdd").read_bytes())
    _encrypt_flag(archive, "secret.txt")
    records = run(archive, cwd=tmp_path)
    assert records[0]["error"] is None
    assert records[1]["error"]["type"] == "InputError" and "encrypted" in records[1]["error"]["message"]
