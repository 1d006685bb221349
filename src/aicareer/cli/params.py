"""Cheap coercion of command-line values (speed: issue #16).

typer (0.29) coerces every parameter of the command being run, given or not, through a
pydantic `TypeAdapter` built on first use: the first one imports pydantic and typer's
adapters, 50-90 ms, most of what any typer command costs over `--help`. For the values
aicareer's parameters take, click has already parsed the answer: a string, a tuple of
strings, a bool, an int, a path string, a choice spelt exactly. Each parameter therefore
gets a `_Plain` coercion that returns such a value as typer's would (`str`, `list[str]`,
a `Path` checked by typer's own path checks, an int within the declared bounds, the
Literal choice itself), and hands every other value — out of bounds, a choice in another
case, a type it does not expect — to typer's own coercion, built only then, so every
error keeps typer's words.

This uses typer's private `_TyperParameter._runtime_param` hook and its `RuntimeParam`
contract (aicareer.cli.app's command and group classes call `plain()` from `get_params`).
Where they are missing (a typer release that changed them), nothing is replaced and
typer works as usual, only slower. pyproject.toml pins typer to the checked minor
release (`TYPER_RANGE`), and `internals_problems()`, run before any test
(tests/conftest.py), names whatever moved. tests/test_params.py checks that `_Plain` gives what
typer's own coercion gives for every parameter of every command and never builds it for
the usual values; tests/test_imports.py that no command imports typer's adapters.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer._click import Context, Parameter

try:
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_path
    from typer._typing import is_literal_type, literal_values
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - a typer without the hook: typer's own coercion
    RuntimeParam = None  # type: ignore[assignment,misc]


#: A number typed as plain digits (anything else, e.g. " 3" or "3.0", goes to typer).
_DIGITS = re.compile(r"[0-9]{1,9}").fullmatch


def _kind(descriptor: TypeDescriptor) -> tuple[str, Any]:
    """Which plain kind a parameter is, and what that kind needs to know ("typer": none)."""
    annotation = descriptor.annotation
    info = descriptor.parameter_info
    if info.parser is not None or descriptor.is_file or info.path_type is not None:
        return "typer", None
    if annotation is str:
        return "str", None
    if annotation is bool:
        return "bool", None
    if annotation is Path:
        return "path", None
    if annotation == list[str]:
        return "list", None
    if annotation is int and not info.clamp:
        return "int", (info.min, info.max)
    if is_literal_type(annotation) and info.case_sensitive:
        return "choice", frozenset(literal_values(annotation))
    return "typer", None


if RuntimeParam is not None:
    from dataclasses import dataclass, field

    @dataclass(frozen=True)
    class _Plain(RuntimeParam):
        descriptor: TypeDescriptor
        kind: str
        extra: Any
        typer: list[RuntimeParam] = field(default_factory=list)

        def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
            kind, kind_of = self.kind, type(value)
            if kind == "str" and kind_of is str:
                return value
            if kind == "bool" and kind_of is bool:
                return value
            if kind == "path" and kind_of is str:
                # typer's own path checks and words; given a Path, they need no pydantic
                info = self.parameter_info
                return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
            if kind == "list" and kind_of in (tuple, list) and all(type(v) is str for v in value):
                return list(value)
            if kind == "int" and (kind_of is int or (kind_of is str and _DIGITS(value))):
                number = int(value)
                low, high = self.extra
                if (low is None or number >= low) and (high is None or number <= high):
                    return number
            # (with a token_normalize_func typer would normalise the value first)
            if (
                kind == "choice"
                and kind_of is str
                and value in self.extra
                and not ctx.token_normalize_func
            ):
                return value
            # Anything else: typer's own coercion, with typer's own error words.
            if not self.typer:
                self.typer.append(build_runtime_param(self.descriptor))
            return self.typer[0]._coerce_value(value, param, ctx)


#: The typer releases whose internals this module was checked against (pyproject.toml pins
#: the same range; `internals_problems` says what moved in any other).
TYPER_RANGE = ((0, 29), (0, 30))


def internals_problems() -> list[str]:
    """What aicareer relies on in typer's private modules and is not there as expected:
    empty when all is well. Run first by the tests (tests/conftest.py), so a typer that
    moved its internals fails the suite at once, with these words, not a hundred tests
    later with a TypeError."""
    import dataclasses
    import inspect
    from importlib.metadata import version

    problems = []
    installed = tuple(int(p) for p in version("typer").split(".")[:2])
    low, high = TYPER_RANGE
    if not low <= installed < high:
        problems.append(f"typer {version('typer')} is outside the checked range {low}..<{high}")
    if RuntimeParam is None:
        return [
            *problems,
            "typer._coercion / typer.core no longer have the names params.py imports",
        ]
    expect = {
        "RuntimeParam fields": (
            [f.name for f in dataclasses.fields(RuntimeParam)],
            ["parameter_info", "annotation"],
        ),
        "RuntimeParam._coerce_value": (
            list(inspect.signature(RuntimeParam._coerce_value).parameters),
            ["self", "value", "param", "ctx"],
        ),
        "build_runtime_param": (
            list(inspect.signature(build_runtime_param).parameters),
            ["descriptor"],
        ),
        "coerce_cli_path": (
            list(inspect.signature(coerce_cli_path).parameters),
            ["value", "parameter_info", "path_type", "param", "ctx"],
        ),
        "_TyperParameter hook": (
            sorted(
                n
                for n in ("_runtime_param", "type_descriptor")
                if n in getattr(_TyperParameter, "__annotations__", {})
            ),
            ["_runtime_param", "type_descriptor"],
        ),
    }
    for what, (found, wanted) in expect.items():
        if found != wanted:
            problems.append(f"{what}: expected {wanted}, found {found}")
    source = inspect.getsource(_TyperParameter.get_runtime_param)
    if "self._runtime_param is None" not in source:
        problems.append("_TyperParameter.get_runtime_param no longer reads _runtime_param")
    return problems


def plain(params: list[Parameter]) -> list[Parameter]:
    """Give each of `params` the cheap coercion (once); returns `params`."""
    if RuntimeParam is None:  # pragma: no cover
        return params
    for param in params:
        if not isinstance(param, _TyperParameter) or param._runtime_param is not None:
            continue  # not a typer parameter, or its coercion is already chosen
        descriptor = param.type_descriptor
        kind, extra = _kind(descriptor)
        param._runtime_param = _Plain(
            descriptor.parameter_info, descriptor.annotation, descriptor, kind, extra
        )
    return params
