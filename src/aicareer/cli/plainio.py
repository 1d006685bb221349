"""Plain prompts on text streams (TERM=dumb): write to `out`, read a line from `inp`.

The one base of the quiz's plain prompts (`cli.quiz_plain.Plain`) and the follow-up's
(`cli.followup.Plain`). End of input counts as Ctrl-C.
"""

from __future__ import annotations

import sys
from typing import IO


class PlainIO:
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
