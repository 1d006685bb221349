"""Reading aicareer's own files (written.json, progress.toml, a kept result, the unfinished
quiz) as input like any other: only a regular file of yours that others cannot write is
believed (`distrust`, `read_own`); anything else raises `Untrusted`, which the caller treats
as absent and says so. Reads are bounded and never block on a FIFO or a device.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from aicareer.errors import AicareerError, ExitCode
from aicareer.fsutil.atomic import file_kind


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
        return f"is {file_kind(st.st_mode)}, not a regular file"
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
