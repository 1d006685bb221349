"""What the engine answers: a ranking of roles with fit, readiness and the reasons.

Plain named tuples with no behaviour beyond lookups, so renderers and the result document
can use them without importing the engine.
"""

from __future__ import annotations

from typing import NamedTuple


class PhaseTime(NamedTuple):
    """One phase of the way in, chosen for this start, with its share of the time."""

    id: str
    #: "todo", "added" (coding), "partly-covered", "covered", "has-skills".
    status: str
    #: Its share of the time, in weeks at the assumed pace (0 when skipped).
    min_weeks: float
    max_weeks: float


class TimeToReady(NamedTuple):
    """The one time to ready for a person and a role (engine.model.time_of).

    Every screen and format shows this, at the person's pace (`planner.timeline.pace_weeks`).
    """

    #: Weeks at the assumed pace (low, high); None for a role reached by years of work.
    weeks: tuple[float, float] | None
    #: Years of work (low, high), for a role reached by experience.
    years: tuple[int, int] | None
    #: "source": a source's figure for this start; "estimate": aicareer's.
    basis: str
    #: The source of the figure or of its words (None: aicareer's own).
    source: str | None
    #: The source's own words for this start (e.g. "two to four months").
    words: str | None
    audience: str | None
    #: The route behind it, its decision-matrix row, and how the way in reads in a sentence.
    route: str | None
    matrix: str | None
    plain: str | None
    phases: tuple[PhaseTime, ...]
    #: The middle of the time, in months at the assumed pace (readiness is read off it).
    months_mid: float


class Readiness(NamedTuple):
    """How far a role is, and the source's own time for this starting point (if any)."""

    score: int
    #: The source's figure, word for word; None when no source gives one for this start.
    timeline: str | None = None
    months: tuple[int, int] | None = None
    source: str | None = None
    #: Who the source's figure is for.
    audience: str | None = None
    #: The route that gave it, and the decision-matrix row behind that route.
    route: str | None = None
    matrix: str | None = None
    #: The time to ready this readiness was read off.
    time: TimeToReady | None = None


class RoleResult(NamedTuple):
    role_id: str
    #: 0-100: fit and readiness combined by the data's weights.
    score: int
    band: str
    fit: int
    readiness: Readiness
    #: False when a requirement is not met: the role is for later.
    ready: bool
    #: True when at least one of the person's interests (plus company points) matches the
    #: role's work at `no_clear_fit_below` or more.
    matched: bool = True

    @property
    def timeline(self) -> str | None:
        return self.readiness.timeline


class Ranking(NamedTuple):
    #: Every core role once: ready roles best first, then later ones.
    results: tuple[RoleResult, ...]
    #: The top two ready roles when their scores are within the close margin.
    close_call: tuple[str, str] | None
    #: True when, for every role the person can aim at now, even their best-matching
    #: interest (plus company points) stays below `no_clear_fit_below`.
    no_clear_fit: bool

    @property
    def recommendations(self) -> tuple[RoleResult, ...]:
        return self.results

    @property
    def close(self) -> bool:
        return self.close_call is not None

    def position(self, role_id: str) -> int:
        """1-based place of a role in the ranking."""
        return next(i for i, r in enumerate(self.results, 1) if r.role_id == role_id)


class Reason(NamedTuple):
    """One thing that moved a role's fit or readiness."""

    #: "interest" (it matches), "overlap" (it does not, or only in part), "company",
    #: "suits", "followup" (fit); "route", "estimate",
    #: "requirement" (readiness).
    kind: str
    text: str
    #: Points it gave (fit points after weighting, or readiness points; may be negative).
    points: int
    source: str | None
    #: The interest, company, rule or route id it comes from.
    ref: str


class Check(NamedTuple):
    """One requirement of a role, met or not."""

    #: "background", "years" or "coding".
    what: str
    needed: str
    met: bool
    #: What would change it, when not met.
    change: str | None
    reason: str
    source: str


class Explanation(NamedTuple):
    result: RoleResult
    fit: tuple[Reason, ...]
    readiness: tuple[Reason, ...]
    checks: tuple[Check, ...]
