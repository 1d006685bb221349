"""The landscape map: every role where its axes put it, legible at 80 columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import invoke

from aicareer.engine.model import shown_roles
from aicareer.engine.ranker import engine_of
from aicareer.planner.landscape import dataset_layout, grid_position, layout
from aicareer.records.dataset import Dataset, load
from aicareer.records.models import Profile

# Where the roles guide's figure puts the twelve roles, as roles.toml encodes it:
# (model_infra, research_production), 0 = model / research.
AXES = {
    "ml-engineer": (1, 1),
    "ai-architect": (9, 1),
    "ai-safety-eval-engineer": (1, 3),
    "platform-engineer": (9, 3),
    "llm-engineer": (1, 7),
    "ai-engineer": (5, 7),
    "ai-agent-engineer": (9, 7),
    "context-engineer": (1, 8),
    "harness-engineer": (9, 8),
    "prompt-engineer": (1, 9),
    "founding-ai-engineer": (9, 9),
    "ai-product-manager": (1, 10),
}


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load()


def expected_cell(x: int, y: int) -> tuple[int, int]:
    # 80 columns: frame, one blank column, then model_infra 0..10 over columns 2..77,
    # 7.5 columns a step, halves rounded up; research_production 0..10 on lines 2..12.
    return 2 + y, 2 + int(x * 7.5 + 0.5)


def test_the_data_puts_roles_where_the_guide_does(ds: Dataset) -> None:
    got = {
        r.id: (r.axes.model_infra, r.axes.research_production)
        for r in ds.roles.values()
        if r.axes is not None
    }
    assert got == AXES


def test_axis_ends() -> None:
    assert grid_position(0, 0, 80) == (2, 2)
    assert grid_position(10, 10, 80) == (12, 77)


def test_every_role_is_drawn_at_its_place_and_named_beside_it(ds: Dataset) -> None:
    lay = dataset_layout(ds, 80)
    lines = lay.text_lines
    assert all(len(line) <= 80 for line in lines)
    assert len(lay.placed) == 12
    for p in lay.placed:
        row, col = expected_cell(*AXES[p.role_id])
        assert (p.row, p.col) == (row, col), p.role_id
        assert lines[row][col] == "●", p.role_id
        name = ds.roles[p.role_id].name
        right = lines[row][col + 2 : col + 2 + len(name)]
        left = lines[row][col - 1 - len(name) : col - 1]
        assert name in (right, left), (p.role_id, lines[row])


def test_axis_captions(ds: Dataset) -> None:
    lines = dataset_layout(ds, 80).text_lines
    assert lines[0].startswith("← closer to the model")
    assert lines[0].endswith("closer to infrastructure →")
    assert "research" in lines[1] and "production" in lines[13]


def test_top_three_are_numbered_and_scored(ds: Dataset) -> None:
    profile = Profile(background="backend-engineer", years=5, interests=["agents", "reliability"])
    ranking = engine_of(ds).rank(profile)
    top = shown_roles(ranking.results, 3)
    lay = dataset_layout(ds, 80, ranking)
    lines = lay.text_lines
    for rank, rec in enumerate(top, 1):
        row, col = expected_cell(*AXES[rec.role_id])
        assert lines[row][col] == str(rank)
        label = f"{ds.roles[rec.role_id].name} {rec.score}"
        placed = next(p for p in lay.placed if p.role_id == rec.role_id)
        # Beside the marker, or (when it does not fit) in the legend, which always lists it.
        if placed.label is not None:
            assert label in lines[row]
        assert f"  {rank}  {ds.roles[rec.role_id].name}  {rec.score}" in lay.legend
    others = [p for p in lay.placed if p.rank is None]
    assert all(lines[p.row][p.col] == "●" for p in others)


def test_a_name_that_cannot_fit_gets_a_letter_and_a_legend_line() -> None:
    roles = [("a", "A very long role name here", 4, 5), ("b", "Another long name", 6, 5)]
    lay = layout(roles, width=60)
    placed = {p.role_id: p for p in lay.placed}
    inline = [p for p in placed.values() if p.label is not None]
    lettered = [p for p in placed.values() if p.label is None]
    assert len(inline) == 1 and len(lettered) == 1
    assert lettered[0].role_id == "a" and lettered[0].symbol == "a"
    assert f"a = {lettered[0].name}" in " ".join(lay.legend)


def test_map_command(tmp_path: Path) -> None:
    result = invoke(["map"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    for name in ("ML Engineer", "AI Architect", "AI Agent Engineer", "AI Product Manager"):
        assert name in out
    assert "Not on the guide's map (adjacent roles): Data Scientist" in out


def test_map_with_answers_and_json(tmp_path: Path) -> None:
    me = tmp_path / "me.toml"
    me.write_text(
        'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "reliability"]\n',
        encoding="utf-8",
    )
    result = invoke(["map", "--answers", str(me), "--json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    placements = {p["role"]: p for p in doc["placements"]}
    assert {r: (p["model_infra"], p["research_production"]) for r, p in placements.items()} == AXES
    ranked = sorted((p["rank"], p["role"]) for p in doc["placements"] if p["rank"])
    assert [r for r, _ in ranked] == [1, 2, 3]
    assert ranked[0][1] == "ai-agent-engineer"
    assert doc["not_on_map"] == ["data-scientist", "software-engineer", "ai-researcher"]


def _render_view(width: int, top: bool = False) -> str:
    import io

    from rich.console import Console

    from aicareer.engine.ranker import Ranking
    from aicareer.render.text_map import view

    ds = load()
    ranking: Ranking | None = None
    if top:
        profile = Profile(background="backend-engineer", years=5, interests=["agents"])
        ranking = engine_of(ds).rank(profile)
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(view(dataset_layout(ds, width, ranking), width))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.split("\n"))


@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_legend_wraps_instead_of_being_cut(width: int) -> None:
    text = _render_view(width)
    assert all(len(line) <= width for line in text.split("\n"))
    flat = " ".join(text.split())
    assert (
        "Placement: each role as the AI Roles & Career Paths guide lays out its landscape." in flat
    )


def test_below_sixty_columns_the_map_is_a_list_best_fits_first() -> None:
    text = _render_view(40, top=True)
    assert text.startswith("The map needs 60 columns; here are the\nsame placements as a list.")
    assert "┌" not in text
    assert all(len(line) <= 40 for line in text.split("\n"))
    first = text.split("\n\n")[2].split("\n")  # note, title, then the first card
    assert first[3].startswith("  your fit:      #1, score ")
    assert first[1].startswith("  model/infra:   ") and first[2].startswith("  research/prod: ")
    for name in AXES_NAMES:
        assert f"\n{name}\n" in text


AXES_NAMES = ("ML Engineer", "AI Architect", "Prompt Engineer", "Founding AI Engineer")


def test_the_map_marks_only_the_roles_the_quiz_recommends(ds: Dataset) -> None:
    """The map's numbers are the quiz's recommendations: a student who wants research gets
    one role marked, and a person with no clear fit and nothing near gets none (before,
    the first three ready roles were marked whatever they had to do with the person)."""
    student = Profile("student", 0, ["research"], "ai-lab", "basic")
    lay = dataset_layout(ds, 80, engine_of(ds).rank(student))
    assert [p.role_id for p in lay.placed if p.rank is not None] == ["ai-safety-eval-engineer"]
    nobody = Profile("other-non-technical", 2, ["infrastructure"], coding="none")
    lay = dataset_layout(ds, 80, engine_of(ds).rank(nobody))
    assert [p.role_id for p in lay.placed if p.rank is not None] == []
