"""Learning paths: durations from the seeds, fitting to a person, the path command."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import invoke

from aicareer.errors import AicareerError, ExitCode
from aicareer.planner.timeline import Plan, make_plan
from aicareer.records.dataset import Dataset, load
from aicareer.records.pathmodels import PathsFile, load_paths

START = dt.date(2027, 1, 4)


def build_path(paths: PathsFile, role: str) -> Plan:
    return make_plan(paths, role, None, START)


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
    result = invoke(list(args), env={"AICAREER_HOME": str(home)})
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


def test_pillars_in_the_articles_order_agents_last(paths: PathsFile) -> None:
    """The pillars come in the pillars article's order, agents last; but no classical ML
    stands in the way of AI engineering or agents (role-facts point 8: the builders give
    backend engineers two to four months to agents), so those paths start at production."""
    for role in ("ai-engineer", "ai-agent-engineer"):
        rp = paths.path_for(role)
        assert rp is not None
        assert [p for p in rp.phases if p in PILLARS] == PILLARS[1:]
    ml = paths.path_for("ml-engineer")
    assert ml is not None and ml.phases[0] == "foundations"


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


# --- the command ------------------------------------------------------------------------------


def test_path_table_shows_phases_ids_weeks_and_bars(tmp_path: Path) -> None:
    code, out, err = run("path", "ai-engineer", home=tmp_path)
    assert code == 0, err
    for pid in ("production", "llm-engineering", "retrieval", "agents"):
        assert pid in out
    assert re.search(r"Production engineering\s+4-6\s+█+░+", out)
    assert "Total: 17-26 weeks" in out
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
    # No hours_per_week: the assumed 10 hours a week. The builders' "two to four months"
    # for a backend engineer is the time (8.7-17.3 weeks), shared out over the phases the
    # start needs: production skipped (background covers it).
    flat = " ".join(out.split())
    assert "Total: 9-18 weeks (about 2-4 months)" in flat
    assert "at the assumed 10 hours a week" in flat
    assert "the source's figure for your start (two to four months)" in flat
    assert "skipped (background)" in out


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
        'phases = ["prompting", "show-and-apply"]',
        'phases = ["promptin", "show-and-apply"]',
    )
    with pytest.raises(AicareerError) as exc:
        load_paths(load(folder))
    assert exc.value.code == ExitCode.DATA
    assert exc.value.lines == [
        f"{folder / 'paths.toml'}: paths[0].phases[0]: unknown phase id 'promptin'; "
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
