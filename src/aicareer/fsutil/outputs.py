"""Files a person names on the command line (--out, --save, --report): written through
`open_output` / `write_output`, which add three rules to the atomic write (`fsutil.atomic`)
(docs/files.md):

- `-` is stdout;
- private files (answers) are written 0600, shared ones (reports, batch output) follow
  the umask (0666 & ~umask), as any file a shell redirection would create;
- an existing file is replaced only if aicareer wrote it (the SHA-256 of what aicareer
  last wrote at each path is recorded in `written.json` in the aicareer home), if it is
  empty, with `force=True` (`--force`), or after a "y" at an interactive prompt.

A command checks its outputs first (`check_overwrite`, before any question or row) and
writes at the end; what the check allowed holds until that write.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NamedTuple

from aicareer.errors import AicareerError, ExitCode
from aicareer.fsutil.atomic import (
    PRIVATE,
    Commit,
    atomic_file,
    atomic_write_bytes,
    refuse_special,
    shared_mode,
)
from aicareer.fsutil.own_files import read_own
from aicareer.fsutil.places import home_dir, is_stdio

#: The file that records what aicareer wrote where (see `open_output`).
WRITTEN_FILE = "written.json"
#: How many paths `written.json` remembers; the oldest are forgotten first.
WRITTEN_MAX = 1000
#: The largest `written.json` read: 1,000 entries of long paths fit well within it.
WRITTEN_LIMIT = 8 << 20


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _written_path() -> Path:
    return home_dir() / WRITTEN_FILE


def _read_written() -> dict[str, str]:
    """path -> what aicareer last wrote there: the SHA-256 (hex), followed for a big
    file by ` stat:` and its stat (see `_identity`). Plain strings, so an older aicareer
    reading this file keeps every entry (it just does not know the stat)."""
    import json

    try:
        raw = read_own(_written_path(), WRITTEN_LIMIT)
        found = json.loads(raw) if raw else {}
    except (OSError, ValueError, RecursionError, AicareerError):
        return {}  # not ours (another user's, a FIFO, ...), damaged, too big: trusts nothing
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}


def _record_key(path: Path) -> str:
    return str(Path(os.path.abspath(path)))


def _identity(st: os.stat_result) -> str:
    """What changes whenever a file's content is changed or the file is replaced: its
    device, inode, size, and modification and change times (the change time cannot be
    set back by a program; `git status` trusts the same fields)."""
    return f"stat:{st.st_dev},{st.st_ino},{st.st_size},{st.st_mtime_ns},{st.st_ctime_ns}"


#: Linux stamps files from a clock that lags the real one by at most this (one tick of
#: CLOCK_REALTIME_COARSE, id 5, which the time module does not name).
_TICK_NS = int(time.clock_getres(5) * 1e9) if sys.platform.startswith("linux") else None
#: A file at least this big is worth waiting out the tick for (see `_settled`): reading
#: it back to check its digest on the next run costs more.
_SETTLE_MIN_BYTES = 1 << 20


def _settled(st: os.stat_result) -> bool:
    """Whether any later change to the file is sure to show in its stat: its times are
    more than a clock tick old, so a change made from now on gets later ones. A big file
    written less than a tick ago waits the rest of it (at most a few ms). Not on Linux
    (other clocks, coarser file times): False, and the digest decides."""
    if _TICK_NS is None:
        return False
    late = max(st.st_mtime_ns, st.st_ctime_ns) + _TICK_NS - time.time_ns()
    if late >= 0:
        if st.st_size < _SETTLE_MIN_BYTES or late > _TICK_NS:
            return False  # small: the digest is cheap; from the future: another clock
        time.sleep((late + 1) / 1e9)
    return True


def wrote(path: Path, st: os.stat_result | None = None) -> bool:
    """Whether the file at `path` holds exactly what aicareer last wrote there: the same
    file, unchanged since (by its stat `st`, without reading it), else the same SHA-256."""
    recorded = _read_written().get(_record_key(path))
    if recorded is None:
        return False
    digest, _, identity = recorded.partition(" ")
    try:
        if identity and identity == _identity(os.stat(path) if st is None else st):
            return True
        return _digest(path) == digest
    except OSError:
        return False


def _remember(path: Path, digest: str) -> None:
    """Record what aicareer just wrote at `path` (its SHA-256, computed while writing, and
    for a big file its stat), under a lock, atomically. A home that cannot be written
    only means the next overwrite needs --force."""
    try:
        from filelock import FileLock

        st = os.stat(path)
        # Without a settled stat, a change within the same clock tick could go unseen.
        entry = f"{digest} {_identity(st)}" if _settled(st) else digest
        record = _written_path()
        record.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(record) + ".lock", timeout=10):
            written = _read_written()
            written.pop(_record_key(path), None)
            written[_record_key(path)] = entry
            while len(written) > WRITTEN_MAX:
                written.pop(next(iter(written)))
            import json

            # ASCII, so a path that is not valid UTF-8 (a lone surrogate) round-trips.
            data = json.dumps(written, indent=1).encode("ascii")
            atomic_write_bytes(record, data, own=True)
    except Exception:
        return


def _ask_yes(question: str) -> bool:
    """A y/N question at an interactive terminal (stdin and stderr both TTYs), else no."""
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stderr.isatty()):
        return False
    from aicareer.console import inert

    sys.stderr.write(inert(question) + " [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


class Allowed(NamedTuple):
    """What `check_overwrite` allowed: to write where nothing was (`seen` None), to replace
    the file it saw (`seen`, its stat), or anything (`force`)."""

    seen: os.stat_result | None
    force: bool


#: What `check_overwrite` allowed at each path this run, for the write that follows (a
#: command checks every output before its first question or row, and writes at the end).
_ALLOWED: dict[str, Allowed] = {}


def check_overwrite(path: Path, *, force: bool) -> Allowed:
    """Refuse (exit 7) to replace a file aicareer did not write, unless `force`. What is
    allowed is also remembered for `open_output`, which holds the write to it: a file that
    appears, or changes, after this check is not replaced without asking again."""
    allowed = _ALLOWED[_record_key(path)] = _check(path, force)
    return allowed


def _check(path: Path, force: bool) -> Allowed:
    st = refuse_special(path)
    mine = st is None or force or st.st_size == 0 or wrote(path, st)
    if not mine and not _ask_yes(f"{path} exists and was not written by aicareer. Replace it?"):
        raise _not_ours(path)
    return Allowed(st, force)


def _not_ours(path: Path) -> AicareerError:
    return AicareerError(
        f"{path}: exists and was not written by aicareer; not replacing it "
        "(use --force to replace it)",
        ExitCode.OUTPUT,
    )


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return _identity(a) == _identity(b)


def _commit_for(allowed: Allowed) -> Commit:
    """The move into place that keeps the promise `allowed` at the moment of writing.

    Forced: os.replace. Nothing was there: a hard link from the temp file, which fails if
    a file has appeared since (O_EXCL semantics; where links are not supported, an empty
    placeholder made with O_EXCL, then replaced). The file seen: replaced only if its stat
    is still the one seen. Otherwise the file is checked again as new (a question at a
    terminal, else exit 7), so what the person made in between is never lost silently."""

    def commit(tmp: str, path: Path) -> None:
        if allowed.force:
            os.replace(tmp, path)
            return
        if allowed.seen is None:
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # it appeared while aicareer worked: ask again below
            except OSError:  # no hard links here (FAT, some network folders)
                try:
                    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                except FileExistsError:
                    pass
                else:
                    os.replace(tmp, path)
                    return
            else:
                os.unlink(tmp)
                return
        else:
            try:
                if _same_file(os.stat(path), allowed.seen):
                    os.replace(tmp, path)
                    return
            except FileNotFoundError:
                pass  # gone: checked again below, as new
        again = _check(path, force=False)
        if again.seen is None:
            _commit_for(again)(tmp, path)
        else:
            os.replace(tmp, path)

    return commit


@contextmanager
def open_output(
    path: Path | str, *, private: bool = False, force: bool = False, binary: bool = False
) -> Iterator[IO[Any]]:
    """Where a command writes a file the user named (--out, --save, --report).

    `-` is stdout (left open). Otherwise: refuse a special file or a file aicareer did not
    write (unless `force`), write atomically with mode 0600 (`private`) or 0666 & ~umask,
    then record what was written so the next run may replace it.
    """
    if is_stdio(path):
        sys.stdout.flush()  # what was printed before comes first
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    target = Path(path)
    # A command that checked the path first (before any question) passes force=True for
    # "checked": what that check allowed is what holds. Otherwise, check now.
    allowed = _ALLOWED.pop(_record_key(target), None) or _check(target, force)
    mode = PRIVATE if private else shared_mode()
    with atomic_file(target, binary, mode, commit=_commit_for(allowed)) as (fh, raw):
        yield fh
    _remember(target, raw.sha256.hexdigest())


def write_output(
    path: Path | str, data: str | bytes, *, private: bool = False, force: bool = False
) -> None:
    """Write a whole file the user named; see `open_output`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with open_output(path, private=private, force=force, binary=True) as fh:
        fh.write(raw)
