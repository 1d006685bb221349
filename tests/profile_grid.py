"""The grid of profiles the engine tests sweep (157,248: every background, seven years
values, every interest alone and in pairs, every coding level and company), and the
model's ranking of each, computed once per test session (the `ranked_grid` fixture in
conftest.py)."""

from __future__ import annotations

import itertools

from aicareer.records.models import Profile
from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS

YEARS = (0, 1, 2, 3, 5, 8, 12)
SETS = [[i] for i in INTERESTS] + [list(c) for c in itertools.combinations(INTERESTS, 2)]


def grid() -> list[Profile]:
    return [
        Profile(bg, y, i, c, cod)  # type: ignore[arg-type]
        for bg, y, i, cod, c in itertools.product(
            BACKGROUNDS, YEARS, SETS, CODING_LEVELS, COMPANIES
        )
    ]
