"""The answer in words: the one sentence per role, the time as every screen says it, fit
in words, and the pay level that counts for a role. Part of the result document; pure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from aicareer.engine.ranker import engine_of

if TYPE_CHECKING:
    from aicareer.engine.ranker import Explanation
    from aicareer.engine.ranking import TimeToReady
    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile


class TimeView(NamedTuple):
    """The one time to ready for one role, as every screen shows it."""

    #: "about 3-5 months at your 8 hours a week", "about 1-2 years of work experience"
    text: str
    #: "3-5 months"
    short: str
    #: Weeks at the person's pace (None for a role reached by years of work).
    weeks: tuple[int, int] | None
    years: tuple[int, int] | None
    #: "source" (a source's figure for this start) or "estimate" (aicareer's).
    basis: str
    #: The source cited for the figure or its words ("Roles guide, 2026-03"), if any.
    source: str | None
    #: The source's own words for this start, if any ("two to four months").
    source_words: str | None
    audience: str | None
    pace: int
    pace_stated: bool


PAY_LEVELS = (("senior", 8), ("mid", 3), ("entry", 0))


def pay_level(years: int) -> str:
    return next(level for level, start in PAY_LEVELS if years >= start)


def role_pay_level(ds: Dataset, role_id: str, profile: Profile) -> tuple[str, str]:
    """(level, why) for this role: only years that count toward the role raise it."""
    from aicareer.engine.conditions import facts
    from aicareer.engine.model import pay_level as model_pay_level
    from aicareer.records.vocab import BACKGROUND_NOUN

    rules = engine_of(ds).rules
    level, counted = model_pay_level(rules, rules.by_id[role_id], facts(profile))
    noun = BACKGROUND_NOUN.get(profile.background, profile.background)
    if counted == 0 and profile.years > 0:
        why = f"{level} level: new to this field (years as {noun} do not count toward it)"
    elif counted == 0:
        why = f"{level} level: new to this field"
    else:
        why = f"{level} level: {counted} year{'s' if counted != 1 else ''} as {noun} count"
    return level, why


_FIT_WORDS = ((75, "strongly"), (50, "well"), (25, "partly"), (0, "hardly"))


def fit_words(fit: int) -> str:
    return next(w for lo, w in _FIT_WORDS if fit >= lo)


def and_list(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _fit_clause(profile: Profile, ex: Explanation) -> str:
    from aicareer.records.vocab import INTEREST_NOUN

    n = len(profile.interests)
    matched = [INTEREST_NOUN.get(w.ref, w.ref) for w in ex.fit if w.kind == "interest"]
    if not matched:
        return "it is the nearest to what you want, though none of it is the core of the work"
    if len(matched) == n and n == 2:
        return f"it matches both things you want ({and_list(matched)})"
    if len(matched) == n and n > 2:
        return f"it matches everything you want ({and_list(matched)})"
    return f"it matches {and_list(matched)}"


def _distance_clause(ds: Dataset, profile: Profile, time: TimeToReady) -> str:
    from aicareer.records.vocab import BACKGROUND_NOUN

    if time.plain:
        return time.plain
    covered = [p for p in time.phases if p.status in ("covered", "partly-covered")]
    noun = BACKGROUND_NOUN.get(profile.background, profile.background)
    added = [p.id for p in time.phases if p.status == "added"]
    if added and added[0] == "python-basics":
        return "the way in starts with basic Python"
    if added:
        return "the way in starts with programming you could ship"
    if covered:
        return f"your work as {noun} covers part of the way"
    return f"no source names a way in for {noun}, so the time is aicareer's estimate"


def time_view(ds: Dataset, profile: Profile, time: TimeToReady) -> TimeView:
    from aicareer.planner.timeline import pace_weeks, time_words

    assumed = engine_of(ds).rules.pace
    stated = profile.hours_per_week is not None
    pace = profile.hours_per_week or assumed
    short, text = time_words(time, assumed, pace, stated)
    return TimeView(
        text=text,
        short=short,
        weeks=pace_weeks(time, assumed, pace),
        years=time.years,
        basis=time.basis,
        source=_cite(ds, time.source),
        source_words=time.words,
        audience=time.audience,
        pace=pace,
        pace_stated=stated,
    )


def _cite(ds: Dataset, source_id: str | None) -> str | None:
    return None if source_id is None else ds.source_label(source_id)
