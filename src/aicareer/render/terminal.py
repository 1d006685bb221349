"""The result document in the terminal (rich). Lays out; never computes.

The screen leads with a summary that fits 80x24: the top roles with fit, readiness, time
and pay, the close call or "no clear fit yet", and the one next step. The details follow:
a card per role (every reason with its points, requirements, timeline with its source),
the roles that fit but are for later, and the commands to go on with.

Every string from data or answers enters rich as `Text`, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aicareer.document.result import RankRow, Result, RoleEntry, Why

if TYPE_CHECKING:
    from aicareer.engine.ranker import Reason
    from aicareer.engine.whynot import WhyRole

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from aicareer.render.layout import WholeLine

#: Below this width, tables become stacked blocks.
NARROW = 70


def _time(e: RoleEntry) -> str:
    return e.timeline.text or "no source gives a time from your start"


def _pay(e: RoleEntry) -> str:
    if e.pay:
        return e.pay[0].text
    return e.pay_missing if len(e.pay_missing) <= 30 else "no figure in the sources"


def summary(result: Result, width: int) -> list[RenderableType]:
    """The first screen: who fits, how near, what it pays, what to do next (fits 80x24).

    Two lines per role at every width, so nothing is squeezed into a column: the name with
    its score, then the time to ready and the pay. Figures never wrap.
    """
    from rich.text import Text

    items: list[RenderableType] = []
    if result.no_clear_fit is not None:
        items.append(Text(result.no_clear_fit.message, style="bold"))
        items.append(Text("The nearest roles you can aim at now:"))
    else:
        items.append(Text("Your best-fitting AI roles", style="bold"))
    narrow = width < 60
    for e in result.top:
        head = Text(f"{e.rank}. ", style="bold")
        head.append(e.name, style="bold")
        scores = f"{e.score} {e.band} · fit {e.fit} · ready {e.readiness}"
        if narrow:
            items += [head, Text(f"   {scores}", no_wrap=True, overflow="ignore")]
        else:
            head.append(f"  {scores}")
            items.append(head)
        when = Text("   ")
        when.append(_time(e))
        if e.timeline.source:
            when.append(f" ({e.timeline.source.split(',')[0]})", style="dim")
        pay = f"pay {result.pay_level}: {_pay(e)}"
        if narrow:
            items += [when, Text(f"   {pay}")]
        else:
            when.append(f" · {pay}")
            items.append(when)
    if result.top and result.top[0].pay:
        items.append(
            Text(f"Pay: {result.pay_level} level, {result.top[0].pay[0].basis}.", style="dim")
        )
    if result.close_call is not None:
        c = result.close_call
        items.append(
            Text(
                f"Close call: {c.first_name} and {c.second_name} are {c.gap} point"
                f"{'s' if c.gap != 1 else ''} apart ({c.decided_by}).",
                style="bold",
            )
        )
    if result.later:
        names = ", ".join(e.name for e in result.later)
        items.append(Text(f"Fits what you want, but later: {names} (see below)."))
    if result.next_steps:
        step = result.next_steps[0]
        items.append(Text(f"Next step: {step.what}"))
        items.append(command_line(step.command))
    return items


def command_line(command: str) -> WholeLine:
    """A suggested command on a line of its own, indented, never wrapped or split."""
    from rich.text import Text

    from aicareer.render.layout import WholeLine

    text = Text("  ")
    text.append(command, style="bold")
    return WholeLine(text)


def _reasons(whys: Sequence[Why], zeros: bool = False) -> Text:
    from rich.text import Text

    text = Text()
    for w in sorted(whys, key=lambda w: -abs(w.points)):
        if w.kind == "interest" and w.points == 0 and not zeros:
            continue
        text.append(f"{w.points:+d} ", style="bold")
        text.append(w.text)
        if w.source:
            text.append(f" ({w.source})", style="dim")
        text.append("\n")
    text.rstrip()
    return text


def card(e: RoleEntry, level: str, width: int) -> RenderableType:
    """One role in detail: score, fit and readiness with their reasons, time, pay."""
    from rich import box
    from rich.panel import Panel
    from rich.text import Text

    from aicareer.render.layout import Fields

    # layout.Fields draws label/value rows itself: about half the cost of a Table.grid.
    rows: list[tuple[str, RenderableType]] = []
    rows.append(("Score", Text(f"{e.score}/100, {e.band} ({e.status_note})")))
    rows.append(("In short", Text(e.summary)))
    rows.append((f"Fit {e.fit}", _reasons(e.fit_reasons) or Text("-")))
    rows.append((f"Ready {e.readiness}", _reasons(e.readiness_reasons) or Text("-")))
    t = e.timeline
    when = Text(t.text or "not stated", style="bold" if t.text else "dim")
    when.append(f"  {t.note}" + (f" ({t.source})" if t.source else ""))
    rows.append(("Time", when))
    if e.requirements:
        reqs = Text()
        for r in e.requirements:
            reqs.append("met  " if r.met else "NOT  ", style="bold")
            reqs.append(r.needed + (f": {r.change}" if r.change else "") + "\n")
        reqs.rstrip()
        rows.append(("Needs", reqs))
    pay = Text()
    for p in e.pay:
        pay.append(f"{p.text}", style="bold")
        pay.append(f" {level}, {p.basis} ({p.source})\n")
        if p.note:
            pay.append(f"  note: {p.note}\n", style="dim")
    pay.rstrip()
    rows.append(("Pay", pay if e.pay else Text(e.pay_missing, style="dim")))
    rows.append(("Demand", Text(e.demand)))
    title = Text(f"{e.rank}. {e.name} ", style="bold")
    if width >= 60:
        title.append(f"({e.role})", style="dim")
    grid = Fields(rows, min_value=20)
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED)


def ranking_table(rows: Sequence[RankRow], width: int) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    if width < NARROW:
        text = Text("Every role, best first\n", style="bold")
        for r in rows:
            later = " (later)" if r.status == "later" else ""
            text.append(f"{r.rank:>2}. {r.name}: {r.score} {r.band}{later}\n")
        text.rstrip()
        return text
    table = Table(box=box.SIMPLE_HEAD, title=Text("Every role, best first"), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("role", ratio=2)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("band", no_wrap=True)
    table.add_column("fit", justify="right", no_wrap=True)
    table.add_column("ready", justify="right", no_wrap=True)
    table.add_column("when", no_wrap=True)
    for r in rows:
        table.add_row(
            Text(str(r.rank)),
            Text(r.name),
            Text(str(r.score)),
            Text(r.band),
            Text(str(r.fit)),
            Text(str(r.readiness)),
            Text(r.status),
        )
    return table


def details(result: Result, width: int, show_all: bool = False) -> list[RenderableType]:
    from rich.text import Text

    items: list[RenderableType] = [Text("")]
    items += [card(e, result.pay_level, width) for e in result.top]
    if result.no_clear_fit is not None:
        items.append(Text("What would make a role fit", style="bold"))
        items += [Text(f"  • {s}") for s in result.no_clear_fit.suggestions]
    if result.later:
        items.append(Text("Fits what you want, but later", style="bold"))
        for e in result.later:
            line = Text(f"  • {e.name} (fit {e.fit}): ")
            line.append("; ".join(e.changes) or e.status_note)
            items.append(line)
    if show_all:
        items += [Text(""), ranking_table(result.ranking, width)]
    items.append(Text(""))
    items.append(Text(result.scoring, style="dim"))
    items.append(Text("Next steps", style="bold"))
    for step in result.next_steps:
        items.append(command_line(step.command))
        items.append(Text(f"    {step.what}", style="dim"))
    return items


def render(result: Result, width: int, show_all: bool = False) -> list[RenderableType]:
    """Everything the quiz prints: the summary screen, then the details."""
    return summary(result, width) + details(result, width, show_all)


def why_screen(w: WhyRole, name: str, width: int) -> list[RenderableType]:
    """`aicareer why ROLE`: where the role stands, every reason, every requirement, and the
    smallest change of answers that would bring it into the top three."""
    from rich.text import Text

    ex = w.explanation
    r = ex.result
    head = Text(f"{name} ({w.role_id}): ", style="bold")
    head.append(
        f"#{w.position} of {w.total}, score {r.score} ({r.band}), "
        f"fit {r.fit}, ready {r.readiness.score}"
    )
    items: list[RenderableType] = [head]
    if w.in_top:
        items.append(Text("It is in your top three."))
    elif not r.ready:
        items.append(Text("It is for later: a requirement is not met yet."))
    items.append(Text(f"Fit {r.fit}: what you want", style="bold"))
    items.append(_indented(_reasons(_as_whys(ex.fit), zeros=True)))
    items.append(Text(f"Readiness {r.readiness.score}: where you stand", style="bold"))
    items.append(_indented(_reasons(_as_whys(ex.readiness))))
    when = r.readiness.timeline or "no source gives a time for your starting point"
    items.append(Text(f"  Time: {when}"))
    if ex.checks:
        items.append(Text("Requirements", style="bold"))
        for c in ex.checks:
            line = Text("  met      " if c.met else "  not met  ", style="bold")
            line.append(c.needed + (f": {c.change}" if c.change else ""))
            items.append(line)
    if w.changes:
        items.append(Text("The smallest change that brings it into your top three", style="bold"))
        for change in w.changes:
            items.append(Text(f"  • {change.text}"))
        items.append(Text(f"  It would then be #{w.position_after}."))
    elif not w.in_top:
        items.append(Text("No change of one or two answers brings it into your top three."))
    return items


def _indented(text: Text) -> RenderableType:
    from rich.padding import Padding

    return Padding(text, (0, 0, 0, 2), expand=False)


def _as_whys(reasons: Sequence[Reason]) -> list[Why]:
    return [Why(x.text, x.points, x.kind, None) for x in reasons]
