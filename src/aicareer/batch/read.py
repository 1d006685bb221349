"""Batch input: read a cohort once, as a stream (CSV or JSONL, a file, a FIFO or stdin),
with a one-pass msgspec fast path for well-formed rows and a bounded row size. Part of
`aicareer batch` (see batch.py and docs/batch.md).
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import msgspec

from aicareer.errors import AicareerError, ExitCode, input_error
from aicareer.records.models import ANSWERS_ONLY, Profile
from aicareer.records.vocab import Background, Coding, Company, Interest
from aicareer.records.wellformed import ProfileFields

if TYPE_CHECKING:
    pass


#: File extension -> format. Input and output use the same table.
FORMATS: dict[str, str] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
#: The profile fields, in the answers file's order, then the optional id.
FIELDS: tuple[str, ...] = tuple(f for f in Profile._fields if f not in ANSWERS_ONLY)
COLUMNS: tuple[str, ...] = ("id", *FIELDS)
REQUIRED: tuple[str, ...] = tuple(f for f in FIELDS if f not in Profile._field_defaults)
#: `-` as INPUT is stdin, as --out stdout.
STDIO = "-"
#: The longest row accepted: a JSONL line, a CSV line or a CSV cell, in bytes (a profile
#: takes about 150). A longer one becomes an error row; its bytes are skipped unread, so
#: memory stays bounded whatever the input holds.
ROW_LIMIT = 1 << 16
#: Read the input this many bytes at a time.
_CHUNK = 1 << 18
_BOM = b"\xef\xbb\xbf"
_TOO_LONG = f"row is longer than {ROW_LIMIT:,} bytes, the limit for one row; it was skipped"

#: A row's id: the input's value, or the row number.
RowId = Any


def format_for(path: Path, what: str) -> str:
    """'csv' or 'jsonl' from the extension; anything else is a usage error naming the allowed."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        allowed = ", ".join(FORMATS)
        got = f"{path.suffix!r}" if path.suffix else "no extension"
        raise AicareerError(
            f"{what} {path}: unknown file type ({got}); expected one of: {allowed}",
            ExitCode.USAGE,
        )
    return fmt


def _is_stream(path: Path) -> bool:
    """`-`, or something that exists and is not a regular file (a FIFO, /dev/stdin)."""
    if str(path) == STDIO:
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir()
    except OSError:
        return False


def input_format(path: Path) -> str | None:
    """The input's format from its extension; None for a stream to sniff (see open_input)."""
    if str(path) != STDIO and path.suffix.lower() in FORMATS:
        return FORMATS[path.suffix.lower()]
    if _is_stream(path):
        return None
    return format_for(path, "input")  # raises the usage error


# --- the fast path ---------------------------------------------------------------------------


class _Row(ProfileFields):
    """A well-formed row, as msgspec decodes and checks it in one pass: the answers file's
    fields (`wellformed.ProfileFields`, the one msgspec mirror of `models.Profile`) and an id.

    tests/test_batch_hostile.py checks that every row this accepts, pydantic accepts as the
    same profile. Anything it refuses is validated again by pydantic for the error message,
    so it only has to be right about what it accepts. The id is a scalar here; an id that
    is a list or an object takes the slow path.
    """

    id: str | int | float | bool | msgspec.UnsetType | None = msgspec.UNSET


#: The profile's fields that a result row depends on, as a hashable tuple: the memo's key.
#: (Not the region: a result row carries no pay.) Skills shorten the time to ready, and
#: hours a week set the pace it is shown at.
_Key = tuple[
    Background, int, tuple[Interest, ...], Company, "Coding | None", tuple[str, ...], int | None
]
_FAST_ERRORS = (msgspec.DecodeError, RecursionError)


def _key(row: _Row) -> _Key:
    return (
        row.background,
        row.years,
        row.interests,
        row.company,
        row.coding,
        tuple(row.skills),
        row.hours_per_week,
    )


def _key_of(profile: Profile) -> _Key:
    return (
        profile.background,
        profile.years,
        tuple(profile.interests),
        profile.company,
        profile.coding,
        tuple(profile.skills),
        profile.hours_per_week,
    )


# --- reading ---------------------------------------------------------------------------------


class _Lines:
    """The input's physical lines (without the newline), read once in chunks.

    A line over ROW_LIMIT comes out as None and its bytes are skipped without being kept.
    `done` counts the bytes read so far (for the progress bar). Iterating gives one line at
    a time; `blocks()` gives the same lines a read at a time, as lists (split in C: the
    fast paths of `aicareer batch` work a block at a time).
    """

    def __init__(self, fh: IO[bytes], first: bytes = b"", name: str = "input") -> None:
        self._read: Callable[[int], bytes] = getattr(fh, "read1", fh.read)
        self._first = first
        self._name = name
        self.done = 0
        #: While the CSV header is read: a line over ROW_LIMIT ends the run at once,
        #: instead of being skipped to its end (which /dev/zero never reaches).
        self.refuse_long = False
        self._blocks = self._split()
        self._lines = (line for block in self._blocks for line in block)

    def __iter__(self) -> Iterator[bytes | None]:
        return self._lines

    def __next__(self) -> bytes | None:
        return next(self._lines)

    def blocks(self) -> Iterator[list[bytes | None]]:
        """The lines not read yet, a block at a time (never an empty block)."""
        return self._blocks

    def _chunks(self) -> Iterator[bytes]:
        if self._first:
            self.done += len(self._first)
            yield self._first
        read = self._read
        while chunk := read(_CHUNK):
            self.done += len(chunk)
            yield chunk

    def _split(self) -> Iterator[list[bytes | None]]:
        limit = ROW_LIMIT
        rest = b""
        skipping = False
        for chunk in self._chunks():
            parts: list[bytes | None] = chunk.split(b"\n")  # type: ignore[assignment]
            if skipping:
                if b"\0" in chunk:  # not text: a line that may never end (/dev/zero)
                    raise input_error(
                        f"{self._name}: holds NUL bytes in a line longer than {limit:,} "
                        "bytes: not a CSV or JSONL file"
                    )
                if len(parts) == 1:
                    continue  # still inside the long line
                skipping = False
                parts[0] = None  # the long line ends here: one row, skipped
                rest = b""
            else:
                parts[0] = rest + parts[0]  # type: ignore[operator]
            last = parts.pop()
            assert last is not None
            rest = last
            if len(rest) > limit:
                if self.refuse_long:
                    raise input_error(
                        f"{self._name}: the header row is longer than {limit:,} bytes"
                    )
                skipping = True
                rest = b""
            if parts:
                head = parts[0]
                tail: Iterator[bytes] = islice(parts, 1, None)  # type: ignore[arg-type]
                if (head is not None and len(head) > limit) or max(
                    map(len, tail), default=0
                ) > limit:
                    parts = [x if x is None or len(x) <= limit else None for x in parts]
                yield parts
        if skipping:
            yield [None]
        elif rest:
            yield [rest]


def _open_stream(path: Path) -> IO[bytes]:
    if str(path) == STDIO:
        return sys.stdin.buffer
    try:
        return open(path, "rb")  # closed by open_input()
    except FileNotFoundError:
        raise input_error(f"{path}: file not found") from None
    except IsADirectoryError:
        raise input_error(f"{path}: is a folder, expected a CSV or JSONL file") from None
    except OSError as exc:
        raise input_error(f"{path}: cannot read: {exc.strerror}") from None


def _name(path: Path) -> str:
    return "stdin" if str(path) == STDIO else str(path)


@dataclass
class Input:
    """An opened input: its format, its rows, its size if known, and bytes read so far."""

    path: Path
    fmt: str
    size: int | None
    lines: _Lines
    #: The open file's descriptor when it is a regular file (batch/parts.py reads it again).
    fd: int | None = None
    #: Where the rows start: after a byte order mark, if the input has one.
    start: int = 0
    _csv_names: list[str] | None = None

    @property
    def done(self) -> int:
        return self.lines.done


@contextmanager
def open_input(path: Path) -> Iterator[Input]:
    """Open the input once and check what can be checked up front (a CSV's header).

    Raises AicareerError (exit 4) for a missing file or a bad header before any output is
    created; row-level problems become error rows.
    """
    fmt = input_format(path)
    fh = _open_stream(path)
    try:
        try:
            size = os.fstat(fh.fileno()).st_size if str(path) != STDIO else None
            if size is not None and not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                size = None
            read = getattr(fh, "read1", fh.read)
            first = read(_CHUNK)
        except (OSError, io.UnsupportedOperation) as exc:
            raise input_error(
                f"{_name(path)}: cannot read: {getattr(exc, 'strerror', exc)}"
            ) from None
        # A UTF-8 byte order mark (Excel's "CSV UTF-8", Notepad) is not part of the first row.
        skip = len(_BOM) if first.startswith(_BOM) else 0
        first = first[skip:]
        if fmt is None:  # a stream without an extension: JSONL starts with `{` (or is empty)
            fmt = "csv" if first.strip() and first.lstrip()[:1] != b"{" else "jsonl"
        fd = fh.fileno() if size is not None else None
        found = Input(path, fmt, size, _Lines(fh, first, _name(path)), fd, skip)
        found.lines.done = skip
        if fmt == "csv":
            found.lines.refuse_long = True
            found._csv_names = _read_header(found)
            found.lines.refuse_long = False
        yield found
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _read_header(source: Input) -> list[str]:
    path = _name(source.path)
    for line in source.lines:
        if line is None:
            raise input_error(f"{path}: the header row is longer than {ROW_LIMIT:,} bytes")
        text = line.decode("utf-8", "replace").removeprefix("\ufeff")
        if not text.strip():
            continue
        try:
            header = next(csv.reader([text]))
        except csv.Error as exc:
            raise input_error(f"{path}: not valid CSV: {exc}") from None
        return _check_header(path, header)
    raise input_error(f"{path}: empty file; expected a header row with: {', '.join(COLUMNS)}")


#: At most this many unknown or repeated columns are named one by one; the rest are counted.
HEADER_PROBLEMS = 5


def _check_header(path: str, header: list[str]) -> list[str]:
    from collections import Counter

    from aicareer.console import inert

    names = [h.strip() for h in header]
    valid = ", ".join(COLUMNS)
    problems = []
    unknown = [n for n in dict.fromkeys(names) if n not in COLUMNS]
    counts = Counter(names)
    repeated = [n for n in counts if counts[n] > 1]
    if len(unknown) + len(repeated) > HEADER_PROBLEMS:  # one line, however wide the header
        shown = ", ".join(inert(repr(n[:40])) for n in unknown[:HEADER_PROBLEMS])
        more = len(unknown) - HEADER_PROBLEMS
        missing = [n for n in REQUIRED if n not in names]
        raise input_error(
            f"{path}: not a cohort's header: {len(names):,} columns, {len(unknown):,} unknown "
            f"({shown}{f' and {more:,} more' if more > 0 else ''})"
            + (f", {len(repeated):,} repeated" if repeated else "")
            + (f", missing {', '.join(missing)}" if missing else "")
            + f"; valid columns: {valid}"
        )
    for name in unknown:
        close = difflib.get_close_matches(name, COLUMNS, n=1) if len(name) < 100 else []
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        shown = inert(repr(name[:100])) if name else "(empty)"
        problems.append(f"{path}: unknown column {shown}{hint}; valid columns: {valid}")
    for name in repeated:
        problems.append(f"{path}: column {inert(repr(name[:100]))} appears more than once")
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        problems.append(
            f"{path}: missing column(s): {', '.join(missing)}; required: {', '.join(REQUIRED)}"
        )
    if problems:
        raise input_error(problems)
    return names
