"""The recommendation engine: a profile in, every core role ranked out. Pure: no I/O.

Two questions are answered apart (docs/rules.md is generated from the data and says the
same thing for career coaches):

* FIT (0-100): does the work match what the person wants? For each interest the data
  gives each role a weight; a role's fit is `fit_best`% of its best weight plus `fit_mean`%
  of its average weight over the person's interests, plus the company's and the "who it
  suits" points, kept within 0-100. Background plays no part, so a writer and an engineer
  whose interests match a role equally get the same fit.
* READINESS (0-100): how far is the role from where they stand? The first route (a
  source's own way in from a starting point) whose condition holds gives readiness, the
  timeline and its source; without one, the role's estimate for the person's starting
  point. Each coding level short of the role's costs `coding_shortfall` points.
* A role whose requirements are not met is *later*: its readiness is capped and it is
  ranked after every role the person can aim at now.

score = (fit_weight x fit + readiness_weight x readiness) / 100, rounded half up. Ready
roles come first, then later ones; within each, roles that match at least one interest
(`no_clear_fit_below`) come before those that match none; then by score, readiness (the
shorter way in) and demand_rank. Nothing depends on the order of roles in roles.toml.

`Engine.rank()` returns only numbers and references, memoised per distinct profile (a
cohort repeats itself); `Engine.explain()` builds the reasons for one role on demand.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Mapping
from operator import getitem
from typing import Any, NamedTuple, cast

from aicareer.engine.conditions import Facts as _Facts
from aicareer.engine.conditions import Test as _Test
from aicareer.engine.conditions import compile_condition, expand, facts, leaves
from aicareer.engine.ranking import Check, Explanation, Ranking, Readiness, Reason, RoleResult
from aicareer.records.models import Profile
from aicareer.records.rulemodels import CompanyFit, MatrixFile

__all__ = ["Check", "Engine", "Explanation", "Ranking", "Readiness", "Reason", "RoleResult"]

#: Coding levels, lowest first.
CODING_ORDER = ("none", "basic", "professional")
_LEVEL = {c: i for i, c in enumerate(CODING_ORDER)}
#: How many rankings, and how many parts of one, to remember before starting over: enough
#: for a cohort's repeats (the shipped data has about 7,700 readiness parts and 7,200 fit
#: parts), small enough to keep memory flat (~40 MiB at most).
_MEMO_LIMIT = 1 << 12
_PART_LIMIT = 1 << 14
#: Fit parts by the answers they came from: a shortcut past the "suits" rules, kept small
#: (a miss only reruns those rules; the fit part itself is remembered above).
_ANSWER_LIMIT = 1 << 14


# --- the engine ----------------------------------------------------------------------------


class _Route(NamedTuple):
    test: _Test
    readiness: Readiness
    reason: str


class _Req(NamedTuple):
    group: frozenset[str] | None
    group_name: str | None
    min_years: int | None
    coding: int | None
    reason: str
    source: str


class _Role(NamedTuple):
    id: str
    demand_rank: int
    comfort: int
    estimates: Mapping[str, int]
    #: interest -> weight
    affinity: Mapping[str, int]
    routes: tuple[_Route, ...]
    reqs: tuple[_Req, ...]
    #: the interests and companies this role's routes look at (its readiness depends on
    #: no other interest or company)
    interests: frozenset[str]
    companies: frozenset[str]


class _ScoreTable(dict[int, int]):
    """One role's `order` integer for one fit, by the readiness part's key for the role
    (`ReadyPart.key`: the readiness score, plus 128 if the role is not ready), filled in
    on first use: a lookup that misses computes the score, `(fit_weight x fit +
    readiness_weight x readiness) / 100` rounded half up, and keeps the whole integer
    ((not ready) << 40 | (no match) << 39 | (100 - score) << 30 | (100 - readiness) << 20
    | demand_rank, then the role's index). A hit is a plain dict lookup, so
    `Engine.order` runs at C speed."""

    __slots__ = ("fit", "rest", "rw", "shift")

    def __init__(self, fit: float, rw: int, shift: int, rest: int) -> None:
        super().__init__()
        #: fit_weight x fit
        self.fit = fit
        self.rw, self.shift, self.rest = rw, shift, rest

    def __missing__(self, key: int) -> int:
        readiness, later = key & 0x7F, key >> 7
        score = int((self.fit + self.rw * readiness) / 100 + 0.5)
        shift = self.shift
        found = self[key] = (
            (later << 10 | 100 - score) << shift | (100 - readiness) << shift - 10 | self.rest
        )
        return found


class FitPart(NamedTuple):
    """Per role (in `Engine.role_ids` order), what fit adds to a ranking. Only what a
    ranking reads is kept (the exact fit is in the score tables): a batch run keeps
    thousands of these."""

    #: fit as shown, rounded half up
    shown: tuple[int, ...]
    #: bit i set: role i matches at least one interest (the best interest's weight plus
    #: company and "suits" points reach no_clear_fit_below)
    matched: int
    #: per role, `ReadyPart.key` -> the role's `order` integer
    table: tuple[_ScoreTable, ...]


class ReadyPart(NamedTuple):
    """Per role (in `Engine.role_ids` order), what readiness adds to a ranking."""

    readiness: tuple[Readiness, ...]
    #: bit i set: role i is ready (no requirement missed)
    ready_mask: int
    #: per role, the key into `FitPart.table`: the readiness score, plus 128 if not ready
    key: tuple[int, ...]


def _round(x: float) -> int:
    """Round half up (Python's round() goes to even: 62.5 -> 62)."""
    return int(x + 0.5)


class Engine:
    """Ranks profiles against one validated MatrixFile. Deterministic and thread-safe."""

    def __init__(self, matrix: MatrixFile) -> None:
        self.matrix = matrix
        s = matrix.scoring
        self._fw, self._rw = s.fit_weight, s.readiness_weight
        self._best, self._mean = s.fit_best, s.fit_mean
        self._close = s.close_margin
        self._no_fit = s.no_clear_fit_below
        self._shortfall = s.coding_shortfall
        self._cap = s.later_readiness_cap
        bands = sorted(s.bands, key=lambda b: -b.min_score)
        self.band_for = tuple(
            next((b.name for b in bands if score >= b.min_score), bands[-1].name)
            for score in range(101)
        )
        groups = matrix.groups
        self._groups = groups
        self._group_names = matrix.group_names
        self._starts: dict[str, str] = {str(k): v for k, v in matrix.starts.items()}
        roles: list[_Role] = []
        for rs in matrix.roles:
            affinity: dict[str, int] = {
                a.interest: a.weights[rs.id] for a in matrix.fit if rs.id in a.weights
            }
            routes = tuple(
                _Route(
                    compile_condition(r.when, groups),
                    Readiness(
                        r.readiness,
                        r.timeline,
                        (r.months[0], r.months[1]) if r.months else None,
                        r.source,
                        r.audience,
                        r.id,
                        r.matrix,
                    ),
                    r.reason,
                )
                for r in matrix.routes
                if r.role == rs.id
            )
            reqs = tuple(
                _Req(
                    expand(q.backgrounds, groups) if q.backgrounds else None,
                    q.backgrounds[1:] if q.backgrounds else None,
                    q.min_years,
                    _LEVEL[q.coding] if q.coding else None,
                    q.reason,
                    q.source,
                )
                for q in matrix.requirements
                if q.role == rs.id
            )
            comfort = _LEVEL[rs.coding]
            looked_at = [leaf for r in matrix.routes if r.role == rs.id for leaf in leaves(r.when)]
            roles.append(
                _Role(
                    rs.id,
                    rs.demand_rank,
                    comfort,
                    rs.readiness,
                    affinity,
                    routes,
                    reqs,
                    frozenset(
                        i
                        for leaf in looked_at
                        if leaf.field == "interests"
                        for i in expand(leaf.value, groups)
                    ),
                    frozenset(
                        c
                        for leaf in looked_at
                        if leaf.field == "company"
                        for c in expand(leaf.value, groups)
                    ),
                )
            )
        self._roles = tuple(roles)
        self._company: dict[str, CompanyFit] = {c.company: c for c in matrix.company}
        self._suits = tuple((compile_condition(x.when, groups), x) for x in matrix.suits)
        self._memo: dict[tuple[str, int, frozenset[str], str, str], Ranking] = {}
        self._interest_memo: dict[frozenset[str], tuple[tuple[float, int], ...]] = {}
        ids = [r.id for r in self._roles]
        self._no_points = (0,) * len(ids)
        self._company_points: dict[str, tuple[int, ...]] = {
            c.company: tuple(c.weights.get(rid, 0) for rid in ids) for c in matrix.company
        }
        self._suits_points = tuple(
            (test, tuple(x.weights.get(rid, 0) for rid in ids)) for test, x in self._suits
        )
        #: Every years value a rule or requirement cuts at: answers between two of them
        #: rank alike.
        cuts: set[int] = {q.min_years for q in matrix.requirements if q.min_years is not None}
        for cond in [r.when for r in matrix.routes] + [x.when for x in matrix.suits]:
            for leaf in leaves(cond):
                if leaf.field == "years" and isinstance(leaf.value, int):
                    n = leaf.value
                    cuts |= {n + 1} if leaf.op == "at-most" else {n, n + 1}
        #: years -> its bucket between those cuts (batch uses it too)
        self.bucket = functools.partial(bisect_right, tuple(sorted(cuts)))
        self._ready_memo: dict[tuple[str, int, str, str, frozenset[str]], ReadyPart] = {}
        self._ready_parts: dict[ReadyPart, ReadyPart] = {}
        self._fit_memo: dict[tuple[frozenset[str], str, tuple[bool, ...]], FitPart] = {}
        self._fit_by_answer: dict[tuple[object, ...], FitPart] = {}
        self._interest_sets: dict[frozenset[str], frozenset[str]] = {}
        self._tables: tuple[dict[tuple[float, bool], _ScoreTable], ...] = tuple(
            {} for _ in self._roles
        )
        #: The "suits" rules look only at background and interests (as in the shipped
        #: data): fit is then remembered by interests, company and the background's kind
        #: for those rules, which test a background only for membership, so backgrounds
        #: in the same groups of every rule are alike (16 backgrounds, 3 kinds).
        suits_leaves = [leaf for x in matrix.suits for leaf in leaves(x.when)]
        self._suits_simple = {leaf.field for leaf in suits_leaves} <= {"background", "interests"}
        sets = [expand(leaf.value, groups) for leaf in suits_leaves if leaf.field == "background"]
        kinds: dict[tuple[bool, ...], str] = {}
        #: background -> its kind (named by the first background of that kind)
        self._suits_kind: dict[str, str] = {
            b: kinds.setdefault(tuple(b in s for s in sets), b) for b in matrix.starts
        }
        self._role_ready: tuple[dict[tuple[object, ...], tuple[Readiness, bool]], ...] = tuple(
            {} for _ in self._roles
        )
        #: `order` integers end with the role's index in this many bits.
        self._index_bits = max(1, len(self._roles).bit_length())
        self.index_mask = (1 << self._index_bits) - 1
        self.score_shift = 30 + self._index_bits
        #: The interests and companies some route looks at: every role's own, together
        #: (company is only ever tested for membership, so every other company leads to
        #: the same readiness).
        self._route_interests = frozenset().union(*(r.interests for r in self._roles))
        #: The roles whose routes look at interests or companies, by index; the others'
        #: readiness by (background, years bucket, coding), None in those roles' places.
        self._looking = tuple(i for i, r in enumerate(self._roles) if r.interests or r.companies)
        self._plain_ready: dict[tuple[str, int, str], list[tuple[Readiness, bool] | None]] = {}
        #: interest set -> the part of it routes look at
        self._route_subsets: dict[frozenset[str], frozenset[str]] = {}
        self._route_companies = frozenset().union(*(r.companies for r in self._roles))

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self._roles)

    # -- the two questions ------------------------------------------------------------------

    def _route(self, role: _Role, f: _Facts) -> _Route | None:
        return next((r for r in role.routes if r.test(f)), None)

    def _unmet(self, req: _Req, f: _Facts) -> list[str]:
        missed = []
        if req.group is not None and f[0] not in req.group:
            missed.append("background")
        if req.min_years is not None and f[1] < req.min_years:
            missed.append("years")
        if req.coding is not None and _LEVEL[f[4]] < req.coding:
            missed.append("coding")
        return missed

    def _readiness(self, role: _Role, f: _Facts) -> tuple[Readiness, bool]:
        route = self._route(role, f)
        base = route.readiness if route else Readiness(role.estimates.get(self._starts[f[0]], 0))
        short = max(0, role.comfort - _LEVEL[f[4]]) * self._shortfall
        score = max(0, base.score - short)
        ready = not any(self._unmet(q, f) for q in role.reqs)
        if not ready:
            score = min(score, self._cap)
        if score != base.score:
            base = Readiness(score, *base[1:])
        return base, ready

    # -- ranking ------------------------------------------------------------------------------
    #
    # Speed: a cohort repeats itself and a profile is mostly shared parts, so each part is
    # remembered by exactly what it depends on. Fit depends on interests, company and which
    # "who it suits" rules hold; readiness on background, coding, company, the few interests
    # routes look at, and years only through the thresholds the data uses (years 6 and 7
    # are the same answer when no rule cuts between them). Each part keeps, per role, what
    # the final order needs, so ranking a new combination of known parts is one pass over
    # the roles and one sort of integers (`order`). The whole ranking is remembered by the
    # reduced key. Every memo is bounded; none changes a result.

    def reduced(self, f: _Facts) -> tuple[str, int, frozenset[str], str, str]:
        """The facts with years replaced by its bucket between the data's thresholds."""
        return (f[0], self.bucket(f[1]), f[2], f[3], f[4])

    def _interest_fits(self, interests: frozenset[str]) -> tuple[tuple[float, int], ...]:
        hit = self._interest_memo.get(interests)
        if hit is None:
            best_w, mean_w = self._best, self._mean
            parts = []
            for role in self._roles:
                weights = [role.affinity.get(i, 0) for i in interests] or [0]
                best = max(weights)
                parts.append(((best_w * best + mean_w * sum(weights) / len(weights)) / 100, best))
            hit = tuple(parts)
            if len(self._interest_memo) >= _PART_LIMIT:
                self._interest_memo.clear()
            self._interest_memo[interests] = hit
        return hit

    def fit_part(self, f: _Facts) -> FitPart:
        """Every role's fit for these facts (interests, company, "who it suits")."""
        # First by the answers themselves, so the "suits" rules run once per answer.
        answer: tuple[Any, ...] = (
            (f[2], f[3], self._suits_kind.get(f[0], f[0])) if self._suits_simple else f
        )
        found = self._fit_by_answer.get(answer)
        if found is not None:
            return found
        if len(self._fit_by_answer) >= _ANSWER_LIMIT:
            self._fit_by_answer.clear()
        found = self._fit_part(f)
        if self._suits_simple:  # one interest set object for all its keys, not one per row
            sets = self._interest_sets
            if len(sets) >= _PART_LIMIT:
                sets.clear()
            answer = (sets.setdefault(answer[0], answer[0]), *answer[1:])
        self._fit_by_answer[answer] = found
        return found

    def _fit_part(self, f: _Facts) -> FitPart:
        suits = tuple([test(f) for test, _ in self._suits_points])
        key = (f[2], f[3], suits)
        hit = self._fit_memo.get(key)
        if hit is None:
            extra = self._company_points.get(f[3], self._no_points)
            for (_, points), holds in zip(self._suits_points, suits, strict=True):
                if holds:
                    extra = tuple(a + b for a, b in zip(extra, points, strict=True))
            fw, rw, no_fit, shift = self._fw, self._rw, self._no_fit, self._index_bits
            score_shift = self.score_shift
            shown, tables = [], []
            matched = 0
            for i, (role, (raw, best), more) in enumerate(
                zip(self._roles, self._interest_fits(f[2]), extra, strict=True)
            ):
                fit = min(100.0, max(0.0, raw + more))
                match = best + more
                shown.append(_round(fit))
                matched |= (match >= no_fit) << i
                # One table per role and distinct fit, shared by every fit part that has it
                # (most roles take few fit values): less memory, fewer scores to compute.
                shared = self._tables[i]
                table = shared.get((fit, match < no_fit))
                if table is None:
                    if len(shared) >= _PART_LIMIT:
                        shared.clear()
                    rest = ((match < no_fit) << 39 | role.demand_rank) << shift | i
                    table = shared[fit, match < no_fit] = _ScoreTable(
                        fw * fit, rw, score_shift, rest
                    )
                tables.append(table)
            hit = FitPart(tuple(shown), matched, tuple(tables))
            if len(self._fit_memo) >= _PART_LIMIT:
                self._fit_memo.clear()
            self._fit_memo[key] = hit
        return hit

    def ready_part(self, f: _Facts, bucket: int) -> ReadyPart:
        """Every role's readiness for these facts (`bucket`: `reduced(f)[1]`)."""
        company = f[3] if f[3] in self._route_companies else ""
        looked_at = self._route_subsets.get(f[2])
        if looked_at is None:
            if len(self._route_subsets) >= _PART_LIMIT:
                self._route_subsets.clear()
            looked_at = self._route_subsets[f[2]] = f[2] & self._route_interests
        key = (f[0], bucket, f[4], company, looked_at)
        hit = self._ready_memo.get(key)
        if hit is None:
            # Most roles' routes look at no interest and no company: their readiness
            # depends on background, years bucket and coding alone (240 combinations).
            base = self._plain_ready.get(key[:3])
            if base is None:
                if len(self._plain_ready) >= _PART_LIMIT:
                    self._plain_ready.clear()
                base = self._plain_ready[key[:3]] = [
                    None if i in self._looking else self._readiness(role, f)
                    for i, role in enumerate(self._roles)
                ]
            pairs = base.copy()
            for i in self._looking:
                # One role's readiness, remembered by what that role's rules look at.
                role, memo = self._roles[i], self._role_ready[i]
                role_key = (
                    f[0],
                    bucket,
                    f[4],
                    f[3] if f[3] in role.companies else "",
                    f[2] & role.interests,
                )
                pair = memo.get(role_key)
                if pair is None:
                    if len(memo) >= _PART_LIMIT:
                        memo.clear()
                    pair = memo[role_key] = self._readiness(role, f)
                pairs[i] = pair
            filled = cast(list[tuple[Readiness, bool]], pairs)  # every place set by now
            hit = ReadyPart(
                tuple([r for r, _ in filled]),
                sum(ok << i for i, (_, ok) in enumerate(filled)),
                tuple([r.score | (not ok) << 7 for r, ok in filled]),
            )
            # Many answers come to the same readiness (a random cohort's ~4,900 parts hold
            # ~360 distinct ones): keep one object per distinct part.
            shared = self._ready_parts
            if len(shared) >= _PART_LIMIT:
                shared.clear()
            hit = shared.setdefault(hit, hit)
            if len(self._ready_memo) >= _PART_LIMIT:
                self._ready_memo.clear()
            self._ready_memo[key] = hit
        return hit

    def order(self, fit: FitPart, ready: ReadyPart) -> list[int]:
        """The roles in ranked order, as one integer each: `index_mask` bits give the role's
        index (in `role_ids` order), `score_of()` its score.

        An integer sorts like (ready, matched, score, readiness, demand_rank): roles the
        person cannot aim at yet last, then roles that match none of their interests, then
        by score, readiness (the shorter way in) and demand rank. The score is
        `(fit_weight x fit + readiness_weight x readiness) / 100`, rounded half up: the fit
        part remembers it per `ReadyPart.key` (`_ScoreTable`), so this is dict lookups and
        one sort, with no Python loop (a cohort of distinct people ranks at C speed).
        """
        return sorted(map(getitem, fit.table, ready.key))

    def score_of(self, order: int) -> int:
        """The score inside one of `order()`'s integers."""
        return 100 - (order >> self.score_shift & 0x1FF)

    def no_clear_fit(self, fit: FitPart, ready: ReadyPart) -> bool:
        """Not one of the person's interests matches a role they can aim at now."""
        return not fit.matched & ready.ready_mask

    def rank(self, profile: Profile) -> Ranking:
        """Every core role, ranked. Same profile, same ranking."""
        f = facts(profile)
        key = self.reduced(f)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        fit = self.fit_part(f)
        ready = self.ready_part(f, key[1])
        roles, band_for, mask = self._roles, self.band_for, self.index_mask
        new = tuple.__new__  # a named tuple's own __new__ is a slower Python-level lambda
        results = []
        for o in self.order(fit, ready):
            i, score = o & mask, self.score_of(o)
            results.append(
                new(
                    RoleResult,
                    (
                        roles[i].id,
                        score,
                        band_for[score],
                        fit.shown[i],
                        ready.readiness[i],
                        bool(ready.ready_mask >> i & 1),
                        bool(fit.matched >> i & 1),
                    ),
                )
            )
        close = None
        if (
            len(results) >= 2
            and results[1].ready
            and results[1].matched == results[0].matched
            and results[0].score - results[1].score <= self._close
        ):
            close = (results[0].role_id, results[1].role_id)
        ranking = Ranking(tuple(results), close, self.no_clear_fit(fit, ready))
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = ranking
        return ranking

    # -- explaining -----------------------------------------------------------------------------

    def explain(self, profile: Profile, role_id: str) -> Explanation:
        """Every reason behind one role's fit and readiness, and each requirement checked
        (built in `aicareer.engine.explain`, which reads the same tables the ranking uses)."""
        from aicareer.engine.explain import explain

        return explain(self, profile, role_id)
