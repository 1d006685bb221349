"""Batch output: the per-role fields of a result row, and the CSV and JSONL writers
(spreadsheet-safe CSV cells, strict JSON). Part of `aicareer batch` (see batch.py).
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from aicareer.batch.read import RowId

#: Write the output (and report progress) after this many rows.
FLUSH_EVERY = 1024
#: How many results to keep by the answers exactly as given: bounded, so memory stays
#: flat. The texts are shared with the reduced memo below, so 8,192 keys take ~2 MiB; on
#: a cohort of 2,000 kinds of answers this took a fifth off the time of 1,024.
_MEMO_LIMIT = 1 << 13
#: How many distinct role records (one role's fields, about 200 bytes) to keep.
_ROLE_LIMIT = 1 << 14
#: The first characters of a cell that a spreadsheet would run as a formula (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


# --- writing ---------------------------------------------------------------------------------

#: An ok row after its id, as encoded pieces: b"".join(fragment) is the text.
Fragment = tuple[bytes, ...]
#: One role's record, encoded twice: as the first in its row (after the row's opening)
#: and as any later one (after the separator), so a fragment is one piece per role.
Record = tuple[bytes, bytes]


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
    """How result rows are written, as bytes; each ok row is `head(id) + fragment`, where
    the fragment (everything after the id) is made once per distinct result."""

    #: How the encoder handles a lone surrogate (from a JSONL id or value): see subclasses.
    errors = "strict"
    #: What comes between the id and the first role's record, and between two records.
    opening = ""
    separator = ""

    def __init__(self, top: int, names: dict[str, str]) -> None:
        self.top = top
        self.names = names

    def encode(self, text: str) -> bytes:
        return text.encode("utf-8", self.errors)

    def role_record(self, fields: tuple[Any, ...]) -> Record:
        """The record for one role's ROLE_FIELDS values (the cohort ranker remembers it)."""
        return self._pair(self._role(fields))

    def _pair(self, text: str) -> Record:
        return self.encode(self.opening + text), self.encode(self.separator + text)

    def _role(self, fields: tuple[Any, ...]) -> str:
        raise NotImplementedError

    def header(self) -> bytes:
        return b""

    def head(self, row_id: RowId) -> bytes:
        """The start of an ok row, for an id the fast path decoded."""
        raise NotImplementedError

    def any_head(self, row_id: RowId) -> bytes:
        """The start of an ok row, for any id (the slow path's: lists, lone surrogates)."""
        return self.head(row_id)

    def fragment(self, records: list[Record], row: tuple[Any, ...]) -> Fragment:
        """Everything after the id, from the top roles' records and the row's own fields,
        as pieces to join: one per role, then the row's end (the records are shared by
        every fragment that has them, so a memo of fragments costs a few references
        each, not a copy of the text)."""
        raise NotImplementedError

    def error(self, row_id: RowId, message: str) -> bytes:
        raise NotImplementedError


def _pieces(records: list[Record], end: bytes) -> Fragment:
    """The first record as the first of its row, the others as later ones, then `end`."""
    return (records[0][0], *[later for _, later in records[1:]], end)


class _CsvFormat(_Format):
    """`id,ok,role_1,score_1,band_1,timeline_1,...,role_N,...,timeline_N,error`.

    Lone surrogates cannot be encoded in UTF-8: they are written as `?`.
    """

    errors = "replace"
    opening = ",true,"
    separator = ","

    def __init__(self, top: int, names: dict[str, str]) -> None:
        super().__init__(top, names)
        self._blank = self._pair("," * (CSV_ROLE_FIELDS - 1))  # a row with fewer roles

    def header(self) -> bytes:
        cols = ["id", "ok"]
        for i in range(1, self.top + 1):
            cols += [f"{name}_{i}" for name in ROLE_FIELDS[:CSV_ROLE_FIELDS]]
        return self.encode(",".join([*cols, "error"]) + "\n")

    def _role(self, fields: tuple[Any, ...]) -> str:
        return ",".join(csv_cell(v) for v in fields[:CSV_ROLE_FIELDS])

    def head(self, row_id: RowId) -> bytes:
        return self.encode(csv_cell(row_id))

    def fragment(self, records: list[Record], row: tuple[Any, ...]) -> Fragment:
        cells = records + [self._blank] * (self.top - len(records))
        return _pieces(cells, b",\n")

    def error(self, row_id: RowId, message: str) -> bytes:
        blanks = "," * (CSV_ROLE_FIELDS * self.top)
        return self.encode(f"{csv_cell(row_id)},false,{blanks}{csv_cell(message)}\n")


class _JsonlFormat(_Format):
    """`{"id": ..., "ok": true, "recommendations": [{role, name, score, ...}], "no_clear_fit": ...}`
    or `{"id": ..., "ok": false, "error": "..."}`; keys in this order, UTF-8.

    A lone surrogate (from a JSON `\\ud800` escape) is written back as that escape, so
    every line stays valid JSON and UTF-8.
    """

    errors = "backslashreplace"
    opening = ', "ok": true, "recommendations": ['
    separator = ", "

    def __init__(self, top: int, names: dict[str, str]) -> None:
        super().__init__(top, names)
        self._encode = msgspec.json.encode
        self._rows: dict[tuple[Any, ...], bytes] = {}
        self._values: dict[Any, str] = {}
        self._empty = self.encode(self.opening)

    def _role(self, fields: tuple[Any, ...]) -> str:
        """`{"role": ..., "name": ..., "score": ..., ...}`: each value as `json.dumps`
        writes it (remembered: a handful of distinct strings), joined in ROLE_FIELDS order,
        the display name after the role."""
        role = fields[0]
        js = self._json
        parts = [f'"role": {js(role)}', f'"name": {js(self.names.get(role, role))}']
        parts += [f'"{k}": {js(v)}' for k, v in zip(ROLE_FIELDS[1:], fields[1:], strict=True)]
        return "{" + ", ".join(parts) + "}"

    def _json(self, value: Any) -> str:
        if type(value) is int:
            return str(value)
        found = self._values.get(value)
        if found is None:
            if len(self._values) >= _ROLE_LIMIT:
                self._values.clear()
            found = self._values[value] = _dumps(value)
        return found

    def head(self, row_id: RowId) -> bytes:
        if type(row_id) is str:  # msgspec decoded it: valid UTF-8, written as json.dumps would
            return b'{"id": ' + self._encode(row_id)
        if type(row_id) is int:
            return b'{"id": %d' % row_id
        return self.any_head(row_id)

    def any_head(self, row_id: RowId) -> bytes:
        return self.encode('{"id": ' + _dumps(row_id))

    def fragment(self, records: list[Record], row: tuple[Any, ...]) -> Fragment:
        end = self._rows.get(row)
        if end is None:  # the row's own fields: a handful of distinct values
            if len(self._rows) >= _ROLE_LIMIT:
                self._rows.clear()
            text = "".join(f', "{k}": {_dumps(v)}' for k, v in zip(ROW_FIELDS, row, strict=True))
            end = self._rows[row] = self.encode("]" + text + "}\n")
        if not records:  # no role to recommend: an empty list
            return (self._empty, end)
        return _pieces(records, end)

    def error(self, row_id: RowId, message: str) -> bytes:
        return self.encode(_dumps({"id": row_id, "ok": False, "error": message}) + "\n")
