"""`aicareer batch --jobs`: a big JSONL file scored in parts by forked helpers gives the
same bytes, the same summary and the same row numbers as one process, and a helper that
fails or miscounts costs time, never rows (batch/parts.py)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from clirun import Cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aicareer.batch import parts
from aicareer.batch import run as batch
from aicareer.batch.read import ROW_LIMIT
from aicareer.engine.ranker import Engine

ROWS = [
    '{"id": "a", "background": "student", "years": 1, "interests": ["agents"]}',
    '{"background": "backend-engineer", "years": 6, "interests": ["agents", "reliability"]}',
    '{"id": 7, "background": "data-scientist", "years": 3, "interests": ["evaluation-safety"],'
    ' "hours_per_week": 20, "skills": ["python"]}',
    '{"background": "product-manager", "years": 9, "interests": ["product-management"],'
    ' "company": "early-startup"}',
    '{"background": "astronaut", "years": 2, "interests": ["agents"]}',  # an error row
    "oops",  # not JSON: an error row numbered as a row
    "",  # blank lines are not rows
    "   ",
    "\r",
    '{"background": "student", "years": 1, "interests": ["agents"]}\r',  # CRLF
]
LONG = "x" * (ROW_LIMIT + 5)


def score(engine: Engine, src: Path, out: Path, **options: Any) -> tuple[bytes, batch.Summary]:
    with batch.open_input(src) as found:
        summary = batch.run(engine, {"ai-engineer": "AI Engineer"}, found, out, **options)
    return out.read_bytes(), summary


#: Every helper forked in this test process, by pid (see `_record_helpers`).
FORKED: list[int] = []
_REAL_INIT = parts.Helper.__init__


def _recording_init(self: parts.Helper, *args: Any) -> None:
    _REAL_INIT(self, *args)
    FORKED.append(self.pid)


@pytest.fixture(autouse=True)
def _record_helpers(monkeypatch: pytest.MonkeyPatch) -> None:
    FORKED.clear()
    monkeypatch.setattr(parts.Helper, "__init__", _recording_init)


def children_left() -> bool:
    """Whether a helper forked here still runs or was never reaped (only helpers count:
    another test in this worker may have children of its own)."""
    for pid in FORKED:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return True
    return False


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    lines=st.lists(st.sampled_from([*ROWS, LONG]), min_size=0, max_size=40),
    last_newline=st.booleans(),
    bom=st.booleans(),
    jobs=st.integers(2, 4),
    fmt=st.sampled_from(["jsonl", "csv"]),
)
def test_parts_give_the_bytes_one_process_gives(
    engine: Engine,
    lines: list[str],
    last_newline: bool,
    bom: bool,
    jobs: int,
    fmt: str,
) -> None:
    """Whatever the lines (blank, CRLF, too long, not JSON, without an id, a last line
    without a newline, a byte order mark first) and wherever the cuts fall, the output is
    one process's, byte for byte, with the same counts."""
    with tempfile.TemporaryDirectory() as tmp:
        text = "\n".join(lines) + ("\n" if last_newline and lines else "")
        same_as_one_process(engine, Path(tmp), ("\ufeff" if bom else "") + text, jobs, fmt)


def same_as_one_process(engine: Engine, tmp_path: Path, text: str, jobs: int, fmt: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(text, "utf-8")
    one, one_summary = score(engine, src, tmp_path / f"one.{fmt}")
    many, many_summary = score(engine, src, tmp_path / f"many.{fmt}", jobs=jobs, min_part=1)
    assert many == one
    assert (many_summary.rows, many_summary.scored) == (one_summary.rows, one_summary.scored)
    assert not children_left()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["in.jsonl", f"one.{fmt}", f"many.{fmt}"]
    )


def cohort(tmp_path: Path, copies: int = 300) -> Path:
    """Rows without ids and error rows spread over the whole file, so a wrong row number
    in any part shows."""
    src = tmp_path / "in.jsonl"
    src.write_text(("\n".join(ROWS) + "\n") * copies, "utf-8")
    return src


def test_a_big_file_is_cut_at_line_starts_into_one_part_per_job(tmp_path: Path) -> None:
    src = cohort(tmp_path)
    data = src.read_bytes()
    with open(src, "rb") as fh:
        starts = parts.cuts(fh.fileno(), len(data), 3, min_part=1000)
        halves = parts.cuts(fh.fileno(), len(data), 3, min_part=len(data) // 2)
        assert parts.cuts(fh.fileno(), len(data), 3, min_part=len(data)) == [0]
    for cut, n in [(starts, 3), (halves, 2)]:
        assert len(cut) == n
        for k, at in enumerate(cut[1:], 1):
            assert data[at - 1 : at] == b"\n"
            assert 0 <= at - len(data) * k // n < 100  # the first line start after its share


def test_a_file_of_one_long_line_is_not_cut_nor_read_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for where to cut reads at most a row's length at each share: a file of one
    huge line is not cut, and not read through to find that out."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"x" * (8 << 20) + b"\n")
    read: list[int] = []
    real = os.pread

    def pread(fd: int, n: int, pos: int) -> bytes:
        data = real(fd, n, pos)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "pread", pread)
    with open(src, "rb") as fh:
        assert parts.cuts(fh.fileno(), (8 << 20) + 1, 4, min_part=1) == [0]
    assert len(read) == 3
    assert sum(read) == 3 * (ROW_LIMIT + 1)


def test_helpers_score_their_parts_and_number_rows_as_in_the_file(
    engine: Engine, tmp_path: Path
) -> None:
    """Three processes ran (two helpers), and a row without an id in the last part has
    its line's number in the whole file."""
    src = cohort(tmp_path)
    out, summary = score(engine, src, tmp_path / "o.jsonl", jobs=3, min_part=1000)
    assert len(FORKED) == 2
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == summary.rows == 300 * 7  # 10 lines, 3 blank
    assert summary.errors == 300 * 2
    assert rows[-1]["id"] == summary.rows  # the CRLF row, numbered
    assert [r["id"] for r in rows[-7:]] == ["a", 2095, 7, 2097, 2098, 2099, 2100]


@pytest.mark.parametrize("how", ["fails", "miscounts"])
def test_a_helper_that_fails_or_miscounts_costs_time_not_rows(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The helper dies (an exception, as a kill or running out of memory would end it) or
    counts the rows before it wrongly: this process scores its part, and the output is
    still one process's."""
    src = cohort(tmp_path)
    one, _ = score(engine, src, tmp_path / "one.jsonl")
    if how == "fails":

        def work(self: parts.Helper, *args: Any) -> None:
            raise MemoryError

        monkeypatch.setattr(parts.Helper, "_work", work)
    else:
        monkeypatch.setattr(parts, "rows_in", lambda lines: 1)  # only the helpers count
    many, summary = score(engine, src, tmp_path / "many.jsonl", jobs=3, min_part=1000)
    assert many == one
    assert summary.rows == 2100
    assert not children_left()


def test_an_interrupted_run_stops_its_helpers_and_leaves_no_file(
    engine: Engine, tmp_path: Path
) -> None:
    """Ctrl-C (or any error) in this process: the helpers are killed and reaped, and
    neither the output nor a temporary file is left."""
    src = cohort(tmp_path, copies=3000)

    def interrupt(rows: int, done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), batch.open_input(src) as found:
        batch.run(
            engine, {}, found, tmp_path / "o.jsonl", jobs=2, min_part=1000, progress=interrupt
        )
    assert not children_left()
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]


def test_progress_counts_every_process(engine: Engine, tmp_path: Path) -> None:
    """The progress bar's rows and bytes include the helpers' and only grow; the last
    call is every row and every byte."""
    src = cohort(tmp_path, copies=1000)
    seen: list[tuple[int, int]] = []
    _, summary = score(
        engine,
        src,
        tmp_path / "o.jsonl",
        jobs=2,
        min_part=1000,
        progress=lambda r, b: seen.append((r, b)),
    )
    assert seen == sorted(seen)
    assert seen[-1] == (summary.rows, src.stat().st_size)


def test_streams_and_csv_are_scored_by_one_process(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV's quoted cell may hold a newline and stdin cannot be read twice: neither is
    cut."""
    monkeypatch.setattr(parts, "Helper", None)  # any use would fail
    src = tmp_path / "in.csv"
    src.write_text("background,years,interests\n" + "student,1,agents\n" * 2000, "utf-8")
    _, summary = score(engine, src, tmp_path / "o.csv", jobs=4, min_part=1)
    assert summary.rows == 2000


@pytest.mark.parametrize(("cpus", "jobs"), [(1, 1), (2, 2), (3, 3), (16, parts.MAX_JOBS)])
def test_one_job_per_cpu_this_process_may_use(
    monkeypatch: pytest.MonkeyPatch, cpus: int, jobs: int
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cpus)), raising=False)
    assert parts.default_jobs() == jobs


def test_jobs_option(cli: Cli, tmp_path: Path) -> None:
    src = cohort(tmp_path, copies=20)
    bad = cli("batch", str(src), "--out", str(tmp_path / "o.jsonl"), "--jobs", "0")
    assert bad.exit_code == 2
    assert bad.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--jobs' / '-j': Input should be greater than or equal to 1"
    )
    ok = cli("batch", str(src), "-o", str(tmp_path / "o.jsonl"), "-j", "2")
    assert ok.exit_code == 0, ok.stderr
    assert ok.stderr == f"140 rows: 100 scored, 40 with errors -> {tmp_path / 'o.jsonl'}\n"
    assert "--jobs" in cli("batch", "--help").stdout


def test_no_process_to_be_had_means_this_process_scores_every_part(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fork fails (a process limit, no memory): the run is one process's, not an error."""
    src = cohort(tmp_path)
    one, _ = score(engine, src, tmp_path / "one.jsonl")

    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    many, summary = score(engine, src, tmp_path / "many.jsonl", jobs=3, min_part=1000)
    assert many == one
    assert summary.rows == 2100


def test_a_line_of_nul_bytes_in_a_later_part_stops_the_run_as_in_one_process(
    engine: Engine, tmp_path: Path
) -> None:
    """Binary data (a line over the row limit with NUL bytes) ends the run with exit 4 and
    the same message, whichever part it is in; no output is left."""
    from aicareer.errors import AicareerError

    src = cohort(tmp_path)
    with src.open("ab") as fh:
        fh.write(b"\0" * (ROW_LIMIT * 8) + b"\n")
    errors = []
    for jobs in (1, 3):
        with pytest.raises(AicareerError) as caught, batch.open_input(src) as found:
            batch.run(engine, {}, found, tmp_path / "o.jsonl", jobs=jobs, min_part=1000)
        errors.append((str(caught.value), caught.value.code))
    assert errors[0] == errors[1]
    assert errors[0][0].startswith(f"{src}: holds NUL bytes in a line longer than")
    assert errors[0][1] == 4
    assert not children_left()
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]
