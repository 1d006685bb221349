"""The records' validation metadata, without importing pydantic until something validates.

The records (models.py, rulemodels.py, pathmodels.py) are named tuples whose fields carry
pydantic constraints: `Field(...)`, `AfterValidator(...)`, a union chosen by
`Discriminator` and `Tag`. A command that reads validated data from the cache validates
nothing, and importing pydantic would cost it 25-35 ms, about a sixth of its run. So the
record modules take those four names from here (mypy sees pydantic's own, see their
imports): until `use_pydantic()` runs, they are inert marks that only keep their
arguments, enough for the cache to read the records' type hints. `use_pydantic()` — called
by `models.type_adapter()` before the first validator is built — imports pydantic, gives
every record module pydantic's own four names and rebuilds each module-level alias (`Id`,
`Text`, `Percent`, `Condition`, ...) with real metadata in place of the marks. The
records' own annotations are strings (ForwardRefs), read from the module when pydantic
builds a validator, so they see the real names. Validation is therefore exactly what it
would be with pydantic imported at the top: tests/test_constraints.py validates broken
records after a cache hit in the same process, and checks that no mark is left.
"""

from __future__ import annotations

import sys
import types
from typing import Annotated, Any, Union, get_args, get_origin

#: The modules whose records pydantic validates (each registers itself when imported).
_MODULES: list[str] = []
_REAL: dict[str, Any] = {}


class Mark:
    """A stand-in for one of pydantic's metadata objects: its name and its arguments."""

    __slots__ = ("args", "kind", "kwargs")

    def __init__(self, kind: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs

    def __repr__(self) -> str:
        return f"Mark({self.kind}, {self.args!r}, {self.kwargs!r})"


def _stand_in(kind: str) -> Any:
    def make(*args: Any, **kwargs: Any) -> Any:
        return _REAL[kind](*args, **kwargs) if _REAL else Mark(kind, args, kwargs)

    make.__name__ = make.__qualname__ = kind
    return make


Field = _stand_in("Field")
AfterValidator = _stand_in("AfterValidator")
Discriminator = _stand_in("Discriminator")
Tag = _stand_in("Tag")

_NAMES = ("Field", "AfterValidator", "Discriminator", "Tag")


def real(tp: Any) -> Any:
    """`tp` with every mark in its Annotated metadata (inside unions too) made real."""
    if isinstance(tp, Mark):
        return _REAL[tp.kind](*tp.args, **tp.kwargs)
    origin = get_origin(tp)
    if origin is Annotated:
        return Annotated[(real(tp.__origin__), *(real(m) for m in tp.__metadata__))]
    if origin is Union or origin is types.UnionType:
        return Union[tuple(real(a) for a in get_args(tp))]  # noqa: UP007
    if isinstance(tp, types.GenericAlias) and has_marks(tp):  # list[Annotated[int, ...]]
        return types.GenericAlias(origin, tuple(real(a) for a in get_args(tp)))
    return tp


def has_marks(tp: Any) -> bool:
    """Whether a mark is left anywhere in `tp` (for the tests)."""
    if isinstance(tp, Mark):
        return True
    if get_origin(tp) is Annotated:
        return has_marks(tp.__origin__) or any(has_marks(m) for m in tp.__metadata__)
    return any(has_marks(a) for a in get_args(tp))


def _make_real(name: str) -> None:
    module = sys.modules[name]
    space = vars(module)
    for key, value in list(space.items()):
        if key in _NAMES:
            space[key] = _REAL[key]
        elif has_marks(value):
            space[key] = real(value)


def register(name: str) -> None:
    """Called at the end of a record module: `register(__name__)`."""
    _MODULES.append(name)
    if _REAL:  # pydantic is already in use: this module's aliases are made real now
        _make_real(name)


def use_pydantic() -> None:
    """Swap the marks for pydantic's metadata, once, before anything is validated."""
    if _REAL:
        return
    import pydantic

    _REAL.update({name: getattr(pydantic, name) for name in _NAMES})
    for name in _MODULES:
        _make_real(name)
