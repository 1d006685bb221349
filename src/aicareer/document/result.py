"""The result document: everything a person gets from the quiz, built once, rendered many ways.

`build()` is pure: it takes the validated data, a profile and the engine's ranking, and
returns a `Result` of plain named tuples. The terminal (`render_result`), Markdown, HTML and
JSON renderers only lay it out; none of them computes a score, picks a band, chooses a
timeline or converts a salary. `to_json()` is the public JSON shape (docs/result-schema.json).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

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
    #: The source's own figure, word for word; None when no source gives one for this start.
    text: str | None
    #: Who the figure is for, or why there is none.
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
    data_version: str
    sources: tuple[str, ...]
    #: Every pay figure for the shown roles in the person's region, all levels (the JSON's
    #: `salary` list, kept from schema 1).
    salary: tuple[dict[str, Any], ...] = ()


# --- building ------------------------------------------------------------------------------

#: Years of experience from which each pay level applies (aicareer's reading, documented
#: in docs/rules.md): 0-2 entry, 3-7 mid, 8 and more senior.
PAY_LEVELS = (("senior", 8), ("mid", 3), ("entry", 0))


def pay_level(years: int) -> str:
    return next(level for level, start in PAY_LEVELS if years >= start)


def _cite(ds: Dataset, source_id: str | None) -> str | None:
    return None if source_id is None else ds.source_label(source_id)


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


def _timeline(ds: Dataset, result: RoleResult, profile: Profile) -> Timeline:
    r = result.readiness
    if r.timeline is not None:
        return Timeline(r.timeline, f"for: {r.audience}", r.months, _cite(ds, r.source))
    start = profile.background.replace("-", " ")
    return Timeline(
        None,
        f"No source gives a time for someone starting as a {start}.",
        None,
        None,
    )


def entry(ds: Dataset, ex: Explanation, rank: int, profile: Profile, level: str) -> RoleEntry:
    result = ex.result
    role = ds.roles[result.role_id]
    reqs = _requirements(ex.checks)
    if result.ready:
        status_note = "You can aim at this now."
    else:
        changes = [r.change for r in reqs if r.change]
        status_note = "Later: " + "; ".join(changes) + "." if changes else "Later."
    r = result.readiness
    frm = f"matrix:{r.matrix}" if r.matrix else f"route:{r.route}" if r.timeline else "none"
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
        timeline=_timeline(ds, result, profile),
        pay=pay_for(ds, role.id, profile.region, level),
        pay_missing=_pay_missing(ds, role.id, profile.region),
        demand=role.signal,
        status_note=status_note,
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
    threshold = ds.matrix.scoring.no_clear_fit_below
    positions = {r.role_id: i for i, r in enumerate(ranking.results, 1)}

    def make(r: RoleResult) -> RoleEntry:
        return entry(ds, engine.explain(profile, r.role_id), positions[r.role_id], profile, level)

    if top is None:
        picked = list(ranking.results)
    elif ranking.no_clear_fit:
        picked = ready[:top]  # the nearest roles, shown as such
    else:
        # Roles that match none of the person's interests are never recommended.
        picked = [r for r in ready if r.matched][:top]
    shown = tuple(make(r) for r in picked)
    best_fit_shown = max((e.fit for e in shown), default=0)
    later_fits = sorted(
        (r for r in ranking.results if not r.ready and r.fit >= max(threshold, best_fit_shown)),
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
        no_fit = NoClearFit(
            "No clear fit yet: none of the roles you can aim at now matches what you said you"
            " want. The nearest roles are below, with what would make one fit.",
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
            )
            for i, r in enumerate(ranking.results, 1)
        ),
        close_call=_close_call(ds, ranking),
        no_clear_fit=no_fit,
        next_steps=next_steps(shown, later),
        scoring=(
            f"score = {s.fit_weight}% fit + {s.readiness_weight}% readiness; roles you can aim"
            " at now come first; ties go to the shorter way in, then to demand."
        ),
        bands=tuple((b.name, b.min_score) for b in s.bands),
        data_version=f"{ds.roles_file.meta.version} / {ds.matrix.meta.version}",
        sources=tuple(ds.source_label(src.id) for src in ds.roles_file.sources),
        salary=salary_rows(ds, [e.role for e in shown], profile.region),
    )


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
