"""The interactive quiz: ask the questions in `aicareer.records.questions`, one at a time.

`ask_all()` is the flow (forward, back, review), written against the question records only:
it never names a question. A prompter (`cli.prompter.Prompter`) turns one record into one
prompt:

- `Fancy` (the default, `cli.quiz_fancy`) uses questionary in the current prompt_toolkit
  app session, so tests drive it with `create_app_session(input=create_pipe_input(),
  output=DummyOutput())` and the CLI wraps it in `terminal()` (`cli.drawing`), which
  draws prompts on stderr;
- `Plain` (`cli.quiz_plain`) prints numbered choices and reads typed lines: no cursor
  codes at all. The CLI uses it when TERM=dumb (`prompter()`).

Going back: select questions and checklists end with a "← Back" choice (enter on it; on a
checklist the ticks made there are kept); on a number question type `<` (with plain
prompts, type `<` anywhere). Number prompts never hold pre-typed text: what enter alone
does is shown greyed as a placeholder. The review screen
lists every answer; picking one asks that question again ("← Back" there returns to the
review unchanged).

questionary and prompt_toolkit are imported inside the functions, so importing this
module (or running `quiz --answers F --json`) does not load them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from aicareer.cli.drawing import dumb_terminal, terminal
from aicareer.cli.prompter import BACK, BACK_TITLE, DONE, Back, Prompter, went_back
from aicareer.cli.quiz_fancy import Fancy
from aicareer.cli.quiz_plain import Plain
from aicareer.records import questions
from aicareer.records.models import Profile
from aicareer.records.profile import parse_profile
from aicareer.records.questions import default_answer


def prompter() -> tuple[Prompter, AbstractContextManager[None]]:
    """The prompter for this terminal, and the context to run it in."""
    if dumb_terminal():
        return Plain(), nullcontext()
    return Fancy(), terminal()


def _next(i: int, skip: set[str]) -> int:
    qs = questions.QUESTIONS
    i += 1
    while i < len(qs) and qs[i].id in skip:
        i += 1
    return i


def _keep(given: dict[str, Any], qid: str, back: Back) -> None:
    """Going back from a checklist keeps its ticks (none ticked: no answer yet)."""
    if back.keep is None:
        return
    if back.keep:
        given[qid] = back.keep
    else:
        given.pop(qid, None)


def kept_lines(answers: Mapping[str, Any]) -> list[str]:
    """The answers kept by an interrupted quiz, as the review screen words them."""
    return [f"{q.label}: {q.show(answers[q.id])}" for q in questions.QUESTIONS if q.id in answers]


def answered(given: Mapping[str, Any]) -> dict[str, Any]:
    """The answers to keep or score: skipped questions (None) are left out."""
    return {k: v for k, v in given.items() if v is not None}


def ask_all(
    answers: Mapping[str, Any] | None = None,
    *,
    defaults: Mapping[str, Any] | None = None,
    on_interrupt: Callable[[dict[str, Any]], None] | None = None,
    ask: Prompter | None = None,
) -> Profile:
    """Ask what is missing from `answers` (the ones given are not asked again unless the
    person goes back to them), then review. `defaults` are asked again, pre-selected
    (`quiz --edit`). On Ctrl-C, call `on_interrupt(answers so far)` and re-raise
    KeyboardInterrupt. `ask` is the prompter (default: `Fancy`)."""
    prompt: Prompter = ask if ask is not None else Fancy()
    qs = questions.QUESTIONS
    by_id = {q.id: q for q in qs}
    given = {**(defaults or {}), **(answers or {})}
    skip = set(answers or {})
    total = len(qs)
    # --edit: every answer is there already, so start where they can all be seen; a
    # choice the file left to its default (coding) is shown as that default, not "skipped".
    i = total if defaults is not None else _next(-1, skip)
    if defaults is not None:
        for q in qs:
            if q.id not in given and q.kind == "select":
                given[q.id] = default_answer(q, given)
    try:
        while True:
            while i < total:
                question = qs[i]
                got = prompt.ask(question, given, f"{i + 1} of {total}", BACK_TITLE if i else None)
                if went_back(got):
                    _keep(given, question.id, got)
                    i -= 1
                    continue
                given[question.id] = got
                i = _next(i, skip)
            pick = prompt.review(given)
            if pick == DONE:
                return parse_profile(answered(given), "your answers")
            got = prompt.ask(by_id[pick], given, "Change", f"{BACK_TITLE} to the review")
            if went_back(got):
                _keep(given, pick, got)
            else:
                given[pick] = got
    except KeyboardInterrupt:
        if on_interrupt is not None:
            on_interrupt(answered(given))
        raise


__all__ = ["BACK", "DONE", "Back", "Fancy", "Plain", "Prompter", "ask_all", "prompter", "terminal"]
