"""Score a cohort: many profiles in, one result row per profile out, streamed.

The core of `aicareer batch` (the command in `aicareer/commands/batch.py` only parses
options and prints the summary). No rich, no questionary, no typer.

* Input is CSV (a header row; `interests` as `;`-separated ids) or JSONL (one JSON object
  per line), chosen by the file's extension. Each row carries the answers-file fields
  (`aicareer.models.Profile`) and an optional `id`.
* Every row is validated exactly as an answers file is (`models.validate(Profile, ...)`), so a
  row's error names the field and the expected values the way `quiz --answers` does.
* A bad row is never dropped and never stops the run: it becomes an error row.
* Rows are read, scored and written one at a time: memory does not grow with the input.
  Output goes to a temporary file beside the final one and is moved into place with
  `os.replace` only when every row is written; on any error or Ctrl-C the temporary file
  is deleted, so the output path holds either the old file or the complete new one.
"""

from __future__ import annotations

import csv
import difflib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pydantic import ValidationError

from aicareer.data import validation_lines
from aicareer.errors import AicareerError, ExitCode, input_error
from aicareer.fsutil import atomic_writer
from aicareer.models import Profile, adapter, validate

if TYPE_CHECKING:
    from aicareer.engine import Engine, Ranking
    from aicareer.engine import RoleResult as Recommendation

__all__ = [
    "COLUMNS",
    "FORMATS",
    "Summary",
    "format_for",
    "read_rows",
    "run",
    "score_row",
]

#: File extension -> format. Input and output use the same table.
FORMATS: dict[str, str] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
#: The profile fields, in the answers file's order, then the optional id.
FIELDS: tuple[str, ...] = Profile._fields
COLUMNS: tuple[str, ...] = ("id", *FIELDS)
REQUIRED: tuple[str, ...] = tuple(f for f in FIELDS if f not in Profile._field_defaults)
#: Call the progress callback after this many rows.
PROGRESS_EVERY = 1024
#: How many formatted recommendations to keep (bounded, so memory stays flat).
_FORMAT_CACHE_LIMIT = 1 << 14

#: A row as read: its id and either the raw fields (to validate) or why it could not be read.
RawRow = tuple[Any, "dict[str, Any] | str"]


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
        return f"{rows}: {self.scored} scored, {errors} -> {self.out}"


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


# --- reading ----------------------------------------------------------------------------------


def _open_input(path: Path, binary: bool) -> IO[Any]:
    try:
        if binary:
            return open(path, "rb")  # closed by read_rows()
        # utf-8-sig: spreadsheets often start a CSV with a byte-order mark. A byte that is not
        # UTF-8 becomes U+FFFD, so the cell it is in fails validation on that row only.
        return open(path, encoding="utf-8-sig", errors="replace", newline="")
    except FileNotFoundError:
        raise input_error(f"{path}: file not found") from None
    except IsADirectoryError:
        raise input_error(f"{path}: is a folder, expected a CSV or JSONL file") from None
    except OSError as exc:
        raise input_error(f"{path}: cannot read: {exc.strerror}") from None


def _check_header(path: Path, header: list[str]) -> list[str]:
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
    """A whole number becomes an int; anything else stays text for validation to reject."""
    digits = cell[1:] if cell.startswith("-") else cell
    if digits.isascii() and digits.isdigit():
        return int(cell)
    return cell


def _csv_rows(path: Path, fh: IO[str]) -> Iterator[RawRow]:
    reader = csv.reader(fh)
    try:
        header = next(reader)
    except StopIteration:
        raise input_error(
            f"{path}: empty file; expected a header row with: {', '.join(COLUMNS)}"
        ) from None
    except csv.Error as exc:
        raise input_error(f"{path}: not valid CSV: {exc}") from None
    names = _check_header(path, header)
    width = len(names)
    id_at = names.index("id") if "id" in names else -1
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except OSError as exc:
            raise input_error(f"{path}: cannot read: {exc.strerror}") from None
        except csv.Error as exc:
            # The csv module cannot resync after this (e.g. a NUL byte): stop here.
            raise input_error(f"{path}: line {reader.line_num}: not valid CSV: {exc}") from None
        if not cells:  # a blank line is not a row
            continue
        number += 1
        row_id: Any = number
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
            if name == "interests":
                items = [i.strip() for i in cell.split(";")]
                raw[name] = [i for i in items if i]
            elif name == "years":
                raw[name] = _csv_years(cell)
            else:
                raw[name] = cell
        yield row_id, raw


def _jsonl_rows(path: Path, fh: IO[bytes]) -> Iterator[RawRow]:
    try:
        yield from _jsonl_lines(fh)
    except OSError as exc:
        raise input_error(f"{path}: cannot read: {exc.strerror}") from None


def _jsonl_lines(fh: IO[bytes]) -> Iterator[RawRow]:
    loads = json.loads
    number = 0
    for line in fh:
        if not line.strip():  # a blank line is not a row
            continue
        number += 1
        try:
            obj = loads(line)
        except UnicodeDecodeError:
            yield number, "not UTF-8 text; save the file as UTF-8"
            continue
        except json.JSONDecodeError as exc:
            at = len(exc.doc.rstrip())
            where = "at the end of the line" if exc.pos >= at else f"at character {exc.pos + 1}"
            yield number, f"not valid JSON: {exc.msg} ({where})"
            continue
        except ValueError as exc:  # e.g. a number too long to convert
            yield number, f"not valid JSON: {exc}"
            continue
        if type(obj) is not dict:
            yield number, f"expected a JSON object with the profile's fields, got {_kind(obj)}"
            continue
        yield obj.pop("id", number), obj


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


@contextmanager
def read_rows(path: Path) -> Iterator[Iterator[RawRow]]:
    """Open the input and check what can be checked up front (a CSV's header).

    Raises AicareerError (exit 4) for a missing file or a bad header before any output is
    created; row-level problems come out of the iterator as error strings.
    """
    fmt = format_for(path, "input")
    fh = _open_input(path, binary=fmt == "jsonl")
    try:
        if fmt == "csv":
            rows = _csv_rows(path, fh)
            first = next(rows, None)  # runs the header check now
            yield _chain(first, rows)
        else:
            yield _jsonl_rows(path, fh)
    finally:
        fh.close()


def _chain(first: RawRow | None, rest: Iterator[RawRow]) -> Iterator[RawRow]:
    if first is None:
        return
    yield first
    yield from rest


# --- scoring ----------------------------------------------------------------------------------


_LABEL = "row"


def _error_text(raw: dict[str, Any], exc: ValidationError) -> str:
    """One line: `interests[1]: Input should be 'building-products', ... (got 'x')`; ...

    The wording is the quiz's for answers files (`aicareer.profile.parse_profile`), without
    the file name: the row's id is in its own column. Only invalid rows get here.
    """
    from aicareer.profile import parse_profile

    try:
        parse_profile(raw, _LABEL)
    except AicareerError as err:
        lines = err.lines
    else:  # cannot happen: the same validation just failed; keep pydantic's own words
        lines = validation_lines(_LABEL, exc)
    return "; ".join(line[len(_LABEL) + 2 :] for line in lines)


def score_row(engine: Engine, raw: dict[str, Any] | str) -> Ranking | str:
    """The row's ranking, or its error as one line."""
    if isinstance(raw, str):
        return raw
    try:
        profile = validate(Profile, raw)
    except ValidationError as exc:
        return _error_text(raw, exc)
    return engine.rank(profile)


# --- writing ----------------------------------------------------------------------------------


class _Writer:
    """Formats result rows.

    The engine hands out the same Recommendation object for every profile whose rules
    for that role fired alike, so each one's formatted cells are made once and then looked
    up by identity (the cached entry keeps the object alive, so an id is never reused
    while its entry exists). The cache is bounded: memory stays flat.
    """

    def __init__(self, fh: IO[str], top: int, names: dict[str, str]) -> None:
        self.fh = fh
        self.top = top
        self.names = names
        self._cache: dict[int, tuple[Recommendation, Any]] = {}

    def _cells(self, rec: Recommendation) -> Any:
        hit = self._cache.get(id(rec))
        if hit is not None and hit[0] is rec:
            return hit[1]
        value = self._format(rec)
        if len(self._cache) >= _FORMAT_CACHE_LIMIT:
            self._cache.clear()
        self._cache[id(rec)] = (rec, value)
        return value

    def _format(self, rec: Recommendation) -> Any:
        raise NotImplementedError

    def header(self) -> None:
        pass

    def ok(self, row_id: Any, ranking: Ranking) -> None:
        raise NotImplementedError

    def error(self, row_id: Any, message: str) -> None:
        raise NotImplementedError


class _CsvWriter(_Writer):
    """`id,ok,role_1,score_1,band_1,timeline_1,...,role_N,...,timeline_N,error`."""

    def __init__(self, fh: IO[str], top: int, names: dict[str, str]) -> None:
        super().__init__(fh, top, names)
        self.writerow = csv.writer(fh, lineterminator="\n").writerow
        self.blank = ("",) * 4

    def header(self) -> None:
        cols = ["id", "ok"]
        for i in range(1, self.top + 1):
            cols += [f"role_{i}", f"score_{i}", f"band_{i}", f"timeline_{i}"]
        self.writerow([*cols, "error"])

    def _format(self, rec: Recommendation) -> tuple[str, int, str, str]:
        return (rec.role_id, rec.score, rec.band, rec.timeline or "")

    def ok(self, row_id: Any, ranking: Ranking) -> None:
        row: list[Any] = [row_id, "true"]
        cells = self._cells
        recs = ranking.recommendations[: self.top]
        for rec in recs:
            row += cells(rec)
        for _ in range(self.top - len(recs)):
            row += self.blank
        row.append("")
        self.writerow(row)

    def error(self, row_id: Any, message: str) -> None:
        self.writerow([row_id, "false", *self.blank * self.top, message])


class _JsonlWriter(_Writer):
    """`{"id": ..., "ok": true, "recommendations": [{role, name, score, band, timeline}]}`
    or `{"id": ..., "ok": false, "error": "..."}`; keys in this order, UTF-8."""

    def _format(self, rec: Recommendation) -> str:
        return _dumps(
            {
                "role": rec.role_id,
                "name": self.names.get(rec.role_id, rec.role_id),
                "score": rec.score,
                "band": rec.band,
                "timeline": rec.timeline,
                "fit": rec.fit,
                "readiness": rec.readiness.score,
                "status": "now" if rec.ready else "later",
            }
        )

    def ok(self, row_id: Any, ranking: Ranking) -> None:
        cells = self._cells
        recs = ", ".join([cells(rec) for rec in ranking.recommendations[: self.top]])
        ident = str(row_id) if type(row_id) is int else _dumps(row_id)
        extra = f', "no_clear_fit": {"true" if ranking.no_clear_fit else "false"}'
        self.fh.write(f'{{"id": {ident}, "ok": true, "recommendations": [{recs}]{extra}}}\n')

    def error(self, row_id: Any, message: str) -> None:
        self.fh.write(_dumps({"id": row_id, "ok": False, "error": message}) + "\n")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def run(
    engine: Engine,
    names: dict[str, str],
    source: Path,
    out: Path,
    top: int = 3,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Score every row of `source` into `out`; see the module docstring for the guarantees.

    `names` maps role ids to display names (JSONL output). `progress(rows_done)` is called
    every PROGRESS_EVERY rows when given.
    """
    out_fmt = format_for(out, "output")
    format_for(source, "input")
    if out.resolve() == source.resolve():
        raise AicareerError(
            f"{out}: the output would replace the input; choose another --out", ExitCode.USAGE
        )
    rows = scored = 0
    with read_rows(source) as reader, atomic_writer(out) as fh:
        writer = (_CsvWriter if out_fmt == "csv" else _JsonlWriter)(fh, top, names)
        writer.header()
        rank = engine.rank
        validate = adapter(Profile).validate_python
        ok, error = writer.ok, writer.error
        for row_id, raw in reader:
            rows += 1
            if isinstance(raw, str):
                error(row_id, raw)
            else:
                try:
                    profile = validate(raw)
                except ValidationError as exc:
                    error(row_id, _error_text(raw, exc))
                else:
                    ok(row_id, rank(profile))
                    scored += 1
            if progress is not None and rows % PROGRESS_EVERY == 0:
                progress(rows)
    if progress is not None:
        progress(rows)
    return Summary(rows=rows, scored=scored, errors=rows - scored, out=out)
