"""The interactive quiz driven by real keystrokes through prompt_toolkit's pipe input."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from aicareer import quiz
from aicareer.cli import app
from aicareer.commands import quiz as quiz_cmd
from aicareer.models import Profile

DOWN, UP, ENTER, SPACE, CTRL_C, BACKSPACE = "\x1b[B", "\x1b[A", "\r", " ", "\x03", "\x7f"

# Background list order: software-engineer, backend-engineer, ... (see questions.py).
BACKEND = DOWN + ENTER
YEARS_5 = "5" + ENTER
CODING_DEFAULT = ENTER
FIRST_TWO_INTERESTS = SPACE + DOWN + SPACE + ENTER  # building-products, agents
COMPANY_ANY = ENTER
REGION_US = ENTER
SKILLS_NONE = ENTER  # the skills checklist may be left empty
HOURS_DEFAULT = ENTER  # keeps the pre-filled 10
# The two planning questions (skills, hours a week), skipped with their defaults.
PLAN_DEFAULTS = SKILLS_NONE + HOURS_DEFAULT
LOOKS_GOOD = ENTER  # first entry on the review screen


def drive(
    *keys: str, answers: dict[str, Any] | None = None, kept: list[dict[str, Any]] | None = None
) -> Profile:
    """Run the quiz flow with `keys` typed, no terminal needed."""
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        with create_app_session(input=pipe, output=DummyOutput()):
            return quiz.run(answers, on_interrupt=None if kept is None else kept.append)


def test_full_run_produces_a_profile() -> None:
    profile = drive(
        BACKEND,
        YEARS_5,
        CODING_DEFAULT,
        FIRST_TWO_INTERESTS,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        LOOKS_GOOD,
    )
    assert profile == Profile(
        background="backend-engineer",
        years=5,
        interests=["building-products", "agents"],
        company="any",
        coding="professional",
        region="us",
        hours_per_week=10,
    )


def test_coding_default_follows_the_background() -> None:
    # product-manager is the 10th background; its default coding level is "basic".
    profile = drive(
        DOWN * 9 + ENTER,
        YEARS_5,
        CODING_DEFAULT,
        FIRST_TWO_INTERESTS,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        LOOKS_GOOD,
    )
    assert (profile.background, profile.coding) == ("product-manager", "basic")


def test_back_from_years_changes_the_background() -> None:
    profile = drive(
        BACKEND,
        "<" + ENTER,
        DOWN + ENTER,
        YEARS_5,
        CODING_DEFAULT,
        FIRST_TWO_INTERESTS,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        LOOKS_GOOD,
    )
    assert profile.background == "frontend-engineer"
    assert profile.years == 5


def test_back_entry_on_a_select_question_returns_to_the_previous_one() -> None:
    # On "How much do you code?" (none, basic, professional, ← Back) pick ← Back,
    # then replace the years answer 5 with 12.
    profile = drive(
        BACKEND,
        YEARS_5,
        DOWN + ENTER,
        BACKSPACE + "12" + ENTER,
        CODING_DEFAULT,
        FIRST_TWO_INTERESTS,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        LOOKS_GOOD,
    )
    assert profile.years == 12


def test_back_on_the_checkbox_then_forward_again() -> None:
    # Tick "← Back" (the last entry, 13th) on interests, then choose coding "basic".
    profile = drive(
        BACKEND,
        YEARS_5,
        CODING_DEFAULT,
        UP + SPACE + ENTER,
        UP + ENTER,
        FIRST_TWO_INTERESTS,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        LOOKS_GOOD,
    )
    assert profile.coding == "basic"
    assert profile.interests == ["building-products", "agents"]


def test_years_must_be_a_whole_number_in_range() -> None:
    # 61, then "five" are refused (the prompt stays); 7 is accepted.
    profile = drive(
        BACKEND,
        "61" + ENTER,
        BACKSPACE * 2 + "five" + ENTER,
        BACKSPACE * 4 + "7" + ENTER,
        CODING_DEFAULT,
        FIRST_TWO_INTERESTS,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        LOOKS_GOOD,
    )
    assert profile.years == 7


def test_interests_need_at_least_one() -> None:
    # Enter with nothing ticked is refused; then tick the first.
    profile = drive(
        BACKEND,
        YEARS_5,
        CODING_DEFAULT,
        ENTER,
        SPACE + ENTER,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        LOOKS_GOOD,
    )
    assert profile.interests == ["building-products"]


def test_change_an_answer_on_the_review_screen() -> None:
    # Review: [Looks good, Background, Experience, Coding, Interests, Company, Region].
    # Pick Region (6 down), choose Europe, then Looks good.
    profile = drive(
        BACKEND,
        YEARS_5,
        CODING_DEFAULT,
        FIRST_TWO_INTERESTS,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        DOWN * 6 + ENTER,
        DOWN + ENTER,
        LOOKS_GOOD,
    )
    assert profile.region == "europe"
    assert profile.background == "backend-engineer"


def test_back_from_a_review_change_keeps_the_answer() -> None:
    # Pick Experience on the review, type "<" (back to the review), then Looks good.
    profile = drive(
        BACKEND,
        YEARS_5,
        CODING_DEFAULT,
        FIRST_TWO_INTERESTS,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        DOWN * 2 + ENTER,
        BACKSPACE + "<" + ENTER,
        LOOKS_GOOD,
    )
    assert profile.years == 5


def test_ctrl_c_keeps_the_answers_so_far() -> None:
    kept: list[dict[str, Any]] = []
    with pytest.raises(KeyboardInterrupt):
        drive(BACKEND, YEARS_5, CTRL_C, kept=kept)
    assert kept == [{"background": "backend-engineer", "years": 5}]


def test_resume_asks_only_what_is_missing() -> None:
    # If background were asked again, ENTER would pick software-engineer.
    profile = drive(
        CODING_DEFAULT,
        SPACE + ENTER,
        COMPANY_ANY,
        REGION_US,
        PLAN_DEFAULTS,
        LOOKS_GOOD,
        answers={"background": "backend-engineer", "years": 5},
    )
    assert profile.background == "backend-engineer"
    assert profile.years == 5
    assert profile.interests == ["building-products"]


def test_resume_with_every_answer_goes_straight_to_review() -> None:
    given = {
        "background": "student",
        "years": 0,
        "coding": "basic",
        "interests": ["prompting"],
        "company": "any",
        "region": "other",
    }
    # The six answers of an older quiz: only the two planning questions are asked.
    assert drive(PLAN_DEFAULTS, LOOKS_GOOD, answers=given) == Profile(**given, hours_per_week=10)


# --- the two planning questions: skills and hours a week ----------------------------------

BEFORE_SKILLS = (BACKEND, YEARS_5, CODING_DEFAULT, FIRST_TWO_INTERESTS, COMPANY_ANY, REGION_US)


def test_skills_and_hours_are_recorded() -> None:
    # Skills list order: python, async-python, data-validation, ... (vocab.SKILLS).
    profile = drive(
        *BEFORE_SKILLS, SPACE + DOWN + DOWN + SPACE + ENTER, BACKSPACE * 2 + "3" + ENTER, LOOKS_GOOD
    )
    assert profile.skills == ("python", "data-validation")
    assert profile.hours_per_week == 3


def test_skipping_both_leaves_no_skills_and_ten_hours() -> None:
    profile = drive(*BEFORE_SKILLS, PLAN_DEFAULTS, LOOKS_GOOD)
    assert (profile.skills, profile.hours_per_week) == ((), 10)


def test_hours_must_be_1_to_80() -> None:
    # 0, then 81 are refused (the prompt stays); 20 is accepted.
    profile = drive(
        *BEFORE_SKILLS,
        SKILLS_NONE,
        BACKSPACE * 2 + "0" + ENTER,
        BACKSPACE + "81" + ENTER,
        BACKSPACE * 2 + "20" + ENTER,
        LOOKS_GOOD,
    )
    assert profile.hours_per_week == 20


def test_back_from_skills_returns_to_the_region() -> None:
    # Tick "← Back" (the last entry, 29th: UP wraps to it) on skills, then pick Europe.
    profile = drive(*BEFORE_SKILLS, UP + SPACE + ENTER, DOWN + ENTER, PLAN_DEFAULTS, LOOKS_GOOD)
    assert profile.region == "europe"
    assert profile.skills == ()


def test_back_from_hours_keeps_the_ticked_skills() -> None:
    profile = drive(
        *BEFORE_SKILLS, SPACE + ENTER, BACKSPACE * 2 + "<" + ENTER, ENTER, HOURS_DEFAULT, LOOKS_GOOD
    )
    assert profile.skills == ("python",)


def test_change_hours_on_the_review_screen() -> None:
    # Review: [Looks good, Background, ..., Region, Skills, Hours a week]: Hours is 8 down.
    profile = drive(
        *BEFORE_SKILLS, PLAN_DEFAULTS, DOWN * 8 + ENTER, BACKSPACE * 2 + "6" + ENTER, LOOKS_GOOD
    )
    assert profile.hours_per_week == 6


# --- the command, end to end -----------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Pretend stdin is a terminal and keep aicareer's files under tmp_path."""
    monkeypatch.setattr(quiz_cmd, "stdin_is_terminal", lambda: True)
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    yield tmp_path / "home" / "quiz-in-progress.toml"


def invoke(keys: str, *args: str) -> Any:
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        with create_app_session(input=pipe):
            return CliRunner().invoke(app, ["quiz", *args])


def test_cli_quiz_prints_only_json_on_stdout(terminal: Path) -> None:
    keys = (
        BACKEND
        + YEARS_5
        + CODING_DEFAULT
        + FIRST_TWO_INTERESTS
        + COMPANY_ANY
        + REGION_US
        + PLAN_DEFAULTS
        + LOOKS_GOOD
    )
    result = invoke(keys, "--json", "--top", "1")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["profile"]["background"] == "backend-engineer"
    assert len(doc["recommendations"]) == 1
    assert "1 of 8" in result.stderr  # the prompts went to stderr
    assert not terminal.exists()


def test_cli_ctrl_c_exits_130_and_resume_continues(terminal: Path, tmp_path: Path) -> None:
    result = invoke(BACKEND + YEARS_5 + CTRL_C, "--json")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert "--resume" in result.stderr
    assert "Traceback" not in result.stderr
    assert tomllib.loads(terminal.read_text("utf-8")) == {
        "background": "backend-engineer",
        "years": 5,
    }
    assert not [p.name for p in terminal.parent.iterdir() if p.name.endswith(".tmp")]

    keys = (
        CODING_DEFAULT + FIRST_TWO_INTERESTS + COMPANY_ANY + REGION_US + PLAN_DEFAULTS + LOOKS_GOOD
    )
    saved = tmp_path / "me.toml"
    result = invoke(keys, "--resume", "--json", "--save", str(saved))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["profile"]["years"] == 5
    assert not terminal.exists()
    assert tomllib.loads(saved.read_text("utf-8"))["background"] == "backend-engineer"


def test_cli_resume_without_saved_answers_starts_afresh(terminal: Path) -> None:
    keys = (
        BACKEND
        + YEARS_5
        + CODING_DEFAULT
        + FIRST_TWO_INTERESTS
        + COMPANY_ANY
        + REGION_US
        + PLAN_DEFAULTS
        + LOOKS_GOOD
    )
    result = invoke(keys, "--resume", "--json")
    assert result.exit_code == 0, result.stderr
    assert "No unfinished quiz" in result.stderr


def test_cli_resume_with_a_broken_progress_file_is_an_input_error(terminal: Path) -> None:
    terminal.parent.mkdir(parents=True)
    terminal.write_text('years = 99\nfavourite = "x"\n', "utf-8")
    result = invoke("", "--resume")
    assert result.exit_code == 4
    assert "years" in result.stderr and "favourite" in result.stderr
    assert str(terminal) in result.stderr
