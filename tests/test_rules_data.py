"""data/matrix.toml: what a coach sees when an edit breaks it, and what the shipped rules say."""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from aicareer import data
from aicareer.data import Dataset
from aicareer.engine import Engine
from aicareer.errors import AicareerError, ExitCode
from aicareer.models import Profile, validate
from aicareer.vocab import BACKGROUNDS, COMPANIES, INTERESTS

Mutation = Callable[[dict[str, Any]], None]

#: rules[3] is replaced by this shape so the tests know the paths inside it.
RULE_3_WHEN: dict[str, list[dict[str, Any]]] = {
    "all": [
        {"field": "background", "op": "in", "value": ["software-engineer"]},
        {"field": "years", "op": "at-least", "value": 5},
    ]
}


def break_rule_3(mutate: Callable[[dict[str, Any]], None]) -> Mutation:
    def apply(matrix: dict[str, Any]) -> None:
        rule = matrix["rules"][3]
        assert rule["kind"] == "matrix"
        rule["when"] = {"all": [dict(leaf) for leaf in RULE_3_WHEN["all"]]}
        mutate(rule)

    return apply


def set_leaf(index: int, key: str, value: Any) -> Mutation:
    return break_rule_3(lambda rule: rule["when"]["all"][index].__setitem__(key, value))


BROKEN = [
    pytest.param(
        set_leaf(1, "field", "shoe-size"),
        "rules[3].when.all[1].field",
        "'shoe-size'",
        id="unknown-field",
    ),
    pytest.param(
        set_leaf(1, "op", "bigger-than"),
        "rules[3].when.all[1].op",
        "'bigger-than'",
        id="unknown-operator",
    ),
    pytest.param(
        set_leaf(0, "op", "at-least"),
        "rules[3].when.all[0]",
        "'at-least'",
        id="operator-does-not-fit-field",
    ),
    pytest.param(
        set_leaf(0, "value", ["software-engineer", "astronaut"]),
        "rules[3].when.all[0]",
        "'astronaut'",
        id="unknown-background",
    ),
    pytest.param(
        break_rule_3(lambda rule: rule["weights"].__setitem__("xyz", 5)),
        "rules[3].weights.xyz",
        "'xyz'",
        id="unknown-role-in-weights",
    ),
    pytest.param(
        break_rule_3(lambda rule: rule["weights"].__setitem__("data-scientist", 5)),
        "rules[3].weights.data-scientist",
        "adjacent",
        id="adjacent-role-in-weights",
    ),
    pytest.param(
        break_rule_3(lambda rule: rule.pop("timeline")),
        "rules[3]",
        "timeline",
        id="matrix-rule-without-timeline",
    ),
]


@pytest.mark.parametrize(("mutate", "where", "shown"), BROKEN)
def test_a_broken_matrix_is_reported_with_file_path_and_value(
    make_data_dir: Callable[[], Path],
    mutate: Mutation,
    where: str,
    shown: str,
) -> None:
    folder = make_data_dir()
    path = folder / "matrix.toml"
    matrix = tomllib.loads(path.read_text(encoding="utf-8"))
    mutate(matrix)
    path.write_text(tomli_w.dumps(matrix), encoding="utf-8")

    with pytest.raises(AicareerError) as caught:
        data.load(folder)

    assert caught.value.code == ExitCode.DATA
    matching = [
        line
        for line in caught.value.lines
        if "matrix.toml" in line and (f"{where}:" in line or f"{where} (" in line)
    ]
    assert matching, caught.value.lines
    assert any(shown in line for line in matching), matching


def test_an_untouched_copy_loads(make_data_dir: Callable[[], Path], dataset: Dataset) -> None:
    copy = data.load(make_data_dir())
    assert copy.matrix == dataset.matrix


# --- the shipped rules ----------------------------------------------------------------------


def test_every_rule_cites_a_source_and_gives_a_readable_reason(dataset: Dataset) -> None:
    sources = {"roles-guide", "builders", "five-pillars", "ai-engineer-explainer", "roadmap-2026"}
    for rule in dataset.matrix.rules:
        assert rule.source in sources, rule.id
        assert len(rule.reason.split()) >= 8, rule.id
        assert rule.reason[0].isupper() and rule.reason.endswith("."), rule.id


def test_rules_weight_core_roles_only(dataset: Dataset) -> None:
    core = {r.id for r in dataset.roles_file.roles if r.kind == "core"}
    for rule in dataset.matrix.rules:
        assert set(rule.weights) <= core, rule.id


def test_builders_agent_pivot_takes_two_to_four_months(dataset: Dataset) -> None:
    rules = [r for r in dataset.matrix.rules if r.timeline == "2-4 months"]
    assert [r.source for r in rules] == ["builders"]
    assert rules[0].weights["ai-agent-engineer"] > 0


def test_every_core_role_is_someones_best_fit(engine: Engine, dataset: Dataset) -> None:
    reached = set()
    for background, years, interest, company in itertools.product(
        BACKGROUNDS,
        (1, 5, 10),
        INTERESTS,
        COMPANIES,
    ):
        person = validate(
            Profile,
            {"background": background, "years": years, "interests": [interest], "company": company},
        )
        ranking = engine.rank(person)
        reached.add(ranking.recommendations[0].role_id)
    core = {r.id for r in dataset.roles_file.roles if r.kind == "core"}
    assert reached == core


def test_docs_list_every_rule(dataset: Dataset) -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [r.id for r in dataset.matrix.rules if f"| `{r.id}` |" not in docs]
    assert not missing, f"add these rules to the table in docs/rules.md: {missing}"
