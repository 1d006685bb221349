"""engine/followup.py: the points an answer adds and the question chosen for a close call."""

from __future__ import annotations

from aicareer.engine.followup import choose, points, rank_questions, swing
from aicareer.records import dataset as data
from aicareer.records.followups import Followup, FollowupChoice


def q(qid: str, separates: list[str], *choices: dict[str, int]) -> Followup:
    return Followup(
        id=qid,
        ask="?",
        separates=separates,
        choices=[FollowupChoice(f"c{i}", "x", adds) for i, adds in enumerate(choices)],
        source="builders",
        quote="q",
    )


A = q("a", ["r1", "r2"], {"r1": 10}, {"r2": 10})
B = q("b", ["r1", "r2"], {"r1": 15}, {"r2": 10})
C = q("c", ["r2", "r3"], {"r2": 15}, {"r3": 15})
D = q("d", ["r4", "r5"], {"r4": 15}, {"r5": 15})


def test_points_adds_the_chosen_answers_points() -> None:
    assert points([A, B, C], {}) == {}
    assert points([A, B, C], {"a": "c0"}) == {"r1": 10}
    assert points([A, B, C], {"a": "c1", "b": "c1", "c": "c0"}) == {"r2": 35}
    assert points([A, B], {"a": "c0", "b": "c1"}) == {"r1": 10, "r2": 10}


def test_points_ignores_unknown_questions_and_choices() -> None:
    assert points([A], {"zzz": "c0", "a": "nope"}) == {}


def test_swing_is_the_largest_move_of_the_gap() -> None:
    assert swing(A, "r1", "r2") == 20  # +10 one way or the other
    assert swing(B, "r1", "r2") == 25
    assert swing(C, "r1", "r2") == 15  # its first answer raises r2 alone
    assert swing(D, "r1", "r2") == 0
    both = q("e", ["r1", "r2"], {"r1": 10, "r2": 10}, {"r1": 5})
    assert swing(both, "r1", "r2") == 5


def test_choose_prefers_the_biggest_move_between_the_top_two() -> None:
    assert choose([A, B, C, D], ["r1", "r2"], limit=1) == [B]
    assert choose([A, B, C, D], ["r1", "r2"]) == [B, A]
    assert choose([A, B, C, D], ["r1", "r2"], limit=3) == [B, A, C]


def test_ties_go_to_the_data_order() -> None:
    a2 = q("a2", ["r1", "r2"], {"r1": 10}, {"r2": 10})
    assert choose([A, a2], ["r1", "r2"]) == [A, a2]
    assert choose([a2, A], ["r1", "r2"]) == [a2, A]


def test_a_third_close_role_breaks_ties_between_equal_top_swings() -> None:
    only_top = q("x", ["r1", "r2"], {"r1": 10}, {"r2": 10})
    also_third = q("y", ["r1", "r2", "r3"], {"r1": 10}, {"r2": 10}, {"r3": 20})
    assert choose([only_top, also_third], ["r1", "r2", "r3"], limit=1) == [also_third]
    picks = rank_questions([only_top, also_third], ["r1", "r2", "r3"])
    assert [(p.top_swing, p.any_swing) for p in picks] == [(20, 30), (20, 20)]


def test_a_question_about_other_roles_is_never_chosen() -> None:
    assert choose([D], ["r1", "r2"]) == []
    # one that separates #2 and #3 only still counts when three roles are close
    assert choose([D, C], ["r1", "r2", "r3"]) == [C]


def test_answered_questions_are_not_asked_again() -> None:
    assert choose([A, B, C], ["r1", "r2"], answered={"b": "c0"}) == [A, C]


def test_the_shipped_data_has_a_question_for_the_common_close_calls(
    dataset: data.Dataset,
) -> None:
    fs = dataset.followups.followups
    for pair in [
        ("ml-engineer", "ai-engineer"),
        ("ai-engineer", "ai-agent-engineer"),
        ("ai-agent-engineer", "platform-engineer"),
        ("context-engineer", "prompt-engineer"),
        ("llm-engineer", "ai-safety-eval-engineer"),
        ("ai-product-manager", "ai-engineer"),
        ("ai-architect", "harness-engineer"),
        ("founding-ai-engineer", "ai-engineer"),
    ]:
        chosen = choose(fs, pair, limit=1)
        assert chosen, pair
        assert set(pair) <= set(chosen[0].separates)
        assert choose(fs, pair[::-1], limit=1) == chosen  # the order of the two is no matter
    first = choose(fs, ["ml-engineer", "ai-engineer"])
    assert [f.id for f in first] == ["model-or-user-flow", "train-or-build-on"]
