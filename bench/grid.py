"""Score the generated grid of profiles and print what a coach would check.

The grid: every background x years in (0, 1, 2, 3, 5, 8, 12) x every single interest and
every pair x coding level x company. Prints each role's share of top places, the tie and
close-call rates, the no-clear-fit rate, and the seed-derived checks of issue #11.

    .venv/bin/python bench/grid.py            # the whole grid (~137k profiles)
    .venv/bin/python bench/grid.py --json     # the same numbers as JSON
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator

from aicareer.engine.ranker import Ranking, engine_of
from aicareer.records.dataset import load
from aicareer.records.models import Profile
from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS

YEARS = (0, 1, 2, 3, 5, 8, 12)
ENGINEERS = {
    "software-engineer",
    "backend-engineer",
    "frontend-engineer",
    "data-engineer",
    "ml-engineer",
    "devops-engineer",
    "architect",
}
NON_TECHNICAL = {"domain-expert", "content-strategist", "other-non-technical", "technical-writer"}


def grid() -> Iterator[Profile]:
    sets = [[i] for i in INTERESTS] + [list(p) for p in itertools.combinations(INTERESTS, 2)]
    for bg, years, interests, coding, company in itertools.product(
        BACKGROUNDS, YEARS, sets, CODING_LEVELS, COMPANIES
    ):
        yield Profile(bg, years, interests, company, coding, "us")


def top_of(ranking: Ranking) -> tuple[str, int, bool, bool]:
    """(top role, score gap to the second, close call, no clear fit)."""
    first, second = ranking.results[0], ranking.results[1]
    return first.role_id, first.score - second.score, ranking.close, ranking.no_clear_fit


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    ds = load(None)
    engine = engine_of(ds)
    tops: Counter[str] = Counter()
    n = ties = close5 = no_fit = close_calls = 0
    checks: dict[str, list[int]] = {}

    def check(name: str, ok: bool) -> None:
        c = checks.setdefault(name, [0, 0])
        c[0] += ok
        c[1] += 1

    t0 = time.perf_counter()
    for p in grid():
        r = engine.rank(p)
        top, gap, close, nf = top_of(r)
        n += 1
        tops[top] += 1
        ties += gap == 0
        close5 += gap <= 5
        no_fit += nf
        close_calls += close
        if nf:
            continue
        one = p.interests[0] if len(p.interests) == 1 else None
        if p.years <= 2:
            check(
                "juniors never get architect/harness",
                top not in ("ai-architect", "harness-engineer"),
            )
        if p.coding == "none":
            check(
                "non-coders get prompt/context/pm",
                top in ("prompt-engineer", "context-engineer", "ai-product-manager"),
            )
        if p.background not in ENGINEERS:
            check("non-engineers never get architect", top != "ai-architect")
        if one is None or p.coding == "none":
            continue
        if (
            one == "agents"
            and p.background in ("software-engineer", "backend-engineer", "devops-engineer")
            and p.years >= 2
        ):
            check("agents -> agent role (swe/backend/devops 2+)", top == "ai-agent-engineer")
        if one == "infrastructure" and p.background == "backend-engineer":
            check("infrastructure -> platform (backend)", top == "platform-engineer")
        if one == "building-products" and p.background == "software-engineer" and p.years >= 3:
            check("building-products -> ai-engineer (swe 3+)", top == "ai-engineer")
        if one == "evaluation-safety":
            check(
                "evaluation -> safety/eval or llm",
                top in ("ai-safety-eval-engineer", "llm-engineer"),
            )
        if one == "model-training":
            check("model-training -> ml or llm", top in ("ml-engineer", "llm-engineer"))
        if one == "prompting" and p.background in NON_TECHNICAL:
            check(
                "prompting -> prompt/context (non-technical)",
                top in ("prompt-engineer", "context-engineer"),
            )
        if one == "product-management":
            check("product-management -> ai-pm", top == "ai-product-manager")
    elapsed = time.perf_counter() - t0
    result = {
        "profiles": n,
        "profiles_per_s": round(n / elapsed),
        "top_share_pct": {k: round(100 * v / n, 2) for k, v in tops.most_common()},
        "tie_at_top_pct": round(100 * ties / n, 2),
        "top_two_within_5_pct": round(100 * close5 / n, 2),
        "close_call_pct": round(100 * close_calls / n, 2),
        "no_clear_fit_pct": round(100 * no_fit / n, 2),
        "checks_pct": {k: round(100 * a / b, 2) for k, (a, b) in checks.items()},
        "checks_count": {k: f"{a}/{b}" for k, (a, b) in checks.items()},
    }
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        for k, v in result.items():
            if isinstance(v, dict):
                print(f"{k}:")
                for kk, vv in v.items():
                    print(f"  {kk:50} {vv}")
            else:
                print(f"{k:52} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
