"""Property tests of glued cells (templates.md §5.2): a wrong number is never acceptable.

Random *valid* tables of every era — table 3 of the 2019 and 2021 formats with table 4
(values drawn by the corpus generator, ``benchmarks/generate_corpus.py``), table 4 alone with larger
values, and the era-2008 statistical form — have one or more random rows glued the ways crawlers
glue them (the whole row as one run of digits; the run glued onto the row's own label; onto the
next row's label, whose list number then sticks to the run; only the last cells glued on; the
era-2008 unit glued before the value). Each report is rendered, parsed with :func:`gkparse.parse`,
and for every glued row:

* either every value recovered equals the truth (and a ``glued_split`` diagnostic names the row),
* or the row is absent from the flat fields and an ``ambiguous_split`` diagnostic names it;

never a value that differs from the truth. Every row that was not glued reads exactly as before.

The solver itself is checked against brute force: on random digit runs and random equations the
truth satisfies, :func:`gkparse.glue.solve` finds exactly the splits that filtering every split by
every equation finds, for one run and for runs linked by equations.

The runs are derandomized and database-free, so CI is reproducible; ``max_examples`` makes the
default run about 2,150 cases (``--hypothesis-show-statistics`` shows how many glued rows were
recovered and how many left out as ambiguous).
"""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate_corpus as gc  # noqa: E402
import report_builder as rb  # noqa: E402
from helpers import brute_splits  # noqa: E402

import gkparse  # noqa: E402
from gkparse.glue import GluedRun, solve, splits  # noqa: E402
from gkparse.template import Equation  # noqa: E402


def ci(examples: int):
    """Reproducible settings: a fixed derandomized search, no example database."""
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


KINDS = ("county", "district", "township", "department")
T3_MODES = ("run", "tail", "next", "last1", "last2", "last3")
LEGACY_MODES = ("run", "tail", "next", "last1")  # run = the unit glued before the value (件12)
T4_KEYS = tuple(f"{b}.{c}" for b in rb.BLOCKS for c in rb.OUTCOMES)


def check_glued_rows(text: str, truth: dict, glued: dict[str, tuple[str, ...]]) -> None:
    """Parse ``text`` and check the property for every glued row (``where`` → its flat keys)."""
    report = gkparse.parse(text, name="glued.txt")
    flat = gkparse.flatten(report)
    proven = {d.where for d in report.diagnostics if d.code == "glued_split"}
    ambiguous = {d.where for d in report.diagnostics if d.code == "ambiguous_split"}
    for where, keys in glued.items():
        got = {k: flat.get(k) for k in keys}
        want = {k: truth[k] for k in keys}
        if got == want:
            assert where in proven, (where, report.diagnostics)
            event("glued row recovered")
        else:
            assert all(v is None for v in got.values()), f"{where}: read {got}, truth {want}"
            assert where in ambiguous, (where, report.diagnostics)
            event("glued row left out as ambiguous")
    glued_keys = {k for keys in glued.values() for k in keys}
    for key, value in truth.items():
        if key not in glued_keys:
            assert flat.get(key) == value, f"{key}: read {flat.get(key)!r}, truth {value!r}"
    assert not [d for d in report.diagnostics if d.code in ("sum_mismatch", "table_missing")]


# --------------------------------------------------------------------------- tables 3 and 4 (eras 2019, 2021)


@st.composite
def national_cases(draw):
    era = draw(st.sampled_from(("2019", "2021")))
    kind = draw(st.sampled_from(KINDS))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    tables = gc.Tables({}, {})
    gc.draw_applications(rng, tables, era, kind)
    gc.draw_review_litigation(rng, tables, kind)
    rows = rb.table3_rows(era)
    chosen = draw(st.permutations(rows))[: draw(st.integers(1, 6))]
    glue = {row: draw(st.sampled_from(T3_MODES if row != rows[-1] else ("run", "tail"))) for row in chosen}
    if draw(st.booleans()):
        glue["review_litigation"] = "run"
    return era, {**rb.table2_values(era), **tables.truth}, glue


@ci(700)
@given(national_cases())
def test_glued_table3_and_table4_rows_are_recovered_or_left_out_never_wrong(case):
    era, values, glue = case
    text = rb.render_report(values, year=2020 if era == "2019" else 2022, glue=glue)
    glued = {
        ("review_litigation" if row == "review_litigation" else f"applications.{row}"): (
            T4_KEYS if row == "review_litigation" else tuple(f"applications.{row}.{c}" for c in rb.COLUMNS)
        )
        for row in glue
    }
    check_glued_rows(text, rb.expected_flat(values), glued)


COUNT = st.one_of(st.just(0), st.integers(0, 9), st.integers(0, 60), st.integers(0, 600))


@ci(250)
@given(st.lists(COUNT, min_size=12, max_size=12), st.sampled_from(("2019", "2021")))
def test_table4_as_one_run_is_recovered_or_left_out_never_wrong(parts, era):
    values = rb.default_values(era)
    for n, block in enumerate(rb.BLOCKS):
        four = parts[4 * n : 4 * n + 4]
        for col, v in zip(rb.OUTCOMES, (*four, sum(four))):
            values[f"{block}.{col}"] = v
    text = rb.render_report(values, year=2020 if era == "2019" else 2022, glue={"review_litigation": "run"})
    check_glued_rows(text, rb.expected_flat(values), {"review_litigation": T4_KEYS})


# --------------------------------------------------------------------------- the era-2008 form


@st.composite
def legacy_cases(draw):
    values = rb.legacy_values(random.Random(draw(st.integers(0, 2**32 - 1))))
    rows = rb.LEGACY_ROWS
    chosen = draw(st.permutations(rows))[: draw(st.integers(1, 8))]
    glue = {row: draw(st.sampled_from(LEGACY_MODES if row != rows[-1] else ("run", "tail"))) for row in chosen}
    return values, glue


@ci(600)
@given(legacy_cases())
def test_glued_era2008_rows_are_recovered_or_left_out_never_wrong(case):
    values, glue = case
    text = rb.render_legacy_report(values, glue=glue)
    check_glued_rows(text, rb.expected_flat(values), {f"legacy.{row}": (f"legacy.{row}",) for row in glue})


# --------------------------------------------------------------------------- the solver against brute force


@ci(250)
@given(st.text(alphabet="0123456789", max_size=11), st.integers(0, 7))
def test_splits_agree_with_brute_force(digits, n):
    expected = brute_splits(digits, n) if digits and n >= 1 and len(digits) >= n else []
    assert splits(digits, n) == expected


SMALL = st.one_of(st.integers(0, 9), st.integers(0, 120))


@st.composite
def glued_systems(draw):
    """One to three runs with true values, some known values, and random equations the truth
    satisfies (each balanced by a known value on its smaller side)."""
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    runs = [[f"r{r}.{p}" for p in range(size)] for r, size in enumerate(sizes)]
    truth = {k: draw(SMALL) for keys in runs for k in keys}
    known = {f"k{n}": draw(SMALL) for n in range(draw(st.integers(0, 3)))}
    truth.update(known)
    pool = sorted(truth)
    equations = []
    for n in range(draw(st.integers(0, 4))):
        left = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4, unique=True))
        right = draw(st.lists(st.sampled_from([k for k in pool if k not in left] or pool), max_size=4, unique=True))
        right = [k for k in right if k not in left]
        gap = sum(truth[k] for k in left) - sum(truth[k] for k in right)
        balance = f"b{n}"
        known[balance] = truth[balance] = abs(gap)
        left, right = (left, right + [balance]) if gap >= 0 else (left + [balance], right)
        equations.append(Equation(rule=f"E{n}", left=tuple(left), right=tuple(right)))
    return runs, truth, known, equations


@ci(350)
@given(glued_systems())
def test_the_solver_finds_exactly_what_brute_force_finds(system):
    runs, truth, known, equations = system
    glued = [GluedRun(where=f"r{r}", keys=tuple(keys), digits=("".join(str(truth[k]) for k in keys),)) for r, keys in enumerate(runs)]
    outcomes = solve(equations, known, glued)
    # Brute force: every combination of splits, filtered by every equation whose operands are all
    # known or glued.
    usable = [eq for eq in equations if all(k in known or k.startswith("r") for k in eq.left + eq.right)]
    per_run = [brute_splits(run.digits[0], len(run.keys)) for run in glued]
    found: list[set] = [set() for _ in glued]
    for combo in itertools.product(*per_run):
        values = dict(known)
        for run, split in zip(glued, combo):
            values.update(zip(run.keys, split))
        if all(sum(values[k] for k in eq.left) == sum(values[k] for k in eq.right) for eq in usable):
            for r, split in enumerate(combo):
                found[r].add(split)
    for run, outcome, expected in zip(glued, outcomes, found):
        true_split = tuple(truth[k] for k in run.keys)
        assert true_split in expected
        checked = any(set(eq.left + eq.right) & set(run.keys) for eq in usable)
        if len(expected) > 1:
            assert outcome.status == "ambiguous" and set(outcome.candidates) == expected
        elif len(run.keys) > 1 and not checked:
            assert outcome.status == "unsolved" and outcome.values is None
        else:
            assert outcome.status == "proven" and outcome.values == true_split
