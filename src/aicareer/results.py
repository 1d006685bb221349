"""Quiz results: a Ranking as a JSON-ready dict, or as rich renderables.

`results_json()` imports nothing from rich, so `quiz --json` stays light; the renderable
builders import rich inside. `report()` puts the pieces together in the order the quiz
prints them; the report command can reuse the pieces one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from aicareer.data import Dataset
from aicareer.engine import Ranking, Recommendation
from aicareer.models import Profile
from aicareer.profile import profile_dict
from aicareer.salary import RegionalBand, regional_bands

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

#: How `Recommendation.timeline_from` reads in the timeline table.
TIMELINE_FROM = {"matrix": "decision matrix", "rule": "matching rule", "role": "role data"}


def picked(ranking: Ranking, top: int | None) -> tuple[Recommendation, ...]:
    """The recommendations to show: the first `top`, or all when `top` is None."""
    recs = ranking.recommendations
    return recs if top is None else recs[:top]


def salary_rows(ds: Dataset, recs: Sequence[Recommendation], region: str) -> list[RegionalBand]:
    rule = ds.matrix.regions[region]
    return [b for rec in recs for b in regional_bands(ds.roles[rec.role_id], region, rule)]


def recommendation_json(ds: Dataset, rec: Recommendation, rank: int) -> dict[str, Any]:
    return {
        "rank": rank,
        "role": rec.role_id,
        "name": ds.roles[rec.role_id].name,
        "score": rec.score,
        "band": rec.band,
        "timeline": rec.timeline,
        "timeline_from": rec.timeline_from,
        "reasons": [r.text for r in rec.reasons],
        "reason_details": [
            {"rule": r.rule_id, "points": r.points, "kind": r.kind, "source": r.source}
            for r in rec.reasons
        ],
    }


def results_json(
    ds: Dataset, profile: Profile, ranking: Ranking, top: int | None
) -> dict[str, Any]:
    """The quiz's --json document: recommendations best first, then context."""
    recs = picked(ranking, top)
    return {
        "recommendations": [recommendation_json(ds, r, i) for i, r in enumerate(recs, 1)],
        "close": ranking.close,
        "profile": {**profile_dict(profile), "coding_level": profile.coding_level},
        "region": profile.region,
        "salary": [b.as_json() for b in salary_rows(ds, recs, profile.region)],
    }


# --- renderables ---------------------------------------------------------------------


def score_text(rec: Recommendation) -> Text:
    from rich.text import Text

    text = Text("score ")
    text.append(f"{rec.score}/100", style="bold")
    text.append(f", band: {rec.band}")
    return text


def recommendation_card(ds: Dataset, rec: Recommendation, rank: int) -> Panel:
    """One role: score, band, why (each fired rule with its points) and time to move."""
    from rich import box
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    role = ds.roles[rec.role_id]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True, min_width=8)
    grid.add_column(ratio=1)
    grid.add_row(Text("Fit"), score_text(rec))
    grid.add_row(Text("In short"), Text(role.summary))
    why = Text()
    for reason in rec.reasons:
        why.append(f"{reason.points:+d} ", style="bold")
        why.append(reason.text + "\n")
    why.rstrip()
    grid.add_row(Text("Why"), why if rec.reasons else Text("no rule matched", style="dim"))
    grid.add_row(Text("Time to move"), Text(rec.timeline or "not stated in the sources"))
    title = Text(f"{rank}. {role.name} ", style="bold")
    title.append(f"({role.id})", style="dim")
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED)


def close_note(ds: Dataset, ranking: Ranking) -> Text | None:
    """When the top two are close, say so (None otherwise)."""
    from rich.text import Text

    if not ranking.close or len(ranking.recommendations) < 2:
        return None
    a, b = ranking.recommendations[:2]
    gap = a.score - b.score
    return Text(
        f"Close call: {ds.roles[a.role_id].name} and {ds.roles[b.role_id].name} are "
        f"{gap} point{'s' if gap != 1 else ''} apart, so both fit you about as well. "
        f"Compare them: aicareer compare {a.role_id} {b.role_id}",
        style="bold",
    )


def timeline_table(ds: Dataset, recs: Sequence[Recommendation]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, title=Text("Time to move"), title_justify="left")
    table.add_column("role", no_wrap=True, style="bold")
    table.add_column("time to move", ratio=2)
    table.add_column("based on", ratio=1)
    for rec in recs:
        kind = rec.timeline_from.split(":", 1)[0]
        table.add_row(
            Text(ds.roles[rec.role_id].name),
            Text(rec.timeline or "not stated in the sources"),
            Text(TIMELINE_FROM.get(kind, "-")),
        )
    return table


def salary_section(ds: Dataset, recs: Sequence[Recommendation], region: str) -> list[Any]:
    """The salary table for `region`, and a line for roles without a figure there."""
    from rich.text import Text

    from aicareer.render import salary_tables

    rule = ds.matrix.regions[region]
    rows = salary_rows(ds, recs, region)
    items: list[Any] = []
    if rows:
        items.append(Text(f"Salary ranges, {rule.label}", style="bold"))
        items.append(salary_tables(ds, rows, rule.label))
    missing = [r for r in recs if not any(b.role == r.role_id for b in rows)]
    if missing:
        names = ", ".join(ds.roles[r.role_id].name for r in missing)
        items.append(Text(f"No salary figure for {rule.label} in the sources for: {names}"))
    how = (
        "as published"
        if region == "us"
        else (f"US figures {rule.lower_min}-{rule.lower_max}% lower, per the roles guide")
    )
    items.append(
        Text(f"Indicative only ({how}). More: aicareer salary --region {region}", style="dim")
    )
    return items


def ranking_table(ds: Dataset, ranking: Ranking) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, title=Text("Every role, best first"), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("role", no_wrap=True, style="bold")
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("band", no_wrap=True)
    table.add_column("id", ratio=1)
    for i, rec in enumerate(ranking.recommendations, 1):
        table.add_row(
            Text(str(i)),
            Text(ds.roles[rec.role_id].name),
            Text(str(rec.score)),
            Text(rec.band),
            Text(rec.role_id),
        )
    return table


def next_steps(recs: Sequence[Recommendation]) -> Text:
    from rich.text import Text

    steps: list[tuple[str, str]] = []
    if recs:
        steps.append((f"aicareer show {recs[0].role_id}", "the full card: skills, pay, way in"))
    if len(recs) > 1:
        steps.append((f"aicareer compare {recs[0].role_id} {recs[1].role_id}", "side by side"))
    steps.append(("aicareer quiz --all", "every role's score"))
    width = max(len(cmd) for cmd, _ in steps)
    text = Text("Next steps", style="bold")
    for cmd, what in steps:
        text.append(f"\n  {cmd.ljust(width)}  {what}")
    return text


def findings(
    ds: Dataset, profile: Profile, ranking: Ranking, recs: Sequence[Recommendation]
) -> list[RenderableType]:
    """The heart of every result: top cards with reasons, timeline and pay for the region.

    Shared by the quiz's output and the shareable report."""
    from rich.text import Text

    items: list[RenderableType] = [
        Text(
            f"Your best-fitting AI roles (top {len(recs)} of {len(ranking.recommendations)})",
            style="bold",
        ),
    ]
    items += [recommendation_card(ds, rec, i) for i, rec in enumerate(recs, 1)]
    note = close_note(ds, ranking)
    if note is not None:
        items.append(note)
    items += [Text(""), timeline_table(ds, recs), Text("")]
    items += salary_section(ds, recs, profile.region)
    return items


def report(
    ds: Dataset, profile: Profile, ranking: Ranking, top: int, show_all: bool = False
) -> list[RenderableType]:
    """Everything the quiz prints, in order, with a blank line between sections."""
    from rich.text import Text

    recs = picked(ranking, top)
    items = findings(ds, profile, ranking, recs)
    if show_all:
        items += [Text(""), ranking_table(ds, ranking)]
    items += [Text(""), next_steps(recs)]
    return items
