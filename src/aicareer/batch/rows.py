"""Batch rows: a CSV row's cells as an answers file's fields, and a JSONL line the fast
path refused, parsed again for its error. Part of `aicareer batch` (see docs/batch.md);
reading the input itself is `read.py`.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Iterator
from typing import Any

from aicareer.batch.read import _TOO_LONG, ROW_LIMIT, Input, RowId


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
