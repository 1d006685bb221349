"""Entry point: `aicareer` (see `aicareer --help`)."""

from __future__ import annotations

import gc
from typing import Annotated

# Start-up allocates ~50,000 objects (typer, click, rich, pydantic, the role data) and
# frees almost none; with the default threshold (700) the collector walks them dozens of
# times for nothing, about 10-20% of a short command's run time. A high first threshold,
# as mypy sets, keeps it off during start-up yet still collects in a long run (batch, the
# quiz), so memory stays flat; main() freezes everything before exit so that the final
# collection at shutdown walks nothing. bench/README.md has the numbers.
gc.set_threshold(200_000, 30, 30)

import typer  # noqa: E402

from aicareer import __version__  # noqa: E402
from aicareer.app import app  # noqa: E402


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aicareer {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Find the AI role that fits you: take the quiz, browse and compare roles, look up pay
    by region, and plan the way in.

    Start with:  aicareer quiz
    """


def main() -> None:
    try:
        app()
    finally:
        gc.freeze()  # shutdown's collection skips what start-up made (see the top)
