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
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NamedTuple

from aicareer.errors import ExitCode
from aicareer.models import Id

PROGRESS_FILE = "progress.toml"
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


def progress_path() -> Path:
    from aicareer.fsutil import home_dir

    return home_dir() / PROGRESS_FILE


def read_progress(path: Path) -> dict[str, dt.date]:
    """Phase id -> date marked done. A missing file is no progress; a broken one is exit 4."""
    from aicareer.data import parse_model, read_toml

    if not path.exists():
        return {}
    label = str(path)
    raw = read_toml(path, label, ExitCode.INPUT)
    parsed = parse_model(ProgressFile, raw, label, ExitCode.INPUT)
    return dict(parsed.done)


def write_progress(path: Path, done: dict[str, dt.date]) -> None:
    import tomli_w

    from aicareer.fsutil import atomic_write_text

    body = tomli_w.dumps({"version": 1, "done": dict(sorted(done.items()))})
    atomic_write_text(path, HEADER + body)


def unknown_ids(done: dict[str, dt.date], known: tuple[str, ...]) -> list[str]:
    """Ids in the progress file that the data no longer has."""
    return [pid for pid in done if pid not in known]
