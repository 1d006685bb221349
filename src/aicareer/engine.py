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

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from aicareer.conditions import Facts as _Facts
from aicareer.conditions import Test as _Test
from aicareer.conditions import compile_condition, expand, facts, leaves
from aicareer.models import Profile
from aicareer.ranking import Check, Explanation, Ranking, Readiness, Reason, RoleResult
from aicareer.rulemodels import CompanyFit, MatrixFile

__all__ = ["Check", "Engine", "Explanation", "Ranking", "Readiness", "Reason", "RoleResult"]

#: Coding levels, lowest first.
CODING_ORDER = ("none", "basic", "professional")
_LEVEL = {c: i for i, c in enumerate(CODING_ORDER)}
#: How many distinct profiles to remember before starting over.
_MEMO_LIMIT = 1 << 16


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
        self._band_for = tuple(
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
            roles.append(
                _Role(rs.id, rs.demand_rank, comfort, rs.readiness, affinity, routes, reqs)
            )
        self._roles = tuple(roles)
        self._company: dict[str, CompanyFit] = {c.company: c for c in matrix.company}
        self._suits = tuple((compile_condition(x.when, groups), x) for x in matrix.suits)
        self._memo: dict[_Facts, Ranking] = {}
        self._fit_memo: dict[tuple[frozenset[str], str, str], tuple[tuple[float, int], ...]] = {}
        self._ready_memo: dict[
            tuple[str, int, str, str, frozenset[str]], tuple[tuple[Readiness, bool], ...]
        ] = {}
        #: The interests that some route or requirement looks at.
        self._route_interests = frozenset(
            i
            for r in matrix.routes
            for leaf in leaves(r.when)
            if leaf.field == "interests"
            for i in expand(leaf.value, groups)
        )

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self._roles)

    # -- the two questions ------------------------------------------------------------------

    def _fit(self, role: _Role, f: _Facts, extra: Mapping[str, int]) -> tuple[float, int]:
        """(fit, match): the fit, and the best single interest's weight plus extra points."""
        weights = [role.affinity.get(i, 0) for i in f[2]] or [0]
        best = max(weights)
        raw = (self._best * best + self._mean * sum(weights) / len(weights)) / 100
        more = extra.get(role.id, 0)
        return min(100.0, max(0.0, raw + more)), best + more

    def _extra_fit(self, f: _Facts) -> dict[str, int]:
        """Company and "who it suits" points per role."""
        extra: dict[str, int] = {}
        company = self._company.get(f[3])
        if company is not None:
            for rid, pts in company.weights.items():
                extra[rid] = extra.get(rid, 0) + pts
        for test, suits in self._suits:
            if test(f):
                for rid, pts in suits.weights.items():
                    extra[rid] = extra.get(rid, 0) + pts
        return extra

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

    def _result(self, role: _Role, f: _Facts, extra: Mapping[str, int]) -> tuple[RoleResult, int]:
        fit, match = self._fit(role, f, extra)
        readiness, ready = self._readiness(role, f)
        score = _round((self._fw * fit + self._rw * readiness.score) / 100)
        matched = match >= self._no_fit
        band = self._band_for[score]
        result = RoleResult(role.id, score, band, _round(fit), readiness, ready, matched)
        return result, match

    # -- ranking ------------------------------------------------------------------------------
    #
    # Fit depends only on interests, company and (through "suits") background; readiness only
    # on background, years, coding, company and the few interests that routes look at. Each
    # half is remembered by those keys, so a cohort or a grid pays for each once.

    def _fits(self, f: _Facts) -> tuple[tuple[float, int], ...]:
        key = (f[2], f[3], f[0])
        hit = self._fit_memo.get(key)
        if hit is None:
            extra = self._extra_fit(f)
            hit = tuple(self._fit(role, f, extra) for role in self._roles)
            if len(self._fit_memo) >= _MEMO_LIMIT:
                self._fit_memo.clear()
            self._fit_memo[key] = hit
        return hit

    def _readies(self, f: _Facts) -> tuple[tuple[Readiness, bool], ...]:
        key = (f[0], f[1], f[4], f[3], f[2] & self._route_interests)
        hit = self._ready_memo.get(key)
        if hit is None:
            hit = tuple(self._readiness(role, f) for role in self._roles)
            if len(self._ready_memo) >= _MEMO_LIMIT:
                self._ready_memo.clear()
            self._ready_memo[key] = hit
        return hit

    def rank(self, profile: Profile) -> Ranking:
        """Every core role, ranked. Same profile, same ranking."""
        f = facts(profile)
        hit = self._memo.get(f)
        if hit is not None:
            return hit
        fw, rw, band_for, no_fit = self._fw, self._rw, self._band_for, self._no_fit
        keyed = []
        best_match = -1
        for role, (fit, match), (readiness, ready) in zip(
            self._roles, self._fits(f), self._readies(f), strict=True
        ):
            score = int((fw * fit + rw * readiness.score) / 100 + 0.5)
            matched = match >= no_fit
            result = RoleResult(
                role.id, score, band_for[score], int(fit + 0.5), readiness, ready, matched
            )
            key = (not ready, not matched, -score, -readiness.score, role.demand_rank)
            keyed.append((key, result))
            if ready and match > best_match:
                best_match = match
        keyed.sort()
        results = tuple(r for _, r in keyed)
        close = None
        if (
            len(results) >= 2
            and results[1].ready
            and results[1].matched == results[0].matched
            and results[0].score - results[1].score <= self._close
        ):
            close = (results[0].role_id, results[1].role_id)
        # No clear fit: not one interest of the person's matches a role they can aim at now.
        ranking = Ranking(results, close, best_match < no_fit)
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[f] = ranking
        return ranking

    # -- explaining -----------------------------------------------------------------------------

    def explain(self, profile: Profile, role_id: str) -> Explanation:
        """Every reason behind one role's fit and readiness, and each requirement checked."""
        role = next(r for r in self._roles if r.id == role_id)
        f = facts(profile)
        extra = self._extra_fit(f)
        result, _ = self._result(role, f, extra)
        return Explanation(
            result,
            tuple(self._fit_reasons(role, profile, f)),
            tuple(self._readiness_reasons(role, profile, f, result)),
            tuple(self._checks(role, f)),
        )

    def _fit_reasons(self, role: _Role, profile: Profile, f: _Facts) -> Iterable[Reason]:
        n = len(profile.interests)
        weights = {i: role.affinity.get(i, 0) for i in profile.interests}
        best = max(weights.values())
        best_id = next(i for i in profile.interests if weights[i] == best)
        for interest in profile.interests:
            w = weights[interest]
            # Each interest's share: its weight through the average, plus the best one's
            # extra through fit_best, so the shares add up to the fit before company points.
            pts = self._mean * w / n / 100 + (self._best * w / 100 if interest == best_id else 0)
            aff = next(a for a in self.matrix.fit if a.interest == interest)
            label = interest.replace("-", " ")
            text = (aff.why or {}).get(role.id) or (
                f"Your interest in {label} has little to do with this role's work."
                if w == 0
                else f"Your interest in {label} overlaps with part of this role's work."
            )
            yield Reason("interest", text, _round(pts), aff.source if w else None, interest)
        company = self._company.get(f[3])
        if company is not None and role.id in company.weights:
            pts = company.weights[role.id]
            yield Reason("company", company.reason, pts, company.source, company.company)
        for test, suits in self._suits:
            if test(f) and role.id in suits.weights:
                yield Reason("suits", suits.reason, suits.weights[role.id], suits.source, suits.id)

    def _readiness_reasons(
        self, role: _Role, profile: Profile, f: _Facts, result: RoleResult
    ) -> Iterable[Reason]:
        route = self._route(role, f)
        if route is not None:
            r = route.readiness
            yield Reason("route", route.reason, r.score, r.source, r.route or "")
        else:
            start = self._starts[f[0]]
            pts = role.estimates.get(start, 0)
            yield Reason(
                "estimate",
                f"No source gives a way in from your starting point ({start}); "
                "this is aicareer's estimate of how near the role is.",
                pts,
                None,
                start,
            )
        short = role.comfort - _LEVEL[f[4]]
        if short > 0:
            yield Reason(
                "coding",
                f"The role's skill list assumes {CODING_ORDER[role.comfort]} coding; "
                f"you said {f[4]}.",
                -short * self._shortfall,
                None,
                "coding",
            )
        if not result.ready:
            route_or_estimate = (
                route.readiness.score if route else role.estimates.get(self._starts[f[0]], 0)
            )
            before = max(0, route_or_estimate - max(0, short) * self._shortfall)
            yield Reason(
                "requirement",
                f"A requirement is not met yet, so the role is for later (readiness capped at"
                f" {self._cap}).",
                min(0, self._cap - before),
                None,
                "later",
            )

    def _checks(self, role: _Role, f: _Facts) -> Iterable[Check]:
        for q in role.reqs:
            missed = self._unmet(q, f)
            if q.group is not None:
                label = self._group_names.get(q.group_name or "", q.group_name or "")
                yield Check(
                    "background",
                    f"a background as {label}",
                    "background" not in missed,
                    f"after working as {label}" if "background" in missed else None,
                    q.reason,
                    q.source,
                )
            if q.min_years is not None:
                more = q.min_years - f[1]
                as_what = ""
                if q.group is not None:
                    as_what = " as " + self._group_names.get(q.group_name or "", "")
                yield Check(
                    "years",
                    f"{q.min_years}+ years of experience",
                    more <= 0,
                    f"after about {more} more year{'s' if more != 1 else ''}{as_what}"
                    if more > 0
                    else None,
                    q.reason,
                    q.source,
                )
            if q.coding is not None:
                level = CODING_ORDER[q.coding]
                yield Check(
                    "coding",
                    f"{level} coding",
                    "coding" not in missed,
                    (
                        "once you code professionally"
                        if level == "professional"
                        else "once you can write basic code (Python)"
                    )
                    if "coding" in missed
                    else None,
                    q.reason,
                    q.source,
                )
