"""The result document: everything a person gets from the quiz, built once, rendered many ways.

`build()` is pure: it takes the validated data, a profile and the engine's ranking, and
returns a `Result` of plain named tuples. The terminal (`render_result`), Markdown, HTML and
JSON renderers only lay it out; none of them computes a score, picks a band, chooses a
timeline or converts a salary. `to_json()` is the public JSON shape (docs/result-schema.json).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from aicareer.document.answer import (  # noqa: F401  (the document's names, in one place)
    PAY_LEVELS,
    TimeView,
    _cite,
    _distance_clause,
    _fit_clause,
    fit_words,
    pay_level,
    role_pay_level,
    time_view,
)
from aicareer.records.models import Profile

if TYPE_CHECKING:
    from aicareer.engine.ranker import Check, Explanation, Ranking, Reason, RoleResult
    from aicareer.records.dataset import Dataset

#: Bumped when a field is removed or changes meaning (adding fields keeps it).
SCHEMA_VERSION = 2


class Why(NamedTuple):
    """One reason, ready to show."""

    text: str
    #: Points it gave to fit or readiness (negative: took away).
    points: int
    #: "interest", "company", "suits", "route", "estimate", "coding", "requirement".
    kind: str
    #: A short source label ("Roles guide, 2026-03"), or None for aicareer's own estimate.
    source: str | None


class Requirement(NamedTuple):
    needed: str
    met: bool
    #: What would change it, when not met ("after about 2 more years as an engineer").
    change: str | None
    why: str


class Pay(NamedTuple):
    level: str
    #: "$60K-$112K"
    text: str
    #: "US base salary", "base salary, derived from US figures", "total compensation"
    basis: str
    source: str
    note: str | None


class Timeline(NamedTuple):
    #: The one time to ready, at the person's pace ("about 3-5 months at your 8 hours a
    #: week"): the same on every screen and in every format.
    text: str | None
    #: Where it comes from: the source's own words and who they are for, or "an estimate".
    note: str
    months: tuple[int, int] | None
    source: str | None


class RoleEntry(NamedTuple):
    rank: int
    #: Where the timeline comes from: "matrix:<row>", "route:<route>" or "none".
    timeline_from: str
    role: str
    name: str
    score: int
    band: str
    #: "now" (every requirement met) or "later".
    status: str
    fit: int
    readiness: int
    summary: str
    fit_reasons: tuple[Why, ...]
    readiness_reasons: tuple[Why, ...]
    requirements: tuple[Requirement, ...]
    timeline: Timeline
    pay: tuple[Pay, ...]
    #: Why there is no pay figure, when `pay` is empty.
    pay_missing: str
    #: What stands out about the market for it (shrinking, emerging, not standardised...).
    demand: str
    status_note: str
    #: The answer in one plain sentence: how long at your pace, the main reason, the first
    #: step. Every number on every screen agrees with it.
    sentence: str = ""
    time: TimeView | None = None
    #: The first step, in a few words (the role's cheap test).
    first_step: str = ""
    #: "fits what you want: strongly" / "how far: about 3-5 months at ..."
    fit_words: str = ""
    distance_words: str = ""
    #: True when the fit's points add up to more than 100 (shown as capped).
    fit_capped: bool = False
    #: The pay level for this role and why ("entry level: new to this field").
    pay_level: str = ""
    pay_reason: str = ""
    #: The market's direction for the role: mainstream, growing, established, emerging,
    #: untitled or shrinking.
    outlook: str = ""

    @property
    def changes(self) -> tuple[str, ...]:
        return tuple(r.change for r in self.requirements if r.change)


class RankRow(NamedTuple):
    rank: int
    role: str
    name: str
    score: int
    band: str
    status: str
    fit: int
    readiness: int
    #: The one time to ready, short ("3-5 months").
    time: str = ""


class CloseCall(NamedTuple):
    first: str
    second: str
    first_name: str
    second_name: str
    gap: int
    #: How the tie (or near tie) was broken, in words.
    decided_by: str


class NoClearFit(NamedTuple):
    message: str
    #: What would make a role fit (the later roles' changes, or interests to look at).
    suggestions: tuple[str, ...]


class Step(NamedTuple):
    command: str
    what: str


class Result(NamedTuple):
    schema: int
    profile: dict[str, Any]
    region: str
    region_label: str
    pay_level: str
    #: The roles to show in detail, best first: ready roles only.
    top: tuple[RoleEntry, ...]
    #: Roles that fit what the person wants but are for later, best fit first.
    later: tuple[RoleEntry, ...]
    #: Every core role, in rank order.
    ranking: tuple[RankRow, ...]
    close_call: CloseCall | None
    no_clear_fit: NoClearFit | None
    next_steps: tuple[Step, ...]
    #: How the score is made, in one sentence, from the data.
    scoring: str
    bands: tuple[tuple[str, int], ...]
    #: What each band claims (matrix.toml [scoring] bands).
    band_claims: dict[str, str]
    data_version: str
    sources: tuple[str, ...]
    #: Every pay figure for the shown roles in the person's region, all levels (the JSON's
    #: `salary` list, kept from schema 1).
    salary: tuple[dict[str, Any], ...] = ()
    #: Roles the person set aside ("not for me"), as (id, name): never in the top three.
    set_aside: tuple[tuple[str, str], ...] = ()
    #: The follow-up questions answered: (question, answer), and what the answers changed.
    followups: tuple[tuple[str, str], ...] = ()
    followup_change: str | None = None
    #: On a close call with no follow-up answered: the question that would separate them.
    followup_hint: str | None = None


# --- building ------------------------------------------------------------------------------

#: Years of experience from which each pay level applies (aicareer's reading, documented
#: in docs/rules.md): 0-2 entry, 3-7 mid, 8 and more senior.


def _whys(ds: Dataset, reasons: Sequence[Reason]) -> tuple[Why, ...]:
    return tuple(Why(r.text, r.points, r.kind, _cite(ds, r.source)) for r in reasons)


def _requirements(checks: Sequence[Check]) -> tuple[Requirement, ...]:
    return tuple(Requirement(c.needed, c.met, c.change, c.reason) for c in checks)


def pay_for(ds: Dataset, role_id: str, region: str, level: str) -> tuple[Pay, ...]:
    """The role's pay at one level in one region, every source apart, basis on each."""
    from aicareer.planner.salary import BASE_REGION, basis_label, regional_bands

    rule = ds.matrix.regions[region]
    out = []
    for band in regional_bands(ds.roles[role_id], region, rule, level):
        if band.segment is not None:
            continue
        basis = basis_label(band)
        if region != BASE_REGION:
            basis = f"{basis}, {rule.label}"
        out.append(Pay(band.level, band.text, basis, ds.source_label(band.source), band.note))
    return tuple(out)


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
    role_level, pay_reason = role_pay_level(ds, role.id, profile)
    raw_fit = sum(w.points for w in ex.fit)
    r = result.readiness
    frm = f"matrix:{r.matrix}" if r.matrix else f"route:{r.route}" if r.timeline else "none"
    del level
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
        outlook=ds.engine.rules.by_id[role.id].outlook,
    )


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
    from aicareer.records.profile import profile_dict

    engine = ds.engine
    ranking = ranking or engine.rank(profile)
    level = pay_level(profile.years)
    ready = [r for r in ranking.results if r.ready]
    positions = {r.role_id: i for i, r in enumerate(ranking.results, 1)}

    def make(r: RoleResult, rank: int | None = None) -> RoleEntry:
        at = positions[r.role_id] if rank is None else rank
        return entry(ds, engine.explain(profile, r.role_id), at, profile, level)

    aside = set(profile.not_for_me)
    ready = [r for r in ready if r.role_id not in aside]
    if top is None:
        picked = list(ranking.results)
    elif ranking.no_clear_fit or not any(r.matched for r in ready):
        # The nearest roles, shown as such: nearest to what the person wants (fit first),
        # and only roles with something in common with it.
        near = sorted((r for r in ready if r.fit > 0), key=lambda r: (-r.fit, -r.score))
        picked = near[:top]
    else:
        # Roles that match none of the person's interests are never recommended; roles set
        # aside ("not for me") make room for the next.
        picked = [r for r in ready if r.matched][:top]
    # Numbered as shown: a role set aside leaves no gap in 1, 2, 3.
    shown = tuple(make(r, None if top is None else i) for i, r in enumerate(picked, 1))
    best_fit_shown = max((e.fit for e in shown), default=0)
    later_fits = sorted(
        (
            r
            for r in ranking.results
            if not r.ready and r.matched and r.fit >= best_fit_shown and r.role_id not in aside
        ),
        key=lambda r: -r.fit,
    )
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
        bands=tuple((b.name, b.min_score) for b in s.bands),
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
    before = ds.engine.rank(profile._replace(followups={}))
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


def salary_rows(ds: Dataset, role_ids: Sequence[str], region: str) -> tuple[dict[str, Any], ...]:
    from aicareer.planner.salary import regional_bands

    rule = ds.matrix.regions[region]
    return tuple(
        b.as_json() for rid in role_ids for b in regional_bands(ds.roles[rid], region, rule)
    )


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
