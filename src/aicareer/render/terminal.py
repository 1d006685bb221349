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

from aicareer.document.result import (
    RankRow,
    Result,
    RoleEntry,
    Why,
    readiness_basis,
    strongest_first,
    time_alone,
)

if TYPE_CHECKING:
    from aicareer.engine.ranker import Reason
    from aicareer.engine.whynot import WhyRole

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from aicareer.render.layout import WholeLine

#: Below this width, tables become stacked blocks.
NARROW = 100


def _time(e: RoleEntry) -> str:
    return e.time.short if e.time is not None else (e.timeline.text or "-")


def _pay(e: RoleEntry) -> str:
    if e.pay:
        return e.pay[0].text
    return e.pay_missing if len(e.pay_missing) <= 30 else "no figure in the sources"


def summary(result: Result, width: int) -> list[RenderableType]:
    """The first screen: the answer (fits 80x24). Per role: its name and band, the one
    sentence (how long at your pace, the main reason, the first step), then the words for
    fit and the pay at your level. Numbers and their working are in the details below."""
    from rich.text import Text

    items: list[RenderableType] = []
    if result.no_clear_fit is not None:
        items.append(Text(result.no_clear_fit.message, style="bold"))
        if result.top:
            items.append(Text("The nearest roles you can aim at now:"))
    else:
        items.append(Text("Your best-fitting AI roles", style="bold"))
    for e in result.top:
        head = Text(f"{e.rank}. ", style="bold")
        head.append(e.name, style="bold")
        head.append(f"  {e.band}")
        why = f"({e.market_words})" if e.market_words else ""  # why the band is lower
        if why and len(head) + 1 + len(why) <= width:
            head.append(f" {why}")
            why = ""
        items.append(head)
        if why:  # kept whole on a line of its own
            items.append(Text(f"   {why}"))
        items.append(_wrapped(e.sentence or _time(e), width))
        pay = f"pay ({e.pay_level} level): {_pay(e)}"
        items.append(_wrapped(f"{e.fit_words} · {pay}", width, style="dim"))
    if result.close_call is not None:
        c = result.close_call
        items.append(
            Text(
                f"Close call: {c.first_name} and {c.second_name} are {c.gap} point"
                f"{'s' if c.gap != 1 else ''} apart ({c.decided_by}).",
                style="bold",
            )
        )
    if result.followup_change:
        items.append(Text(result.followup_change))
    elif result.followup_hint:
        items.append(_wrapped(result.followup_hint, width + 3))
        items.append(command_line("aicareer quiz --edit"))
    if result.set_aside:
        names = ", ".join(n for _, n in result.set_aside)
        items.append(Text(f"Set aside (not for me): {names}."))
    # What would bring a role within reach is said here: on a terminal the details may
    # only be offered (`--details`), not shown below.
    if result.later:
        # Roles that wait for the same change are named together, in their order.
        waits: dict[str, list[str]] = {}
        for e in result.later:
            waits.setdefault(" and ".join(e.changes), []).append(e.name)
        from aicareer.document.answer import and_list

        names = "; ".join(
            and_list(roles) + (f", {change}" if change else "") for change, roles in waits.items()
        )
        items.append(Text(f"Fits what you want, but later: {names}."))
    elif result.no_clear_fit is not None:
        items += [_wrapped(s, width + 3) for s in result.no_clear_fit.suggestions]
    if result.next_steps:
        step = result.next_steps[0]
        items.append(Text(f"Next step: {step.what}"))
        items.append(command_line(step.command))
    return items


def _wrapped(text: str, width: int, style: str = "") -> Text:
    """`text` indented by three spaces, wrapped at words to the width, no trailing spaces."""
    import textwrap

    from rich.text import Text

    lines = textwrap.wrap(
        text,
        max(20, width - 3),
        initial_indent="   ",
        subsequent_indent="   ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return Text("\n".join(lines), style=style)


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
    for w in whys:
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
    """One role in detail: the answer, then the score, fit and time with their reasons and
    what each number means, requirements, pay at this role's level."""
    from rich import box
    from rich.panel import Panel
    from rich.text import Text

    from aicareer.render.layout import Fields

    del level
    rows: list[tuple[str, RenderableType]] = []
    if e.sentence:
        rows.append(("Answer", Text(e.sentence)))
    claim = next((c for name, c in _BAND_CLAIMS.items() if name == e.band), "")
    score = Text(f"{e.score}/100, {e.band}")
    if e.status_note:
        score.append(f". {e.status_note}")
    elif claim:
        score.append(f": {claim}")
    rows.append(("Score", score))
    rows.append(("In short", Text(e.summary)))
    fit = Text(f"{e.fit_words} ({e.fit}/100: how much of the work is what you said you want")
    fit.append(", capped at 100)" if e.fit_capped else ")")
    fit.append("\n")
    fit.append_text(_reasons(e.fit_reasons))
    fit.rstrip()
    rows.append(("Fit", fit))
    t = e.timeline
    when = Text(t.text or "not stated", style="bold" if t.text else "dim")
    when.append(f"\n{t.note}")
    rows.append(("Time", when))
    basis = readiness_basis(e.readiness, time_alone(e.readiness, e.readiness_reasons))
    ready = Text(f"{e.readiness}/100, {basis} (100: ready now; the shorter, the higher)")
    reasons = _reasons(e.readiness_reasons)
    if reasons:
        ready.append("\n")
        ready.append_text(reasons)
    rows.append(("Readiness", ready))
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
        pay.append(f" {p.level}, {p.basis} ({p.source})\n")
        if p.note:
            pay.append(f"  note: {p.note}\n", style="dim")
    if e.pay_reason:
        pay.append(e.pay_reason, style="dim")
    pay.rstrip()
    rows.append(("Pay", pay if e.pay else Text(e.pay_missing, style="dim")))
    rows.append(("Demand", Text(e.demand)))
    title = Text(f"{e.rank}. {e.name} ", style="bold")
    grid = Fields(rows, min_value=20)
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED)


#: What each band claims (filled from the data by `details`).
_BAND_CLAIMS: dict[str, str] = {}


def ranking_table(rows: Sequence[RankRow], width: int) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    if width < NARROW:
        text = Text("Every role, best first\n", style="bold")
        for r in rows:
            later = ", later" if r.status == "later" else ""
            text.append(f"{r.rank:>2}. {r.name}: {r.score} {r.band} ({r.time}{later})\n")
        text.rstrip()
        return text
    table = Table(box=box.SIMPLE_HEAD, title=Text("Every role, best first"), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("role", ratio=2)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("band", no_wrap=True)
    table.add_column("fit", justify="right", no_wrap=True)
    table.add_column("ready", justify="right", no_wrap=True)
    table.add_column("how far", no_wrap=True)
    for r in rows:
        table.add_row(
            Text(str(r.rank)),
            Text(r.name),
            Text(str(r.score)),
            Text(r.band),
            Text(str(r.fit)),
            Text(str(r.readiness)),
            Text(r.time + (" (later)" if r.status == "later" else "")),
        )
    return table


def details(result: Result, width: int, show_all: bool = False) -> list[RenderableType]:
    from rich.text import Text

    _BAND_CLAIMS.update(result.band_claims)
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
            if e.time is not None:
                line.append(f"; {e.time.text} in all")
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


def why_screen(w: WhyRole, name: str, width: int, time_text: str = "") -> list[RenderableType]:
    """`aicareer why ROLE`: where the role stands, every reason, every requirement, and the
    smallest change of answers that would bring it into the top three."""
    from rich.text import Text

    ex = w.explanation
    r = ex.result
    head = Text(f"{name} ({w.role_id}): ", style="bold")
    head.append(
        f"#{w.position} of {w.total}, score {r.score} ({r.band}), "
        f"fit {r.fit}, readiness {r.readiness.score}"
    )
    items: list[RenderableType] = [head]
    if w.in_top:
        items.append(Text("It is in your top three."))
    elif not r.ready:
        items.append(Text("It is for later: a requirement is not met yet."))
    items.append(Text(f"Fit {r.fit}: what you want", style="bold"))
    items.append(_indented(_reasons(_as_whys(ex.fit), zeros=True)))
    items.append(Text(f"Time to ready: {time_text}", style="bold"))
    items.append(
        Text(
            f"  Readiness {r.readiness.score}/100: "
            f"{readiness_basis(r.readiness.score, time_alone(r.readiness.score, ex.readiness))}"
            " (the shorter, the higher)."
        )
    )
    items.append(_indented(_reasons(_as_whys(ex.readiness))))
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


def _indented(text: Text, by: int = 2) -> RenderableType:
    from rich.padding import Padding

    return Padding(text, (0, 0, 0, by), expand=False)


def _as_whys(reasons: Sequence[Reason]) -> tuple[Why, ...]:
    return strongest_first([Why(x.text, x.points, x.kind, None) for x in reasons])
