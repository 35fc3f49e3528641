"""Glued cells: cutting a run of digits back into the values it was printed from.

The problem (templates.md §5.2). Crawlers that take a page's text without cell separators print a
table row as one token: table 3's row 自然人 35, five organisation columns 2/0/0/0/0 and 总计 37
comes out as ``352000037``; the next row's list number can stick to the end of the run
(``…326.属于四类过程性信息``: the run is ``32``, the label ``6.属于四类过程性信息``); an era-2008
row glues its unit to its value (``件12``); table 4's fifteen numbers come as one run. Nothing in
the digits says where one value ends and the next begins.

The method. The only evidence is the table's own arithmetic — the hard invariants its template
declares as data (:class:`~gkparse.template.Equation`: row identity T3.3, column identities
T3.1/T3.2, T4.1, the era-2008 sums A1–A6) — and the number of values the template gives the row.
:func:`solve` works in two steps:

1. *Row candidates.* For each run, every way to cut its digits into the run's ``n`` values
   (:func:`splits`: non-negative integers, no leading zeros except ``0`` itself) that satisfies
   every invariant whose operands are then all known from this run and the values read with
   certainty. For a table-3 row that is its row identity 总计 = 自然人 + …, which leaves a handful
   of splits out of hundreds. The values are placed left to right, and after each one the
   equations bound the values still to place: a value they force (a row total, once its parts are
   placed) must be printed exactly there, so it is looked up, never enumerated; no value may be
   longer than its upper bound; and the digits left must have room for every lower bound. A long
   run is thus never expanded in full (table 4: each block of five is settled before the next).
2. *Whole table.* Runs that share an equation (a column identity over several glued rows) are
   solved together: backtracking over their row candidates, fewest first, checking each equation
   when its last run is placed and pruning with the bounds of the runs not yet placed. Every
   solution is enumerated, so each run ends with the set of splits that some full solution uses.

The never-guess rule. A wrong number is the one outcome that is never acceptable. A run is assigned
only when exactly one split survives *and* the arithmetic actually checked it (a run of several
values that no invariant touches is not proven by anything, however few its splits). Otherwise its
values are left out: ``ambiguous_split`` when several splits satisfy every invariant (they are
listed), when the digits may not be glued values at all (a list number that may have taken them
all), or when a work limit was reached before the search finished; ``row_unreadable`` when no
split satisfies them, or when the table's certain values already break an invariant (its
arithmetic then proves nothing). On a consistent table the true split is always a solution, so a
unique solution is the true one; the limits (:class:`Limits`) only ever turn an answer into
"ambiguous", never into a guess.

The module is pure: no I/O, no document access. :mod:`gkparse.tables` finds the runs and turns the
outcomes into figures and diagnostics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Literal, Optional, Union

from attrs import frozen

from .model import Diagnostic, Span
from .template import Equation

__all__ = ["splits", "iter_splits", "GluedRun", "Outcome", "Limits", "Budget", "solve"]

Number = Union[int, Decimal]
Split = tuple[Number, ...]

_DIGITS_RE = re.compile(r"[0-9]+")
_DECIMAL_RE = re.compile(r"(?:0|[1-9][0-9]*)\.[0-9]+")


# --------------------------------------------------------------------------- splitting digits


def iter_splits(digits: str, n: int) -> Iterator[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``n`` non-negative integers, in lexicographic order of the
    cut positions. No value has a leading zero except ``0`` itself: ``"00"`` is ``(0, 0)``, and
    ``"05"`` cannot be one value."""
    if n < 1 or not _DIGITS_RE.fullmatch(digits or "") or len(digits) < n:
        return
    parts: list[int] = [0] * n

    def walk(off: int, p: int) -> Iterator[tuple[int, ...]]:
        if p == n - 1:
            rest = digits[off:]
            if rest[0] != "0" or len(rest) == 1:
                parts[p] = int(rest)
                yield tuple(parts)
            return
        longest = 1 if digits[off] == "0" else len(digits) - off - (n - p - 1)
        for width in range(1, longest + 1):
            parts[p] = int(digits[off : off + width])
            yield from walk(off + width, p + 1)

    yield from walk(0, 0)


def splits(digits: str, n: int) -> list[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``n`` non-negative integers (see :func:`iter_splits`).

    >>> splits("1010", 2)
    [(10, 10), (101, 0)]
    >>> splits("00", 2), splits("05", 1)
    ([(0, 0)], [])
    """
    return list(iter_splits(digits, n))


# --------------------------------------------------------------------------- data


@frozen(kw_only=True)
class GluedRun:
    """A run of digits printed where ``len(keys)`` values should be.

    ``digits`` holds the readings of the run: usually one; two when the next row's list number may
    have taken one or two of its last digits and the template does not say which (``3121.当面申请数``:
    ``312`` or ``31``). An empty reading says the digits may not be glued values at all (``51.…``
    may be the label numbered 51): such a run is never proven, and no other run leans on it. A
    reading with a decimal point is allowed for a single value only.
    ``where`` names the row as diagnostics do (its flat key, ``applications.new``); ``label``,
    ``raw`` and ``span`` say what was printed and where.
    """

    where: str
    keys: tuple[str, ...]
    digits: tuple[str, ...]
    label: str = ""
    raw: str = ""
    span: Optional[Span] = None


Status = Literal["proven", "ambiguous", "unsolved"]


@frozen(kw_only=True)
class Outcome:
    """What :func:`solve` decided for one run.

    ``proven``: ``values`` is the only split that satisfies every invariant, and ``rules`` checked
    it. ``ambiguous``: ``candidates`` lists the splits that do (or those found before a work limit
    stopped the search); the values are left out. ``unsolved``: no split can be proven (``reason``
    says why); the values are left out.
    """

    run: GluedRun
    status: Status
    values: Optional[Split] = None
    candidates: tuple[Split, ...] = ()
    rules: tuple[str, ...] = ()
    reason: str = ""

    def diagnostic(self, source: str, table: str) -> Diagnostic:
        """The diagnostic of this outcome: ``glued_split`` (info) when proven, ``ambiguous_split``
        (warning) when several splits fit, ``row_unreadable`` (warning) when none can be proven."""
        run = self.run
        what = f"{source}: {table}, row {run.label or run.where!r}: {len(run.keys)} value(s) printed glued together as {run.raw or run.digits[0]!r}"
        rules = ", ".join(self.rules)
        if self.status == "proven":
            proof = f"the only split that satisfies {rules}, so it was taken (proven by the table's arithmetic)" if rules else "the only reading of the digits, so it was taken"
            return Diagnostic(code="glued_split", severity="info", message=f"{what}; {_fmt(self.values)} is {proof}", where=run.where, span=run.span)
        if self.status == "ambiguous":
            listed = ""
            if self.candidates:
                more = f" (and {len(self.candidates) - _SHOWN} more)" if len(self.candidates) > _SHOWN else ""
                listed = ": " + " or ".join(_fmt(c) for c in self.candidates[:_SHOWN]) + more
            return Diagnostic(
                code="ambiguous_split",
                severity="warning",
                message=f"{what}; {self.reason}{listed}; its values are left out, not guessed",
                where=run.where,
                span=run.span,
            )
        return Diagnostic(
            code="row_unreadable",
            severity="warning",
            message=f"{what}; {self.reason}; its values are left out",
            where=run.where,
            span=run.span,
        )


_SHOWN = 12


def _fmt(values) -> str:
    return "[" + ", ".join(format(v, "f") if isinstance(v, Decimal) else str(v) for v in values) + "]"


@frozen(kw_only=True)
class Limits:
    """Work limits. Reaching one makes the runs concerned ambiguous, never guessed.

    ``candidates``: splits kept per run after its own checks; ``steps``: enumeration steps per run;
    ``solutions``: whole-table solutions per group of linked runs; ``search_steps``: backtracking
    steps per group.
    """

    candidates: int = 2000
    steps: int = 50_000
    solutions: int = 2000
    search_steps: int = 200_000


class Budget:
    """Steps left for every solve of one document, drawn by both enumerations.

    :class:`Limits` bound each run and each group of runs; a document may still hold many glued
    runs, and a table may be read with two candidate templates, each solving the same runs. The
    reader passes one budget to all the solves of a document, so that the work on one document
    stays bounded (about half a second) whatever its damage: what the budget cannot check is
    ambiguous, never guessed.
    """

    __slots__ = ("steps",)

    def __init__(self, steps: int = 60_000) -> None:
        self.steps = steps


class _LimitReached(Exception):
    pass


class _BudgetSpent(_LimitReached):
    pass


# --------------------------------------------------------------------------- constraints


@frozen
class _Constraint:
    """``sum(coefficient * value) == 0`` over flat keys: one instance of an :class:`Equation`."""

    rule: str
    terms: tuple[tuple[str, int], ...]


def _constraints(equations: Iterable[Equation]) -> list[_Constraint]:
    """The hard (``severity="error"``) equation instances as constraints. Soft rules may fail in a
    correct source, so they never prune a split."""
    out = []
    for eq in equations:
        if eq.severity != "error":
            continue
        for _column, left, right in eq.instances():
            coef: dict[str, int] = {}
            for k in left:
                coef[k] = coef.get(k, 0) + 1
            for k in right:
                coef[k] = coef.get(k, 0) - 1
            terms = tuple((k, c) for k, c in coef.items() if c)
            if terms:
                out.append(_Constraint(eq.rule, terms))
    return out


def _rules(constraints: Iterable[_Constraint]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.rule for c in constraints))


def _value(text: str) -> Optional[Number]:
    """One value read from a whole reading (a single-value run): an integer, or a decimal amount."""
    if _DIGITS_RE.fullmatch(text):
        return int(text) if (text[0] != "0" or len(text) == 1) else None
    if _DECIMAL_RE.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
            return None
    return None


# --------------------------------------------------------------------------- step 1: one run


def _ceil_div(a: Number, b: int) -> int:
    return int(-((-a) // b))


def _bounds(pending: Sequence[tuple[int, tuple, tuple]], sums: Sequence[Number]):
    """What the constraints say about the parts not yet placed: ``(forced, low, high)`` values by
    position, or ``None`` when some constraint cannot hold.

    ``pending`` lists, per constraint, its index and its unplaced operands with a positive and with
    a negative coefficient; ``sums`` holds each constraint's constant plus its placed operands. Over
    non-negative parts, a constraint with one unplaced operand forces it; with one unplaced operand
    on one side, bounds it from below (a row total is at least the sum of the parts placed); with
    every unplaced operand on one side, bounds each from above.
    """
    forced: dict[int, int] = {}
    low: dict[int, int] = {}
    high: dict[int, int] = {}
    for ci, pos, neg in pending:
        total = sums[ci]  # total + sum(pos) - sum(neg) == 0
        if not pos and not neg:
            if total != 0:
                return None
        elif not neg or not pos:
            side, need = (pos, -total) if not neg else (neg, total)
            if need < 0:
                return None
            if len(side) == 1:
                q, coef = side[0]
                if need % coef:
                    return None
                v = int(need // coef)
                if forced.setdefault(q, v) != v:
                    return None
            else:
                for q, coef in side:
                    cap = int(need // coef)
                    if cap < high.get(q, cap + 1):
                        high[q] = cap
        else:
            if len(pos) == 1 and total < 0:
                q, coef = pos[0]
                low[q] = max(low.get(q, 0), _ceil_div(-total, coef))
            if len(neg) == 1 and total > 0:
                q, coef = neg[0]
                low[q] = max(low.get(q, 0), _ceil_div(total, coef))
    for q, v in forced.items():
        if v < low.get(q, 0) or v > high.get(q, v):
            return None
    return forced, low, high


def _run_candidates(run: GluedRun, local: Sequence[_Constraint], known: Mapping[str, Number], limits: Limits, budget: Budget) -> list[Split]:
    """Every split of ``run`` (over all its readings) that satisfies the ``local`` constraints —
    those whose operands are all known or in this run. Raises :class:`_LimitReached`.

    The parts are placed left to right. After each, the constraints bound the parts still to place
    (:func:`_bounds`): a part whose value is forced must be printed as exactly that number (a row
    total is looked up, never enumerated), no part is longer than its upper bound allows, and the
    digits left must have room for every part at its lower bound.
    """
    n = len(run.keys)
    position = {k: p for p, k in enumerate(run.keys)}
    consts: list[Number] = []
    terms_at: list[list[tuple[int, int]]] = [[] for _ in range(n)]  # position -> (constraint, coefficient)
    operands = []
    for ci, c in enumerate(local):
        consts.append(sum(coef * known[k] for k, coef in c.terms if k not in position))
        mine = [(position[k], coef) for k, coef in c.terms if k in position]
        for q, coef in mine:
            terms_at[q].append((ci, coef))
        operands.append(mine)
    # pending[p]: per constraint still open once parts 0..p-1 are placed, its unplaced operands by sign.
    pending = []
    for p in range(n + 1):
        rows = []
        for ci, mine in enumerate(operands):
            if max(q for q, _ in mine) < p - 1:
                continue  # complete and checked before
            rows.append((ci, tuple((q, c) for q, c in mine if q >= p and c > 0), tuple((q, -c) for q, c in mine if q >= p and c < 0)))
        pending.append(rows)

    found: dict[Split, None] = {}
    steps = 0
    for digits in run.digits:
        if n == 1:
            value = _value(digits)
            if value is not None and all(const + coef * value == 0 for const, mine in zip(consts, operands) for _, coef in mine):
                found[(value,)] = None
            continue
        if not _DIGITS_RE.fullmatch(digits) or len(digits) < n:
            continue
        size = len(digits)
        parts: list[int] = [0] * n

        def walk(off: int, p: int, sums: list, forced: dict, low: dict, high: dict) -> None:
            nonlocal steps
            steps += 1
            if steps > limits.steps:
                raise _LimitReached
            budget.steps -= 1
            if budget.steps < 0:
                raise _BudgetSpent
            after = n - p - 1  # parts still to place after this one
            if p in forced:
                text = str(forced[p])
                widths: Iterable[int] = (len(text),) if digits.startswith(text, off) else ()
            elif after == 0:
                widths = (size - off,)
            else:
                longest = 1 if digits[off] == "0" else size - off - after
                if p in high:
                    longest = min(longest, len(str(high[p])))
                widths = range(len(str(low[p])) if low.get(p) else 1, longest + 1)
            for width in widths:
                end = off + width
                if (after == 0 and end != size) or size - end < after or (width > 1 and digits[off] == "0"):
                    continue
                parts[p] = value = int(digits[off:end])
                if value < low.get(p, 0) or value > high.get(p, value):
                    continue
                new_sums = sums[:]
                for ci, coef in terms_at[p]:
                    new_sums[ci] += coef * value
                bounds = _bounds(pending[p + 1], new_sums)
                if bounds is None:
                    continue
                if after == 0:
                    found[tuple(parts)] = None
                    if len(found) > limits.candidates:
                        raise _LimitReached
                    continue
                nf, nl, nh = bounds
                # The digits left must have room for every part at its least length.
                need = after + sum(len(str(v)) - 1 for v in nf.values()) + sum(len(str(v)) - 1 for q, v in nl.items() if q not in nf)
                if need <= size - end:
                    walk(end, p + 1, new_sums, nf, nl, nh)

        start = _bounds(pending[0], consts)
        if start is not None:
            walk(0, 0, list(consts), *start)
    return list(found)


# --------------------------------------------------------------------------- step 2: linked runs


def _search(
    members: Sequence[int],
    cands: Mapping[int, list[Split]],
    runs: Sequence[GluedRun],
    cross: Sequence[_Constraint],
    known: Mapping[str, Number],
    limits: Limits,
    budget: Budget,
) -> dict[int, dict[Split, None]]:
    """Backtrack over the candidates of the linked runs ``members``; return, per run, the splits
    some full solution uses. Raises :class:`_LimitReached`."""
    order = sorted(members, key=lambda r: len(cands[r]))
    depth = {r: d for d, r in enumerate(order)}
    where = {k: (r, p) for r in members for p, k in enumerate(runs[r].keys)}
    # Per constraint: its constant (known operands) and, per depth, the bounds of what the runs
    # not yet placed can still add.
    consts: list[Number] = []
    touching: list[list[int]] = [[] for _ in order]  # depth -> constraints touching that run
    contrib: dict[int, list[tuple[Number, ...]]] = {}  # run -> per candidate, its share of each touching constraint
    remaining_lo: list[list[Number]] = []
    remaining_hi: list[list[Number]] = []
    lo_hi = {
        (r, p): (min(c[p] for c in cands[r]), max(c[p] for c in cands[r])) for r in members for p in range(len(runs[r].keys))
    }
    for ci, c in enumerate(cross):
        consts.append(sum(coef * known[k] for k, coef in c.terms if k not in where))
        lo = [0] * (len(order) + 1)
        hi = [0] * (len(order) + 1)
        per_depth: dict[int, list[tuple[int, int]]] = {}
        for k, coef in c.terms:
            if k in where:
                r, p = where[k]
                per_depth.setdefault(depth[r], []).append((p, coef))
        for d in range(len(order) - 1, -1, -1):
            lo[d], hi[d] = lo[d + 1], hi[d + 1]
            for p, coef in per_depth.get(d, ()):
                a, b = lo_hi[(order[d], p)]
                lo[d] += min(coef * a, coef * b)
                hi[d] += max(coef * a, coef * b)
        remaining_lo.append(lo)
        remaining_hi.append(hi)
        for d in per_depth:
            touching[d].append(ci)
    for d, r in enumerate(order):
        terms_of = []
        for ci in touching[d]:
            terms_of.append(tuple((where[k][1], coef) for k, coef in cross[ci].terms if k in where and where[k][0] == r))
        contrib[r] = [tuple(sum(coef * cand[p] for p, coef in terms) for terms in terms_of) for cand in cands[r]]

    partial = list(consts)
    chosen = [0] * len(order)
    used: dict[int, dict[Split, None]] = {r: {} for r in members}
    steps = 0
    solutions = 0

    def walk(d: int) -> None:
        nonlocal steps, solutions
        if d == len(order):
            solutions += 1
            if solutions > limits.solutions:
                raise _LimitReached
            for dd, r in enumerate(order):
                used[r][cands[r][chosen[dd]]] = None
            return
        r = order[d]
        for index, shares in enumerate(contrib[r]):
            steps += 1
            if steps > limits.search_steps:
                raise _LimitReached
            budget.steps -= 1
            if budget.steps < 0:
                raise _BudgetSpent
            fits = True
            for ci, share in zip(touching[d], shares):
                partial[ci] += share
            for ci in touching[d]:
                # What is left to place must be able to bring the sum back to zero.
                if not (remaining_lo[ci][d + 1] <= -partial[ci] <= remaining_hi[ci][d + 1]):
                    fits = False
                    break
            if fits:
                chosen[d] = index
                walk(d + 1)
            for ci, share in zip(touching[d], shares):
                partial[ci] -= share

    walk(0)
    return used


# --------------------------------------------------------------------------- solve


def _too_much(exc: _LimitReached, reason: str) -> str:
    if isinstance(exc, _BudgetSpent):
        return "the document's glued runs used up the solver's work budget before this one could be checked"
    return reason


def solve(
    equations: Iterable[Equation],
    known: Mapping[str, Optional[Number]],
    runs: Sequence[GluedRun],
    *,
    limits: Limits = Limits(),
    budget: Optional[Budget] = None,
) -> tuple[Outcome, ...]:
    """Decide every glued run of one table (see the module docstring); one outcome per run, in order.

    :param equations: the table's invariants (:attr:`TableTemplate.invariants`); only the hard ones
        are used, each instance only when all its operands are known or glued.
    :param known: the values read with certainty, by flat key (``None`` for empty cells: unknown).
    :param runs: the glued runs; their keys must not overlap each other or ``known``.
    :param budget: the steps the enumerations may still take, shared with the document's other
        solves (default: a fresh :class:`Budget` for this call).
    """
    runs = tuple(runs)
    budget = Budget() if budget is None else budget
    owner = {}
    for r, run in enumerate(runs):
        for k in run.keys:
            if k in owner:
                raise ValueError(f"glued runs overlap at {k!r}")
            owner[k] = r
    known = {k: v for k, v in known.items() if v is not None and k not in owner}
    usable = [c for c in _constraints(equations) if all(k in known or k in owner for k, _ in c.terms)]

    # A table whose printed values already break its arithmetic cannot prove anything with it.
    broken = [c for c in usable if all(k in known for k, _ in c.terms) and sum(coef * known[k] for k, coef in c.terms) != 0]
    if broken:
        reason = f"the table's other values already break {', '.join(_rules(broken))}, so its arithmetic cannot prove a split"
        return tuple(Outcome(run=run, status="unsolved", reason=reason) for run in runs)

    runs_of = [frozenset(owner[k] for k, _ in c.terms if k in owner) for c in usable]
    local = {r: [c for c, rs in zip(usable, runs_of) if rs == {r}] for r in range(len(runs))}
    outcomes: dict[int, Outcome] = {}
    cands: dict[int, list[Split]] = {}
    for r, run in enumerate(runs):
        # A run taken out of play drops the constraints it shares, which only widens the others'.
        try:
            found = _run_candidates(run, local[r], known, limits, budget)
        except _LimitReached as exc:
            outcomes[r] = Outcome(run=run, status="ambiguous", rules=_rules(local[r]), reason=_too_much(exc, "the run admits too many splits to check them all"))
            continue
        if "" in run.digits:
            outcomes[r] = Outcome(
                run=run,
                status="ambiguous",
                candidates=tuple(found),
                rules=_rules(local[r]),
                reason="the digits may also all be the next label's list number, leaving no value for the row"
                + ("; read as glued values, they split as" if found else ""),
            )
            continue
        cands[r] = found

    # A run no split fits means the table's arithmetic does not hold as read: it proves nothing.
    failed = [r for r in cands if not cands[r]]
    if failed:
        for r in cands:
            reason = (
                f"no split satisfies {', '.join(_rules(local[r])) or 'the row'}"
                if r in failed
                else "another glued row of the table has no split that fits the arithmetic, so the arithmetic cannot prove this one"
            )
            outcomes[r] = Outcome(run=runs[r], status="unsolved", rules=_rules(local[r]), reason=reason)
        return tuple(outcomes[r] for r in range(len(runs)))

    in_play = frozenset(cands)
    # Constraints over several runs in play link those runs into groups solved together.
    live = [(c, rs) for c, rs in zip(usable, runs_of) if len(rs) > 1 and rs <= in_play]
    parent = {r: r for r in cands}

    def find(r: int) -> int:
        while parent[r] != r:
            r = parent[r]
        return r

    for _c, rs in live:
        first, *rest = rs
        for r in rest:
            parent[find(r)] = find(first)
    groups: dict[int, list[int]] = {}
    for r in cands:
        groups.setdefault(find(r), []).append(r)

    for members in groups.values():
        cross = [c for c, rs in live if find(next(iter(rs))) == find(members[0])]
        checked = {r: _rules(local[r] + [c for c, rs in live if r in rs]) for r in members}
        try:
            used = _search(members, cands, runs, cross, known, limits, budget) if cross else {r: dict.fromkeys(cands[r]) for r in members}
        except _LimitReached as exc:
            for r in members:
                outcomes[r] = Outcome(
                    run=runs[r],
                    status="ambiguous",
                    candidates=tuple(cands[r]),
                    rules=checked[r],
                    reason=_too_much(exc, "too many combinations of splits to check them all") + "; the splits that fit the row alone are",
                )
            continue
        for r in members:
            found = tuple(used[r])
            run, rules = runs[r], checked[r]
            if not found:
                outcomes[r] = Outcome(run=run, status="unsolved", rules=rules, reason=f"no combination of splits satisfies {', '.join(rules)}")
            elif len(found) > 1:
                outcomes[r] = Outcome(
                    run=run,
                    status="ambiguous",
                    candidates=found,
                    rules=rules,
                    reason=f"{len(found)} splits satisfy every invariant ({', '.join(rules) or 'none applies'})",
                )
            elif len(run.keys) > 1 and not rules:
                outcomes[r] = Outcome(run=run, status="unsolved", candidates=found, reason="no invariant of the table can check a split of it")
            else:
                outcomes[r] = Outcome(run=run, status="proven", values=found[0], candidates=found, rules=rules)
    return tuple(outcomes[r] for r in range(len(runs)))
