"""The quiz's questions, as data: one record per answers-file field, in the order asked.

Nothing here imports questionary; the quiz's prompters (`cli.quiz_fancy`, `cli.quiz_plain`)
turn a `Question` into a prompt (questionary's, or plain numbered prompts for TERM=dumb).
Each question knows how to check an answer, what to pre-select and how to show it, so the
quiz flow, the review screen, resuming and the answers file all work from these records
alone; so does the report, which lists the answers as the review screen words them
(records sit below every room that reads them). The choices' words are in `choice_words`.

Adding a question: append a `Question` to `QUESTIONS` (its `id` is the answers-file key),
add the field to `models.Profile`, and document it in docs/answers.md. Nothing else in
the quiz needs to change: the flow, the review screen, `--resume`, `--edit`, the plain
prompts and the keystroke-test helpers (tests/quizkeys.py) all read these records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from aicareer.records.choice_words import (
    BACKGROUND_TEXT,
    CODING_TEXT,
    COMPANY_TEXT,
    INTEREST_TEXT,
    REGION_TEXT,
    SKILL_QUIZ,
)
from aicareer.records.vocab import (
    BACKGROUNDS,
    CODING_LEVELS,
    COMPANIES,
    DEFAULT_CODING,
    INTERESTS,
    REGIONS,
    SKILLS,
)

Kind = Literal["select", "checkbox", "number"]


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    title: str
    #: A short explanation, shown under the list when the option is highlighted.
    help: str
    #: A long list is shown a group at a time (one screen each); "" for a short list.
    group: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    #: A short name for the review screen.
    label: str
    prompt: str
    kind: Kind
    options: tuple[Option, ...] = ()
    #: The range of a number question.
    low: int = 0
    high: int = 60
    #: Shown after the prompt; empty: derived from the kind (how to answer, how to go back).
    instruction: str = ""
    #: The answer pre-selected when the person has not answered yet.
    default: Any = None
    #: A default that depends on an earlier answer: (that question's id, its value -> default).
    default_by: tuple[str, Mapping[str, Any]] | None = None
    #: How a number question's answer reads: (one, many), e.g. ("year", "years").
    unit: tuple[str, str] = ("", "")
    #: False: the person may skip it (no tick, or an empty number); the key is then left out.
    required: bool = True

    def check(self, value: Any) -> str | None:
        """None when `value` is a valid answer, else what is wrong with it."""
        ids = [o.value for o in self.options]
        if value is None and not self.required:
            return None
        if self.kind == "number":
            if isinstance(value, bool) or not isinstance(value, int):
                return "enter a whole number"
            if not self.low <= value <= self.high:
                return f"enter a whole number from {self.low} to {self.high}"
        elif self.kind == "checkbox":
            if not isinstance(value, list) or (not value and self.required):
                return "pick at least one (space to tick, enter to confirm)"
            if any(v not in ids for v in value) or len(set(value)) != len(value):
                return "pick from the list"
        elif value not in ids:
            return "pick from the list"
        return None

    def parse(self, text: str) -> int | str | None:
        """A number question's typed text -> the number (None: skipped), or an error message."""
        text = text.strip()
        if not text and not self.required:
            return None
        if not text.isdigit():
            return f"enter a whole number from {self.low} to {self.high} (or < to go back)"
        number = int(text)
        problem = self.check(number)
        return number if problem is None else problem

    def pages(self) -> list[tuple[str, tuple[Option, ...]]]:
        """The options a screen at a time: one page per group, in order ([("", all)] when
        the options have no groups)."""
        pages: list[tuple[str, tuple[Option, ...]]] = []
        for o in self.options:
            if pages and pages[-1][0] == o.group:
                pages[-1] = (o.group, (*pages[-1][1], o))
            else:
                pages.append((o.group, (o,)))
        return pages

    def how_to_answer(self, back: bool) -> str:
        """The instruction shown after the prompt (`back`: going back is possible here)."""
        if self.instruction:
            return self.instruction
        skip = "" if self.required else "; enter alone to skip"
        if self.kind == "number":
            return f"(a whole number, {self.low}-{self.high}{skip}" + (
                "; type < to go back)" if back else ")"
            )
        if self.kind == "checkbox":
            none = "" if self.required else "; none to skip"
            return f"(space to tick, enter to go on{none}" + (
                "; ← Back keeps your ticks)" if back else ")"
            )
        return "(arrow keys, enter to choose)"

    def title_of(self, value: str) -> str:
        return next((o.title for o in self.options if o.value == value), value)

    def show(self, value: Any) -> str:
        """An answer as the review screen shows it."""
        if value is None or value == []:
            return "skipped"
        if self.kind == "number":
            one, many = self.unit
            word = one if value == 1 else many
            return f"{value} {word}" if word else str(value)
        if self.kind == "checkbox":
            return ", ".join(self.title_of(v) for v in value) or "none"
        return self.title_of(str(value))


def _options(ids: tuple[str, ...], table: Mapping[str, tuple[str, str]]) -> tuple[Option, ...]:
    # Built from the models' vocabularies, so a new id without a title fails at import.
    return tuple(Option(i, *table[i]) for i in ids)


#: Grouped: the skills in the order of their groups (each group one screen).
SKILL_OPTIONS = tuple(
    Option(s, *SKILL_QUIZ[s])
    for group in dict.fromkeys(g for _, _, g in SKILL_QUIZ.values())
    for s in SKILLS
    if SKILL_QUIZ[s][2] == group
)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "background",
        "Background",
        "What is your current (or most recent) role?",
        "select",
        _options(BACKGROUNDS, BACKGROUND_TEXT),
    ),
    Question(
        "years",
        "Experience",
        "How many years of professional experience do you have?",
        "number",
        unit=("year", "years"),
    ),
    Question(
        "coding",
        "Coding",
        "How much do you code?",
        "select",
        _options(CODING_LEVELS, CODING_TEXT),
        default_by=("background", DEFAULT_CODING),
    ),
    Question(
        "interests",
        "Interests",
        "What draws you? Pick one or more.",
        "checkbox",
        _options(INTERESTS, INTEREST_TEXT),
    ),
    Question(
        "company",
        "Kind of company",
        "What kind of company would you like to work for?",
        "select",
        _options(("any", *[c for c in COMPANIES if c != "any"]), COMPANY_TEXT),
        default="any",
    ),
    Question(
        "region",
        "Pay region",
        "Which country or region should pay figures be for?",
        "select",
        _options(REGIONS, REGION_TEXT),
        default="us",
    ),
    Question(
        "skills",
        "Skills",
        "What can you already do? Tick any that apply, or none.",
        "checkbox",
        SKILL_OPTIONS,
        required=False,
    ),
    Question(
        "hours_per_week",
        "Hours a week",
        "How many hours a week can you give to learning?",
        "number",
        low=1,
        high=80,
        unit=("hour", "hours"),
        required=False,
    ),
)
BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}


def default_answer(question: Question, answers: Mapping[str, Any]) -> Any:
    """What to pre-select: the current answer, else a default that may depend on others."""
    if question.id in answers:
        return answers[question.id]
    if question.default_by is not None:
        other, table = question.default_by
        if answers.get(other) in table:
            return table[answers[other]]
    return question.default


def first_unanswered(answers: Mapping[str, Any]) -> int:
    """Index of the first question without an answer (len(QUESTIONS) when all are answered)."""
    return next((i for i, q in enumerate(QUESTIONS) if q.id not in answers), len(QUESTIONS))
