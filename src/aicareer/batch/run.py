"""Score a cohort: many profiles in, one result row per profile out, streamed.

The core of `aicareer batch` (the command in `aicareer/commands/batch.py` only parses
options and prints the summary). No rich, no questionary, no typer.

* Input is CSV (a header row; `interests` as `;`-separated ids) or JSONL (one JSON object
  per line), chosen by the file's extension, or for `-` (stdin) and other streams without
  a known extension by the first character (`{`: JSONL, else CSV). Each row carries the
  answers-file fields (`aicareer.records.models.Profile`) and an optional `id`.
* The input is read once, front to back, in chunks: a FIFO or a pipe works like a file.
* Every row is validated as an answers file is. Well-formed rows take a fast path (msgspec
  decodes and checks them in one pass); any row it refuses goes through the answers file's
  own validation (`models.validate(Profile, ...)`), so an error names the field and the
  expected values in exactly the words `quiz --answers` uses.
* A bad row is never dropped and never stops the run: it becomes an error row in its place.
  That includes rows the parsers themselves choke on: numbers too long to convert, values
  nested too deep, lone surrogates, NaN/Infinity, lines or cells over ROW_LIMIT.
* A profile is ranked once per run: results are remembered by the answers as given and as
  the engine sees them (both bounded), and built from the engine's parts.
* Rows are read, scored and written a block at a time: memory does not grow with the input.
* Output goes to a temporary file beside the final one and is moved into place with
  `os.replace` only when every row is written; on any error, Ctrl-C or SIGTERM (any
  BaseException) the temporary file is deleted, so the output path holds either the old
  file or the complete new one. `--out -` writes straight to stdout.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import msgspec

from aicareer.fsutil import open_output
from aicareer.records.models import Profile, validate

if TYPE_CHECKING:
    from pydantic import ValidationError

    from aicareer.engine.ranker import Engine


from aicareer.batch import parts
from aicareer.batch.parts import Report, Write
from aicareer.batch.read import (  # noqa: F401  (batch's public names live here too)
    _FAST_ERRORS,
    _TOO_LONG,
    COLUMNS,
    FIELDS,
    FORMATS,
    REQUIRED,
    ROW_LIMIT,
    STDIO,
    Input,
    RowId,
    _Key,
    _key,
    _key_of,
    _Lines,
    _Row,
    format_for,
    input_format,
    open_input,
)
from aicareer.batch.rows import _csv_rows, _parse_jsonl
from aicareer.batch.write import (  # noqa: F401
    _MEMO_LIMIT,
    CSV_ROLE_FIELDS,
    FLUSH_EVERY,
    ROLE_FIELDS,
    ROW_FIELDS,
    Fragment,
    _CsvFormat,
    _Format,
    _JsonlFormat,
    csv_cell,
)

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ROLE_FIELDS",
    "ROW_LIMIT",
    "STDIO",
    "Input",
    "Summary",
    "csv_cell",
    "format_for",
    "input_format",
    "open_input",
    "run",
]


@dataclass(frozen=True, slots=True)
class Summary:
    rows: int
    scored: int
    errors: int
    out: Path

    def line(self) -> str:
        """`12 rows: 11 scored, 1 with errors -> out.csv` (`1,000,000 rows: ...`, as the
        progress bar counts them)."""
        rows = "1 row" if self.rows == 1 else f"{self.rows:,} rows"
        errors = "1 with errors" if self.errors == 1 else f"{self.errors:,} with errors"
        where = "stdout" if str(self.out) == STDIO else str(self.out)
        return f"{rows}: {self.scored:,} scored, {errors} -> {where}"

    def as_dict(self) -> dict[str, Any]:
        """The summary for `--json`."""
        return {
            "rows": self.rows,
            "scored": self.scored,
            "errors": self.errors,
            "out": str(self.out),
        }


# --- scoring ---------------------------------------------------------------------------------


_LABEL = "row"


def _error_text(exc: ValidationError) -> str:
    """One line: `interests[1]: Input should be 'building-products', ... (got 'x')`; ...

    The wording is the quiz's for answers files (`aicareer.records.profile.parse_profile` words
    the same error the same way), without the file name: the row's id is in its own
    column. Only invalid rows get here.
    """
    from aicareer.records.profile import error_lines

    return "; ".join(line[len(_LABEL) + 2 :] for line in error_lines(_LABEL, exc))


class _Scorer:
    """Turns rows into output lines: the memo, the cohort ranker and the formats."""

    def __init__(self, engine: Engine, fmt: _Format, top: int) -> None:
        from aicareer.batch.cohort import Cohort

        self.fmt = fmt
        self.head = fmt.head
        self.cohort = Cohort(engine, top, fmt.role_record, fmt.fragment)
        #: The answers as given -> fragment (exact repeats); the cohort remembers results
        #: by the answers as the engine sees them.
        self.memo: dict[_Key, Fragment] = {}

    def result(self, key: _Key, profile: Profile | None) -> Fragment | None:
        """The ok fragment for this profile (None: repeated interests, an error row)."""
        found = self.cohort.result(*key)
        if found is not None:
            memo = self.memo
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = found
        return found

    def slow(self, row_id: RowId, raw: dict[str, Any] | str) -> tuple[bytes, bool]:
        """The line for a row the fast path refused: pydantic validates it."""
        fmt = self.fmt
        if isinstance(raw, str):
            return fmt.error(row_id, raw), False
        from pydantic_core import ValidationError  # imported once, by the first row that needs it

        try:
            profile = validate(Profile, raw)
        except ValidationError as exc:
            return fmt.error(row_id, _error_text(exc)), False
        except RecursionError:
            return fmt.error(row_id, "a value is nested too deeply"), False
        key = _key_of(profile)
        frag = self.memo.get(key) or self.result(key, profile)
        assert frag is not None  # validated: no repeated interests
        return fmt.any_head(row_id) + b"".join(frag), True


def run(
    engine: Engine,
    names: dict[str, str],
    source: Input,
    out: Path,
    top: int = 3,
    out_fmt: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    min_part: int | None = None,
) -> Summary:
    """Score every row of `source` into `out`; see the module docstring for the guarantees.

    `names` maps role ids to display names (JSONL output). `out_fmt` defaults to the
    extension of `out` (for `-`: the input's format). `progress(rows_done, bytes_read)` is
    called after every block read (CSV: every FLUSH_EVERY rows) and at the end. A regular
    JSONL file is scored by up to `jobs` processes, in parts of at least `min_part` bytes
    (batch/parts.py).
    """
    if out_fmt is None:
        out_fmt = source.fmt if str(out) == STDIO else format_for(out, "output")
    fmt: _Format = (_CsvFormat if out_fmt == "csv" else _JsonlFormat)(top, names)
    scorer = _Scorer(engine, fmt, top)
    rows = scored = 0
    # The overwrite check was made before the data loaded (commands/batch.py): not again,
    # so an interactive "replace it?" is asked once.
    with open_output(out, force=True, binary=True) as fh:
        write = fh.write
        write(fmt.header())
        if source.fmt == "jsonl":
            tmp_dir = None if str(out) == STDIO else out.parent
            rows, scored, done = _jsonl(source, scorer, fh, progress, jobs, min_part, tmp_dir)
        else:
            buffer: list[bytes] = []
            for line, ok in _csv_results(source, scorer):
                buffer.append(line)
                scored += ok
                rows += 1
                if rows % FLUSH_EVERY == 0:
                    write(b"".join(buffer))
                    buffer.clear()
                    if progress is not None:
                        progress(rows, source.done)
            write(b"".join(buffer))
            done = source.done
    if progress is not None:
        progress(rows, done)
    return Summary(rows=rows, scored=scored, errors=rows - scored, out=out)


def _jsonl(
    source: Input,
    scorer: _Scorer,
    fh: IO[bytes],
    progress: Callable[[int, int], None] | None,
    jobs: int,
    min_part: int | None,
    tmp_dir: Path | None,
) -> tuple[int, int, int]:
    """Score a JSONL input, in parts when it is a big regular file: (rows, scored, bytes)."""

    def score(lines: _Lines, before: int, write: Write, report: Report | None) -> tuple[int, int]:
        rows = scored = 0
        for block in lines.blocks():
            data, n, ok = _score_block(block, before + rows, scorer)
            write(data)
            rows += n
            scored += ok
            if report is not None:
                report(rows, lines.done)
        return rows, scored

    fd, size = source.fd, source.size
    starts = [0]
    if jobs > 1 and fd is not None and size is not None and hasattr(os, "fork"):
        starts = parts.cuts(fd, size, jobs, parts.MIN_PART if min_part is None else min_part)
        starts[0] = source.start  # after a byte order mark
    if len(starts) == 1:
        rows, scored = score(source.lines, 0, fh.write, progress)
        return rows, scored, source.done
    assert fd is not None and size is not None
    name = str(source.path)
    spans = list(zip(starts, [*starts[1:], size], strict=True))
    helpers: dict[int, parts.Helper] = {}
    try:
        for k, (start, end) in enumerate(spans[1:], 1):
            try:
                helpers[k] = parts.Helper(fd, (source.start, start, end), name, score, tmp_dir)
            except OSError:  # no process or temporary file to be had: the rest is ours
                break

        def report(rows: int, done: int) -> None:
            assert progress is not None
            for helper in helpers.values():
                more, read = helper.progress()
                rows, done = rows + more, done + read
            progress(rows, done)

        rows = scored = 0
        for k, (start, end) in enumerate(spans):
            helper = helpers.get(k)
            got = None if helper is None else helper.finish(rows)
            if got is None:  # the first part, or a helper's that failed: scored here
                lines = parts.lines_of(fd, start, end, name)
                got = score(lines, rows, fh.write, report if progress and k == 0 else None)
            else:
                assert helper is not None
                helper.copy_to(fh)
            rows, scored = rows + got[0], scored + got[1]
    finally:
        for helper in helpers.values():
            helper.close()
    return rows, scored, size


_Out = Iterator[tuple[bytes, bool]]


def _score_block(lines: list[bytes | None], start: int, scorer: _Scorer) -> tuple[bytes, int, int]:
    """The output for a block of JSONL lines: (encoded, rows, rows scored). `start` is the
    number of rows before the block (a row without an id is numbered)."""
    decode = msgspec.json.Decoder(_Row).decode
    unset = msgspec.UNSET
    memo_get = scorer.memo.get
    result, slow, head = scorer.result, scorer.slow, scorer.head
    out: list[bytes] = []
    add, extend = out.append, out.extend
    number = start
    scored = 0
    for line in lines:
        number += 1
        if line is None:
            text, ok = slow(number, _TOO_LONG)
            add(text)
            continue
        try:
            row = decode(line)
        except _FAST_ERRORS:
            if not line.strip():  # a blank line is not a row
                number -= 1
                continue
            text, ok = slow(*_parse_jsonl(line, number))
            add(text)
            scored += ok
            continue
        key = _key(row)
        frag = memo_get(key) or result(key, None)
        if frag is None:
            text, ok = slow(*_parse_jsonl(line, number))
            add(text)
            scored += ok
        else:
            add(head(number if row.id is unset else row.id))
            extend(frag)
            scored += 1
    return b"".join(out), number - start, scored


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
            yield head(row_id) + b"".join(frag), True
