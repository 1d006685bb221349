"""Where aicareer keeps files (XDG), and the `-` that names stdin or stdout.

`home_dir()` holds what aicareer keeps for a person (progress, kept results, the unfinished
quiz, written.json); `cache_dir()` the disposable validated-data cache. $AICAREER_HOME
moves both; without it they follow $XDG_DATA_HOME and $XDG_CACHE_HOME, else the usual
folders under the home folder, which is a clear error when it cannot be found.
"""

from __future__ import annotations

import os
from pathlib import Path

from aicareer.errors import AicareerError, ExitCode

ENV_HOME = "AICAREER_HOME"


def _user_home() -> Path:
    """The user's home folder; a clear error when neither $HOME nor the password database
    knows it (e.g. a container running as a uid without an entry)."""
    home = os.path.expanduser("~")
    if home.startswith("~") or not home:
        raise AicareerError(
            "cannot tell where your home folder is: set HOME, or AICAREER_HOME for "
            "aicareer's own files",
            ExitCode.OUTPUT,
        )
    return Path(home)


def home_dir() -> Path:
    """Where aicareer keeps a person's progress and an unfinished quiz.

    $AICAREER_HOME if set, else $XDG_DATA_HOME/aicareer, else ~/.local/share/aicareer.
    """
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME])
    base = os.environ.get("XDG_DATA_HOME") or str(_user_home() / ".local" / "share")
    return Path(base) / "aicareer"


def cache_dir() -> Path:
    """Disposable cache: $AICAREER_HOME/cache, else $XDG_CACHE_HOME/aicareer, else ~/.cache."""
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME]) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(_user_home() / ".cache")
    return Path(base) / "aicareer"


def is_stdio(path: Path | str) -> bool:
    """`-`: stdin for a file that is read, stdout for one that is written."""
    return str(path) == "-"
