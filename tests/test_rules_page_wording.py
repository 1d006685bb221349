"""docs/rules.md's wording for conditions the shipped data does not use yet, and its table
cells (issue #15 item 5). The page is what a career coach reads; a data dir may use any
operator, so every operator's words are pinned here."""

from __future__ import annotations

from aicareer.records.rulemodels import AllOf, AnyOf, Leaf, NotOf
from aicareer.render.rules_page import _md_table as table
from aicareer.render.rules_page import _table_cell as cell
from aicareer.render.rules_page import words


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


def test_a_data_dir_with_other_shapes_renders_them(make_data_dir, dataset) -> None:  # type: ignore[no-untyped-def]
    """A requirement without a coding level shows "-", and a "who it suits" rule that gives
    points to several roles lists them all, comma-separated."""
    from aicareer.records.dataset import load
    from aicareer.render.rules_page import rules_page as render

    folder = make_data_dir()
    matrix = folder / "matrix.toml"
    text = matrix.read_text(encoding="utf-8")
    text = text.replace(
        'role = "founding-ai-engineer"\nbackgrounds = "@engineers"\ncoding = "basic"\n',
        'role = "founding-ai-engineer"\nbackgrounds = "@engineers"\n',
        1,
    )
    text = text.replace(
        "weights = { ml-engineer = 10 }", "weights = { ml-engineer = 10, llm-engineer = 5 }", 1
    )
    matrix.write_text(text, encoding="utf-8")
    page = render(load(folder))
    names = {r.id: r.name for r in dataset.roles.values()}
    founding = next(
        line
        for line in page.splitlines()
        if line.startswith(f"| {names['founding-ai-engineer']} |")
    )
    assert founding.split(" | ")[2:4] == ["-", "professional+"]  # no min years; codes
    assert f"{names['ml-engineer']} +10, {names['llm-engineer']} +5" in page
