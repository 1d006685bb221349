"""Results you keep: every quiz result, and the last answers for the commands that need them.

Each quiz result (interactive, or scored from `--answers`) is kept as one answers file in
`history/` in the aicareer home ($AICAREER_HOME, else $XDG_DATA_HOME/aicareer, else
~/.local/share/aicareer), named by its UTC time (`20261129T210048-123456.toml`: fixed
width, so the names sort by time and the newest is the last answers). A kept result is a
valid answers file, so `--answers` takes it as it is; a comment line (the stamp) says
when it was kept, with which data and what the top role was:

    # aicareer answers file: see docs/answers.md for every key and its allowed values.
    # saved: 2026-11-29T21:00:48Z by aicareer 0.1.0; data: 2026.11.1 / 2026.11.2; top role: ...
    background = "backend-engineer"
    ...

`--save FILE` writes the same stamp, so a file saved with older data loads with a note.
Files are written atomically and privately (0600); the newest `KEEP` are kept, older
ones pruned. A run whose answers and data equal the newest kept result adds nothing.

`answers_or_last(path, ds)` is the one way a command gets a profile: the `--answers`
file when given, else the last kept result (named on stderr), else a usage error.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile

HISTORY_DIR = "history"
#: How many results are kept; older ones are deleted when a new one is kept.
KEEP = 50
STAMP = re.compile(
    r"^# saved: (?P<date>\S+) by aicareer (?P<version>\S+); data: (?P<data>[^;\n]+)"
    r"(?:; top role: (?P<top>\S+))?[ \t]*$",
    re.MULTILINE,
)
NAME = re.compile(r"^\d{8}T\d{6}-\d{6}\.toml$")


class Stamp(NamedTuple):
    """What the stamp line of a saved answers file says (date as written, UTC)."""

    date: str
    version: str
    data: str
    top: str | None


class Kept(NamedTuple):
    """One kept quiz result."""

    path: Path
    profile: Profile
    stamp: Stamp | None


def history_dir() -> Path:
    from aicareer.fsutil import home_dir

    return home_dir() / HISTORY_DIR


def data_version(ds: Dataset) -> str:
    """The data's version, as the result document states it: roles.toml's / matrix.toml's."""
    return f"{ds.roles_file.meta.version} / {ds.matrix.meta.version}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp_line(ds: Dataset, top: str | None, when: dt.datetime | None = None) -> str:
    from aicareer import __version__

    day = (when or _now()).strftime("%Y-%m-%dT%H:%M:%SZ")
    line = f"# saved: {day} by aicareer {__version__}; data: {data_version(ds)}"
    return line + (f"; top role: {top}" if top else "") + "\n"


def read_stamp(text: str) -> Stamp | None:
    found = STAMP.search(text)
    if found is None:
        return None
    return Stamp(found["date"], found["version"], found["data"].strip(), found["top"])


def answers_text(profile: Profile, ds: Dataset, top: str | None) -> str:
    """An answers file with the stamp after its header line."""
    from aicareer.records.profile import profile_dict, to_toml

    head, _, body = to_toml(profile_dict(profile)).partition("\n")
    return f"{head}\n{stamp_line(ds, top)}{body}"


def save_answers(
    profile: Profile, path: Path, ds: Dataset, top: str | None = None, *, force: bool = False
) -> None:
    """`quiz --save FILE`: an answers file, stamped, written atomically and privately (`-`:
    stdout). A file aicareer did not write is replaced only with `force`."""
    from aicareer.fsutil import write_output

    write_output(path, answers_text(profile, ds, top), private=True, force=force)


def read_answers(path: Path, *, own: bool = False) -> tuple[Profile, Stamp | None]:
    """An answers file (exit 4 when it is bad) and its stamp, if it has one. One read,
    within the answers files' size limits; `-` reads stdin (no stamp). `own`: a kept
    result, read as aicareer's own file (`fsutil.read_own`: never a FIFO, a folder or
    another user's file; those raise `fsutil.Untrusted`)."""
    from aicareer.fsutil import is_stdio, read_own
    from aicareer.records.dataset import ANSWERS_LIMITS, parse_toml, read_bytes
    from aicareer.records.profile import parse_profile, read_profile

    if is_stdio(path):
        return read_profile(path), None
    label = str(path)
    if own:
        found = read_own(path, ANSWERS_LIMITS.size)
        if found is None:
            raise AicareerError(f"{label}: file not found", ExitCode.INPUT)
        raw = found
    else:
        raw = read_bytes(path, label, ExitCode.INPUT, ANSWERS_LIMITS.size)
    profile = parse_profile(parse_toml(raw, label, ExitCode.INPUT, ANSWERS_LIMITS), label)
    head = raw[:4096].decode("utf-8", "replace")
    return profile, read_stamp(head)


def _files() -> list[Path]:
    """The kept results, oldest first (the names sort by time)."""
    folder = history_dir()
    try:
        names = sorted(p.name for p in folder.iterdir() if NAME.match(p.name))
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise AicareerError(f"{folder}: cannot read: {exc.strerror}", ExitCode.INPUT) from None
    return [folder / n for n in names]


def _new_name(when: dt.datetime) -> Path:
    folder = history_dir()
    while True:
        path = folder / (when.strftime("%Y%m%dT%H%M%S-%f") + ".toml")
        if not path.exists():
            return path
        when += dt.timedelta(microseconds=1)


#: How long `keep` waits for another aicareer keeping a result at the same time.
LOCK_TIMEOUT = 30.0
#: A kept result's first bytes: where its stamp line is (however big the file).
HEAD = 4096


@contextmanager
def _locked() -> Iterator[None]:
    """Hold the history's lock (`history.lock` beside the folder): list, write and prune
    as one step, so parallel quizzes keep at most KEEP results and lose none of the newest."""
    from filelock import FileLock, Timeout

    from aicareer.fsutil import home_dir

    lock = home_dir() / f"{HISTORY_DIR}.lock"
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(lock), timeout=LOCK_TIMEOUT, mode=0o600):
            yield
    except Timeout:
        raise AicareerError(
            f"{lock}: another aicareer has held it for {LOCK_TIMEOUT:.0f} s; try again "
            "(or delete it if no aicareer is running)",
            ExitCode.OUTPUT,
        ) from None
    except OSError as exc:
        raise AicareerError(f"{lock}: cannot lock: {exc.strerror}", ExitCode.OUTPUT) from None


def _is_own(path: Path) -> bool:
    """Whether `path` is a kept result aicareer may read or delete (`fsutil.distrust`)."""
    from aicareer.fsutil import distrust

    try:
        return distrust(os.lstat(path)) is None
    except OSError:
        return False


def keep(profile: Profile, ds: Dataset, top: str | None) -> Path | None:
    """Keep a quiz result; return its file (None: the same as the newest, not kept again).

    Prunes all but the newest KEEP, under the history's lock. Anything among the kept
    results that aicareer did not write (a folder, a FIFO, another user's file) is neither
    read, counted nor deleted. An unwritable home is an AicareerError (exit 7)."""
    from aicareer.fsutil import atomic_write_text
    from aicareer.records.profile import profile_dict

    with _locked():
        files = [f for f in _files() if _is_own(f)]
        if files:
            try:
                last, stamp = read_answers(files[-1], own=True)
            except AicareerError:
                last, stamp = None, None
            if (
                last is not None
                and profile_dict(last) == profile_dict(profile)
                and stamp is not None
                and stamp.data == data_version(ds)
                and stamp.top == top
            ):
                return None
        path = _new_name(_now())
        atomic_write_text(path, answers_text(profile, ds, top), own=True)
        for old in sorted({*files, path})[:-KEEP]:
            with suppress(OSError):
                old.unlink(missing_ok=True)
    return path


def entries() -> list[tuple[Path, Stamp | None]]:
    """Every kept result, newest first, with its stamp (None when the file has none). Only
    each file's first HEAD bytes are read; one aicareer did not write is left out."""
    from aicareer.fsutil import read_own

    found = []
    for path in reversed(_files()):
        try:
            raw = read_own(path, HEAD, head=True)
        except AicareerError:
            continue  # not ours (a folder, a FIFO, another user's), or unreadable
        head = (raw or b"").decode("utf-8", "replace")
        found.append((path, read_stamp(head)))
    return found


def last_answers() -> Kept | None:
    """The newest kept result, or None when none is kept. A broken file is exit 4; one
    aicareer did not write (a folder, a FIFO, another user's) is passed over."""
    from aicareer.fsutil import Untrusted

    for path in reversed(_files()):
        try:
            profile, stamp = read_answers(path, own=True)
        except Untrusted:
            continue
        return Kept(path, profile, stamp)
    return None


def _when(stamp: Stamp | None) -> str:
    if stamp is None:
        return ""
    return f", kept {stamp.date.replace('T', ' ').replace('Z', ' UTC')}"


def old_data_note(label: Path, stamp: Stamp | None, ds: Dataset) -> None:
    """Say so on stderr when answers were saved with other data (they still load)."""
    from aicareer.console import note

    current = data_version(ds)
    if stamp is not None and stamp.data != current:
        note(
            f"note: {label} was saved with data {stamp.data}; the data is now {current}, "
            "so results can differ from then"
        )


def answers_or_last(path: Path | None, ds: Dataset) -> tuple[Profile, Path]:
    """The profile to use: `--answers PATH` when given, else the last kept quiz result
    (saying on stderr which file). Neither: a usage error (exit 2) saying what to do."""
    from aicareer.console import note

    if path is not None:
        profile, stamp = read_answers(path)
        old_data_note(path, stamp, ds)
        return profile, path
    kept = last_answers()
    if kept is None:
        raise AicareerError(
            "no answers: give --answers FILE, or take the quiz first (aicareer quiz); "
            "its result is kept for the other commands",
            ExitCode.USAGE,
        )
    note(f"Using your last quiz answers: {kept.path}{_when(kept.stamp)}")
    old_data_note(kept.path, kept.stamp, ds)
    return kept.profile, kept.path


def history_json(found: list[tuple[Path, Stamp | None]], ds: Dataset) -> list[dict[str, Any]]:
    return [
        {
            "date": s.date if s else None,
            "top_role": s.top if s else None,
            "top_name": ds.roles[s.top].name if s and s.top in ds.roles else None,
            "data_version": s.data if s else None,
            "file": str(p),
        }
        for p, s in found
    ]


# --- where an unfinished quiz was to be saved -------------------------------------------

SAVE_TO_FILE = "quiz-in-progress.save-to"


def save_to_path() -> Path:
    from aicareer.fsutil import home_dir

    return home_dir() / SAVE_TO_FILE


def remember_save_to(target: Path | None) -> None:
    """Ctrl-C in `quiz --save FILE`: remember FILE so that `--resume` writes it."""
    from aicareer.fsutil import atomic_write_text

    if target is None:
        save_to_path().unlink(missing_ok=True)
    else:
        atomic_write_text(save_to_path(), str(target.resolve()) + "\n", own=True)


def recall_save_to() -> Path | None:
    """The FILE an interrupted `quiz --save FILE` was to write, if any (and forget it).
    A file aicareer did not write there (`fsutil.read_own`) names nothing."""
    from aicareer.fsutil import read_own

    path = save_to_path()
    try:
        raw = read_own(path, 64 * 1024)
        text = (raw or b"").decode("utf-8").strip()
    except (AicareerError, UnicodeDecodeError):
        return None
    with suppress(OSError):
        path.unlink(missing_ok=True)
    return Path(text) if text else None
