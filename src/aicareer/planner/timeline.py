"""A role's phases, fitted to a person, in hours, weeks and dates. Pure: no I/O.

The time itself is the engine's (`engine.model.time_of`: the one home of the time to
ready); this module only lays it out (docs/path.md has the long version):

1. **Phases.** The phases the engine chose for this start and role, each with its share of
   the time in weeks at the assumed pace (`[pace]`, 10 hours a week: an estimate), so its
   effort is that share x the pace, in hours. Skipped phases have no share.
2. **Your pace.** Weeks at the person's `hours_per_week` (the assumed pace when not given).
   The total and the milestones use the running sum of hours, so the total is exactly the
   time every other screen shows (`pace_weeks`).
3. **Dates.** Milestone k ends between start + 7 x ceil(low running sum / pace) days and
   start + 7 x ceil(high running sum / pace) days. Phases marked done are not counted.
   A phase's weeks are the whole weeks between the milestone before it and its own, so
   the phases add up to the total and each matches its dates; a short phase whose hours
   fit in the weeks already counted adds none ("<1"). A phase marked done keeps its own
   hours rounded up to weeks.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from aicareer.engine.ranking import TimeToReady
    from aicareer.records.models import Profile
    from aicareer.records.pathmodels import Build, Experience, PathsFile, Resource

Status = Literal["todo", "partly-covered", "covered", "has-skills"]

#: Shown next to a phase (also by the report).
STATUS_TEXT: dict[str, str] = {
    "todo": "to do",
    "partly-covered": "shortened: partly covered by your background",
    "covered": "skipped: covered by your background",
    "has-skills": "skipped: you have its skills",
}


class PlannedPhase(NamedTuple):
    id: str
    title: str
    #: Effort in hours after skipping or shortening (0 when skipped).
    min_hours: int
    max_hours: int
    #: Weeks this phase adds at the person's pace (see the module docstring, 3): they add
    #: up to the plan's total and match its dates; 0 when skipped.
    min_weeks: int
    max_weeks: int
    #: Weeks as paths.toml gives them, at the assumed pace.
    base_min: int
    base_max: int
    weeks_basis: str
    learn: tuple[str, ...]
    build: tuple[Build, ...]
    resources: tuple[Resource, ...]
    sources: tuple[str, ...]
    note: str | None
    skills: tuple[str, ...]
    status: Status = "todo"
    done: bool = False
    #: When the phase ends, earliest and latest, counted from the plan's start.
    ends: tuple[dt.date, dt.date] | None = None

    @property
    def skipped(self) -> bool:
        return self.status in ("covered", "has-skills")

    @property
    def weeks_label(self) -> str:
        """The weeks as a table shows them: "-" skipped, "<1" within weeks already
        counted, "3", "2-4"."""
        lo, hi = self.min_weeks, self.max_weeks
        if self.skipped:
            return "-"
        return "<1" if hi == 0 else (str(lo) if lo == hi else f"{lo}-{hi}")

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "min_weeks": self.min_weeks,
            "max_weeks": self.max_weeks,
            "min_hours": self.min_hours,
            "max_hours": self.max_hours,
            "ends": None if self.ends is None else [d.isoformat() for d in self.ends],
            "steps": list(self.learn),
            "build": [b.text for b in self.build],
            "build_sources": [b.source for b in self.build],
            "resources": [
                {k: v for k, v in r._asdict().items() if k != "phase"} for r in self.resources
            ],
            "status": self.status,
            "done": self.done,
            "skills": list(self.skills),
            "base_min_weeks": self.base_min,
            "base_max_weeks": self.base_max,
            "weeks_basis": self.weeks_basis,
            "sources": list(self.sources),
            "note": self.note,
        }


class Plan(NamedTuple):
    role_id: str
    phases: tuple[PlannedPhase, ...]
    start: dt.date
    #: Hours a week the weeks are counted at, and whether the person stated it.
    pace: int
    pace_stated: bool
    #: The pace paths.toml's weeks assume, and what it says about it.
    assumed_pace: int
    pace_note: str
    note: str | None = None
    background: str | None = None
    #: Phase ids added for this person (e.g. python-basics for a non-programmer).
    added: tuple[str, ...] = ()
    #: For roles reached by years of work: what the source says it takes.
    experience: Experience | None = None
    #: The source's own words for this person's starting point (its figure is the plan's).
    starting_point: str | None = None
    #: The time to ready the phases share out (None: the path as paths.toml gives it).
    time: TimeToReady | None = None

    def _weeks_of(self, phases: Iterable[PlannedPhase]) -> tuple[int, int]:
        chosen = list(phases)
        lo = sum(p.min_hours for p in chosen)
        hi = sum(p.max_hours for p in chosen)
        return math.ceil(lo / self.pace), math.ceil(hi / self.pace)

    @property
    def total(self) -> tuple[int, int]:
        """Weeks for every phase not skipped, at the person's pace."""
        return self._weeks_of(self.phases)

    @property
    def remaining(self) -> tuple[int, int]:
        return self._weeks_of(p for p in self.phases if not p.done)

    @property
    def finish(self) -> tuple[dt.date, dt.date]:
        lo, hi = self.remaining
        return self.start + dt.timedelta(weeks=lo), self.start + dt.timedelta(weeks=hi)

    @property
    def done_count(self) -> int:
        return sum(1 for p in self.phases if p.done)

    @property
    def total_from(self) -> str:
        """One sentence: where the weeks come from."""
        who = "your" if self.pace_stated else "the assumed"
        if self.time is not None and self.time.basis == "source" and self.time.words:
            what = f"the source's figure for your start ({self.time.words})"
        elif self.time is not None:
            what = "aicareer's estimate for your start"
        else:
            what = "the phases' own estimates"
        return (
            f"{what}, shared out over the phases, at {who} {self.pace} hours a week "
            f"(the sources' time is read as {self.assumed_pace} hours a week: an estimate)"
        )

    def as_json(self) -> dict[str, Any]:
        lo, hi = self.total
        rlo, rhi = self.remaining
        flo, fhi = self.finish
        return {
            "role": self.role_id,
            "phases": [p.as_json() for p in self.phases],
            "total": {"min_weeks": lo, "max_weeks": hi, "from": self.total_from},
            "remaining": {"min_weeks": rlo, "max_weeks": rhi},
            "start": self.start.isoformat(),
            "finish": [flo.isoformat(), fhi.isoformat()],
            "pace": {
                "hours_per_week": self.pace,
                "stated": self.pace_stated,
                "assumed_hours_per_week": self.assumed_pace,
                "assumption": self.pace_note,
            },
            # timeline: the sources' figure for this start, shown for comparison only;
            # target_weeks: always null since plans stopped stretching to it (kept for
            # scripts that read it).
            "fitted": {
                "background": self.background,
                "timeline": self.starting_point,
                "target_weeks": None,
                "added_phases": list(self.added),
            },
            "starting_point": self.starting_point,
            "experience": None if self.experience is None else self.experience._asdict(),
            "note": self.note,
        }


def make_plan(
    paths: PathsFile,
    role_id: str,
    profile: Profile | None,
    start: dt.date,
    done: Iterable[str] = (),
    time: TimeToReady | None = None,
) -> Plan:
    """The role's plan: the phases the engine chose for this person (`time`, from
    `engine.model.time_of`) with their share of the one time to ready, at the person's pace;
    without a profile, the path as paths.toml gives it, at the assumed pace."""
    rp = paths.path_for(role_id)
    if rp is None:
        raise KeyError(role_id)
    assumed = paths.pace.hours_per_week
    marked = set(done)
    pace = assumed
    if profile is not None and profile.hours_per_week is not None:
        pace = profile.hours_per_week
    if time is not None and time.weeks is not None:
        chosen = [(pt.id, pt.status, pt.min_weeks, pt.max_weeks) for pt in time.phases]
    elif time is not None:
        # Reached by years of work: the phases are study along the way, at their own
        # estimates; the time to ready stays the years (`time_words`).
        part = {"covered": 0.0, "has-skills": 0.0, "partly-covered": 0.5}
        chosen = [
            (
                pt.id,
                pt.status,
                paths.phase(pt.id).min_weeks * part.get(pt.status, 1.0),
                paths.phase(pt.id).max_weeks * part.get(pt.status, 1.0),
            )
            for pt in time.phases
        ]
    else:
        chosen = [
            (pid, "todo", float(paths.phase(pid).min_weeks), float(paths.phase(pid).max_weeks))
            for pid in rp.phases
        ]
    added = tuple(pid for pid, status, _, _ in chosen if status == "added")
    # Whole hours, split so the phases add up to exactly the time's hours (pace_weeks).
    lows = _split(round(sum(c[2] for c in chosen) * assumed), [c[2] for c in chosen])
    highs = _split(round(sum(c[3] for c in chosen) * assumed), [c[3] for c in chosen])
    phases: list[PlannedPhase] = []
    for (pid, status, _, _), lo, hi in zip(chosen, lows, highs, strict=True):
        ph = paths.phase(pid)
        steps = [s for s in rp.steps if s.phase == pid]
        shown: Status = "todo" if status == "added" else status  # type: ignore[assignment]
        phases.append(
            PlannedPhase(
                id=ph.id,
                title=ph.title,
                min_hours=lo,
                max_hours=hi,
                min_weeks=0,  # set by _milestones, with the dates
                max_weeks=0,
                base_min=ph.min_weeks,
                base_max=ph.max_weeks,
                weeks_basis=ph.weeks_basis,
                learn=(*ph.learn, *(s.text for s in steps if s.kind == "learn")),
                build=(
                    *ph.build,
                    *(_step_build(s.text, s.source) for s in steps if s.kind == "build"),
                ),
                resources=tuple(r for r in rp.resources if r.phase == pid),
                sources=tuple(dict.fromkeys([*ph.sources, *(s.source for s in steps)])),
                note=ph.note,
                skills=tuple(ph.skills),
                status=shown,
                done=pid in marked,
            )
        )
    return Plan(
        role_id=role_id,
        phases=tuple(_milestones(phases, start, pace)),
        start=start,
        pace=pace,
        pace_stated=profile is not None and profile.hours_per_week is not None,
        assumed_pace=assumed,
        pace_note=paths.pace.note,
        note=rp.note,
        background=None if profile is None else profile.background,
        added=added,
        experience=rp.experience,
        starting_point=None if time is None else time.words,
        time=time,
    )


def _split(total: int, parts: list[float]) -> list[int]:
    """`total` whole hours shared in proportion to `parts` (largest remainders first), so
    the shares add up to exactly `total`."""
    weight = sum(parts)
    if weight <= 0:
        return [0] * len(parts)
    exact = [total * p / weight for p in parts]
    shares = [math.floor(x) for x in exact]
    rest = total - sum(shares)
    for i in sorted(range(len(parts)), key=lambda i: shares[i] - exact[i])[:rest]:
        shares[i] += 1
    return shares


def _step_build(text: str, source: str) -> Build:
    from aicareer.records.pathmodels import Build

    return Build(text=text, source=source)


def _milestones(phases: list[PlannedPhase], start: dt.date, pace: int) -> Iterable[PlannedPhase]:
    """Each phase still to do, with the dates it ends by (running sums of hours) and the
    whole weeks between the milestone before it and its own; a done phase, with its own
    hours rounded up to weeks."""
    lo = hi = 0  # hours so far
    wlo = whi = 0  # weeks so far
    for p in phases:
        if p.skipped:
            yield p._replace(min_weeks=0, max_weeks=0)
            continue
        if p.done:
            own = (math.ceil(p.min_hours / pace), math.ceil(p.max_hours / pace))
            yield p._replace(min_weeks=own[0], max_weeks=own[1])
            continue
        lo += p.min_hours
        hi += p.max_hours
        elo, ehi = math.ceil(lo / pace), math.ceil(hi / pace)
        ends = (start + dt.timedelta(weeks=elo), start + dt.timedelta(weeks=ehi))
        yield p._replace(ends=ends, min_weeks=elo - wlo, max_weeks=ehi - whi)
        wlo, whi = elo, ehi


def with_progress(plan: Plan, done: Iterable[str]) -> Plan:
    """The plan with `done` marked, dates counted again (ids not on the path are ignored)."""
    marked = set(done)
    phases = [p._replace(done=p.id in marked, ends=None) for p in plan.phases]
    return plan._replace(phases=tuple(_milestones(phases, plan.start, plan.pace)))


def phase_id_problems(ids: list[str], plan: Plan, paths: PathsFile, flag: str) -> list[str]:
    """One line per id in `ids` that is not a phase of this plan (with a "did you mean")."""
    import difflib

    on_path = [p.id for p in plan.phases]
    problems = []
    for pid in ids:
        if pid in on_path:
            continue
        if pid in paths.phase_ids:
            problems.append(
                f"{flag} {pid}: phase {pid!r} is not on this path; its phases are: "
                + ", ".join(on_path)
            )
            continue
        close = difflib.get_close_matches(pid, on_path, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        problems.append(
            f"{flag} {pid}: unknown phase id {pid!r}{hint} "
            f"(this path's phases: {', '.join(on_path)})"
        )
    return problems


# --- text helpers shared by the renderers ------------------------------------------------------


#: Weeks in a month: 52 weeks / 12 months.
WEEKS_PER_MONTH = 52 / 12


def round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def weeks_text(lo: int, hi: int, months: bool = True) -> str:
    """(25, 34) -> '25-34 weeks (about 6-8 months)'."""
    weeks = f"{lo} week{'s' if lo != 1 else ''}" if lo == hi else f"{lo}-{hi} weeks"
    if hi < 8 or not months:
        return weeks
    mlo, mhi = round_half_up(lo / WEEKS_PER_MONTH), round_half_up(hi / WEEKS_PER_MONTH)
    span = f"{mlo}" if mlo == mhi else f"{mlo}-{mhi}"
    return f"{weeks} (about {span} months)"


def bar(lo: int, hi: int, longest: int, width: int = 24) -> str:
    """A bar for a phase's weeks: '█' up to the minimum, '░' on to the maximum.

    Scaled so the longest maximum on the path fills `width` characters; a phase of a week
    or more always shows at least one character.
    """
    if hi <= 0:
        return ""
    unit = min(1.0, width / longest) if longest > 0 else 1.0
    full = max(1, round_half_up(lo * unit)) if lo > 0 else 0
    total = max(full, max(1, round_half_up(hi * unit)))
    return "█" * full + "░" * (total - full)


# The one time to ready at a person's pace lives in the engine (one home); the planner's
# callers read it from here too.
from aicareer.engine.pace import pace_weeks, span_text, time_words  # noqa: E402

__all__ = ["pace_weeks", "span_text", "time_words"]
