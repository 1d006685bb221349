"""The baseline for bench.py: a bare two-command typer app, run with aicareer's python.

It does what any typer CLI must (import typer, build two commands, parse argv, print),
and nothing else, so `aicareer CMD` time / `bare_app.py hello` time is aicareer's own
start-up overhead. The typer + rich reference is a separate app, `rich_app.py`, so this
one stays exactly two commands.
"""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


@app.command()
def bye(name: str = "world") -> None:
    """Say goodbye."""
    typer.echo(f"bye {name}")


if __name__ == "__main__":
    app()
