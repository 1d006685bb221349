"""The result document's shape: everything a person gets from the quiz, as plain named
tuples, built once (`document.build`) and rendered many ways.

Per role (`RoleEntry`): the one sentence, the time as every screen shows it, fit words,
reasons (`Why`), requirements, the timeline's source, pay at the level that counts for the
role (`planner.salary.Pay`). For the whole result (`Result`): the top roles and the later
ones, every role's rank (`RankRow`), the close call, "no clear fit yet", the follow-up
lines and the next steps. The terminal, Markdown, HTML and JSON renderers only lay it out;
`document.public_json` is the public JSON shape (docs/result-schema.json).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from aicareer.document.answer import TimeView
    from aicareer.engine.ranking import Reason
    from aicareer.planner.salary import Pay

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


def strongest_first(whys: Sequence[Why]) -> tuple[Why, ...]:
    """The order reasons are shown in, on every screen and in every file: the largest
    effect first (ties keep the rules' order)."""
    return tuple(sorted(whys, key=lambda w: -abs(w.points)))


def readiness_basis(readiness: int, alone: int) -> str:
    """How a readiness came about, in words: read off the time, or, for a role for later,
    capped below what the time `alone` gives."""
    if readiness < alone:
        return f"capped until a requirement is met; the time alone gives {alone}"
    return "read off the time"


def time_alone(readiness: int, reasons: Sequence[Why] | Sequence[Reason]) -> int:
    """The readiness the time alone gives, from a readiness and its reasons (`Why` or the
    engine's `Reason`): the "requirement" reason holds the points a cap took."""
    return readiness - sum(w.points for w in reasons if w.kind == "requirement")


class Requirement(NamedTuple):
    needed: str
    met: bool
    #: What would change it, when not met ("after about 2 more years as an engineer").
    change: str | None
    why: str


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
    #: "market: shrinking" when the market's outlook takes points off the score (so the
    #: band the answer shows says why); "" otherwise.
    market_words: str = ""

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
