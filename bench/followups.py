"""How often the grid ends in a close call, before and after one follow-up answer (#26).

For every grid profile whose top two are a close call, the question `choose()` would ask
is answered each possible way; the script counts how many of those answered profiles are
still a close call, and checks that no answer puts a role the person cannot aim at now
into the top three. Standard library plus aicareer; run with the venv's python:

    .venv/bin/python bench/followups.py            # the whole grid (a few minutes)
    .venv/bin/python bench/followups.py --step 7   # every 7th profile
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter

from aicareer.engine.followup import choose
from aicareer.engine.ranker import engine_of
from aicareer.records.dataset import load
from aicareer.records.models import Profile
from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS

YEARS = (0, 1, 2, 3, 5, 8, 12)
SETS = [[i] for i in INTERESTS] + [list(c) for c in itertools.combinations(INTERESTS, 2)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=1, help="take every STEP-th profile")
    args = parser.parse_args()
    ds = load()
    engine = engine_of(ds)
    questions = ds.followups.followups
    grid = [
        Profile(bg, y, i, c, cod)  # type: ignore[arg-type]
        for bg, y, i, cod, c in itertools.product(
            BACKGROUNDS, YEARS, SETS, CODING_LEVELS, COMPANIES
        )
    ][:: args.step]
    close = asked = still = answered = 0
    by_question: Counter[str] = Counter()
    later_in_top = 0
    for p in grid:
        ranking = engine.rank(p)
        if ranking.close_call is None:
            continue
        close += 1
        picks = choose(questions, list(ranking.close_call), 1)
        if not picks:
            continue
        asked += 1
        q = picks[0]
        by_question[q.id] += 1
        for choice in q.choices:
            answered += 1
            after = engine.rank(p._replace(followups={q.id: choice.id}))
            top = [r for r in after.results if r.ready and r.matched][:3]
            later_in_top += any(not r.ready for r in top)
            still += after.close_call is not None
    n = len(grid)
    print(f"profiles: {n:,}")
    print(f"close calls before any answer: {close:,} ({close / n:.1%})")
    print(f"close calls with a question that separates them: {asked:,} ({asked / n:.1%})")
    if answered:
        print(
            f"after one answer (each choice of the chosen question): {still:,} of {answered:,}"
            f" answered profiles still close ({still / answered:.1%})"
        )
    print(f"answers that put a role for later into the top three: {later_in_top}")
    for qid, count in by_question.most_common():
        print(f"  {qid}: asked for {count:,} close calls")
    return 1 if later_in_top else 0


if __name__ == "__main__":
    sys.exit(main())
