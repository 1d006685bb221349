"""The whole result for one person (`build`): which roles are shown in detail, and which
are for later; "no clear fit yet" and what would make a role fit; the close call and how
it was decided; the follow-up questions answered and what they changed, or the one that
would help; and the next steps. Pure: it takes the validated data, a profile and the
engine's ranking and returns a `document.result.Result`. None of the renderers computes a
score, picks a band, chooses a timeline or converts a salary.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from aicareer.document.answer import pay_level, time_view
from aicareer.document.result import (
    SCHEMA_VERSION,
    CloseCall,
    NoClearFit,
    RankRow,
    Result,
    RoleEntry,
    Step,
)
from aicareer.document.role_entry import entry
from aicareer.engine.model import shown_roles
from aicareer.engine.ranker import engine_of
from aicareer.records.models import Profile

if TYPE_CHECKING:
    from aicareer.engine.ranker import Ranking, RoleResult
    from aicareer.records.dataset import Dataset


def _close_call(ds: Dataset, ranking: Ranking) -> CloseCall | None:
    if ranking.close_call is None:
        return None
    a_id, b_id = ranking.close_call
    a = next(r for r in ranking.results if r.role_id == a_id)
    b = next(r for r in ranking.results if r.role_id == b_id)
    if a.score != b.score:
        decided = "the higher score"
    elif a.readiness.score != b.readiness.score:
        decided = "equal scores, so the shorter way in (higher readiness) goes first"
    else:
        decided = "equal scores and readiness, so the role in more demand goes first"
    return CloseCall(
        a_id, b_id, ds.roles[a_id].name, ds.roles[b_id].name, a.score - b.score, decided
    )


def build(
    ds: Dataset, profile: Profile, ranking: Ranking | None = None, top: int | None = 3
) -> Result:
    """The whole result for one person: `top` ready roles in detail, the later ones that fit.

    `top=None` details every role, ready ones first, then later ones (`quiz --all --json`).
    """
    from aicareer.planner.salary import salary_rows
    from aicareer.records.profile import profile_dict

    engine = engine_of(ds)
    ranking = ranking or engine.rank(profile)
    level = pay_level(profile.years)
    ready = [r for r in ranking.results if r.ready]
    positions = {r.role_id: i for i, r in enumerate(ranking.results, 1)}

    def make(r: RoleResult, rank: int | None = None) -> RoleEntry:
        at = positions[r.role_id] if rank is None else rank
        return entry(ds, engine.explain(profile, r.role_id), at, profile, level)

    aside = set(profile.not_for_me)
    ready = [r for r in ready if r.role_id not in aside]
    # Roles that match none of the person's interests are never recommended (with no clear
    # fit, the nearest are shown as such); roles set aside ("not for me") make room.
    picked = list(ranking.results) if top is None else shown_roles(ready, top)
    # Numbered as shown: a role set aside leaves no gap in 1, 2, 3.
    shown = tuple(make(r, None if top is None else i) for i, r in enumerate(picked, 1))
    # For later: the roles that match what the person wants and fit at least as well as
    # the best one shown; and while fewer than `top` are shown, the best-fitting other
    # matching ones too, so a short answer still says what a change would open.
    best_fit_shown = max((e.fit for e in shown), default=0)
    matching = sorted(
        (r for r in ranking.results if not r.ready and r.matched and r.role_id not in aside),
        key=lambda r: -r.fit,
    )
    room = 0 if top is None else max(0, top - len(shown))
    better = [r for r in matching if r.fit >= best_fit_shown]
    later_fits = better + [r for r in matching if r.fit < best_fit_shown][:room]
    later = tuple(make(r) for r in later_fits[:3])
    no_fit = None
    if ranking.no_clear_fit:
        suggestions = [f"{e.name}: {'; '.join(e.changes)}" for e in later if e.changes]
        if not suggestions:
            suggestions = [
                "Look at the roles' work (aicareer roles, aicareer show ROLE) and pick the"
                " interests that describe what you want to do each day."
            ]
        nearest = (
            " The nearest roles are below, with what would make one fit."
            if shown
            else " Nothing you can aim at now is near it; below is what would make a role fit."
        )
        no_fit = NoClearFit(
            "No clear fit yet: none of the roles you can aim at now matches what you said you"
            " want." + nearest,
            tuple(suggestions),
        )
    s = ds.matrix.scoring
    return Result(
        schema=SCHEMA_VERSION,
        profile={**profile_dict(profile), "coding_level": profile.coding_level},
        region=profile.region,
        region_label=ds.matrix.regions[profile.region].label,
        pay_level=level,
        top=shown,
        later=later,
        ranking=tuple(
            RankRow(
                i,
                r.role_id,
                ds.roles[r.role_id].name,
                r.score,
                r.band,
                "now" if r.ready else "later",
                r.fit,
                r.readiness.score,
                time_view(ds, profile, r.readiness.time).short if r.readiness.time else "",
            )
            for i, r in enumerate(ranking.results, 1)
        ),
        close_call=_close_call(ds, ranking),
        no_clear_fit=no_fit,
        next_steps=next_steps(shown, later),
        scoring=(
            f"How to read the numbers: fit (0-100) is how much of the work is what you want;"
            f" readiness (0-100) is read off the time to ready, shorter is higher; score ="
            f" {s.fit_weight}% fit + {s.readiness_weight}% readiness + the market's outlook"
            " (shrinking roles lose points). Roles you can aim at now come first; ties go to"
            " the shorter way in, then to demand."
        ),
        band_claims={b.name: b.claim or "" for b in s.bands},
        data_version=f"{ds.roles_file.meta.version} / {ds.matrix.meta.version}",
        sources=tuple(ds.source_label(src.id) for src in ds.roles_file.sources),
        salary=salary_rows(ds, [e.role for e in shown], profile.region),
        set_aside=tuple((rid, ds.roles[rid].name) for rid in profile.not_for_me if rid in ds.roles),
        **_followup_lines(ds, profile, ranking, shown),
    )


def _followup_lines(
    ds: Dataset, profile: Profile, ranking: Ranking, shown: Sequence[RoleEntry]
) -> dict[str, Any]:
    """The follow-ups answered and what they changed; or, on a close call with none
    answered, the question that would separate the two roles (docs/followups.md)."""
    if not profile.followups:
        if ranking.close_call is None or not shown:
            return {}
        from aicareer.engine.followup import choose

        picks = choose(ds.followups.followups, list(ranking.close_call), 1)
        if not picks:
            return {}
        return {"followup_hint": f"A question would help tell them apart: {picks[0].ask}"}
    asked = []
    for q in ds.followups.followups:
        answer = profile.followups.get(q.id)
        if answer is not None:
            text = next((c.text for c in q.choices if c.id == answer), answer)
            asked.append((q.ask, text))
    before = engine_of(ds).rank(profile._replace(followups={}))
    aside = set(profile.not_for_me)
    first = [r.role_id for r in before.results if r.ready and r.matched and r.role_id not in aside]
    if not shown or not first:
        change = None
    elif first[0] != shown[0].role:
        was = ds.roles[first[0]].name
        change = f"Your answer put {shown[0].name} first (before it: {was})."
    else:
        change = f"Your answer kept {shown[0].name} first."
    return {"followups": tuple(asked), "followup_change": change}


def next_steps(top: Sequence[RoleEntry], later: Sequence[RoleEntry]) -> tuple[Step, ...]:
    steps: list[Step] = []
    if top:
        steps.append(Step(f"aicareer path {top[0].role}", "a plan to get there, at your pace"))
    if len(top) > 1 and top[1].role != top[0].role:
        steps.append(
            Step(f"aicareer decide {top[0].role} {top[1].role}", "choose between the top two")
        )
    if top:
        steps.append(Step(f"aicareer why {top[0].role}", "every reason behind the score"))
    if later:
        steps.append(Step(f"aicareer why {later[0].role}", "what would bring it within reach"))
    steps.append(Step("aicareer quiz --all", "every role's score"))
    return tuple(steps)
