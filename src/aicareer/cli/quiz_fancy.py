"""The quiz's questionary prompts (`Fancy`, the default prompter): arrow keys, space to
tick, a description under the list. A long checklist is asked a page per group of
options, with "← Back" at the end of each list (its ticks kept); a number prompt never
holds pre-typed text, it shows what enter alone does as a placeholder. Drawn as
`cli.drawing` draws every prompt: wrapped at words, erased when answered, one line left.

questionary and prompt_toolkit are imported inside the methods, so importing this module
does not load them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicareer.cli.drawing import columns, echo, fit, quietly, wrap_header, wrapped
from aicareer.cli.prompter import (
    BACK,
    BACK_TITLE,
    DONE,
    LOOKS_GOOD,
    REVIEW_PROMPT,
    Back,
    number_answer,
    number_hint,
)
from aicareer.records import questions
from aicareer.records.questions import Option, Question, default_answer

#: The value of the "← Back" entry inside questionary's lists (never an answer).
_BACK_VALUE = "__back__"


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
            typed: str = quietly(
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
        got = quietly(
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
        result: list[str] = quietly(prompt_q)
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
        result: str = quietly(
            questionary.select(
                wrap_header("Review", REVIEW_PROMPT, "(arrow keys, enter)", width),
                choices=choices,
                qmark="Review",
                instruction=" ",
            )
        )
        return result
