"""Where output goes: results to stdout, everything else to stderr.

The consoles are created on first use so that commands printing JSON never import rich.
Text that comes from data or answer files must reach rich as `rich.text.Text` (or through
`plain()`), never as a markup string.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@cache
def out() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def print_json(obj: Any) -> None:
    """Stable JSON on stdout: sorted keys would reorder rankings, so keep insertion order.

    pydantic_core writes it (the same text as `json.dumps(obj, indent=2, ensure_ascii=False)`):
    typer has already loaded it to parse the options, while `json` would be one more import.
    """
    from pydantic_core import to_json

    sys.stdout.write(to_json(obj, indent=2).decode() + "\n")


def error(line: str) -> None:
    """One line on stderr, printed as plain text (never parsed as markup)."""
    sys.stderr.write(f"error: {line}\n")


def note(line: str) -> None:
    sys.stderr.write(f"{line}\n")
