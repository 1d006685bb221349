"""#25 class 5: streams and terminals at their edges. Odd $COLUMNS still prints; a closed
stdout, stdin or stderr is a clean exit with a documented code; batch input that never
ends a line, or a header of 10,000 unknown columns, is refused at once in one line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

Env = Callable[..., dict[str, str]]
AICAREER = [sys.executable, "-m", "aicareer"]


def closing(fd: int) -> Callable[[], None]:
    return lambda: os.close(fd)


def clean(stderr: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr


@pytest.mark.parametrize("columns", ["0", "-7", "abc", "3", "100000000"])
def test_any_columns_value_still_prints(env: Env, columns: str, tmp_path: Path) -> None:
    answers = tmp_path / "me.toml"
    answers.write_text('background = "backend-engineer"\nyears = 5\ninterests = ["agents"]\n')
    for args in (["roles"], ["quiz", "--answers", str(answers)]):
        proc = subprocess.run(
            [*AICAREER, *args],
            env=env(COLUMNS=columns),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        clean(proc.stderr)
        # the old code printed nothing at all for COLUMNS=0
        assert len(proc.stdout) > 500, (columns, args, proc.stdout)
        assert max(map(len, proc.stdout.splitlines())) <= 1000


def test_a_closed_stdout_is_exit_7_in_one_line(env: Env) -> None:
    proc = subprocess.run(
        [*AICAREER, "roles"],
        env=env(),
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=closing(1),
    )
    # the old code: AttributeError traceback, exit 1
    assert proc.returncode == 7, proc.stderr
    assert proc.stderr == "error: cannot write to stdout: it is closed\n"


@pytest.mark.parametrize(
    ("args", "code"),
    [(["quiz"], 6), (["quiz", "--answers", "-"], 4), (["roles"], 0)],
    ids=["quiz", "answers-stdin", "roles"],
)
def test_a_closed_stdin_is_a_clean_documented_exit(env: Env, args: list[str], code: int) -> None:
    proc = subprocess.run(
        [*AICAREER, *args],
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=closing(0),
    )
    assert proc.returncode == code, proc.stderr
    clean(proc.stderr)
    assert "NoneType" not in proc.stderr  # the old code: "cannot read: 'NoneType' object ..."


def test_a_closed_stderr_keeps_the_exit_code(env: Env) -> None:
    proc = subprocess.run(
        [*AICAREER, "show", "no-such-role"],
        env=env(),
        stdout=subprocess.PIPE,
        timeout=60,
        check=False,
        preexec_fn=closing(2),
    )
    assert proc.returncode == 5


@pytest.mark.parametrize("how", ["path", "stdin", "jsonl"])
def test_input_that_never_ends_a_line_is_refused_at_once(
    env: Env, tmp_path: Path, how: str
) -> None:
    zero = tmp_path / "zero.jsonl"
    zero.symlink_to("/dev/zero")
    source = {"path": "/dev/zero", "stdin": "-", "jsonl": str(zero)}[how]
    out = tmp_path / "out.csv"
    started = time.monotonic()
    with open("/dev/zero", "rb") as stdin:
        proc = subprocess.run(
            [*AICAREER, "batch", source, "--out", str(out)],
            env=env(),
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=60,  # the old code read /dev/zero until killed
            check=False,
        )
    took = time.monotonic() - started
    assert proc.returncode == 4, proc.stderr
    assert len(proc.stderr.splitlines()) == 1, proc.stderr
    assert took < 10, f"{took:.1f} s to refuse"
    assert not out.exists()


def test_a_header_of_ten_thousand_unknown_columns_is_one_line(env: Env, tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(10_000)) + "\n")
    proc = subprocess.run(
        [*AICAREER, "batch", str(wide), "--out", str(tmp_path / "out.csv")],
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 4, proc.stderr
    [line] = proc.stderr.splitlines()  # the old code: 10,001 lines
    assert "10,000 unknown" in line and "9,995 more" in line
