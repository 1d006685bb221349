"""TIME TO READY and READINESS: the one time for a person and a role (`time_of`), the
readiness read off it, and the requirements (docs/rules.md, "Time to ready"). Pure."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from aicareer.engine.conditions import Facts
from aicareer.engine.ranking import Check, PhaseTime, Readiness, Reason, TimeToReady
from aicareer.engine.requirements import checks_of, unmet
from aicareer.engine.rules import (
    CODING_PHASES,
    LEVEL,
    WEEKS_PER_MONTH,
    RoleRules,
    Rules,
    round_half_up,
    start_of,
)

if TYPE_CHECKING:
    from aicareer.records.rulemodels import Route


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
    met = not any(unmet(q, f) for q in role.requirements)
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
        bisect_right(role.years_cuts, f.years),  # years between two cuts rank alike
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


def ready_of(rules: Rules, role: RoleRules, f: Facts) -> tuple[int, bool, TimeToReady]:
    """(readiness, no requirement missed, the time to ready): the readiness is read off the
    time, and capped at `later_readiness_cap` for a role that is for later."""
    time = time_of(rules, role, f)
    score = readiness_from_months(rules, time.months_mid)
    ready = not any(unmet(q, f) for q in role.requirements)
    return (score if ready else min(score, rules.later_cap)), ready, time


def _distance(rules: Rules, role: RoleRules, f: Facts) -> Distance:
    capped, ready, time = ready_of(rules, role, f)
    score = readiness_from_months(rules, time.months_mid)
    reasons: list[Reason] = []
    _, first = _route(role, f)
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
    if capped < score:
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
    readiness = Readiness(
        capped,
        time.words,
        None,
        time.source,
        time.audience,
        time.route,
        time.matrix,
        time,
    )
    return Distance(readiness, ready, tuple(reasons), tuple(checks_of(rules, role, f)))
