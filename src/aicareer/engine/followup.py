"""Follow-up questions, the pure part: what an answer adds, and which question to ask.

No I/O and no prompts: the records come from `aicareer.records.followups`, the answers
from the profile (`Profile.followups`). docs/followups.md states the rule in words.

- `points(followups, answers)`: the fit points a person's follow-up answers add, per role.
- `choose(followups, top_roles, limit)`: the questions that best separate the close roles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from aicareer.records.followups import Followup


def points(followups: Sequence[Followup], answers: Mapping[str, str]) -> dict[str, int]:
    """Role id -> the fit points the answers add (only roles some answer moves; a role
    moved by two answers gets both). An answer to an unknown question or with an unknown
    choice adds nothing (answers files are checked against the data when read)."""
    out: dict[str, int] = {}
    for f in followups:
        picked = answers.get(f.id)
        if picked is None:
            continue
        for c in f.choices:
            if c.id == picked:
                for rid, n in c.adds.items():
                    out[rid] = out.get(rid, 0) + n
                break
    return out


def swing(f: Followup, first: str, second: str) -> int:
    """How far this question's answers can move the gap between `first` and `second`,
    from one answer to another: each choice changes the gap by (points to first - points
    to second); the swing is the largest change minus the smallest. A question about two
    other roles, or that adds the same to both, swings 0; one whose answers push either
    way (+10 to one, +15 to the other) swings most (25)."""
    moves = [c.adds.get(first, 0) - c.adds.get(second, 0) for c in f.choices]
    return max(moves) - min(moves) if moves else 0


class Pick(NamedTuple):
    """A chosen question and why: the swing between the top two, then over all pairs."""

    followup: Followup
    #: How far its answers move the gap between the first two close roles (`swing`).
    top_swing: int
    #: The largest swing between any two of the close roles.
    any_swing: int


def rank_questions(followups: Sequence[Followup], top_roles: Sequence[str]) -> list[Pick]:
    """Every question that can change the order of the close roles, best first.

    The rule (docs/followups.md): a question counts when its answers can move the gap
    between some two of `top_roles` (a `swing` above 0). Best is the largest swing between
    the first two (`top_swing`); then the largest swing between any two of them
    (`any_swing`, for a third close role); then the data's order. Roles outside
    `top_roles` play no part."""
    roles = list(dict.fromkeys(top_roles))
    pairs = [(a, b) for i, a in enumerate(roles) for b in roles[i + 1 :]]
    picks: list[tuple[int, int, int, Pick]] = []
    for order, f in enumerate(followups):
        any_swing = max((swing(f, a, b) for a, b in pairs), default=0)
        if any_swing == 0:
            continue
        top = swing(f, roles[0], roles[1]) if len(roles) >= 2 else 0
        picks.append((-top, -any_swing, order, Pick(f, top, any_swing)))
    picks.sort(key=lambda p: p[:3])
    return [p[3] for p in picks]


def choose(
    followups: Sequence[Followup],
    top_roles: Sequence[str],
    limit: int = 2,
    answered: Mapping[str, str] | None = None,
) -> list[Followup]:
    """The one or two (`limit`) questions that best separate `top_roles` (the close roles,
    best first), skipping those already `answered`. Empty when none separates them."""
    done = answered or {}
    chosen = [p.followup for p in rank_questions(followups, top_roles) if p.followup.id not in done]
    return chosen[:limit]


__all__ = ["Pick", "choose", "points", "rank_questions", "swing"]
