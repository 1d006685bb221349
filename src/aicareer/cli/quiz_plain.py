"""The quiz's plain prompts (`Plain`), used when TERM=dumb: numbered choices and typed
lines on plain text streams, no cursor codes, no colour. Prompts go to stderr, answers are
read a line at a time from stdin; `<` goes back, enter alone keeps the answer shown in
brackets, and end of input counts as Ctrl-C.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicareer.cli.plainio import PlainIO
from aicareer.cli.prompter import (
    BACK,
    DONE,
    LOOKS_GOOD,
    REVIEW_PROMPT,
    number_answer,
    number_hint,
)
from aicareer.records import questions
from aicareer.records.questions import Question, default_answer


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
