"""The typer application, shared options and the one place errors become exit codes.

Commands load lazily: `aicareer compare` imports and builds only `compare`, never the
quiz, the planner or batch. The tables below name the module that defines each command
(in the order `aicareer --help` lists them); the module registers the function with
`@command(app, NAME)` when it is imported. This is click's documented "lazy loading
subcommands" pattern, done through the group's command mapping so that typer's listing,
help and "did you mean" all see every command.

Command modules import only typer at module level; everything heavy is imported inside
the command body, so `aicareer --help` and JSON output stay fast.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, ParamSpec, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from aicareer.cli.params import plain
from aicareer.errors import AicareerError, ExitCode, Terminated

if TYPE_CHECKING:
    from typer._click import Command, Context, Parameter

    from aicareer.records.dataset import Dataset

P = ParamSpec("P")
R = TypeVar("R")

#: Command name -> the module that defines it, in help order. "data" is the group below.
COMMANDS: dict[str, str] = {
    "quiz": "aicareer.cli.commands.quiz",
    "history": "aicareer.cli.commands.history",
    "roles": "aicareer.cli.commands.browse",
    "show": "aicareer.cli.commands.browse",
    "why": "aicareer.cli.commands.why",
    "compare": "aicareer.cli.commands.browse",
    "salary": "aicareer.cli.commands.pay",
    "matrix": "aicareer.cli.commands.info",
    "map": "aicareer.cli.commands.map",
    "path": "aicareer.cli.commands.path",
    "gap": "aicareer.cli.commands.gap",
    "decide": "aicareer.cli.commands.decide",
    "report": "aicareer.cli.commands.report",
    "batch": "aicareer.cli.commands.batch",
    "data": "aicareer.cli.app",
}
DATA_COMMANDS: dict[str, str] = {
    "check": "aicareer.cli.commands.info",
    "rules": "aicareer.cli.commands.why",
    "info": "aicareer.cli.commands.info",
}

#: (group, name) -> how to build that click command; `command` fills it in as modules import.
_REGISTERED: dict[tuple[str, str], Callable[[], Command]] = {}


class _LazyCommands(MutableMapping[str, "Command"]):
    """A group's name -> command mapping that imports and builds a command on first use."""

    def __init__(self, group: str, table: dict[str, str]) -> None:
        self._group = group
        self._table = table
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            if name not in self._table:
                raise KeyError(name)
            importlib.import_module(self._table[name])
            self._built[name] = _REGISTERED[(self._group, name)]()
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from self._table
        yield from (name for name in self._built if name not in self._table)

    def __len__(self) -> int:
        return len(set(self._table) | set(self._built))


class _LazyGroup(TyperGroup):
    group: ClassVar[str]
    table: ClassVar[dict[str, str]]

    def get_params(self, ctx: Context) -> list[Parameter]:
        return plain(super().get_params(ctx))

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        lazy = _LazyCommands(self.group, self.table)
        lazy.update(self.commands)
        self.commands = lazy


class _Command(TyperCommand):
    """A command whose plain parameters skip typer's pydantic coercion (aicareer.cli.params)."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        return plain(super().get_params(ctx))


class _RootGroup(_LazyGroup):
    group = ""
    table = COMMANDS


class _DataGroup(_LazyGroup):
    group = "data"
    table = DATA_COMMANDS


app = typer.Typer(
    name="aicareer",
    cls=_RootGroup,
    help=(
        "Find the AI role that fits you: take the quiz, browse and compare roles, "
        "look up pay by region, and plan the way in.\n\n"
        "Start with:  aicareer quiz"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # --install-completion / --show-completion; the words are completed by
    # aicareer.cli.completion (role ids and aliases, regions, levels, phases).
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
data_app = typer.Typer(
    name="data",
    cls=_DataGroup,
    help="Check and describe the role data in use.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
_REGISTERED[("", "data")] = functools.partial(typer.main.get_group, data_app)

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
    from aicareer.records.dataset import load

    return load(data_dir)


def _report(exc: AicareerError) -> None:
    from aicareer.console import error

    for line in exc.lines:
        error(line)


_said: list[bool] = []


def interrupted(*, terminated: bool = False, once: bool = False) -> None:
    """The one line for Ctrl-C or SIGTERM. `once`: only if it was not said already (typer
    turns a Ctrl-C outside a command into a silent exit 130; cli.main then says it)."""
    if once and _said:
        return
    _said.append(True)
    sys.stderr.write("\nTerminated.\n" if terminated else "\nInterrupted.\n")


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush cannot fail again
    (after a broken pipe or a full disk, Python would print "Exception ignored")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


#: errno values of a write that cannot complete (disk full, quota, too big, I/O, pipe).
_WRITE_ERRNOS = ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EPIPE")


def stdout_failed(exc: BaseException) -> bool:
    """Whether `exc` is stdout failing: a closed pipe, or a write that cannot complete.

    Files aicareer writes by name report their own errors (exit 7, naming the file), so
    a bare write error without a file name is stdout's."""
    if isinstance(exc, BrokenPipeError):
        return True
    if not isinstance(exc, OSError) or exc.filename is not None:
        return False
    import errno

    return exc.errno in {getattr(errno, name, -1) for name in _WRITE_ERRNOS}


def stdout_error(exc: OSError) -> int:
    """Report a stdout failure: a closed pipe is a quiet, normal end (exit 0, as `head`
    expects); anything else (a full disk) is one line and exit 7."""
    quiet_stdout()
    if isinstance(exc, BrokenPipeError):
        return int(ExitCode.OK)
    from aicareer.console import error

    error(f"cannot write to stdout: {exc.strerror or exc}")
    return int(ExitCode.OUTPUT)


def command(
    target: typer.Typer, name: str | None = None, **kwargs: Any
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register a command whose AicareerError, Ctrl-C, SIGTERM, stdout failures and bugs
    end in a clean exit code and one line on stderr."""

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
            except Terminated:
                interrupted(terminated=True)
                raise typer.Exit(int(ExitCode.TERMINATED)) from None
            except KeyboardInterrupt:
                interrupted()
                raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
            except Exception as exc:
                if isinstance(exc, OSError) and stdout_failed(exc):
                    raise typer.Exit(stdout_error(exc)) from None
                if os.environ.get("AICAREER_DEBUG"):
                    raise
                from aicareer.console import error, note

                error(f"internal error: {type(exc).__name__}: {exc}")
                note("This is a bug in aicareer. Run again with AICAREER_DEBUG=1 for details.")
                raise typer.Exit(int(ExitCode.INTERNAL)) from None

        one = typer.Typer(add_completion=False, rich_markup_mode=None)
        one.command(name, cls=_Command, **kwargs)(wrapper)
        group = "data" if target is data_app else ""
        _REGISTERED[(group, name or fn.__name__)] = functools.partial(typer.main.get_command, one)
        return fn

    return decorate
