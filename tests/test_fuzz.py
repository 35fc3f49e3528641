"""Fuzzing in the test suite: every mutated input ends in a Report or in one of gkparse's own
errors — no other exception, ever. (The long run of 100,000 cases is benchmarks/fuzz.py.)"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gkparse
from fuzz_mutations import MUTATIONS, mutate, to_bytes
from gkparse.errors import GkparseError
from helpers import ROOT, SHARED

CORPUS = sorted((SHARED / "seeds").glob("*.txt")) + sorted((ROOT / "samples" / "corpus").glob("0*.txt"))
TEXTS = [p.read_bytes().decode("utf-8", errors="replace") if p.suffix == ".txt" else "" for p in CORPUS]
TEXTS = [t if "\ufffd" not in t else p.read_bytes().decode("gb18030") for t, p in zip(TEXTS, CORPUS)]

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def outcome(source) -> str:
    try:
        report = gkparse.parse(source)
    except GkparseError as exc:
        assert str(exc).startswith(exc.source), "an error names its input"
        return type(exc).__name__
    gkparse.flatten(report)  # the flat form of any report is computable
    return "Report"


@SETTINGS
@given(doc=st.integers(0, len(TEXTS) - 1), seed=st.integers(0, 2**32 - 1))
def test_mutated_text_never_escapes(doc, seed):
    text, _ = mutate(TEXTS[doc], random.Random(seed))
    outcome(text)


@SETTINGS
@given(doc=st.integers(0, len(TEXTS) - 1), seed=st.integers(0, 2**32 - 1))
def test_mutated_bytes_never_escape(doc, seed):
    rng = random.Random(seed)
    text, _ = mutate(TEXTS[doc], rng)
    outcome(to_bytes(text, rng))


@SETTINGS
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes_never_escape(data):
    outcome(data)


@SETTINGS
@given(text=st.text(max_size=2000))
def test_arbitrary_text_never_escapes(text):
    outcome(text)


def test_every_mutation_changes_something():
    rng = random.Random(7)
    text = TEXTS[1]
    for name, mutation in MUTATIONS.items():
        assert any(mutation(text, rng) != text for _ in range(5)), name
