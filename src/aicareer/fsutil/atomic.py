"""Writing a file whole or not at all: a temp file beside the target, fsync, `os.replace`.

Every file aicareer writes goes through `atomic_file` (`atomic_writer` and
`atomic_write_bytes` / `atomic_write_text` wrap it): on any error, Ctrl-C or SIGTERM the
temp file is removed and the target is left as it was. It never replaces something that is
not a regular file (a device, FIFO, folder or socket, `refuse_special`): that is exit 7
(OUTPUT). New files are private (0600) unless said otherwise; `shared_mode()` is what a
shell redirection would give. The temp file keeps the SHA-256 of what was written, and
hands big files to the disk as they are written (`WRITEBACK_EVERY`).
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from aicareer.errors import AicareerError, ExitCode

PRIVATE = 0o600


def shared_mode() -> int:
    """The mode a shell redirection would give a new file: 0666 less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def file_kind(mode: int) -> str:
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
            f"{path}: is {file_kind(st.st_mode)}, not a regular file; not replacing it "
            "(use - to write to stdout)",
            ExitCode.OUTPUT,
        )
    return st


#: Ask the kernel to start writing a file back every this many bytes (see _HashingFile).
WRITEBACK_EVERY = 4 << 20
_FADVISE = getattr(os, "posix_fadvise", None)
_DONTNEED = getattr(os, "POSIX_FADV_DONTNEED", 0)


class _HashingFile(io.FileIO):
    """A file that keeps the SHA-256 of what was written to it, so `outputs.open_output`
    can record it without reading the file back (a batch output can be 50 MiB).

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
def atomic_file(
    path: Path, binary: bool, mode: int, *, own: bool = False, commit: Commit = _replace
) -> Iterator[tuple[IO[Any], _HashingFile]]:
    """The temp file behind `atomic_writer`, and the hashing file under it (what was
    written, for `outputs.open_output` to record).

    `own`: a file in aicareer's home, which it may always repair: whatever is at the
    path (a FIFO, a symlink, another user's file) is replaced, but for a folder.
    `commit(tmp, path)` moves the finished temp file into place (os.replace by default;
    `outputs.open_output` passes one that keeps the overwrite promise at that moment)."""
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
    with atomic_file(path, binary, mode) as (fh, _):
        yield fh


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = PRIVATE, own: bool = False) -> None:
    """Write `data` whole or not at all (see atomic_writer). `own`: one of aicareer's
    files in its home, which replaces anything but a folder (see `atomic_file`)."""
    with atomic_file(path, True, mode, own=own) as (fh, _):
        fh.write(data)


def atomic_write_text(path: Path, text: str, *, mode: int = PRIVATE, own: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode, own=own)
