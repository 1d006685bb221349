"""The interactive quiz: ask the questions in `aicareer.records.questions`, one at a time.

`ask_all()` is the flow (forward, back, review), written against the question records only:
it never names a question. A prompter turns one record into one prompt:

- `Fancy` (the default) uses questionary in the current prompt_toolkit app session, so
  tests drive it with `create_app_session(input=create_pipe_input(), output=DummyOutput())`
  and the CLI wraps it in `terminal()`, which draws prompts on stderr;
- `Plain` prints numbered choices and reads typed lines: no cursor codes at all. The CLI
  uses it when TERM=dumb (`prompter()`).

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

import os
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any, Protocol

from aicareer.cli.plainio import PlainIO
from aicareer.records import questions
from aicareer.records.models import Profile
from aicareer.records.profile import parse_profile
from aicareer.records.questions import Option, Question, default_answer


@dataclass(frozen=True, slots=True)
class Back:
    """What ask() returns when the person chose to go back. `keep`: on a checklist, what
    they had ticked on that screen (kept, so the ticks are there when they come forward
    again); None elsewhere."""

    keep: Any = None


BACK = Back()
#: What review() returns when the person is happy with their answers.
DONE = "__done__"
#: The value of the "← Back" entry inside questionary's lists (never an answer).
_BACK_VALUE = "__back__"
BACK_TITLE = "← Back"
LOOKS_GOOD = "Looks good, show my results"
REVIEW_PROMPT = "Your answers. Pick one to change it, or go on:"


def went_back(got: Any) -> bool:
    return isinstance(got, Back)


class Prompter(Protocol):
    def ask(
        self, question: Question, answers: Mapping[str, Any], mark: str, back: str | None
    ) -> Any:
        """One question's answer (None: skipped), or a Back. Ctrl-C raises KeyboardInterrupt."""

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


def number_answer(question: Question, answers: Mapping[str, Any], text: str) -> Any:
    """A number question's typed text -> the answer (None: skipped), or an error message
    (a str). Nothing is ever pre-typed: enter alone keeps the person's current answer, else
    takes the question's default, else skips an optional question."""
    if not text.strip():
        current = answers.get(question.id)
        if current is not None:
            return current
        if question.default is not None:
            return question.default
    return question.parse(text)


def number_hint(question: Question, answers: Mapping[str, Any]) -> str:
    """What enter alone does, shown greyed in the empty input (a placeholder, not text)."""
    current = answers.get(question.id)
    if current is not None:
        return f"{current} (enter keeps it)"
    if question.default is not None:
        return f"{question.default} (enter takes it)"
    return "" if question.required else "(enter alone skips)"


def wrap_header(mark: str, prompt: str, instruction: str, width: int) -> str:
    """The prompt and its instruction wrapped at words to `width` columns, to follow
    questionary's "{mark} " (so the first line is shorter by the mark's width)."""
    room = max(20, width - 1)
    lead = " " * (len(mark) + 1)
    lines = textwrap.wrap(
        prompt, room, initial_indent=lead, subsequent_indent=lead, break_long_words=False
    )
    lines[0] = lines[0][len(lead) :]
    if instruction:
        lines += textwrap.wrap(instruction, room, initial_indent="  ", subsequent_indent="  ")
    return "\n".join(lines)


def fit(text: str, width: int) -> str:
    """`text` on one line of at most `width` columns, cut at a word with "…" when longer."""
    if len(text) <= width:
        return text
    return textwrap.shorten(text, width, placeholder=" …", break_long_words=False)


def wrapped(text: str, width: int, indent: str = "    ") -> str:
    """A description under a list: wrapped at words, its later lines indented."""
    first = width - len("  Description: ") - 1
    lines = textwrap.wrap(text, max(20, first), break_long_words=False)
    if len(lines) > 1:
        rest = " ".join(lines[1:])
        lines[1:] = textwrap.wrap(
            rest, max(20, width - 1), initial_indent=indent, subsequent_indent=indent
        )
    return "\n".join(lines)


def columns() -> int:
    """The width of the terminal the prompts are drawn on."""
    from prompt_toolkit.application.current import get_app_session

    try:
        return max(20, get_app_session().output.get_size().columns)
    except Exception:  # an output that cannot say (a closed stream): the usual width
        return 80


def echo(mark: str, prompt: str, shown: str) -> None:
    """What stays on screen after a question: the question and the answer, in words."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    width = columns()
    head = textwrap.wrap(
        f"{prompt} {shown}", max(20, width - len(mark) - 2), break_long_words=False
    )
    text = f"\n{' ' * (len(mark) + 1)}".join(head)
    print_formatted_text(FormattedText([("class:qmark", mark), ("", " "), ("", text)]))


def _quietly(question: Any) -> Any:
    """Run a questionary prompt that leaves nothing behind: `echo` says what was picked."""
    question.application.erase_when_done = True
    return question.unsafe_ask()


def checked_titles(question: Question, values: list[str]) -> str:
    return ", ".join(question.title_of(v) for v in values) or "none"


class Fancy:
    """questionary prompts: arrow keys, space to tick, a description under the list.

    Every prompt is wrapped at words to the terminal's width, erased when answered and
    replaced by one line that says the question and the answer in words (`echo`)."""

    def ask(
        self, question: Question, answers: Mapping[str, Any], mark: str, back: str | None
    ) -> Any:
        import questionary
        from questionary import Choice

        width = columns()
        instruction = question.how_to_answer(back is not None)
        header = wrap_header(mark, question.prompt, instruction, width)
        if question.kind == "number":

            def valid(text: str) -> bool | str:
                if text.strip() == "<" and back is not None:
                    return True
                got = number_answer(question, answers, text)
                return got if isinstance(got, str) else True

            from prompt_toolkit.formatted_text import FormattedText

            hint = number_hint(question, answers)
            typed: str = _quietly(
                questionary.text(
                    header + "\n ",
                    validate=valid,
                    qmark=mark,
                    placeholder=FormattedText([("class:instruction", hint)]),
                )
            )
            if typed.strip() == "<" and back is not None:
                echo(mark, question.prompt, BACK_TITLE)
                return BACK
            got = number_answer(question, answers, typed)
            echo(mark, question.prompt, question.show(got))
            return got

        if question.kind == "checkbox":
            return self._checklist(question, answers, mark, back, width)

        back_choice = [] if back is None else [Choice(back, _BACK_VALUE, description="Go back")]
        choices = [
            Choice(fit(o.title, width - 6), o.value, description=wrapped(o.help, width))
            for o in question.options
        ]
        got = _quietly(
            questionary.select(
                header,
                choices=[*choices, *back_choice],
                default=default_answer(question, answers),
                qmark=mark,
                instruction=" ",  # said in the header; "" would get questionary's own
            )
        )
        if got == _BACK_VALUE:
            echo(mark, question.prompt, BACK_TITLE)
            return BACK
        echo(mark, question.prompt, question.title_of(got))
        return got

    def _checklist(
        self,
        question: Question,
        answers: Mapping[str, Any],
        mark: str,
        back: str | None,
        width: int,
    ) -> Any:
        """A checklist, one page per group of options (so a long list fits the screen).
        Enter on "← Back" (or ticking it) goes back, keeping what was ticked."""
        pages = question.pages()
        ticked: list[str] = list(default_answer(question, answers) or [])
        page = 0
        while page < len(pages):
            group, options = pages[page]
            prompt = question.prompt
            if len(pages) > 1:
                prompt += f" ({page + 1} of {len(pages)}: {group})"
            can_back = back is not None or page > 0
            instruction = question.how_to_answer(can_back)
            need = question.required and len(pages) == 1
            label = (back or BACK_TITLE) if page == 0 else f"{BACK_TITLE} to the previous group"
            got = self._page(
                mark, prompt, instruction, options, ticked, label if can_back else None, need, width
            )
            on_page = {o.value for o in options}
            ticked = [v for v in ticked if v not in on_page] + got[1]
            if not got[0]:
                page += 1
            elif page > 0:
                page -= 1
            else:
                keep = [o.value for o in question.options if o.value in ticked]
                echo(
                    mark, question.prompt, f"{BACK_TITLE} (kept: {checked_titles(question, keep)})"
                )
                return Back(keep)
        picked = [o.value for o in question.options if o.value in ticked]
        echo(mark, question.prompt, checked_titles(question, picked))
        return picked

    @staticmethod
    def _page(
        mark: str,
        prompt: str,
        instruction: str,
        options: tuple[Option, ...],
        ticked: list[str],
        back: str | None,
        required: bool,
        width: int,
    ) -> tuple[bool, list[str]]:
        """One page of a checklist: (went back, the values ticked on it)."""
        import questionary
        from prompt_toolkit.filters import Condition
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
        from prompt_toolkit.keys import Keys
        from questionary import Choice
        from questionary.prompts.common import InquirerControl

        choices = [
            Choice(
                fit(o.title, width - 8),
                o.value,
                description=wrapped(o.help, width),
                checked=o.value in ticked,
            )
            for o in options
        ]
        if back is not None:
            choices.append(Choice(back, _BACK_VALUE, description="Go back (your ticks stay)"))

        def enough(sel: list[str]) -> bool | str:
            return bool(sel) or not required or "pick at least one (space to tick)"

        prompt_q = questionary.checkbox(
            wrap_header(mark, prompt, instruction, width),
            choices=choices,
            validate=enough,
            qmark=mark,
            instruction="",
        )
        control = next(
            w.content
            for w in prompt_q.application.layout.find_all_windows()
            if isinstance(w.content, InquirerControl)
        )
        keys = KeyBindings()

        @Condition
        def on_back() -> bool:
            return bool(control.get_pointed_at().value == _BACK_VALUE)

        @keys.add(Keys.ControlM, eager=True, filter=on_back)
        def _(event: Any) -> None:
            control.is_answered = True
            event.app.exit(result=[_BACK_VALUE, *control.selected_options])

        app = prompt_q.application
        app.key_bindings = merge_key_bindings([*filter(None, [app.key_bindings]), keys])
        result: list[str] = _quietly(prompt_q)
        picked = [v for v in result if v != _BACK_VALUE]
        return _BACK_VALUE in result, [o.value for o in options if o.value in picked]

    def review(self, answers: Mapping[str, Any]) -> str:
        import questionary
        from questionary import Choice

        width = columns()
        choices = [Choice(LOOKS_GOOD, DONE)]
        for q in questions.QUESTIONS:
            line = f"{q.label}: {q.show(answers.get(q.id))}"
            choices.append(Choice(fit(line, width - 4), q.id, description=wrapped(line, width)))
        result: str = _quietly(
            questionary.select(
                wrap_header("Review", REVIEW_PROMPT, "(arrow keys, enter)", width),
                choices=choices,
                qmark="Review",
                instruction=" ",
            )
        )
        return result


class Plain(PlainIO):
    """Numbered choices and typed lines on plain text streams: no cursor codes, no colour.

    Prompts go to `out` (stderr by default, so stdout keeps only results); answers are read
    line by line from `inp` (stdin). End of input counts as Ctrl-C: the answers so far are
    kept for --resume.
    """

    def ask(
        self, question: Question, answers: Mapping[str, Any], mark: str, back: str | None
    ) -> Any:
        default = default_answer(question, answers)
        self._say(f"\n{mark}  {question.prompt}\n")
        can_back = back is not None
        go_back = ", < to go back" if can_back else ""
        if question.kind == "number":
            hint = number_hint(question, answers)
            shown = f" [{hint}]" if hint else ""
            span = f"a whole number, {question.low}-{question.high}"
            skip = "" if question.required else ", empty to skip"
            while True:
                text = self._read(f"  Type {span}{skip}{go_back}{shown}: ")
                if text == "<" and can_back:
                    return BACK
                got = number_answer(question, answers, text)
                if not isinstance(got, str):
                    return got
                self._say(f"  {got}\n")
        options = question.options
        groups = question.pages()
        for i, o in enumerate(options, 1):
            if len(groups) > 1:
                for group, members in groups:
                    if members[0] is o:
                        self._say(f"  {group}:\n")
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
