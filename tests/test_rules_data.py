"""data/matrix.toml: what a coach sees when an edit breaks it, and what the shipped rules say."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from clirun import invoke
from seeds import seeds_dir

from aicareer.errors import AicareerError, ExitCode
from aicareer.records import dataset as data
from aicareer.records.dataset import Dataset

Mutation = Callable[[dict[str, Any]], None]


def route(matrix: dict[str, Any], route_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in matrix["routes"] if r["id"] == route_id)
    return found


def on_route(mutate: Callable[[dict[str, Any]], None]) -> Mutation:
    """Break the route backend-to-platform (a single-leaf condition)."""
    return lambda m: mutate(route(m, "backend-to-platform"))


def index_of(route_id: str) -> int:
    matrix = tomllib.loads((Path(data.builtin_data_dir()) / "matrix.toml").read_text("utf-8"))
    return next(i for i, r in enumerate(matrix["routes"]) if r["id"] == route_id)


R = f"routes[{index_of('backend-to-platform')}]"

BROKEN = [
    pytest.param(
        on_route(lambda r: r["when"].__setitem__("field", "shoe-size")),
        f"{R}.when.field",
        "'shoe-size'",
        id="unknown-field",
    ),
    pytest.param(
        on_route(lambda r: r["when"].__setitem__("op", "bigger-than")),
        f"{R}.when.op",
        "'bigger-than'",
        id="unknown-operator",
    ),
    pytest.param(
        on_route(lambda r: r["when"].__setitem__("op", "at-least")),
        f"{R}.when",
        "'at-least'",
        id="operator-does-not-fit-field",
    ),
    pytest.param(
        on_route(lambda r: r["when"].update(op="in", value=["backend-engineer", "astronaut"])),
        f"{R}.when",
        "'astronaut'",
        id="unknown-background",
    ),
    pytest.param(
        on_route(lambda r: r["when"].update(op="in", value="@wizards")),
        f"{R}.when",
        "'@wizards'",
        id="unknown-group",
    ),
    pytest.param(
        on_route(lambda r: r.__setitem__("role", "xyz")),
        f"{R}.role",
        "'xyz'",
        id="unknown-role",
    ),
    pytest.param(
        on_route(lambda r: r.__setitem__("role", "data-scientist")),
        f"{R}.role",
        "adjacent",
        id="adjacent-role",
    ),
    pytest.param(
        on_route(lambda r: r.pop("audience")),
        R,
        "audience",
        id="timeline-without-audience",
    ),
    pytest.param(
        on_route(lambda r: r.__setitem__("months", [12, 6])),
        R,
        "above high",
        id="months-reversed",
    ),
    pytest.param(
        lambda m: m["fit"][0]["weights"].__setitem__("ai-engineer", 140),
        "fit[0].weights.ai-engineer",
        "less than or equal to 100",
        id="weight-over-100",
    ),
    pytest.param(
        lambda m: m["scoring"].__setitem__("fit_weight", 70),
        "scoring",
        "must be 100",
        id="weights-do-not-add-up",
    ),
    pytest.param(
        lambda m: m["roles"][0]["months"].pop("student"),
        "roles[0].months",
        "'student'",
        id="missing-time-estimate",
    ),
    pytest.param(
        lambda m: m["requirements"][0].__setitem__("backgrounds", "@nobody"),
        "requirements[0].backgrounds",
        "'nobody'",
        id="requirement-unknown-group",
    ),
    pytest.param(
        lambda m: m["roles"][1].__setitem__("demand_rank", 1),
        "roles",
        "demand_rank",
        id="demand-rank-repeated",
    ),
    pytest.param(
        lambda m: m["fit"].pop(),
        "fit",
        "'prompting'",
        id="interest-without-fit",
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

SOURCES = {"roles-guide", "builders", "five-pillars", "ai-engineer-explainer", "roadmap-2026"}


def sentences(text: str) -> bool:
    return len(text.split()) >= 6 and text[0].isupper() and text.endswith(".")


def test_every_route_requirement_and_suits_line_cites_a_source_and_reads(
    dataset: Dataset,
) -> None:
    m = dataset.matrix
    for r in m.routes:
        assert r.source in SOURCES and sentences(r.reason), r.id
    for q in m.requirements:
        assert q.source in SOURCES and sentences(q.reason), q.role
    for s in m.suits:
        assert s.source in SOURCES and sentences(s.reason), s.id
    for c in m.company:
        assert c.source in SOURCES and sentences(c.reason), c.company
    for a in m.fit:
        assert a.source in SOURCES
        for rid, why in (a.why or {}).items():
            assert sentences(why), (a.interest, rid)


def test_every_core_role_is_scored_and_ties_have_an_order(dataset: Dataset) -> None:
    core = {r.id for r in dataset.roles_file.roles if r.kind == "core"}
    assert {r.id for r in dataset.matrix.roles} == core
    ranks = sorted(r.demand_rank for r in dataset.matrix.roles)
    assert ranks == list(range(1, len(core) + 1))


def seed_text() -> str:
    text = " ".join(p.read_text("utf-8") for p in sorted(seeds_dir().glob("*.txt")))
    return re.sub(r"\s+", " ", text)


def test_every_timeline_is_a_sources_own_words(dataset: Dataset) -> None:
    """A timeline shown to a person is copied from the seed its route cites, exactly."""
    text = seed_text()
    for r in dataset.matrix.routes:
        if r.timeline is not None:
            assert r.timeline in text, (r.id, r.timeline)
    for row in dataset.matrix.matrix:
        for cell in (row.profile, row.best, row.timeline):
            assert cell in text, (row.id, cell)


def test_the_matrix_rows_are_the_guides_eight_rows(dataset: Dataset) -> None:
    rows = [(r.profile, r.best, r.timeline) for r in dataset.matrix.matrix]
    assert len(rows) == 8
    assert rows[0] == (
        "Software engineer (3+ years) who wants to work with AI",
        "AI Engineer",
        "3-6 months upskill",
    )
    assert rows[7][2] == "Pioneers\u2019 territory"


def test_builders_agent_pivot_is_for_backend_engineers_only(dataset: Dataset) -> None:
    pivots = [r for r in dataset.matrix.routes if r.timeline == "two to four months"]
    assert [(r.role, r.source, r.months) for r in pivots] == [
        ("ai-agent-engineer", "builders", [2, 4])
    ]
    assert pivots[0].when.field == "background"  # type: ignore[union-attr]
    assert pivots[0].when.value == "backend-engineer"  # type: ignore[union-attr]


def test_docs_rules_md_is_what_the_data_renders(dataset: Dataset) -> None:
    """docs/rules.md cannot go stale: regenerate it with `aicareer data rules`."""
    from aicareer.render.rules_page import rules_page

    docs = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == rules_page(dataset), (
        "docs/rules.md is out of date: run `aicareer data rules > docs/rules.md`"
    )


def test_data_rules_command_prints_the_page_for_a_custom_data_dir(
    make_data_dir: Callable[[], Path],
) -> None:

    folder = make_data_dir()
    path = folder / "matrix.toml"
    path.write_text(
        path.read_text("utf-8")
        .replace("fit_weight = 60", "fit_weight = 70")
        .replace("readiness_weight = 40", "readiness_weight = 30"),
        "utf-8",
    )
    result = invoke(["data", "rules", "--data-dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert "score = (70 x fit + 30 x readiness) / 100" in result.stdout
    assert "| Harness Engineer | an engineer | 3+ | professional+ |" in result.stdout
