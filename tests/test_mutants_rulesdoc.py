"""docs/rules.md's wording for conditions the shipped data does not use yet, and its table
cells (issue #15 item 5). The page is what a career coach reads; a data dir may use any
operator, so every operator's words are pinned here."""

from __future__ import annotations

from aicareer.models import AllOf, AnyOf, Leaf, NotOf
from aicareer.rulesdoc import cell, table, words


def test_every_operator_reads_as_words() -> None:
    assert words(Leaf("years", "at-least", 5)) == "5+ years"
    assert words(Leaf("years", "at-most", 2)) == "at most 2 years"
    assert words(Leaf("years", "equals", 0)) == "exactly 0 years"
    assert words(Leaf("interests", "has-all", ["agents", "evals"])) == (
        "interests include all of: agents, evals"
    )
    assert words(Leaf("interests", "has-any", "@builders")) == "interests include any of: @builders"
    assert words(Leaf("background", "equals", "student")) == "background is student"
    assert words(Leaf("company", "in", ["ai-lab", "scale-up"])) == "company in ai-lab, scale-up"


def test_conditions_combine_with_and_or_and_not() -> None:
    a = Leaf("years", "at-least", 3)
    b = Leaf("coding", "equals", "professional")
    assert words(AllOf([a, b])) == "3+ years and coding is professional"
    assert words(AnyOf([a, b])) == "(3+ years or coding is professional)"
    assert words(NotOf(a)) == "not (3+ years)"  # type: ignore[call-arg]


def test_cells_never_break_the_table() -> None:
    assert cell("a | b\nc ") == "a \\| b c"
    assert table(["x", "y"], [[1, "p|q"]]) == ["| x | y |", "|---|---|", "| 1 | p\\|q |"]
