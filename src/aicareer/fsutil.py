"""Files the user keeps: written whole or not at all, and where they belong (XDG).

Every file aicareer writes goes through `atomic_writer` (a temp file beside the target,
fsync, `os.replace`). It never replaces something that is not a regular file (a device,
FIFO, folder or socket): that is exit 7 (OUTPUT). Files named on the command line go
through `open_output` / `write_output`, which add three rules (docs/files.md):

- `-` is stdout;
- private files (answers) are written 0600, shared ones (reports, batch output) follow
  the umask (0666 & ~umask), as any file a shell redirection would create;
- an existing file is replaced only if aicareer wrote it (the SHA-256 of what aicareer
  last wrote at each path is recorded in `written.json` in the aicareer home), if it is
  empty, with `force=True` (`--force`), or after a "y" at an interactive prompt.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, NamedTuple

from aicareer.errors import AicareerError, ExitCode

ENV_HOME = "AICAREER_HOME"
#: The file that records what aicareer wrote where (see `open_output`).
WRITTEN_FILE = "written.json"
#: How many paths `written.json` remembers; the oldest are forgotten first.
WRITTEN_MAX = 1000
#: The largest `written.json` read: 1,000 entries of long paths fit well within it.
WRITTEN_LIMIT = 8 << 20
PRIVATE = 0o600


def _user_home() -> Path:
    """The user's home folder; a clear error when neither $HOME nor the password database
    knows it (e.g. a container running as a uid without an entry)."""
    home = os.path.expanduser("~")
    if home.startswith("~") or not home:
        raise AicareerError(
            "cannot tell where your home folder is: set HOME, or AICAREER_HOME for "
            "aicareer's own files",
            ExitCode.OUTPUT,
        )
    return Path(home)


def home_dir() -> Path:
    """Where aicareer keeps a person's progress and an unfinished quiz.

    $AICAREER_HOME if set, else $XDG_DATA_HOME/aicareer, else ~/.local/share/aicareer.
    """
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME])
    base = os.environ.get("XDG_DATA_HOME") or str(_user_home() / ".local" / "share")
    return Path(base) / "aicareer"


def cache_dir() -> Path:
    """Disposable cache: $AICAREER_HOME/cache, else $XDG_CACHE_HOME/aicareer, else ~/.cache."""
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME]) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(_user_home() / ".cache")
    return Path(base) / "aicareer"


def shared_mode() -> int:
    """The mode a shell redirection would give a new file: 0666 less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def refuse_special(path: Path) -> os.stat_result | None:
    """The stat of `path` if it exists; exit 7 if it is anything but a regular file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AicareerError(f"{path}: cannot write: {exc.strerror}", ExitCode.OUTPUT) from None
    if not stat.S_ISREG(st.st_mode):
        raise AicareerError(
            f"{path}: is {_file_kind(st.st_mode)}, not a regular file; not replacing it "
            "(use - to write to stdout)",
            ExitCode.OUTPUT,
        )
    return st


# --- aicareer's own files: input like any other -------------------------------------------


class Untrusted(AicareerError):
    """A file in aicareer's home that aicareer cannot have written as it is: not a regular
    file, owned by another user, or writable by group or others. Never believed, never
    waited on (see `read_own`); the caller treats it as absent and says so."""

    def __init__(self, path: Path, why: str) -> None:
        self.path, self.why = path, why
        super().__init__(
            f"{path}: {why}; not a file aicareer wrote, so it is ignored", ExitCode.INPUT
        )


def distrust(st: os.stat_result) -> str | None:
    """Why a file with this stat is not one of aicareer's own, or None when it may be."""
    if not stat.S_ISREG(st.st_mode):
        return f"is {_file_kind(st.st_mode)}, not a regular file"
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return f"is owned by another user (uid {st.st_uid})"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "may be written by other users (group or others have write permission)"
    return None


def read_own(path: Path, limit: int, *, head: bool = False) -> bytes | None:
    """The bytes of one of aicareer's own files (written.json, progress.toml, a kept result,
    the unfinished quiz): None when there is no such file.

    Opened without blocking (a FIFO or a device at the path cannot hang the command) and
    checked on the open file (fstat, so it is the file that is read): anything `distrust`
    names raises `Untrusted`. At most `limit` bytes are read: a bigger file is an
    AicareerError (exit 4), or with `head` just its first `limit` bytes (a kept result's
    stamp line, however big the file)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise Untrusted(Path(path), "is a folder, not a regular file") from None
    except OSError as exc:
        raise AicareerError(f"{path}: cannot read: {exc.strerror}", ExitCode.INPUT) from None
    try:
        st = os.fstat(fd)
        why = distrust(st)
        if why is not None:
            raise Untrusted(Path(path), why)
        if st.st_size > limit and not head:
            raise _too_big(path, limit)
        parts: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
        raw = b"".join(parts)
    except OSError as exc:
        raise AicareerError(f"{path}: cannot read: {exc.strerror}", ExitCode.INPUT) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        if head:
            return raw[:limit]
        raise _too_big(path, limit)
    return raw


def _too_big(path: Path, limit: int) -> AicareerError:
    size = f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit >> 10} KiB"
    return AicareerError(
        f"{path}: file is larger than the {size} limit (see docs/limits.md)", ExitCode.INPUT
    )


#: Ask the kernel to start writing a file back every this many bytes (see _HashingFile).
WRITEBACK_EVERY = 4 << 20
_FADVISE = getattr(os, "posix_fadvise", None)
_DONTNEED = getattr(os, "POSIX_FADV_DONTNEED", 0)


class _HashingFile(io.FileIO):
    """A file that keeps the SHA-256 of what was written to it, so `open_output` can
    record it without reading the file back (a batch output can be 50 MiB).

    Every WRITEBACK_EVERY bytes it also asks the kernel to start writing them to disk
    (`posix_fadvise` DONTNEED, where there is one), so the fsync before the rename waits
    for the last few MiB only: for a 54 MiB batch output, 23 ms -> 1.5 ms at the end of
    the run (bench/README.md). Nothing is read back, so pages the kernel drops once they
    are on disk cost nothing."""

    def __init__(self, fd: int) -> None:
        super().__init__(fd, "w")
        self.sha256 = hashlib.sha256()
        self.written = self.flushed = 0

    def write(self, data: Any) -> int:
        n = super().write(data)
        if n:
            self.sha256.update(memoryview(data).cast("B")[:n])
            self.written += n
            if self.written - self.flushed >= WRITEBACK_EVERY and _FADVISE is not None:
                with suppress(OSError):  # only a hint
                    _FADVISE(self.fileno(), self.flushed, self.written - self.flushed, _DONTNEED)
                self.flushed = self.written
        return n or 0


Commit = Callable[[str, Path], None]


def _replace(tmp: str, path: Path) -> None:
    os.replace(tmp, path)


@contextmanager
def _atomic(
    path: Path, binary: bool, mode: int, *, own: bool = False, commit: Commit = _replace
) -> Iterator[tuple[IO[Any], _HashingFile]]:
    """`own`: a file in aicareer's home, which it may always repair: whatever is at the
    path (a FIFO, a symlink, another user's file) is replaced, but for a folder.
    `commit(tmp, path)` moves the finished temp file into place (os.replace by default;
    `open_output` passes one that keeps the overwrite promise at that moment)."""
    path = Path(path)
    if own:
        if os.path.isdir(path) and not os.path.islink(path):
            raise AicareerError(
                f"{path}: is a folder where aicareer keeps a file; move it away", ExitCode.OUTPUT
            )
    else:
        refuse_special(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise AicareerError(f"{path}: cannot write: {exc.strerror}", ExitCode.OUTPUT) from None
    try:
        try:
            if mode != PRIVATE and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            raw = _HashingFile(fd)
            fh: IO[Any] = io.BufferedWriter(raw, 1 << 16)
            if not binary:
                fh = io.TextIOWrapper(fh, encoding="utf-8", newline="")
            with fh:
                yield fh, raw
                fh.flush()
                os.fsync(fh.fileno())
            commit(tmp, path)
        except OSError as exc:
            raise AicareerError(f"{path}: cannot write: {exc.strerror}", ExitCode.OUTPUT) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_writer(path: Path, *, binary: bool = False, mode: int = PRIVATE) -> Iterator[IO[Any]]:
    """A file beside `path` that replaces it (fsync, then os.replace) only if the block
    finishes; on any error, Ctrl-C or SIGTERM the temp file is removed and `path` is left
    as it was. Never a half-written file under the final name. `mode`: the new file's
    permissions (private, 0600, unless said otherwise)."""
    with _atomic(path, binary, mode) as (fh, _):
        yield fh


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = PRIVATE, own: bool = False) -> None:
    """Write `data` whole or not at all (see atomic_writer). `own`: one of aicareer's
    files in its home, which replaces anything but a folder (see `_atomic`)."""
    with _atomic(path, True, mode, own=own) as (fh, _):
        fh.write(data)


def atomic_write_text(path: Path, text: str, *, mode: int = PRIVATE, own: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode, own=own)


# --- files named on the command line -----------------------------------------------------


def is_stdio(path: Path | str) -> bool:
    """`-`: stdin for a file that is read, stdout for one that is written."""
    return str(path) == "-"


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
    with _atomic(target, binary, mode, commit=_commit_for(allowed)) as (fh, raw):
        yield fh
    _remember(target, raw.sha256.hexdigest())


def write_output(
    path: Path | str, data: str | bytes, *, private: bool = False, force: bool = False
) -> None:
    """Write a whole file the user named; see `open_output`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with open_output(path, private=private, force=force, binary=True) as fh:
        fh.write(raw)
