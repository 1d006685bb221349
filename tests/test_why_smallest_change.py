"""`aicareer why`'s search for the smallest change, pinned (issue #15 item 5).

Each candidate change is a line a person may read ("• 4 more years (5 in all)"), and its
cost decides which one they are told; bench/mutate.py showed both could change unnoticed.
"""

from __future__ import annotations

from aicareer.engine.ranker import engine_of
from aicareer.engine.whynot import Change, apply, candidates, shown_position, smallest_change, why
from aicareer.records.dataset import Dataset
from aicareer.records.models import Profile
from aicareer.records.vocab import BACKGROUNDS, COMPANIES, INTERESTS


def test_every_candidate_reads_right_and_costs_what_the_rules_say() -> None:
    p = Profile("data-scientist", 3, ["agents", "research"], "scale-up", "basic")
    cands = list(candidates(p))
    have = ["agents", "research"]
    want = [
        Change("company", "scale-up", c, f"company: {c}", 1) for c in COMPANIES if c != "scale-up"
    ]
    want += [
        Change("interests", have, [*have, i], f"add the interest {i}", 1)
        for i in INTERESTS
        if i not in have
    ]
    want += [
        Change("interests", have, ["research"], "drop the interest agents", 1),
        Change("interests", have, ["agents"], "drop the interest research", 1),
        Change("coding", "basic", "professional", "coding: professional", 2),
        Change("years", 3, 4, "1 more year (4 in all)", 1),
    ]
    want += [Change("years", 3, 3 + n, f"{n} more years ({3 + n} in all)", n) for n in range(2, 11)]
    want += [Change("interests", have, [i], f"interests: only {i}", 2) for i in INTERESTS]
    want += [
        Change("background", "data-scientist", bg, f"background: {bg.replace('-', ' ')}", 6)
        for bg in BACKGROUNDS
        if bg != "data-scientist"
    ]
    assert cands == want


def test_one_interest_is_never_dropped_and_never_replaced_by_itself() -> None:
    p = Profile("student", 0, ["agents"], coding="none")
    cands = list(candidates(p))
    assert not any(c.text.startswith("drop the interest") for c in cands)
    assert "interests: only agents" not in [c.text for c in cands]
    assert [(c.after, c.cost) for c in cands if c.field == "coding"] == [
        ("basic", 2),
        ("professional", 3),
    ]
    assert not [c for c in candidates(p._replace(coding="professional")) if c.field == "coding"]


def test_years_stop_at_sixty() -> None:
    old = Profile("architect", 55, ["agents"])
    years = [c.after for c in candidates(old) if c.field == "years"]
    assert years == [56, 57, 58, 59, 60]
    assert [
        c.after for c in candidates(Profile("architect", 60, ["agents"])) if c.field == "years"
    ] == []


def test_a_new_background_keeps_what_the_person_can_code() -> None:
    p = Profile("backend-engineer", 4, ["agents"])  # coding not said: professional, from bg
    change = Change("background", p.background, "technical-writer", "background: tw", 6)
    moved = apply(p, (change,))
    assert moved.background == "technical-writer"
    assert moved.coding == "professional"
    other = apply(p, (Change("years", 4, 6, "2 more years (6 in all)", 2),))
    assert other.coding is None and other.years == 6
    said = Profile("backend-engineer", 4, ["agents"], coding="basic")
    assert apply(said, (change,)).coding == "basic"


def test_only_ready_matching_roles_count_as_the_top_three(dataset: Dataset) -> None:
    engine = engine_of(dataset)
    for p in (
        Profile(
            "data-engineer", 1, ["infrastructure", "systems-design"], "regulated-industry", "none"
        ),
        Profile("student", 0, ["model-training"], coding="none"),
        Profile("backend-engineer", 8, ["prompting"]),
    ):
        ranking = engine.rank(p)
        recommended = [r.role_id for r in ranking.results if r.ready and r.matched][:3]
        for r in ranking.results:
            place, top = shown_position(ranking, r.role_id)
            assert place == ranking.position(r.role_id)
            assert top is (r.role_id in recommended), (p, r.role_id)
        # these people have fewer than three roles that are both ready and matched
        assert len(recommended) < 3


def test_the_cheapest_change_wins_and_pairs_are_tried_cheapest_first(dataset: Dataset) -> None:
    engine = engine_of(dataset)
    junior = Profile("backend-engineer", 1, ["systems-design"])
    found = smallest_change(engine, junior, "ai-architect")
    assert found is not None
    assert [c.text for c in found[0]] == ["4 more years (5 in all)"]
    w = why(engine, Profile("student", 0, ["model-training"], coding="none"), "ml-engineer")
    assert w.changes is not None
    # ML engineers write fluent Python: two coding levels for a student who does not code.
    assert [(c.field, c.after) for c in w.changes] == [("coding", "professional")]
    assert w.position_after is not None and w.position_after <= 3
    later = Profile(
        "data-engineer", 1, ["infrastructure", "systems-design"], "regulated-industry", "none"
    )
    pair = why(engine, later, "harness-engineer")
    assert pair.changes is not None
    assert [c.text for c in pair.changes] == ["2 more years (3 in all)", "coding: professional"]
    assert pair.position_after == 2
    starter = Profile("software-engineer", 0, ["building-products"], "early-startup")
    arch = why(engine, starter, "ai-architect")
    assert arch.changes is not None
    assert [c.text for c in arch.changes] == [
        "interests: only infrastructure",
        "5 more years (5 in all)",
    ]
    assert arch.position_after == 3


def test_the_fourth_recommendation_is_not_in_the_top_three(dataset: Dataset) -> None:
    engine = engine_of(dataset)
    p = Profile("software-engineer", 5, ["agents", "building-products"], "scale-up")
    ranking = engine.rank(p)
    recommended = [r.role_id for r in ranking.results if r.ready and r.matched]
    assert len(recommended) >= 4
    assert [shown_position(ranking, rid)[1] for rid in recommended[:4]] == [True, True, True, False]
    fourth = why(engine, p, recommended[3])
    assert fourth.in_top is False and fourth.changes is not None
    assert fourth.position_after is not None and fourth.position_after <= 3


def test_pairs_of_equal_cost_keep_the_candidates_order(dataset: Dataset) -> None:
    """Pairs are sorted by their total cost; among equal totals the cheaper first change
    comes first (candidate order), so the answer does not depend on the second alone."""
    p = Profile("software-engineer", 5, ["building-products", "prompting"], "early-startup", "none")
    w = why(engine_of(dataset), p, "ai-agent-engineer")
    assert w.changes is not None
    assert [c.text for c in w.changes] == ["add the interest agents", "coding: professional"]
    assert sum(c.cost for c in w.changes) == 4


def test_pairs_are_made_from_the_forty_cheapest_changes(dataset: Dataset) -> None:
    """Only the 40 cheapest single changes are paired (whynot.smallest_change); pairing a
    41st would change what this person is told."""
    p = Profile("product-manager", 4, ["research"], "ai-lab", "professional")
    w = why(engine_of(dataset), p, "harness-engineer")
    assert w.changes is not None
    assert [c.text for c in w.changes] == [
        "interests: only infrastructure",
        "background: software engineer",
    ]
