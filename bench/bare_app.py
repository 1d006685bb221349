"""The baseline for bench.py: a bare two-command typer app, run with aicareer's python.

It does what any typer CLI must (import typer, build two commands, parse argv, print),
and nothing else, so `aicareer CMD` time / `bare_app.py hello` time is aicareer's own
start-up overhead.

`table` is a reference, not a baseline: the same app printing one small rich table, i.e.
the floor for any typer CLI whose output is a rich table (rich is part of aicareer's fixed
stack). bench.py shows it so the cost of rich itself can be told apart from aicareer's.
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


@app.command()
def table() -> None:
    """Print a small rich table."""
    from rich.console import Console
    from rich.table import Table

    grid = Table(title="roles")
    for column in ("role", "level", "range"):
        grid.add_column(column)
    for role in ("ai-engineer", "ml-engineer", "llm-engineer"):
        for level in ("entry", "mid", "senior"):
            grid.add_row(role, level, "$100K-$150K")
    Console().print(grid)


if __name__ == "__main__":
    app()
