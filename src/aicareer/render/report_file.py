"""Shareable reports (`aicareer report`, `quiz --report`): one file, its format by extension.

HTML and Markdown are rendered from the report's document (`document/report.py`, then
`html_page` / `md_page`): semantic, offline, every text from files escaped. SVG is a
picture of the terminal result, exported from a recording rich console 100 columns wide,
with rich's font fetch removed. Files are written through `fsutil.write_output`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aicareer.engine.ranker import engine_of
from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from rich.console import RenderableType

    from aicareer.document.result import Result
    from aicareer.planner.timeline import Plan
    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile

FORMATS = {".html": "html", ".htm": "html", ".svg": "svg", ".md": "md"}
REPORT_WIDTH = 100


def report_format(path: Path) -> str:
    """'html', 'svg' or 'md' from the file's extension; anything else is a usage error."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        shown = path.suffix or "no extension"
        raise AicareerError(
            f"{path}: cannot tell the report format from {shown!r}; "
            "use one of these extensions: .html, .svg, .md",
            ExitCode.USAGE,
        )
    return fmt


# --- the pieces ------------------------------------------------------------------------------


def profile_line(profile: Profile) -> str:
    years = f"{profile.years} year{'s' if profile.years != 1 else ''}"
    return (
        f"{profile.background}, {years}; interests: {', '.join(profile.interests)}; "
        f"company: {profile.company}; coding: {profile.coding_level}; region: {profile.region}"
    )


def _status(p: Any) -> str:
    from aicareer.planner.timeline import STATUS_TEXT

    return ("done; " if p.done else "") + STATUS_TEXT[p.status]


def _renderables(
    ds: Dataset, profile: Profile, result: Result, plan: Plan | None, today: dt.date
) -> list[RenderableType]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from aicareer import __version__
    from aicareer.document.report import sources_line
    from aicareer.planner.landscape import dataset_layout
    from aicareer.planner.timeline import weeks_text
    from aicareer.render.terminal import render
    from aicareer.render.text_map import to_text

    items: list[RenderableType] = [
        Text("Your AI career report", style="bold"),
        Text(f"From your answers: {profile_line(profile)}"),
        Text(f"Made by aicareer {__version__} on {today.isoformat()}.", style="dim"),
        Text(""),
    ]
    items += render(result, REPORT_WIDTH)
    if plan is not None:
        name = ds.roles[plan.role_id].name
        table = Table(box=box.SIMPLE_HEAD, title=Text(f"Your path to {name}"), title_justify="left")
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("phase", ratio=2)
        table.add_column("id", no_wrap=True)
        table.add_column("weeks", justify="right", no_wrap=True)
        table.add_column("status", ratio=2)
        for i, p in enumerate(plan.phases, 1):
            table.add_row(
                Text(str(i)),
                Text(p.title),
                Text(p.id),
                Text(p.weeks_label),
                Text(_status(p)),
            )
        lo, hi = plan.total
        table.caption = Text(
            f"Total: {weeks_text(lo, hi)}; from {plan.total_from}. "
            f"Details: aicareer path {plan.role_id} --answers FILE"
        )
        table.caption_justify = "left"
        items.append(table)
    items.append(Text("The landscape", style="bold"))
    items.append(to_text(dataset_layout(ds, REPORT_WIDTH, engine_of(ds).rank(profile))))
    items.append(Text(sources_line(ds), style="dim"))
    return items


# --- Markdown --------------------------------------------------------------------------------


def render_report(
    fmt: str,
    ds: Dataset,
    profile: Profile,
    result: Result,
    today: dt.date,
    done: Sequence[str],
) -> str:
    """The report's text in `fmt` ('html', 'svg' or 'md'), made on `today`; `done`: the
    phase ids marked done (the caller reads them: `state.progress.done_phases`)."""
    from aicareer.document.report import report_document, top_plan

    if fmt in ("md", "html"):
        doc = report_document(ds, profile, result, today, done)
        if fmt == "md":
            from aicareer.render.md_page import markdown as render_md

            return render_md(doc)
        from aicareer.render.html_page import page

        return page(doc)
    plan = top_plan(ds, profile, result, today, done)
    from rich.console import Console

    console = Console(
        record=True,
        file=io.StringIO(),
        width=REPORT_WIDTH,
        no_color=False,
        color_system="truecolor",
        force_terminal=True,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
    )
    for item in _renderables(ds, profile, result, plan, today):
        console.print(item)
    return offline_svg(console.export_svg(title="aicareer report"))


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.DOTALL)


def offline_svg(svg: str) -> str:
    """rich's SVG asks a CDN for the Fira Code font; drop that so the file fetches nothing
    (the text then falls back to the viewer's monospace font)."""
    return _FONT_FACE.sub("", svg)


def write_report(
    path: Path,
    ds: Dataset,
    profile: Profile,
    result: Result,
    today: dt.date,
    done: Sequence[str],
) -> None:
    """Write the report to `path`, in the format its extension names, atomically (`today`
    and `done` as for `render_report`).

    Unknown extension: AicareerError (exit 2, USAGE). Unwritable path: exit 7 (OUTPUT).
    """
    from aicareer.fsutil import write_output

    fmt = report_format(path)
    write_output(path, render_report(fmt, ds, profile, result, today, done))
