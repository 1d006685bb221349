"""Follow-up answers over the grid (#26): an answer can reorder the roles a person can aim
at, but never moves a role for later (or one that matches nothing) into the top three,
and answering the chosen question settles most close calls."""

from __future__ import annotations

import itertools

from aicareer.engine.followup import choose
from aicareer.engine.ranker import engine_of
from aicareer.records.dataset import Dataset
from aicareer.records.models import Profile
from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS

SETS = [[i] for i in INTERESTS] + [list(c) for c in itertools.combinations(INTERESTS, 2)]


def test_an_answer_never_brings_a_role_for_later_into_the_top_three(dataset: Dataset) -> None:
    engine, questions = engine_of(dataset), dataset.followups.followups
    grid = [
        Profile(bg, y, i, c, cod)  # type: ignore[arg-type]
        for bg, y, i, cod, c in itertools.product(
            BACKGROUNDS, (1, 5), SETS, CODING_LEVELS, COMPANIES
        )
    ][::5]
    close = settled = answered = 0
    for p in grid:
        ranking = engine.rank(p)
        if ranking.close_call is None:
            continue
        close += 1
        for q in choose(questions, list(ranking.close_call), 1):
            for choice in q.choices:
                after = engine.rank(p._replace(followups={q.id: choice.id}))
                top = [r for r in after.results if r.ready and r.matched][:3]
                before = {r.role_id for r in ranking.results if r.ready}
                assert all(r.ready and r.role_id in before for r in top), (p, q.id, choice.id)
                answered += 1
                settled += after.close_call is None
    assert close > 100
    assert settled / answered > 0.5, (settled, answered)
