"""Score a cohort: many profiles in, one result row per profile out, streamed.

The core of `aicareer batch` (the command in `aicareer/commands/batch.py` only parses
options and prints the summary). No rich, no questionary, no typer.

* Input is CSV (a header row; `interests` as `;`-separated ids) or JSONL (one JSON object
  per line), chosen by the file's extension, or for `-` (stdin) and other streams without
  a known extension by the first character (`{`: JSONL, else CSV). Each row carries the
  answers-file fields (`aicareer.models.Profile`) and an optional `id`.
* The input is read once, front to back, in chunks: a FIFO or a pipe works like a file.
* Every row is validated as an answers file is. Well-formed rows take a fast path (msgspec
  decodes and checks them in one pass); any row it refuses goes through the answers file's
  own validation (`models.validate(Profile, ...)`), so an error names the field and the
  expected values in exactly the words `quiz --answers` uses.
* A bad row is never dropped and never stops the run: it becomes an error row in its place.
  That includes rows the parsers themselves choke on: numbers too long to convert, values
  nested too deep, lone surrogates, NaN/Infinity, lines or cells over ROW_LIMIT.
* A profile is ranked once per run: results are memoised by the profile's fields (bounded).
* Rows are read, scored and written a chunk at a time: memory does not grow with the input.
  Output goes to a temporary file beside the final one and is moved into place with
  `os.replace` only when every row is written; on any error, Ctrl-C or SIGTERM (any
  BaseException) the temporary file is deleted, so the output path holds either the old
  file or the complete new one. `--out -` writes straight to stdout.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import msgspec
from pydantic import ValidationError

from aicareer.errors import AicareerError, ExitCode, input_error
from aicareer.fsutil import open_output
from aicareer.models import Profile, validate
from aicareer.vocab import Background, Coding, Company, Interest, Region

if TYPE_CHECKING:
    from aicareer.engine import Engine, Ranking

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ROLE_FIELDS",
    "ROW_LIMIT",
    "Input",
    "Summary",
    "csv_cell",
    "format_for",
    "open_input",
    "run",
]

#: File extension -> format. Input and output use the same table.
FORMATS: dict[str, str] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
#: The profile fields, in the answers file's order, then the optional id.
FIELDS: tuple[str, ...] = Profile._fields
COLUMNS: tuple[str, ...] = ("id", *FIELDS)
REQUIRED: tuple[str, ...] = tuple(f for f in FIELDS if f not in Profile._field_defaults)
#: `-` as INPUT is stdin, as --out stdout.
STDIO = "-"
#: The longest row accepted: a JSONL line, a CSV line or a CSV cell, in bytes (a profile
#: takes about 150). A longer one becomes an error row; its bytes are skipped unread, so
#: memory stays bounded whatever the input holds.
ROW_LIMIT = 1 << 16
#: Write the output (and report progress) after this many rows.
FLUSH_EVERY = 1024
#: Read the input this many bytes at a time.
_CHUNK = 1 << 18
#: How many distinct profiles' results to keep: bounded, so memory stays flat (a JSONL
#: result is about 700 bytes: 4,096 of them take about 3 MiB; 65,536 took 60 MiB).
_MEMO_LIMIT = 1 << 10
#: The first characters of a cell that a spreadsheet would run as a formula (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TOO_LONG = f"row is longer than {ROW_LIMIT:,} bytes, the limit for one row; it was skipped"

#: A row's id: the input's value, or the row number.
RowId = Any


@dataclass(frozen=True, slots=True)
class Summary:
    rows: int
    scored: int
    errors: int
    out: Path

    def line(self) -> str:
        """`12 rows: 11 scored, 1 with errors -> out.csv`."""
        rows = "1 row" if self.rows == 1 else f"{self.rows} rows"
        errors = "1 with errors" if self.errors == 1 else f"{self.errors} with errors"
        where = "stdout" if str(self.out) == STDIO else str(self.out)
        return f"{rows}: {self.scored} scored, {errors} -> {where}"

    def as_dict(self) -> dict[str, Any]:
        """The summary for `--json`."""
        return {
            "rows": self.rows,
            "scored": self.scored,
            "errors": self.errors,
            "out": str(self.out),
        }


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


class _Row(msgspec.Struct, forbid_unknown_fields=True):
    """A well-formed row, as msgspec decodes and checks it in one pass.

    The same rules as `models.Profile` (tests/test_batch_hostile.py checks that every row
    this accepts, pydantic accepts as the same profile). Anything it refuses is validated
    again by pydantic for the error message, so it only has to be right about what it
    accepts. The id is a scalar here; an id that is a list or an object takes the slow path.
    """

    background: Background
    years: Annotated[int, msgspec.Meta(ge=0, le=60)]
    interests: Annotated[tuple[Interest, ...], msgspec.Meta(min_length=1)]
    company: Company = "any"
    coding: Coding | None = None
    region: Region = "us"
    id: str | int | float | bool | msgspec.UnsetType | None = msgspec.UNSET


#: The profile's fields as a hashable tuple: the memo's key.
_Key = tuple[Background, int, tuple[Interest, ...], Company, "Coding | None", Region]
_FAST_ERRORS = (msgspec.DecodeError, RecursionError)


def _key(row: _Row) -> _Key:
    return (row.background, row.years, row.interests, row.company, row.coding, row.region)


def _key_of(profile: Profile) -> _Key:
    return (
        profile.background,
        profile.years,
        tuple(profile.interests),
        profile.company,
        profile.coding,
        profile.region,
    )


# --- reading ---------------------------------------------------------------------------------


class _Lines:
    """The input's physical lines (without the newline), read once in chunks.

    A line over ROW_LIMIT comes out as None and its bytes are skipped without being kept.
    `done` counts the bytes read so far (for the progress bar).
    """

    def __init__(self, fh: IO[bytes], first: bytes = b"") -> None:
        self._read: Callable[[int], bytes] = getattr(fh, "read1", fh.read)
        self._first = first
        self.done = 0
        self._lines = self._split()

    def __iter__(self) -> Iterator[bytes | None]:
        return self._lines

    def __next__(self) -> bytes | None:
        return next(self._lines)

    def _chunks(self) -> Iterator[bytes]:
        if self._first:
            self.done += len(self._first)
            yield self._first
        read = self._read
        while chunk := read(_CHUNK):
            self.done += len(chunk)
            yield chunk

    def _split(self) -> Iterator[bytes | None]:
        limit = ROW_LIMIT
        rest = b""
        skipping = False
        for chunk in self._chunks():
            parts = chunk.split(b"\n")
            if skipping:
                if len(parts) == 1:
                    continue  # still inside the long line
                skipping = False
                yield None
                parts[0] = b""
                del parts[0]
                rest = b""
                if not parts:
                    continue
            parts[0] = rest + parts[0]
            rest = parts.pop()
            for line in parts:
                yield line if len(line) <= limit else None
            if len(rest) > limit:
                skipping = True
                rest = b""
        if skipping:
            yield None
        elif rest:
            yield rest


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
        if fmt is None:  # a stream without an extension: JSONL starts with `{` (or is empty)
            fmt = "csv" if first.strip() and first.lstrip()[:1] != b"{" else "jsonl"
        found = Input(path, fmt, size, _Lines(fh, first))
        if fmt == "csv":
            found._csv_names = _read_header(found)
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


def _check_header(path: str, header: list[str]) -> list[str]:
    names = [h.strip() for h in header]
    valid = ", ".join(COLUMNS)
    problems = []
    for name in names:
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            shown = repr(name) if name else "(empty)"
            problems.append(f"{path}: unknown column {shown}{hint}; valid columns: {valid}")
    for name in dict.fromkeys(n for n in names if names.count(n) > 1):
        problems.append(f"{path}: column {name!r} appears more than once")
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        problems.append(
            f"{path}: missing column(s): {', '.join(missing)}; required: {', '.join(REQUIRED)}"
        )
    if problems:
        raise input_error(problems)
    return names


def _csv_years(cell: str) -> int | str:
    """A whole number becomes an int; anything else (or 10+ digits) stays text to reject."""
    digits = cell[1:] if cell.startswith("-") else cell
    if digits.isascii() and digits.isdigit() and len(digits) < 10:
        return int(cell)
    return cell


#: A CSV row as read: its id and either the raw fields (to validate) or why it is bad.
_CsvRow = tuple[RowId, "dict[str, Any] | str"]


def _csv_rows(source: Input) -> Iterator[_CsvRow]:
    """The data rows of a CSV input whose header was read by open_input()."""
    names = source._csv_names or []
    width = len(names)
    id_at = names.index("id") if "id" in names else -1
    too_long = False

    def text_lines() -> Iterator[str]:
        """Whole records for the csv reader: physical lines are held back while a quoted
        cell is open (an odd number of `"` so far), so a record over ROW_LIMIT can be
        skipped to its end and the reader always starts afresh on a record boundary."""
        nonlocal too_long
        held: list[str] = []
        size = 0
        quoted = skipping = False
        for line in source.lines:
            if line is None:  # a physical line over the limit ends its record
                too_long, quoted, skipping = True, False, False
                held.clear()
                size = 0
                yield "\n"
                continue
            text = line.decode("utf-8", "replace")
            if text.count('"') % 2:
                quoted = not quoted
            if skipping:
                if not quoted:
                    skipping, too_long = False, True
                    yield "\n"
                continue
            held.append(text + "\n")
            size += len(line) + 1
            if size > ROW_LIMIT:
                held.clear()
                size = 0
                if quoted:
                    skipping = True
                else:
                    too_long = True
                    yield "\n"
                continue
            if not quoted:
                yield held[0] if len(held) == 1 else "".join(held)
                held.clear()
                size = 0
        if skipping:
            too_long = True
            yield "\n"
        elif held:  # a quote never closed: the reader takes it as it is
            yield "".join(held)

    reader = csv.reader(text_lines())
    saved = csv.field_size_limit(ROW_LIMIT)
    try:
        number = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # the reader starts afresh on the next line
                number += 1
                too_long = False
                yield number, f"not valid CSV: {exc}"
                continue
            if too_long:
                too_long = False
                number += 1
                yield number, _TOO_LONG
                continue
            if not cells:  # a blank line is not a row
                continue
            number += 1
            row_id: RowId = number
            if 0 <= id_at < len(cells) and cells[id_at].strip():
                row_id = cells[id_at].strip()
            if len(cells) != width:
                yield row_id, f"row has {len(cells)} cells, the header has {width}"
                continue
            raw: dict[str, Any] = {}
            for name, cell in zip(names, cells, strict=True):
                cell = cell.strip()
                if not cell or name == "id":  # an empty cell means "use the default"
                    continue
                if name in ("interests", "skills"):  # lists: ids separated by ";"
                    items = [i.strip() for i in cell.split(";")]
                    raw[name] = [i for i in items if i]
                elif name in ("years", "hours_per_week"):  # whole numbers
                    raw[name] = _csv_years(cell)
                else:
                    raw[name] = cell
            yield row_id, raw
    finally:
        csv.field_size_limit(saved)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large for a number")
    return value


_decode_json = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float).decode


def _parse_jsonl(line: bytes, number: int) -> tuple[RowId, dict[str, Any] | str]:
    """The slow path's reading of one line (strict JSON: no NaN, no Infinity)."""
    try:
        obj = _decode_json(line.decode("utf-8"))
    except UnicodeDecodeError:
        return number, "not UTF-8 text; save the file as UTF-8"
    except json.JSONDecodeError as exc:
        at = len(exc.doc.rstrip())
        where = "at the end of the line" if exc.pos >= at else f"at character {exc.pos + 1}"
        return number, f"not valid JSON: {exc.msg} ({where})"
    except RecursionError:
        return number, "not valid JSON: nested too deeply"
    except ValueError as exc:  # a number too long to convert, NaN, Infinity
        text = str(exc)
        if "integer string conversion" in text:
            text = f"a number has more than {sys.get_int_max_str_digits():,} digits"
        return number, f"not valid JSON: {text}"
    if type(obj) is not dict:
        return number, f"expected a JSON object with the profile's fields, got {_kind(obj)}"
    return obj.pop("id", number), obj


def _kind(value: object) -> str:
    names = {
        list: "a list",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true/false",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


# --- scoring ---------------------------------------------------------------------------------


_LABEL = "row"


def _error_text(raw: dict[str, Any], exc: ValidationError) -> str:
    """One line: `interests[1]: Input should be 'building-products', ... (got 'x')`; ...

    The wording is the quiz's for answers files (`aicareer.profile.parse_profile`), without
    the file name: the row's id is in its own column. Only invalid rows get here.
    """
    from aicareer.data import validation_lines
    from aicareer.profile import parse_profile

    try:
        parse_profile(raw, _LABEL)
    except AicareerError as err:
        lines = err.lines
    else:  # cannot happen: the same validation just failed; keep pydantic's own words
        lines = validation_lines(_LABEL, exc)
    return "; ".join(line[len(_LABEL) + 2 :] for line in lines)


#: The per-role output fields, in order: JSONL keys (with the role's display name after
#: `role`); the first CSV_ROLE_FIELDS of them are also CSV columns `{field}_{i}`.
ROLE_FIELDS: tuple[str, ...] = (
    "role",
    "score",
    "band",
    "timeline",
    "fit",
    "readiness",
    "status",
)
CSV_ROLE_FIELDS = 4
#: Per-row output fields after the roles (JSONL only), in order.
ROW_FIELDS: tuple[str, ...] = ("no_clear_fit",)


def _row_fields(ranking: Ranking, top: int) -> tuple[list[tuple[Any, ...]], tuple[Any, ...]]:
    """The one place that turns a Ranking into output: per role the ROLE_FIELDS values,
    then the ROW_FIELDS values."""
    roles = [
        (
            r.role_id,
            r.score,
            r.band,
            r.timeline,
            r.fit,
            r.readiness.score,
            "now" if r.ready else "later",
        )
        for r in ranking.recommendations[:top]
    ]
    return roles, (ranking.no_clear_fit,)


# --- writing ---------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    """One CSV cell, quoted when needed, and safe to open in a spreadsheet.

    A cell starting with = + - @ tab or CR would be run as a formula by Excel, LibreOffice
    or Google Sheets (CSV injection): it gets a leading `'`, as OWASP advises, which the
    spreadsheet shows as text. None is an empty cell.
    """
    if value is None:
        return ""
    text = value if type(value) is str else str(value) if type(value) is int else _dumps(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    if '"' in text or "," in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Format:
    """How result rows are written; each ok row is `head(id) + fragment`, where the fragment
    (everything after the id) is made once per distinct result."""

    #: How the encoder handles a lone surrogate (from a JSONL id or value): see subclasses.
    errors = "strict"

    def __init__(self, top: int, names: dict[str, str]) -> None:
        self.top = top
        self.names = names
        self._roles: dict[tuple[Any, ...], str] = {}

    def role(self, fields: tuple[Any, ...]) -> str:
        found = self._roles.get(fields)
        if found is None:
            if len(self._roles) >= _MEMO_LIMIT:
                self._roles.clear()
            found = self._roles[fields] = self._role(fields)
        return found

    def _role(self, fields: tuple[Any, ...]) -> str:
        raise NotImplementedError

    def header(self) -> str:
        return ""

    def head(self, row_id: RowId) -> str:
        """The start of an ok row, for an id the fast path decoded."""
        raise NotImplementedError

    def any_head(self, row_id: RowId) -> str:
        """The start of an ok row, for any id (the slow path's: lists, lone surrogates)."""
        return self.head(row_id)

    def fragment(self, roles: list[tuple[Any, ...]], row: tuple[Any, ...]) -> str:
        raise NotImplementedError

    def error(self, row_id: RowId, message: str) -> str:
        raise NotImplementedError


class _CsvFormat(_Format):
    """`id,ok,role_1,score_1,band_1,timeline_1,...,role_N,...,timeline_N,error`.

    Lone surrogates cannot be encoded in UTF-8: they are written as `?`.
    """

    errors = "replace"

    def header(self) -> str:
        cols = ["id", "ok"]
        for i in range(1, self.top + 1):
            cols += [f"{name}_{i}" for name in ROLE_FIELDS[:CSV_ROLE_FIELDS]]
        return ",".join([*cols, "error"]) + "\n"

    def _role(self, fields: tuple[Any, ...]) -> str:
        return ",".join(csv_cell(v) for v in fields[:CSV_ROLE_FIELDS])

    def head(self, row_id: RowId) -> str:
        return csv_cell(row_id)

    def fragment(self, roles: list[tuple[Any, ...]], row: tuple[Any, ...]) -> str:
        cells = [self.role(f) for f in roles]
        blank = "," * (CSV_ROLE_FIELDS - 1)
        cells += [blank] * (self.top - len(roles))
        return ",true," + ",".join(cells) + ",\n"

    def error(self, row_id: RowId, message: str) -> str:
        blanks = "," * (CSV_ROLE_FIELDS * self.top)
        return f"{csv_cell(row_id)},false,{blanks}{csv_cell(message)}\n"


class _JsonlFormat(_Format):
    """`{"id": ..., "ok": true, "recommendations": [{role, name, score, ...}], "no_clear_fit": ...}`
    or `{"id": ..., "ok": false, "error": "..."}`; keys in this order, UTF-8.

    A lone surrogate (from a JSON `\\ud800` escape) is written back as that escape, so
    every line stays valid JSON and UTF-8.
    """

    errors = "backslashreplace"

    def __init__(self, top: int, names: dict[str, str]) -> None:
        super().__init__(top, names)
        self._encode = msgspec.json.encode

    def _role(self, fields: tuple[Any, ...]) -> str:
        record = dict(zip(ROLE_FIELDS, fields, strict=True))
        record = {"role": record["role"], "name": self.names.get(record["role"], record["role"])}
        record.update(zip(ROLE_FIELDS[1:], fields[1:], strict=True))
        return _dumps(record)

    def head(self, row_id: RowId) -> str:
        if type(row_id) is int:
            return f'{{"id": {row_id}'
        if type(row_id) is str:
            return '{"id": ' + self._encode(row_id).decode()
        return '{"id": ' + _dumps(row_id)

    def any_head(self, row_id: RowId) -> str:
        return '{"id": ' + _dumps(row_id)

    def fragment(self, roles: list[tuple[Any, ...]], row: tuple[Any, ...]) -> str:
        extra = "".join(f', "{k}": {_dumps(v)}' for k, v in zip(ROW_FIELDS, row, strict=True))
        recs = ", ".join(map(self.role, roles))
        return f', "ok": true, "recommendations": [{recs}]{extra}}}\n'

    def error(self, row_id: RowId, message: str) -> str:
        return _dumps({"id": row_id, "ok": False, "error": message}) + "\n"


class _Scorer:
    """Turns rows into output lines: the memo, the engine call and the formats."""

    def __init__(self, engine: Engine, fmt: _Format, top: int) -> None:
        self.rank = engine.rank
        self.fmt = fmt
        self.head = fmt.head
        self.top = top
        self.memo: dict[_Key, str] = {}

    def result(self, key: _Key, profile: Profile | None) -> str | None:
        """The ok fragment for this profile (None: repeated interests, an error row)."""
        if profile is None:
            if len(set(key[2])) != len(key[2]):
                return None  # pydantic words the error
            background, years, interests, company, coding, region = key
            profile = Profile(background, years, list(interests), company, coding, region)
        memo = self.memo
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        found = memo[key] = self.fmt.fragment(*_row_fields(self.rank(profile), self.top))
        return found

    def slow(self, row_id: RowId, raw: dict[str, Any] | str) -> tuple[str, bool]:
        """The line for a row the fast path refused: pydantic validates it."""
        fmt = self.fmt
        if isinstance(raw, str):
            return fmt.error(row_id, raw), False
        try:
            profile = validate(Profile, raw)
        except ValidationError as exc:
            return fmt.error(row_id, _error_text(raw, exc)), False
        except RecursionError:
            return fmt.error(row_id, "a value is nested too deeply"), False
        key = _key_of(profile)
        frag = self.memo.get(key) or self.result(key, profile)
        assert frag is not None  # validated: no repeated interests
        return fmt.any_head(row_id) + frag, True


def run(
    engine: Engine,
    names: dict[str, str],
    source: Input,
    out: Path,
    top: int = 3,
    out_fmt: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Score every row of `source` into `out`; see the module docstring for the guarantees.

    `names` maps role ids to display names (JSONL output). `out_fmt` defaults to the
    extension of `out` (for `-`: the input's format). `progress(rows_done, bytes_read)` is
    called every FLUSH_EVERY rows and at the end.
    """
    if out_fmt is None:
        out_fmt = source.fmt if str(out) == STDIO else format_for(out, "output")
    fmt: _Format = (_CsvFormat if out_fmt == "csv" else _JsonlFormat)(top, names)
    scorer = _Scorer(engine, fmt, top)
    rows = scored = 0
    # The overwrite check was made before the data loaded (commands/batch.py): not again,
    # so an interactive "replace it?" is asked once.
    with open_output(out, force=True, binary=True) as fh:
        encoding, errors = "utf-8", fmt.errors
        write = fh.write
        write(fmt.header().encode(encoding, errors))
        buffer: list[str] = []
        for line, ok in (
            _jsonl_results(source.lines, 0, scorer)
            if source.fmt == "jsonl"
            else _csv_results(source, scorer)
        ):
            buffer.append(line)
            scored += ok
            rows += 1
            if rows % FLUSH_EVERY == 0:
                write("".join(buffer).encode(encoding, errors))
                buffer.clear()
                if progress is not None:
                    progress(rows, source.done)
        write("".join(buffer).encode(encoding, errors))
    if progress is not None:
        progress(rows, source.done)
    return Summary(rows=rows, scored=scored, errors=rows - scored, out=out)


_Out = Iterator[tuple[str, bool]]


def _jsonl_results(lines: Iterable[bytes | None], start: int, scorer: _Scorer) -> _Out:
    """Output lines for JSONL input lines; `start` is the number of rows before them."""
    decode = msgspec.json.Decoder(_Row).decode
    unset = msgspec.UNSET
    memo, result, slow, head = scorer.memo, scorer.result, scorer.slow, scorer.head
    number = start
    for line in lines:
        number += 1
        if line is None:
            yield slow(number, _TOO_LONG)
            continue
        try:
            row = decode(line)
        except _FAST_ERRORS:
            if not line.strip():  # a blank line is not a row
                number -= 1
                continue
            yield slow(*_parse_jsonl(line, number))
            continue
        key = (row.background, row.years, row.interests, row.company, row.coding, row.region)
        frag = memo.get(key) or result(key, None)
        row_id = number if row.id is unset else row.id
        if frag is None:
            yield slow(*_parse_jsonl(line, number))
        else:
            yield head(row_id) + frag, True


def _csv_results(source: Input, scorer: _Scorer) -> _Out:
    convert = msgspec.convert
    memo, result, slow, head = scorer.memo, scorer.result, scorer.slow, scorer.head
    for row_id, raw in _csv_rows(source):
        if isinstance(raw, str):
            yield slow(row_id, raw)
            continue
        try:
            row = convert(raw, _Row)
        except msgspec.ValidationError:
            yield slow(row_id, raw)
            continue
        key = _key(row)
        frag = memo.get(key) or result(key, None)
        if frag is None:
            yield slow(row_id, raw)
        else:
            yield head(row_id) + frag, True
