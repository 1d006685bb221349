"""Moved to `aicareer.document.public_json` (the result's public JSON is the document's,
not a renderer's); this name stays for callers not yet moved (cli/commands/quiz.py)."""

from aicareer.document.public_json import to_json

__all__ = ["to_json"]
