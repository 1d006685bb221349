"""One role's entry in the result document (`entry`): the engine's explanation made ready
to show. The one sentence (how long at the person's pace, the main reason, the first
step), the reasons with their sources, the requirements and what would change them, where
the timeline comes from, and pay at the level that counts for this role (or why there is
no figure). Pure: it reads the validated data only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aicareer.document.answer import (
    TimeView,
    _cite,
    _distance_clause,
    _fit_clause,
    fit_words,
    role_pay_level,
    time_view,
)
from aicareer.document.result import Requirement, RoleEntry, Timeline, Why, strongest_first
from aicareer.engine.ranker import engine_of

if TYPE_CHECKING:
    from aicareer.engine.ranker import Check, Explanation, Reason
    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile


def _whys(ds: Dataset, reasons: Sequence[Reason]) -> tuple[Why, ...]:
    return strongest_first([Why(r.text, r.points, r.kind, _cite(ds, r.source)) for r in reasons])


def _requirements(checks: Sequence[Check]) -> tuple[Requirement, ...]:
    return tuple(Requirement(c.needed, c.met, c.change, c.reason) for c in checks)


def _pay_missing(ds: Dataset, role_id: str, region: str) -> str:
    role = ds.roles[role_id]
    if role.salary.no_figure:
        return role.salary.no_figure
    label = ds.matrix.regions[region].label
    return f"The sources give no figure for {label} at this level."


def _timeline(view: TimeView) -> Timeline:
    if view.basis == "source" and view.source_words:
        note = f"{view.source}: {view.source_words!r}"
        if view.audience:
            note += f", for: {view.audience}"
    elif view.source_words:
        note = (
            f"aicareer's estimate; {view.source} says {view.source_words!r} for"
            f" {view.audience or 'this start'}, with no duration"
        )
    else:
        note = "aicareer's estimate: no source gives a time from your starting point"
    months = None
    if view.weeks is not None:
        months = (round(view.weeks[0] / 4.33), round(view.weeks[1] / 4.33))
    elif view.years is not None:
        months = (view.years[0] * 12, view.years[1] * 12)
    return Timeline(view.text, note, months, view.source)


def entry(ds: Dataset, ex: Explanation, rank: int, profile: Profile, level: str) -> RoleEntry:
    result = ex.result
    role = ds.roles[result.role_id]
    reqs = _requirements(ex.checks)
    time = result.readiness.time
    assert time is not None
    view = time_view(ds, profile, time)
    changes = [r.change for r in reqs if r.change]
    if result.ready:
        status_note = ""
    else:
        status_note = "Later: " + "; ".join(changes) + "." if changes else "Later."
    path = ds.paths.path_for(role.id)
    first_step = path.cheap_test.short if path and path.cheap_test else ""
    fit_clause = _fit_clause(profile, ex)
    if result.ready:
        head = f"{view.text[0].upper()}{view.text[1:]}"
        reason = f"{fit_clause}, and {_distance_clause(ds, profile, time)}"
    else:
        head = f"Later, {'; '.join(changes) or 'once its requirements are met'}"
        reason = f"{fit_clause}; {view.text} in all"
    sentence = f"{head}: {reason}."
    if first_step:
        sentence += f" First step: {first_step}."
    from aicareer.planner.salary import pay_for

    role_level, pay_reason = role_pay_level(ds, role.id, profile)
    raw_fit = sum(w.points for w in ex.fit)
    r = result.readiness
    frm = f"matrix:{r.matrix}" if r.matrix else f"route:{r.route}" if r.timeline else "none"
    del level
    rules = engine_of(ds).rules.by_id[role.id]
    return RoleEntry(
        rank=rank,
        timeline_from=frm,
        role=role.id,
        name=role.name,
        score=result.score,
        band=result.band,
        status="now" if result.ready else "later",
        fit=result.fit,
        readiness=result.readiness.score,
        summary=role.summary,
        fit_reasons=_whys(ds, ex.fit),
        readiness_reasons=_whys(ds, ex.readiness),
        requirements=reqs,
        timeline=_timeline(view),
        pay=pay_for(ds, role.id, profile.region, role_level),
        pay_missing=_pay_missing(ds, role.id, profile.region),
        demand=role.signal,
        status_note=status_note,
        sentence=sentence,
        time=view,
        first_step=first_step,
        fit_words=f"fits what you want: {fit_words(result.fit)}",
        distance_words=f"how far: {view.text}",
        fit_capped=raw_fit > 100,
        pay_level=role_level,
        pay_reason=pay_reason,
        outlook=rules.outlook,
        market_words=f"market: {rules.outlook}" if rules.outlook_points < 0 else "",
    )
