"""#25 class 2: aicareer's own state files (written.json, history/, progress.toml, the
unfinished quiz) are input like any other. One that aicareer cannot have written as it is
(not a regular file, another user's, writable by others) is never believed and never
waited on; a damaged one is a one-line error or an empty start; reads are bounded; and
aicareer can always repair its own files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

ANSWERS = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "infrastructure"]\n'
Run = Callable[..., subprocess.CompletedProcess[str]]

#: Long enough for a cold start on a slow machine, far shorter than "forever".
QUICK = 30


def kept(home: Path) -> list[Path]:
    return sorted((home / "history").glob("*.toml"))


def no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr


def test_a_fifo_at_any_state_file_never_hangs_a_command(
    cli: Run, home: Path, answers: Path, tmp_path: Path
) -> None:
    assert cli("quiz", "--answers", str(answers)).returncode == 0
    [result] = kept(home)
    os.mkfifo(home / "written.json")
    os.mkfifo(home / "progress.toml")
    os.mkfifo(home / "quiz-in-progress.save-to")
    os.mkfifo(home / "history" / "29991231T235959-999999.toml")  # sorts as the newest
    for args in (
        ("history",),
        ("path", "ai-engineer"),
        ("report", "--out", str(tmp_path / "r.md")),
        ("quiz", "--answers", str(answers), "--save", str(tmp_path / "s.toml")),
        ("quiz", "--all"),
    ):
        proc = cli(*args, timeout=QUICK)  # the old code blocked in open() until killed
        assert proc.returncode == 0, (args, proc.stderr)
        no_traceback(proc.stderr)
    proc = cli("history", "--json", timeout=QUICK)
    assert [row["file"] for row in json.loads(proc.stdout)][-1] == str(result)


def test_a_folder_among_kept_results_never_stops_the_quiz(
    cli: Run, home: Path, answers: Path
) -> None:
    folder = home / "history"
    folder.mkdir(parents=True)
    for i in range(50):  # a full history, so this run prunes: the oldest "result" is a folder
        (folder / f"2020010{1 + i // 10}T0000{i % 10:02d}-000000.toml").write_text(ANSWERS)
    (folder / "20000101T000000-000000.toml").mkdir()
    (folder / "20000101T000000-000000.toml" / "keep-me").write_text("mine")
    proc = cli("quiz", "--answers", str(answers))
    assert proc.returncode == 0, proc.stderr
    assert "Top" in proc.stdout or "fit" in proc.stdout.lower(), proc.stdout
    assert (folder / "20000101T000000-000000.toml" / "keep-me").read_text() == "mine"
    files = [p for p in kept(home) if p.is_file()]
    assert len(files) == 50


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", 0),  # the old code: internal error (cannot pickle 'mappingproxy' object)
        ("version = 1\n", 0),
        ("version = 1\n[done]\nfoundations = 2026-01-01\n", 0),
        ("version = \n", 4),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", 4),
        ("\x00\xff garbage", 4),
    ],
    ids=["empty", "no-done", "good", "damaged", "deep", "binary"],
)
def test_an_empty_or_damaged_progress_file_is_an_empty_start_or_one_line(
    cli: Run, home: Path, answers: Path, text: str, code: int
) -> None:
    home.mkdir(parents=True)
    (home / "progress.toml").write_text(text, "utf-8", errors="surrogateescape")
    proc = cli("path", "ai-engineer", "--answers", str(answers))
    assert proc.returncode == code, proc.stderr
    no_traceback(proc.stderr)
    if code:
        errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and "progress.toml" in errors[0], proc.stderr


@pytest.mark.parametrize("kind", ["fifo", "symlink", "group-writable", "other-user"])
def test_aicareer_repairs_its_own_progress_file(
    cli: Run, home: Path, answers: Path, tmp_path: Path, kind: str
) -> None:
    home.mkdir(parents=True)
    target = home / "progress.toml"
    planted = "version = 1\n[done]\nagents = 2020-01-01\n"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "elsewhere.toml").write_text(planted)
        os.chmod(tmp_path / "elsewhere.toml", 0o666)
        target.symlink_to(tmp_path / "elsewhere.toml")
    else:
        target.write_text(planted)
        if kind == "group-writable":
            target.chmod(0o664)
        else:
            if os.getuid() != 0:
                pytest.skip("needs root to chown")
            os.chown(target, 12345, 12345)
    proc = cli("path", "ai-engineer", "--answers", str(answers), "--json", timeout=QUICK)
    assert proc.returncode == 0, proc.stderr
    assert "ignored" in proc.stderr  # said once, on stderr
    assert json.loads(proc.stdout)  # no planted progress shown as the person's
    assert "agents" not in json.dumps(json.loads(proc.stdout).get("done", []))
    proc = cli("path", "ai-engineer", "--done", "production", timeout=QUICK)
    assert proc.returncode == 0, proc.stderr
    assert target.is_file() and not target.is_symlink()
    assert target.stat().st_uid == os.getuid() and target.stat().st_mode & 0o777 == 0o600
    assert "production" in target.read_text() and "agents" not in target.read_text()


@pytest.mark.parametrize("kind", ["group-writable", "other-user", "deep"])
def test_a_written_json_aicareer_did_not_write_lets_nothing_be_replaced(
    cli: Run, home: Path, answers: Path, tmp_path: Path, kind: str
) -> None:
    import hashlib

    mine = tmp_path / "mine.toml"
    mine.write_text("# my own notes\n")
    home.mkdir(parents=True)
    record = home / "written.json"
    digest = hashlib.sha256(mine.read_bytes()).hexdigest()
    if kind == "deep":
        record.write_text("[" * 100_000 + "]" * 100_000)
    else:
        record.write_text(json.dumps({str(mine): digest}))
        if kind == "group-writable":
            record.chmod(0o666)
        else:
            if os.getuid() != 0:
                pytest.skip("needs root to chown")
            os.chown(record, 12345, 12345)
    proc = cli("quiz", "--answers", str(answers), "--save", str(mine))
    assert proc.returncode == 7, proc.stderr
    no_traceback(proc.stderr)
    assert mine.read_text() == "# my own notes\n"


def test_a_huge_kept_result_is_not_read_whole_to_show_its_stamp(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aicareer.state import history

    monkeypatch.setenv("AICAREER_HOME", str(home))
    folder = home / "history"
    folder.mkdir(parents=True)
    big = folder / "20260101T000000-000000.toml"
    stamp = "# saved: 2026-01-01T00:00:00Z by aicareer 0.1.0; data: a / b; top role: ai-engineer\n"
    with big.open("wb") as fh:
        fh.write(stamp.encode())
        fh.truncate(500 << 20)  # 500 MiB, sparse: cheap to make, costly to read whole
    tracemalloc.start()
    try:
        found = history.entries()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found[0][1] is not None and found[0][1].top == "ai-engineer"
    assert peak < 8 << 20, f"read {peak >> 20} MiB to show one line"


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_the_unfinished_quiz_file_is_never_waited_on(home: Path, kind: str) -> None:
    home.mkdir(parents=True)
    state = home / "quiz-in-progress.toml"
    if kind == "fifo":
        os.mkfifo(state)
    else:
        state.mkdir()
    code = (
        "import sys; from pathlib import Path; from aicareer.records.profile import "
        "read_quiz_state; print(read_quiz_state(Path(sys.argv[1])))"
    )
    proc = subprocess.run(  # the old code blocked on the FIFO until killed
        [sys.executable, "-c", code, str(state)],
        capture_output=True,
        text=True,
        timeout=QUICK,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "None"
    assert "ignored" in proc.stderr
