""" "Did you mean": the one place aicareer guesses what a person meant to type.

difflib is imported only when a guess is needed (an unknown name is already an error),
so no command pays for it on the normal path.
"""

from __future__ import annotations

from collections.abc import Iterable


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` of `choices` closest to `word`, best first, without repeats."""
    import difflib

    return list(dict.fromkeys(difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)))


def did_you_mean(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> str:
    """`"; did you mean: a, b?"` for the closest choices, or "" when none is close."""
    close = close_matches(word, choices, n=n, cutoff=cutoff)
    return f"; did you mean: {', '.join(close)}?" if close else ""
