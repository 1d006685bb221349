"""What several commands share: the --answers option and reading it into a ranking."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from aicareer.data import Dataset
    from aicareer.engine import Ranking
    from aicareer.models import Profile

AnswersOpt = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        "-a",
        help="An answers file (from `aicareer quiz --save FILE`).",
        metavar="FILE",
        show_default=False,
    ),
]


def ranked(ds: Dataset, answers: Path | None) -> tuple[Profile | None, Ranking | None]:
    if answers is None:
        return None, None
    from aicareer.profile import read_profile

    profile = read_profile(answers)
    return profile, ds.engine.rank(profile)
