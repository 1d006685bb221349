"""Shared fixtures: the shipped data, an engine over it, and throwaway copies to break."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aicareer.engine.ranker import Engine
from aicareer.records import dataset as data

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


@pytest.fixture(scope="session")
def dataset() -> data.Dataset:
    return data.load()


@pytest.fixture(scope="session")
def engine(dataset: data.Dataset) -> Engine:
    return Engine(dataset.matrix)


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
