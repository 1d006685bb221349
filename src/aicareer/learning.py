"""Learning paths: build a role's path from paths.toml, fit it to a person. Pure: no I/O.

The arithmetic (docs/path.md has the long version):

1. **Build.** A role's path is its phases in order, each with the weeks paths.toml gives
   (the roadmap's 6-8 weeks per stage, unless a phase says otherwise).
2. **Cover.** For a background in a phase's `covered_by`, the phase is skipped (0 weeks,
   shown as covered by your background); in `partly_covered_by`, it is halved, rounding
   up (6-8 weeks becomes 3-4).
3. **Scale.** When the quiz's timeline states a range with numbers ("3-6 months upskill",
   "2-4 months", "1-2 years ..."), the remaining phases are scaled so their total equals
   that range: months become weeks at 52/12 weeks a month, rounded half up (3-6 months is
   13-26 weeks, 2-4 months is 9-17), and each end of the range is shared out in proportion
   to the phases' own figures (largest remainder, at least one week a phase). When the
   timeline has no numbers ("Now, if opportunity exists", "+ML foundations needed"), the
   phase sums stand, and the plan says so.
4. **Progress.** Phases marked done count as done; the remaining time is the sum of the
   phases neither done nor skipped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal, NamedTuple

from aicareer.pathmodels import PathsFile, Resource

#: Weeks in a month: 52 weeks / 12 months.
WEEKS_PER_MONTH = 52 / 12
WEEKS_PER_YEAR = 52

Status = Literal["todo", "partly-covered", "covered"]

STATUS_TEXT: dict[str, str] = {
    "todo": "to do",
    "partly-covered": "shortened: partly covered by your background",
    "covered": "skipped: covered by your background",
}


class PlannedPhase(NamedTuple):
    id: str
    title: str
    #: Weeks after covering and scaling (0 when skipped).
    min_weeks: int
    max_weeks: int
    #: Weeks as paths.toml gives them.
    base_min: int
    base_max: int
    weeks_basis: str
    learn: tuple[str, ...]
    build: tuple[str, ...]
    resources: tuple[Resource, ...]
    sources: tuple[str, ...]
    note: str | None
    status: Status = "todo"
    done: bool = False

    @property
    def skipped(self) -> bool:
        return self.status == "covered"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "min_weeks": self.min_weeks,
            "max_weeks": self.max_weeks,
            "steps": list(self.learn),
            "build": list(self.build),
            "resources": [
                {k: v for k, v in r._asdict().items() if k != "phase"} for r in self.resources
            ],
            "status": self.status,
            "done": self.done,
            "base_min_weeks": self.base_min,
            "base_max_weeks": self.base_max,
            "weeks_basis": self.weeks_basis,
            "sources": list(self.sources),
            "note": self.note,
        }


class Plan(NamedTuple):
    role_id: str
    phases: tuple[PlannedPhase, ...]
    #: One sentence: where the total comes from.
    total_from: str
    note: str | None = None
    background: str | None = None
    #: The quiz's timeline the plan was fitted to, if any.
    timeline: str | None = None
    #: The timeline as weeks, when it stated a range with numbers.
    target_weeks: tuple[int, int] | None = None

    @property
    def total(self) -> tuple[int, int]:
        return (sum(p.min_weeks for p in self.phases), sum(p.max_weeks for p in self.phases))

    @property
    def remaining(self) -> tuple[int, int]:
        left = [p for p in self.phases if not p.done]
        return (sum(p.min_weeks for p in left), sum(p.max_weeks for p in left))

    @property
    def done_count(self) -> int:
        return sum(1 for p in self.phases if p.done)

    def as_json(self) -> dict[str, Any]:
        lo, hi = self.total
        rlo, rhi = self.remaining
        return {
            "role": self.role_id,
            "phases": [p.as_json() for p in self.phases],
            "total": {"min_weeks": lo, "max_weeks": hi, "from": self.total_from},
            "remaining": {"min_weeks": rlo, "max_weeks": rhi},
            "fitted": {
                "background": self.background,
                "timeline": self.timeline,
                "target_weeks": None if self.target_weeks is None else list(self.target_weeks),
            },
            "note": self.note,
        }


# --- weeks and months ----------------------------------------------------------------------


def round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


_RANGE = re.compile(
    r"(\d+)\s*(?:-|\u2013|\u2014|to)\s*(\d+)\s*(weeks?|months?|years?)\b", re.IGNORECASE
)
_ONE = re.compile(r"(\d+)\s*(weeks?|months?|years?)\b", re.IGNORECASE)


_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
#: Sources write some durations in words ("two to four months").
_WORDS = re.compile(r"\b(" + "|".join(_NUMBERS) + r")\b", re.IGNORECASE)


def to_weeks(value: int, unit: str) -> int:
    unit = unit.lower().rstrip("s")
    if unit == "week":
        return value
    if unit == "month":
        return round_half_up(value * WEEKS_PER_MONTH)
    return value * WEEKS_PER_YEAR


def timeline_weeks(text: str | None) -> tuple[int, int] | None:
    """The first duration a timeline states, in weeks; None when it states none.

    "3-6 months upskill" -> (13, 26); "two to four months" -> (9, 17); "1-2 years experience
    accumulation" -> (52, 104); "about 6 months" -> (26, 26); "Now, if opportunity
    exists" -> None.
    """
    if not text:
        return None
    text = _WORDS.sub(lambda m: str(_NUMBERS[m.group(0).lower()]), text)
    m = _RANGE.search(text)
    if m:
        lo, hi = int(m.group(1)), int(m.group(2))
        lo, hi = min(lo, hi), max(lo, hi)
        return to_weeks(lo, m.group(3)), to_weeks(hi, m.group(3))
    one = _ONE.search(text)
    if one:
        w = to_weeks(int(one.group(1)), one.group(2))
        return w, w
    return None


def weeks_text(lo: int, hi: int, months: bool = True) -> str:
    """(25, 34) -> '25-34 weeks (about 6-8 months)'."""
    weeks = f"{lo} week{'s' if lo != 1 else ''}" if lo == hi else f"{lo}-{hi} weeks"
    if hi < 8 or not months:
        return weeks
    mlo, mhi = round_half_up(lo / WEEKS_PER_MONTH), round_half_up(hi / WEEKS_PER_MONTH)
    span = f"{mlo}" if mlo == mhi else f"{mlo}-{mhi}"
    return f"{weeks} (about {span} months)"


def apportion(total: int, weights: Sequence[int], floor: int = 1) -> list[int]:
    """Share `total` out in proportion to `weights` (largest remainder), so the parts sum to
    `total` exactly. Each part with a positive weight gets at least `floor` when the total
    allows it."""
    n = len(weights)
    if n == 0:
        return []
    wsum = sum(weights)
    if wsum <= 0:
        base = [total // n] * n
        for i in range(total - sum(base)):
            base[i] += 1
        return base
    positive = [i for i, w in enumerate(weights) if w > 0]
    reserve = floor if total >= floor * len(positive) else 0
    parts = [reserve if w > 0 else 0 for w in weights]
    left = total - sum(parts)
    exact = [left * w / wsum for w in weights]
    extra = [math.floor(x) for x in exact]
    parts = [p + e for p, e in zip(parts, extra, strict=True)]
    short = total - sum(parts)
    order = sorted(range(n), key=lambda i: (-(exact[i] - extra[i]), i))
    for i in order[:short]:
        parts[i] += 1
    return parts


# --- building and fitting ---------------------------------------------------------------------


def build_path(paths: PathsFile, role_id: str) -> Plan:
    """The role's path as paths.toml gives it: no background, no timeline."""
    rp = paths.path_for(role_id)
    if rp is None:
        raise KeyError(role_id)
    phases = []
    for pid in rp.phases:
        ph = paths.phase(pid)
        extra_learn = tuple(s.text for s in rp.steps if s.phase == pid and s.kind == "learn")
        extra_build = tuple(s.text for s in rp.steps if s.phase == pid and s.kind == "build")
        phases.append(
            PlannedPhase(
                id=ph.id,
                title=ph.title,
                min_weeks=ph.min_weeks,
                max_weeks=ph.max_weeks,
                base_min=ph.min_weeks,
                base_max=ph.max_weeks,
                weeks_basis=ph.weeks_basis,
                learn=(*ph.learn, *extra_learn),
                build=(*ph.build, *extra_build),
                resources=tuple(r for r in rp.resources if r.phase == pid),
                sources=tuple(
                    dict.fromkeys([*ph.sources, *(s.source for s in rp.steps if s.phase == pid)])
                ),
                note=ph.note,
            )
        )
    return Plan(
        role_id=role_id,
        phases=tuple(phases),
        total_from="the sum of the phases",
        note=rp.note,
    )


def cover(plan: Plan, paths: PathsFile, background: str) -> Plan:
    """Skip the phases the background covers; halve those it partly covers (rounding up)."""
    phases = []
    for p in plan.phases:
        ph = paths.phase(p.id)
        if background in ph.covered_by:
            phases.append(p._replace(status="covered", min_weeks=0, max_weeks=0))
        elif background in ph.partly_covered_by:
            phases.append(
                p._replace(
                    status="partly-covered",
                    min_weeks=math.ceil(p.min_weeks / 2),
                    max_weeks=math.ceil(p.max_weeks / 2),
                )
            )
        else:
            phases.append(p)
    return plan._replace(
        phases=tuple(phases),
        background=background,
        total_from=f"the sum of the phases, after what a {background} background covers",
    )


def scale(plan: Plan, target: tuple[int, int]) -> Plan:
    """Scale the phases that are not skipped so the total equals `target` (weeks)."""
    lo, hi = target
    live = [i for i, p in enumerate(plan.phases) if not p.skipped]
    if not live:
        return plan
    mins = apportion(lo, [plan.phases[i].min_weeks for i in live])
    maxs = apportion(hi, [plan.phases[i].max_weeks for i in live])
    # Keep min <= max in every phase, moving weeks between phases' upper ends.
    for k in range(len(live)):
        while maxs[k] < mins[k]:
            donors = [j for j in range(len(live)) if maxs[j] > mins[j]]
            if not donors:
                break
            d = max(donors, key=lambda j: (maxs[j] - mins[j], -j))
            maxs[d] -= 1
            maxs[k] += 1
    phases = list(plan.phases)
    for k, i in enumerate(live):
        phases[i] = phases[i]._replace(min_weeks=mins[k], max_weeks=maxs[k])
    return plan._replace(phases=tuple(phases), target_weeks=target)


def fit(plan: Plan, paths: PathsFile, background: str, timeline: str | None) -> Plan:
    """Cover by background, then scale to the quiz's timeline when it states a range."""
    covered = cover(plan, paths, background)
    target = timeline_weeks(timeline)
    if timeline is None:
        return covered._replace(total_from=covered.total_from + "; the quiz gave no timeline")
    if target is None:
        return covered._replace(
            timeline=timeline,
            total_from=(
                f"{covered.total_from}; your quiz timeline ({timeline!r}) states no "
                "duration, so the phases' own figures stand"
            ),
        )
    scaled = scale(covered, target)
    return scaled._replace(
        timeline=timeline,
        total_from=(
            f"your quiz timeline ({timeline!r}, {target[0]}-{target[1]} weeks at "
            f"52/12 weeks a month), shared across the phases you still need in "
            "proportion to their own figures"
        ),
    )


def with_progress(plan: Plan, done: Iterable[str]) -> Plan:
    """Mark the phases whose ids are in `done` (ids not on this path are ignored here)."""
    marked = set(done)
    return plan._replace(phases=tuple(p._replace(done=p.id in marked) for p in plan.phases))


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
