"""data/followups.toml: its records, its checks, and each quote in its seed article."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import invoke
from seeds import seeds_dir

from aicareer.errors import AicareerError
from aicareer.records import dataset as data
from aicareer.records.followups import (
    FOLLOWUPS_FILE,
    NONE,
    cross_check_followups,
    load_followups,
    normalise,
    quote_problems,
)


def test_the_shipped_questions_load_and_pass_their_checks(dataset: data.Dataset) -> None:
    ff = dataset.followups
    assert 6 <= len(ff.followups) <= 10
    assert cross_check_followups(ff, dataset, FOLLOWUPS_FILE) == []
    names = {r.name.lower() for r in dataset.roles.values()}
    for f in ff.followups:
        assert f.source in dataset.sources
        for c in f.choices:
            # an activity a person recognises, not a role's name
            assert not any(name in c.text.lower() for name in names), (f.id, c.text)
            assert set(c.adds) <= set(f.separates)


def test_the_builders_so_which_one_advice_is_there(dataset: data.Dataset) -> None:
    """The three seats of the builders episode each have a question."""
    separated = {rid for f in dataset.followups.followups for rid in f.separates}
    assert {"ml-engineer", "ai-engineer", "ai-agent-engineer"} <= separated
    quotes = [f.quote for f in dataset.followups.followups]
    assert any("this is your seat" in q for q in quotes)
    assert "MLE: builds and trains the model." in quotes


def test_each_quote_is_in_its_seed_text(dataset: data.Dataset) -> None:
    """As the timelines are: a question's sentence is the seed's own words."""
    folder = seeds_dir()
    assert quote_problems(dataset.followups, dataset, folder, FOLLOWUPS_FILE) == []
    for f in dataset.followups.followups:
        seed = normalise((folder / dataset.sources[f.source].seed).read_text("utf-8"))
        assert normalise(f.quote) in seed, f.id


def test_a_changed_quote_is_caught(dataset: data.Dataset) -> None:
    ff = dataset.followups
    first = ff.followups[0]._replace(quote="Nobody wrote this sentence.")
    broken = ff._replace(followups=[first, *ff.followups[1:]])
    problems = quote_problems(broken, dataset, seeds_dir(), FOLLOWUPS_FILE)
    assert len(problems) == 1 and "followups[0].quote: not found word for word" in problems[0]


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / FOLLOWUPS_FILE
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _check(folder: Path) -> tuple[int, str]:
    result = invoke(["data", "check", "--data-dir", str(folder)])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'separates = ["ml-engineer", "ai-engineer"]',
            'separates = ["ml-enginer", "ai-engineer"]',
            "followups[0].separates[0]: unknown role id 'ml-enginer'",
        ),
        ('source = "builders"', 'source = "bilders"', "followups[0].source: unknown source"),
        (
            "adds = { ml-engineer = 15, ai-engineer = -10 }",
            "adds = { ml-engineer = 0 }",
            "followups[0].choices[0].adds: this choice adds no points",
        ),
        (
            "adds = { ml-engineer = 15, ai-engineer = -10 }",
            "adds = { ai-architect = 15 }",
            "followups[0].choices[0].adds.ai-architect: 'ai-architect' is not one of the roles",
        ),
        ('id = "user-flow"', 'id = "model-degrades"', "choice id 'model-degrades' is used twice"),
        ('id = "train-or-build-on"', 'id = "model-or-user-flow"', "is used twice"),
        ('ask = "Which part', 'asks = "Which part', "followups[1].asks: unknown field"),
        (
            "adds = { ml-engineer = 15, ai-engineer = -10 }",
            "adds = { ml-engineer = 500 }",
            "followups[0].choices",
        ),
    ],
)
def test_data_check_names_each_problem(
    make_data_dir: Callable[[], Path], old: str, new: str, expected: str
) -> None:
    folder = make_data_dir()
    _edit(folder, old, new)
    code, output = _check(folder)
    assert code == 3, output
    assert expected in output


def test_the_same_gain_for_both_roles_separates_nothing(
    make_data_dir: Callable[[], Path],
) -> None:
    folder = make_data_dir()
    _edit(
        folder,
        "adds = { ml-engineer = 15, ai-engineer = -10 }",
        "adds = { ml-engineer = 15, ai-engineer = 15 }",
    )
    _edit(
        folder,
        "adds = { ai-engineer = 15, ml-engineer = -10 }",
        "adds = { ai-engineer = 15, ml-engineer = 15 }",
    )
    code, output = _check(folder)
    assert code == 3
    assert "followups[0].choices: no answer changes the gap" in output


def test_data_check_counts_the_questions() -> None:
    result = invoke(["data", "check", "--json"])
    assert result.exit_code == 0, result.output
    assert '"followups": 10' in result.output


def test_a_folder_without_followups_has_no_questions(make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    (folder / FOLLOWUPS_FILE).unlink()
    ds = data.load(folder)
    assert load_followups(ds) is NONE
    assert _check(folder)[0] == 0


def test_the_validated_file_is_cached_and_rebuilt_equal(
    make_data_dir: Callable[[], Path],
) -> None:
    folder = make_data_dir()
    first = load_followups(data.load(folder))
    again = load_followups(data.load(folder))  # from the JSON cache this time
    assert again == first


def test_errors_name_the_custom_file(make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    _edit(folder, 'source = "builders"', 'source = "nope"')
    with pytest.raises(AicareerError) as exc:
        load_followups(data.load(folder))
    assert re.search(
        re.escape(str(folder / FOLLOWUPS_FILE)) + r": followups\[0\]\.source", str(exc.value)
    )


def test_the_rules_page_lists_every_question(dataset: data.Dataset) -> None:
    from aicareer.render.rules_page import rules_page

    page = rules_page(dataset)
    assert "## Follow-up questions" in page
    for f in dataset.followups.followups:
        assert f"(`{f.id}`)" in page and f.quote in page
        for c in f.choices:
            assert f"| {c.text} |" in page


def test_no_questions_no_section(make_data_dir: Callable[[], Path]) -> None:
    from aicareer.render.rules_page import followups_section

    folder = make_data_dir()
    (folder / FOLLOWUPS_FILE).unlink()
    assert followups_section(data.load(folder)) == []
