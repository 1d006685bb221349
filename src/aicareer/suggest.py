""" "Did you mean": the one place aicareer guesses what a person meant to type.

difflib is imported only when a guess is needed (an unknown name is already an error),
so no command pays for it on the normal path.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` of `choices` closest to `word`, best first, without repeats."""
    return list(_close(word, tuple(choices), n, cutoff))


@functools.lru_cache(maxsize=256)
def _close(word: str, choices: tuple[str, ...], n: int, cutoff: float) -> tuple[str, ...]:
    """Remembered: a batch with the same mistake in many rows guesses once (difflib
    compares the word with every choice, ~0.2 ms)."""
    import difflib

    return tuple(dict.fromkeys(difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)))


def meant(word: str, choices: Iterable[str]) -> str | None:
    """The choice a person meant by a word people naturally type for it ("EU", "Europe",
    "Sr", "senior engineer": `NATURAL_WORDS` below), or a different case of a choice;
    None when neither. Before spelling: "EU" is Europe, not the nearest spelling."""

    options = list(choices)
    key = " ".join(word.strip().lower().replace("_", " ").replace(".", "").split())
    for choice in options:
        if choice.lower() == key or choice.lower() == key.replace(" ", "-"):
            return choice
    target = NATURAL_WORDS.get(key)
    return target if target in options else None


def did_you_mean(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> str:
    """`"; did you mean: a, b?"` for what the word naturally means (see `meant`), else the
    closest spellings, or "" when none is close."""
    options = list(choices)
    natural = meant(word, options)
    if natural is not None:
        return f"; did you mean: {natural}?"
    close = close_matches(word, options, n=n, cutoff=cutoff)
    return f"; did you mean: {', '.join(close)}?" if close else ""


#: Words people naturally type for a value, lower case -> the value. Used for "did you
#: mean" (suggest.meant) only where that value is one of the choices: "EU" suggests europe
#: for a region, "Sr" senior for a level, before any guess by spelling.
NATURAL_WORDS: dict[str, str] = {
    # regions
    "eu": "europe",
    "emea": "europe",
    "uk": "europe",
    "united kingdom": "europe",
    "germany": "europe",
    "france": "europe",
    "european union": "europe",
    "usa": "us",
    "u s": "us",
    "united states": "us",
    "united states of america": "us",
    "america": "us",
    "north america": "us",
    "rest of world": "other",
    "row": "other",
    "elsewhere": "other",
    "asia": "other",
    "apac": "other",
    "latam": "other",
    "india": "other",
    # levels
    "sr": "senior",
    "snr": "senior",
    "senior engineer": "senior",
    "staff": "senior",
    "lead": "senior",
    "jr": "entry",
    "junior": "entry",
    "graduate": "entry",
    "new grad": "entry",
    "intern": "entry",
    "entry level": "entry",
    "entry-level": "entry",
    "mid level": "mid",
    "mid-level": "mid",
    "middle": "mid",
    "intermediate": "mid",
    "principal": "architect",
    # answers-file values people type in words
    "none": "none",
    "some": "basic",
    "scripting": "basic",
    "professional": "professional",
    "startup": "early-startup",
    "start-up": "early-startup",
    "big company": "enterprise",
    "corporate": "enterprise",
    "lab": "ai-lab",
    "backend": "backend-engineer",
    "frontend": "frontend-engineer",
    "swe": "software-engineer",
    "developer": "software-engineer",
    "pm": "product-manager",
    "sre": "devops-engineer",
    "devops": "devops-engineer",
    "mle": "ml-engineer",
    "qa": "qa-engineer",
}
