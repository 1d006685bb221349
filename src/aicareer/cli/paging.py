"""Long results on a terminal: the summary first, the details only when asked for.

The quiz leads with a summary that fits 80x24. On a terminal (never when piped or
redirected, never with TERM=dumb), when the details after it would not fit on the screen
too, the person sees the summary and a one-line offer of the details (`--details`), never a
pager that hides the summary. Asked for (`--details`), summary and details go through the
system pager together, the summary on its first page (rich's `console.pager()`, which uses
pydoc's: $PAGER, else `less`). `PAGER=cat` turns paging off. The pager gets plain text:
`less` without -R would show colour codes as garbage.
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
    *,
    details: bool = False,
    offer: str = "",
) -> bool:
    """Print `lead`, then `rest` when it fits (or stdout is no terminal). On a terminal
    where it does not fit: with `details`, all of it through a pager (True: paged);
    without, `lead` and the one-line `offer` of the details."""
    # Counting lines renders everything once more: only worth it on a terminal.
    overflow = (
        bool(rest)
        and on_a_terminal(console)
        and wants_pager(console, line_count(console, lead), line_count(console, rest))
    )
    if overflow and details:
        os.environ.setdefault("LESS", "FRX")  # less: quit if one screen, keep it on screen
        with console.pager(pager=pager, styles=False):
            for item in [*lead, *rest]:
                console.print(item, crop=False)
        return True
    for item in lead:
        console.print(item, crop=False)
    if overflow:
        if offer:
            console.print(offer, crop=False, soft_wrap=True, highlight=False, markup=False)
        return False
    for item in rest:
        console.print(item, crop=False)
    return False
