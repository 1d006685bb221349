"""Learning paths: durations from the seeds, fitting to a person, the path command."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from aicareer.cli import app
from aicareer.data import Dataset, load
from aicareer.errors import AicareerError, ExitCode
from aicareer.learning import (
    Plan,
    PlannedPhase,
    apportion,
    build_path,
    cover,
    fit,
    scale,
    timeline_weeks,
)
from aicareer.models import Profile
from aicareer.pathmodels import PathsFile, load_paths

runner = CliRunner()
PILLARS = ["foundations", "production", "llm-engineering", "retrieval", "agents"]
CORE = [
    "prompt-engineer",
    "context-engineer",
    "ai-engineer",
    "llm-engineer",
    "ai-agent-engineer",
    "founding-ai-engineer",
    "ai-architect",
    "platform-engineer",
    "harness-engineer",
    "ai-product-manager",
    "ai-safety-eval-engineer",
    "ml-engineer",
]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load()


@pytest.fixture(scope="module")
def paths(ds: Dataset) -> PathsFile:
    return load_paths(ds)


def run(*args: str, home: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"AICAREER_HOME": str(home)})
    return result.exit_code, result.stdout, result.stderr


def answers(tmp_path: Path, text: str, name: str = "me.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BACKEND = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "reliability"]\n'
DATA_SCIENTIST = 'background = "data-scientist"\nyears = 4\ninterests = ["building-products"]\n'


# --- the data against the seeds -------------------------------------------------------------


def test_every_core_role_has_a_path(paths: PathsFile) -> None:
    assert sorted(p.role for p in paths.paths) == sorted(CORE)


def test_roadmap_stages_take_six_to_eight_weeks(paths: PathsFile) -> None:
    # The roadmap: "Stages 1 through 5 ... can be completed in 6 to 8 weeks each."
    staged = [p for p in paths.phases if p.weeks_basis != "estimate"]
    assert {p.id for p in staged} >= set(PILLARS)
    assert {(p.min_weeks, p.max_weeks) for p in staged} == {(6, 8)}


def test_estimates_say_so(paths: PathsFile) -> None:
    for phase in paths.phases:
        if phase.weeks_basis == "estimate":
            assert phase.note is not None and "estimate" in phase.note


def test_pillars_in_the_articles_order_agents_last(paths: PathsFile) -> None:
    for role in ("ai-engineer", "ai-agent-engineer"):
        rp = paths.path_for(role)
        assert rp is not None
        assert [p for p in rp.phases if p in PILLARS] == PILLARS


def test_builders_study_routes_in_order(ds: Dataset, paths: PathsFile) -> None:
    def titles(role: str) -> list[str]:
        plan = build_path(paths, role)
        return [r.title for p in plan.phases for r in p.resources]

    assert titles("ml-engineer") == [
        "fast.ai or Full Stack Deep Learning",
        "CS229 (Stanford's machine learning course, free online)",
        "Made With ML",
    ]
    ai = titles("ai-engineer")
    assert [t.split(":")[-1].strip() for t in ai[:2]] == [
        "LangChain for LLM Application Development",
        "AI Agents in LangGraph",
    ]
    assert "Hugging Face" in ai[2] and "Maven" in ai[3]
    agent = titles("ai-agent-engineer")
    assert "LangGraph, AutoGen and CrewAI" in agent[0]
    assert ["Maven" in agent[1], "IBM" in agent[2], "Vanderbilt" in agent[3]] == [True] * 3


def test_unfitted_ai_engineer_path_for_a_software_engineer_takes_4_to_8_months(
    paths: PathsFile,
) -> None:
    # The roadmap: the path "can be completed in 4 to 8 months ... assuming a background
    # in software development".
    lo, hi = cover(build_path(paths, "ai-engineer"), paths, "software-engineer").total
    four_to_eight = timeline_weeks("4-8 months")
    assert four_to_eight == (17, 35)
    assert four_to_eight[0] <= lo <= hi <= four_to_eight[1]


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("3-6 months upskill", (13, 26)),
        ("2-4 months", (9, 17)),
        ("two to four months", (9, 17)),
        ("6-12 months", (26, 52)),
        ("6-18 months", (26, 78)),
        ("1-2 years experience accumulation", (52, 104)),
        ("Now, if opportunity exists", None),
        ("+ML foundations needed", None),
        ("Pioneers\u2019 territory", None),
        (None, None),
    ],
)
def test_timeline_weeks(text: str | None, weeks: tuple[int, int] | None) -> None:
    assert timeline_weeks(text) == weeks


# --- fitting ----------------------------------------------------------------------------------


def test_backend_engineer_agent_path_fits_two_to_four_months(ds: Dataset, paths: PathsFile) -> None:
    profile = Profile(background="backend-engineer", years=5, interests=["agents", "reliability"])
    rec = next(
        r for r in ds.engine.rank(profile).recommendations if r.role_id == "ai-agent-engineer"
    )
    assert rec.timeline == "two to four months"
    plan = fit(build_path(paths, "ai-agent-engineer"), paths, profile.background, rec.timeline)
    assert plan.total == (9, 17)
    status = {p.id: p.status for p in plan.phases}
    assert status["production"] == "covered"
    assert status["foundations"] == "partly-covered"
    assert all(p.min_weeks <= p.max_weeks for p in plan.phases)
    assert "two to four months" in plan.total_from


def test_data_scientist_covers_other_phases(paths: PathsFile) -> None:
    plan = fit(build_path(paths, "ai-engineer"), paths, "data-scientist", "3-6 months upskill")
    status = {p.id: p.status for p in plan.phases}
    assert status["foundations"] == "covered"
    assert status["production"] == "todo"
    assert plan.total == (13, 26)
    skipped = next(p for p in plan.phases if p.id == "foundations")
    assert (skipped.min_weeks, skipped.max_weeks) == (0, 0)


def test_a_timeline_without_numbers_keeps_the_phase_sums(paths: PathsFile) -> None:
    covered = cover(build_path(paths, "founding-ai-engineer"), paths, "software-engineer")
    plan = fit(
        build_path(paths, "founding-ai-engineer"),
        paths,
        "software-engineer",
        "Now, if opportunity exists",
    )
    assert plan.total == covered.total
    assert "states no duration" in plan.total_from


@given(
    st.lists(st.tuples(st.integers(1, 20), st.integers(0, 20)), min_size=1, max_size=8),
    st.integers(1, 60),
    st.integers(0, 60),
)
def test_scaling_hits_the_target_and_keeps_min_below_max(
    phases: list[tuple[int, int]], lo: int, extra: int
) -> None:
    planned = tuple(
        PlannedPhase(f"p{i}", "t", a, a + b, a, a + b, "estimate", ("x",), (), (), ("s",), None)
        for i, (a, b) in enumerate(phases)
    )
    plan = scale(Plan("r", planned, "sum"), (lo, lo + extra))
    assert plan.total == (lo, lo + extra)
    assert all(0 <= p.min_weeks <= p.max_weeks for p in plan.phases)


def test_apportion_is_exact_and_proportional() -> None:
    assert apportion(13, [6, 6, 6]) == [5, 4, 4]
    assert sum(apportion(17, [3, 0, 8, 8, 2])) == 17


# --- the command ------------------------------------------------------------------------------


def test_path_table_shows_phases_ids_weeks_and_bars(tmp_path: Path) -> None:
    code, out, err = run("path", "ai-engineer", home=tmp_path)
    assert code == 0, err
    for pid in ("foundations", "production", "llm-engineering", "retrieval", "agents"):
        assert pid in out
    assert re.search(r"Foundations: classical ML and data\s+6-8\s+█+░+", out)
    assert "Total: 31-42 weeks" in out
    assert "LangChain for LLM Application Development" in " ".join(out.split())


def test_path_json_shape(tmp_path: Path) -> None:
    code, out, _ = run("path", "ml-engineer", "--json", home=tmp_path)
    assert code == 0
    doc = json.loads(out)
    assert doc["role"] == "ml-engineer"
    first = doc["phases"][0]
    assert {"id", "title", "min_weeks", "max_weeks", "steps", "build", "resources"} <= set(first)
    assert doc["phases"][0]["id"] == "foundations"
    assert doc["name"] == "ML Engineer"


def test_path_with_answers_fits_and_says_how(tmp_path: Path) -> None:
    me = answers(tmp_path, BACKEND)
    code, out, err = run("path", "ai-agent-engineer", "--answers", str(me), home=tmp_path)
    assert code == 0, err
    assert "Total: 9-17 weeks" in out
    assert "your quiz timeline ('two to four months'" in " ".join(out.split())
    assert "skipped (covered)" in out and "shortened (was 6-8)" in out


def test_path_answers_without_role_plans_the_best_fit(tmp_path: Path) -> None:
    me = answers(tmp_path, BACKEND)
    code, out, _ = run("path", "--answers", str(me), "--json", home=tmp_path)
    assert code == 0
    assert json.loads(out)["role"] == "ai-agent-engineer"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["path"], ExitCode.USAGE, "give a ROLE"),
        (["path", "data-scientist"], ExitCode.NOT_FOUND, "no learning path for Data Scientist"),
        (["path", "ai-enginer"], ExitCode.NOT_FOUND, "did you mean"),
    ],
)
def test_path_errors(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    got, out, err = run(*args, home=tmp_path)
    assert got == code
    assert message in err and out == ""


def _break(make_data_dir: Callable[[], Path], old: str, new: str) -> Path:
    folder = make_data_dir()
    f = folder / "paths.toml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_load_paths_names_file_field_and_problem(make_data_dir: Callable[[], Path]) -> None:
    folder = _break(
        make_data_dir,
        'phases = ["python-basics", "prompting", "show-and-apply"]',
        'phases = ["python-basics", "promptin", "show-and-apply"]',
    )
    with pytest.raises(AicareerError) as exc:
        load_paths(load(folder))
    assert exc.value.code == ExitCode.DATA
    assert exc.value.lines == [
        f"{folder / 'paths.toml'}: paths[0].phases[1]: unknown phase id 'promptin'; "
        "did you mean 'prompting'?"
    ]


def test_broken_paths_file_is_a_data_error_on_the_command_line(
    tmp_path: Path, make_data_dir: Callable[[], Path]
) -> None:
    folder = _break(make_data_dir, 'role = "ml-engineer"', 'role = "ml-enginer"')
    code, _, err = run("path", "ai-engineer", "--data-dir", str(folder), home=tmp_path)
    assert code == ExitCode.DATA
    assert "paths.toml: paths[11].role: unknown role id 'ml-enginer'" in err
    assert "no path for core role(s): ml-engineer" in err


def test_min_above_max_is_reported(make_data_dir: Callable[[], Path]) -> None:
    folder = _break(make_data_dir, "min_weeks = 1\nmax_weeks = 2", "min_weeks = 3\nmax_weeks = 2")
    with pytest.raises(AicareerError) as exc:
        load_paths(load(folder))
    assert exc.value.lines == [
        f"{folder / 'paths.toml'}: phases[5]: min_weeks (3) is above max_weeks (2)"
    ]
