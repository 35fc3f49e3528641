"""Test helpers: where the shared seeds, pages and gold files are (``../shared`` beside the
project's root; read, never copied), helpers to load them, and the brute-force reference the glue
solver's tests compare with."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TABLE_PREFIXES = ("active.", "applications.", "review.", "litigation_direct.", "litigation_after_review.", "legacy.")


def seed_path(stem: str) -> Path:
    return SHARED / "seeds" / f"{stem}.txt"


def gold(stem: str) -> dict:
    return json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))



def brute_splits(digits: str, n: int) -> list[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``n`` numbers without leading zeros, by trying every set of
    cut points: the slow, obviously right answer :func:`gkparse.glue.splits` must equal."""
    out = []
    for cuts in itertools.combinations(range(1, len(digits)), n - 1):
        bounds = (0, *cuts, len(digits))
        parts = [digits[a:b] for a, b in zip(bounds, bounds[1:])]
        if all(p == "0" or not p.startswith("0") for p in parts):
            out.append(tuple(int(p) for p in parts))
    return out
