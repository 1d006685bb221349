"""The model's numbers, pinned over a spread of people (issue #15 item 5).

bench/mutate.py showed engine mutants (a `>=` made `>`, a weight +1, a text changed) that
no other test noticed although each changes a score, a band, an order or a sentence on the
screen. These tests pin what a person sees from the engine for ~200 profiles that cover
every background, interest, company, coding level and the years that cross each rule:
the whole ranking (order, score, band, fit, readiness, timeline, now/later, matched), the
close call and "no clear fit", and every reason and requirement line for a sample.

The figures live in tests/snapshots/mutants-engine.json. After a deliberate change to the
data or the model, regenerate and read the diff before committing:

    AICAREER_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_ranking_numbers.py
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path
from typing import Any

import pytest

from aicareer.engine.conditions import compile_condition
from aicareer.engine.ranker import Engine, engine_of
from aicareer.records.dataset import Dataset
from aicareer.records.models import Profile
from aicareer.records.rulemodels import Leaf
from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "mutants-engine.json"
UPDATE = bool(os.environ.get("AICAREER_UPDATE_SNAPSHOTS"))
#: Years that sit on each side of every min_years and route threshold in the data.
YEARS = (0, 1, 2, 3, 4, 5, 6, 8, 12, 20)


def people() -> list[Profile]:
    """A fixed spread: every background with several years, interest sets, companies and
    coding levels (including "not said", which falls back to the background's level)."""
    sets = [[i] for i in INTERESTS] + [list(c) for c in itertools.combinations(INTERESTS, 2)]
    codings: list[str | None] = [None, *CODING_LEVELS]
    out: list[Profile] = []
    for n in range(160):
        bg = BACKGROUNDS[n % len(BACKGROUNDS)]
        years = YEARS[(n * 7 + n // len(BACKGROUNDS)) % len(YEARS)]
        interests = sets[(n * 11) % len(sets)]
        company = COMPANIES[(n * 5 + n // 3) % len(COMPANIES)]
        coding = codings[(n // 2 + n // 16) % len(codings)]
        out.append(Profile(bg, years, interests, company, coding))  # type: ignore[arg-type]
    # People with no clear fit (nothing they can aim at now matches an interest).
    out += [
        Profile("student", 0, ["model-training"], coding="none"),
        Profile("other-non-technical", 1, ["research", "model-training"], "ai-lab", "none"),
        Profile("content-strategist", 0, ["infrastructure"], "scale-up"),
    ]
    return out


def key(p: Profile) -> str:
    return f"{p.background}/{p.years}/{'+'.join(p.interests)}/{p.company}/{p.coding}"


def ranking_view(engine: Engine, p: Profile, routes: dict[str, str]) -> dict[str, Any]:
    r = engine.rank(p)
    rows = []
    for x in r.results:
        rd = x.readiness
        rows.append(
            f"{x.role_id} {x.score} {x.band} fit={x.fit} ready={rd.score} "
            f"{'now' if x.ready else 'later'} {'matched' if x.matched else 'unmatched'} "
            f"{rd.route}"
        )
        if rd.route is not None:
            # A route always gives the same figures: pinned once per route.
            routes[rd.route] = (
                f"matrix={rd.matrix} months={rd.months} source={rd.source} "
                f"audience={rd.audience} timeline={rd.timeline}"
            )
        elif rd.timeline is not None or rd.source is not None:
            rows.append(f"{x.role_id} timeline={rd.timeline} source={rd.source}")
    close = list(r.close_call) if r.close_call else None
    return {"roles": rows, "close_call": close, "no_clear_fit": r.no_clear_fit}


def explain_view(engine: Engine, p: Profile) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for rid in engine.role_ids:
        ex = engine.explain(p, rid)
        out[rid] = {
            "fit": [f"{x.kind} {x.points:+d} {x.ref} [{x.source}] {x.text}" for x in ex.fit],
            "readiness": [
                f"{x.kind} {x.points:+d} {x.ref} [{x.source}] {x.text}" for x in ex.readiness
            ],
            "checks": [
                f"{c.what} {'met' if c.met else 'NOT met'} {c.needed!r} change={c.change!r} "
                f"[{c.source}]"
                for c in ex.checks
            ],
        }
    return out


def current(engine: Engine) -> dict[str, Any]:
    ps = people()
    routes: dict[str, str] = {}
    return {
        "rankings": {key(p): ranking_view(engine, p, routes) for p in ps},
        "routes": routes,
        "explanations": {key(p): explain_view(engine, p) for p in ps[::20] + ps[-3:]},
    }


@pytest.fixture(scope="module")
def got(dataset: Dataset) -> dict[str, Any]:
    # A fresh engine: nothing remembered from other tests.
    return current(Engine(dataset.matrix, dataset.paths))


@pytest.fixture(scope="module")
def want(got: dict[str, Any]) -> dict[str, Any]:
    if UPDATE or not SNAPSHOT.exists():
        if not UPDATE:
            pytest.fail(f"{SNAPSHOT.name} is missing; run with AICAREER_UPDATE_SNAPSHOTS=1")
        SNAPSHOT.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    doc: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    return doc


def test_the_spread_covers_every_answer() -> None:
    ps = people()
    assert {p.background for p in ps} == set(BACKGROUNDS)
    assert {p.company for p in ps} == set(COMPANIES)
    assert {p.coding for p in ps} == {None, *CODING_LEVELS}
    assert {i for p in ps for i in p.interests} == set(INTERESTS)
    assert {p.years for p in ps} == set(YEARS)
    assert len({key(p) for p in ps}) == len(ps)


def test_every_ranking_is_what_it_was(got: dict[str, Any], want: dict[str, Any]) -> None:
    """Order, score, band, fit, readiness, timeline and now/later of every role."""
    for k, view in want["rankings"].items():
        assert got["rankings"][k] == view, k
    assert got["rankings"].keys() == want["rankings"].keys()
    assert got["routes"] == want["routes"]


def test_every_reason_and_requirement_line_is_what_it_was(
    got: dict[str, Any], want: dict[str, Any]
) -> None:
    for k, view in want["explanations"].items():
        for rid, lines in view.items():
            assert got["explanations"][k][rid] == lines, (k, rid)


def test_the_spread_meets_every_kind_of_outcome(want: dict[str, Any]) -> None:
    """The pinned spread is worth pinning: it holds close calls, no-clear-fit people,
    later roles, unmatched roles and every kind of reason."""
    views = want["rankings"].values()
    assert any(v["close_call"] for v in views) and any(not v["close_call"] for v in views)
    assert any(v["no_clear_fit"] for v in views) and any(not v["no_clear_fit"] for v in views)
    rows = [row for v in views for row in v["roles"]]
    assert any(row.endswith(" None") for row in rows)  # no route: the role's estimate
    assert any(" later " in r for r in rows) and any(" unmatched " in r for r in rows)
    assert any("timeline=None" in r for r in want["routes"].values())
    assert any("timeline=two to four months" in r for r in want["routes"].values())
    kinds = {
        line.split()[0]
        for v in want["explanations"].values()
        for e in v.values()
        for line in e["fit"] + e["readiness"]
    }
    assert kinds == {"interest", "overlap", "company", "suits", "route", "estimate", "requirement"}


def test_the_explained_result_is_the_ranked_result(dataset: Dataset) -> None:
    """`why` and the cards (explain) show the same numbers as the ranking."""
    engine = Engine(dataset.matrix, dataset.paths)
    for p in people()[::5]:
        for r in engine.rank(p).results:
            assert engine.explain(p, r.role_id).result == r, (key(p), r.role_id)


def test_the_same_person_asked_twice_gets_the_same_ranking(dataset: Dataset) -> None:
    engine = Engine(dataset.matrix, dataset.paths)
    ps = people()[:40]
    first = [ranking_view(engine, p, {}) for p in ps]
    assert [ranking_view(engine, p, {}) for p in reversed(ps)] == first[::-1]


def test_a_years_condition_needs_a_whole_number() -> None:
    for bad in (True, "5", 2.5):
        with pytest.raises(ValueError, match=r"^years needs a whole number, got "):
            compile_condition(Leaf(field="years", op="at-least", value=bad), {})  # type: ignore[arg-type]
    at_least = compile_condition(Leaf(field="years", op="at-least", value=5), {})
    at_most = compile_condition(Leaf(field="years", op="at-most", value=5), {})
    equals = compile_condition(Leaf(field="years", op="equals", value=5), {})
    facts = lambda y: ("student", y, frozenset(), "any", "none")  # noqa: E731
    assert [at_least(facts(y)) for y in (4, 5, 6)] == [False, True, True]
    assert [at_most(facts(y)) for y in (4, 5, 6)] == [True, True, False]
    assert [equals(facts(y)) for y in (4, 5, 6)] == [False, True, False]


def test_every_answer_a_condition_can_look_at() -> None:
    """Background, company and coding are looked up by position in the profile's facts;
    the shipped data has no company condition, a data dir may."""
    f = ("student", 3, frozenset({"agents"}), "ai-lab", "basic")
    company = compile_condition(Leaf("company", "equals", "ai-lab"), {})
    coding = compile_condition(Leaf("coding", "in", ["basic", "professional"]), {})
    background = compile_condition(
        Leaf("background", "equals", "@starters"), {"starters": ["student"]}
    )
    assert (company(f), coding(f), background(f)) == (True, True, True)
    other = ("architect", 3, frozenset({"agents"}), "scale-up", "none")
    assert (company(other), coding(other), background(other)) == (False, False, False)
    interests_all = compile_condition(Leaf("interests", "has-all", ["agents", "evals"]), {})
    interests_any = compile_condition(Leaf("interests", "has-any", ["agents", "evals"]), {})
    assert (interests_all(f), interests_any(f)) == (False, True)


def test_not_turns_a_condition_round() -> None:
    from aicareer.records.rulemodels import NotOf

    seniors = compile_condition(NotOf(Leaf("years", "at-most", 2)), {})  # type: ignore[call-arg]
    assert [seniors(("student", y, frozenset(), "any", "none")) for y in (2, 3)] == [False, True]


def test_conditions_the_engine_cannot_read_are_named() -> None:
    from aicareer.engine.conditions import expand

    with pytest.raises(ValueError, match=r"^expected an id, a list of ids or @group, got 5$"):
        expand(5, {})
    with pytest.raises(
        ValueError, match=r"^operator 'has-any' with value 'x' does not apply to 'company'$"
    ):
        compile_condition(Leaf("company", "has-any", "x"), {})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^not a condition: 7$"):
        compile_condition(7, {})  # type: ignore[arg-type]


def test_the_memo_never_serves_one_person_anothers_ranking(dataset: Dataset) -> None:
    """Fit is remembered by interests, company and background (through "who it suits"),
    readiness by background, years, coding, company and route interests: two people who
    differ in any one of them get their own ranking, whoever asked first."""
    base = Profile("backend-engineer", 3, ["reliability"], "any", "professional")
    others = [
        base._replace(background="data-engineer"),
        base._replace(years=8),
        base._replace(coding="basic"),
        base._replace(company="ai-lab"),
        base._replace(interests=["agents"]),
    ]
    shared = Engine(dataset.matrix, dataset.paths)
    shared.rank(base)
    for p in others:
        assert ranking_view(shared, p, {}) == ranking_view(
            Engine(dataset.matrix, dataset.paths), p, {}
        ), p


@pytest.mark.parametrize(
    ("years", "met", "change"),
    [
        (4, False, "after about 1 more year as an engineer"),
        (3, False, "after about 2 more years as an engineer"),
        (5, True, None),
        (6, True, None),
    ],
)
def test_the_years_requirement_at_its_edge(
    dataset: Dataset, years: int, met: bool, change: str | None
) -> None:
    p = Profile("backend-engineer", years, ["systems-design"], coding="professional")
    checks = {c.what: c for c in engine_of(dataset).explain(p, "ai-architect").checks}
    assert checks["years"].needed == "5+ years of experience"
    assert (checks["years"].met, checks["years"].change) == (met, change)


def test_a_score_below_every_band_gets_the_lowest_band(make_data_dir) -> None:  # type: ignore[no-untyped-def]
    """A data dir whose lowest band starts above 0 still names every score: the lowest."""
    from aicareer.records.dataset import load

    folder = make_data_dir()
    matrix = folder / "matrix.toml"
    text = matrix.read_text(encoding="utf-8")
    assert 'name = "long shot", min_score = 0,' in text
    matrix.write_text(
        text.replace('name = "long shot", min_score = 0,', 'name = "long shot", min_score = 30,'),
        encoding="utf-8",
    )
    engine = Engine(load(folder).matrix, load(folder).paths)
    results = engine.rank(Profile("student", 0, ["model-training"], coding="none")).results
    low = [r for r in results if r.score < 30]
    assert low and {r.band for r in low} == {"long shot"}


def test_one_engine_ranks_neighbours_alike_in_any_order(dataset: Dataset) -> None:
    """Every part of a ranking is remembered by what it depends on, so the order in which
    one engine meets people never changes what it says. Neighbours here differ in one
    answer at a time, at every years cut the rules use, for every company (one route
    looks at "early-startup"), coding level and single interest; two engines rank them in
    opposite orders and must agree on every one. And "no clear fit" means exactly that no
    role the person can aim at now matches an interest."""
    import itertools

    from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS

    people = [
        Profile(bg, years, [interest], company, coding)  # type: ignore[arg-type]
        for bg, years, interest, coding, company in itertools.product(
            BACKGROUNDS, (0, 2, 3, 4, 5, 6, 7), INTERESTS, CODING_LEVELS, COMPANIES
        )
    ]
    forward, backward = Engine(dataset.matrix, dataset.paths), Engine(dataset.matrix, dataset.paths)
    ahead = [forward.rank(p) for p in people]
    behind = [backward.rank(p) for p in reversed(people)][::-1]
    for p, a, b in zip(people, ahead, behind, strict=True):
        assert a == b, p
        assert a.no_clear_fit == (not any(x.ready and x.matched for x in a.results)), p
    founding = {
        p.company: next(x for x in r.results if x.role_id == "founding-ai-engineer")
        for p, r in zip(people, ahead, strict=True)
        if p.background == "backend-engineer" and p.years == 5 and p.coding == "professional"
    }
    assert founding["early-startup"].readiness.route == "engineer-at-early-startup-to-founding"
    assert founding["any"].readiness.route != "engineer-at-early-startup-to-founding"
