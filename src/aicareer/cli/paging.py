"""Long results on a terminal: the first screen printed, the rest through a pager.

The quiz leads with a summary that fits 80x24; when the details after it do not fit on the
screen too, and only when stdout is a terminal (never when piped or redirected, never with
TERM=dumb), they go through the system pager (rich's `console.pager()`, which uses pydoc's:
$PAGER, else `less`). `PAGER=cat` turns paging off. The pager gets plain text: `less`
without -R would show colour codes as garbage.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.pager import Pager


def line_count(console: Console, items: Sequence[RenderableType]) -> int:
    """How many lines `items` take at the console's width."""
    return sum(len(console.render_lines(item, pad=False)) for item in items)


def on_a_terminal(console: Console) -> bool:
    return console.is_terminal and not console.is_dumb_terminal


def wants_pager(console: Console, lead: int, rest: int) -> bool:
    """Page when stdout is a real terminal and the summary plus the rest overflow it."""
    if not on_a_terminal(console):
        return False
    return lead + rest > console.height - 1


def show(
    console: Console,
    lead: Sequence[RenderableType],
    rest: Sequence[RenderableType],
    pager: Pager | None = None,
) -> bool:
    """Print `lead`; then `rest`, through a pager when it would not fit. True: paged."""
    for item in lead:
        console.print(item, crop=False)
    # Counting lines renders everything once more: only worth it on a terminal.
    paged = (
        bool(rest)
        and on_a_terminal(console)
        and wants_pager(console, line_count(console, lead), line_count(console, rest))
    )
    if not paged:
        for item in rest:
            console.print(item, crop=False)
        return False
    os.environ.setdefault("LESS", "FRX")  # less: quit if one screen, keep it on screen
    with console.pager(pager=pager, styles=False):
        for item in rest:
            console.print(item, crop=False)
    return True
