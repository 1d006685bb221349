"""The interactive quiz: ask the questions in `aicareer.questions`, one at a time.

`ask()` is the one adapter from a question record to a questionary prompt; `run()` is the
flow (forward, back, review). Both use the current prompt_toolkit app session, so tests
drive them with `create_app_session(input=create_pipe_input(), output=DummyOutput())`
and the CLI wraps them in `terminal()`, which draws prompts on stderr.

Going back: select questions end with a "← Back" choice; on the years question type `<`;
on the interests checkbox tick "← Back". The review screen lists every answer; picking
one asks that question again ("← Back" there returns to the review unchanged).

questionary and prompt_toolkit are imported inside the functions, so importing this
module (or running `quiz --answers F --json`) does not load them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from aicareer.models import Profile
from aicareer.profile import parse_profile
from aicareer.questions import BY_ID, QUESTIONS, Question, default_answer

#: What ask() returns when the person chose to go back.
BACK = "__back__"
#: What review() returns when the person is happy with their answers.
DONE = "__done__"
BACK_TITLE = "← Back"


@contextmanager
def terminal() -> Iterator[None]:
    """Draw prompts on stderr so that stdout carries only results (it may be piped)."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import create_output

    with create_app_session(output=create_output(stdout=sys.stderr)):
        yield


def ask(question: Question, answers: Mapping[str, Any], mark: str, back: str | None) -> Any:
    """Ask one question; return the answer, or BACK. `back` labels the Back entry (None: no
    Back, e.g. on the first question). Ctrl-C raises KeyboardInterrupt."""
    import questionary
    from questionary import Choice

    default = default_answer(question, answers)
    if question.kind == "number":

        def valid(text: str) -> bool | str:
            if text.strip() == "<" and back is not None:
                return True
            parsed = question.parse(text)
            return True if isinstance(parsed, int) else parsed

        span = f"(a whole number, {question.low}-{question.high})"
        instruction = question.instruction if back else span
        typed = questionary.text(
            question.prompt,
            default="" if default is None else str(default),
            validate=valid,
            qmark=mark,
            instruction=instruction,
        ).unsafe_ask()
        return BACK if typed.strip() == "<" else question.parse(typed)

    back_choice = [] if back is None else [Choice(back, BACK, description="Go back")]
    if question.kind == "checkbox":
        picked = default or []
        choices = [
            Choice(o.title, o.value, description=o.help, checked=o.value in picked)
            for o in question.options
        ]
        result = questionary.checkbox(
            question.prompt,
            choices=[*choices, *back_choice],
            validate=lambda sel: (
                len(sel) >= question.min_picks or "pick at least one (space to tick)"
            ),
            qmark=mark,
            instruction=question.instruction,
        ).unsafe_ask()
        return BACK if BACK in result else result

    choices = [Choice(o.title, o.value, description=o.help) for o in question.options]
    return questionary.select(
        question.prompt,
        choices=[*choices, *back_choice],
        default=default,
        qmark=mark,
        instruction="(arrow keys, enter to choose)",
    ).unsafe_ask()


def review(answers: Mapping[str, Any]) -> str:
    """The review screen: DONE, or the id of the question to ask again."""
    import questionary
    from questionary import Choice

    choices = [Choice("Looks good, show my results", DONE)]
    choices += [
        Choice(f"{q.label}: {q.show(answers[q.id])}", q.id, description="Change this answer")
        for q in QUESTIONS
    ]
    result: str = questionary.select(
        "Your answers. Pick one to change it, or go on:",
        choices=choices,
        qmark="Review",
        instruction="(arrow keys, enter)",
    ).unsafe_ask()
    return result


def _next(i: int, skip: set[str]) -> int:
    i += 1
    while i < len(QUESTIONS) and QUESTIONS[i].id in skip:
        i += 1
    return i


def run(
    answers: Mapping[str, Any] | None = None,
    *,
    on_interrupt: Callable[[dict[str, Any]], None] | None = None,
) -> Profile:
    """Ask what is missing from `answers` (the ones given are not asked again unless the
    person goes back to them), then review. On Ctrl-C, call `on_interrupt(answers so far)`
    and re-raise KeyboardInterrupt."""
    given = dict(answers or {})
    skip = set(given)
    total = len(QUESTIONS)
    i = _next(-1, skip)
    try:
        while True:
            while i < total:
                question = QUESTIONS[i]
                got = ask(question, given, f"{i + 1} of {total}", BACK_TITLE if i else None)
                if got == BACK:
                    i -= 1
                    continue
                given[question.id] = got
                i = _next(i, skip)
            pick = review(given)
            if pick == DONE:
                return parse_profile(given, "your answers")
            got = ask(BY_ID[pick], given, "Change", f"{BACK_TITLE} to the review")
            if got != BACK:
                given[pick] = got
    except KeyboardInterrupt:
        if on_interrupt is not None:
            on_interrupt(given)
        raise


__all__ = ["BACK", "DONE", "ask", "review", "run", "terminal"]
