"""More than one core for `aicareer batch`: forked workers over plain pipes.

A big JSONL file is cut into tasks, a read at a time (256 KiB, about 2,000 rows).
Each worker is a forked copy of the process (engine, data and formats already loaded)
that reads a task from its own pipe, scores it with the same code as one process
(`batch._score_pieces`) and writes the encoded output back on another pipe. The parent
writes the results in input order, so the output is byte for byte what one process
writes.

Why not `multiprocessing`: its pools pickle (never load a format that can run code), they
keep helper threads that could deadlock when SIGTERM arrived under load (seen in an
earlier version), and a worker killed from outside left `Pool` waiting forever. Here there
are no threads and no pickle, only length-prefixed bytes, and every failure has one
outcome:

* SIGTERM or Ctrl-C in the parent: `finally` kills and reaps every worker, then the usual
  clean-up runs (the temporary output is deleted; exit 143 or 130).
* A worker that dies (killed, out of memory): the parent reads end-of-file, kills the
  rest and raises AicareerError (exit 1, one line), and the output is not written.
* A bug in a worker: it sends the error's text instead of a result; the parent raises it
  (an internal error: one line, exit 1) and stops the workers.
* The parent dies (even by SIGKILL): each worker reads end-of-file on its task pipe, or
  fails to write its result, and exits.

A worker holds up to two tasks (IN_FLIGHT): it starts the next one as soon as it has
sent a result, instead of idling until the parent comes round to it. The parent never
blocks on a pipe: it writes tasks without blocking and waits on all the pipes at once
(poll), reading whichever result is ready, so neither side can wait on the other while
a pipe is full. Results that finish early wait for the earlier ones (at most AHEAD per
worker), so memory stays flat whatever the size of the input.
"""

from __future__ import annotations

import os
import select
import signal
import struct
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import suppress
from typing import TYPE_CHECKING

from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from aicareer.batch.run import _Scorer

#: A regular JSONL file at least this big is scored in workers (about 30,000 rows), where
#: the few milliseconds forking costs are repaid; smaller files, CSV and streams are not.
PARALLEL_MIN_BYTES = 4 << 20
#: At most this many workers.
MAX_WORKERS = 4
#: Tasks a worker may hold at once: the one it scores and the next, already in its pipe.
IN_FLIGHT = 2
#: Results, per worker, that may wait for an earlier task's before the parent stops
#: handing out tasks (memory stays bounded if one worker is slow).
AHEAD = 4
#: How much a pipe may hold (Linux's default is 64 KiB, a result is about 1 MiB): fewer
#: trips between a worker and the parent.
PIPE_BYTES = 1 << 20
#: The most the parent reads from a result pipe at once.
_READ = 1 << 20

_TASK = struct.Struct("<QII")  # first row number, lines, lines that were too long (None)
_RESULT = struct.Struct("<BQQQ")  # status (0 ok, 1 error), rows, scored, payload length
_INDEX = struct.Struct("<I")


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def workers_for(fmt: str, size: int | None, jobs: int) -> int:
    """How many workers to use: 0 for one process. `jobs` is --jobs (0: decide)."""
    if fmt != "jsonl" or not hasattr(os, "fork") or jobs == 1:
        return 0
    if jobs == 0:
        if size is None or size < PARALLEL_MIN_BYTES:
            return 0
        jobs = min(cores(), MAX_WORKERS)
    return jobs if jobs >= 2 else 0


# --- framing -----------------------------------------------------------------------------


def _read_exactly(fd: int, n: int) -> bytes:
    """n bytes from fd; fewer only at end-of-file."""
    parts = []
    while n:
        part = os.read(fd, min(n, 1 << 20))
        if not part:
            break
        parts.append(part)
        n -= len(part)
    return b"".join(parts)


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


#: How many of a block's output pieces (about 100 bytes each) are joined per write:
#: about 100 KiB, under the size glibc serves from mmap (128 KiB), ten writes a block.
_JOIN = 1024


def _write_pieces(fd: int, pieces: list[bytes]) -> None:
    """Write `pieces` in order, joined _JOIN at a time (~100 KiB). A block's output is
    thousands of small shared pieces: joining them all at once made a ~1 MiB buffer per
    block, which set a worker's peak memory (~3.5 MiB of it). A writev of the pieces as
    they are costs the kernel more than the copy (~6% of a worker's time), and so do
    writes of a few KiB (each one wakes the parent)."""
    for i in range(0, len(pieces), _JOIN):
        _write_all(fd, b"".join(pieces[i : i + _JOIN]))


def _encode_task(start: int, lines: list[bytes | None]) -> bytes:
    missing: list[int] = []
    if None in lines:  # a line over ROW_LIMIT (rare): sent as its index
        missing = [i for i, line in enumerate(lines) if line is None]
        lines = [b"" if line is None else line for line in lines]
    body = b"\n".join(lines)  # type: ignore[arg-type]
    head = _TASK.pack(start, len(lines), len(missing))
    return head + b"".join(_INDEX.pack(i) for i in missing) + struct.pack("<Q", len(body)) + body


def _read_task(fd: int) -> tuple[int, list[bytes | None]] | None:
    head = _read_exactly(fd, _TASK.size)
    if len(head) < _TASK.size:
        return None  # the parent is done (or gone)
    start, count, n_missing = _TASK.unpack(head)
    index = _read_exactly(fd, _INDEX.size * n_missing)
    (length,) = struct.unpack("<Q", _read_exactly(fd, 8))
    lines: list[bytes | None] = list(_read_exactly(fd, length).split(b"\n"))
    assert len(lines) == count
    for (i,) in _INDEX.iter_unpack(index):
        lines[i] = None
    return start, lines


# --- the worker ----------------------------------------------------------------------------


def _serve(scorer: _Scorer, tasks: int, results: int) -> None:
    from aicareer.batch.run import _score_pieces, settle

    while (task := _read_task(tasks)) is not None:
        start, lines = task
        try:
            pieces, rows, scored = _score_pieces(lines, start, scorer)
            settle()
            status = 0
        except Exception as exc:  # a bug: the parent reports it
            pieces = [f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")]
            status, rows, scored = 1, 0, 0
        _write_all(results, _RESULT.pack(status, rows, scored, sum(map(len, pieces))))
        _write_pieces(results, pieces)


def _widen(fd: int) -> None:
    """Let a pipe hold a whole task or result (Linux; elsewhere, or if the system's limit
    is lower, it stays as it is: only slower)."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


def _start(scorer: _Scorer, others: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    """Fork one worker: (pid, its task pipe, its result pipe), the parent's ends. `others`:
    the workers started before, whose pipe ends the new one closes (so each worker sees
    end-of-file as soon as the parent closes, or loses, its end)."""
    task_r, task_w = os.pipe()
    result_r, result_w = os.pipe()
    for fd in (task_w, result_w):
        _widen(fd)
    pid = os.fork()
    if pid == 0:  # the worker: never returns, never runs the parent's clean-up
        code = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # how the parent stops a worker
            os.close(task_w)
            os.close(result_r)
            for _, other_task, other_result in others:
                os.close(other_task)
                os.close(other_result)
            _serve(scorer, task_r, result_w)
        except BaseException:  # a pipe closed under it, a signal: just end
            code = 1
        finally:
            os._exit(code)  # no atexit, no flushing of the parent's buffered output file
    os.close(task_r)
    os.close(result_w)
    return pid, task_w, result_r


# --- the parent ----------------------------------------------------------------------------


def _tasks(blocks: Iterable[list[bytes | None]]) -> Iterator[tuple[int, list[bytes | None]]]:
    """(row number before the task, its lines), a block at a time; blank lines are not
    rows (counted in C: `bytes.strip` over the block)."""
    number = 0
    for block in blocks:
        yield number, block
        if None in block:
            number += sum(1 for x in block if x is None or x.strip())
        else:
            number += len(block) - list(map(bytes.strip, block)).count(b"")  # type: ignore[arg-type]


def _died(pid: int) -> AicareerError:
    """The error for a worker whose pipe closed under the parent."""
    _, status = os.waitpid(pid, 0)
    how = (
        f"was stopped by signal {os.WTERMSIG(status)}"
        if os.WIFSIGNALED(status)
        else f"ended with exit code {os.waitstatus_to_exitcode(status)}"
    )
    return AicareerError(
        f"a batch worker process {how} before it finished; no output was written "
        "(run again with --jobs 1 to use one process)",
        ExitCode.INTERNAL,
    )


class _Worker:
    """The parent's view of one worker: its tasks in flight (oldest first), the bytes
    still to send it, and the bytes of its results read so far."""

    __slots__ = ("inbox", "pending", "pid", "result_fd", "task_fd", "tasks")

    def __init__(self, pid: int, task_fd: int, result_fd: int) -> None:
        self.pid, self.task_fd, self.result_fd = pid, task_fd, result_fd
        os.set_blocking(task_fd, False)  # the parent never waits on a full pipe
        self.tasks: deque[int] = deque()
        self.pending: deque[memoryview] = deque()
        self.inbox = bytearray()

    def send(self) -> None:
        """Write as much of the pending tasks as the pipe takes now."""
        while self.pending:
            try:
                n = os.write(self.task_fd, self.pending[0])
            except BlockingIOError:
                return
            except BrokenPipeError:
                raise _died(self.pid) from None
            if n == len(self.pending[0]):
                self.pending.popleft()
            else:
                self.pending[0] = self.pending[0][n:]

    def receive(self, done: dict[int, tuple[bytes, int, int]]) -> None:
        """Read what has arrived; each whole result goes into `done` by its task's index."""
        data = os.read(self.result_fd, _READ)
        if not data:
            raise _died(self.pid)
        inbox = self.inbox
        inbox += data
        while len(inbox) >= _RESULT.size:
            status, rows, scored, length = _RESULT.unpack_from(inbox)
            if len(inbox) < _RESULT.size + length:
                return
            payload = bytes(inbox[_RESULT.size : _RESULT.size + length])
            del inbox[: _RESULT.size + length]
            if status:
                raise RuntimeError(f"in a batch worker: {payload.decode('utf-8', 'replace')}")
            done[self.tasks.popleft()] = (payload, rows, scored)


def scored_chunks(
    blocks: Iterable[list[bytes | None]],
    scorer: _Scorer,
    workers: int,
) -> Iterator[tuple[bytes, int, int]]:
    """(encoded output, rows, scored rows) per block, in input order, from `workers` forks.

    Each worker has up to IN_FLIGHT tasks, so it starts the next one as soon as it has sent
    a result; the parent waits on every pipe at once (poll), writes tasks without
    blocking and hands results on in input order, keeping at most AHEAD results that
    are waiting for an earlier one."""
    # Everything a worker might import is imported before forking.
    import aicareer.records.dataset
    import aicareer.records.profile  # noqa: F401

    sys.stdout.flush()
    sys.stderr.flush()
    procs: list[tuple[int, int, int]] = []
    try:
        for _ in range(workers):
            procs.append(_start(scorer, procs))
        pool = [_Worker(*proc) for proc in procs]
        by_fd = {w.result_fd: w for w in pool} | {w.task_fd: w for w in pool}
        tasks = _tasks(blocks)
        done: dict[int, tuple[bytes, int, int]] = {}
        given = following = 0  # tasks handed out; the next result to hand on
        more = True
        limit = AHEAD * workers
        while True:
            while following in done:
                yield done.pop(following)
                following += 1
            for w in pool:  # after handing results on, so `limit` counts only those waiting
                while more and len(w.tasks) < IN_FLIGHT and given < following + limit:
                    task = next(tasks, None)
                    if task is None:
                        more = False
                        break
                    w.tasks.append(given)
                    w.pending.append(memoryview(_encode_task(*task)))
                    given += 1
                w.send()
            if following == given:  # nothing in flight: then nothing is left
                return
            poll = select.poll()
            for w in pool:
                if w.tasks:
                    poll.register(w.result_fd, select.POLLIN)
                if w.pending:
                    poll.register(w.task_fd, select.POLLOUT)
            for fd, _ in poll.poll():
                w = by_fd[fd]
                if fd == w.result_fd:
                    w.receive(done)
    finally:
        for pid, task_fd, result_fd in procs:
            for fd in (task_fd, result_fd):
                with suppress(OSError):
                    os.close(fd)
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        for pid, _, _ in procs:
            with suppress(ChildProcessError):
                os.waitpid(pid, 0)
