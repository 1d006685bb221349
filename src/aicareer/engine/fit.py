"""FIT: how well a role's work matches what a person wants, with every reason. Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from aicareer.engine.conditions import Facts
from aicareer.engine.ranking import Reason
from aicareer.engine.rules import RoleRules, Rules, round_half_up
from aicareer.records.vocab import INTEREST_NOUN


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
) -> Fit:
    """How well the role's work matches what the person wants, with every reason."""
    total, matched, reasons = from_interests(rules, role, f.interests, reasons_too=True)
    for pts, reason in added_points(
        rules, role, f.company, [t(f) for t, _ in rules.suits], followup
    ):
        total += pts
        reasons.append(reason)
    return Fit(min(100.0, max(0.0, total)), matched, total, tuple(reasons))


def from_interests(
    rules: Rules, role: RoleRules, interests: frozenset[str], reasons_too: bool
) -> tuple[float, int, list[Reason]]:
    """Fit from the interests alone: (points, how many match, the reasons if asked).
    Each interest adds `fit_coverage`% x (1 if it matches) + the rest x its weight, over
    the number of interests (so the share of interests matched counts)."""
    n = len(interests)
    cov, mean = rules.coverage, 100 - rules.coverage
    reasons: list[Reason] = []
    total = 0.0
    matched = 0
    for interest in sorted(interests):
        weight, why, source = role.affinity.get(interest, (0, None, ""))
        is_match = weight >= rules.match_at
        matched += is_match
        pts = (cov * 100 * is_match + mean * weight) / 100 / n
        total += pts
        if not reasons_too:
            continue
        label = INTEREST_NOUN.get(interest, interest)
        if is_match:
            text = why or f"Your interest in {label} is part of this role's work."
        elif weight:
            text = f"Your interest in {label} overlaps with part of this role's work."
        else:
            text = f"Your interest in {label} has little to do with this role's work."
        kind = "interest" if is_match else "overlap"
        reasons.append(Reason(kind, text, round_half_up(pts), source if weight else None, interest))
    return total, matched, reasons


def added_points(
    rules: Rules,
    role: RoleRules,
    company: str,
    held: Sequence[bool],
    followup: Mapping[str, int] = {},
) -> list[tuple[int, Reason]]:
    """The points added to the interests' fit, in order, each with its reason: the
    company's, each "who it suits" rule's that holds (`held`, in the rules' order), the
    follow-up answer's."""
    out = []
    found = rules.company.get(company)  # type: ignore[call-overload]
    if found is not None and role.id in found.weights:
        pts = found.weights[role.id]
        out.append((pts, Reason("company", found.reason, pts, found.source, found.company)))
    for holds, (_, suits) in zip(held, rules.suits, strict=True):
        if holds and role.id in suits.weights:
            pts = suits.weights[role.id]
            out.append((pts, Reason("suits", suits.reason, pts, suits.source, suits.id)))
    if followup.get(role.id):
        pts = followup[role.id]
        why = "Your answer to the follow-up question."
        out.append((pts, Reason("followup", why, pts, None, "followup")))
    return out
