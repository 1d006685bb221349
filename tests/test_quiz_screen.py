"""The quiz as a person sees it: keystrokes through prompt_toolkit's pipe input, drawn on an
emulated terminal (pyte) of a given size, then the screen read back as text.

Each test types up to the screen it wants to look at; when the keys run out the prompt on
screen ends (EOFError). Every frame drawn is kept, so a test reads the last frame that
showed what it looks for (the screen as the person saw it, before the prompt was erased).
"""

from __future__ import annotations

import contextlib
from typing import Any

import pyte
import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output
from quizkeys import BASE, DOWN, ENTER, SPACE, UP, answer, answer_all, review_pick

from aicareer.cli import quiz
from aicareer.records import questions
from aicareer.records.models import Profile


class Terminal:
    """A file-like prompt_toolkit can draw on, kept as a pyte screen of `cols` x `rows`."""

    encoding = "utf-8"

    def __init__(self, cols: int, rows: int) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.Stream(self.screen)
        self.frames: list[list[str]] = []

    def write(self, data: str) -> int:
        self.stream.feed(data)
        return len(data)

    def flush(self) -> None:
        self.frames.append(self.lines())

    def frame(self, marker: str) -> list[str]:
        """The last frame whose text (wrapping aside) holds `marker`."""
        for lines in reversed(self.frames):
            if marker in " ".join(" ".join(lines).split()):
                return lines
        raise AssertionError(f"never on screen: {marker!r}\n{self.text()}")

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("an emulated terminal")

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        return "\n".join(self.lines()).strip("\n")


def run(keys: str, cols: int = 80, rows: int = 24, **kw: Any) -> tuple[Terminal, Profile | None]:
    term = Terminal(cols, rows)
    output = Vt100_Output(
        term,
        lambda: Size(rows=rows, columns=cols),
        term="xterm",  # type: ignore[arg-type]
        enable_cpr=False,
    )
    profile = None
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        with create_app_session(input=pipe, output=output), contextlib.suppress(EOFError):
            profile = quiz.ask_all(**kw)
    return term, profile


def words_whole(lines: list[str], text: str) -> None:
    """Every word of `text` appears whole on some line (no word cut at the edge)."""
    on_screen = {w for line in lines for w in line.split()}
    missing = [w for w in text.split() if w not in on_screen]
    assert not missing, f"cut or missing: {missing}\n" + "\n".join(lines)


# --- number prompts: nothing pre-typed -----------------------------------------------------


def test_years_typed_on_the_review_screen_is_what_was_typed() -> None:
    # Experience is 2 years; pick it on the review and type 5: the answer is 5, not 25.
    keys = answer_all({"years": 2}) + review_pick("years") + "5" + ENTER + review_pick()
    _, profile = run(keys)
    assert profile is not None and profile.years == 5


def test_the_current_answer_is_a_placeholder_not_typed_text() -> None:
    term, _ = run(answer_all({"years": 2}) + review_pick("years"))
    term.frame("2 (enter keeps it)")
    # and enter alone keeps it
    _, profile = run(answer_all({"years": 2}) + review_pick("years") + ENTER + review_pick())
    assert profile is not None and profile.years == 2


def test_hours_enter_alone_is_a_skip_and_8_is_8() -> None:
    _, skipped = run(answer_all(stop="hours_per_week") + ENTER + review_pick())
    assert skipped is not None and skipped.hours_per_week is None
    _, eight = run(answer_all(stop="hours_per_week") + "8" + ENTER + review_pick())
    assert eight is not None and eight.hours_per_week == 8


def test_lt_alone_goes_back_from_hours() -> None:
    # "<" on hours goes back to the skills (nothing pre-typed, so it is not "10<").
    term, _ = run(answer_all(stop="hours_per_week") + "<" + ENTER)
    term.frame("7 of 8 What can you already do?")
    assert not any("enter a whole number" in " ".join(f) for f in term.frames)


# --- checklists ------------------------------------------------------------------------


def back_entry(qid: str) -> str:
    """Keys to move the pointer from the top of a one-page checklist to "← Back"."""
    return DOWN * len(questions.BY_ID[qid].options)


def test_enter_on_back_keeps_the_ticks_and_says_what_was_kept() -> None:
    # On interests tick the first two, then enter on "← Back": back on coding; choose it
    # again and the two ticks are still there (enter goes on with them).
    keys = answer_all(stop="interests") + SPACE + DOWN + SPACE + UP
    keys += back_entry("interests") + ENTER
    term, _ = run(keys, rows=60)
    term.frame("← Back (kept: Building products, AI agents)")
    _, profile = run(keys + ENTER + ENTER + answer_all(start="company") + review_pick())
    assert profile is not None
    assert profile.interests == ["building-products", "agents"]


def test_ticking_back_is_not_counted_as_a_pick() -> None:
    keys = answer_all(stop="interests") + SPACE + UP + SPACE + ENTER  # tick 1st and ← Back
    term, _ = run(keys, rows=60)
    term.frame("← Back (kept: Building products)")
    assert "selections" not in term.text()  # what stays on screen


def test_the_echo_names_what_was_picked() -> None:
    term, _ = run(answer_all(stop="company"), rows=60)
    term.frame("What draws you? Pick one or more. Building products, AI agents")


@pytest.mark.parametrize("cols", [40, 60, 80])
def test_the_skills_list_fits_a_24_line_screen_page_by_page(cols: int) -> None:
    skills = questions.BY_ID["skills"]
    keys = answer_all(stop="skills")
    for n, (group, options) in enumerate(skills.pages()):
        term, _ = run(keys, cols=cols, rows=24)
        lines = term.frame(f"({n + 1} of {len(skills.pages())}: {group})")
        screen = "\n".join(lines)
        assert len(options) <= 8
        for o in options:
            words_whole(lines, o.title)  # each label whole, at 40 columns too
        assert "From roadmap" not in screen and "§" not in screen
        # the first line of the page is still on screen: the page fits
        assert lines[0].strip(), screen
        keys += ENTER


@pytest.mark.parametrize("cols", [60, 80])
def test_headers_wrap_at_words(cols: int) -> None:
    for qid in ("company", "region", "hours_per_week"):
        q = questions.BY_ID[qid]
        term, _ = run(answer_all(stop=qid), cols=cols)
        lines = term.frame(f"{questions.QUESTIONS.index(q) + 1} of 8 {q.prompt.split()[0]}")
        words_whole(lines, q.prompt)
        words_whole(lines, q.how_to_answer(True))


def test_the_review_screen_cuts_no_word() -> None:
    every = [o.value for o in questions.BY_ID["skills"].options][:9]
    keys = answer_all({"skills": every}) + DOWN * (
        questions.QUESTIONS.index(questions.BY_ID["skills"]) + 1
    )
    for cols in (60, 80):
        term, _ = run(keys, cols=cols, rows=40)
        lines = term.frame("Description:")
        screen = "\n".join(lines)
        body = [line for line in lines if "…" not in line]
        # A line too long is shortened at a word ("…"); the full answer is the description
        # under the list, wrapped at words.
        assert "Description:" in screen
        shown = questions.BY_ID["skills"].show(every)
        words_whole(body, shown)


def test_company_and_pay_region_read_as_two_questions() -> None:
    company = questions.BY_ID["company"].prompt
    region = questions.BY_ID["region"].prompt
    assert "company" in company.lower() and "pay" in region.lower()
    assert "where" not in (company + region).lower()


def test_base_answers_are_what_the_screens_assume() -> None:
    assert BASE["interests"] == ["building-products", "agents"]
    assert answer("interests", ["building-products"]) == SPACE + ENTER


def test_a_wrapped_header_stays_indented_and_says_how_once() -> None:
    term, _ = run(answer_all(stop="skills"), cols=80)
    lines = term.frame("(1 of 4: Code and data)")
    at = next(i for i, line in enumerate(lines) if line.startswith("7 of 8 What can you"))
    assert lines[at + 1].startswith("       "), lines  # under the question, not at column 0
    term, _ = run("", cols=80)
    first = term.frame("1 of 8 What is your current")
    assert not any("Use arrow keys" in line for line in first), first


def test_edit_shows_a_defaulted_choice_not_skipped() -> None:
    before = {"background": "backend-engineer", "years": 2, "interests": ["agents"]}
    term, profile = run(review_pick(), rows=40, defaults=before)
    assert profile is not None and profile.coding == "professional"
    lines = term.frame("Review Your answers.")
    assert "   Coding: Professionally" in lines, lines
