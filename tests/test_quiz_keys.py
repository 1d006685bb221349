"""The interactive quiz driven by real keystrokes through prompt_toolkit's pipe input."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clirun import invoke as run_cli
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from quizkeys import (
    BACKSPACE,
    COACH,
    CTRL_C,
    DOWN,
    ENTER,
    SPACE,
    UP,
    answer,
    answer_all,
    profile_of,
    review_pick,
)

from aicareer.cli import quiz
from aicareer.cli.commands import quiz as quiz_cmd
from aicareer.records import questions
from aicareer.records.models import Profile

LOOKS_GOOD = review_pick()
EVERYTHING = answer_all()


def drive(
    *keys: str, answers: dict[str, Any] | None = None, kept: list[dict[str, Any]] | None = None
) -> Profile:
    """Run the quiz flow with `keys` typed, no terminal needed."""
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        pipe.close()  # keys that run out end the prompt (EOFError) instead of waiting forever
        with create_app_session(input=pipe, output=DummyOutput()):
            return quiz.ask_all(answers, on_interrupt=None if kept is None else kept.append)


def test_full_run_produces_a_profile() -> None:
    profile = drive(EVERYTHING, LOOKS_GOOD)
    assert profile == Profile(**profile_of())
    assert profile[:6] == (
        "backend-engineer",
        5,
        ["building-products", "agents"],
        "any",
        "professional",
        "us",
    )


def test_the_helpers_type_what_a_person_would() -> None:
    # The computed keys for the first questions are the ones a person presses.
    assert answer("background", "backend-engineer") == DOWN + ENTER
    assert answer("years", 5) == "5" + ENTER
    assert answer("coding", "professional", {"background": "backend-engineer"}) == ENTER
    assert answer("interests", ["building-products", "agents"]) == (
        SPACE + DOWN + SPACE + UP + ENTER
    )


def test_coding_default_follows_the_background() -> None:
    # product-manager's default coding level is "basic": ENTER on coding accepts it.
    profile = drive(
        answer("background", "product-manager"),
        answer("years", 5),
        ENTER,
        answer_all(start="interests"),
        LOOKS_GOOD,
    )
    assert (profile.background, profile.coding) == ("product-manager", "basic")


def test_back_from_years_changes_the_background() -> None:
    profile = drive(
        answer("background", "backend-engineer"),
        "<" + ENTER,
        answer("background", "frontend-engineer", {"background": "backend-engineer"}),
        answer_all(start="years", so_far={"background": "frontend-engineer"}),
        LOOKS_GOOD,
    )
    assert profile.background == "frontend-engineer"
    assert profile.years == 5


def test_back_entry_on_a_select_question_returns_to_the_previous_one() -> None:
    # On "How much do you code?" (none, basic, professional, ← Back) pick ← Back,
    # then replace the years answer 5 with 12.
    profile = drive(
        answer_all(stop="coding"),
        DOWN + ENTER,
        "12" + ENTER,
        answer_all(start="coding"),
        LOOKS_GOOD,
    )
    assert profile.years == 12


def test_back_on_the_checkbox_then_forward_again() -> None:
    # Tick "← Back" (the last entry) on interests, then choose coding "basic".
    profile = drive(
        answer_all(stop="interests"),
        UP + SPACE + ENTER,
        UP + ENTER,
        answer_all(start="interests"),
        LOOKS_GOOD,
    )
    assert profile.coding == "basic"
    assert profile.interests == ["building-products", "agents"]


def test_years_must_be_a_whole_number_in_range() -> None:
    # 61, then "five" are refused (the prompt stays); 7 is accepted.
    profile = drive(
        answer_all(stop="years"),
        "61" + ENTER,
        BACKSPACE * 2 + "five" + ENTER,
        BACKSPACE * 4 + "7" + ENTER,
        answer_all(start="coding"),
        LOOKS_GOOD,
    )
    assert profile.years == 7


def test_interests_need_at_least_one() -> None:
    # Enter with nothing ticked is refused; then tick the first.
    profile = drive(
        answer_all(stop="interests"),
        ENTER,
        SPACE + ENTER,
        answer_all(start="company"),
        LOOKS_GOOD,
    )
    assert profile.interests == ["building-products"]


def test_change_an_answer_on_the_review_screen() -> None:
    # Pick Region on the review, choose Europe, then Looks good.
    profile = drive(
        EVERYTHING,
        review_pick("region"),
        answer("region", "europe", {"region": "us"}),
        LOOKS_GOOD,
    )
    assert profile.region == "europe"
    assert profile.background == "backend-engineer"


def test_back_from_a_review_change_keeps_the_answer() -> None:
    # Pick Experience on the review, type "<" (back to the review), then Looks good.
    profile = drive(EVERYTHING, review_pick("years"), "<" + ENTER, LOOKS_GOOD)
    assert profile.years == 5


def test_ctrl_c_keeps_the_answers_so_far() -> None:
    kept: list[dict[str, Any]] = []
    with pytest.raises(KeyboardInterrupt):
        drive(answer_all(stop="coding"), CTRL_C, kept=kept)
    assert kept == [{"background": "backend-engineer", "years": 5}]


def test_resume_asks_only_what_is_missing() -> None:
    # If background were asked again, ENTER would pick software-engineer.
    given = {"background": "backend-engineer", "years": 5}
    profile = drive(
        answer_all({"interests": ["building-products"]}, start="coding", so_far=given),
        LOOKS_GOOD,
        answers=given,
    )
    assert profile.background == "backend-engineer"
    assert profile.years == 5
    assert profile.interests == ["building-products"]


def test_resume_with_every_answer_goes_straight_to_review() -> None:
    given = profile_of(
        {
            "background": "student",
            "years": 0,
            "coding": "basic",
            "skills": ["python"],
            "interests": ["prompting"],
            "company": "any",
            "region": "other",
            "hours_per_week": 6,
        }
    )
    from aicareer.records.models import to_dict

    assert to_dict(drive(LOOKS_GOOD, answers=given)) == to_dict(Profile(**given))


def test_edit_starts_at_the_review_with_the_answers_there() -> None:
    # quiz --edit: the review screen first; change only years (typing 9 gives 9).
    before = profile_of({"background": "data-scientist", "years": 3, "region": "europe"})
    with create_pipe_input() as pipe:
        pipe.send_text(review_pick("years") + "9" + ENTER + LOOKS_GOOD)
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()):
            profile = quiz.ask_all(defaults=before)
    assert profile == Profile(**{**before, "years": 9})


# --- the command, end to end -----------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Pretend stdin is a terminal and keep aicareer's files under tmp_path."""
    monkeypatch.setattr(quiz_cmd, "stdin_is_terminal", lambda: True)
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    yield tmp_path / "home" / "quiz-in-progress.toml"


def invoke(keys: str, *args: str, command: str = "quiz") -> Any:
    with create_pipe_input() as pipe:
        pipe.send_text(keys + COACH)
        with create_app_session(input=pipe):
            return run_cli([command, *args], env={"TERM": "xterm"})


def test_cli_quiz_prints_only_json_on_stdout(terminal: Path) -> None:
    result = invoke(EVERYTHING + LOOKS_GOOD, "--json", "--top", "1")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["profile"]["background"] == "backend-engineer"
    assert len(doc["recommendations"]) == 1
    assert f"1 of {len(questions.QUESTIONS)}" in result.stderr  # the prompts went to stderr
    assert not terminal.exists()


def test_cli_ctrl_c_exits_130_and_resume_continues(terminal: Path, tmp_path: Path) -> None:
    result = invoke(answer_all(stop="coding") + CTRL_C, "--json")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert "--resume" in result.stderr
    assert "Traceback" not in result.stderr
    assert tomllib.loads(terminal.read_text("utf-8")) == {
        "background": "backend-engineer",
        "years": 5,
    }
    assert not [p.name for p in terminal.parent.iterdir() if p.name.endswith(".tmp")]

    given = {"background": "backend-engineer", "years": 5}
    keys = answer_all(start="coding", so_far=given) + LOOKS_GOOD
    saved = tmp_path / "me.toml"
    result = invoke(keys, "--resume", "--json", "--save", str(saved))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["profile"]["years"] == 5
    assert not terminal.exists()
    assert tomllib.loads(saved.read_text("utf-8"))["background"] == "backend-engineer"


def test_cli_save_then_ctrl_c_then_resume_writes_the_saved_file(
    terminal: Path, tmp_path: Path
) -> None:
    saved = tmp_path / "me.toml"
    result = invoke(answer_all(stop="coding") + CTRL_C, "--save", str(saved))
    assert result.exit_code == 130
    assert not saved.exists()
    given = {"background": "backend-engineer", "years": 5}
    result = invoke(answer_all(start="coding", so_far=given) + LOOKS_GOOD, "--resume", "--json")
    assert result.exit_code == 0, result.stderr
    assert f"Saved your answers to {saved.resolve()}" in result.stderr
    assert tomllib.loads(saved.read_text("utf-8")) == profile_of()
    # Once written, a later --resume does not write it again.
    saved.unlink()
    result = invoke(EVERYTHING + LOOKS_GOOD, "--resume", "--json")
    assert result.exit_code == 0, result.stderr
    assert not saved.exists()


def test_cli_resume_without_saved_answers_starts_afresh(terminal: Path) -> None:
    result = invoke(EVERYTHING + LOOKS_GOOD, "--resume", "--json")
    assert result.exit_code == 0, result.stderr
    assert "No unfinished quiz" in result.stderr


def test_cli_resume_with_a_broken_progress_file_is_an_input_error(terminal: Path) -> None:
    terminal.parent.mkdir(parents=True)
    terminal.write_text('years = 99\nfavourite = "x"\n', "utf-8")
    result = invoke("", "--resume")
    assert result.exit_code == 4
    assert "years" in result.stderr and "favourite" in result.stderr
    assert str(terminal) in result.stderr


# --- results you keep: --edit, --all ----------------------------------------------------


def test_cli_edit_reasks_with_the_last_answers_preselected(terminal: Path) -> None:
    first = invoke(answer_all({"years": 3, "region": "europe"}) + LOOKS_GOOD, "--json")
    assert first.exit_code == 0, first.stderr
    before = json.loads(first.stdout)["profile"]
    # --edit opens on the review screen: change only years, 3 -> 11 (typed over nothing).
    keys = review_pick("years") + "11" + ENTER
    result = invoke(keys + LOOKS_GOOD, "--edit", "--json")
    assert result.exit_code == 0, result.stderr
    assert "Editing your last quiz answers: " in result.stderr
    after = json.loads(result.stdout)["profile"]
    assert after == {**before, "years": 11}
    assert after["region"] == "europe"
    # The edited result is now the last one.
    shown = invoke("", "--all", "--json")
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["profile"]["years"] == 11
    assert "Using your last quiz answers: " in shown.stderr


def test_cli_edit_without_a_kept_result_starts_a_new_quiz(terminal: Path) -> None:
    result = invoke(EVERYTHING + LOOKS_GOOD, "--edit", "--json")
    assert result.exit_code == 0, result.stderr
    assert "No earlier quiz result to edit; starting a new quiz." in result.stderr


def test_cli_all_after_the_quiz_does_not_ask_again(terminal: Path) -> None:
    result = invoke(EVERYTHING + LOOKS_GOOD)
    assert result.exit_code == 0, result.stderr
    assert "aicareer quiz --all" in result.stdout  # the hint
    # No keys at all: the hint works without restarting the quiz.
    again = invoke("", "--all")
    assert again.exit_code == 0, again.stderr
    assert "Every role, best first" in again.stdout
    assert "1 of " not in again.stderr
    assert again.stderr.startswith("Using your last quiz answers: ")


def test_cli_edit_and_resume_are_exclusive(terminal: Path) -> None:
    result = invoke("", "--edit", "--resume")
    assert result.exit_code == 2
    assert "cannot be used with --edit" in result.stderr


# --- the cost of a new question: its record and the profile field, nothing else ---------

NEW_FIELD = '    work_style: Annotated[str, Field(pattern="^(remote|hybrid|office)$")] = "hybrid"\n'
NEW_RECORD = """
QUESTIONS = (
    *QUESTIONS,
    Question(
        "work_style",
        "Work style",
        "How would you like to work?",
        "select",
        (
            Option("remote", "Remote", "From home or anywhere."),
            Option("hybrid", "Hybrid", "Some days in an office."),
            Option("office", "In an office", "With the team every day."),
        ),
        default="hybrid",
    ),
)
"""

DRIVER = r"""
import json, os, sys, tomllib
from pathlib import Path

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

import aicareer
from aicareer.cli import quiz
from aicareer.cli.main import app
from aicareer.cli.commands import quiz as quiz_cmd
from aicareer.records.profile import read_quiz_state, save_quiz_state
from quizkeys import COACH, CTRL_C, ENTER, answer, answer_all, ids, plain_lines
from quizkeys import profile_of, review_pick

assert aicareer.__file__.startswith(sys.argv[1]), aicareer.__file__
assert ids()[-1] == "work_style"


def drive(keys, **kw):
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()):
            return quiz.ask_all(**kw)


def cli(keys, *args, env=None):
    with create_pipe_input() as pipe:
        pipe.send_text(keys + COACH)
        with create_app_session(input=pipe):
            return CliRunner().invoke(app, ["quiz", *args], env=env or {"TERM": "xterm"})


# The flow asks it, with its default pre-selected.
assert drive(answer_all({"work_style": "remote"}) + review_pick()).work_style == "remote"
assert drive(answer_all() + review_pick()).work_style == "hybrid"
# The review screen lists it and changes it.
keys = answer_all() + review_pick("work_style")
keys += answer("work_style", "office", {"work_style": "hybrid"})
assert drive(keys + review_pick()).work_style == "office"
# Ctrl-C keeps it; the progress file round-trips it; --resume does not ask it again.
kept = []
try:
    drive(answer_all({"work_style": "remote"}) + CTRL_C, on_interrupt=kept.append)
except KeyboardInterrupt:
    pass
assert kept[0]["work_style"] == "remote", kept
progress = Path(os.environ["AICAREER_HOME"]) / "p.toml"
save_quiz_state(kept[0], progress)
assert read_quiz_state(progress) == kept[0]
# (the skipped hours question is the one left to ask: enter skips it again)
assert drive(ENTER + review_pick(), answers=read_quiz_state(progress)).work_style == "remote"
# --edit pre-selects it.
before = profile_of({"work_style": "office"})
assert drive(review_pick(), defaults=before).work_style == "office"

# The command: --save writes it, --answers reads it, --json shows it, history keeps it.
quiz_cmd.stdin_is_terminal = lambda: True
saved = Path(os.environ["AICAREER_HOME"]) / "me.toml"
result = cli(answer_all({"work_style": "remote"}) + review_pick(), "--save", str(saved), "--json")
assert result.exit_code == 0, result.stderr
assert json.loads(result.stdout)["profile"]["work_style"] == "remote"
assert tomllib.loads(saved.read_text("utf-8"))["work_style"] == "remote"
again = CliRunner().invoke(app, ["quiz", "--answers", str(saved), "--json"])
assert json.loads(again.stdout)["profile"]["work_style"] == "remote", again.stderr
edit = cli(review_pick(), "--edit", "--json")
assert json.loads(edit.stdout)["profile"]["work_style"] == "remote", edit.stderr
# Plain prompts (TERM=dumb) ask it too.
plain = CliRunner().invoke(
    app, ["quiz", "--json"], input=plain_lines({"work_style": "office"}), env={"TERM": "dumb"}
)
assert json.loads(plain.stdout)["profile"]["work_style"] == "office", plain.stderr
assert "How would you like to work?" in plain.stderr
print("ok")
"""


def test_adding_a_question_touches_only_its_record_and_the_profile_model(
    tmp_path: Path,
) -> None:
    """Copy aicareer, add one question record and one Profile field (nothing else), and
    run the quiz in every way: flow, review, Ctrl-C and resume, --edit, --save, --answers,
    plain prompts. The keystroke helpers (tests/quizkeys.py) need no change either."""
    import shutil
    import subprocess
    import sys

    import aicareer

    original = Path(aicareer.__file__).parent
    copy = tmp_path / "src" / "aicareer"
    shutil.copytree(original, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    (tmp_path / "data").symlink_to(Path(__file__).resolve().parents[1] / "data")
    models = (copy / "records" / "models.py").read_text("utf-8")
    anchor = '    region: Region = "us"\n'
    assert models.count(anchor) == 1
    (copy / "records" / "models.py").write_text(models.replace(anchor, anchor + NEW_FIELD), "utf-8")
    qs = (copy / "records" / "questions.py").read_text("utf-8")
    anchor = "BY_ID: dict[str, Question]"
    assert qs.count(anchor) == 1
    (copy / "records" / "questions.py").write_text(qs.replace(anchor, NEW_RECORD + anchor), "utf-8")
    changed = sorted(
        str(p.relative_to(copy))
        for p in copy.rglob("*.py")
        if p.read_bytes() != (original / p.relative_to(copy)).read_bytes()
    )
    assert changed == ["records/models.py", "records/questions.py"]

    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp_path / 'src'}{os.pathsep}{Path(__file__).parent}",
        "AICAREER_HOME": str(tmp_path / "home"),
    }
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(copy)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "ok"


def test_cli_all_without_a_kept_result_says_so(terminal: Path) -> None:
    result = invoke("", "--all")
    assert result.exit_code == 2
    assert "no quiz result to show yet" in result.stderr
    assert "1 of " not in result.stderr  # no quiz was started


def test_cli_resume_says_what_it_kept(terminal: Path) -> None:
    stopped = invoke(answer_all(stop="coding") + CTRL_C)
    assert stopped.exit_code == 130
    result = invoke(answer_all(start="coding") + LOOKS_GOOD, "--resume", "--json")
    assert result.exit_code == 0, result.stderr
    assert "Continuing your quiz with the answers you gave before:" in result.stderr
    assert "  Background: Backend engineer\n  Experience: 5 years\n" in result.stderr
