"""The decision sheet: two to four roles side by side for one person. Pure: no I/O.

For each role: fit (from the engine, through `engine_fit`, the one adapter to it),
readiness (the plan's weeks at the person's pace, and the experience a role needs), pay at
the person's level and region, demand and risk, the skill gap and the cheap test. The
sheet ends with the question a coach would ask next (`coach_question`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from aicareer.engine.distance import readiness_from_months
from aicareer.engine.ranker import engine_of
from aicareer.planner.gap import Gap, cheap_test, gap
from aicareer.planner.timeline import make_plan

if TYPE_CHECKING:
    from aicareer.engine.ranking import TimeToReady
    from aicareer.planner.salary import Pay
    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile
    from aicareer.records.pathmodels import CheapTest, PathsFile, Risk

MIN_ROLES, MAX_ROLES = 2, 4


class Fit(NamedTuple):
    """What the engine says about one role for this person."""

    #: 0-100: fit and readiness combined by the data's weights; its band.
    score: int
    band: str
    #: Does the work match what the person wants (0-100)?
    fit: int
    #: How near the role is from where the person stands (0-100).
    readiness: int
    #: False when a requirement is not met: a role for later.
    ready: bool
    #: The sources' time to move in for this starting point, word for word, if any.
    timeline: str | None
    #: The one time to ready (engine.model.time_of).
    time: TimeToReady | None = None
    #: The readiness that time alone gives (above `readiness` when a cap holds it down).
    alone: int = 0


def engine_fit(ds: Dataset, profile: Profile) -> dict[str, Fit]:
    """The one adapter to the recommendation engine, by role id, in the engine's order."""
    engine = engine_of(ds)
    ranking = engine.rank(profile)
    return {
        r.role_id: Fit(
            r.score,
            r.band,
            r.fit,
            r.readiness.score,
            r.ready,
            r.readiness.timeline,
            r.readiness.time,
            r.readiness.score
            if r.readiness.time is None
            else readiness_from_months(engine.rules, r.readiness.time.months_mid),
        )
        for r in ranking.results
    }


class Column(NamedTuple):
    role_id: str
    name: str
    fit: Fit | None
    #: Study weeks at the person's pace, and when they would end.
    ready_weeks: tuple[int, int]
    ready_by: tuple[dt.date, dt.date]
    #: For roles reached by years of work: what the source says it takes.
    experience: str | None
    #: The one time to ready, in words, at the person's pace ("about 3-5 months at ...").
    time_text: str
    pay: Pay | None
    #: Why there is no pay figure (e.g. "Not yet standardized").
    no_pay: str | None
    demand: str
    status: str
    risks: tuple[Risk, ...]
    gap: Gap
    cheap_test: CheapTest | None

    def as_json(self) -> dict[str, Any]:
        lo, hi = self.ready_weeks
        return {
            "role": self.role_id,
            "name": self.name,
            "fit": None if self.fit is None else self.fit._asdict(),
            "readiness": {
                "min_weeks": lo,
                "max_weeks": hi,
                "ready_by": [d.isoformat() for d in self.ready_by],
                "experience": self.experience,
                "time": self.time_text,
            },
            "pay": None if self.pay is None else self.pay._asdict(),
            "no_pay": self.no_pay,
            "demand": self.demand,
            "status": self.status,
            "risks": [r._asdict() for r in self.risks],
            "gap": self.gap.as_json(),
            "cheap_test": None if self.cheap_test is None else self.cheap_test._asdict(),
        }


class Sheet(NamedTuple):
    columns: tuple[Column, ...]
    question: str
    start: dt.date
    pace: int
    pace_stated: bool
    level: str
    region: str

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "pace": {"hours_per_week": self.pace, "stated": self.pace_stated},
            "level": self.level,
            "region": self.region,
            "roles": [c.as_json() for c in self.columns],
            "question": self.question,
        }


def risks_of(paths: PathsFile, role_id: str) -> tuple[Risk, ...]:
    """The role's risks as paths.toml gives them (shrinking, emerging, not standardised)."""
    rp = paths.path_for(role_id)
    return () if rp is None else tuple(rp.risks)


def pay_at(ds: Dataset, role_id: str, level: str, region: str) -> Pay | None:
    """The first figure for the level in the region (data order: the roles guide's table
    first); when the level has none, the nearest level that has one."""
    from aicareer.planner.salary import pay_for

    for lv in dict.fromkeys((level, "mid", "senior", "entry")):
        found = pay_for(ds, role_id, region, lv)
        if found:
            return found[0]
    return None


def decide(
    ds: Dataset,
    paths: PathsFile,
    profile: Profile | None,
    role_ids: Sequence[str],
    start: dt.date,
) -> Sheet:
    """The sheet for 2-4 distinct role ids (the caller checks the count and the ids)."""
    from aicareer.engine.conditions import facts
    from aicareer.engine.model import pay_level as level_for
    from aicareer.planner.timeline import span_text, time_words

    fits = engine_fit(ds, profile) if profile is not None else {}
    region = profile.region if profile is not None else "us"
    columns = []
    pace, stated = paths.pace.hours_per_week, False
    for rid in role_ids:
        fit = fits.get(rid)
        time = None if fit is None else fit.time
        plan = make_plan(paths, rid, profile, start, time=time)
        pace, stated = plan.pace, plan.pace_stated
        role = ds.roles[rid]
        rules = engine_of(ds).rules
        level = (
            level_for(rules, rules.by_id[rid], facts(profile))[0] if profile is not None else "mid"
        )
        if time is not None:
            _, time_text = time_words(time, plan.assumed_pace, plan.pace, plan.pace_stated)
        else:
            time_text = f"about {span_text(*plan.total)} at {plan.pace} hours a week (assumed)"
        ready_weeks = plan.total
        if time is not None and time.years is not None:
            ready_weeks = (time.years[0] * 52, time.years[1] * 52)
        columns.append(
            Column(
                role_id=rid,
                name=role.name,
                fit=fit,
                ready_weeks=ready_weeks,
                ready_by=plan.finish,
                experience=None
                if time is None or time.years is None
                else (time.words or time_text),
                time_text=time_text,
                pay=pay_at(ds, rid, level, region),
                no_pay=role.salary.no_figure,
                demand=role.signal,
                status=role.status,
                risks=risks_of(paths, rid),
                gap=gap(rid, profile, paths),
                cheap_test=cheap_test(rid, paths),
            )
        )
    cols = tuple(columns)
    level = (
        "mid"
        if profile is None
        else level_for(engine_of(ds).rules, engine_of(ds).rules.by_id[role_ids[0]], facts(profile))[
            0
        ]
    )
    return Sheet(cols, coach_question(cols), start, pace, stated, level, region)


def coach_question(columns: Sequence[Column]) -> str:
    """The question a coach would ask next, from what the sheet shows."""
    fitted = [c for c in columns if c.fit is not None]
    fastest = min(columns, key=lambda c: (c.ready_weeks[1], c.experience is not None))
    if fitted:
        best = max(fitted, key=lambda c: c.fit.score if c.fit else 0)
        if best.role_id != fastest.role_id and best.ready_weeks[1] > fastest.ready_weeks[1]:
            # "Fits you best" only when its fit is the higher one: a shrinking role can fit
            # better and still score lower (the market's outlook takes points off).
            better_fit = (best.fit.fit if best.fit else 0) > (fastest.fit.fit if fastest.fit else 0)
            claim = "fits you best" if better_fit else "comes out ahead overall"
            if fastest.risks:
                kinds = " and ".join(r.kind.replace("-", " ") for r in fastest.risks)
                return (
                    f"{fastest.name} is the quicker way in ({fastest.time_text}), but it is "
                    f"{kinds}; {best.name} {claim} ({best.time_text}): would you take "
                    f"the quicker step first, or go straight for {best.name}?"
                )
            return (
                f"{best.name} {claim} ({best.time_text}), but {fastest.name} is closer "
                f"({fastest.time_text}): is {'the better fit' if better_fit else 'it'} worth"
                " the extra time to you?"
            )
    slow = [c for c in columns if c.experience is not None]
    if slow:
        return (
            f"{slow[0].name} is reached through years of work, not study: which role would "
            "you take now to build that experience?"
        )
    risky = [c for c in columns if c.risks]
    if risky:
        c = risky[0]
        kinds = " and ".join(r.kind.replace("-", " ") for r in c.risks)
        return f"{c.name} is {kinds}: how much uncertainty can you carry in your next move?"
    names = " or ".join(c.name for c in columns)
    return (
        f"Which cheap test will you try first, {names}, and what would you need to see "
        "in it to choose?"
    )
