"""Results you keep: every quiz result is kept, the last one serves the other commands."""

from __future__ import annotations

import json
import os
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from clirun import invoke
from typer.testing import Result

from aicareer.records.dataset import load
from aicareer.state import history

GOOD = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "building-products"]\n'
CURRENT = history.data_version(load())
PM = 'background = "product-manager"\nyears = 8\ninterests = ["product-management"]\n'


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    yield tmp_path / "home"


def run(*args: str) -> Result:
    return invoke(list(args))


def answers_file(tmp_path: Path, text: str = GOOD, name: str = "me.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def kept(home: Path) -> list[Path]:
    folder = home / "history"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_scored_answers_file_is_kept_privately_as_an_answers_file(
    home: Path, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        result = run("quiz", "--answers", str(answers_file(tmp_path)), "--json")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    [path] = kept(home)
    assert history.NAME.match(path.name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text("utf-8")
    stamp = history.read_stamp(text)
    assert stamp is not None
    assert (
        stamp.data == CURRENT
        and stamp.top == json.loads(result.stdout)["recommendations"][0]["role"]
    )
    assert tomllib.loads(text)["background"] == "backend-engineer"
    # A kept result is an answers file: --answers takes it as it is.
    again = run("quiz", "--answers", str(path), "--json")
    assert json.loads(again.stdout) == json.loads(result.stdout)


def test_the_same_answers_again_add_nothing_other_answers_add_one(
    home: Path, tmp_path: Path
) -> None:
    me = answers_file(tmp_path)
    for _ in range(3):
        assert run("quiz", "--answers", str(me)).exit_code == 0
    assert len(kept(home)) == 1
    assert run("quiz", "--answers", str(me), "--region", "europe").exit_code == 0
    assert run("quiz", "--answers", str(answers_file(tmp_path, PM, "pm.toml"))).exit_code == 0
    assert len(kept(home)) == 3


def test_old_results_are_pruned(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "KEEP", 2)
    for years in (1, 2, 3, 4):
        me = answers_file(tmp_path, GOOD.replace("years = 5", f"years = {years}"))
        assert run("quiz", "--answers", str(me)).exit_code == 0
    files = kept(home)
    assert [tomllib.loads(p.read_text("utf-8"))["years"] for p in files] == [3, 4]


def test_report_without_answers_uses_the_last_result_and_names_it(
    home: Path, tmp_path: Path
) -> None:
    assert run("quiz", "--answers", str(answers_file(tmp_path, PM, "pm.toml"))).exit_code == 0
    [last] = kept(home)
    out = tmp_path / "r.md"
    result = run("report", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"Using your last quiz answers: {last}, kept ")
    assert "Background: Product manager; Experience: 8 years" in out.read_text("utf-8")


def test_without_answers_or_a_kept_result_commands_say_what_to_do(
    home: Path, tmp_path: Path
) -> None:
    result = run("report", "--out", str(tmp_path / "r.md"))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no answers: give --answers FILE, or take the quiz first (aicareer quiz); "
        "its result is kept for the other commands\n"
    )
    assert not (tmp_path / "r.md").exists()


def test_a_broken_last_result_is_an_input_error_naming_it(home: Path, tmp_path: Path) -> None:
    (home / "history").mkdir(parents=True)
    bad = home / "history" / "20260101T000000-000000.toml"
    bad.write_text("years = 99\n", "utf-8")
    result = run("report", "--out", str(tmp_path / "r.md"))
    assert result.exit_code == 4
    assert f"error: {bad}: " in result.stderr


def test_an_answers_file_from_older_data_loads_with_a_note(home: Path, tmp_path: Path) -> None:
    old = answers_file(
        tmp_path,
        "# saved: 2025-01-02T03:04:05Z by aicareer 0.0.9; data: 2025.1.1\n" + GOOD,
    )
    result = run("quiz", "--answers", str(old), "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"note: {old} was saved with data 2025.1.1; the data is now {CURRENT}, "
        "so results can differ from then\n"
    )
    assert json.loads(result.stdout)["recommendations"]
    # A hand-written file (no stamp) and a current one load without a note.
    assert run("quiz", "--answers", str(answers_file(tmp_path)), "--json").stderr == ""


def test_save_stamps_the_file(home: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved.toml"
    result = run("quiz", "--answers", str(answers_file(tmp_path)), "--save", str(saved))
    assert result.exit_code == 0, result.stderr
    lines = saved.read_text("utf-8").splitlines()
    assert lines[0].startswith("# aicareer answers file")
    assert lines[1].startswith("# saved: ") and f"; data: {CURRENT}; top role: " in lines[1]


def test_history_lists_past_runs_newest_first(home: Path, tmp_path: Path) -> None:
    empty = run("history")
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert empty.stderr == "No quiz results kept yet; take the quiz: aicareer quiz\n"
    assert json.loads(run("history", "--json").stdout) == []

    assert run("quiz", "--answers", str(answers_file(tmp_path))).exit_code == 0
    pm = run("quiz", "--answers", str(answers_file(tmp_path, PM, "pm.toml")), "--json")
    top = json.loads(pm.stdout)["recommendations"][0]
    rows = json.loads(run("history", "--json").stdout)
    assert [r["file"] for r in rows] == [str(p) for p in reversed(kept(home))]
    assert (rows[0]["top_role"], rows[0]["top_name"]) == (top["role"], top["name"])
    assert set(rows[0]) == {"date", "top_role", "top_name", "data_version", "file"}
    text = run("history")
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert lines[0] == "Your quiz results, newest first (UTC):"
    assert lines[1].endswith(f"  {top['name']}") and lines[1].startswith("  20")
    assert lines[2] == f"    {rows[0]['file']}"
    assert "2 kept (at most 50)" in text.stderr


def test_an_unwritable_home_warns_but_shows_the_result(home: Path, tmp_path: Path) -> None:
    home.parent.mkdir(exist_ok=True)
    home.write_text("not a folder", "utf-8")
    result = run("quiz", "--answers", str(answers_file(tmp_path)), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["recommendations"]
    assert "warning: this result could not be kept for later: " in result.stderr


def test_answers_or_last_api(home: Path, tmp_path: Path, dataset: object) -> None:
    from aicareer.records.dataset import Dataset

    assert isinstance(dataset, Dataset)
    assert history.last_answers() is None
    me = answers_file(tmp_path)
    profile, used = history.answers_or_last(me, dataset)
    assert (profile.background, used) == ("backend-engineer", me)
    path = history.keep(profile, dataset, "ai-engineer")
    assert path is not None
    last = history.last_answers()
    assert last is not None and last.path == path and last.profile == profile
    assert history.answers_or_last(None, dataset) == (profile, path)
