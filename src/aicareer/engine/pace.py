"""The one time to ready at a person's pace, in words: the same on every screen and format.

The time itself is `model.time_of`'s; this only reads it at `hours` a week.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from aicareer.engine.rules import WEEKS_PER_MONTH, round_half_up

if TYPE_CHECKING:
    from aicareer.engine.ranking import TimeToReady


def pace_weeks(time: TimeToReady, assumed: int, pace: int) -> tuple[int, int] | None:
    """The time's weeks at `pace` hours a week (None for a role reached by years of work).

    Effort in hours is weeks x the assumed pace; weeks at the person's pace round up. The
    plan's phases share the same hours, so its total is always this (`make_plan`)."""
    if time.weeks is None:
        return None
    lo, hi = time.weeks
    return math.ceil(round(lo * assumed) / pace), math.ceil(round(hi * assumed) / pace)


def span_text(lo: int, hi: int) -> str:
    """(13, 22) -> "3-5 months": weeks below 8, months below two years, then years."""
    if hi <= 0:
        return "now"
    if hi < 8:
        return f"{lo} week{'s' if hi != 1 else ''}" if lo == hi else f"{lo}-{hi} weeks"
    mlo = max(1, round_half_up(lo / WEEKS_PER_MONTH))
    mhi = max(mlo, round_half_up(hi / WEEKS_PER_MONTH))
    if mhi < 24:
        return f"{mlo} months" if mlo == mhi else f"{mlo}-{mhi} months"
    ylo, yhi = max(1, round_half_up(mlo / 12)), max(1, round_half_up(mhi / 12))
    return f"{ylo} years" if ylo == yhi else f"{ylo}-{yhi} years"


def time_words(time: TimeToReady, assumed: int, pace: int, stated: bool) -> tuple[str, str]:
    """(short, full): "3-5 months", "about 3-5 months at your 8 hours a week"."""
    if time.years is not None:
        lo, hi = time.years
        if lo == 0:
            short = f"up to {hi} year{'s' if hi != 1 else ''}"
            return short, f"{short} of work experience"
        short = f"{lo} year{'s' if hi != 1 else ''}" if lo == hi else f"{lo}-{hi} years"
        return short, f"about {short} of work experience"
    weeks = pace_weeks(time, assumed, pace)
    assert weeks is not None
    short = span_text(*weeks)
    if short == "now":
        return "now", "now, if an opening exists"
    who = f"at your {pace} hours a week" if stated else f"at {pace} hours a week (assumed)"
    return short, f"about {short} {who}"
