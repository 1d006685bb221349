"""Helpers for the hostile-input suite (issue #13, and #14 item 7): run aicareer as a user
would, in a fresh process with a private home, and look at what reaches the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

ANSWERS = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "infrastructure"]\n'
Run = Callable[..., subprocess.CompletedProcess[str]]


def env_for(home: Path, extra: Mapping[str, str | None] | None = None) -> dict[str, str]:
    env = {**os.environ, "AICAREER_HOME": str(home), "COLUMNS": "100", "NO_COLOR": "1"}
    for name in ("AICAREER_DATA_DIR", "AICAREER_NO_CACHE", "AICAREER_DEBUG", "PYTHONIOENCODING"):
        env.pop(name, None)
    for name, value in (extra or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "me.toml"
    path.write_text(ANSWERS, "utf-8")
    return path


@pytest.fixture
def cli(home: Path) -> Run:
    """cli(*args, env={...}, input=..., **popen_kwargs) -> CompletedProcess (text)."""

    def run(
        *args: str, env: Mapping[str, str | None] | None = None, **kw: Any
    ) -> subprocess.CompletedProcess[str]:
        kw.setdefault("capture_output", True)
        kw.setdefault("timeout", 60)
        return subprocess.run(
            [sys.executable, "-m", "aicareer", *args],
            env=env_for(home, env),
            text=True,
            check=False,
            **kw,
        )

    return run


@pytest.fixture
def env(home: Path) -> Callable[..., dict[str, str]]:
    """env(**extra) -> the environment `cli` uses, for tests that start processes."""

    def make(**extra: str | None) -> dict[str, str]:
        return env_for(home, extra)

    return make
