"""Shared fixtures: the shipped data, an engine over it, throwaway copies to break, the CLI
run in-process (`cli`) and answers files (`answers_file`)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from clirun import Cli, answers_text, invoke
from screens import tables_fit
from typer.testing import Result

from aicareer.engine.ranker import Engine, Ranking, engine_of
from aicareer.records import dataset as data
from aicareer.records.models import Profile

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Before any test: the typer internals aicareer.cli.params relies on are where it
    expects them. If a typer release moved them, stop here and say what moved."""
    from aicareer.cli.params import internals_problems

    problems = internals_problems()
    if problems:
        pytest.exit(
            "typer's internals moved (aicareer/cli/params.py, cli/app.py get_params):\n  "
            + "\n  ".join(problems),
            returncode=3,
        )


@pytest.fixture(scope="session", autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The suite never writes to the real home: caches and progress go to a temp dir.
    Tests that need their own home still set AICAREER_HOME themselves."""
    home = tmp_path_factory.mktemp("aicareer-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AICAREER_HOME", str(home))
        mp.delenv("AICAREER_NO_CACHE", raising=False)
        yield home


@pytest.fixture(scope="session", autouse=True)
def _tables_fit() -> Iterator[None]:
    """Every table any test draws must fit the room it is drawn in: rich cuts the
    right-hand columns of one that does not, without a mark (tests/screens.py)."""
    with tables_fit():
        yield


@pytest.fixture(scope="session")
def dataset() -> data.Dataset:
    return data.load()


@pytest.fixture(scope="session")
def engine(dataset: data.Dataset) -> Engine:
    return engine_of(dataset)


@pytest.fixture(scope="session")
def ranked_grid(engine: Engine) -> list[tuple[Profile, Ranking]]:
    """Every profile of tests/profile_grid.py with the model's ranking (once a session:
    about 25 s, shared by the engine and batch sweeps)."""
    from profile_grid import grid

    return [(p, engine.rank(p)) for p in grid()]


@pytest.fixture
def make_data_dir(tmp_path: Path) -> Callable[[], Path]:
    """Call it to get a fresh copy of data/ under tmp_path, safe to edit or break."""
    count = 0

    def make() -> Path:
        nonlocal count
        count += 1
        target = tmp_path / f"data-{count}"
        shutil.copytree(DATA_DIR, target)
        return target

    return make


@pytest.fixture(scope="session")
def cli() -> Cli:
    """Run aicareer in this process: `cli("roles", "--json")` -> click's Result, with
    `exit_code`, and `stdout` and `stderr` apart. `input` is stdin; `env` sets (None:
    unsets) variables for the run only (`clirun.invoke`)."""

    def run(
        *args: str,
        input: str | bytes | None = None,
        env: Mapping[str, str | None] | None = None,
    ) -> Result:
        return invoke(args, input=input, env=env)

    return run


@pytest.fixture
def answers_file(tmp_path: Path) -> Callable[..., Path]:
    """Write an answers file under tmp_path: `answers_file(years=3)` -> its path (ANSWERS
    with those fields changed; None leaves a field out; `name=` names the file)."""
    count = 0

    def write(name: str | None = None, **fields: Any) -> Path:
        nonlocal count
        count += 1
        path = tmp_path / (name or f"answers-{count}.toml")
        path.write_text(answers_text(**fields), "utf-8")
        return path

    return write
