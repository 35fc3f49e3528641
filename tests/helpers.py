"""Test helpers: where the shared seeds, pages and gold files are (``../shared`` beside the
project's root; read, never copied), and helpers to load them."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TABLE_PREFIXES = ("active.", "applications.", "review.", "litigation_direct.", "litigation_after_review.", "legacy.")


def seed_path(stem: str) -> Path:
    return SHARED / "seeds" / f"{stem}.txt"


def gold(stem: str) -> dict:
    return json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))

