"""A disposable cache of validated results, keyed on the exact bytes they came from.

Validating the data files with pydantic costs more than everything else a command does,
and the files rarely change. So the validated records are kept under
`fsutil.cache_dir()` as JSON, in a file named by the SHA-256 of aicareer's version, the
Python version, the bytes of the modules that define the records (`_SCHEMA_FROM`: their
`.py` source, or in an install that ships only compiled `.pyc` files, those) and the data
bytes: any edit to a data file or to a record definition is a new key, and a stale entry
is never read. Each entry also belongs to a scope (the data folder or file): storing
a new entry deletes that scope's older ones, so a coach who edits a data folder a hundred
times leaves one file behind, not a hundred.

JSON, never pickle: reading a cache file cannot run code, whoever wrote it. On a hit the
records are rebuilt by `rebuild()`, driven by the records' own type hints (named tuples,
lists, tuples, sets, dicts, unions, literals, dates, plain values), without running
pydantic: the
content was validated when it was stored, and a SHA-256 of it, kept in the file's first
line, is compared before anything is built. A file that is not a regular file, is not
owned by the current user, or is writable by group or others is refused (a planted file
in a shared or synced folder); so is anything unexpected (unreadable, corrupt, wrong
shape): every refusal is a plain miss, and the data is validated again.
Set AICAREER_NO_CACHE=1 to bypass the cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn, TypeVar, Union, get_args, get_origin

from aicareer import __version__
from aicareer.errors import AicareerError
from aicareer.fsutil import atomic_write_bytes, cache_dir

T = TypeVar("T")

#: The first line of every entry: this tag, a space, the SHA-256 of the rest of the file.
MAGIC = b"aicareer-cache-v2"
#: Anything bigger is not an entry aicareer wrote (the shipped data is about 100 KiB).
MAX_ENTRY = 64 * 1024 * 1024


def enabled() -> bool:
    return not os.environ.get("AICAREER_NO_CACHE")


#: The modules that define what is cached (records, vocabularies, the code that builds
#: them): a changed definition must never meet an old entry.
_SCHEMA_FROM = (
    "constraints.py",
    "models.py",
    "rulemodels.py",
    "vocab.py",
    "dataset.py",
    "pathmodels.py",
    "cache.py",
)


@cache
def _schema() -> bytes:
    """The record modules' bytes: `x.py`, else a sourceless install's `x.pyc` beside it,
    else nothing (the key still holds aicareer's version). Never raises."""
    here = Path(__file__).parent
    parts = []
    for name in _SCHEMA_FROM:
        for candidate in (here / name, here / f"{name}c"):
            try:
                parts.append(candidate.read_bytes())
                break
            except OSError:
                continue
        else:
            parts.append(b"-")
    return b"\0".join(parts)


def key(kind: str, scope: str, *parts: str | bytes) -> str:
    """The entry's name: `kind-SCOPE-CONTENT`, two digests (see the module's docstring)."""
    where = hashlib.sha256(scope.encode()).hexdigest()[:16]
    h = hashlib.sha256(f"{__version__}\0{sys.version}\0{kind}".encode())
    h.update(_schema())
    for part in (scope, *parts):
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return f"{kind}-{where}-{h.hexdigest()[:32]}"


def _path(name: str) -> Path:
    return cache_dir() / f"{name}.json"


# --- records <-> JSON, driven by type hints ------------------------------------------------


class _Mismatch(Exception):
    """The stored value does not have the shape the type hints say: a miss."""


_NONE = type(None)
_UNIONS = (Union, types.UnionType)


@cache
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    """A named tuple's fields and their types, in order (NamedTuple has already compiled
    its annotations into ForwardRefs, so this evaluates, never compiles)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    fields: tuple[str, ...] = cls._fields  # type: ignore[attr-defined]
    return tuple((name, _plain(hints[name])) for name in fields)


def _plain(tp: Any) -> Any:
    """`tp` without Annotated metadata (pydantic's constraints were checked when stored)."""
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def _args(tp: Any) -> tuple[Any, ...]:
    return tuple(_plain(a) for a in get_args(tp) if a is not Ellipsis)


def _fixed(tp: Any) -> bool:
    """tuple[A, B] (one type per position), as opposed to tuple[A, ...]."""
    args = get_args(tp)
    return len(args) > 1 and args[-1] is not Ellipsis


def dump(tp: Any, value: Any) -> Any:
    """`value` (of type `tp`) as plain JSON data: a record is a list of its fields in order,
    a value of a union of several types is [index of its type, value]."""
    tp = _plain(tp)
    if _is_record(tp):
        if not isinstance(value, tp):
            raise _Mismatch(tp)
        return [dump(ftp, v) for (_, ftp), v in zip(_hints(tp), value, strict=True)]
    origin = get_origin(tp)
    if origin in _UNIONS:
        args = _args(tp)
        if value is None and _NONE in args:
            return None
        others = [a for a in args if a is not _NONE]
        if len(others) == 1:
            return dump(others[0], value)
        for i, arg in enumerate(others):
            if _matches_type(arg, value):
                return [i, dump(arg, value)]
        raise _Mismatch(tp)
    if origin is tuple and _fixed(tp):
        return [dump(a, v) for a, v in zip(_args(tp), value, strict=True)]
    if origin in (list, tuple, Sequence, set, frozenset):
        item = _args(tp)[0]
        return [dump(item, v) for v in value]
    if origin in (dict, Mapping):
        vtp = _args(tp)[1]
        return {_json_key(k): dump(vtp, v) for k, v in value.items()}
    if tp is dt.date:
        return value.isoformat()
    if tp in (str, int, bool, float, _NONE) or origin is Literal:
        return value
    raise _Mismatch(tp)  # a type this cache does not know how to keep


def _json_key(k: Any) -> str:
    if not isinstance(k, str):
        raise _Mismatch(k)
    return k


def _matches_type(tp: Any, value: Any) -> bool:
    """Whether `value` is of the union member `tp` (to pick the member when dumping)."""
    if _is_record(tp):
        return isinstance(value, tp)
    origin = get_origin(tp)
    if origin is Literal:
        return value in get_args(tp)
    if origin in (list, tuple, Sequence, set, frozenset):
        return isinstance(value, list | tuple | set | frozenset) and not _is_record(type(value))
    if origin in (dict, Mapping):
        return isinstance(value, Mapping)
    if tp is float:
        return type(value) in (int, float)
    return type(value) is tp


Builder = Callable[[Any], Any]
_BUILDERS: dict[Any, Builder] = {}


def rebuild(tp: Any, raw: Any) -> Any:
    """The value of type `tp` that `dump(tp, value)` stored as `raw`; no validation runs.

    Every step checks the plain JSON type it expects (a list for a record, a str for a
    text field, one of the literals for a Literal, ...) and raises `_Mismatch` otherwise,
    so a damaged entry is a miss, never a record holding the wrong type."""
    return _builder(tp)(raw)


def _builder(tp: Any) -> Builder:
    """A function that builds a `tp` from its JSON form, made once per type."""
    tp = _plain(tp)
    try:
        return _BUILDERS[tp]
    except KeyError:
        pass
    except TypeError:  # an unhashable type: build it without remembering the builder
        return _make_builder(tp)
    made = _BUILDERS[tp] = _make_builder(tp)
    return made


def _fail(tp: Any) -> NoReturn:
    raise _Mismatch(tp)


def _make_builder(tp: Any) -> Builder:
    if _is_record(tp):
        record: Any = tp
        steps: list[tuple[Builder, bool, Any]] = []

        def build_record(raw: Any) -> Any:
            if not steps:  # filled on first use: records may refer to themselves
                defaults = record._field_defaults
                for name, ftp in _hints(record):
                    steps.append((_builder(ftp), name in defaults, defaults.get(name)))
            if type(raw) is not list or len(raw) != len(steps):
                _fail(record)
            values = []
            for (step, has_default, default), item in zip(steps, raw, strict=True):
                value = step(item)
                if has_default and (value == default or (value == [] and default == ())):
                    value = default  # the shared default, e.g. () where JSON has []
                values.append(value)
            return record(*values)

        return build_record
    origin = get_origin(tp)
    if origin in _UNIONS:
        args = _args(tp)
        others = [a for a in args if a is not _NONE]
        optional = _NONE in args
        if len(others) == 1:
            one = _builder(others[0])

            def build_optional(raw: Any) -> Any:
                return None if raw is None and optional else one(raw)

            return build_optional
        members: list[Builder] = []

        def build_union(raw: Any) -> Any:
            if raw is None and optional:
                return None
            if not members:
                members.extend(_builder(a) for a in others)
            if type(raw) is not list or len(raw) != 2 or type(raw[0]) is not int:
                _fail(tp)
            if not 0 <= raw[0] < len(members):
                _fail(tp)
            return members[raw[0]](raw[1])

        return build_union
    if origin is Literal:
        allowed = frozenset((type(a), a) for a in get_args(tp))

        def build_literal(raw: Any) -> Any:
            if (type(raw), raw) not in allowed:
                _fail(tp)
            return raw

        return build_literal
    if origin is tuple and _fixed(tp):
        parts = [_builder(a) for a in _args(tp)]

        def build_fixed(raw: Any) -> Any:
            if type(raw) is not list or len(raw) != len(parts):
                _fail(tp)
            return tuple(part(v) for part, v in zip(parts, raw, strict=True))

        return build_fixed
    if origin in (set, frozenset):
        member = _builder(_args(tp)[0])
        kind: Any = origin

        def build_set(raw: Any) -> Any:
            if type(raw) is not list:
                _fail(tp)
            return kind(member(v) for v in raw)

        return build_set
    if origin in (list, tuple, Sequence):
        item = _builder(_args(tp)[0])
        as_tuple = origin is tuple

        def build_list(raw: Any) -> Any:
            if type(raw) is not list:
                _fail(tp)
            items = [item(v) for v in raw]
            return tuple(items) if as_tuple else items

        return build_list
    if origin in (dict, Mapping):
        kb, vb = (_builder(a) for a in _args(tp))

        def build_dict(raw: Any) -> Any:
            if type(raw) is not dict:
                _fail(tp)
            return {kb(k): vb(v) for k, v in raw.items()}

        return build_dict
    if tp is dt.date:

        def build_date(raw: Any) -> Any:
            if type(raw) is not str:
                _fail(tp)
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                _fail(tp)

        return build_date
    if tp is float:

        def build_float(raw: Any) -> Any:
            if type(raw) not in (int, float):
                _fail(tp)
            return float(raw)

        return build_float
    if tp in (str, int, bool, _NONE):
        plain: type = tp

        def build_plain(raw: Any) -> Any:
            if type(raw) is not plain:
                _fail(plain)
            return raw

        return build_plain
    raise _Mismatch(tp)


# --- the files ------------------------------------------------------------------------------


def _read_own(path: Path) -> bytes | None:
    """The file's bytes if it is a regular file of ours that nobody else may write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with open(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY:
            return None
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return None
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        return fh.read(MAX_ENTRY + 1)


def get(name: str, kind: type[T]) -> T | None:
    """The entry `name` rebuilt as a `kind`, or None (a miss) for any reason at all."""
    if not enabled():
        return None
    try:
        blob = _read_own(_path(name))
        if blob is None:
            return None
        head, _, body = blob.partition(b"\n")
        if head != MAGIC + b" " + hashlib.sha256(body).hexdigest().encode():
            return None
        import json  # not pydantic_core: a hit imports no pydantic at all (constraints.py)

        value: T = rebuild(kind, json.loads(body))
        return value
    except (_Mismatch, ValueError, TypeError, RecursionError, OSError, AicareerError):
        return None  # AicareerError: no home to keep a cache in, so no cache


def put(name: str, value: object, kind: type[Any]) -> None:
    """Store `value` (a `kind`); a cache that cannot be written is silently skipped."""
    if not enabled():
        return
    try:
        from pydantic_core import to_json

        body = to_json(dump(kind, value))
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        head = MAGIC + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n"
        atomic_write_bytes(_path(name), head + body)
        scope = name.rpartition("-")[0]
        for old in folder.glob(f"{scope}-*.*"):
            if old.name != _path(name).name and old.suffix in (".json", ".pickle"):
                old.unlink(missing_ok=True)
    except Exception:
        return
