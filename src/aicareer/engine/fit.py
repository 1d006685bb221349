"""FIT: how well a role's work matches what a person wants, with every reason. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from aicareer.engine.conditions import Facts
from aicareer.engine.ranking import Reason
from aicareer.engine.rules import RoleRules, Rules, round_half_up


class Fit(NamedTuple):
    #: Fit before rounding, within 0-100.
    value: float
    #: How many of the person's interests match the role's work.
    matched: int
    #: The sum before it was kept within 0-100 (above 100: shown as capped).
    raw: float
    reasons: tuple[Reason, ...]


def fit_of(
    rules: Rules,
    role: RoleRules,
    f: Facts,
    followup: Mapping[str, int] = {},
    reasons_too: bool = True,
) -> Fit:
    """How well the role's work matches what the person wants, with every reason (batch,
    which shows no reasons, asks for the numbers alone: `reasons_too=False`)."""
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
        if not reasons_too:
            continue
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
