"""Terminal renderables for the plan, the skill gap and the decision sheet (rich).

They only lay out what `timeline`, `gap` and `decide` computed. Text from data or answers
files enters rich as `Text`, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.table import Table
from rich.text import Text

from aicareer.planner.timeline import bar, weeks_text

if TYPE_CHECKING:
    import datetime as dt

    from aicareer.planner.decide import Column, Sheet
    from aicareer.planner.gap import Gap
    from aicareer.planner.timeline import Plan, PlannedPhase
    from aicareer.records.dataset import Dataset
    from aicareer.records.pathmodels import CheapTest
    from aicareer.render.layout import Grid

#: Below this width the decision sheet is drawn as one block per role...
WIDE = 80
#: ... and below this many columns per role (plus the labels), too.
PER_ROLE = 26


def _src(ds: Dataset, source_id: str) -> str:
    return ds.source_label(source_id)


def day(d: dt.date) -> str:
    return d.strftime("%d %b %Y").lstrip("0")


def span(dates: tuple[dt.date, dt.date], gap: str = " ") -> str:
    """'8 Feb 2027 - 12 Apr 2027' (gap: what follows the dash; a new line keeps each
    date whole in a narrow column)."""
    lo, hi = dates
    return day(lo) if lo == hi else f"{day(lo)} -{gap}{day(hi)}"


def _phase_grid(plan: Plan) -> Grid:
    """The phases: a table where it fits, else one card per phase (`layout.Grid`), so the
    dates are never cut off a narrow terminal. The weeks and their bar are one figure,
    the weeks right-aligned so the bars line up; the dates are a figure of two lines."""
    from aicareer.render.layout import Col, Grid

    longest = max((p.max_weeks for p in plan.phases), default=0)
    weeks = [p.weeks_label for p in plan.phases]
    room = max(map(len, weeks), default=1)
    rows = []
    for i, (p, w) in enumerate(zip(plan.phases, weeks, strict=True), 1):
        name = Text(f"{i}. {p.title}", style="strike dim" if p.done else "")
        name.append(f"\n{p.id}", style="dim")
        drawn = bar(p.min_weeks, p.max_weeks, longest, 12)
        when = Text(span(p.ends, "\n")) if p.ends and not p.done else Text(_short_status(p))
        if p.ends and p.status == "partly-covered":
            when.append(" (halved)", style="dim")
        rows.append([name, Text(f"{w:>{room}}  {drawn}".rstrip()), when])
    cols = [
        Col("phase (id)", min_width=18),
        Col("weeks", figure=True),
        Col("done by", figure=True),
    ]
    return Grid(cols, rows, title="Phases")


def _short_status(p: PlannedPhase) -> str:
    if p.done:
        return "✓ done"
    if p.status == "covered":
        return "skipped (background)"
    if p.status == "has-skills":
        return "skipped (your skills)"
    if p.status == "partly-covered":
        return "halved (background)"
    return "to do"


def cheap_test_text(ds: Dataset, test: CheapTest) -> Text:
    text = Text(test.text)
    text.append(f"\nFrom: {_src(ds, test.source)}: {test.where}", style="dim")
    return text


def gap_items(ds: Dataset, g: Gap) -> list[Any]:
    from aicareer.render.browse import bullets

    held, of = g.share
    items: list[Any] = []
    if not g.stated:
        items.append(
            Text(
                f"The role asks for {of} skills. Add `skills = [...]` to your answers "
                "(docs/answers.md) to see which you have.",
            )
        )
    else:
        items.append(Text(f"You have {held} of the {of} skills the role asks for.", style="bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True, min_width=8)
    grid.add_column(ratio=1)
    if g.have:
        grid.add_row(Text("Have"), bullets(f"{s.label} ({s.id})" for s in g.have))
    if g.lack:
        grid.add_row(Text("To learn"), bullets(f"{s.label} ({s.id})" for s in g.lack))
    sources = dict.fromkeys(s.source for s in (*g.have, *g.lack))
    grid.add_row(Text("Sources"), Text("; ".join(_src(ds, s) for s in sources), style="dim"))
    items.append(grid)
    return items


def next_hint(plan: Plan) -> str | None:
    """The command that marks the next phase done (printed whole, never wrapped)."""
    nxt = next((p for p in plan.phases if not p.done and not p.skipped), None)
    return None if nxt is None else f"aicareer path {plan.role_id} --done {nxt.id}"


def plan_items(ds: Dataset, plan: Plan, cheap: CheapTest | None) -> list[Any]:
    from aicareer.render.browse import bullets

    role = ds.roles[plan.role_id]
    items: list[Any] = []
    title = Text(f"Path to {role.name} ", style="bold")
    title.append(f"({role.id})", style="dim")
    items.append(title)
    if plan.background is not None:
        from aicareer.records.vocab import BACKGROUND_NOUN

        noun = BACKGROUND_NOUN.get(plan.background, "you")
        fitted = f"Fitted to you, as {noun}: what your work covers is skipped or shortened"
        if plan.added:
            titles = ", ".join(ds.paths.phase(pid).title for pid in plan.added)
            fitted += f"; added first: {titles} (the role asks for more coding)"
        items.append(Text(fitted))
    who = "your" if plan.pace_stated else "an assumed"
    # A date begins its line or sentence, so a narrow terminal never splits it.
    items.append(Text(f"From {day(plan.start)}, at {who} {plan.pace} hours a week."))
    items.append(_phase_grid(plan))
    lo, hi = plan.total
    rlo, rhi = plan.remaining
    if plan.time is not None and plan.time.years is not None:
        from aicareer.planner.timeline import time_words

        _, years = time_words(plan.time, plan.assumed_pace, plan.pace, plan.pace_stated)
        items.append(Text(f"Time to ready: {years}.", style="bold"))
        items.append(
            Text(
                f"Study along the way: {weeks_text(lo, hi)} at {plan.pace} hours a week"
                f" ({plan.done_count} of {len(plan.phases)} phases done)."
            )
        )
    else:
        items.append(Text(f"Total: {weeks_text(lo, hi)}, from {plan.total_from}."))
        items.append(
            Text(
                f"Remaining: {weeks_text(rlo, rhi)} ({plan.done_count} of {len(plan.phases)} "
                "phases done).",
                style="bold",
            )
        )
        items.append(
            Text(
                f"Ready by {span(plan.finish)}.",
                style="bold",
            )
        )
    items.append(Text(f"Pace assumption: {plan.pace_note}.", style="dim"))
    if plan.experience is not None:
        items.append(
            Text(
                f"This role is reached by experience, not study: {plan.experience.text} "
                f"({_src(ds, plan.experience.source)}). The weeks above cover the skills only.",
                style="bold",
            )
        )
    if plan.time is not None and plan.time.years is not None:
        items.append(
            Text(
                "This role is reached by years of work, not study: the phases are what to"
                " learn along the way, and the time to ready is the years on every screen.",
                style="dim",
            )
        )
    for i, p in enumerate(plan.phases, 1):
        head = Text(f"\n{i}. {p.title} ", style="bold")
        head.append(f"[{p.id}]", style="dim")
        if p.skipped:
            head.append(f"  {_short_status(p)}")
            items.append(head)
            continue
        weeks = (
            "under 1 week"
            if p.max_weeks == 0
            else weeks_text(p.min_weeks, p.max_weeks, months=False)
        )
        head.append(f"  {weeks}")
        head.append(f" ({p.min_hours}-{p.max_hours} hours)", style="dim")
        if p.done:
            head.append("  ✓ done", style="bold")
        items.append(head)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True, min_width=9)
        grid.add_column(ratio=1)
        grid.add_row(Text("Learn"), bullets(p.learn))
        if p.build:
            grid.add_row(
                Text("Build"), bullets(f"{b.text} ({_src(ds, b.source)})" for b in p.build)
            )
        if p.resources:
            res = [r.title + (f" ({r.note})" if r.note else "") for r in p.resources]
            grid.add_row(Text("Resources"), bullets(res))
        basis = "roadmap, stages 1-5" if p.weeks_basis == "roadmap-stage" else "estimate"
        grid.add_row(
            Text("Weeks"),
            Text(f"{p.base_min}-{p.base_max} at {plan.assumed_pace} h/week ({basis})", style="dim"),
        )
        if p.note:
            grid.add_row(Text("Note"), Text(p.note))
        grid.add_row(Text("Sources"), Text("; ".join(_src(ds, s) for s in p.sources), style="dim"))
        items.append(grid)
    if plan.note:
        items.append(Text(f"\nAbout this path: {plan.note}"))
    if cheap is not None:
        items.append(Text("\nTry it first, in a weekend or two", style="bold"))
        items.append(cheap_test_text(ds, cheap))
    if next_hint(plan) is not None:
        items.append(Text("\nWhen a phase is done:", style="dim"))
    return items


# --- the decision sheet ------------------------------------------------------------------------


def _cells(ds: Dataset, c: Column) -> list[tuple[str, Text]]:
    from aicareer.document.answer import fit_words
    from aicareer.document.result import readiness_basis

    ready = Text(c.time_text[0].upper() + c.time_text[1:])
    if c.experience is None:
        ready.append(f"\nready by {span(c.ready_by, chr(10))}", style="dim")
    if c.fit is not None and c.fit.timeline:
        ready.append(f"\nthe source's words: {c.fit.timeline}", style="dim")
    if c.fit is None:
        fit = Text("- (no answers)")
        score = Text("-")
    else:
        fit = Text(f"{fit_words(c.fit.fit)} ({c.fit.fit}/100)")
        score = Text(f"{c.fit.score}/100, {c.fit.band}")
        basis = readiness_basis(c.fit.readiness, c.fit.alone)
        score.append(f"\nreadiness {c.fit.readiness}/100, {basis}", style="dim")
        if not c.fit.ready:
            score.append("\na requirement is not met yet", style="bold")
    if c.pay is not None:
        pay = Text(f"{c.pay.text} ({c.pay.level})")
        pay.append(f"\n{c.pay.basis}; {c.pay.source}", style="dim")
    else:
        pay = Text(c.no_pay or "no figure")
    risk = Text("\n".join(f"{r.kind.replace('-', ' ')}: {r.text}" for r in c.risks))
    if not c.risks:
        risk = Text("none the sources flag")
    held, of = c.gap.share
    gap = Text(f"{held} of {of} skills" if c.gap.stated else f"{of} skills (none stated)")
    if c.gap.lack:
        gap.append("\nto learn: " + ", ".join(s.label for s in c.gap.lack), style="dim")
    test = Text(c.cheap_test.text) if c.cheap_test else Text("-")
    return [
        ("Time", ready),
        ("Fits you", fit),
        ("Score", score),
        ("Pay", pay),
        ("Demand", Text(f"{c.demand}\n{c.status}")),
        ("Risk", risk),
        ("Skill gap", gap),
        ("Cheap test", test),
    ]


def sheet_items(ds: Dataset, sheet: Sheet, width: int) -> list[Any]:
    items: list[Any] = [Text("Decision sheet", style="bold")]
    who = "your" if sheet.pace_stated else "an assumed"
    region = ds.matrix.regions[sheet.region].label if sheet.region in ds.matrix.regions else ""
    items.append(
        Text(
            f"From {day(sheet.start)} at {who} {sheet.pace} hours a week; pay for "
            f"{region or sheet.region}, at the level that counts for each role.",
            style="dim",
        )
    )
    cells = [_cells(ds, c) for c in sheet.columns]
    if width >= max(WIDE, 12 + PER_ROLE * len(sheet.columns)):
        table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True)
        table.add_column("", style="bold", no_wrap=True, min_width=10)
        for c in sheet.columns:
            table.add_column(Text(c.name), ratio=1, min_width=14)
        for r, (label, _) in enumerate(cells[0]):
            table.add_row(Text(label), *(col[r][1] for col in cells))
        items.append(table)
    else:
        for c, col in zip(sheet.columns, cells, strict=True):
            items.append(Text(f"\n{c.name} ({c.role_id})", style="bold"))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="bold", no_wrap=True, min_width=10)
            grid.add_column(ratio=1)
            for label, cell in col:
                grid.add_row(Text(label), cell)
            items.append(grid)
    items.append(Text(f"\nA coach would ask: {sheet.question}", style="bold"))
    return items
