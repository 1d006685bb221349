"""`aicareer data info`: which data is in use, its versions and sources."""

from __future__ import annotations

from aicareer.app import DataDirOpt, JsonOpt, command, data_app, dataset


@command(data_app, "info")
def data_info_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """Which data is in use, its versions, every source with its date and what it
    contributed. Warns (on stderr) when the newest source is over a year old.

    Set AICAREER_TODAY=YYYY-MM-DD to check against another date (a testing aid).

    Example:  aicareer data info
    """
    from aicareer.console import note
    from aicareer.progress import today
    from aicareer.report import data_info

    ds = dataset(data_dir)
    info = data_info(ds, today())
    if info["warning"]:
        note(f"warning: {info['warning']}")
    if as_json:
        from aicareer.console import print_json

        print_json(info)
        return
    from rich.table import Table
    from rich.text import Text

    from aicareer.console import out

    where = "custom folder" if ds.custom else "built-in data"
    console = out()
    console.print(Text(f"Data in use: {where}: {info['data_dir']}", style="bold"))
    for name, meta in info["files"].items():
        if "error" in meta:
            console.print(Text(f"  {name}: {meta['error']}"))
        else:
            console.print(Text(f"  {name}: version {meta['version']} (updated {meta['updated']})"))
    console.print(Text("\nSources", style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for s in info["sources"]:
        dated = f"dated {s['dated']}" if s["dated"] else "no machine-readable date"
        body = Text(s["title"] + "\n", style="bold")
        body.append(
            f"{s['publisher']}; as of {s['as_of']} ({dated}); seed {s['seed']}\n", style="dim"
        )
        body.append(f"Contributes: {s['contributes']}\n")
        grid.add_row(Text(s["id"]), body)
    console.print(grid)
    newest = info["newest_source"]
    if newest:
        console.print(
            Text(
                f"Newest source: {newest['id']}, dated {newest['dated']} (today: {info['today']})",
                style="dim",
            )
        )
