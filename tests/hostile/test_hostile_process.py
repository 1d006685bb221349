"""#13 Medium/Low: the process itself - locale, signals, closed pipes, full disks, no HOME."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
from clirun import invoke

Run = Callable[..., CompletedProcess[str]]
Env = Callable[..., dict[str, str]]
AICAREER = [sys.executable, "-m", "aicareer"]

COMMANDS = [
    ["path", "ai-engineer"],
    ["map"],
    ["show", "ai-engineer"],
    ["compare", "ai-engineer", "ml-engineer"],
    ["matrix"],
    ["roles"],
    ["salary"],
    ["quiz", "--answers", "{answers}"],
]


def _has_latin1_locale() -> bool:
    import locale

    try:
        locale.setlocale(locale.LC_CTYPE, "en_US.ISO-8859-1")
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_CTYPE, "")
    return True


LOCALES = [
    pytest.param({"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}, id="C-ascii"),
    pytest.param(
        {"LC_ALL": "en_US.ISO-8859-1", "LANG": "C", "PYTHONUTF8": None},
        id="iso-8859-1",
        marks=pytest.mark.skipif(
            not _has_latin1_locale(), reason="locale en_US.ISO-8859-1 is not installed"
        ),
    ),
]


@pytest.mark.parametrize("locale_env", LOCALES)
def test_a_non_utf8_locale_degrades_and_never_crashes(
    env: Env, answers: Path, locale_env: dict[str, str | None]
) -> None:
    environ = env(**locale_env)
    for args in COMMANDS:
        filled = [a.format(answers=answers) for a in args]
        proc = subprocess.run(
            [*AICAREER, *filled], env=environ, capture_output=True, timeout=60, check=False
        )
        assert proc.returncode == 0, (args, proc.stderr.decode("latin-1"))
        assert proc.stderr == b""
        assert proc.stdout.strip()


def test_a_closed_pipe_is_a_quiet_normal_exit(env: Env) -> None:
    """`aicareer salary | head -1`: the reader goes away; exit 0, nothing on stderr."""
    proc = subprocess.Popen(
        [*AICAREER, "salary"], env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", [["roles"], ["roles", "--json"], ["salary"]], ids=" ".join)
def test_a_full_disk_on_stdout_is_one_clear_line(env: Env, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*AICAREER, *args], env=env(), stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert proc.returncode == 7
    assert proc.stderr == "error: cannot write to stdout: No space left on device\n"


def test_home_unset_still_works(env: Env) -> None:
    environ = env(HOME=None, AICAREER_HOME=None, XDG_DATA_HOME=None, XDG_CACHE_HOME=None)
    proc = subprocess.run([*AICAREER, "roles"], env=environ, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_no_home_anywhere_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """No HOME and no password entry (a container's uid without one: `~` stays `~`):
    commands that need no files work, the ones that keep files say what to set."""

    for name in ("HOME", "AICAREER_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no entry to look up
    assert invoke(["roles", "--json"]).exit_code == 0
    result = invoke(["path", "ai-engineer", "--done", "production"])
    assert result.exit_code == 7
    assert result.stderr == (
        "error: cannot tell where your home folder is: set HOME, or AICAREER_HOME for "
        "aicareer's own files\n"
    )


@pytest.fixture(scope="module")
def python_start() -> float:
    """How long this machine takes to start a bare Python (with site), best of three."""
    times = []
    for _ in range(3):
        began = time.monotonic()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.monotonic() - began)
    return min(times)


@pytest.mark.parametrize("after", [0.0, 0.02, 0.04, 0.08], ids=lambda d: f"+{d * 1000:.0f}ms")
def test_ctrl_c_while_starting_never_prints_a_traceback(
    env: Env, python_start: float, after: float
) -> None:
    """SIGINT from the moment Python has started until aicareer has loaded its commands."""
    proc = subprocess.Popen(
        [*AICAREER, "roles"],
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(python_start + after)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    frames = [ln for ln in err.splitlines() if ln.lstrip().startswith("File ")]
    # A traceback may only come from Python's own start-up (the standard library, before
    # any aicareer code runs, e.g. on a loaded machine); never from aicareer, typer or rich.
    ours = [ln for ln in frames if "aicareer" in ln or "site-packages" in ln]
    assert ours == [], err
    if frames:
        return
    assert proc.returncode in (0, 130, -signal.SIGINT), err
    if proc.returncode == 130:
        assert err.strip() == "Interrupted."


def _read_until(fd: int, needle: bytes, timeout: float = 30) -> bytes:
    seen = b""
    end = time.monotonic() + timeout
    while needle not in seen:
        left = end - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out waiting for {needle!r}; got {seen[-500:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_sigterm_in_the_quiz_keeps_the_answers_like_ctrl_c(env: Env, home: Path) -> None:
    main, child = pty.openpty()
    environ = env(TERM="xterm", COLUMNS="100", LINES="40")
    proc = subprocess.Popen(
        [*AICAREER, "quiz"], env=environ, stdin=child, stdout=child, stderr=child
    )
    os.close(child)
    try:
        _read_until(main, b"1 of")
        time.sleep(0.3)
        os.write(main, b"\r")  # the first background
        _read_until(main, b"2 of")
        proc.send_signal(signal.SIGTERM)
        rest = _read_until(main, b"Terminated.")
        assert proc.wait(timeout=30) == 143
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert b"Traceback" not in rest
    saved = tomllib.loads((home / "quiz-in-progress.toml").read_text("utf-8"))
    assert list(saved) == ["background"]


def test_sigterm_handler_raises_terminated(monkeypatch: pytest.MonkeyPatch) -> None:
    from aicareer.cli import main as cli
    from aicareer.errors import Terminated

    seen: dict[str, Any] = {}
    monkeypatch.setattr(signal, "signal", lambda sig, fn: seen.setdefault(sig, fn))
    cli._setup()
    with pytest.raises(Terminated):
        seen[signal.SIGTERM](signal.SIGTERM, None)
    assert issubclass(Terminated, KeyboardInterrupt)  # so everything Ctrl-C does, happens
