"""`aicareer data info`: which data, versions, sources, and the staleness warning."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import invoke

from aicareer.errors import ExitCode
from aicareer.planner.provenance import data_info, dated_end
from aicareer.records.dataset import load

SOURCES = ["roles-guide", "five-pillars", "ai-engineer-explainer", "roadmap-2026", "builders"]


def run(*args: str, today: str) -> tuple[int, str, str]:
    result = invoke(["data", "info", *args], env={"AICAREER_TODAY": today})
    return result.exit_code, result.stdout, result.stderr


def test_built_in_data_versions_and_sources() -> None:
    code, out, err = run(today="2026-12-01")
    assert code == 0, err
    assert err == ""
    text = " ".join(out.split())
    assert "Data in use: built-in data" in text
    # In words: what each file holds and when it was updated; names, ids and versions
    # are for --json (below), not for the screen.
    assert "Roles: updated" in text and "Decision matrix: updated" in text
    assert "roles.toml" not in text and "seed" not in text and "version" not in text
    ds = load()
    for sid in SOURCES:
        src = ds.sources[sid]
        assert " ".join(src.title.split()) in text  # cited by title, publisher, date
        assert f"{src.publisher}, {src.as_of}" in text
        assert sid not in out
    assert "Gave us: The twelve core roles" in text


def test_warns_on_stderr_when_the_newest_source_is_over_a_year_old() -> None:
    code, out, err = run(today="2028-01-01")
    assert code == 0
    assert err.startswith("warning: the newest source")
    assert "more than a year old on 2028-01-01" in err
    assert "warning" not in out


def test_json() -> None:
    code, out, err = run("--json", today="2028-01-01")
    assert code == 0
    doc = json.loads(out)
    assert doc["custom"] is False
    assert [s["id"] for s in doc["sources"]] == SOURCES
    assert doc["stale"] is True and doc["today"] == "2028-01-01"
    assert "more than a year old" in err


def test_custom_folder(make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    code, out, _ = run("--data-dir", str(folder), today="2026-12-01")
    assert code == 0
    assert f"custom folder: {folder}" in " ".join(out.split())


def test_a_year_counts_from_the_end_of_the_stated_period() -> None:
    ds = load()
    newest = max(dated_end(s.dated) for s in ds.sources.values() if s.dated)
    edge = newest.replace(year=newest.year + 1)
    assert data_info(ds, edge)["warning"] is None
    assert data_info(ds, edge + dt.timedelta(days=1))["stale"] is True


@pytest.mark.parametrize(
    ("dated", "end"),
    [
        ("2026", dt.date(2026, 12, 31)),
        ("2026-06", dt.date(2026, 6, 30)),
        ("2024-02", dt.date(2024, 2, 29)),
    ],
)
def test_dated_end(dated: str, end: dt.date) -> None:
    assert dated_end(dated) == end


def test_bad_today_override_is_a_usage_error() -> None:
    code, _, err = run(today="tomorrow")
    assert code == ExitCode.USAGE and "AICAREER_TODAY='tomorrow'" in err
