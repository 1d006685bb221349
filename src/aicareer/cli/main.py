"""Entry point: `aicareer` (see `aicareer --help`).

This module imports nothing but `sys` at module level, so that Ctrl-C in the first
milliseconds (while typer and the commands load) is caught by `main()` like any other
Ctrl-C: one line and exit 130, never a traceback. `main()` also

- turns SIGTERM into `errors.Terminated` (a KeyboardInterrupt: temp files are removed and
  an unfinished quiz is kept, as with Ctrl-C; exit 143);
- makes stdout and stderr replace what the locale's encoding cannot show (a non-UTF-8
  locale degrades to `?`, never crashes);
- ends quietly (exit 0) when stdout is a closed pipe (`aicareer salary | head -1`), and
  with one line and exit 7 when stdout cannot be written (`aicareer roles > /dev/full`).
"""

from __future__ import annotations

import gc
import sys

# Start-up allocates ~50,000 objects (typer, click, rich, pydantic, the role data) and frees
# almost none; at the default threshold (700) the collector walks them dozens of times for
# nothing, 10-20% of a short command's time. A high first threshold, as mypy sets, keeps it
# quiet during start-up yet still collects in a long run, so memory stays bounded; main()
# freezes everything before exit so that shutdown's final collection walks nothing.
# bench/README.md has the numbers.
gc.set_threshold(200_000, 30, 30)

TYPE_CHECKING = False  # not `typing`'s: importing typing costs ~10 ms before main() runs
if TYPE_CHECKING:
    from typing import Annotated, Any

    import typer


def _version(value: bool) -> None:
    if value:
        import typer

        from aicareer import __version__

        typer.echo(f"aicareer {__version__}")
        raise typer.Exit()


def _build() -> typer.Typer:
    """The application with its root options (built once, on first use)."""
    # typer reads the annotations below as strings, in this module's globals
    global typer, Annotated
    from typing import Annotated

    import typer

    from aicareer.cli.app import app

    if app.registered_callback is not None:
        return app

    @app.callback()
    def _root(
        version: Annotated[
            bool,
            typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
        ] = False,
    ) -> None:
        """Find the AI role that fits you: take the quiz, browse and compare roles, look up
        pay by region, and plan the way in.

        Start with:  aicareer quiz
        """

    return app


def __getattr__(name: str) -> Any:
    """`aicareer.cli.main.app`: the typer application (tests drive it with CliRunner)."""
    if name == "app":
        return _build()
    raise AttributeError(name)


def _on_sigterm(signum: int, frame: object) -> None:
    from aicareer.errors import Terminated

    raise Terminated()


#: The widths aicareer lays text out in when $COLUMNS asks for something else.
MIN_COLUMNS, MAX_COLUMNS = 20, 1000


def _streams() -> int | None:
    """Standard streams that were closed when aicareer started (`>&-`, `<&-`, `2>&-`).

    Python sets such a stream to None. A closed stderr or stdin is replaced by /dev/null
    (nothing to say it on; nothing to read: a quiz then says stdin is not a terminal, exit
    6, and `--answers -` reads an empty file, exit 4); the descriptor is taken, so no file
    aicareer opens lands on 0, 1 or 2. A closed stdout is exit 7, "stdout cannot be
    written", before anything runs. Returns that exit code, or None to go on."""
    import os

    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the run)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        from aicareer.errors import ExitCode

        sys.stderr.write("error: cannot write to stdout: it is closed\n")
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        return int(ExitCode.OUTPUT)
    return None


def _columns() -> None:
    """$COLUMNS (and $LINES) that are not a usable size are clamped or ignored: 0, a
    negative number or text would leave rich nothing to print in; a huge width, lines
    no terminal can show."""
    import os

    for name, low, high in (("COLUMNS", MIN_COLUMNS, MAX_COLUMNS), ("LINES", 5, 10_000)):
        value = os.environ.get(name)
        if value is None:
            continue
        try:
            number = int(value.strip())
        except ValueError:
            del os.environ[name]
            continue
        if number < 1:
            del os.environ[name]
        elif not low <= number <= high:
            os.environ[name] = str(min(max(number, low), high))


def _setup() -> None:
    import signal

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_sigterm)
    _columns()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main() -> None:
    code: Any = _streams()
    if code is not None:
        sys.exit(code)
    code = 0
    try:
        _setup()
        app = _build()
        try:
            app()
        except SystemExit as exc:
            code = exc.code
        if code == 130:  # a Ctrl-C that typer caught outside a command: say it once
            from aicareer.cli.app import interrupted

            interrupted(once=True)
        sys.stdout.flush()  # a failure here is reported below, not at interpreter exit
    except KeyboardInterrupt as exc:
        from aicareer.errors import ExitCode, Terminated

        terminated = isinstance(exc, Terminated)
        sys.stderr.write("\nTerminated.\n" if terminated else "\nInterrupted.\n")
        code = int(ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED)
    except OSError as exc:
        from aicareer.cli.app import stdout_error, stdout_failed

        if not stdout_failed(exc):
            raise
        code = stdout_error(exc)
    gc.freeze()  # shutdown's collection skips what the run made (see the top)
    sys.exit(code)
