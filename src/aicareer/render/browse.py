"""Rich renderables for roles, salaries and the decision matrix.

Every string that comes from a data or answers file enters rich as `Text(...)`, so square
brackets in a description are shown, never interpreted as markup. Every table is a
`layout.Grid`: a table where it fits, stacked cards where it does not, figures never cut
(see layout.py); suggested commands go through `layout.Commands`, never split.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.text import Text

from aicareer.planner.salary import (
    BASE_REGION,
    RegionalBand,
    basis_label,
    format_range,
    headline_band,
    pick_band,
)
from aicareer.records.dataset import Dataset
from aicareer.records.models import NotARole, Role
from aicareer.records.rulemodels import MatrixFile
from aicareer.render.layout import Col, Commands, Fields, Grid

LEVEL_LABEL = {
    "entry": "Entry",
    "mid": "Mid",
    "senior": "Senior",
    "median": "Median",
    "architect": "Architect",
    "all": "All levels",
}
BASIS_LABEL = {"us-base": "US base", "total-comp": "total comp", "unstated": "basis not stated"}
__all__ = ["BASIS_LABEL", "LEVEL_LABEL", "basis_label", "bullets"]


def level_text(band: RegionalBand) -> str:
    return LEVEL_LABEL[band.level] + (f" ({band.segment})" if band.segment else "")


def bullets(items: Iterable[str], limit: int | None = None) -> Text:
    items = list(items)
    shown = items if limit is None else items[:limit]
    text = Text("\n".join(f"• {item}" for item in shown))
    if limit is not None and len(items) > limit:
        text.append(f"\n  (+{len(items) - limit} more)", style="dim")
    return text


#: What each end of the two scales means, said once under a comparison.
SCALE_LEGEND = (
    "Focus: 1 = closer to the model, 10 = closer to infrastructure. "
    "Work: 1 = research, 10 = production."
)


def cite(ds: Dataset, source_id: str) -> str:
    """A source as a reader would cite it: "Title (Publisher, 2026-03)"."""
    src = ds.sources.get(source_id)
    return f"{src.title} ({src.publisher}, {src.as_of})" if src else source_id


def _scale_word(value: int, low: str, high: str) -> str:
    return f"closer to {low}" if value < 4 else f"closer to {high}" if value > 6 else "in between"


def focus_text(role: Role) -> Text:
    """Where the role sits between the model (1) and infrastructure (10)."""
    if role.axes is None:
        return Text("not on the guide's map (adjacent role)", style="dim")
    x = role.axes.model_infra
    return Text(f"{x} of 10: {_scale_word(x, 'the model', 'infrastructure')}")


def work_text(role: Role) -> Text:
    """Where the role sits between research (1) and production (10)."""
    if role.axes is None:
        return Text("not on the guide's map (adjacent role)", style="dim")
    y = role.axes.research_production
    return Text(f"{y} of 10: {_scale_word(y, 'research', 'production')}")


def axes_text(role: Role) -> Text:
    """Both scales in one cell, each end named (the show screen's "Focus" line)."""
    if role.axes is None:
        return Text("not on the guide's map (adjacent role)", style="dim")
    return Text(
        f"{focus_text(role).plain} (1 = model, 10 = infrastructure); "
        f"{work_text(role).plain} (1 = research, 10 = production)"
    )


def roles_table(ds: Dataset) -> Group:
    """`aicareer roles`: id, status, US mid pay (base), demand."""
    rows = []
    for role in ds.roles.values():
        status = role.status if role.kind == "core" else "adjacent role"
        band = headline_band(role)
        pay = (
            Text("no data", style="dim")
            if band is None
            else Text(format_range(band.low, band.high, plus=band.plus, approx=band.approx))
        )
        rows.append((Text(role.id), Text(status), pay, Text(role.signal)))
    cols = [
        Col("id", figure=True, style="bold"),
        Col("status", min_width=12),
        Col("US mid (base)", figure=True),
        Col("demand", min_width=14),
    ]
    return Group(
        Grid(cols, rows, title="AI roles"),
        Text(
            f"Pay: US base salary, mid level, 2025-2026, from {cite(ds, 'roles-guide')}; "
            "ranges the source does not split by level are shown as it gives them.",
            style="dim",
        ),
        Commands("More:", ["aicareer salary", "aicareer show ROLE"]),
    )


def pay_grid(ds: Dataset, role: Role, bands: Sequence[RegionalBand]) -> RenderableType:
    """A role's figures for one region: level, range, and what each figure is."""
    parts: list[RenderableType] = []
    if bands:
        rows = [
            (
                Text(level_text(b)),
                Text(b.text),
                Text(f"{basis_label(b)}; {ds.source_label(b.source)}"),
            )
            for b in bands
        ]
        cols = [Col("level", min_width=6), Col("range", figure=True), Col("basis, source")]
        parts.append(_Bare(cols, rows))
    else:
        parts.append(Text(role.salary.no_figure or "No figure in the sources", style="dim"))
    if role.salary.note:
        parts.append(
            Text(f"The AI Roles & Career Paths guide's note: {role.salary.note}", style="dim")
        )
    return Group(*parts)


class _Bare:
    """A headerless, borderless Grid for inside a card; label: value lines when narrow."""

    def __init__(self, cols: Sequence[Col], rows: Sequence[Sequence[Text]]) -> None:
        self.cols = cols
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.table import Table

        from aicareer.render.layout import plan_widths

        width = options.max_width
        widths = plan_widths(self.cols, self.rows, width - (len(self.cols) - 1))
        if widths is not None:
            grid = Table.grid(padding=(0, 1, 0, 0), pad_edge=False)
            for col, w in zip(self.cols, widths, strict=True):
                grid.add_column(width=w, no_wrap=col.figure)
            for row in self.rows:
                grid.add_row(*row)
            yield grid
            return
        from rich.padding import Padding

        for row in self.rows:
            yield Text(f"{row[0].plain}: {row[1].plain}", no_wrap=True, overflow="ignore")
            for cell in row[2:]:
                yield Padding(cell, (0, 0, 0, 2))


def role_card(
    ds: Dataset,
    role: Role,
    bands: Sequence[RegionalBand],
    region: str = BASE_REGION,
    cheap_test: str | None = None,
) -> Panel:
    label = ds.matrix.regions[region].label if region in ds.matrix.regions else region
    pairs: list[tuple[str, RenderableType]] = [
        ("Status", Text(role.status + (" (adjacent role)" if role.kind == "adjacent" else ""))),
        ("In short", Text(role.summary)),
    ]
    if role.responsibilities:
        pairs.append(("What they do", bullets(role.responsibilities)))
    pairs.append(("Tech skills", bullets(role.skills.technical)))
    if role.skills.soft:
        pairs.append(("Soft skills", bullets(role.skills.soft)))
    if role.backgrounds:
        pairs.append(("Comes from", Text(", ".join(role.backgrounds))))
    pairs.append(("Demand", Text(role.demand)))
    pairs.append(("Landscape", axes_text(role)))
    if role.timeline:
        pairs.append(("Time to move", Text(role.timeline)))
    pairs.append((f"Pay, {label}", pay_grid(ds, role, bands)))
    if role.break_in:
        pairs.append(("Break in", bullets(role.break_in)))
    if cheap_test:
        pairs.append(("Try first", Text(cheap_test)))
    if role.study:
        pairs.append(("Study", bullets(role.study)))
    if role.related:
        pairs.append(("Related", Text(", ".join(role.related))))
    pairs.append(("Sources", Text("; ".join(ds.source_label(s) for s in role.sources))))
    title = Text(f"{role.name}  ", style="bold")
    title.append(f"({role.id})", style="dim")
    return Panel(Fields(pairs), title=title, title_align="left", box=box.ROUNDED)


def not_role_panel(ds: Dataset, term: NotARole) -> Panel:
    body = Text(term.explanation)
    if term.see:
        names = ", ".join(f"{ds.roles[r].name} ({r})" for r in term.see)
        body.append(f"\n\nSee instead: {names}")
    body.append(f"\n\nSource: {ds.source_label(term.source)}", style="dim")
    return Panel(body, title=Text(f"{term.name}: not a role (yet)"), title_align="left")


COMPARE_LEVELS = ("entry", "mid", "senior")


class CompareView:
    """`aicareer compare`: the roles side by side when they fit (each at least 18 cells
    wide), else one card per role."""

    def __init__(
        self, ds: Dataset, roles: Sequence[Role], bands: dict[str, list[RegionalBand]]
    ) -> None:
        self.roles = list(roles)
        rows: list[tuple[str, list[Text]]] = [
            ("Focus", [focus_text(r) for r in roles]),
            ("Work", [work_text(r) for r in roles]),
            ("Status", [Text(r.status) for r in roles]),
            ("What they do", [Text(r.summary) for r in roles]),
            ("Key skills", [bullets(r.skills.technical, limit=4) for r in roles]),
            ("Comes from", [Text(", ".join(r.backgrounds) or "-") for r in roles]),
        ]
        for level in COMPARE_LEVELS:
            cells = []
            for r in roles:
                picked = pick_band(bands[r.id], level, basis="us-base")
                cells.append(
                    Text(picked.text)
                    if picked
                    else Text(r.salary.no_figure or "no data", style="dim")
                )
            rows.append((f"{LEVEL_LABEL[level]} pay", cells))
        rows.append(("Demand", [Text(r.demand) for r in roles]))
        rows.append(
            ("Time to move", [Text(r.timeline or "not stated in the sources") for r in roles])
        )
        self.rows = rows
        self.grid = Grid(
            [Col("", figure=True, style="bold")] + [Col(r.name, min_width=18) for r in roles],
            [[Text(label), *cells] for label, cells in rows],
            show_lines=True,
        )
        self.footer = Group(
            Text(f"{SCALE_LEGEND} From the landscape in {cite(ds, 'roles-guide')}.", style="dim"),
            Text(
                "Pay: US base salary, 2025-2026 figures from the same guide; indicative.",
                style="dim",
            ),
            Commands("More:", ["aicareer salary " + " ".join(r.id for r in roles)]),
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.grid.drawn(console, options.max_width)
        if table is not None:
            yield table
        else:
            for i, role in enumerate(self.roles):
                heading = Text(f"{role.name} ", style="bold")
                heading.append(f"({role.id})", style="dim")
                yield heading
                yield Fields([(label, cells[i]) for label, cells in self.rows], indent=2)
                yield Text("")
        yield self.footer


def compare_table(
    ds: Dataset, roles: Sequence[Role], bands: dict[str, list[RegionalBand]]
) -> CompareView:
    return CompareView(ds, roles, bands)


SALARY_COLS = [
    Col("role", figure=True, style="bold"),
    Col("level", min_width=6),
    Col("range", figure=True),
    Col("basis", min_width=10),
]


def salary_tables(ds: Dataset, rows: Sequence[RegionalBand], region_label: str) -> Group:
    """One table per source, so figures from different sources are never read as one.

    A band's note is a numbered footnote under its table: in a column it would be squeezed
    to a word per line at 80 columns.
    """
    parts: list[RenderableType] = []
    for source_id in dict.fromkeys(b.source for b in rows):
        src = ds.sources[source_id]
        mine = [b for b in rows if b.source == source_id]
        as_of = ", ".join(dict.fromkeys(b.as_of for b in mine))
        notes: dict[str, int] = {}
        for band in mine:
            if band.note:
                notes.setdefault(band.note, len(notes) + 1)
        cols = list(SALARY_COLS)
        if notes:
            cols.append(Col("note", figure=True))
        cells = []
        last = None
        for band in mine:
            row = [
                Text(band.role if band.role != last else ""),
                Text(level_text(band)),
                Text(band.text),
                Text(basis_label(band)),
            ]
            if notes:
                row.append(Text(f"[{notes[band.note]}]" if band.note else ""))
            cells.append(row)
            last = band.role
        title = Text(f"{src.short or src.title} ({as_of}), {region_label}")
        parts.append(Grid(cols, cells, title=title, group=True, card_gap=False))
        if notes:
            footnotes = [(f"[{n}]", Text(note)) for note, n in notes.items()]
            parts.append(Fields(footnotes, indent=2, min_value=16, label_style=""))
        parts.append(Text(""))
    return Group(*parts)


def role_notes(roles: Sequence[Role], ds: Dataset | None = None) -> Group | None:
    """The source's one-line salary note per role ("Lower demand outside labs"), each
    under the role's name."""
    pairs = [(f"{r.name}:", Text(r.salary.note)) for r in roles if r.salary.note]
    if not pairs:
        return None
    source = "the AI Roles & Career Paths guide" if ds is None else cite(ds, "roles-guide")
    return Group(
        Text(f"Notes on pay, from {source}", style="bold"),
        Fields(pairs, indent=2, min_value=16),
        Text(""),
    )


def matrix_table(matrix: MatrixFile, ds: Dataset) -> Group:
    rows = [(Text(row.profile), Text(row.best), Text(row.timeline)) for row in matrix.matrix]
    cols = [
        Col("Your current profile", min_width=20, label="Profile"),
        Col("Best next role", min_width=14),
        Col("Timeline", min_width=12),
    ]
    sources = {r.source for r in matrix.matrix}
    return Group(
        Grid(cols, rows, title="Career Decision Matrix", show_lines=True),
        Text("Source: " + "; ".join(ds.source_label(s) for s in sorted(sources)), style="dim"),
    )
