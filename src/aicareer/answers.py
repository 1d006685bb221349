"""Where a command's answers come from: --answers FILE, else the last quiz's answers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from aicareer.models import Profile


def answers_or_last(path: Path | None) -> Profile:
    """The profile in `path`; without one, the answers of the last quiz (said on stderr)."""
    from aicareer.profile import read_profile

    if path is not None:
        return read_profile(path)
    raise AicareerError(
        "no answers: give --answers FILE (take the quiz with: aicareer quiz --save FILE)",
        ExitCode.USAGE,
    )
