"""Path progress: --done / --undo across runs, a data edit, broken files."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

from clirun import invoke

from aicareer.errors import ExitCode


def run(*args: str, home: Path, today: str = "2026-05-01") -> tuple[int, str, str]:
    env = {"AICAREER_HOME": str(home), "AICAREER_TODAY": today}
    result = invoke(list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    return " ".join(text.split())


def status(out: str, phase_id: str) -> dict[str, object]:
    doc = json.loads(out)
    return next(p for p in doc["phases"] if p["id"] == phase_id)


def test_done_is_kept_across_runs_and_changes_the_remaining_time(tmp_path: Path) -> None:
    code, _, err = run("path", "ai-engineer", "--done", "production", home=tmp_path)
    assert code == 0, err
    assert "marked done: production" in err
    saved = tomllib.loads((tmp_path / "progress.toml").read_text(encoding="utf-8"))
    assert saved["done"] == {"production": __import__("datetime").date(2026, 5, 1)}

    code, out, _ = run("path", "ai-engineer", home=tmp_path)
    assert code == 0
    text = flat(out)
    assert "✓ done" in text
    assert "Total: 17-26 weeks" in text
    assert "Remaining: 13-20 weeks (about 3-5 months) (1 of 5 phases done)" in text


def test_progress_is_shared_by_paths_with_the_same_phase(tmp_path: Path) -> None:
    run("path", "ai-engineer", "--done", "retrieval", home=tmp_path)
    code, out, _ = run("path", "ai-agent-engineer", "--json", home=tmp_path)
    assert code == 0
    assert status(out, "retrieval")["done"] is True
    assert status(out, "agents")["done"] is False


def test_undo(tmp_path: Path) -> None:
    run("path", "ai-engineer", "--done", "production", "--done", "agents", home=tmp_path)
    code, out, err = run("path", "ai-engineer", "--undo", "agents", "--json", home=tmp_path)
    assert code == 0, err
    assert "no longer done: agents" in err
    assert status(out, "agents")["done"] is False
    assert status(out, "production")["done"] is True
    code, _, err = run("path", "ai-engineer", "--undo", "agents", home=tmp_path)
    assert code == 0
    # One message, not "nothing to undo" and "no longer done" both.
    assert err == "agents was not marked done; nothing to undo\n"
    code, _, err = run(
        "path", "ai-engineer", "--undo", "agents", "--undo", "production", home=tmp_path
    )
    assert code == 0
    assert err.splitlines() == [
        "agents was not marked done; nothing to undo",
        f"no longer done: production (progress file: {tmp_path / 'progress.toml'})",
    ]


def test_unknown_phase_id_is_an_input_error_and_writes_nothing(tmp_path: Path) -> None:
    code, out, err = run("path", "ai-engineer", "--done", "productions", home=tmp_path)
    assert code == ExitCode.INPUT
    assert "unknown phase id 'productions'; did you mean 'production'?" in err
    assert out == ""
    assert not (tmp_path / "progress.toml").exists()


def test_phase_of_another_path_is_refused(tmp_path: Path) -> None:
    code, _, err = run("path", "ai-engineer", "--done", "deep-learning", home=tmp_path)
    assert code == ExitCode.INPUT
    assert "phase 'deep-learning' is not on this path" in err


def test_done_and_undo_of_the_same_phase_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("path", "ai-engineer", "--done", "agents", "--undo", "agents", home=tmp_path)
    assert code == ExitCode.USAGE and "--done and --undo both name: agents" in err


def test_progress_survives_a_data_edit(tmp_path: Path, make_data_dir: Callable[[], Path]) -> None:
    home = tmp_path / "home"
    code, _, _ = run(
        "path", "ai-agent-engineer", "--done", "agent-reliability", "--done", "agents", home=home
    )
    assert code == 0
    # A newer data file drops the phase.
    folder = make_data_dir()
    paths = folder / "paths.toml"
    text = paths.read_text(encoding="utf-8")
    text = text.replace(
        '"agents", "agent-reliability", "show-and-apply"', '"agents", "show-and-apply"'
    )
    start = text.index('[[phases]]\nid = "agent-reliability"')
    end = text.index("[[phases]]", start + 1)
    text = text[:start] + text[end:]
    text = text.replace('phase = "agent-reliability"', 'phase = "agents"')
    paths.write_text(text, encoding="utf-8")

    code, out, err = run(
        "path", "ai-agent-engineer", "--data-dir", str(folder), "--json", home=home
    )
    assert code == 0, err
    assert "lists phase 'agent-reliability', which the data no longer has" in err
    doc = json.loads(out)
    assert doc["progress"]["unknown_ids"] == ["agent-reliability"]
    assert status(out, "agents")["done"] is True

    code, _, err = run(
        "path",
        "ai-agent-engineer",
        "--data-dir",
        str(folder),
        "--undo",
        "agent-reliability",
        home=home,
    )
    assert code == 0, err
    saved = tomllib.loads((home / "progress.toml").read_text(encoding="utf-8"))
    assert list(saved["done"]) == ["agents"]


def test_a_broken_progress_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "progress.toml").write_text(
        'version = 1\n[done]\nagents = "soon"\n', encoding="utf-8"
    )
    code, _, err = run("path", "ai-engineer", home=tmp_path)
    assert code == ExitCode.INPUT
    assert f"{tmp_path / 'progress.toml'}: done.agents: " in err


def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    run("path", "ai-engineer", "--done", "agents", home=tmp_path)
    assert (tmp_path / "progress.toml").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".progress")] == []


def test_a_key_that_is_not_a_phase_id_is_named_with_what_an_id_is(tmp_path: Path) -> None:
    (tmp_path / "progress.toml").write_text(
        'version = 1\n[done]\n"My Phase" = 2026-05-01\n', encoding="utf-8"
    )
    code, out, err = run("path", "ai-engineer", home=tmp_path)
    assert code == ExitCode.INPUT
    assert out == ""
    assert err == (
        f"error: {tmp_path / 'progress.toml'}: done.My Phase: this key is not an id: use "
        "lowercase letters, digits and single hyphens, e.g. ai-engineer (got 'My Phase')\n"
    )
