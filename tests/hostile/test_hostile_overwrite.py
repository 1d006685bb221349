"""#25 class 3: the overwrite promise holds at the moment of writing, not only when the
command starts. A file that appears (or changes) at an output path while aicareer works is
not replaced without asking: `quiz --save FILE`, Ctrl-C, FILE made by hand, `quiz
--resume`; a file made at a batch `--out` path during the run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import invoke

from aicareer.errors import AicareerError, ExitCode
from aicareer.fsutil import check_overwrite, write_output

MINE = "# my own notes, not aicareer's\n"


def test_a_file_made_while_the_quiz_was_interrupted_is_not_replaced_on_resume(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from quizkeys import plain_lines

    from aicareer.cli.commands import quiz as quiz_cmd

    monkeypatch.setattr(quiz_cmd, "stdin_is_terminal", lambda: True)
    env = {"TERM": "dumb", "AICAREER_HOME": str(tmp_path / "home")}
    target = tmp_path / "me.toml"
    lines = plain_lines().splitlines(keepends=True)
    first = invoke(["quiz", "--save", str(target)], input="".join(lines[:2]), env=env)
    assert first.exit_code == 130, first.stderr  # end of input: kept, like Ctrl-C
    target.write_text(MINE)  # meanwhile, the person writes their own file there
    resumed = invoke(["quiz", "--resume", "--json"], input="".join(lines[2:]), env=env)
    # the old code replaced it: the check had run (on nothing) before the interruption
    assert target.read_text() == MINE, resumed.stderr
    assert resumed.exit_code == ExitCode.OUTPUT, resumed.stderr
    assert "not written by aicareer" in resumed.stderr
    kept = list((tmp_path / "home" / "history").glob("*.toml"))
    assert len(kept) == 1, resumed.stderr  # the answers are not lost
    assert "Your answers are kept" in resumed.stderr


def test_a_file_that_appears_after_the_check_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    check_overwrite(target, force=False)  # nothing there: allowed
    target.write_text(MINE)  # then someone makes it
    with pytest.raises(AicareerError) as caught:
        write_output(target, "# report\n", force=True)  # force=True: "checked above"
    assert caught.value.code == ExitCode.OUTPUT
    assert target.read_text() == MINE
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temp file left


def test_a_file_changed_after_the_check_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    target = tmp_path / "out.md"
    write_output(target, "# aicareer's\n")
    check_overwrite(target, force=False)  # aicareer wrote it: allowed
    target.write_text(MINE)  # then the person edits it
    with pytest.raises(AicareerError):
        write_output(target, "# report\n", force=True)
    assert target.read_text() == MINE
    check_overwrite(target, force=True)  # --force still replaces whatever is there
    write_output(target, "# report\n", force=True)
    assert target.read_text() == "# report\n"


def test_a_batch_out_made_during_the_run_is_not_replaced(
    tmp_path: Path, env: Callable[..., dict[str, str]]
) -> None:
    source = tmp_path / "cohort.jsonl"
    os.mkfifo(source)
    out = tmp_path / "results.csv"
    proc = subprocess.Popen(
        [sys.executable, "-m", "aicareer", "batch", str(source), "--out", str(out)],
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    row = '{"background": "backend-engineer", "years": 5, "interests": ["agents"]}\n'
    with source.open("w") as feed:
        feed.write(row)
        feed.flush()
        time.sleep(4)  # the run has checked --out (nothing there) and is waiting for rows
        out.write_text(MINE)
        feed.write(row * 10)
    _, err = proc.communicate(timeout=60)
    assert out.read_text() == MINE, err  # the old code replaced it and exited 0
    assert proc.returncode == ExitCode.OUTPUT, err
    assert "not written by aicareer" in err
