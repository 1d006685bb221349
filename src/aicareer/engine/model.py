"""The model, as docs/rules.md states it: a person's facts in, every role ranked out. Pure.

The rules live in `rules.py`, FIT in `fit.py`, TIME TO READY in `distance.py`; this module
scores and ranks. The batch ranker in `ranker.py` memoises these same functions, and
tests/test_one_answer.py checks the two agree over the whole grid.

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

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from aicareer.engine.conditions import Facts, facts
from aicareer.engine.distance import (
    Distance,
    distance_of,
    readiness_from_months,
    time_of,
)
from aicareer.engine.fit import Fit, fit_of
from aicareer.engine.ranking import Explanation, Ranking, RoleResult
from aicareer.engine.requirements import checks_of
from aicareer.engine.rules import (
    CODING_ORDER,
    LEVEL,
    PAY_LEVELS,
    WEEKS_PER_MONTH,
    RoleRules,
    Rules,
    round_half_up,
    start_of,
)

if TYPE_CHECKING:
    from aicareer.records.models import Profile


# --- the score and the ranking ----------------------------------------------------------


def score_of(rules: Rules, role: RoleRules, fit: float, readiness: int) -> int:
    raw = (rules.fit_weight * fit + rules.readiness_weight * readiness) / 100
    return max(0, min(100, round_half_up(raw + role.outlook_points)))


def band_of(rules: Rules, score: int, readiness: int, ready: bool) -> str:
    """The band a score claims: the highest whose score and readiness the role reaches; a
    role for later is never more than the lowest band."""
    if not ready:
        return rules.lowest_band
    return next(
        (name for name, low, near in rules.bands if score >= low and readiness >= near),
        rules.lowest_band,
    )


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
        band_of(rules, score, dist.readiness.score, dist.ready),
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


class Shown(Protocol):
    """What choosing the roles to show reads of a ranked role."""

    @property
    def ready(self) -> bool: ...
    @property
    def matched(self) -> bool: ...
    @property
    def fit(self) -> int: ...
    @property
    def score(self) -> int: ...


S = TypeVar("S", bound=Shown)


def shown_roles(results: Sequence[S], top: int) -> list[S]:
    """The roles a person is shown, at most `top`, from the ranked results: the roles they
    can aim at now that match what they want, best first. When none does ("no clear fit
    yet"), the nearest instead: roles they can aim at now with something in common with
    what they want (fit above 0), by fit, then score. The quiz, the report and batch all
    show these."""
    ready = [r for r in results if r.ready]
    if any(r.matched for r in ready):
        return [r for r in ready if r.matched][:top]
    return sorted((r for r in ready if r.fit > 0), key=lambda r: (-r.fit, -r.score))[:top]


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


__all__ = [
    "CODING_ORDER",
    "LEVEL",
    "PAY_LEVELS",
    "WEEKS_PER_MONTH",
    "Distance",
    "Fit",
    "RoleRules",
    "Rules",
    "assess",
    "band_of",
    "checks_of",
    "distance_of",
    "explain",
    "fit_of",
    "is_match",
    "order_key",
    "pay_level",
    "rank",
    "rank_facts",
    "readiness_from_months",
    "round_half_up",
    "score_of",
    "shown_roles",
    "start_of",
    "time_of",
]
