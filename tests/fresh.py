"""Run a snippet in fresh Python processes, one after the other, with a given aicareer
home: the first fills the cache, the next one shows what a later run does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def twice(script: str, home: Path) -> list[str]:
    """`script`'s standard output from two fresh processes run in turn."""
    env = {**os.environ, "AICAREER_HOME": str(home)}
    return [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
