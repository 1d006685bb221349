"""The scoring engine: turn a profile into a ranked list of core roles.

Pure: no I/O, no printing, no validation. `Engine(roles, matrix)` takes data that
`aicareer.data.load()` has already checked and compiles every rule's condition once
into plain closures over frozensets; `Engine.rank(profile)` only evaluates them.

How a score is made (docs/rules.md explains it for career coaches):

* every rule whose condition holds "fires" and adds its weight (maybe negative) to each
  core role it names; adjacent roles are never scored;
* a role's score is the sum, clamped to 0..100, and its band is the highest band whose
  `min_score` it reaches;
* roles are ordered by score, then by their position in roles.toml;
* the ranking is "close" when the top two are at most `scoring.close_margin` apart.

Speed (a batch scores many thousands of profiles a second): rules that look at one
field only are evaluated once per value of that field and remembered; and a role's
result depends only on which of its rules fired, so results are memoised per role by
that set, and a batch builds each distinct result object once. The memos are bounded,
never change a result, and are safe to share between threads (a race only recomputes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from aicareer.models import AllOf, AnyOf, Condition, Leaf, MatrixFile, NotOf, Profile, Role

__all__ = ["Engine", "Ranking", "Reason", "Recommendation"]


class Reason(NamedTuple):
    """One fired rule's effect on one role."""

    rule_id: str
    #: The rule's reason, as written in matrix.toml.
    text: str
    #: What this rule added to this role (negative: took away).
    points: int
    #: Source id the rule cites.
    source: str
    #: "matrix" (a row of the guide's Career Decision Matrix) or "fit".
    kind: str


class Recommendation(NamedTuple):
    role_id: str
    #: 0..100: the sum of the fired rules' weights for this role, clamped.
    score: int
    band: str
    #: The fired rules that touched this role, biggest |points| first (then file order).
    reasons: tuple[Reason, ...]
    timeline: str | None
    #: "matrix:<rule id>", "rule:<rule id>", "role" or "none".
    timeline_from: str


class Ranking(NamedTuple):
    #: Every core role once, best first.
    recommendations: tuple[Recommendation, ...]
    #: The top two are within scoring.close_margin points of each other.
    close: bool


# --- compiling conditions ------------------------------------------------------------------

#: A profile reduced to what conditions look at, in this order (see _facts()).
_Facts = tuple[str, int, frozenset[str], str, str, str]
_Test = Callable[[_Facts], bool]
#: A field's value -> bits of the one-field rules that fire for it.
_Memo = dict[str | int | frozenset[str], int]

#: Position of each field in _Facts. Closures on years and interests index f[1] and f[2]
#: literally, which keeps mypy's types exact.
_FIELD_INDEX = {"background": 0, "years": 1, "interests": 2, "company": 3, "coding": 4, "region": 5}
#: How many distinct results to remember per role before starting over.
_CACHE_LIMIT = 1 << 14


def _facts(profile: Profile) -> _Facts:
    return (
        profile.background,
        profile.years,
        frozenset(profile.interests),
        profile.company,
        profile.coding_level,
        profile.region,
    )


def _ids(value: int | str | list[str]) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, list):
        return frozenset(value)
    raise ValueError(f"expected an id or a list of ids, got {value!r}")


def _compile_leaf(leaf: Leaf) -> _Test:
    field, op, value = leaf.field, leaf.op, leaf.value
    if field == "years":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"years needs a whole number, got {value!r}")
        n = value
        if op == "equals":
            return lambda f: f[1] == n
        if op == "at-least":
            return lambda f: f[1] >= n
        if op == "at-most":
            return lambda f: f[1] <= n
    elif field == "interests":
        wanted = _ids(value)
        if op == "has-any":
            return lambda f: not wanted.isdisjoint(f[2])
        if op == "has-all":
            return lambda f: wanted <= f[2]
    else:
        i = _FIELD_INDEX[field]
        if op == "equals" and isinstance(value, str):
            one = value
            return lambda f: f[i] == one
        if op == "in":
            allowed = _ids(value)
            return lambda f: f[i] in allowed
    raise ValueError(f"operator {op!r} with value {value!r} does not apply to {field!r}")


def _compile_all(tests: Sequence[_Test]) -> _Test:
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        a, b = tests
        return lambda f: a(f) and b(f)
    ts = tuple(tests)

    def every(f: _Facts) -> bool:
        for t in ts:  # noqa: SIM110 - a plain loop is faster than all(generator)
            if not t(f):
                return False
        return True

    return every


def _compile_any(tests: Sequence[_Test]) -> _Test:
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        a, b = tests
        return lambda f: a(f) or b(f)
    ts = tuple(tests)

    def some(f: _Facts) -> bool:
        for t in ts:  # noqa: SIM110 - a plain loop is faster than any(generator)
            if t(f):
                return True
        return False

    return some


def _fields(cond: Condition) -> frozenset[str]:
    """The profile fields a condition looks at."""
    if isinstance(cond, Leaf):
        return frozenset((cond.field,))
    if isinstance(cond, AllOf):
        return frozenset().union(*(_fields(c) for c in cond.all))
    if isinstance(cond, AnyOf):
        return frozenset().union(*(_fields(c) for c in cond.any))
    return _fields(cond.not_)


def _compile(cond: Condition) -> _Test:
    if isinstance(cond, Leaf):
        return _compile_leaf(cond)
    if isinstance(cond, AllOf):
        return _compile_all([_compile(c) for c in cond.all])
    if isinstance(cond, AnyOf):
        return _compile_any([_compile(c) for c in cond.any])
    if isinstance(cond, NotOf):
        inner = _compile(cond.not_)
        return lambda f: not inner(f)
    raise TypeError(f"not a condition: {cond!r}")


# --- the engine ----------------------------------------------------------------------------


class _RoleTable:
    """What one core role needs at rank time, precomputed; plus its results so far."""

    __slots__ = ("cache", "mask", "reasons", "role", "timelines")

    def __init__(self, role: Role) -> None:
        self.role = role
        #: Bits of every rule that weights this role.
        self.mask = 0
        #: (bit, Reason), biggest |points| first, then file order.
        self.reasons: tuple[tuple[int, Reason], ...] = ()
        #: (bit, timeline, timeline_from), in order of preference.
        self.timelines: tuple[tuple[int, str, str], ...] = ()
        #: The role's result depends only on which of *its* rules fired: mask -> result.
        self.cache: dict[int, tuple[int, Recommendation]] = {}

    def recommend(self, mask: int, band_for: Sequence[str]) -> tuple[int, Recommendation]:
        raw = 0
        reasons = []
        for bit, reason in self.reasons:
            if mask & bit:
                raw += reason.points
                reasons.append(reason)
        score = min(100, max(0, raw))
        role = self.role
        timeline, frm = role.timeline, "role" if role.timeline is not None else "none"
        for bit, text, source in self.timelines:
            if mask & bit:
                timeline, frm = text, source
                break
        rec = Recommendation(role.id, score, band_for[score], tuple(reasons), timeline, frm)
        return score, rec


class Engine:
    """Ranks profiles against one set of roles and rules.

    Results are memoised per role by which of that role's rules fired, so a batch pays for
    building each distinct result object once; the memo is bounded and never changes a
    result.
    """

    def __init__(self, roles: Sequence[Role], matrix: MatrixFile) -> None:
        known = {r.id for r in roles}
        tables = [_RoleTable(r) for r in roles if r.kind == "core"]
        by_id = {t.role.id: t for t in tables}
        reasons: dict[str, list[tuple[tuple[int, int], int, Reason]]] = {r: [] for r in by_id}
        timelines: dict[str, list[tuple[tuple[int, int, int], int, str, str]]] = {
            r: [] for r in by_id
        }
        tests: list[tuple[int, _Test]] = []
        for i, rule in enumerate(matrix.rules):
            bit = 1 << i
            tests.append((bit, _compile(rule.when)))
            for role_id, points in rule.weights.items():
                if role_id not in known:
                    raise ValueError(f"rule {rule.id!r} weights unknown role {role_id!r}")
                table = by_id.get(role_id)
                if table is None:  # adjacent roles are for comparison only, never scored
                    continue
                table.mask |= bit
                reason = Reason(rule.id, rule.reason, points, rule.source, rule.kind)
                reasons[role_id].append(((-abs(points), i), bit, reason))
                if rule.timeline is not None and points > 0:
                    # Matrix rows first, then fit rules; within each the highest weight,
                    # then file order.
                    tier = 0 if rule.kind == "matrix" else 1
                    frm = f"{'matrix' if tier == 0 else 'rule'}:{rule.id}"
                    timelines[role_id].append(((tier, -points, i), bit, rule.timeline, frm))
        for table in tables:
            rs = sorted(reasons[table.role.id], key=lambda e: e[0])
            table.reasons = tuple((bit, reason) for _, bit, reason in rs)
            ts = sorted(timelines[table.role.id], key=lambda e: e[0])
            table.timelines = tuple((bit, text, frm) for _, bit, text, frm in ts)
        self._tables: tuple[_RoleTable, ...] = tuple(tables)
        self._tests: tuple[tuple[int, _Test], ...] = tuple(tests)
        # Rules that look at one field only are evaluated once per value of that field
        # and remembered (there are few backgrounds, companies, years, interest sets);
        # the rest run their closures on every call.
        by_field: dict[int, list[tuple[int, _Test]]] = {}
        multi: list[tuple[int, _Test]] = []
        for rule, (bit, test) in zip(matrix.rules, tests, strict=True):
            fields = _fields(rule.when)
            if len(fields) == 1:
                by_field.setdefault(_FIELD_INDEX[next(iter(fields))], []).append((bit, test))
            else:
                multi.append((bit, test))
        self._by_field: tuple[tuple[int, tuple[tuple[int, _Test], ...], _Memo], ...] = tuple(
            (fi, tuple(ts), {}) for fi, ts in sorted(by_field.items())
        )
        self._multi: tuple[tuple[int, _Test], ...] = tuple(multi)
        self._rule_ids: tuple[str, ...] = tuple(r.id for r in matrix.rules)
        bands = sorted(matrix.scoring.bands, key=lambda b: -b.min_score)
        self._band_for: tuple[str, ...] = tuple(
            next((b.name for b in bands if score >= b.min_score), bands[-1].name)
            for score in range(101)
        )
        self._close_margin = matrix.scoring.close_margin

    def fired(self, profile: Profile) -> list[str]:
        """Ids of the rules whose condition holds for this profile, in file order."""
        facts = _facts(profile)
        ids = self._rule_ids
        return [ids[bit.bit_length() - 1] for bit, test in self._tests if test(facts)]

    def rank(self, profile: Profile) -> Ranking:
        """Every core role, best first. Deterministic: same profile, same ranking."""
        facts = _facts(profile)
        mask = 0
        for fi, tests, memo in self._by_field:
            part = memo.get(facts[fi])
            if part is None:
                part = 0
                for bit, test in tests:
                    if test(facts):
                        part |= bit
                if len(memo) >= _CACHE_LIMIT:
                    memo.clear()
                memo[facts[fi]] = part
            mask |= part
        for bit, test in self._multi:
            if test(facts):
                mask |= bit
        scored: list[tuple[int, int, Recommendation]] = []
        for i, table in enumerate(self._tables):
            key = mask & table.mask
            hit = table.cache.get(key)
            if hit is None:
                hit = table.recommend(key, self._band_for)
                if len(table.cache) >= _CACHE_LIMIT:
                    table.cache.clear()
                table.cache[key] = hit
            scored.append((-hit[0], i, hit[1]))
        # Higher score first; equal scores keep roles.toml order (i is unique, so the
        # Recommendation itself is never compared).
        scored.sort()
        recs = tuple(entry[2] for entry in scored)
        close = len(recs) >= 2 and recs[0].score - recs[1].score <= self._close_margin
        return Ranking(recs, close)
