"""#13 Medium: parallel `path ROLE --done PHASE` never lose an update (a file lock)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

#: Ten (role, phase) pairs with ten different phases.
PAIRS = [
    ("ml-engineer", "foundations"),
    ("ai-engineer", "production"),
    ("ai-engineer", "llm-engineering"),
    ("ai-engineer", "retrieval"),
    ("ai-engineer", "agents"),
    ("ai-engineer", "show-and-apply"),
    ("ml-engineer", "deep-learning"),
    ("ai-agent-engineer", "agent-reliability"),
    ("platform-engineer", "ai-platform"),
    ("prompt-engineer", "prompting"),
]


def test_ten_parallel_updates_all_land(home: Path, env: Callable[..., dict[str, str]]) -> None:
    environ = env()
    subprocess.run(  # warm the cache so the ten runs overlap on the progress file
        [sys.executable, "-m", "aicareer", "path", "ai-engineer"], env=environ, capture_output=True
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "aicareer", "path", role, "--done", phase, "--json"],
            env=environ,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for role, phase in PAIRS
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    done = tomllib.loads((home / "progress.toml").read_text("utf-8"))["done"]
    assert sorted(done) == sorted(phase for _, phase in PAIRS)
    assert (home / "progress.toml").stat().st_mode & 0o777 == 0o600


def test_the_two_progress_files_have_one_home_each() -> None:
    """#15: the unfinished quiz and the path progress no longer share names."""
    from aicareer.records import profile
    from aicareer.state import progress

    assert profile.quiz_state_path().name == "quiz-in-progress.toml"
    assert progress.path_progress_file().name == "progress.toml"
    for name in ("read_progress", "progress_path", "PROGRESS_FILE"):
        assert not hasattr(profile, name) and not hasattr(progress, name)
