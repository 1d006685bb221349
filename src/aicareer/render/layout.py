"""Every width: a table where it fits, stacked cards where it does not.

gh and rich-cli do not squeeze a table into a narrow terminal; they print one block per
row instead. `Grid` is that switch as a rich renderable: it is given column specs and rows,
and decides when it is drawn, from the width it is given (the terminal, a panel's inside,
a report's fixed console), so one object serves every screen and every width:

* a table when every column fits at a readable width: figures (`Col(figure=True)`: money,
  ids, numbers) at their full width, never wrapped or cut, and prose columns at least
  `min_width` and never narrower than their longest word;
* otherwise stacked cards, one block per row: the row's key (first column) as a heading,
  then `label: value` lines (`group=True`: rows with an empty key continue the block above
  and are drawn as a small borderless table under it when that fits).

Column widths are computed here and handed to rich's Table as fixed widths, so rich never
has to shrink a column (that is what cut figures to "E…"); rich draws the table.

`Fields` is the card's body on its own (`label  value` pairs, the label above its value
when the width is too small for both side by side), and `Commands` prints suggested
commands so that none is ever split across lines: on one line when they fit, else one per
line; a command longer than the width overflows rather than wraps.

Every cell is a `rich.text.Text` or a plain str, which is wrapped in `Text` (never parsed
as markup).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import (
        Console,
        ConsoleOptions,
        JustifyMethod,
        RenderableType,
        RenderResult,
    )

Cell = Text | str


class Col(NamedTuple):
    """One column: its header, and how it may be squeezed."""

    header: str
    #: Money, ids, numbers, commands: shown at full width, never wrapped, never cut.
    figure: bool = False
    #: The narrowest a prose column may get before the screen switches to cards.
    min_width: int = 10
    justify: JustifyMethod = "left"
    style: str = ""
    #: The label in a card (default: the header).
    label: str | None = None


def as_text(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(cell)


def natural_width(cell: Text) -> int:
    """The widest line of a cell, in terminal cells."""
    return max((cell_len(line) for line in cell.plain.split("\n")), default=0)


def longest_word(cell: Text) -> int:
    return max((cell_len(word) for word in cell.plain.split()), default=0)


def plan_widths(
    cols: Sequence[Col], rows: Sequence[Sequence[Text]], available: int
) -> list[int] | None:
    """Content widths for `cols` that fit in `available` cells, or None when they cannot.

    Figure columns get their widest cell; prose columns share the rest, each at least its
    minimum (min_width, its longest word, its header) and at most its widest cell.
    """
    widths: list[int] = []
    lows: list[int] = []
    highs: list[int] = []
    for i, col in enumerate(cols):
        cells = [row[i] for row in rows]
        head = cell_len(col.header)
        widest = max([head, *(natural_width(c) for c in cells)])
        if col.figure:
            lows.append(widest)
            highs.append(widest)
        else:
            word = max([longest_word(Text(col.header)), *(longest_word(c) for c in cells)])
            low = min(max(col.min_width, word), max(widest, word))
            lows.append(low)
            highs.append(max(low, widest))
    spare = available - sum(lows)
    if spare < 0:
        return None
    widths = list(lows)
    # Hand out the spare cells in proportion to what each prose column still wants, so
    # a long column is not starved by a short one that needs only a few cells.
    wants = [h - w for h, w in zip(highs, widths, strict=True)]
    total = sum(wants)
    if total <= spare:
        return highs
    given = [spare * want // total for want in wants]
    widths = [w + g for w, g in zip(widths, given, strict=True)]
    left = spare - sum(given)
    for i in sorted(range(len(cols)), key=lambda i: -wants[i]):
        if left == 0:
            break
        if widths[i] < highs[i]:
            widths[i] += 1
            left -= 1
    return widths


class Fields:
    """`label  value` lines: side by side when the value gets `min_value` cells, else the
    label on its own line with the value indented under it. A value may be any renderable
    (a str is shown as plain text)."""

    def __init__(
        self,
        pairs: Iterable[tuple[str, RenderableType]],
        *,
        indent: int = 0,
        min_value: int = 20,
        label_style: str = "bold",
        colon: bool = False,
    ) -> None:
        self.pairs: list[tuple[str, RenderableType]] = [
            (label + (":" if colon else ""), Text(v) if isinstance(v, str) else v)
            for label, v in pairs
        ]
        self.indent = indent
        self.min_value = min_value
        self.label_style = label_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if not self.pairs:
            return
        label_w = max(cell_len(label) for label, _ in self.pairs)
        value_w = width - self.indent - label_w - 1
        if value_w >= self.min_value:
            yield from self._side_by_side(console, options, label_w, value_w)
            return
        pad = " " * self.indent
        for label, value in self.pairs:
            if label:
                yield Text(pad + label, style=self.label_style)
            yield Padding(value, (0, 0, 0, self.indent + 2))

    def _side_by_side(
        self, console: Console, options: ConsoleOptions, label_w: int, value_w: int
    ) -> RenderResult:
        """Label and value side by side: a two-column grid, drawn by rich."""
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(width=label_w, no_wrap=True)
        grid.add_column(width=value_w, overflow="fold")
        for label, value in self.pairs:
            head = Text(label)
            head.stylize(self.label_style)  # the label only, not the padding after it
            grid.add_row(head, value)
        yield Padding(grid, (0, 0, 0, self.indent)) if self.indent else grid

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 20), options.max_width)


class Grid:
    """A table, or stacked cards when the table would not fit (see the module's docstring).

    cols: the columns; rows: one cell per column (str or Text). The first column is the
    card's heading. group: rows whose first cell is empty belong to the row above.
    """

    def __init__(
        self,
        cols: Sequence[Col],
        rows: Iterable[Sequence[Cell]],
        *,
        title: Cell | None = None,
        group: bool = False,
        show_lines: bool = False,
        card_gap: bool = True,
    ) -> None:
        self.cols = list(cols)
        self.rows = [[as_text(c) for c in row] for row in rows]
        self.title = None if title is None else as_text(title)
        self.group = group
        self.show_lines = show_lines
        self.card_gap = card_gap

    # -- the table --------------------------------------------------------------------

    def table_extra(self) -> int:
        """Cells a SIMPLE_HEAD table adds: its two edges, n - 1 separators, 2 per column."""
        n = len(self.cols)
        return 2 + (n - 1) + 2 * n

    def widths(self, width: int) -> list[int] | None:
        """Column content widths for a table `width` cells wide, or None: cards instead."""
        return plan_widths(self.cols, self.rows, width - self.table_extra())

    def drawn(self, console: Console, width: int) -> Table | None:
        """The table (box SIMPLE_HEAD, the planned widths), drawn by rich; None when it does
        not fit (then: cards)."""
        widths = self.widths(width)
        if widths is None:
            return None
        table = Table(
            box=box.SIMPLE_HEAD,
            show_lines=self.show_lines,
            title=self.title,
            title_justify="left",
            title_style="bold",
        )
        for col, w in zip(self.cols, widths, strict=True):
            table.add_column(
                Text(col.header),
                width=w,
                no_wrap=col.figure,
                overflow="ignore" if col.figure else "fold",
                justify=col.justify,
                style=col.style or None,
            )
        for row in self.rows:
            table.add_row(*row)
        return table

    # -- the cards --------------------------------------------------------------------

    def _groups(self) -> list[tuple[Text, list[list[Text]]]]:
        groups: list[tuple[Text, list[list[Text]]]] = []
        for row in self.rows:
            if self.group and groups and not row[0].plain:
                groups[-1][1].append(row[1:])
            else:
                groups.append((row[0], [row[1:]]))
        return groups

    def cards(self, width: int) -> list[RenderableType]:
        parts: list[RenderableType] = []
        if self.title is not None:
            parts += [Text(self.title.plain, style="bold"), Text("")]
        rest = self.cols[1:]
        for n, (head, rows) in enumerate(self._groups()):
            if self.card_gap and n:
                parts.append(Text(""))
            heading = head.copy()
            heading.stylize("bold")
            parts.append(heading)
            if self.group:
                # A block of rows: a small borderless table under the heading.
                widths = plan_widths(rest, rows, width - 2 - (len(rest) - 1))
                if widths is not None:
                    grid = Table.grid(padding=(0, 1, 0, 0), pad_edge=False)
                    grid.add_column(width=1)
                    for col, w in zip(rest, widths, strict=True):
                        grid.add_column(width=w, no_wrap=col.figure, justify=col.justify)
                    for row in rows:
                        grid.add_row(Text(""), *row)
                    parts.append(grid)
                    continue
            for row in rows:
                pairs = [
                    (col.label or col.header, cell)
                    for col, cell in zip(rest, row, strict=True)
                    if cell.plain
                ]
                parts.append(Fields(pairs, indent=2, colon=True))
        parts.append(Text(""))
        return parts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        drawn = self.drawn(console, width)
        if drawn is not None:
            yield drawn
        else:
            yield Group(*self.cards(width))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 20), options.max_width)


class Commands:
    """Suggested commands, never split: `prefix cmd1; cmd2` when that fits on a line, else
    the prefix alone and one command per line (a command longer than the width overflows
    its line rather than wrap; print with `crop=False` to keep it whole)."""

    def __init__(self, prefix: str, commands: Sequence[str], style: str = "dim") -> None:
        self.prefix = prefix
        self.commands = list(commands)
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        one = (
            f"{self.prefix} {'; '.join(self.commands)}" if self.prefix else "; ".join(self.commands)
        )
        if cell_len(one) <= options.max_width:
            yield Text(one, style=self.style, no_wrap=True, overflow="ignore")
            return
        if self.prefix:
            yield Text(self.prefix, style=self.style)
        for cmd in self.commands:
            yield Text("  " + cmd, style=self.style, no_wrap=True, overflow="ignore", end="\n")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 20), options.max_width)


class WholeLine:
    """One line as it is: rich neither wraps nor splits it. Printed with `crop=False`, a
    line longer than the terminal runs past the edge whole (README: a suggested command is
    never split across lines)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        yield from self.text.render(console, end="")
        yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement(self.text.cell_len, self.text.cell_len)
