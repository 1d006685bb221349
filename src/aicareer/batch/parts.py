"""A big JSONL file scored in parts, one process per part (`aicareer batch --jobs`).

The file is cut at line starts into `jobs` parts of about equal size. This process
scores the first part; each other part is scored by a helper forked after the data has
loaded, which writes its lines to an unnamed temporary file. This process then appends
each helper's lines after its own, in order, so the output is byte for byte what one
process writes (tests/test_batch_parts.py).

* Row numbers: a helper first counts the rows before its part (reading is about fifty
  times faster than scoring), so a row without an id gets the number it has in the file.
* A helper that fails (killed, out of memory, anything) costs time, never rows: this
  process scores that part itself. So does a helper whose count of the rows before it
  differs from this process's.
* Helpers share nothing but the input (read with `os.pread`, at their own offsets), their
  temporary file and a few counters in shared memory for the progress bar. On any error,
  Ctrl-C or SIGTERM here, `close()` kills and reaps every helper; the temporary files
  have no name, so nothing is left behind.
* Only a regular JSONL file is cut (a stream cannot be read twice, and a quoted CSV cell
  may hold a newline), and only into parts of at least MIN_PART bytes.
"""

from __future__ import annotations

import mmap
import os
import shutil
import signal
import struct
import tempfile
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import IO

from aicareer.batch.read import ROW_LIMIT, _Lines

#: The smallest part worth a process: about 7,000 rows, a tenth of a second of scoring.
#: A file is cut from 2 MiB on; measured on 2 CPUs (2026-12-07): 30,000 rows (4 MiB)
#: 0.77 s in one process, 0.60 s in two; 15,000 rows (2 MiB) 0.57 s either way.
MIN_PART = 1 << 20
#: At most this many processes, whatever the machine has (each holds its own memos).
MAX_JOBS = 4

#: A helper's counters: rows scored so far, bytes read, rows with a result, rows before
#: its part, and 1 once its last line is written.
_COUNTERS = struct.Struct("5q")

Write = Callable[[bytes], object]
#: (rows, bytes read) so far
Report = Callable[[int, int], None]
#: (lines, rows before them, write, report) -> (rows, rows scored): `run._jsonl`'s loop.
ScoreLines = Callable[[_Lines, int, Write, "Report | None"], "tuple[int, int]"]


def default_jobs() -> int:
    """One process per CPU this process may use, at most MAX_JOBS; 1 without fork."""
    if not hasattr(os, "fork"):
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_JOBS))


def cuts(fd: int, size: int, jobs: int, min_part: int = MIN_PART) -> list[int]:
    """Where the parts start: 0 and, for each further part, the first line start at or
    after its share of the file. A part that would be empty is dropped."""
    parts = max(1, min(jobs, size // max(1, min_part)))
    starts = [0]
    for k in range(1, parts):
        at = _line_start(fd, size * k // parts, size)
        if starts[-1] < at < size:
            starts.append(at)
    return starts


def _line_start(fd: int, pos: int, size: int) -> int:
    """The offset just after the first newline at or after `pos`; `size` (no cut here) if
    there is none within a row's length: that line is too long to score anyway, and a
    file of one huge line is not read through to find out."""
    chunk = os.pread(fd, ROW_LIMIT + 1, pos) if pos < size else b""
    found = chunk.find(b"\n")
    return pos + found + 1 if found >= 0 else size


class _Range:
    """Bytes start..end of a file, read with `os.pread` (the file's offset is not touched)."""

    def __init__(self, fd: int, start: int, end: int) -> None:
        self.fd, self.pos, self.end = fd, start, end

    def read(self, n: int) -> bytes:
        n = min(n, self.end - self.pos)
        data = os.pread(self.fd, n, self.pos) if n > 0 else b""
        self.pos += len(data)
        return data


def lines_of(fd: int, start: int, end: int, name: str) -> _Lines:
    return _Lines(_Range(fd, start, end), name=name)  # type: ignore[arg-type]


def rows_in(lines: Iterator[bytes | None]) -> int:
    """How many rows these lines hold: every line but a blank one (as `_score_block`)."""
    return sum(1 for line in lines if line is None or line.strip())


class Helper:
    """One forked process scoring bytes start..end of the input into a temporary file
    (`span`: where the file's rows begin, start, end)."""

    def __init__(
        self,
        fd: int,
        span: tuple[int, int, int],
        name: str,
        score: ScoreLines,
        tmp_dir: Path | None,
    ) -> None:
        #: Where the file's rows begin (after a byte order mark), and this part's bytes.
        self.origin, self.start, self.end = span
        self.out: IO[bytes] = tempfile.TemporaryFile(dir=tmp_dir)  # noqa: SIM115 (closed by close())
        try:
            self._shared = mmap.mmap(-1, _COUNTERS.size)
            # Ctrl-C and SIGTERM wait until each process has its own handlers: the helper
            # must never run this process's clean-up (the output's temp file is ours).
            stop = {signal.SIGINT, signal.SIGTERM}
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, stop)
            try:
                pid = os.fork()
                if pid == 0:  # the helper: never returns
                    code = 1
                    try:
                        for sig in stop:
                            signal.signal(sig, signal.SIG_DFL)
                        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                        self._work(fd, name, score)
                        code = 0
                    finally:
                        os._exit(code)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        except BaseException:
            self.out.close()
            raise
        self.pid = pid
        self._status: int | None = None

    def _work(self, fd: int, name: str, score: ScoreLines) -> None:
        before = rows_in(iter(lines_of(fd, self.origin, self.start, name)))
        shared = self._shared

        def report(rows: int, done: int) -> None:
            _COUNTERS.pack_into(shared, 0, rows, done, 0, before, 0)

        rows, scored = score(
            lines_of(fd, self.start, self.end, name), before, self.out.write, report
        )
        self.out.flush()
        _COUNTERS.pack_into(shared, 0, rows, self.end - self.start, scored, before, 1)

    def progress(self) -> tuple[int, int]:
        """(rows, bytes) done so far."""
        rows, done, *_ = _COUNTERS.unpack_from(self._shared)
        return rows, done

    def finish(self, before: int) -> tuple[int, int] | None:
        """Wait for the helper; (rows, scored) if it wrote its whole part numbering from
        `before`, None if this process must score the part itself."""
        if self._status is None:
            self._status = os.waitpid(self.pid, 0)[1]
        rows, _, scored, counted, finished = _COUNTERS.unpack_from(self._shared)
        if self._status != 0 or not finished or counted != before:
            return None
        return rows, scored

    def copy_to(self, fh: IO[bytes]) -> None:
        self.out.seek(0)
        shutil.copyfileobj(self.out, fh, 1 << 20)

    def close(self) -> None:
        """Stop the helper if it still runs, reap it, and drop its file."""
        if self._status is None:
            with suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._status = os.waitpid(self.pid, 0)[1]
        self.out.close()
        self._shared.close()
