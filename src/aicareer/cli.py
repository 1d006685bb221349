"""Entry point: `aicareer` (see `aicareer --help`)."""

from __future__ import annotations

from typing import Annotated

import typer

from aicareer import __version__
from aicareer.app import app


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
    app()
