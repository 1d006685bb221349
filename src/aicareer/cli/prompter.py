"""What a quiz prompter is, and what it answers: the `Prompter` protocol both prompters
meet (`quiz_fancy.Fancy`, `quiz_plain.Plain`), `Back` and `DONE` (going back, leaving the
review), the words they share, and the rules for a typed number: enter alone keeps the
current answer, else takes the default, else skips an optional question.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from aicareer.records.questions import Question


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
