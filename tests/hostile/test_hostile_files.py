"""#13 Medium (special files, `-`) and #14 item 7 (modes, never overwrite a file aicareer
did not write without --force)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from aicareer.errors import AicareerError, ExitCode, Terminated
from aicareer.fsutil import atomic_writer

Run = Callable[..., CompletedProcess[str]]
Env = Callable[..., dict[str, str]]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run_with_umask(umask: int, env: dict[str, str], *args: str) -> CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aicareer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.umask(umask),
    )


@pytest.mark.parametrize(("umask", "shared"), [(0o022, 0o644), (0o077, 0o600)], ids=oct)
def test_answers_and_progress_are_private_reports_follow_the_umask(
    tmp_path: Path, answers: Path, home: Path, env: Env, umask: int, shared: int
) -> None:
    e = env()
    out = tmp_path / "out"
    saved, html, md = out / "saved.toml", out / "r.html", out / "r.md"
    proc = run_with_umask(
        umask, e, "quiz", "--answers", str(answers), "--save", str(saved), "--report", str(html)
    )
    assert proc.returncode == 0, proc.stderr
    proc = run_with_umask(umask, e, "report", "--answers", str(answers), "--out", str(md))
    assert proc.returncode == 0, proc.stderr
    proc = run_with_umask(umask, e, "path", "ai-engineer", "--done", "production")
    assert proc.returncode == 0, proc.stderr
    assert mode(saved) == 0o600
    assert mode(home / "progress.toml") == 0o600
    assert mode(html) == shared
    assert mode(md) == shared


def test_a_hand_written_file_is_not_replaced_without_force(
    cli: Run, tmp_path: Path, answers: Path
) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text("# my notes, not aicareer's\n", "utf-8")
    proc = cli("quiz", "--answers", str(answers), "--save", str(mine), "--json")
    assert proc.returncode == ExitCode.OUTPUT == 7
    assert proc.stdout == ""
    assert proc.stderr == (
        f"error: {mine}: exists and was not written by aicareer; not replacing it "
        "(use --force to replace it)\n"
    )
    assert mine.read_text("utf-8") == "# my notes, not aicareer's\n"
    proc = cli("quiz", "--answers", str(answers), "--save", str(mine), "--json", "--force")
    assert proc.returncode == 0, proc.stderr
    assert tomllib.loads(mine.read_text("utf-8"))["background"] == "backend-engineer"


def test_a_file_aicareer_wrote_is_replaced_until_someone_edits_it(
    cli: Run, tmp_path: Path, answers: Path
) -> None:
    report = tmp_path / "r.md"
    for _ in range(2):
        proc = cli("report", "--answers", str(answers), "--out", str(report))
        assert proc.returncode == 0, proc.stderr
    report.write_text(report.read_text("utf-8") + "\nmy own notes\n", "utf-8")
    proc = cli("report", "--answers", str(answers), "--out", str(report))
    assert proc.returncode == 7
    assert "use --force" in proc.stderr
    assert report.read_text("utf-8").endswith("my own notes\n")
    proc = cli("report", "--answers", str(answers), "--out", str(report), "--force")
    assert proc.returncode == 0


def test_an_empty_file_may_be_replaced(cli: Run, tmp_path: Path, answers: Path) -> None:
    empty = tmp_path / "new.toml"
    empty.touch()
    proc = cli("quiz", "--answers", str(answers), "--save", str(empty), "--json")
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_special_files_are_never_replaced(
    cli: Run, tmp_path: Path, answers: Path, kind: str
) -> None:
    if kind == "fifo":
        target = tmp_path / "pipe.md"
        os.mkfifo(target)
        what = "a FIFO (named pipe)"
    elif kind == "folder":
        target = tmp_path / "folder.md"
        target.mkdir()
        what = "a folder"
    else:
        target = Path("/dev/null")
        what = "a device"
    before = os.stat(target)
    for args in (
        ["quiz", "--answers", str(answers), "--save", str(target), "--force"],
        ["report", "--answers", str(answers), "--out", f"{target}", "--force"],
    ):
        proc = cli(*args)
        assert proc.returncode == 7, proc.stderr
        assert proc.stderr == (
            f"error: {target}: is {what}, not a regular file; not replacing it "
            "(use - to write to stdout)\n"
        )
    after = os.stat(target)
    assert (after.st_ino, after.st_mode, after.st_rdev) == (
        before.st_ino,
        before.st_mode,
        before.st_rdev,
    )


def test_dash_is_stdin_and_stdout(cli: Run, answers: Path) -> None:
    text = answers.read_text("utf-8")
    proc = cli("quiz", "--answers", "-", "--json", input=text)
    assert proc.returncode == 0, proc.stderr
    assert '"recommendations"' in proc.stdout
    proc = cli("quiz", "--answers", "-", "--save", "-", "--json", input=text)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# aicareer answers file")
    proc = cli("report", "--answers", "-", "--out", "-", input=text)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("#")
    assert proc.stderr == ""
    proc = cli("path", "ai-engineer", "--answers", "-", "--json", input=text)
    assert proc.returncode == 0, proc.stderr


def test_a_huge_stdin_is_refused(cli: Run) -> None:
    proc = cli("quiz", "--answers", "-", input="# x\n" * 100_000)
    assert proc.returncode == 4
    assert (
        proc.stderr == "error: <stdin>: file is larger than the 64 KiB limit (see docs/limits.md)\n"
    )


@pytest.mark.parametrize("signal", [KeyboardInterrupt, Terminated])
def test_an_interrupted_save_leaves_no_temp_file(
    tmp_path: Path, signal: type[BaseException]
) -> None:
    target = tmp_path / "big.csv"
    target.write_text("old", "utf-8")
    with pytest.raises(signal), atomic_writer(target) as fh:
        fh.write("x" * 1_000_000)
        raise signal()
    assert [p.name for p in tmp_path.iterdir()] == ["big.csv"]
    assert target.read_text("utf-8") == "old"


def test_the_writer_refuses_a_device_in_process() -> None:
    with pytest.raises(AicareerError) as caught, atomic_writer(Path("/dev/null")):
        pass
    assert caught.value.code == ExitCode.OUTPUT


def test_the_refusal_comes_before_any_question(cli: Run, tmp_path: Path) -> None:
    """An interactive quiz with --save over a file of yours stops before asking, not after."""
    mine = tmp_path / "mine.toml"
    mine.write_text("mine\n", "utf-8")
    proc = cli("quiz", "--save", str(mine), stdin=subprocess.DEVNULL)
    assert proc.returncode == 7  # not 6 (no terminal to ask on): the file is checked first
    assert "use --force" in proc.stderr


@pytest.mark.parametrize(("reply", "code"), [(b"y\r", 0), (b"n\r", 7)])
def test_at_a_terminal_a_yes_replaces_the_file(
    env: Env, tmp_path: Path, answers: Path, reply: bytes, code: int
) -> None:
    import pty
    import select
    import time

    mine = tmp_path / "mine.md"
    mine.write_text("mine\n", "utf-8")
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "aicareer", "report", "--answers", str(answers), "--out", str(mine)],
        env=env(),
        stdin=child,
        stdout=child,
        stderr=child,
    )
    os.close(child)
    seen = b""
    try:
        end = time.monotonic() + 30
        while b"[y/N]" not in seen and time.monotonic() < end:
            if select.select([main], [], [], 1)[0]:
                seen += os.read(main, 4096)
        assert b"was not written by aicareer. Replace it? [y/N]" in seen
        os.write(main, reply)
        assert proc.wait(timeout=30) == code
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert (mine.read_text("utf-8") == "mine\n") == (code == 7)


def _cohort(path: Path, rows: int) -> Path:
    line = '{"id": "p%06d", "background": "student", "years": 0, "interests": ["agents"]}\n'
    path.write_text("".join(line % i for i in range(rows)), "utf-8")
    return path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the stat shortcut is Linux's")
def test_a_big_output_is_known_by_its_stat_yet_an_edit_that_keeps_size_and_times_is_seen(
    cli: Run, tmp_path: Path, home: Path
) -> None:
    """The digest of a batch output is taken while it is written, with its stat, so a
    rerun does not read 50 MiB back; an edit in place that keeps the size and puts the
    modification time back still changes the stat (the change time), and is refused."""
    import hashlib
    import json

    cohort, out = _cohort(tmp_path / "c.jsonl", 5000), tmp_path / "r.jsonl"
    proc = cli("batch", str(cohort), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    st = out.stat()
    assert st.st_size >= 1 << 20
    entry = json.loads((home / "written.json").read_text("utf-8"))[str(out)]
    assert entry == (
        hashlib.sha256(out.read_bytes()).hexdigest()
        + f" stat:{st.st_dev},{st.st_ino},{st.st_size},{st.st_mtime_ns},{st.st_ctime_ns}"
    )
    proc = cli("batch", str(cohort), "--out", str(out))  # its own output: replaced
    assert proc.returncode == 0, proc.stderr
    st = out.stat()
    with out.open("r+b") as fh:
        fh.seek(9)
        fh.write(b"X")
    os.utime(out, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert out.stat().st_size == st.st_size and out.stat().st_mtime_ns == st.st_mtime_ns
    proc = cli("batch", str(cohort), "--out", str(out))
    assert proc.returncode == ExitCode.OUTPUT, proc.stderr
    assert "was not written by aicareer" in proc.stderr
    assert out.read_bytes()[9:10] == b"X"


def test_what_was_written_is_checked_by_stat_first_then_by_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib
    import json

    from aicareer.fsutil import outputs

    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    path = tmp_path / "out.txt"
    path.write_bytes(b"results\n")
    digest = hashlib.sha256(b"results\n").hexdigest()
    st = path.stat()
    record = tmp_path / "home" / "written.json"
    record.parent.mkdir()

    def written(entry: object) -> bool:
        record.write_text(json.dumps({str(path): entry}), "utf-8")
        return outputs.wrote(path)

    # The same stat: the file is not read.
    reads: list[Path] = []
    real = outputs._digest
    monkeypatch.setattr(outputs, "_digest", lambda p: reads.append(p) or real(p))
    same = f"stat:{st.st_dev},{st.st_ino},{st.st_size},{st.st_mtime_ns},{st.st_ctime_ns}"
    other = f"stat:{st.st_dev},{st.st_ino},{st.st_size},{st.st_mtime_ns},{st.st_ctime_ns + 1}"
    assert written("0" * 64 + " " + same) and reads == []
    # Another stat, or none (a small file, or one written before stats were kept): the
    # digest decides.
    assert written(digest + " " + other) and reads == [path]
    assert not written("0" * 64 + " " + other)
    assert written(digest)
    assert not written("0" * 64) and not written(other) and not written(7)


def test_an_output_whose_name_is_not_utf8_is_remembered(cli: Run, tmp_path: Path) -> None:
    """written.json is ASCII JSON: a file name with a byte that is not UTF-8 (a lone
    surrogate in Python) is recorded and found again, so a rerun may replace it."""
    cohort = _cohort(tmp_path / "c.jsonl", 3)
    out = Path(os.fsdecode(bytes(tmp_path) + b"/r\xff.jsonl"))
    for _ in range(2):
        proc = cli("batch", str(cohort), "--out", str(out))
        assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().count(b"\n") == 3


def test_a_big_output_is_handed_to_the_disk_as_it_is_written(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every WRITEBACK_EVERY bytes the kernel is asked to start writing back what came
    before (so the final fsync is short); the file and its recorded digest are whole."""
    import hashlib
    import json

    from aicareer import fsutil
    from aicareer.fsutil import atomic

    monkeypatch.setenv("AICAREER_HOME", str(home))
    hints: list[tuple[int, int, int]] = []
    monkeypatch.setattr(atomic, "_FADVISE", lambda fd, start, n, how: hints.append((start, n, how)))
    every, out = fsutil.WRITEBACK_EVERY, tmp_path / "big.jsonl"
    chunk = b"x" * 1000 + b"\n"
    count = (2 * every + every // 2) // len(chunk)
    with fsutil.open_output(out, binary=True) as fh:
        for _ in range(count):
            fh.write(chunk)
    assert out.read_bytes() == chunk * count
    first = hints[0][1]
    assert len(hints) == 2 and every <= first < every + len(chunk) + (1 << 16)
    assert hints == [(0, first, os.POSIX_FADV_DONTNEED), (first, hints[1][1], hints[0][2])]
    assert hints[1][1] >= every
    recorded = json.loads((home / "written.json").read_text("utf-8"))[str(out)]
    assert recorded.split()[0] == hashlib.sha256(chunk * count).hexdigest()
