"""The model, as docs/rules.md states it: a person's facts in, every role ranked out. Pure.

This is the one home of the rules (the batch ranker in `ranker.py` memoises these same
functions; tests/test_engine_reference.py checks the two agree over the whole grid).

For each role, two questions are answered apart:

* FIT (0-100): does the work match what the person wants? Each interest has a weight for
  the role ([[fit]]); an interest *matches* at `match_at` or more. Fit from interests is
  `fit_coverage`% of the share of interests that match plus the rest from their average
  weight, so a role matching two of two interests beats one matching one of them. Company,
  "who it suits" and follow-up points are added, and the result is kept within 0-100.
* TIME TO READY (`time_of`): the one figure for how far the role is. A source's figure for
  this starting point when one holds (a route with months), else aicareer's estimate for the
  starting point (the role's `months`, plus or minus the coding the person has above or
  below what that start usually has). The phases chosen for this start and role share the
  time out; phases whose skills the person has are dropped, and with them their share.
  Roles reached by years of work (`experience`) are timed in years.
* READINESS (0-100) is read off the time (its middle, in months at the assumed pace) on the
  data's `readiness_curve`, so a shorter way in always means a higher readiness. A role
  whose requirements are not met is *later*: readiness capped at `later_readiness_cap`.

score = (fit_weight x fit + readiness_weight x readiness) / 100 + the outlook's points,
rounded half up and kept within 0-100. Order: ready before later, matching before not,
then score, readiness (the shorter way in) and demand rank.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from aicareer.engine.conditions import Facts, Test, compile_condition, expand, facts, leaves
from aicareer.engine.ranking import (
    Check,
    Explanation,
    PhaseTime,
    Ranking,
    Readiness,
    Reason,
    RoleResult,
    TimeToReady,
)

if TYPE_CHECKING:
    from aicareer.records.followups import Followup
    from aicareer.records.models import Profile
    from aicareer.records.pathmodels import PathsFile
    from aicareer.records.rulemodels import MatrixFile, Route

#: Coding levels, lowest first.
CODING_ORDER = ("none", "basic", "professional")
LEVEL = {c: i for i, c in enumerate(CODING_ORDER)}
#: The phases that bring a person's coding up one level: none -> basic, basic -> professional.
CODING_PHASES = ("python-basics", "programming")
WEEKS_PER_MONTH = 52 / 12
#: Pay level by years that count toward the role (aicareer's reading, docs/rules.md).
PAY_LEVELS = (("senior", 8), ("mid", 3), ("entry", 0))


def round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


class RoleRules(NamedTuple):
    """One role's rules, compiled from the data."""

    id: str
    demand_rank: int
    comfort: int
    outlook_points: int
    outlook: str
    pay_from: frozenset[str]
    #: start -> (low, high) months: aicareer's estimate
    months: Mapping[str, tuple[int, int]]
    experience: tuple[int, int] | None
    experience_words: str | None
    experience_source: str | None
    experience_estimate: bool
    #: interest -> (weight, why, source)
    affinity: Mapping[str, tuple[int, str | None, str]]
    routes: tuple[tuple[Test, Route], ...]
    requirements: tuple[Requirement, ...]
    phases: tuple[str, ...]
    #: The interests and companies this role's routes look at (its distance depends on no
    #: other interest or company).
    looks_at: frozenset[str]


class Requirement(NamedTuple):
    group: frozenset[str] | None
    group_name: str | None
    min_years: int | None
    coding: int | None
    or_coding: int | None
    reason: str
    source: str


class Rules:
    """The data compiled once: what every function below reads. Read-only."""

    def __init__(
        self,
        matrix: MatrixFile,
        paths: PathsFile,
        followups: Callable[[], Sequence[Followup]] = tuple,
    ) -> None:
        s = matrix.scoring
        self.matrix = matrix
        self.paths = paths
        #: The follow-up questions (data/followups.toml), read only when an answer needs them.
        self.followups = followups
        self.fit_weight, self.readiness_weight = s.fit_weight, s.readiness_weight
        self.match_at, self.coverage, self.min_fit = s.match_at, s.fit_coverage, s.min_fit
        self.close_margin, self.later_cap = s.close_margin, s.later_readiness_cap
        self.curve = tuple((m, r) for m, r in s.readiness_curve)
        self.pace = paths.pace.hours_per_week
        bands = sorted(s.bands, key=lambda b: -b.min_score)
        self.band_for = tuple(
            next((b.name for b in bands if score >= b.min_score), bands[-1].name)
            for score in range(101)
        )
        self.lowest_band = bands[-1].name
        groups = matrix.groups
        self.group_names = matrix.group_names
        self.starts: dict[str, str] = {str(k): v for k, v in matrix.starts.items()}
        self.start_coding = {k: LEVEL[v] for k, v in matrix.start_coding.items()}
        self.coders = dict(matrix.coders)
        self.phase_weeks = {p.id: (p.min_weeks, p.max_weeks) for p in paths.phases}
        self.phase_by_id = {p.id: p for p in paths.phases}
        roles = []
        for rs in matrix.roles:
            affinity: dict[str, tuple[int, str | None, str]] = {}
            for a in matrix.fit:
                if rs.id in a.weights:
                    why = (a.why or {}).get(rs.id)
                    source = (a.sources or {}).get(rs.id, a.source)
                    affinity[a.interest] = (a.weights[rs.id], why, source)
            path = paths.path_for(rs.id)
            exp = rs.experience
            roles.append(
                RoleRules(
                    id=rs.id,
                    demand_rank=rs.demand_rank,
                    comfort=LEVEL[rs.coding],
                    outlook_points=s.outlook.get(rs.outlook, 0),
                    outlook=rs.outlook,
                    pay_from=frozenset(rs.pay_from),
                    months={k: (v[0], v[1]) for k, v in (rs.months or {}).items()},
                    experience=(exp.years[0], exp.years[1]) if exp else None,
                    experience_words=exp.words if exp else None,
                    experience_source=exp.source if exp else None,
                    experience_estimate=exp.estimate if exp else False,
                    affinity=affinity,
                    routes=tuple(
                        (compile_condition(r.when, groups), r)
                        for r in matrix.routes
                        if r.role == rs.id
                    ),
                    requirements=tuple(
                        Requirement(
                            expand(q.backgrounds, groups) if q.backgrounds else None,
                            q.backgrounds[1:] if q.backgrounds else None,
                            q.min_years,
                            LEVEL[q.coding] if q.coding else None,
                            LEVEL[q.or_coding] if q.or_coding else None,
                            q.reason,
                            q.source,
                        )
                        for q in matrix.requirements
                        if q.role == rs.id
                    ),
                    phases=tuple(path.phases) if path else (),
                    looks_at=frozenset(
                        v
                        for r in matrix.routes
                        if r.role == rs.id
                        for leaf in leaves(r.when)
                        if leaf.field in ("interests", "company")
                        for v in expand(leaf.value, groups)
                    ),
                )
            )
        self.roles: tuple[RoleRules, ...] = tuple(roles)
        self.by_id = {r.id: r for r in self.roles}
        self.company = {c.company: c for c in matrix.company}
        self.suits = tuple((compile_condition(x.when, groups), x) for x in matrix.suits)
        #: distance_of's answers by what they depend on (bounded; never changes a result)
        self.distances: dict[tuple[object, ...], Distance] = {}

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)


# --- the person's starting point --------------------------------------------------------


def start_of(rules: Rules, f: Facts) -> str:
    """The row of the estimates this person starts from: their background's, unless they
    code professionally from a start whose people usually do not (`[coders]`)."""
    start = rules.starts[f.background]
    if f.coding == "professional" and start in rules.coders:
        return rules.coders[start]
    return start


# --- FIT ---------------------------------------------------------------------------------


class Fit(NamedTuple):
    #: Fit before rounding, within 0-100.
    value: float
    #: How many of the person's interests match the role's work.
    matched: int
    #: The sum before it was kept within 0-100 (above 100: shown as capped).
    raw: float
    reasons: tuple[Reason, ...]


def fit_of(rules: Rules, role: RoleRules, f: Facts, followup: Mapping[str, int] = {}) -> Fit:
    """How well the role's work matches what the person wants, with every reason."""
    n = len(f.interests)
    cov, mean = rules.coverage, 100 - rules.coverage
    reasons: list[Reason] = []
    total = 0.0
    matched = 0
    for interest in sorted(f.interests):
        weight, why, source = role.affinity.get(interest, (0, None, ""))
        is_match = weight >= rules.match_at
        matched += is_match
        pts = (cov * 100 * is_match + mean * weight) / 100 / n
        total += pts
        label = interest.replace("-", " ")
        if is_match:
            text = why or f"Your interest in {label} is part of this role's work."
        elif weight:
            text = f"Your interest in {label} overlaps with part of this role's work."
        else:
            text = f"Your interest in {label} has little to do with this role's work."
        kind = "interest" if is_match else "overlap"
        reasons.append(Reason(kind, text, round_half_up(pts), source if weight else None, interest))
    company = rules.company.get(f.company)  # type: ignore[call-overload]
    if company is not None and role.id in company.weights:
        pts = company.weights[role.id]
        total += pts
        reasons.append(Reason("company", company.reason, pts, company.source, company.company))
    for test, suits in rules.suits:
        if role.id in suits.weights and test(f):
            pts = suits.weights[role.id]
            total += pts
            reasons.append(Reason("suits", suits.reason, pts, suits.source, suits.id))
    if followup.get(role.id):
        pts = followup[role.id]
        total += pts
        reasons.append(
            Reason("followup", "Your answer to the follow-up question.", pts, None, "followup")
        )
    return Fit(min(100.0, max(0.0, total)), matched, total, tuple(reasons))


# --- TIME TO READY -----------------------------------------------------------------------


def _route(role: RoleRules, f: Facts) -> tuple[Route | None, Route | None]:
    """(the first route with a timeline that holds, the first route that holds)."""
    timed = first = None
    for test, route in role.routes:
        if test(f):
            first = first or route
            if route.timeline is not None:
                timed = route
                break
    return timed, first


def _unmet(req: Requirement, f: Facts) -> list[str]:
    missed = []
    if (
        req.group is not None
        and f.background not in req.group
        and (req.or_coding is None or LEVEL[f.coding] < req.or_coding)
    ):
        missed.append("background")
    if req.min_years is not None and f.years < req.min_years:
        missed.append("years")
    if req.coding is not None and LEVEL[f.coding] < req.coding:
        missed.append("coding")
    return missed


def _coding_weeks(rules: Rules, level: int, comfort: int) -> tuple[int, int]:
    """Weeks (at the assumed pace) of the coding phases from `level` up to `comfort`."""
    lo = hi = 0
    for phase in CODING_PHASES[level:comfort]:
        a, b = rules.phase_weeks.get(phase, (0, 0))
        lo, hi = lo + a, hi + b
    return lo, hi


def _phase_status(rules: Rules, pid: str, f: Facts) -> str:
    phase = rules.phase_by_id[pid]
    if f.background in phase.covered_by:
        return "covered"
    if phase.skills and set(phase.skills) <= f.skills:
        return "has-skills"
    if f.background in phase.partly_covered_by:
        return "partly-covered"
    return "todo"


def time_of(rules: Rules, role: RoleRules, f: Facts) -> TimeToReady:
    """The one time to ready for this person and role (docs/rules.md, "Time to ready")."""
    timed, first = _route(role, f)
    start = start_of(rules, f)
    level = LEVEL[f.coding]
    # The phases for this start: coding phases up to the role's level, then the role's own.
    chosen = [(p, "added") for p in CODING_PHASES[level : role.comfort]]
    chosen += [(p, _phase_status(rules, p, f)) for p in role.phases]

    def weight(pid: str, status: str) -> float:
        lo, hi = rules.phase_weeks.get(pid, (0, 0))
        full = (lo + hi) / 2
        return {"covered": 0.0, "partly-covered": full / 2}.get(status, full)

    weights = [weight(p, s) for p, s in chosen]
    kept = [0.0 if s == "has-skills" else w for (_, s), w in zip(chosen, weights, strict=True)]
    share = sum(kept) / sum(weights) if sum(weights) else 1.0

    route_words = timed.timeline if timed else None
    if role.experience is not None:
        return _experience_time(rules, role, f, timed, first, chosen)
    route: Route | None
    if timed is not None and timed.months is not None:
        lo_m, hi_m = float(timed.months[0]), float(timed.months[1])
        basis, source, words, audience = "source", timed.source, timed.timeline, timed.audience
        route = timed
    else:
        # The background's own row, and for a professional coder from a start whose people
        # usually do not code, the [coders] row too: the nearer of the two (so coding more
        # never makes the way longer).
        own = rules.starts[f.background]
        lo_m, hi_m = min(
            (_estimate(rules, role, row, level) for row in dict.fromkeys((own, start))),
            key=lambda lh: lh[0] + lh[1],
        )
        basis, source, words, audience = "estimate", None, route_words, None
        if timed is not None:
            source, audience = timed.source, timed.audience
        route = timed or first
    lo_w = lo_m * WEEKS_PER_MONTH * share
    hi_w = hi_m * WEEKS_PER_MONTH * share
    total = sum(kept) or 1.0
    phases = tuple(
        PhaseTime(pid, status, lo_w * k / total, hi_w * k / total)
        for (pid, status), k in zip(chosen, kept, strict=True)
    )
    return TimeToReady(
        weeks=(lo_w, hi_w),
        years=None,
        basis=basis,
        source=source,
        words=words,
        audience=audience,
        route=route.id if route else None,
        matrix=route.matrix if route else None,
        plain=route.plain if route else None,
        phases=phases,
        months_mid=(lo_w + hi_w) / 2 / WEEKS_PER_MONTH,
    )


def _estimate(rules: Rules, role: RoleRules, start: str, level: int) -> tuple[float, float]:
    """aicareer's months for this start (its usual coding), moved by the coding phases the
    person needs above or below what that start usually has."""
    lo_m, hi_m = (float(x) for x in role.months.get(start, (12, 24)))
    typical = rules.start_coding.get(start, 0)
    a_lo, a_hi = _coding_weeks(rules, level, role.comfort)
    b_lo, b_hi = _coding_weeks(rules, typical, role.comfort)
    lo_m += (a_lo - b_lo) / WEEKS_PER_MONTH
    hi_m += (a_hi - b_hi) / WEEKS_PER_MONTH
    floor_lo, floor_hi = (a_lo + 4) / WEEKS_PER_MONTH, (a_hi + 4) / WEEKS_PER_MONTH
    return max(lo_m, floor_lo), max(hi_m, floor_hi)


def _experience_time(
    rules: Rules,
    role: RoleRules,
    f: Facts,
    timed: Route | None,
    first: Route | None,
    chosen: Sequence[tuple[str, str]],
) -> TimeToReady:
    """Years of work, for a role reached by experience: a source's figure for this start
    when one holds; for someone on the way (the right background, too few years), the
    years still missing plus the figure for a senior; else the role's `experience`."""
    assert role.experience is not None
    route: Route | None
    source: str | None
    senior = next((r for _, r in role.routes if r.months is not None), None)
    gap = [q for q in role.requirements if q.min_years is not None and q.group is not None]
    met = not any(_unmet(q, f) for q in role.requirements)
    if met and timed is not None and timed.study:
        # The source's way in from this start is study, not more years (a cloud architect
        # who adds strong AI self-study): no source gives its length, so the phases' own
        # estimates make the time.
        return _study_estimate(rules, timed, chosen)
    lo: float
    hi: float
    if met and timed is not None and timed.estimate_years is not None:
        lo, hi = timed.estimate_years
        basis, source, words, audience, route = (
            "estimate",
            timed.source,
            timed.timeline,
            timed.audience,
            timed,
        )
    elif timed is not None and timed.months is not None:
        lo, hi = timed.months[0] / 12, timed.months[1] / 12
        basis, source, words, audience, route = (
            "source",
            timed.source,
            timed.timeline,
            timed.audience,
            timed,
        )
    elif senior is not None and gap and f.background in (gap[0].group or ()):
        more = max(0, (gap[0].min_years or 0) - f.years)
        months = senior.months or [12, 24]
        lo, hi = more + months[0] / 12, more + months[1] / 12
        basis, source, words, audience, route = (
            "estimate",
            senior.source,
            senior.timeline,
            senior.audience,
            first or senior,
        )
    else:
        lo, hi = role.experience
        basis = "estimate" if role.experience_estimate else "source"
        source, words, audience, route = role.experience_source, role.experience_words, None, first
    if timed is not None and route is not timed:
        words, route = timed.timeline, timed
    ylo, yhi = max(0, round(lo)), max(1, round(hi))
    return TimeToReady(
        weeks=None,
        years=(ylo, max(ylo, yhi)),
        basis=basis,
        source=source,
        words=words,
        audience=audience,
        route=route.id if route else None,
        matrix=route.matrix if route else None,
        plain=route.plain if route else None,
        phases=tuple(PhaseTime(pid, status, 0.0, 0.0) for pid, status in chosen),
        months_mid=(ylo + max(ylo, yhi)) / 2 * 12,
    )


def _study_estimate(rules: Rules, route: Route, chosen: Sequence[tuple[str, str]]) -> TimeToReady:
    """The time as the sum of the chosen phases' own estimates (at the assumed pace)."""
    phases = []
    for pid, status in chosen:
        lo, hi = rules.phase_weeks.get(pid, (0, 0))
        part = {"covered": 0.0, "has-skills": 0.0, "partly-covered": 0.5}.get(status, 1.0)
        phases.append(PhaseTime(pid, status, lo * part, hi * part))
    lo_w = sum(p.min_weeks for p in phases)
    hi_w = sum(p.max_weeks for p in phases)
    return TimeToReady(
        weeks=(lo_w, hi_w),
        years=None,
        basis="estimate",
        source=route.source,
        words=route.timeline,
        audience=route.audience,
        route=route.id,
        matrix=route.matrix,
        plain=route.plain,
        phases=tuple(phases),
        months_mid=(lo_w + hi_w) / 2 / WEEKS_PER_MONTH,
    )


def readiness_from_months(rules: Rules, months: float) -> int:
    """The readiness curve: straight lines between the data's points."""
    curve = rules.curve
    if months <= curve[0][0]:
        return curve[0][1]
    for (m0, r0), (m1, r1) in itertools.pairwise(curve):
        if months <= m1:
            return round_half_up(r0 + (r1 - r0) * (months - m0) / (m1 - m0))
    return curve[-1][1]


class Distance(NamedTuple):
    readiness: Readiness
    ready: bool
    reasons: tuple[Reason, ...]
    checks: tuple[Check, ...]


def distance_of(rules: Rules, role: RoleRules, f: Facts) -> Distance:
    """How far the role is: the time to ready, the readiness read off it, the requirements.

    Remembered by what it depends on: background, years, coding, skills and the interests
    and company the role's routes look at (the grid and `why` ask for the same ones often).
    """
    key = (
        role.id,
        f.background,
        f.years,
        f.coding,
        f.skills,
        f.company if f.company in role.looks_at else "",
        f.interests & role.looks_at,
    )
    found = rules.distances.get(key)
    if found is None:
        if len(rules.distances) >= 1 << 16:
            rules.distances.clear()
        found = rules.distances[key] = _distance(rules, role, f)
    return found


def _distance(rules: Rules, role: RoleRules, f: Facts) -> Distance:
    time = time_of(rules, role, f)
    score = readiness_from_months(rules, time.months_mid)
    missed = [m for q in role.requirements for m in _unmet(q, f)]
    ready = not missed
    reasons: list[Reason] = []
    start = rules.starts[f.background]
    timed, first = _route(role, f)
    if time.basis == "source" and time.route:
        route = next(r for _, r in role.routes if r.id == time.route)
        reasons.append(Reason("route", route.reason, score, route.source, route.id))
    elif first is not None:
        reasons.append(Reason("route", first.reason, score, first.source, first.id))
        reasons.append(
            Reason(
                "estimate",
                "No source gives a time for this way in; the time is aicareer's estimate.",
                0,
                None,
                start_of(rules, f),
            )
        )
    else:
        reasons.append(
            Reason(
                "estimate",
                "No source names a way in from your starting point; the time is aicareer's"
                " estimate.",
                score,
                None,
                start_of(rules, f),
            )
        )
    if not ready and score > rules.later_cap:
        reasons.append(
            Reason(
                "requirement",
                f"A requirement is not met yet, so the role is for later (readiness capped at"
                f" {rules.later_cap}).",
                rules.later_cap - score,
                None,
                "later",
            )
        )
        score = rules.later_cap
    del start, timed
    readiness = Readiness(
        score,
        time.words,
        None,
        time.source,
        time.audience,
        time.route,
        time.matrix,
        time,
    )
    return Distance(readiness, ready, tuple(reasons), tuple(checks_of(rules, role, f)))


def checks_of(rules: Rules, role: RoleRules, f: Facts) -> list[Check]:
    out = []
    for q in role.requirements:
        missed = _unmet(q, f)
        if q.group is not None:
            label = rules.group_names.get(q.group_name or "", q.group_name or "")
            needed = f"a background as {label}"
            if q.or_coding is not None:
                needed += f", or {CODING_ORDER[q.or_coding]} coding"
            out.append(
                Check(
                    "background",
                    needed,
                    "background" not in missed,
                    f"after working as {label}" if "background" in missed else None,
                    q.reason,
                    q.source,
                )
            )
        if q.min_years is not None:
            more = q.min_years - f.years
            as_what = ""
            if q.group_name is not None:
                as_what = " as " + rules.group_names.get(q.group_name, "")
            out.append(
                Check(
                    "years",
                    f"{q.min_years}+ years of experience",
                    more <= 0,
                    f"after about {more} more year{'s' if more != 1 else ''}{as_what}"
                    if more > 0
                    else None,
                    q.reason,
                    q.source,
                )
            )
        if q.coding is not None:
            level = CODING_ORDER[q.coding]
            out.append(
                Check(
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
            )
    return out


# --- the score and the ranking ----------------------------------------------------------


def score_of(rules: Rules, role: RoleRules, fit: float, readiness: int) -> int:
    raw = (rules.fit_weight * fit + rules.readiness_weight * readiness) / 100
    return max(0, min(100, round_half_up(raw + role.outlook_points)))


def band_of(rules: Rules, score: int, ready: bool) -> str:
    """The band a score claims; a role for later is never more than the lowest band."""
    return rules.band_for[score] if ready else rules.lowest_band


def pay_level(rules: Rules, role: RoleRules, f: Facts) -> tuple[str, int]:
    """(level, years that count toward the role's pay)."""
    counted = f.years if rules.starts[f.background] in role.pay_from else 0
    return next(level for level, start in PAY_LEVELS if counted >= start), counted


def assess(
    rules: Rules, role: RoleRules, f: Facts, followup: Mapping[str, int] = {}
) -> tuple[RoleResult, Fit, Distance]:
    """One role for one person: the result, and the fit and distance behind it."""
    fit = fit_of(rules, role, f, followup)
    dist = distance_of(rules, role, f)
    shown = round_half_up(fit.value)
    score = score_of(rules, role, fit.value, dist.readiness.score)
    result = RoleResult(
        role.id,
        score,
        band_of(rules, score, dist.ready),
        shown,
        dist.readiness,
        dist.ready,
        is_match(rules, fit),
    )
    return result, fit, dist


def is_match(rules: Rules, fit: Fit) -> bool:
    """The role matches the person: at least one interest matches, and its fit (after
    company and "who it suits" points) is at least `min_fit`."""
    return fit.matched > 0 and fit.value >= rules.min_fit


def order_key(rules: Rules, result: RoleResult) -> tuple[bool, bool, int, int, int]:
    """Ready before later, matching before not, then score, readiness, demand."""
    return (
        not result.ready,
        not result.matched,
        -result.score,
        -result.readiness.score,
        rules.by_id[result.role_id].demand_rank,
    )


def rank_facts(rules: Rules, f: Facts, followup: Mapping[str, int] = {}) -> Ranking:
    results = sorted(
        (assess(rules, role, f, followup)[0] for role in rules.roles),
        key=lambda r: order_key(rules, r),
    )
    recommended = [r for r in results if r.ready and r.matched]
    close = None
    pair = recommended[:2]  # a close call is between two recommendations, never the nearest
    if len(pair) == 2 and pair[0].score - pair[1].score <= rules.close_margin:
        close = (pair[0].role_id, pair[1].role_id)
    no_clear_fit = not recommended
    return Ranking(tuple(results), close, no_clear_fit)


def followup_points(rules: Rules, profile: Profile) -> dict[str, int]:
    """Fit points from the person's follow-up answers (docs/followups.md)."""
    if not profile.followups:
        return {}
    from aicareer.engine.followup import points

    return points(rules.followups(), profile.followups)


def rank(rules: Rules, profile: Profile) -> Ranking:
    """Every core role, ranked, for one person."""
    return rank_facts(rules, facts(profile), followup_points(rules, profile))


def explain(rules: Rules, profile: Profile, role_id: str) -> Explanation:
    """Every reason behind one role's fit and time, and each requirement checked."""
    f = facts(profile)
    result, fit, dist = assess(rules, rules.by_id[role_id], f, followup_points(rules, profile))
    return Explanation(result, fit.reasons, dist.reasons, dist.checks)
