"""The validated-data cache: fast on a hit, never stale, never in the way, never piling up.

A coach edits data/roles.toml and runs aicareer again: the edit must show (or its typo be
reported) on the very next run, whatever the cache holds.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import Cli

from aicareer.errors import AicareerError, ExitCode
from aicareer.fsutil import cache_dir
from aicareer.records import dataset as data
from aicareer.records.pathmodels import load_paths

#: prompt-engineer's entry-level US band in the shipped data (roles guide, 2025-2026).
BAND = "low = 80000\nhigh = 110000"


def entries() -> list[Path]:
    folder = cache_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache for this test alone."""
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def entry_band(ds: data.Dataset) -> tuple[int, int]:
    band = ds.roles["prompt-engineer"].salary.bands[0]
    return band.low, band.high


def test_second_load_is_served_from_the_cache_without_validating(
    home: Path, make_data_dir: Callable[[], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_data_dir()
    first = data.load(folder)
    assert len(entries()) == 1

    def no_validation(*args: object) -> None:
        raise AssertionError("validated again although the files did not change")

    monkeypatch.setattr(data, "_validate", no_validation)
    again = data.load(folder)
    assert entry_band(again) == entry_band(first) == (80000, 110000)
    assert list(again.roles) == list(first.roles)


def test_an_edit_shows_on_the_next_run_and_replaces_the_old_entry(
    home: Path, make_data_dir: Callable[[], Path]
) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    assert entry_band(data.load(folder)) == (80000, 110000)
    before = entries()
    roles.write_text(roles.read_text("utf-8").replace(BAND, "low = 81000\nhigh = 111000", 1))
    assert entry_band(data.load(folder)) == (81000, 111000)
    after = entries()
    assert len(after) == 1  # one entry per data folder: the old one is gone
    assert after != before


def test_a_typo_after_a_good_run_is_reported_not_hidden_by_the_cache(
    cli: Cli, home: Path, make_data_dir: Callable[[], Path]
) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    ok = cli("roles", "--data-dir", str(folder))
    assert ok.exit_code == 0, ok.stderr
    roles.write_text(roles.read_text("utf-8").replace(BAND, 'low = "lots"\nhigh = 110000', 1))
    bad = cli("roles", "--data-dir", str(folder))
    assert bad.exit_code == ExitCode.DATA == 3
    assert bad.stdout == ""
    assert f"{roles}: roles[" in bad.stderr
    assert "'lots'" in bad.stderr


def test_a_corrupt_entry_counts_as_a_miss_and_is_rewritten(
    home: Path, make_data_dir: Callable[[], Path]
) -> None:
    folder = make_data_dir()
    data.load(folder)
    [entry] = entries()
    entry.write_bytes(b"not an entry")
    assert entry_band(data.load(folder)) == (80000, 110000)
    assert entries() == [entry]
    assert entry.read_bytes() != b"not an entry"


def test_each_data_folder_keeps_its_own_entry(
    home: Path, make_data_dir: Callable[[], Path]
) -> None:
    data.load(make_data_dir())
    data.load(make_data_dir())
    assert len(entries()) == 2


def test_no_cache_setting_writes_nothing(
    home: Path, make_data_dir: Callable[[], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AICAREER_NO_CACHE", "1")
    assert entry_band(data.load(make_data_dir())) == (80000, 110000)
    assert entries() == []


def test_an_unwritable_cache_is_skipped_silently(
    home: Path, make_data_dir: Callable[[], Path]
) -> None:
    home.mkdir()
    (home / "cache").write_text("a file where the cache folder should be")
    assert entry_band(data.load(make_data_dir())) == (80000, 110000)


# --- paths.toml ----------------------------------------------------------------------


def test_a_paths_edit_shows_on_the_next_run(
    cli: Cli, home: Path, make_data_dir: Callable[[], Path]
) -> None:
    folder = make_data_dir()
    paths = folder / "paths.toml"
    old, new = 'title = "Production engineering"', 'title = "Production, renamed"'

    def first_title() -> str:
        out = cli("path", "ai-engineer", "--json", "--data-dir", str(folder))
        assert out.exit_code == 0, out.stderr
        title: str = json.loads(out.stdout)["phases"][0]["title"]
        return title

    assert first_title() == "Production engineering"
    paths.write_text(paths.read_text("utf-8").replace(old, new, 1), "utf-8")
    assert first_title() == "Production, renamed"
    assert len([e for e in entries() if e.name.startswith("paths-")]) == 1


def test_cached_paths_are_still_checked_against_this_runs_roles(
    home: Path, make_data_dir: Callable[[], Path]
) -> None:
    """Only the file's own validation is cached: its links to roles.toml are checked anew."""
    ds = data.load(make_data_dir())
    load_paths(ds)
    assert any(e.name.startswith("paths-") for e in entries())
    without = [s for s in ds.roles_file.sources if s.id != "builders"]
    fewer = data.Dataset(
        ds.roles_file._replace(sources=without), ds.matrix, ds.data_dir, ds.custom, ds.names
    )
    with pytest.raises(AicareerError) as caught:
        load_paths(fewer)
    assert caught.value.code == ExitCode.DATA
    assert any("unknown source 'builders'" in line for line in caught.value.lines)
