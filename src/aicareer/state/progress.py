"""Path progress: which phases a person has marked done (`aicareer path ROLE --done ID`).

Kept in `progress.toml` in the aicareer home ($AICAREER_HOME, else $XDG_DATA_HOME/aicareer,
else ~/.local/share/aicareer), written atomically. Phase ids are shared between roles, so a
phase done for one role's path counts on every path that has it:

    # aicareer path progress ...
    version = 1

    [done]
    foundations = 2026-05-01
    retrieval = 2026-06-12

An id that is no longer in the data (after an edit of paths.toml) is kept in the file and
reported, never fatal; `--undo ID` removes it.

Read-modify-write happens under `locked()` (a `filelock` lock file beside it,
`progress.toml.lock`), so ten `path ROLE --done PHASE` run at once all land. The file is
private (0600) and at most 1 MiB (docs/limits.md). Not to be confused with the unfinished
quiz (`profile.quiz_state_path()`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NamedTuple

from aicareer.errors import ExitCode
from aicareer.records import constraints
from aicareer.records.models import Id

PATH_PROGRESS_FILE = "progress.toml"
#: How long `locked()` waits for another aicareer to finish with the file.
LOCK_TIMEOUT = 30.0
ENV_TODAY = "AICAREER_TODAY"
HEADER = (
    "# aicareer path progress: phases marked done, with the date.\n"
    "# Change it with `aicareer path ROLE --done PHASE_ID` / `--undo PHASE_ID`.\n"
)


class ProgressFile(NamedTuple):
    """The file's shape, validated by pydantic like the data records (unknown keys refused)."""

    version: Literal[1] = 1
    done: Mapping[Id, dt.date] = MappingProxyType({})


def today() -> dt.date:
    """Today's date; $AICAREER_TODAY=YYYY-MM-DD overrides it (a testing aid)."""
    from aicareer.errors import AicareerError

    fixed = os.environ.get(ENV_TODAY)
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise AicareerError(
                f"{ENV_TODAY}={fixed!r}: expected a date as YYYY-MM-DD", ExitCode.USAGE
            ) from None
    return dt.date.today()


def path_progress_file() -> Path:
    from aicareer.fsutil import home_dir

    return home_dir() / PATH_PROGRESS_FILE


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the progress file's lock: read, change and write it inside this block."""
    from filelock import FileLock, Timeout

    from aicareer.errors import AicareerError

    lock = Path(f"{path}.lock")
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(lock), timeout=LOCK_TIMEOUT, mode=0o600):
            yield
    except Timeout:
        raise AicareerError(
            f"{path}: another aicareer has been changing it for {LOCK_TIMEOUT:.0f} s; "
            f"try again (or delete {lock} if no aicareer is running)",
            ExitCode.OUTPUT,
        ) from None
    except OSError as exc:
        raise AicareerError(f"{lock}: cannot lock: {exc.strerror}", ExitCode.OUTPUT) from None


def read_path_progress(path: Path) -> dict[str, dt.date]:
    """Phase id -> date marked done. A missing or empty file is no progress; a broken one is
    exit 4 (one line per problem). A file aicareer cannot have written (not a regular file,
    another user's, writable by others: `fsutil.read_own`) is never read or waited on: it
    counts as no progress, with a note, and the next `--done`/`--undo` replaces it."""
    from aicareer.console import note
    from aicareer.fsutil import Untrusted, read_own
    from aicareer.records.dataset import PROGRESS_LIMITS, parse_model, parse_toml

    label = str(path)
    try:
        raw = read_own(path, PROGRESS_LIMITS.size)
    except Untrusted as exc:
        note(f"warning: {exc}")
        return {}
    if raw is None:
        return {}
    doc = parse_toml(raw, label, ExitCode.INPUT, PROGRESS_LIMITS)
    if not doc.get("done"):  # empty, or nothing done yet: no progress (and no shared default)
        doc = {**doc, "done": {}}
    parsed = parse_model(ProgressFile, doc, label, ExitCode.INPUT)
    return dict(parsed.done)


def write_path_progress(path: Path, done: dict[str, dt.date]) -> None:
    """Write the file atomically, mode 0600; call it inside `locked(path)`."""
    import tomli_w

    from aicareer.fsutil import atomic_write_text

    body = tomli_w.dumps({"version": 1, "done": dict(sorted(done.items()))})
    atomic_write_text(path, HEADER + body, own=True)


def done_phases() -> list[str]:
    """The phase ids marked done in progress.toml (none when there is no home for it): what
    a report's plan marks done (the render layer reads no state; its callers pass this in)."""
    from aicareer.errors import AicareerError

    try:
        return list(read_path_progress(path_progress_file()))
    except AicareerError:  # no home to keep progress in: a plan with nothing done yet
        return []


def unknown_ids(done: dict[str, dt.date], known: tuple[str, ...]) -> list[str]:
    """Ids in the progress file that the data no longer has."""
    return [pid for pid in done if pid not in known]


constraints.register(__name__)  # a record module: `Id` gets pydantic's pattern (constraints.py)
