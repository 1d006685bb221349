"""Commands about the data itself: matrix, data check, data info."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, data_app, dataset
from aicareer.cli.commands._shared import print_out
from aicareer.errors import AicareerError

if TYPE_CHECKING:
    from rich.console import RenderableType


@command(app, "matrix")
def matrix_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """The roles guide's Career Decision Matrix: your profile, best next role, timeline.

    Example:  aicareer matrix
    """
    ds = dataset(data_dir)
    rows = ds.matrix.matrix
    if as_json:
        from aicareer.console import print_json

        routes = ds.matrix.routes
        print_json(
            {
                "rows": [
                    {
                        "profile": r.profile,
                        "best": r.best,
                        "roles": list(dict.fromkeys(x.role for x in routes if x.matrix == r.id)),
                        "timeline": r.timeline,
                        "row": r.id,
                        "source": r.source,
                    }
                    for r in rows
                ]
            }
        )
        return
    from aicareer.render.browse import matrix_table

    print_out(matrix_table(ds.matrix, ds))


@command(data_app, "check")
def data_check_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """Validate the data files in use; list every problem with its file and field.

    Checks roles.toml, matrix.toml, paths.toml and followups.toml. Exit code 0 when the
    data is valid, 3 when it is not (one line per problem on stderr; with --json, also on stdout).

    Example:  aicareer data check --data-dir ./my-data
    """
    from aicareer.records.pathmodels import load_paths

    try:
        ds = dataset(data_dir)
        paths = load_paths(ds)
        followups = ds.followups  # followups.toml (records/followups.py)
    except AicareerError as exc:
        if as_json:
            from aicareer.console import print_json

            print_json({"ok": False, "problems": exc.lines})
        raise
    summary = {
        "ok": True,
        "data_dir": str(ds.data_dir),
        "custom": ds.custom,
        "roles": len(ds.roles),
        "rules": len(ds.matrix.routes) + len(ds.matrix.fit) + len(ds.matrix.requirements),
        "sources": len(ds.sources),
        "paths": len(paths.paths),
        "followups": len(followups.followups),
    }
    if as_json:
        from aicareer.console import print_json

        print_json(summary)
        return
    where = str(ds.data_dir) + (" (custom)" if ds.custom else " (built-in)")
    import shutil
    import textwrap

    counts = (
        f"ok: {summary['roles']} roles, {summary['rules']} rules, "
        f"{summary['sources']} sources, {summary['paths']} learning paths"
    )
    width = shutil.get_terminal_size().columns
    typer.echo(textwrap.fill(counts, width, subsequent_indent="  ") + f"\nin {where}")


@command(data_app, "info")
def data_info_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """Which data is in use, its versions, every source with its date and what it
    contributed. Warns (on stderr) when the newest source is over a year old.

    Set AICAREER_TODAY=YYYY-MM-DD to check against another date (a testing aid).

    Example:  aicareer data info
    """
    from aicareer.console import note
    from aicareer.planner.provenance import data_info
    from aicareer.state.progress import today

    ds = dataset(data_dir)
    info = data_info(ds, today())
    if info["warning"]:
        note(f"warning: {info['warning']}")
    if as_json:
        from aicareer.console import print_json

        print_json(info)
        return
    from rich.console import Group
    from rich.text import Text

    from aicareer.render.layout import Fields

    where = "custom folder" if ds.custom else "built-in data"
    from aicareer.render.layout import WholeLine

    # The folder on a line of its own, never wrapped: a path is copied, not read.
    parts: list[RenderableType] = [
        Text(f"Data in use: {where}:", style="bold"),
        WholeLine(Text(f"  {info['data_dir']}")),
    ]
    files = []
    # In words: what each file holds, not its name (file names and ids are in --json).
    what = {"roles.toml": "Roles", "matrix.toml": "Decision matrix", "paths.toml": "Plans"}
    for name, meta in info["files"].items():
        label = what.get(name, name)
        if "error" in meta:
            files.append((f"{label}:", Text(meta["error"])))
        else:
            files.append((f"{label}:", Text(f"updated {meta['updated']}")))
    parts += [Fields(files, indent=2, label_style=""), Text(""), Text("Sources", style="bold")]
    pairs = []
    for s in info["sources"]:
        # As a reader would cite it: title, publisher or author, date.
        body = Text(s["title"] + "\n", style="bold")
        body.append(f"{s['publisher']}, {s['as_of']}\n", style="dim")
        body.append(f"Gave us: {s['contributes']}\n")
        pairs.append(body)
    parts += [Text(""), *pairs]
    newest = info["newest_source"]
    if newest:
        title = next((s["title"] for s in info["sources"] if s["id"] == newest["id"]), "")
        parts.append(
            Text(
                f"Newest source: {title}, dated {newest['dated']} (today: {info['today']})",
                style="dim",
            )
        )
    print_out(Group(*parts))
