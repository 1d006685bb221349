"""A reference for bench.py, not a baseline: the bare app, but `table` prints a rich table.

It is the floor for any typer CLI whose output is a rich table (rich is part of aicareer's
fixed stack), so bench.py can tell the cost of rich itself apart from aicareer's own.
Like bare_app.py it has exactly two commands.
"""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


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


@app.command()
def bye(name: str = "world") -> None:
    """Say goodbye."""
    typer.echo(f"bye {name}")


if __name__ == "__main__":
    app()
