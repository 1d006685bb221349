"""Every browse screen at 40, 60, 80 and 120 columns (issue 14, item 2).

A screen too wide for its table switches to stacked cards; no figure is cut, no
suggested command is split, no line is wider than the terminal. Snapshots live in
tests/snapshots/ (see tests/screens.py for how to update them).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from screens import WIDTHS, assert_screen, check_rules, render

ME = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "reliability"]\n'

SCREENS: list[tuple[str, list[str], list[str]]] = [
    ("roles", ["roles"], ["aicareer salary", "aicareer show ROLE"]),
    ("show-ai-engineer", ["show", "ai-engineer"], []),
    ("show-mle-europe", ["show", "mle", "--region", "Europe"], []),
    ("show-not-a-role", ["show", "vibe-coder"], []),
    ("compare-2", ["compare", "ai-engineer", "mle"], ["aicareer salary ai-engineer ml-engineer"]),
    (
        "compare-3",
        ["compare", "ai-safety-eval-engineer", "founding-ai-engineer", "ai-pm"],
        ["aicareer salary ai-safety-eval-engineer founding-ai-engineer ai-product-manager"],
    ),
    ("salary", ["salary"], []),
    ("salary-europe", ["salary", "--region", "europe"], []),
    ("salary-other-mid", ["salary", "ai-pm", "mle", "--region", "other", "--level", "mid"], []),
    ("matrix", ["matrix"], []),
    ("map", ["map"], []),
    ("data-check", ["data", "check"], []),
    ("data-info", ["data", "info"], []),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "args", "commands"), SCREENS, ids=[s[0] for s in SCREENS])
def test_screen_at_width(name: str, args: list[str], commands: list[str], width: int) -> None:
    assert_screen(name, args, width, commands)


@pytest.mark.parametrize("width", WIDTHS)
def test_map_with_answers_at_width(tmp_path: Path, width: int) -> None:
    answers = tmp_path / "me.toml"
    answers.write_text(ME)
    assert_screen("map-answers", ["map", "--answers", str(answers)], width)


def test_sixty_columns_no_longer_prints_a_letter_per_line() -> None:
    """The bug report: `roles` at 60 columns was 363 lines, one letter per line."""
    text = render(["roles"], 60)
    assert len(text.split("\n")) < 100
    assert "prompt-engineer\n  status:        First wave, consolidating\n" in text
    assert "  US mid (base): $110K-$150K\n" in text


@pytest.mark.parametrize("width", [40, 60])
def test_narrow_salary_is_cards_with_whole_figures(width: int) -> None:
    text = render(["salary", "ai-engineer"], width)
    assert "\nai-engineer\n" in text  # a card heading, not a table row
    for figure in ("$120K-$160K", "$160K-$220K", "$220K-$300K", "~$450K-$795K"):
        assert figure in text


def test_wide_salary_is_one_table_row_per_band() -> None:
    text = render(["salary", "ai-engineer"], 120)
    assert "  ai-engineer   Entry" in text and "$120K-$160K" in text


def test_a_long_command_overflows_whole_rather_than_split() -> None:
    cmd = "aicareer salary ai-safety-eval-engineer founding-ai-engineer ai-product-manager"
    text = render(["compare", "ai-safety-eval-engineer", "founding-ai-engineer", "ai-pm"], 40)
    assert f"\n  {cmd}\n" in text
    check_rules(text, 40, [cmd])


def test_the_rules_catch_what_they_are_for() -> None:
    """The checks themselves: a cut figure, a split command, an over-wide line fail."""
    with pytest.raises(AssertionError, match="cut cell"):
        check_rules("  ai-engineer  $120K-$1…", 40)
    with pytest.raises(AssertionError, match="splits a figure"):
        check_rules("  Entry: $120K-\n  $160K", 40)
    with pytest.raises(AssertionError, match="splits a command"):
        check_rules("More: aicareer\nsalary ai-engineer", 40)
    with pytest.raises(AssertionError, match="wide at 40"):
        check_rules("x" * 41, 40)
    with pytest.raises(AssertionError, match="not whole"):
        check_rules("More: aicareer salary\nai-engineer", 60, ["aicareer salary ai-engineer"])


def _grids() -> list[tuple[str, object]]:
    from aicareer.data import load
    from aicareer.layout import Grid
    from aicareer.render import CompareView, matrix_table, roles_table, salary_tables
    from aicareer.salary import regional_bands

    ds = load()
    found: list[tuple[str, object]] = []
    for region in ("us", "europe"):
        rule = ds.matrix.regions[region]
        rows = [b for r in ds.roles.values() for b in regional_bands(r, region, rule)]
        for part in salary_tables(ds, rows, rule.label).renderables:
            if isinstance(part, Grid):
                found.append((f"salary-{region}", part))
    found.append(("roles", roles_table(ds).renderables[0]))
    found.append(("matrix", matrix_table(ds.matrix, ds).renderables[0]))
    picked = [ds.roles["ai-safety-eval-engineer"], ds.roles["founding-ai-engineer"]]
    bands = {r.id: regional_bands(r, "us", ds.matrix.regions["us"]) for r in picked}
    found.append(("compare", CompareView(ds, picked, bands).grid))
    return found


@pytest.mark.parametrize("width", [60, 80, 100, 120, 160])
def test_the_fast_table_draws_what_richs_table_draws(width: int) -> None:
    """Grid draws its tables itself (rich's Table costs ~0.07 ms a cell); it must give the
    same text, line for line, as the rich Table it stands for."""
    import io

    from rich.console import Console

    from aicareer.layout import Grid

    def text(renderable: object) -> list[str]:
        console = Console(file=io.StringIO(), width=width, color_system=None)
        console.print(renderable)
        out = console.file.getvalue()  # type: ignore[attr-defined]
        return [line.rstrip() for line in out.split("\n")]

    compared = 0
    for name, grid in _grids():
        assert isinstance(grid, Grid)
        reference = grid.table(width)
        if reference is None:
            continue
        drawn = grid.drawn(Console(width=width), width)
        assert drawn is not None
        assert text(drawn) == text(reference), name
        compared += 1
    assert compared >= (2 if width < 80 else 5)
