"""aicareer.cli.params: the cheap coercion of command-line values gives what typer's own gives.

Every parameter of every command is coerced both ways — aicareer's `_Plain` and typer's
own pydantic-backed coercion — over values of each kind a user can type (good, out of
range, wrong case, not a number, a file that exists, a directory, a missing one): the
result, or the error message, must be the same. If a typer release changes its private
hook, `test_every_parameter_gets_the_cheap_coercion` fails and says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
import typer
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from aicareer.cli.main import _build
from aicareer.cli.params import _Plain, plain


def _commands() -> Iterator[tuple[str, Any]]:
    root = typer.main.get_command(_build())

    def walk(group: Any, prefix: str) -> Iterator[tuple[str, Any]]:
        yield prefix or "aicareer", group
        for name in list(group.commands):
            cmd = group.commands[name]
            if hasattr(cmd, "commands"):
                yield from walk(cmd, f"{prefix} {name}".strip())
            else:
                yield f"{prefix} {name}".strip(), cmd

    yield from walk(root, "")


COMMANDS = dict(_commands())


def _values(tmp: Path) -> list[Any]:
    existing = tmp / "me.toml"
    existing.write_text("x = 1\n", "utf-8")
    return [
        None,
        True,
        False,
        "",
        "ai-engineer",
        "ünïcode",
        "-",
        "3",
        "1",
        "12",
        "13",
        "0",
        "-1",
        " 3",
        "3.0",
        "1_000",
        "x",
        "us",
        "europe",
        "Europe",
        "other",
        str(existing),
        str(tmp),
        str(tmp / "missing.toml"),
        3,
        ("ai-engineer", "ml-engineer"),
        ["a"],
        (),
        ("a", 1),
    ]


def _outcome(runtime: Any, value: Any, param: Any, ctx: Context) -> tuple[str, Any]:
    try:
        return "ok", runtime.coerce(value, param=param, ctx=ctx)
    except BadParameter as exc:
        return "error", exc.format_message()
    except (TypeError, ValueError) as exc:  # both must fail alike on nonsense
        return "crash", type(exc).__name__


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_cheap_coercion_gives_what_typer_gives(name: str, tmp_path: Path) -> None:
    cmd = COMMANDS[name]
    ctx = Context(cmd, info_name=name)
    params = cmd.get_params(ctx)  # aicareer's commands give their parameters _Plain here
    assert params
    for param in params:
        mine = param._runtime_param
        assert isinstance(mine, _Plain), (name, param.name)
        theirs = build_runtime_param(param.type_descriptor)
        for value in _values(tmp_path):
            assert _outcome(mine, value, param, ctx) == _outcome(theirs, value, param, ctx), (
                name,
                param.name,
                value,
            )


def test_every_parameter_gets_the_cheap_coercion() -> None:
    """typer's private hook is still there: otherwise every command pays for pydantic."""
    kinds = set()
    for name, cmd in COMMANDS.items():
        ctx = Context(cmd, info_name=name)
        first = [p._runtime_param for p in cmd.get_params(ctx)]
        again = [p._runtime_param for p in cmd.get_params(ctx)]
        assert all(a is b for a, b in zip(first, again, strict=True))  # chosen once
        for param in cmd.get_params(ctx):
            assert isinstance(param._runtime_param, _Plain), (name, param.name)
            kinds.add(param._runtime_param.kind)
    # Every kind aicareer declares is a cheap one; "typer" would mean a parameter type
    # that always builds typer's pydantic coercion.
    assert kinds == {"str", "bool", "path", "list", "int", "choice"}


def test_a_value_it_does_not_expect_goes_to_typer(tmp_path: Path) -> None:
    cmd = COMMANDS["quiz"]
    ctx = Context(cmd, info_name="quiz")
    top = next(p for p in cmd.get_params(ctx) if p.name == "top")
    top._runtime_param = None  # a fresh one: other tests have used this parameter
    plain([top])
    assert top._runtime_param.coerce("5", param=top, ctx=ctx) == 5
    assert top._runtime_param.typer == []  # typer's own coercion was never built
    with pytest.raises(BadParameter, match="less than or equal to 12"):
        top._runtime_param.coerce("13", param=top, ctx=ctx)
    assert len(top._runtime_param.typer) == 1


def _usual_values(param: Any, tmp: Path) -> list[Any]:
    """What a user types for this parameter, edges included: none of it needs typer's own
    (pydantic) coercion."""
    kind, extra = param._runtime_param.kind, param._runtime_param.extra
    existing = tmp / "answers.toml"
    existing.write_text("x = 1\n", "utf-8")
    if kind == "str":
        return ["ai-engineer", ""]
    if kind == "bool":
        return [True, False]
    if kind == "path":
        return [str(existing), str(tmp / "new.toml")]
    if kind == "list":
        return [("ai-engineer", "ml-engineer"), ()]
    if kind == "int":
        low, high = extra
        return [str(low if low is not None else 0), str(high if high is not None else 99), 3]
    if kind == "choice":
        return sorted(extra)
    raise AssertionError(kind)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_values_a_user_types_never_build_typers_coercion(name: str, tmp_path: Path) -> None:
    """The point of `_Plain`: typer's pydantic-backed coercion is built only for a value
    that is wrong or unusual, never for the usual ones (bounds and every choice included)."""
    cmd = COMMANDS[name]
    ctx = Context(cmd, info_name=name)
    for param in cmd.get_params(ctx):
        param._runtime_param = None  # fresh: other tests have used these parameters
        plain([param])
        mine = param._runtime_param
        for value in _usual_values(param, tmp_path):
            theirs = build_runtime_param(param.type_descriptor)
            assert _outcome(mine, value, param, ctx) == _outcome(theirs, value, param, ctx)
        assert mine.typer == [], (name, param.name)


@pytest.mark.parametrize(
    ("annotation", "info", "kind"),
    [
        (str, {}, "str"),
        (str, {"parser": str.upper}, "typer"),  # a parser is typer's to run
        (Path, {}, "path"),
        (Path, {"path_type": str}, "typer"),
        (Literal["us", "europe"], {}, "choice"),
        (Literal["us", "europe"], {"case_sensitive": False}, "typer"),
        (int, {"min": 1, "clamp": True}, "typer"),
        (float, {}, "typer"),
    ],
)
def test_only_plain_declarations_get_the_cheap_coercion(
    annotation: Any, info: dict[str, Any], kind: str
) -> None:
    from typer._coercion import resolve_type_descriptor
    from typer.models import OptionInfo

    from aicareer.cli.params import _kind

    assert _kind(resolve_type_descriptor(annotation, OptionInfo(**info)))[0] == kind


def test_the_typer_internals_params_relies_on_are_where_it_expects() -> None:
    """Also run before any test (tests/conftest.py); here so it shows in the report."""
    from aicareer.cli.params import internals_problems

    assert internals_problems() == []


def test_the_pinned_typer_range_is_the_checked_one() -> None:
    """pyproject.toml's typer pin and params.TYPER_RANGE say the same minor release."""
    import tomllib

    from aicareer.cli.params import TYPER_RANGE

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    deps = tomllib.loads(pyproject.read_text("utf-8"))["project"]["dependencies"]
    (typer_dep,) = [d for d in deps if d.startswith("typer")]
    (low, high) = TYPER_RANGE
    assert f"<{high[0]}.{high[1]}" in typer_dep and f">={low[0]}.{low[1]}" in typer_dep
