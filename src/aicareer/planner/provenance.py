"""The data's provenance (`aicareer data info`): which data is in use, its sources, its age.

Pure: the dataset and today's date in, a JSON-ready dict out.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Any

from aicareer.errors import AicareerError

if TYPE_CHECKING:
    from aicareer.records.dataset import Dataset


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
    from aicareer.records.pathmodels import load_paths

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
