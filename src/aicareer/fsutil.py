"""Files the user keeps: written whole or not at all, and where they belong (XDG)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from aicareer.errors import AicareerError, ExitCode

ENV_HOME = "AICAREER_HOME"


def home_dir() -> Path:
    """Where aicareer keeps a person's progress and an unfinished quiz.

    $AICAREER_HOME if set, else $XDG_DATA_HOME/aicareer, else ~/.local/share/aicareer.
    """
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "aicareer"


def cache_dir() -> Path:
    """Disposable cache: $AICAREER_HOME/cache, else $XDG_CACHE_HOME/aicareer, else ~/.cache."""
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME]) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aicareer"


@contextmanager
def atomic_writer(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A text file beside `path` that replaces it (fsync, then os.replace) only if the
    block finishes; on any error or Ctrl-C the temp file is removed and `path` is left
    as it was. Never a half-written file under the final name."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise AicareerError(f"{path}: cannot write: {exc.strerror}", ExitCode.OUTPUT) from None
    try:
        try:
            fh: IO[Any]
            if binary:
                fh = open(fd, "wb", buffering=1 << 16)  # noqa: SIM115 (closed by the with below)
            else:
                fh = open(fd, "w", encoding="utf-8", newline="", buffering=1 << 16)  # noqa: SIM115
            with fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            raise AicareerError(f"{path}: cannot write: {exc.strerror}", ExitCode.OUTPUT) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` whole or not at all (see atomic_writer)."""
    with atomic_writer(path, binary=True) as fh:
        fh.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
