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


def meant(word: str, choices: Iterable[str]) -> str | None:
    """The choice a person meant by a word people naturally type for it ("EU", "Europe",
    "Sr", "senior engineer": `vocab.NATURAL_WORDS`), or a different case of a choice;
    None when neither. Before spelling: "EU" is Europe, not the nearest spelling."""
    from aicareer.records.vocab import NATURAL_WORDS

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
