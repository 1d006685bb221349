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


def _setup() -> None:
    import signal

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_sigterm)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main() -> None:
    code: Any = 0
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
