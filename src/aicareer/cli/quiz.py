"""The interactive quiz: ask the questions in `aicareer.cli.questions`, one at a time.

`ask_all()` is the flow (forward, back, review), written against the question records only:
it never names a question. A prompter turns one record into one prompt:

- `Fancy` (the default) uses questionary in the current prompt_toolkit app session, so
  tests drive it with `create_app_session(input=create_pipe_input(), output=DummyOutput())`
  and the CLI wraps it in `terminal()`, which draws prompts on stderr;
- `Plain` prints numbered choices and reads typed lines: no cursor codes at all. The CLI
  uses it when TERM=dumb (`prompter()`).

Going back: select questions end with a "← Back" choice; on a number question type `<`;
on a checkbox tick "← Back" (with plain prompts, type `<` anywhere). The review screen
lists every answer; picking one asks that question again ("← Back" there returns to the
review unchanged).

questionary and prompt_toolkit are imported inside the functions, so importing this
module (or running `quiz --answers F --json`) does not load them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import IO, Any, Protocol

from aicareer.cli import questions
from aicareer.cli.questions import Question, default_answer
from aicareer.records.models import Profile
from aicareer.records.profile import parse_profile

#: What ask() returns when the person chose to go back.
BACK = "__back__"
#: What review() returns when the person is happy with their answers.
DONE = "__done__"
BACK_TITLE = "← Back"
LOOKS_GOOD = "Looks good, show my results"
REVIEW_PROMPT = "Your answers. Pick one to change it, or go on:"


class Prompter(Protocol):
    def ask(
        self, question: Question, answers: Mapping[str, Any], mark: str, back: str | None
    ) -> Any:
        """One question's answer (None: skipped), or BACK. Ctrl-C raises KeyboardInterrupt."""

    def review(self, answers: Mapping[str, Any]) -> str:
        """DONE, or the id of the question to ask again."""


@contextmanager
def terminal() -> Iterator[None]:
    """Draw prompts on stderr so that stdout carries only results (it may be piped)."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import create_output

    with create_app_session(output=create_output(stdout=sys.stderr)):
        yield


def dumb_terminal() -> bool:
    """TERM=dumb: a terminal that cannot move the cursor (Emacs shell, some CI consoles)."""
    return os.environ.get("TERM", "") == "dumb"


def prompter() -> tuple[Prompter, AbstractContextManager[None]]:
    """The prompter for this terminal, and the context to run it in."""
    if dumb_terminal():
        return Plain(), nullcontext()
    return Fancy(), terminal()


class Fancy:
    """questionary prompts: arrow keys, space to tick, a description under the list."""

    def ask(
        self, question: Question, answers: Mapping[str, Any], mark: str, back: str | None
    ) -> Any:
        import questionary
        from questionary import Choice

        default = default_answer(question, answers)
        instruction = question.how_to_answer(back is not None)
        if question.kind == "number":

            def valid(text: str) -> bool | str:
                if text.strip() == "<" and back is not None:
                    return True
                parsed = question.parse(text)
                return parsed if isinstance(parsed, str) else True

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

            def enough(sel: list[str]) -> bool | str:
                return bool(sel) or not question.required or "pick at least one (space to tick)"

            result = questionary.checkbox(
                question.prompt,
                choices=[*choices, *back_choice],
                validate=enough,
                qmark=mark,
                instruction=instruction,
            ).unsafe_ask()
            if BACK in result:
                return BACK
            # An optional checklist left empty is an answer ("none of these"), kept as []
            # so that a resumed quiz does not ask it again.
            return result

        choices = [Choice(o.title, o.value, description=o.help) for o in question.options]
        return questionary.select(
            question.prompt,
            choices=[*choices, *back_choice],
            default=default,
            qmark=mark,
            instruction=instruction,
        ).unsafe_ask()

    def review(self, answers: Mapping[str, Any]) -> str:
        import questionary
        from questionary import Choice

        choices = [Choice(LOOKS_GOOD, DONE)]
        choices += [
            Choice(
                f"{q.label}: {q.show(answers.get(q.id))}", q.id, description="Change this answer"
            )
            for q in questions.QUESTIONS
        ]
        result: str = questionary.select(
            REVIEW_PROMPT, choices=choices, qmark="Review", instruction="(arrow keys, enter)"
        ).unsafe_ask()
        return result


class Plain:
    """Numbered choices and typed lines on plain text streams: no cursor codes, no colour.

    Prompts go to `out` (stderr by default, so stdout keeps only results); answers are read
    line by line from `inp` (stdin). End of input counts as Ctrl-C: the answers so far are
    kept for --resume.
    """

    def __init__(self, inp: IO[str] | None = None, out: IO[str] | None = None) -> None:
        self._inp = inp
        self._out = out

    def _say(self, text: str) -> None:
        out = self._out or sys.stderr
        out.write(text)
        out.flush()

    def _read(self, prompt: str) -> str:
        self._say(prompt)
        line = (self._inp or sys.stdin).readline()
        if not line:
            self._say("\n")
            raise KeyboardInterrupt
        return line.strip()

    def ask(
        self, question: Question, answers: Mapping[str, Any], mark: str, back: str | None
    ) -> Any:
        default = default_answer(question, answers)
        self._say(f"\n{mark}  {question.prompt}\n")
        can_back = back is not None
        go_back = ", < to go back" if can_back else ""
        if question.kind == "number":
            shown = "" if default is None else f" [{default}]"
            span = f"a whole number, {question.low}-{question.high}"
            skip = "" if question.required else ", empty to skip"
            while True:
                text = self._read(f"  Type {span}{skip}{go_back}{shown}: ")
                if text == "<" and can_back:
                    return BACK
                if not text and default is not None:
                    return default
                parsed = question.parse(text)
                if not isinstance(parsed, str):
                    return parsed
                self._say(f"  {parsed}\n")
        options = question.options
        for i, o in enumerate(options, 1):
            self._say(f"  {i:>2}) {o.title}: {o.help}\n")
        n = len(options)
        if question.kind == "checkbox":
            picked = default or []
            current = [str(i) for i, o in enumerate(options, 1) if o.value in picked]
            shown = f" [{' '.join(current)}]" if current else ""
            skip = "" if question.required else ", empty to skip"
            while True:
                text = self._read(
                    f"  Type one or more numbers (1-{n}), separated by spaces{skip}{go_back}"
                    f"{shown}: "
                )
                if text == "<" and can_back:
                    return BACK
                if not text:
                    if current:
                        return list(picked)
                    if not question.required:
                        return []  # "none of these": an answer, kept so resume skips it
                    self._say("  pick at least one\n")
                    continue
                chosen = self._numbers(text.replace(",", " ").split(), n)
                if chosen is None:
                    self._say(f"  type numbers from 1 to {n}\n")
                    continue
                return [options[i - 1].value for i in sorted(set(chosen))]
        shown = ""
        if default is not None:
            shown = f" [{next(i for i, o in enumerate(options, 1) if o.value == default)}]"
        while True:
            text = self._read(f"  Type a number (1-{n}){go_back}{shown}: ")
            if text == "<" and can_back:
                return BACK
            if not text and default is not None:
                return default
            chosen = self._numbers([text], n)
            if chosen is None:
                self._say(f"  type a number from 1 to {n}\n")
                continue
            return options[chosen[0] - 1].value

    @staticmethod
    def _numbers(words: list[str], n: int) -> list[int] | None:
        if not words or not all(w.isdigit() and 1 <= int(w) <= n for w in words):
            return None
        return [int(w) for w in words]

    def review(self, answers: Mapping[str, Any]) -> str:
        qs = questions.QUESTIONS
        self._say(f"\nReview  {REVIEW_PROMPT}\n   0) {LOOKS_GOOD}\n")
        for i, q in enumerate(qs, 1):
            self._say(f"  {i:>2}) {q.label}: {q.show(answers.get(q.id))}\n")
        while True:
            text = self._read(f"  Type a number (0-{len(qs)}) [0]: ")
            if text in ("", "0"):
                return DONE
            chosen = self._numbers([text], len(qs))
            if chosen is not None:
                return qs[chosen[0] - 1].id
            self._say(f"  type a number from 0 to {len(qs)}\n")


def _next(i: int, skip: set[str]) -> int:
    qs = questions.QUESTIONS
    i += 1
    while i < len(qs) and qs[i].id in skip:
        i += 1
    return i


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
    i = _next(-1, skip)
    try:
        while True:
            while i < total:
                question = qs[i]
                got = prompt.ask(question, given, f"{i + 1} of {total}", BACK_TITLE if i else None)
                if got == BACK:
                    i -= 1
                    continue
                given[question.id] = got
                i = _next(i, skip)
            pick = prompt.review(given)
            if pick == DONE:
                return parse_profile(answered(given), "your answers")
            got = prompt.ask(by_id[pick], given, "Change", f"{BACK_TITLE} to the review")
            if got != BACK:
                given[pick] = got
    except KeyboardInterrupt:
        if on_interrupt is not None:
            on_interrupt(answered(given))
        raise


__all__ = ["BACK", "DONE", "Fancy", "Plain", "Prompter", "ask_all", "prompter", "terminal"]
