"""What several commands share: the --answers option and reading it into a ranking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from aicareer.engine.ranker import Ranking
    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile

#: --answers where the last quiz result stands in when it is not given (path, gap, decide,
#: why). The help says so in the same words everywhere; -a everywhere (README's table).
AnswersOpt = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        "-a",
        help="Your answers file (from `aicareer quiz --save FILE`; - reads stdin)."
        " Default: your last quiz result.",
        metavar="FILE",
        show_default=False,
    ),
]
#: --answers where nothing stands in for it (map: without it no role is marked).
AnswersOrNoneOpt = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        "-a",
        help="Your answers file (from `aicareer quiz --save FILE`; - reads stdin)."
        " Default: none, so no role is marked.",
        metavar="FILE",
        show_default=False,
    ),
]


def ranked(ds: Dataset, answers: Path | None) -> tuple[Profile | None, Ranking | None]:
    if answers is None:
        return None, None
    from aicareer.engine.ranker import engine_of
    from aicareer.records.profile import read_profile

    profile = read_profile(answers)
    return profile, engine_of(ds).rank(profile)


def optional_profile(answers: Path | None, ds: Dataset) -> Profile | None:
    """--answers FILE, else the last kept quiz result (named on stderr), else None: `path`,
    `gap` and `decide` also work for nobody in particular."""
    from aicareer.errors import AicareerError, ExitCode
    from aicareer.state.history import answers_or_last

    try:
        return answers_or_last(answers, ds)[0]
    except AicareerError as exc:
        if answers is None and exc.code == ExitCode.USAGE:
            return None
        raise


def start_date(value: str | None) -> dt.date:
    """--start YYYY-MM-DD, else today ($AICAREER_TODAY overrides today, a testing aid)."""
    from aicareer.errors import AicareerError, ExitCode
    from aicareer.state.progress import today

    if value is None:
        return today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise AicareerError(
            f"--start {value}: expected a date as YYYY-MM-DD, e.g. --start 2027-01-04",
            ExitCode.USAGE,
        ) from None


StartOpt = Annotated[
    str | None,
    typer.Option(
        "--start",
        help="Plan from this day (YYYY-MM-DD) instead of today.",
        metavar="DATE",
        show_default=False,
    ),
]
