"""Options and helpers that several command modules share (region option, plain printing)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Annotated

import typer

from aicareer.cli.app import _REGISTERED
from aicareer.cli.completion import complete_region

if TYPE_CHECKING:
    from typer._click import Command

RegionOpt = Annotated[
    str,
    typer.Option(
        "--region",
        "-r",
        help="Pay region, any case: a region id or name from the data (e.g. europe).",
        metavar="REGION",
        autocompletion=complete_region,
    ),
]


def build_plain(one: typer.Typer) -> Command:
    """typer shows a list argument as `ROLE <list[str]>` in help; show just `ROLE`."""
    cmd = typer.main.get_command(one)
    for param in cmd.params:
        if param.param_type_name == "argument" and param.nargs != 1:
            setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010
    return cmd


def plain_list_argument(name: str) -> None:
    build = _REGISTERED[("", name)]
    assert isinstance(build, functools.partial)
    _REGISTERED[("", name)] = functools.partial(build_plain, build.args[0])


def print_out(renderable: object) -> None:
    """Print to stdout; a command longer than the terminal overflows, never wraps."""
    from aicareer.console import out

    out().print(renderable, crop=False)
