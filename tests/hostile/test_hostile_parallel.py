"""#25 class 4: twelve quizzes at once keep at most KEEP results and lose none of the newest
(history.keep lists, writes and prunes under one lock)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from aicareer.state.history import KEEP

RUNS = 12


def test_twelve_quizzes_at_once_keep_at_most_keep_and_all_the_newest(
    home: Path, tmp_path: Path, env: Callable[..., dict[str, str]]
) -> None:
    environ = env()
    folder = home / "history"
    folder.mkdir(parents=True)
    old = 'background = "backend-engineer"\nyears = 1\ninterests = ["agents"]\n'
    for i in range(KEEP - 5):  # nearly full: every one of the twelve has to prune
        (folder / f"2020{1 + i // 28:02d}{1 + i % 28:02d}T000000-000000.toml").write_text(old)
    subprocess.run(  # warm the cache so the twelve overlap on the history
        [sys.executable, "-m", "aicareer", "roles", "--json"], env=environ, capture_output=True
    )
    procs = []
    for n in range(RUNS):  # twelve different results: none is "the same as the newest"
        answers = tmp_path / f"a{n}.toml"
        answers.write_text(
            f'background = "backend-engineer"\nyears = {n + 10}\ninterests = ["agents"]\n'
        )
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "aicareer", "quiz", "--answers", str(answers), "--json"],
                env=environ,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    files = sorted(folder.glob("*.toml"))
    assert len(files) == KEEP, f"{len(files)} results kept, at most {KEEP} promised"
    years = sorted(int(f.read_text().split("years = ")[1].split()[0]) for f in files[-RUNS:])
    assert years == [n + 10 for n in range(RUNS)], "one of the newest results was pruned"
