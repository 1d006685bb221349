"""Keystrokes for the quiz, computed from the question records (not a test module).

The tests say what to answer (`{"years": 5}`); these helpers work out which keys to type
from `aicareer.records.questions`, the way a person would: where the pointer starts (the default
or the current answer), how far down the choice is, which boxes need a tick. So a new
question with a default changes no test; one without needs its answer in `BASE`.

`tests/test_quiz_keys.py` uses them in-process; the add-a-question test imports them in a
subprocess that runs a modified copy of aicareer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicareer.records import questions
from aicareer.records.questions import Question, default_answer

DOWN, UP, ENTER, SPACE, CTRL_C, BACKSPACE = "\x1b[B", "\x1b[A", "\r", " ", "\x03", "\x7f"
#: After the results are scored, the command asks like a coach (cli/followup.py): up to two
#: follow-up questions on a close call, then "not for me". ENTER skips each; keys left over
#: are never read. The command-level helpers type these after the test's own keys.
COACH = ENTER * 3

#: The answers the tests give to questions that have no default.
BASE: dict[str, Any] = {
    "background": "backend-engineer",
    "years": 5,
    "interests": ["building-products", "agents"],
}


def question(qid: str) -> Question:
    return next(q for q in questions.QUESTIONS if q.id == qid)


def ids() -> list[str]:
    return [q.id for q in questions.QUESTIONS]


def answer(qid: str, value: Any, so_far: Mapping[str, Any] | None = None) -> str:
    """The keys that answer question `qid` with `value` on a fresh prompt, given the answers
    so far (which set the pointer, the ticks or the typed default)."""
    q = question(qid)
    current = default_answer(q, so_far or {})
    if q.kind == "number":
        # Nothing is pre-typed: the current answer or default is only a placeholder.
        return ("" if value is None else str(value)) + ENTER
    values = [o.value for o in q.options]
    if q.kind == "select":
        start = values.index(current) if current in values else 0
        step = values.index(value) - start
        return (DOWN * step if step >= 0 else UP * -step) + ENTER
    ticked = set(current or [])
    wanted = set(value or [])
    keys = ""
    for _, options in q.pages():  # a long checklist comes a page (a group) at a time
        for i, o in enumerate(options):
            if (o.value in ticked) != (o.value in wanted):
                keys += DOWN * i + SPACE + UP * i
        keys += ENTER
    return keys


def answer_all(
    answers: Mapping[str, Any] | None = None,
    *,
    start: str | None = None,
    stop: str | None = None,
    so_far: Mapping[str, Any] | None = None,
) -> str:
    """Keys for the questions in order, from `start` up to (not including) `stop`: the value
    in `answers` (else BASE) where given, else ENTER on the question's default."""
    given = {**BASE, **(answers or {})}
    order = ids()
    first = order.index(start) if start else 0
    last = order.index(stop) if stop else len(order)
    seen = dict(so_far or {})
    keys = ""
    for qid in order[first:last]:
        q = question(qid)
        if qid in given:
            keys += answer(qid, given[qid], seen)
            seen[qid] = given[qid]
        else:
            default = default_answer(q, seen)
            keys += ENTER if default is None and q.kind == "select" else answer(qid, default, seen)
            seen[qid] = default
    return keys


def review_pick(qid: str | None = None) -> str:
    """On the review screen: pick question `qid` to change it (None: "Looks good")."""
    return ENTER if qid is None else DOWN * (ids().index(qid) + 1) + ENTER


def profile_of(answers: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The answers `answer_all(answers)` gives, with each default filled in."""
    given = {**BASE, **(answers or {})}
    seen: dict[str, Any] = {}
    for q in questions.QUESTIONS:
        seen[q.id] = given[q.id] if q.id in given else default_answer(q, seen)
    return {k: v for k, v in seen.items() if v is not None}


def plain_lines(answers: Mapping[str, Any] | None = None) -> str:
    """What to type to the plain (TERM=dumb) prompts: one line per question, numbers for
    choices, empty for a default; then an empty line on the review (go on)."""
    given = {**BASE, **(answers or {})}
    lines = []
    for q in questions.QUESTIONS:
        if q.id not in given:
            lines.append("")
        elif q.kind == "number":
            lines.append(str(given[q.id]))
        else:
            values = [o.value for o in q.options]
            picked = given[q.id] if q.kind == "checkbox" else [given[q.id]]
            lines.append(" ".join(str(values.index(v) + 1) for v in picked))
    return "\n".join([*lines, ""]) + "\n"
