"""How the questionary prompts are drawn, for the quiz and its follow-up questions: on
stderr (`terminal()`, so stdout carries only results), wrapped at words to the terminal's
width (`columns`, `wrap_header`, `fit`, `wrapped`), erased when answered (`quietly`) and
replaced by one line that says the question and the answer in words (`echo`). On
TERM=dumb (`dumb_terminal()`) the plain prompts are used instead.

prompt_toolkit is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


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


def quietly(question: Any) -> Any:
    """Run a questionary prompt that leaves nothing behind: `echo` says what was picked."""
    question.application.erase_when_done = True
    return question.unsafe_ask()
