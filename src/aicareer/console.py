"""Where output goes: results to stdout, everything else to stderr.

The consoles are created on first use so that commands printing JSON never import rich.
Text that comes from data or answer files must reach rich as `rich.text.Text` (or through
`plain()`), never as a markup string.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@cache
def out() -> Console:
    from rich.console import Console

    class _Out(Console):
        def _render_buffer(self, buffer: Any) -> str:
            """What rich writes, with bidi controls and zero-width characters shown as
            escapes: text from data, answers or a file name cannot reorder a line."""
            return shown(super()._render_buffer(buffer))

        def on_broken_pipe(self) -> None:
            """rich would exit 1; a closed pipe (`| head`) is a normal end: let the
            command wrapper end quietly with exit 0 (app.stdout_error)."""
            self.quiet = True
            raise BrokenPipeError(32, "Broken pipe")

    # markup and emoji off: a plain string given to rich (a table cell, a padded line) is
    # shown as it is, never read as [style] tags or :emoji: codes (and rich does not load
    # its emoji table, ~3 ms).
    return _Out(highlight=False, soft_wrap=False, markup=False, emoji=False)


@cache
def err() -> Console:
    from rich.console import Console

    class _Err(Console):
        def _render_buffer(self, buffer: Any) -> str:
            return shown(super()._render_buffer(buffer))

    return _Err(stderr=True, highlight=False, markup=False, emoji=False)


def print_json(obj: Any) -> None:
    """Stable JSON on stdout: sorted keys would reorder rankings, so keep insertion order.

    The standard library writes it (`json` costs ~2 ms to import, pydantic_core ~16 ms, and
    a command that reads its data from the cache imports no pydantic at all).
    """
    import json

    # Bidi controls and zero-width characters as JSON escapes: the same data, inert on a
    # terminal.
    sys.stdout.write(shown(json.dumps(obj, indent=2, ensure_ascii=False)) + "\n")


#: Control characters (C0, DEL, C1) that a terminal would act on, as their escapes.
_CONTROLS = {
    c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n"
}
#: Lone surrogates (from undecodable file names) cannot be written as UTF-8.
_SURROGATES = {c: f"\\u{c:04x}" for c in range(0xD800, 0xE000)}
#: Characters that change how the text around them is shown without showing themselves:
#: bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make a
#: name or a path read backwards ("Trojan Source"); zero-width ones (U+200B-U+200F,
#: U+2060, U+FEFF) make two different names look the same.
INVISIBLE = frozenset(
    chr(c) for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2061))
) | frozenset(chr(c) for c in (*range(0x2066, 0x206A), 0xFEFF))
_INVISIBLE = {ord(c): f"\\u{ord(c):04x}" for c in INVISIBLE}


def invisible(text: str) -> str | None:
    """The first bidi control or zero-width character in `text`, or None."""
    if text.isprintable():
        return None
    return next((ch for ch in text if ch in INVISIBLE), None)


def shown(text: str) -> str:
    """`text` with bidi controls and zero-width characters shown as escapes (`\\u202e`),
    nothing else changed (what rich prints: it has its own way with ESC, see out())."""
    if text.isprintable():
        return text
    return text.translate(_INVISIBLE)


def inert(text: str, *, newlines: bool = False) -> str:
    """`text` with every control character shown as its escape (ESC as `\\x1b`), so text
    from a file, a path or a command line cannot move the cursor, recolour the terminal
    or set its title; bidi controls and zero-width characters are shown as `\\u202e`,
    so they cannot reorder or hide what is printed. Newlines become `\\n` too unless
    `newlines` is true."""
    if text.isprintable():
        return text
    out = text.translate(_CONTROLS).translate(_INVISIBLE)
    if not newlines:
        out = out.replace("\n", "\\n")
    if any("\ud800" <= ch <= "\udfff" for ch in out):
        out = out.translate(_SURROGATES)
    return out


def error(line: str) -> None:
    """One line on stderr, printed as plain, inert text (never markup, never escapes)."""
    note(f"error: {line}")


def note(line: str) -> None:
    """One line on stderr; control characters are shown, not sent (see `inert`)."""
    sys.stderr.write(inert(line) + "\n")
