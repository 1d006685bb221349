"""Where the tests find the five seed articles (for tests that check figures against them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: The five seed articles, beside the project as shared/seeds (AICAREER_SEEDS overrides).
SEEDS = Path(
    os.environ.get("AICAREER_SEEDS") or Path(__file__).resolve().parents[2] / "shared" / "seeds"
)


def seeds_dir() -> Path:
    """The seed articles' folder. CI lays them beside the clone, so there a missing folder
    fails the test; a checkout elsewhere skips, saying where it looked."""
    if not any(SEEDS.glob("*.txt")):
        message = f"the seed articles are not in {SEEDS} (set AICAREER_SEEDS)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return SEEDS
