"""Records <-> plain JSON data for the cache (cache.py), driven by the records' type hints.

`dump` writes a record as the list of its fields, a value of a union of several types as
[index of its type, value]; `rebuild` builds the value back without validation, checking
at every step the plain JSON type it expects, so a damaged entry raises `_Mismatch` (a
miss), never builds a record holding the wrong type. msgspec cannot carry these records
itself: it refuses a union of several NamedTuple types (the rule conditions).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Annotated, Any, Literal, NoReturn, Union, get_args, get_origin


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
