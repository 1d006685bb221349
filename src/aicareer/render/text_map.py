"""The landscape map on the terminal (`aicareer map`, the SVG report): a
`planner.landscape.Layout` drawn as rich text, its style spans applied (`to_text`), or
below the map's MIN_WIDTH the same placements as a list, a table or cards (`view`).
Nothing is placed here: the layout is the planner's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aicareer.planner.landscape import MIN_WIDTH, Layout

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


def view(lay: Layout, width: int) -> RenderableType:
    """`aicareer map` at `width` columns: the map with its legend wrapped to the width; below
    MIN_WIDTH, where the map cannot be drawn, the same placements as a list (a table or
    cards, see layout.Grid), best fits first."""
    from rich.console import Group
    from rich.text import Text

    if width >= MIN_WIDTH:
        lines = to_text(Layout(lay.width, lay.lines, lay.placed, [], lay.spans))
        return Group(lines, *(Text(entry) for entry in lay.legend))
    from aicareer.render.layout import Col, Grid

    def axis(value: int, low: str, high: str) -> str:
        return f"{value}/10 ({low if value < 4 else high if value > 6 else 'middle'})"

    placed = sorted(lay.placed, key=lambda p: (p.rank or 99, p.y, p.x))
    rows = [
        [
            Text(p.name),
            Text(axis(p.x, "model", "infrastructure")),
            Text(axis(p.y, "research", "production")),
            Text("" if p.rank is None else f"#{p.rank}, score {p.score}"),
        ]
        for p in placed
    ]
    cols = [
        Col("role", figure=True, style="bold"),
        Col("model/infra", figure=True),
        Col("research/prod", figure=True),
        Col("your fit", figure=True),
    ]
    if not any(p.rank for p in placed):
        cols.pop()
        rows = [r[:3] for r in rows]
    note = Text(
        f"The map needs {MIN_WIDTH} columns; here are the same placements as a list.",
        style="dim",
    )
    legend = [Text(e) for e in lay.legend if e.startswith(("Not on", "Placement"))]
    return Group(note, Text(""), Grid(cols, rows, title="The landscape"), *legend)


def to_text(lay: Layout) -> Text:
    """The layout as one rich Text (map lines, then the legend)."""
    from rich.text import Text

    text = Text(no_wrap=True, overflow="crop")
    offsets = []
    for i, row in enumerate(lay.text_lines):
        offsets.append(len(text.plain))
        text.append(row)
        if i < len(lay.lines) - 1:
            text.append("\n")
    plain = lay.text_lines
    for line_no, start, end, style in lay.spans:
        base = offsets[line_no]
        length = len(plain[line_no])
        s, e = min(start, length), min(end, length)
        if s < e:
            text.stylize(style, base + s, base + e)
    for entry in lay.legend:
        text.append("\n" + entry)
    return text
