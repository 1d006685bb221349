"""Rich renderables for roles, salaries and the decision matrix.

Every string that comes from a data or answers file enters rich as `Text(...)`, so square
brackets in a description are shown, never interpreted as markup. Tables keep their key
columns unwrapped and are built to read at 80 columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from aicareer.data import Dataset
from aicareer.models import MatrixFile, NotARole, Role
from aicareer.salary import RegionalBand, format_range, headline_band

LEVEL_LABEL = {
    "entry": "Entry",
    "mid": "Mid",
    "senior": "Senior",
    "median": "Median",
    "architect": "Architect",
    "all": "All levels",
}
BASIS_LABEL = {"us-base": "US base", "total-comp": "total comp", "unstated": "basis not stated"}


def basis_label(band: RegionalBand) -> str:
    if band.region != "us" and band.basis == "us-base":
        return "base, from US"
    return BASIS_LABEL[band.basis]


def bullets(items: Iterable[str], limit: int | None = None) -> Text:
    items = list(items)
    shown = items if limit is None else items[:limit]
    text = Text("\n".join(f"• {item}" for item in shown))
    if limit is not None and len(items) > limit:
        text.append(f"\n  (+{len(items) - limit} more)", style="dim")
    return text


def source_label(ds: Dataset, source_id: str) -> str:
    src = ds.sources.get(source_id)
    return f"{src.short or src.publisher}, {src.as_of}" if src else source_id


def axes_text(role: Role) -> Text:
    if role.axes is None:
        return Text("not on the guide's map (adjacent role)", style="dim")
    x, y = role.axes.model_infra, role.axes.research_production
    side = "model" if x < 4 else "infrastructure" if x > 6 else "middle"
    where = "research" if y < 4 else "production" if y > 6 else "middle"
    return Text(f"closer to the {side} ({x}/10), {where} ({y}/10)")


def roles_table(ds: Dataset) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="AI roles", title_justify="left", expand=True)
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("status", max_width=16, overflow="fold")
    table.add_column("US mid (base)", no_wrap=True)
    table.add_column("demand", ratio=1, overflow="fold")
    for role in ds.roles.values():
        status = role.status if role.kind == "core" else "adjacent role"
        band = headline_band(role)
        pay = (
            Text("no data", style="dim")
            if band is None
            else Text(format_range(band.low, band.high, plus=band.plus, approx=band.approx))
        )
        table.add_row(Text(role.id), Text(status), pay, Text(role.signal))
    table.caption = Text(
        "Pay: the roles guide's US base salary, mid level (2025-2026); "
        "unsplit ranges shown as they are. More: aicareer salary, aicareer show ROLE"
    )
    table.caption_justify = "left"
    return table


def salary_lines(ds: Dataset, role: Role, bands: Sequence[RegionalBand]) -> Text:
    text = Text()
    for band in bands:
        label = LEVEL_LABEL[band.level] + (f" ({band.segment})" if band.segment else "")
        line = f"{label}: {band.text} ({BASIS_LABEL[band.basis]}; {source_label(ds, band.source)})"
        text.append(line + "\n")
    if not bands:
        text.append((role.salary.no_figure or "No figure in the sources") + "\n", style="dim")
    if role.salary.note:
        text.append(f"Note: {role.salary.note}\n", style="dim")
    text.rstrip()
    return text


def role_card(ds: Dataset, role: Role, bands: Sequence[RegionalBand]) -> Panel:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True, min_width=12)
    grid.add_column(ratio=1)
    grid.add_row(
        Text("Status"), Text(role.status + (" (adjacent role)" if role.kind == "adjacent" else ""))
    )
    grid.add_row(Text("In short"), Text(role.summary))
    if role.responsibilities:
        grid.add_row(Text("What they do"), bullets(role.responsibilities))
    grid.add_row(Text("Tech skills"), bullets(role.skills.technical))
    if role.skills.soft:
        grid.add_row(Text("Soft skills"), bullets(role.skills.soft))
    if role.backgrounds:
        grid.add_row(Text("Comes from"), Text(", ".join(role.backgrounds)))
    grid.add_row(Text("Demand"), Text(role.demand))
    grid.add_row(Text("Landscape"), axes_text(role))
    if role.timeline:
        grid.add_row(Text("Time to move"), Text(role.timeline))
    grid.add_row(Text("Pay"), salary_lines(ds, role, bands))
    if role.break_in:
        grid.add_row(Text("Break in"), bullets(role.break_in))
    if role.study:
        grid.add_row(Text("Study"), bullets(role.study))
    if role.related:
        grid.add_row(Text("Related"), Text(", ".join(role.related)))
    grid.add_row(Text("Sources"), Text("; ".join(source_label(ds, s) for s in role.sources)))
    title = Text(f"{role.name}  ", style="bold")
    title.append(f"({role.id})", style="dim")
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED)


def not_role_panel(ds: Dataset, term: NotARole) -> Panel:
    body = Text(term.explanation)
    if term.see:
        names = ", ".join(f"{ds.roles[r].name} ({r})" for r in term.see)
        body.append(f"\n\nSee instead: {names}")
    body.append(f"\n\nSource: {source_label(ds, term.source)}", style="dim")
    return Panel(body, title=Text(f"{term.name}: not a role (yet)"), title_align="left")


def compare_table(
    ds: Dataset, roles: Sequence[Role], bands: dict[str, list[RegionalBand]]
) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True)
    table.add_column("", style="bold", no_wrap=True, min_width=12, max_width=12)
    for role in roles:
        table.add_column(Text(role.name), ratio=1, overflow="fold")

    def row(label: str, cells: Iterable[RenderableType]) -> None:
        table.add_row(Text(label), *cells)

    row("Focus", (axes_text(r) for r in roles))
    row("Status", (Text(r.status) for r in roles))
    row("What they do", (Text(r.summary) for r in roles))
    row("Key skills", (bullets(r.skills.technical, limit=4) for r in roles))
    row("Comes from", (Text(", ".join(r.backgrounds) or "-") for r in roles))
    for level in ("entry", "mid", "senior"):
        cells = []
        for r in roles:
            picked = [
                b
                for b in bands[r.id]
                if b.level == level and b.basis == "us-base" and b.segment is None
            ]
            if not picked:
                picked = [
                    b
                    for b in bands[r.id]
                    if b.level == "all" and b.segment is None and b.basis == "us-base"
                ]
            cells.append(
                Text(picked[0].text)
                if picked
                else Text(r.salary.no_figure or "no data", style="dim")
            )
        row(f"{LEVEL_LABEL[level]} pay", cells)
    row("Demand", (Text(r.demand) for r in roles))
    row("Time to move", (Text(r.timeline or "not stated in the sources") for r in roles))
    table.caption = Text(
        "Pay: US base salary, roles guide (2025-2026); indicative. "
        "More: aicareer salary " + " ".join(r.id for r in roles)
    )
    table.caption_justify = "left"
    return table


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
        table = Table(
            box=box.SIMPLE_HEAD,
            title=Text(f"{src.short or src.title} ({as_of}), {region_label}"),
            title_justify="left",
            title_style="bold",
        )
        table.add_column("role", no_wrap=True, style="bold")
        table.add_column("level")
        table.add_column("range", no_wrap=True)
        table.add_column("basis")
        notes: dict[str, int] = {}
        for band in mine:
            if band.note:
                notes.setdefault(band.note, len(notes) + 1)
        if notes:
            table.add_column("note", no_wrap=True, justify="right")
        last = None
        for band in mine:
            level = LEVEL_LABEL[band.level] + (f" ({band.segment})" if band.segment else "")
            cells = [
                Text(band.role if band.role != last else ""),
                Text(level),
                Text(band.text),
                Text(basis_label(band)),
            ]
            if notes:
                cells.append(Text(f"[{notes[band.note]}]" if band.note else ""))
            table.add_row(*cells)
            last = band.role
        parts.append(table)
        if notes:
            footnotes = Table.grid(padding=(0, 1))
            footnotes.add_column(no_wrap=True)
            footnotes.add_column(ratio=1)
            for note, number in notes.items():
                footnotes.add_row(Text(f"  [{number}]"), Text(note))
            parts.extend((footnotes, Text("")))
    return Group(*parts)


def matrix_table(matrix: MatrixFile, ds: Dataset) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        title=Text("Career Decision Matrix"),
        title_justify="left",
        show_lines=True,
    )
    table.add_column("Your current profile", ratio=3)
    table.add_column("Best next role", ratio=2)
    table.add_column("Timeline", ratio=2)
    for row in matrix.matrix:
        table.add_row(Text(row.profile), Text(row.best), Text(row.timeline))
    sources = {r.source for r in matrix.matrix}
    table.caption = Text("Source: " + "; ".join(source_label(ds, s) for s in sorted(sources)))
    table.caption_justify = "left"
    return table
