"""The quiz's coach-like turn: a follow-up question on a close call, and "not for me".

- `settle()`: checks an answers file's `followups` / `not_for_me` against the data (exit 4
  with a did-you-mean) and adds the roles given with `quiz --not ROLE`.
- `coach()`: after the questions, when the top roles are a close call, asks the one or two
  follow-up questions that best separate them (`engine.followup.choose`), then offers to
  set one of the top roles aside. Returns the profile with the answers in it.
- `ask_followup()` / `ask_not_for_me()`: the two prompts, with questionary (`Fancy`) or,
  when TERM=dumb, numbered plain prompts (`Plain`), drawn as the quiz's (`cli.drawing`).

Each prompt has an answer that changes nothing ("Not sure, skip it", "No, thanks"), and is
where the pointer starts. Ctrl-C (or end of input) on either prompt stops the asking and
keeps the answers given so far: the quiz's own answers are complete by then.

questionary is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from aicareer.cli.plainio import PlainIO
from aicareer.errors import AicareerError, input_error

if TYPE_CHECKING:
    from aicareer.document.result import Result
    from aicareer.records.dataset import Dataset
    from aicareer.records.followups import Followup
    from aicareer.records.models import Profile

#: What the prompts return for "skip" / "no, thanks".
NOTHING = "__nothing__"
SKIP_TITLE = "Not sure, skip it"
NO_THANKS = "No, thanks"
CLOSE_NOTE = "Your top roles are close. One more question to tell them apart:"
NOT_FOR_ME_PROMPT = "Is one of these not for you? Set it aside and the next role comes in."


# --- the answers file and --not ------------------------------------------------------------


def settle(
    ds: Dataset, profile: Profile, not_for: Sequence[str] = (), label: str = "your answers"
) -> Profile:
    """`profile` with its follow-up keys checked against the data and the roles named with
    `--not` (ids or aliases, resolved like every command's role names) added to
    `not_for_me`, each once. Unknown ids in the answers are one `AicareerError` (exit 4)
    listing every problem; so is an unknown `--not` name (worded as every command words
    an unknown role, with its did-you-mean)."""
    if not (profile.followups or profile.not_for_me or not_for):
        return profile  # the usual case: followups.toml is not even read
    from aicareer.records.followups import profile_problems

    problems = profile_problems(profile, ds, ds.followups, label)
    if problems:
        raise input_error(problems)
    added = list(profile.not_for_me)
    for name in not_for:
        try:
            role = ds.role(name)
        except AicareerError as exc:  # the words every command uses, as an input error
            raise input_error([f"--not {name}: {line}" for line in exc.lines]) from None
        if role.kind != "core":
            raise input_error(
                f"--not {name}: {role.name!r} is shown for comparison only and is not scored, "
                "so it cannot be set aside; see `aicareer roles`"
            )
        if role.id not in added:
            added.append(role.id)
    if tuple(added) == tuple(profile.not_for_me):
        return profile
    return profile._replace(not_for_me=tuple(added))


def answers_label(answers: Path | None) -> str:
    return "your last answers" if answers is None else str(answers)


# --- the prompts ----------------------------------------------------------------------------


class Asker(Protocol):
    def choose(self, message: str, choices: Sequence[tuple[str, str]], note: str) -> str:
        """The value of the choice picked ((title, value) pairs; the first is the default).
        Ctrl-C or end of input raises KeyboardInterrupt."""


class Fancy:
    """questionary's select, in the current prompt_toolkit app session."""

    def choose(self, message: str, choices: Sequence[tuple[str, str]], note: str) -> str:
        """A select drawn as the quiz draws its own: the question wrapped at words, each
        choice cut at a word to fit, with the whole text as its description below."""
        import questionary
        from questionary import Choice

        from aicareer.cli.drawing import columns, echo, fit, quietly, wrap_header, wrapped

        width = columns()
        shown = [(fit(title, width - 6), title, value) for title, value in choices]
        picked: str = quietly(
            questionary.select(
                wrap_header(note, message, "(arrow keys, enter)", width),
                choices=[
                    # The whole text below the list only when the choice had to be cut.
                    Choice(cut, value, description=None if cut == title else wrapped(title, width))
                    for cut, title, value in shown
                ],
                qmark=note,
                instruction=" ",  # said in the header; "" would get questionary's own
            )
        )
        echo(note, message, next(title for title, value in choices if value == picked))
        return picked


class Plain(PlainIO):
    """Numbered choices on plain text streams, for TERM=dumb (no cursor codes): the quiz's
    plain prompts, with one more kind of question."""

    def choose(self, message: str, choices: Sequence[tuple[str, str]], note: str) -> str:
        self._say(f"\n{note}  {message}\n")
        for i, (title, _) in enumerate(choices, 1):
            self._say(f"  {i:>2}) {title}\n")
        n = len(choices)
        while True:
            text = self._read(f"  Type a number (1-{n}) [1]: ")
            if not text:
                return choices[0][1]
            if text.isdigit() and 1 <= int(text) <= n:
                return choices[int(text) - 1][1]
            self._say(f"  type a number from 1 to {n}\n")


def asker() -> tuple[Asker, AbstractContextManager[None]]:
    """The prompts for this terminal (plain numbered ones when TERM=dumb) and the context
    to run them in (questionary's draws on stderr: stdout carries only results)."""
    from aicareer.cli.drawing import dumb_terminal, terminal

    if dumb_terminal():
        return Plain(), nullcontext()
    return Fancy(), terminal()


def ask_followup(
    question: Followup, ask: Asker | None = None, note: str = "One more"
) -> str | None:
    """Ask one follow-up question; the choice id picked, or None for "skip"."""
    choices = [(SKIP_TITLE, NOTHING), *((c.text, c.id) for c in question.choices)]
    picked = (ask or Fancy()).choose(question.ask, choices, note)
    return None if picked == NOTHING else picked


def ask_not_for_me(roles: Sequence[tuple[str, str]], ask: Asker | None = None) -> str | None:
    """Offer to set one of `roles` ((id, name) pairs, best first) aside; its id, or None."""
    choices = [(NO_THANKS, NOTHING), *((f"Set aside: {name}", rid) for rid, name in roles)]
    picked = (ask or Fancy()).choose(NOT_FOR_ME_PROMPT, choices, "Not for me?")
    return None if picked == NOTHING else picked


# --- the flow -------------------------------------------------------------------------------


def close_roles(result: Result) -> list[str]:
    """The close roles of a result, best first (empty when it is not a close call)."""
    close = result.close_call
    return [] if close is None else [close.first, close.second]


def top_roles(result: Result) -> list[tuple[str, str]]:
    """The result's top roles as (id, name), best first."""
    return [(entry.role, entry.name) for entry in result.top]


def unasked(ds: Dataset, profile: Profile, result: Result, limit: int = 2) -> list[Followup]:
    """The follow-up questions that would help this result and are not answered yet (empty
    when it is not a close call): for `--answers` runs, to say "a question would help"."""
    from aicareer.engine.followup import choose

    close = close_roles(result)
    if not close:
        return []
    return choose(ds.followups.followups, close, limit, answered=profile.followups)


def coach(
    ds: Dataset, profile: Profile, result: Result, ask: Asker | None = None, limit: int = 2
) -> Profile:
    """After the quiz's questions: on a close call, ask the follow-up question(s) that best
    separate the close roles; then offer to set a top role aside. Returns `profile` with
    the answers added to `followups` and `not_for_me` (unchanged when nothing was picked).
    The caller scores the returned profile again when it differs."""
    prompt, screen = (ask, nullcontext()) if ask is not None else asker()
    answers = dict(profile.followups)
    set_aside = list(profile.not_for_me)
    with screen:
        _ask_all(ds, result, prompt, limit, answers, set_aside)
    if answers == profile.followups and set_aside == list(profile.not_for_me):
        return profile
    return profile._replace(followups=answers, not_for_me=tuple(set_aside))


def _ask_all(
    ds: Dataset,
    result: Result,
    prompt: Asker,
    limit: int,
    answers: dict[str, str],
    set_aside: list[str],
) -> None:
    """coach()'s questions; the answers go into `answers` and `set_aside` as given."""
    from aicareer.console import note
    from aicareer.engine.followup import choose

    try:
        close = close_roles(result)
        chosen = choose(ds.followups.followups, close, limit, answered=answers) if close else []
        for i, question in enumerate(chosen, 1):
            if i == 1:
                note(CLOSE_NOTE)
            mark = "One more" if len(chosen) == 1 else f"{i} of {len(chosen)}"
            picked = ask_followup(question, prompt, mark)
            if picked is not None:
                answers[question.id] = picked
        offered = [(rid, name) for rid, name in top_roles(result) if rid not in set_aside]
        if offered:
            gone = ask_not_for_me(offered, prompt)
            if gone is not None:
                set_aside.append(gone)
    except KeyboardInterrupt:
        pass  # stop asking; what was answered is kept


__all__ = [
    "Fancy",
    "Plain",
    "answers_label",
    "ask_followup",
    "ask_not_for_me",
    "asker",
    "close_roles",
    "coach",
    "settle",
    "top_roles",
    "unasked",
]
