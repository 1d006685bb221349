"""Why (or why not) one role: every reason, every requirement, and the smallest change.

Pure: a profile and the engine in, a `WhyRole` out. "The smallest change" is searched, not
guessed: single changes to the answers are tried cheapest first (a company, one interest
added or dropped, one coding level, a few more years, the interests replaced by one, then
another background), then pairs of the cheapest; the first that puts the role among the
person's top three recommendations wins. Costs are ordinal and documented in
docs/rules.md ("Why not this role?").
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any, NamedTuple

from aicareer.engine.ranker import CODING_ORDER, Engine, Explanation, Ranking
from aicareer.records.models import Profile
from aicareer.records.vocab import BACKGROUNDS, COMPANIES, INTERESTS

TOP = 3
#: Most years to add when looking for the smallest change.
MAX_MORE_YEARS = 10


class Change(NamedTuple):
    field: str
    before: Any
    after: Any
    #: How it reads: "add the interest agents".
    text: str
    #: Ordinal cost: smaller is a smaller change to someone's life.
    cost: int


class WhyRole(NamedTuple):
    role_id: str
    explanation: Explanation
    #: 1-based place among the recommendations (ready, matching roles first).
    position: int
    in_top: bool
    #: The smallest set of changes that brings the role into the top three (None: none
    #: found, or already there).
    changes: tuple[Change, ...] | None
    position_after: int | None
    #: How many roles were ranked.
    total: int = 0


def shown_position(ranking: Ranking, role_id: str) -> tuple[int, bool]:
    """(place in the ranking, whether it is one of the top three recommendations)."""
    place = ranking.position(role_id)
    recommended = [r.role_id for r in ranking.results if r.ready and r.matched][:TOP]
    return place, role_id in recommended


def candidates(profile: Profile) -> Iterator[Change]:
    """Every single change worth trying, roughly cheapest first."""
    for company in COMPANIES:
        if company != profile.company:
            yield Change("company", profile.company, company, f"company: {company}", 1)
    have = list(profile.interests)
    for interest in INTERESTS:
        if interest not in have:
            new = [*have, interest]
            yield Change("interests", have, new, f"add the interest {interest}", 1)
    if len(have) > 1:
        for interest in have:
            new = [i for i in have if i != interest]
            yield Change("interests", have, new, f"drop the interest {interest}", 1)
    level = CODING_ORDER.index(profile.coding_level)
    for i, coding in enumerate(CODING_ORDER[level + 1 :], 1):
        yield Change("coding", profile.coding_level, coding, f"coding: {coding}", 1 + i)
    for more in range(1, MAX_MORE_YEARS + 1):
        if profile.years + more > 60:
            break
        after = profile.years + more
        s = "s" if more != 1 else ""
        yield Change("years", profile.years, after, f"{more} more year{s} ({after} in all)", more)
    for interest in INTERESTS:
        if have != [interest]:
            text = f"interests: only {interest}"
            yield Change("interests", have, [interest], text, 2)
    for bg in BACKGROUNDS:
        if bg != profile.background:
            text = f"background: {bg.replace('-', ' ')}"
            yield Change("background", profile.background, bg, text, 6)


def apply(profile: Profile, changes: tuple[Change, ...]) -> Profile:
    values = profile._asdict()
    for c in changes:
        values[c.field] = c.after
    if any(c.field == "background" for c in changes) and profile.coding is None:
        values["coding"] = profile.coding_level  # keep what the person can do
    return Profile(**values)


def smallest_change(
    engine: Engine, profile: Profile, role_id: str
) -> tuple[tuple[Change, ...], int] | None:
    singles = sorted(candidates(profile), key=lambda c: c.cost)
    for change in singles:
        ranking = engine.rank(apply(profile, (change,)))
        place, top = shown_position(ranking, role_id)
        if top:
            return (change,), place
    cheap = singles[:40]
    pairs = sorted(
        ((a, b) for a, b in itertools.combinations(cheap, 2) if a.field != b.field),
        key=lambda ab: ab[0].cost + ab[1].cost,
    )
    for pair in pairs:
        ranking = engine.rank(apply(profile, pair))
        place, top = shown_position(ranking, role_id)
        if top:
            return pair, place
    return None


def why(engine: Engine, profile: Profile, role_id: str) -> WhyRole:
    ranking = engine.rank(profile)
    place, top = shown_position(ranking, role_id)
    found = None if top else smallest_change(engine, profile, role_id)
    return WhyRole(
        role_id,
        engine.explain(profile, role_id),
        place,
        top,
        found[0] if found else None,
        found[1] if found else None,
        len(ranking.results),
    )


def why_json(w: WhyRole, name: str) -> dict[str, Any]:
    from aicareer.records.models import to_dict

    ex = w.explanation
    r = ex.result
    return {
        "role": w.role_id,
        "name": name,
        "position": w.position,
        "in_top_three": w.in_top,
        "status": "now" if r.ready else "later",
        "score": r.score,
        "band": r.band,
        "fit": {"score": r.fit, "reasons": [to_dict(x) for x in ex.fit]},
        "readiness": {
            "score": r.readiness.score,
            "timeline": r.readiness.timeline,
            "source": r.readiness.source,
            "reasons": [to_dict(x) for x in ex.readiness],
        },
        "requirements": [to_dict(c) for c in ex.checks],
        "smallest_change": None
        if w.changes is None
        else {
            "changes": [
                {"field": c.field, "from": c.before, "to": c.after, "text": c.text}
                for c in w.changes
            ],
            "position_after": w.position_after,
        },
    }
