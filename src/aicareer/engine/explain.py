"""Why a role scored what it did: every fit and readiness reason with its points, and each
requirement met or missed. The result is the ranking's own; the reasons are read from the
same tables, and a test checks that the fit reasons add up to the ranked fit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from aicareer.engine.conditions import facts
from aicareer.engine.ranker import _LEVEL, CODING_ORDER, _round
from aicareer.engine.ranking import Check, Explanation, Reason, RoleResult
from aicareer.records.models import Profile

if TYPE_CHECKING:
    from aicareer.engine.conditions import Facts as _Facts
    from aicareer.engine.ranker import Engine, _Role


def explain(engine: Engine, profile: Profile, role_id: str) -> Explanation:
    """Every reason behind one role's fit and readiness, and each requirement checked."""
    role = next(r for r in engine._roles if r.id == role_id)
    f = facts(profile)
    # The numbers are the ranking's own: one computation of fit and readiness, not two.
    result = next(r for r in engine.rank(profile).results if r.role_id == role_id)
    return Explanation(
        result,
        tuple(_fit_reasons(engine, role, profile, f)),
        tuple(_readiness_reasons(engine, role, profile, f, result)),
        tuple(_checks(engine, role, f)),
    )


def _fit_reasons(engine: Engine, role: _Role, profile: Profile, f: _Facts) -> Iterable[Reason]:
    n = len(profile.interests)
    weights = {i: role.affinity.get(i, 0) for i in profile.interests}
    best = max(weights.values())
    best_id = next(i for i in profile.interests if weights[i] == best)
    for interest in profile.interests:
        w = weights[interest]
        # Each interest's share: its weight through the average, plus the best one's
        # extra through fit_best, so the shares add up to the fit before company points.
        pts = engine._mean * w / n / 100 + (engine._best * w / 100 if interest == best_id else 0)
        aff = next(a for a in engine.matrix.fit if a.interest == interest)
        label = interest.replace("-", " ")
        text = (aff.why or {}).get(role.id) or (
            f"Your interest in {label} has little to do with this role's work."
            if w == 0
            else f"Your interest in {label} overlaps with part of this role's work."
        )
        yield Reason("interest", text, _round(pts), aff.source if w else None, interest)
    company = engine._company.get(f[3])
    if company is not None and role.id in company.weights:
        pts = company.weights[role.id]
        yield Reason("company", company.reason, pts, company.source, company.company)
    for test, suits in engine._suits:
        if test(f) and role.id in suits.weights:
            yield Reason("suits", suits.reason, suits.weights[role.id], suits.source, suits.id)


def _readiness_reasons(
    engine: Engine, role: _Role, profile: Profile, f: _Facts, result: RoleResult
) -> Iterable[Reason]:
    route = engine._route(role, f)
    if route is not None:
        r = route.readiness
        yield Reason("route", route.reason, r.score, r.source, r.route or "")
    else:
        start = engine._starts[f[0]]
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
            f"The role's skill list assumes {CODING_ORDER[role.comfort]} coding; you said {f[4]}.",
            -short * engine._shortfall,
            None,
            "coding",
        )
    if not result.ready:
        route_or_estimate = (
            route.readiness.score if route else role.estimates.get(engine._starts[f[0]], 0)
        )
        before = max(0, route_or_estimate - max(0, short) * engine._shortfall)
        yield Reason(
            "requirement",
            f"A requirement is not met yet, so the role is for later (readiness capped at"
            f" {engine._cap}).",
            min(0, engine._cap - before),
            None,
            "later",
        )


def _checks(engine: Engine, role: _Role, f: _Facts) -> Iterable[Check]:
    for q in role.reqs:
        missed = engine._unmet(q, f)
        if q.group is not None:
            label = engine._group_names.get(q.group_name or "", q.group_name or "")
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
                as_what = " as " + engine._group_names.get(q.group_name or "", "")
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
