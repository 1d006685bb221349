"""`aicareer batch` on more than one core (aicareer/batch/pool.py): the same bytes as one
process, and every way a run can end leaves no worker behind and no half-written file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from aicareer.batch import pool as batch_pool
from aicareer.batch import read as batch_read
from aicareer.batch import run as batch
from aicareer.cli.main import app
from aicareer.records.vocab import BACKGROUNDS, INTERESTS

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["batch", *args])


def cohort(rows: int) -> str:
    """Distinct profiles, with the awkward lines a real export has among them."""
    lines = []
    for i in range(rows):
        if i % 97 == 0:
            lines.append("")  # blank: not a row
        if i % 101 == 0:
            lines.append("  \r")  # whitespace only: not a row either
        if i % 53 == 0:
            lines.append("not json")
        if i % 211 == 0:
            lines.append('{"background": "student", "years": 1, "interests": ["agents", "agents"]}')
        if i % 307 == 0:
            lines.append("{" + " " * (batch_read.ROW_LIMIT + 10) + "}")  # too long
        row: dict[str, Any] = {
            "background": BACKGROUNDS[i % len(BACKGROUNDS)],
            "years": i % 41,
            "interests": [INTERESTS[i % len(INTERESTS)], INTERESTS[(i * 7 + 3) % len(INTERESTS)]],
        }
        if row["interests"][0] == row["interests"][1]:
            row["interests"].pop()
        if i % 3:
            row["id"] = f"p{i}"
        if i % 5 == 0:
            row["coding"] = ("none", "basic", "professional")[i % 3]
        lines.append(json.dumps(row))
    return "\n".join(lines) + "\n"


@pytest.fixture
def small_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reads of 16 KiB, so a small file is many tasks."""
    monkeypatch.setattr(batch_read, "_CHUNK", 1 << 14)


@pytest.mark.parametrize("jobs", ["2", "3"])
@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_workers_write_exactly_what_one_process_writes(
    tmp_path: Path, small_reads: None, jobs: str, suffix: str
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(cohort(3001), "utf-8")  # the last row (i = 3000) has no id
    one, many = tmp_path / f"one{suffix}", tmp_path / f"many{suffix}"
    first = run(str(src), "--out", str(one), "--jobs", "1")
    assert first.exit_code == 0, first.stderr
    second = run(str(src), "--out", str(many), "--jobs", jobs)
    assert second.exit_code == 0, second.stderr
    assert many.read_bytes() == one.read_bytes()
    assert second.stderr == first.stderr.replace(str(one), str(many))
    # row numbers run on across tasks: the last row has no id, so it is numbered
    summary = first.stderr.split(" rows:")[0]
    if suffix == ".jsonl":
        last = json.loads(one.read_text("utf-8").splitlines()[-1])
        assert last["id"] == int(summary)


@pytest.mark.parametrize(("ahead", "in_flight"), [(1, 1), (1, 2), (2, 2), (8, 3)])
def test_every_task_is_handed_out_whatever_the_limits(
    tmp_path: Path, ahead: int, in_flight: int
) -> None:
    """The parent hands out tasks until each worker holds IN_FLIGHT, while at most AHEAD
    results per worker wait for an earlier one. With tight limits it once stopped
    handing out tasks with none in flight and waited forever: run in a child with a
    time limit, so a hang fails here instead of stopping the suite."""
    src = tmp_path / "in.jsonl"
    src.write_text(cohort(3001), "utf-8")
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    assert run(str(src), "--out", str(one), "--jobs", "1").exit_code == 0
    code = (
        "import sys\n"
        "from aicareer.batch import pool as batch_pool, read as batch_read\n"
        "from aicareer.cli import main as cli\n"
        "batch_read._CHUNK = 1 << 14\n"
        f"batch_pool.AHEAD, batch_pool.IN_FLIGHT = {ahead}, {in_flight}\n"
        "sys.argv = ['aicareer', *sys.argv[1:]]\n"
        "cli.main()\n"
    )
    env = {**os.environ, "AICAREER_HOME": str(tmp_path / "home")}
    env.pop("AICAREER_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-c", code, "batch", str(src), "--out", str(many), "-j", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert many.read_bytes() == one.read_bytes()


def test_a_big_file_uses_the_cores_and_a_small_one_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # docs/batch.md: "a JSONL file of 4 MiB or more", "one per core (at most 4)"
    assert batch_pool.PARALLEL_MIN_BYTES == 4 * 1024 * 1024
    monkeypatch.setattr(batch_pool, "cores", lambda: 8)
    assert batch_pool.workers_for("jsonl", 1 << 30, 0) == 4
    monkeypatch.setattr(batch_pool, "cores", lambda: 1)
    assert batch_pool.workers_for("jsonl", 1 << 30, 0) == 0  # one core: one process
    monkeypatch.undo()
    cores = batch_pool.cores()
    want = min(cores, batch_pool.MAX_WORKERS) if cores >= 2 else 0
    assert batch_pool.workers_for("jsonl", batch_pool.PARALLEL_MIN_BYTES, 0) == want
    assert batch_pool.workers_for("jsonl", batch_pool.PARALLEL_MIN_BYTES - 1, 0) == 0
    assert batch_pool.workers_for("jsonl", None, 0) == 0  # a stream: size unknown
    assert batch_pool.workers_for("csv", 1 << 30, 0) == 0  # CSV: one process
    assert batch_pool.workers_for("jsonl", 1 << 30, 1) == 0  # --jobs 1
    assert batch_pool.workers_for("jsonl", 10, 2) == 2  # --jobs 2, however small


def test_a_worker_that_dies_stops_the_run_with_one_line(
    tmp_path: Path, small_reads: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(cohort(2000), "utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": 1, "ok": false, "error": "previous"}\n', "utf-8")
    real = batch._score_pieces
    calls = []

    def dies(lines: Any, start: int, scorer: Any) -> Any:
        calls.append(start)
        if len(calls) == 2:  # the second task this worker gets: killed from outside
            os.kill(os.getpid(), signal.SIGKILL)
        return real(lines, start, scorer)

    monkeypatch.setattr(batch, "_score_pieces", dies)
    result = run(str(src), "--out", str(out), "--jobs", "2", "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: a batch worker process was stopped by signal 9 before it finished; no output "
        "was written (run again with --jobs 1 to use one process)\n"
    )
    assert out.read_text("utf-8") == '{"id": 1, "ok": false, "error": "previous"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_a_bug_in_a_worker_is_an_internal_error(
    tmp_path: Path, small_reads: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(cohort(1000), "utf-8")

    def broken(lines: Any, start: int, scorer: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(batch, "_score_pieces", broken)
    result = run(str(src), "--out", str(tmp_path / "out.jsonl"), "--jobs", "2")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "error: internal error: RuntimeError: in a batch worker: "
        "ZeroDivisionError: division by zero\n"
    )
    assert not (tmp_path / "out.jsonl").exists()


def _workers_alive(marker: str) -> list[int]:
    """Processes whose command line names `marker` (the forked workers share the parent's)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().split(") ")[-1][:1]
        except OSError:
            continue
        if marker.encode() in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks for workers in /proc")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_mid_run_leaves_no_worker_and_no_file(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(cohort(4000) * 40, "utf-8")  # a few seconds of work
    out = tmp_path / "out-signal-test.jsonl"
    env = {**os.environ, "AICAREER_HOME": str(tmp_path / "home")}
    env.pop("AICAREER_DATA_DIR", None)
    args = [sys.executable, "-m", "aicareer", "batch", str(src), "--out", str(out), "-j", "2"]
    proc = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(_workers_alive(out.name)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)  # the parent and its two workers are running
    assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert err.strip() == ("Terminated." if sig == signal.SIGTERM else "Interrupted.")
    time.sleep(0.2)
    assert _workers_alive(out.name) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "in.jsonl"]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks for workers in /proc")
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    """kill -9 cannot be caught: the workers notice their pipes closing and end."""
    src = tmp_path / "in.jsonl"
    src.write_text(cohort(4000) * 40, "utf-8")
    out = tmp_path / "out-kill-test.jsonl"
    env = {**os.environ, "AICAREER_HOME": str(tmp_path / "home")}
    env.pop("AICAREER_DATA_DIR", None)
    args = [sys.executable, "-m", "aicareer", "batch", str(src), "--out", str(out), "-j", "2"]
    proc = subprocess.Popen(args, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_workers_alive(out.name)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while _workers_alive(out.name) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _workers_alive(out.name) == []


@pytest.mark.parametrize("most", [1, 7, 1 << 20])
def test_a_results_pieces_arrive_whole_and_in_order_however_the_pipe_takes_them(
    monkeypatch: pytest.MonkeyPatch, most: int
) -> None:
    """A worker writes a block's output _JOIN pieces at a time (never one ~1 MiB buffer):
    every byte arrives, in order, even when the pipe takes a write only in part."""
    real = os.write
    sizes: list[int] = []

    def short(fd: int, data: Any) -> int:
        sizes.append(len(data))
        return real(fd, bytes(data[:most]))

    monkeypatch.setattr(batch_pool.os, "write", short)
    pieces = [b"head", b"", *(b"piece %d;" % i for i in range(2500)), b"end\n"]
    want = b"".join(pieces)
    r, w = os.pipe()
    try:
        got = bytearray()
        import threading

        reader = threading.Thread(target=lambda: got.extend(batch_pool._read_exactly(r, len(want))))
        reader.start()
        batch_pool._write_pieces(w, list(pieces))
        reader.join(timeout=60)
    finally:
        os.close(r)
        os.close(w)
    assert bytes(got) == want
    assert max(sizes) < 16 * 1024  # 1,024 pieces of ~12 bytes at a time
