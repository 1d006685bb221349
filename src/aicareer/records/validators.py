"""pydantic's validators without pydantic's start-up: each record's core schema, cached.

Building a validator with pydantic (`models.type_adapter`) imports pydantic and generates
the record's schema: about 110 ms, paid by every process that validates something at run
time: each batch worker at its first invalid row, a quiz whose answers file has a
mistake, a `path` run that reads a progress file. What pydantic generates is a *core
schema*: plain data (names, literals, bounds, defaults), except for references to
aicareer's own records and check functions. So the first build stores it in the cache
(cache.py: JSON, integrity-checked, keyed on aicareer's record modules and the pydantic
versions) with each reference written as its name, and later runs build the same
validator from it with pydantic-core alone (about 30 ms, most of it importing
pydantic-core). The profile's and the progress file's schemas are kept this way; the
data files' also name `typing.Sequence`, which is not a record module's, so pydantic
builds theirs (only when the data cache misses).

Reading an entry never runs anything it names: a name resolves only to a class or
function of a record module (`constraints.register`), already imported, that is exactly
what was stored. A schema holding anything else (a lambda, an object) is not cached, and
anything wrong with an entry (a damaged file, another pydantic-core refusing the schema)
is a miss: pydantic builds the validator again. Either way the validation and its errors
are pydantic's own (tests/test_validators.py compares both on generated input).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from aicareer.records import cache, constraints

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from pydantic_core import SchemaValidator

#: How a tuple, a read-only mapping (a record's empty default) and a reference to a
#: record or function are written in the JSON.
_TUPLE, _PROXY, _REF = "$tuple", "$proxy", "$ref"


class _NotKept(Exception):
    """Something in the schema that this cache cannot write as a name or plain data."""


def _name(obj: Any) -> str:
    """`module:name` of a record module's own top-level class or function `obj`."""
    name = f"{getattr(obj, '__module__', None)}:{getattr(obj, '__qualname__', '')}"
    if _resolve(name) is not obj:
        raise _NotKept(obj)
    return name


def _resolve(name: str) -> Any:
    """The top-level class or function `name` names in a record module, defined there;
    _NotKept for anything else."""
    module, _, attr = name.partition(":")
    if module not in constraints._MODULES or module not in sys.modules or not attr.isidentifier():
        raise _NotKept(name)
    obj = getattr(sys.modules[module], attr, None)
    if not (isinstance(obj, type) or callable(obj)) or getattr(obj, "__module__", None) != module:
        raise _NotKept(name)  # not a class or function, or one the module only imported
    return obj


def encode(value: Any) -> Any:
    """A core schema as JSON data: tuples and references marked (see `decode`)."""
    if value is None or type(value) in (str, int, bool, float):
        return value
    if type(value) is list:
        return [encode(v) for v in value]
    if type(value) is tuple:
        return {_TUPLE: [encode(v) for v in value]}
    if type(value) is MappingProxyType:
        return {_PROXY: encode(dict(value))}
    if type(value) is dict:
        if any(type(k) is not str or k.startswith("$") for k in value):
            raise _NotKept(value)
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, type) or callable(value):
        return {_REF: _name(value)}
    raise _NotKept(value)


def decode(data: Any) -> Any:
    """The core schema `encode` wrote; _NotKept or ValueError for anything it would not
    have written."""
    if type(data) is list:
        return [decode(v) for v in data]
    if type(data) is dict:
        if _TUPLE in data:
            if len(data) != 1 or type(data[_TUPLE]) is not list:
                raise ValueError(data)
            return tuple(decode(v) for v in data[_TUPLE])
        if _PROXY in data:
            if len(data) != 1 or type(data[_PROXY]) is not dict:
                raise ValueError(data)
            return MappingProxyType(decode(data[_PROXY]))
        if _REF in data:
            if len(data) != 1 or type(data[_REF]) is not str:
                raise ValueError(data)
            return _resolve(data[_REF])
        return {k: decode(v) for k, v in data.items()}
    return data


def _versions() -> bytes:
    """pydantic-core's version and pydantic's version file (read, not imported: importing
    pydantic is the cost this module saves)."""
    import pydantic_core

    spec = find_spec("pydantic")  # a top-level name: found, not imported
    found = pydantic_core.__version__.encode()
    if spec is not None and spec.origin is not None:
        try:
            with open(os.path.join(os.path.dirname(spec.origin), "version.py"), "rb") as fh:
                found += b"\0" + fh.read()
        except OSError:
            pass
    return found


def entry(kind: type) -> str:
    """The cache entry of `kind`'s schema: by the record modules (cache.key), the pydantic
    versions and this module (its encoding is part of what is stored)."""
    here = Path(__file__).read_bytes()
    return cache.key("validator", f"{kind.__module__}.{kind.__qualname__}", _versions(), here)


def validator(kind: type, build: Callable[[], TypeAdapter[Any]]) -> SchemaValidator:
    """The validator for the record `kind`: from its cached core schema if there is one,
    else `build()`'s (a pydantic TypeAdapter), whose schema is then cached."""
    from pydantic_core import SchemaError, SchemaValidator

    name = entry(kind)
    text = cache.get(name, str)
    if text is not None:
        try:
            return SchemaValidator(decode(json.loads(text)))
        except (_NotKept, ValueError, TypeError, RecursionError, SchemaError):
            pass  # damaged, or from another pydantic-core: built again below
    adapter = build()
    try:
        text = json.dumps(encode(adapter.core_schema), separators=(",", ":"))
    except (_NotKept, RecursionError):
        pass
    else:
        cache.put(name, text, str)
    found: SchemaValidator = adapter.validator  # type: ignore[assignment]
    return found
