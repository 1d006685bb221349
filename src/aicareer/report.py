"""Shareable reports (`aicareer report`) and the data's provenance (`aicareer data info`).

A report holds the top roles with their reasons, the time to move, the salary table, the
path summary for the best fit, the landscape map and the data's sources. HTML and SVG are
exported from a recording rich console 100 columns wide (rich's templates are
self-contained: inline styles, no fonts or scripts fetched); Markdown is written plainly.
The format follows the file's extension. Files are written atomically.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from rich.console import RenderableType

    from aicareer.data import Dataset
    from aicareer.document import Result
    from aicareer.learning import Plan
    from aicareer.models import Profile

FORMATS = {".html": "html", ".htm": "html", ".svg": "svg", ".md": "md"}
REPORT_WIDTH = 100
TOP = 3


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


def top_plan(ds: Dataset, profile: Profile, result: Result) -> Plan | None:
    """The best fit's path, fitted to the profile (None when the data has no path file)."""
    from aicareer.learning import build_path, fit
    from aicareer.pathmodels import load_paths

    paths = load_paths(ds)
    if not result.top or paths.path_for(result.top[0].role) is None:
        return None
    best = result.top[0]
    return fit(build_path(paths, best.role), paths, profile.background, best.timeline.text)


def _weeks(lo: int, hi: int) -> str:
    return "-" if hi == 0 else (str(lo) if lo == hi else f"{lo}-{hi}")


def _status(p: Any) -> str:
    from aicareer.learning import STATUS_TEXT

    return ("done; " if p.done else "") + STATUS_TEXT[p.status]


def _renderables(
    ds: Dataset, profile: Profile, result: Result, plan: Plan | None, today: dt.date
) -> list[RenderableType]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from aicareer import __version__
    from aicareer.landscape import dataset_layout, to_text
    from aicareer.learning import weeks_text
    from aicareer.render_result import render

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
                Text(_weeks(p.min_weeks, p.max_weeks)),
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
    items.append(to_text(dataset_layout(ds, REPORT_WIDTH, ds.engine.rank(profile))))
    items.append(Text(sources_line(ds), style="dim"))
    return items


def sources_line(ds: Dataset) -> str:
    srcs = "; ".join(f"{s.title} ({s.publisher}, {s.as_of})" for s in ds.sources.values())
    return (
        f"Data: roles.toml {ds.roles_file.meta.version}, matrix.toml "
        f"{ds.matrix.meta.version}. Sources: {srcs}. Figures are indicative."
    )


# --- Markdown --------------------------------------------------------------------------------


def cell(value: object) -> str:
    """Text made safe for a Markdown table cell: no pipes, no line breaks."""
    return str(value).replace("|", "\\|").replace("\r", " ").replace("\n", " ").strip()


def md_table(header: list[str], rows: list[list[object]]) -> list[str]:
    out = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def md_text(value: object) -> str:
    """Text from data or answers made inert in Markdown: no raw HTML, no link or emphasis."""
    import html

    text = html.escape(str(value), quote=False)
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", text)


def markdown(
    ds: Dataset, profile: Profile, result: Result, plan: Plan | None, today: dt.date
) -> str:
    from aicareer import __version__
    from aicareer.landscape import dataset_layout
    from aicareer.learning import weeks_text

    lines = [
        "# Your AI career report",
        "",
        f"From your answers: {md_text(profile_line(profile))}",
        "",
        f"_Made by aicareer {__version__} on {today.isoformat()}._",
        "",
    ]
    if result.no_clear_fit is not None:
        lines += [md_text(result.no_clear_fit.message), ""]
        lines += [f"- {md_text(x)}" for x in result.no_clear_fit.suggestions] + [""]
    lines += [f"## Your best-fitting AI roles (top {len(result.top)})", ""]
    for e in result.top:
        lines += [
            f"### {e.rank}. {md_text(e.name)} ({e.role}): score {e.score}/100, {e.band}",
            "",
            md_text(e.summary),
            "",
            f"Fit {e.fit}:",
            "",
        ]
        lines += [f"- {w.points:+d} {md_text(w.text)}" for w in e.fit_reasons if w.points]
        lines += ["", f"Readiness {e.readiness}:", ""]
        lines += [f"- {w.points:+d} {md_text(w.text)}" for w in e.readiness_reasons]
        t = e.timeline
        lines += ["", f"Time: {md_text(t.text or 'not stated')} ({md_text(t.note)})", ""]
        lines += [f"- Needs {md_text(r.needed)}: {'met' if r.met else md_text(r.change)}"
                  for r in e.requirements]
        lines += [f"- Pay ({result.pay_level}): {p.text}, {md_text(p.basis)} ({md_text(p.source)})"
                  for p in e.pay]
        lines.append("")
    if result.close_call is not None:
        c = result.close_call
        lines += [
            f"Close call: {md_text(c.first_name)} and {md_text(c.second_name)} are {c.gap} "
            f"points apart ({md_text(c.decided_by)}).",
            "",
        ]
    if result.later:
        lines += ["## Fits what you want, but later", ""]
        lines += [f"- {md_text(e.name)}: {md_text('; '.join(e.changes) or e.status_note)}"
                  for e in result.later]
        lines.append("")
    if plan is not None:
        lines += ["", f"## Your path to {md_text(ds.roles[plan.role_id].name)}", ""]
        lines += md_table(
            ["#", "Phase", "Id", "Weeks", "Status"],
            [
                [i, md_text(p.title), p.id, _weeks(p.min_weeks, p.max_weeks), _status(p)]
                for i, p in enumerate(plan.phases, 1)
            ],
        )
        lo, hi = plan.total
        lines += ["", f"Total: {weeks_text(lo, hi)}; from {md_text(plan.total_from)}.", ""]
    lay = dataset_layout(ds, REPORT_WIDTH, ds.engine.rank(profile))
    lines += ["", "## The landscape", "", "```text", *lay.text_lines, *lay.legend, "```", ""]
    lines += ["## Data", "", md_text(sources_line(ds)), ""]
    return "\n".join(lines)


# --- writing ------------------------------------------------------------------------------------


def render_report(
    fmt: str, ds: Dataset, profile: Profile, result: Result, today: dt.date | None = None
) -> str:
    """The report's text in `fmt` ('html', 'svg' or 'md')."""
    from aicareer.progress import today as today_fn

    day = today or today_fn()
    plan = top_plan(ds, profile, result)
    if fmt == "md":
        return markdown(ds, profile, result, plan, day)
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
    )
    for item in _renderables(ds, profile, result, plan, day):
        console.print(item)
    if fmt == "html":
        return console.export_html(inline_styles=True)
    return offline_svg(console.export_svg(title="aicareer report"))


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.DOTALL)


def offline_svg(svg: str) -> str:
    """rich's SVG asks a CDN for the Fira Code font; drop that so the file fetches nothing
    (the text then falls back to the viewer's monospace font)."""
    return _FONT_FACE.sub("", svg)


def write_report(path: Path, ds: Dataset, profile: Profile, result: Result) -> None:
    """Write the report to `path`, in the format its extension names, atomically.

    Unknown extension: AicareerError (exit 2, USAGE). Unwritable path: exit 7 (OUTPUT).
    """
    from aicareer.fsutil import atomic_write_text

    fmt = report_format(path)
    atomic_write_text(path, render_report(fmt, ds, profile, result))


# --- data provenance (`aicareer data info`) ---------------------------------------------------


def dated_end(dated: str) -> dt.date:
    """The last day a `dated` value covers: '2026' -> 2026-12-31, '2026-06' -> 2026-06-30."""
    if len(dated) == 4:
        return dt.date(int(dated), 12, 31)
    year, month = int(dated[:4]), int(dated[5:7])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def data_info(ds: Dataset, today: dt.date) -> dict[str, Any]:
    """Which data is in use, its versions, its sources, and whether it has gone stale.

    Stale: the newest source's `dated` (read as the end of that month or year, the most
    generous reading) is more than a year before `today`.
    """
    from aicareer.pathmodels import load_paths

    try:
        pmeta: dict[str, Any] = load_paths(ds).meta._asdict()
    except AicareerError as exc:
        pmeta = {"error": exc.lines[0] + " (run `aicareer data check` for every problem)"}
    sources = [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "as_of": s.as_of,
            "dated": s.dated,
            "seed": s.seed,
            "contributes": s.contributes,
        }
        for s in ds.sources.values()
    ]
    dated = [s for s in ds.sources.values() if s.dated]
    warning = None
    newest = None
    if dated:
        best = max(dated, key=lambda s: dated_end(s.dated or ""))
        end = dated_end(best.dated or "")
        newest = {"id": best.id, "title": best.title, "dated": best.dated}
        if today > one_year_after(end):
            warning = (
                f"the newest source ({best.title}, dated {best.dated}) is more than a year "
                f"old on {today.isoformat()}: salaries, demand and advice may be out of date"
            )
    else:
        warning = "no source has a machine-readable date (`dated`): the data's age is unknown"
    return {
        "data_dir": str(ds.data_dir),
        "custom": ds.custom,
        "files": {
            "roles.toml": ds.roles_file.meta._asdict(),
            "matrix.toml": ds.matrix.meta._asdict(),
            "paths.toml": pmeta,
        },
        "sources": sources,
        "newest_source": newest,
        "today": today.isoformat(),
        "stale": warning is not None and dated != [],
        "warning": warning,
    }
