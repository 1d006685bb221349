"""The typer application, shared options and the one place errors become exit codes.

Command modules (aicareer/commands/*.py) register themselves here with `@command(app)`.
They import only typer at module level; everything heavy is imported inside the command
body, so `aicareer --help` and JSON output stay fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from aicareer.data import Dataset

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="aicareer",
    help=(
        "Find the AI role that fits you: take the quiz, browse and compare roles, "
        "look up pay by region, and plan the way in.\n\n"
        "Start with:  aicareer quiz"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
data_app = typer.Typer(
    help="Check and describe the role data in use.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(data_app, name="data")

DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Use the data files in this folder instead of the built-in ones "
        "(also: AICAREER_DATA_DIR).",
        metavar="DIR",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of tables.")]


def dataset(data_dir: Path | None) -> Dataset:
    from aicareer.data import load

    return load(data_dir)


def _report(exc: AicareerError) -> None:
    for line in exc.lines:
        sys.stderr.write(f"error: {line}\n")


def command(
    target: typer.Typer, name: str | None = None, **kwargs: Any
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register a command whose AicareerError, Ctrl-C and bugs end in a clean exit code."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kw: P.kwargs) -> R:
            try:
                return fn(*args, **kw)
            except (typer.Exit, typer.Abort, typer.TyperException):
                raise
            except AicareerError as exc:
                _report(exc)
                raise typer.Exit(int(exc.code)) from None
            except KeyboardInterrupt:
                sys.stderr.write("\nInterrupted.\n")
                raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
            except BrokenPipeError:
                # The reader went away (e.g. `| head`); nothing useful left to say.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                raise typer.Exit(int(ExitCode.OK)) from None
            except Exception as exc:
                if os.environ.get("AICAREER_DEBUG"):
                    raise
                sys.stderr.write(
                    f"error: internal error: {type(exc).__name__}: {exc}\n"
                    "This is a bug in aicareer. Run again with AICAREER_DEBUG=1 for details.\n"
                )
                raise typer.Exit(int(ExitCode.INTERNAL)) from None

        target.command(name, **kwargs)(wrapper)
        return fn

    return decorate
