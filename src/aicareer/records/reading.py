"""Reading a TOML file and wording what is wrong with it: sizes, depth, control
characters, pydantic's errors as `file: field.path: what was expected` lines. Shared by the
data files (dataset.py), answers files (profile.py) and the progress file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from aicareer.errors import AicareerError, ExitCode
from aicareer.records.models import ID_PATTERN, validate

if TYPE_CHECKING:
    from pydantic import ValidationError

M = TypeVar("M")


def format_loc(loc: Iterable[int | str]) -> str:
    """('roles', 3, 'salary', 'bands', 0, 'low') -> 'roles[3].salary.bands[0].low'.

    A key that is not printable (a control character, a newline) is shown escaped, as
    Python writes it ('\\x1b'): the key came from the file, the line goes to a terminal."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            if not part.isprintable():
                part = "".join(c if c.isprintable() else repr(c)[1:-1] for c in part)
            out += f".{part}" if out else str(part)
    return out


#: Tags pydantic adds to an error's location when it picks a rule condition's shape.
_CONDITION_TAGS = ("leaf", "all", "any", "not")


def _without_condition_tags(loc: Iterable[int | str]) -> list[int | str]:
    """Drop the union tags from a condition's location, so a coach reads the file's path.

    ('when', 'all', 'all', 0, 'leaf', 'field') -> ('when', 'all', 0, 'field').
    """
    out: list[int | str] = []
    parts = list(loc)
    for i, part in enumerate(parts):
        if part == "leaf":
            continue
        if part in _CONDITION_TAGS and i + 1 < len(parts) and parts[i + 1] == part:
            continue
        out.append(part)
    return out


_NOT_AN_ID = "not an id: use lowercase letters, digits and single hyphens, e.g. ai-engineer"


def validation_lines(label: str, exc: ValidationError) -> list[str]:
    lines = []
    for err in exc.errors(include_url=False):
        loc = _without_condition_tags(err["loc"])
        key = bool(loc) and loc[-1] == "[key]"  # pydantic's mark for a table's key
        where = format_loc(loc[:-1] if key else loc)
        msg = err["msg"]
        if err["type"] == "string_pattern_mismatch" and err["ctx"]["pattern"] == ID_PATTERN:
            msg = ("this key is " if key else "") + _NOT_AN_ID
        elif key:
            msg = f"this key: {msg}"
        if err["type"] == "value_error":
            msg = msg.removeprefix("Value error, ")
        if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            msg = "unknown field (not allowed here; check the spelling)"
        elif err["type"] in ("missing", "missing_keyword_only_argument", "missing_argument"):
            msg = "required field is missing"
        elif "input" in err and err["type"] not in ("model_type", "dict_type"):
            shown = repr(err["input"])
            if len(shown) <= 60:
                msg = f"{msg} (got {shown})"
        lines.append(f"{label}: {where}: {msg}" if where else f"{label}: {msg}")
    return lines


class Limits(NamedTuple):
    """How big a file aicareer reads may be (docs/limits.md); checked before parsing or
    validating, so an oversized file costs nothing."""

    #: Bytes in the file.
    size: int
    #: Items in any one list, keys in any one table.
    items: int
    #: Tables and lists nested in each other.
    depth: int = 32


#: roles.toml, matrix.toml, paths.toml: generous (the shipped files are under 100 KiB).
DATA_LIMITS = Limits(size=16 * 1024 * 1024, items=100_000)
#: An answers file: a few short lines; the longest list (interests) has 12 choices.
ANSWERS_LIMITS = Limits(size=64 * 1024, items=100)
#: progress.toml and the unfinished quiz: one line per phase or answer.
PROGRESS_LIMITS = Limits(size=1024 * 1024, items=10_000)


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n // 1024} KiB"


def read_bytes(path: Path, label: str, code: ExitCode, limit: int = DATA_LIMITS.size) -> bytes:
    """The file's bytes, read once as a stream (a FIFO or /dev/stdin works), at most
    `limit` of them: a bigger file is refused before it is read."""
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > limit:
                raise _too_big(label, limit, code)
            raw = fh.read(limit + 1)
    except FileNotFoundError:
        raise AicareerError(f"{label}: file not found", code) from None
    except IsADirectoryError:
        raise AicareerError(f"{label}: is a folder, expected a TOML file", code) from None
    except OSError as exc:
        raise AicareerError(f"{label}: cannot read: {exc.strerror}", code) from None
    if len(raw) > limit:
        raise _too_big(label, limit, code)
    return raw


def _too_big(label: str, limit: int, code: ExitCode) -> AicareerError:
    return AicareerError(
        f"{label}: file is larger than the {_size(limit)} limit (see docs/limits.md)", code
    )


def read_toml(
    path: Path, label: str, code: ExitCode, limits: Limits = DATA_LIMITS
) -> dict[str, Any]:
    """Read a TOML file, turning every way it can fail into one line naming the file."""
    return parse_toml(read_bytes(path, label, code, limits.size), label, code, limits)


def parse_toml(
    raw: bytes, label: str, code: ExitCode, limits: Limits = DATA_LIMITS
) -> dict[str, Any]:
    """Parse TOML, then check the document against `limits` and for control characters
    (text must never reach a terminal as escape sequences): one line per problem."""
    import tomllib  # only when the cache misses

    if len(raw) > limits.size:
        raise _too_big(label, limits.size, code)
    try:
        # A byte order mark, as some Windows editors write at the start, is not text.
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise AicareerError(
            f"{label}: not UTF-8 text (bad byte at position {exc.start}); save it as UTF-8", code
        ) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AicareerError(f"{label}: not valid TOML: {exc}", code) from None
    except RecursionError:
        raise AicareerError(
            f"{label}: nested too deeply (the limit is {limits.depth} levels; see docs/limits.md)",
            code,
        ) from None
    problems = check_tree(doc, limits)
    if problems:
        raise AicareerError([f"{label}: {p}" for p in problems], code)
    return doc


#: C0 controls but tab and newline, DEL, and C1 controls: what a terminal acts on.
_CONTROL = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n")


def _control_problem(text: str) -> str | None:
    if text.isprintable():
        return None
    for i, ch in enumerate(text):
        if ch in _CONTROL:
            return (
                f"contains the control character {ch!r} at position {i}; "
                "remove it (text may not carry terminal escapes)"
            )
    return None


def check_tree(doc: Any, limits: Limits) -> list[str]:
    """Walk a parsed document without recursion: sizes, depth and control characters.
    Returns `field.path: problem` lines (at most 20)."""
    problems: list[str] = []
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(doc, ())]
    while stack and len(problems) < 20:
        value, loc = stack.pop()
        where = format_loc(loc) or "(top level)"
        if len(loc) > limits.depth:
            problems.append(f"{where}: nested deeper than {limits.depth} levels")
            continue
        if isinstance(value, dict):
            if len(value) > limits.items:
                problems.append(f"{where}: more than {limits.items} keys")
                continue
            for k, v in value.items():
                bad = _control_problem(k)
                if bad:
                    problems.append(f"{where}: a key {bad}")
                stack.append((v, (*loc, k)))
        elif isinstance(value, list):
            if len(value) > limits.items:
                problems.append(f"{where}: more than {limits.items} items in one list")
                continue
            stack.extend((v, (*loc, i)) for i, v in enumerate(value))
        elif isinstance(value, str):
            bad = _control_problem(value)
            if bad:
                problems.append(f"{where}: {bad}")
    return problems


def parse_model(model: type[M], raw: Mapping[str, Any], label: str, code: ExitCode) -> M:
    from pydantic_core import ValidationError  # only when a file is validated (a cache miss)

    try:
        return validate(model, raw)
    except ValidationError as exc:
        raise AicareerError(validation_lines(label, exc), code) from None


def load_side_file(
    ds: Any,
    name: str,
    kind: str,
    model: type[M],
    cross_check: Any,
) -> M:
    """A data file beside roles.toml and matrix.toml (paths.toml, followups.toml): read,
    validated and cached like them (`cache`), then checked against this run's roles (never
    cached). Raises `AicareerError` (exit 3, DATA) listing every problem, each line naming
    the file (its full path for a custom data folder), the field and what was expected."""
    from aicareer.errors import data_error
    from aicareer.records import cache

    path = ds.data_dir / name
    label = str(path) if ds.custom else name
    raw = read_bytes(path, label, ExitCode.DATA)
    key = cache.key(kind, str(path), raw)  # the validated file, as for roles and matrix
    found = cache.get(key, model)
    if found is None:
        found = parse_model(model, parse_toml(raw, label, ExitCode.DATA), label, ExitCode.DATA)
        cache.put(key, found, model)
    problems = cross_check(found, ds, label)
    if problems:
        raise data_error(problems)
    return found
