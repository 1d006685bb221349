"""Every browse screen at 40, 60, 80 and 120 columns (issue 14, item 2).

A screen too wide for its table switches to stacked cards; no figure is cut, no
suggested command is split, no line is wider than the terminal. Snapshots live in
tests/snapshots/ (see tests/screens.py for how to update them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from screens import WIDTHS, assert_screen, check_rules, render

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
    ("gap-mle", ["gap", "mle"], []),
    (
        "path-ai-engineer",
        ["path", "ai-engineer", "--start", "2027-01-04"],
        ["aicareer path ai-engineer --done production"],
    ),
    ("decide-2", ["decide", "ai-engineer", "harness-engineer", "--start", "2027-01-04"], []),
    (
        "decide-4",
        ["decide", "ai-engineer", "mle", "ai-pm", "ai-architect", "--start", "2027-01-04"],
        [],
    ),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "args", "commands"), SCREENS, ids=[s[0] for s in SCREENS])
def test_screen_at_width(name: str, args: list[str], commands: list[str], width: int) -> None:
    assert_screen(name, args, width, commands)


@pytest.mark.parametrize("width", WIDTHS)
def test_map_with_answers_at_width(answers_file: Callable[..., Path], width: int) -> None:
    answers = answers_file(interests=["agents", "reliability"])
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


def test_a_table_wider_than_its_room_fails_every_test() -> None:
    """rich cuts a too-wide table's right-hand columns off with no mark at all (the path
    table lost its "done by" dates at 40 columns this way); every test runs with the
    `tables_fit` check, so drawing one fails."""
    from rich.table import Table

    table = Table()  # as the path table was: each column has a width it will not go below
    table.add_column("phase", min_width=18)
    table.add_column("weeks", no_wrap=True)
    table.add_column("done by", min_width=13)
    table.add_row("Basic Python for automation", "23-45", "17 May 2027 - 18 Oct 2027")
    with pytest.raises(
        AssertionError, match=r"cut off \(headers \['phase', 'weeks', 'done by'\]\)"
    ):
        draw(table, 40)
    assert "18 Oct 2027" in draw(table, 80)


@pytest.mark.parametrize("width", [40, 60])
def test_a_narrow_plan_shows_every_phase_and_its_dates_whole(width: int) -> None:
    text = render(["path", "ai-engineer", "--start", "2027-01-04"], width)
    for phase, dates in [
        ("Production engineering", ("1 Feb 2027 -", "15 Feb 2027")),
        ("Show the work and apply", ("3 May 2027 -", "5 Jul 2027")),
    ]:
        assert phase in " ".join(text.split()), phase
        for day in dates:
            assert any(line.strip().endswith(day) for line in text.split("\n")), (day, text)


# --- the layout helper itself -------------------------------------------------------


def draw(renderable: object, width: int) -> str:
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable, crop=False)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.split("\n"))


def test_plan_widths_keeps_figures_whole_and_prose_at_its_longest_word() -> None:
    from rich.text import Text

    from aicareer.render.layout import Col, plan_widths

    cols = [Col("id", figure=True), Col("pay", figure=True), Col("demand", min_width=6)]
    rows = [[Text("ai-engineer"), Text("$160K-$220K"), Text("Highest volume of open roles")]]
    assert plan_widths(cols, rows, 100) == [11, 11, 28]  # all at their natural width
    assert plan_widths(cols, rows, 30) == [11, 11, 8]  # prose squeezed, figures not
    assert plan_widths(cols, rows, 28) is None  # "Highest" (7) no longer fits: cards


def test_grid_switches_to_cards_exactly_when_the_table_cannot_fit() -> None:
    from aicareer.render.layout import Col, Grid

    grid = Grid(
        [Col("id", figure=True), Col("pay", figure=True), Col("note", min_width=8)],
        [["ai-engineer", "$160K-$220K", "Highest volume"], ["ml-engineer", "$140K-$200K", ""]],
    )
    # a 3-column SIMPLE_HEAD table adds 10 cells: 11 + 11 + 8 + 10 = 40
    assert draw(grid, 40).split("\n")[1] == "  id            pay           note"
    assert draw(grid, 39) == (
        "ai-engineer\n"
        "  pay:  $160K-$220K\n"
        "  note: Highest volume\n"
        "\n"
        "ml-engineer\n"
        "  pay: $140K-$200K\n"
        "\n"
    )


def test_grouped_cards_draw_a_small_table_under_each_heading() -> None:
    from aicareer.render.layout import Col, Grid

    grid = Grid(
        [Col("role", figure=True), Col("level", min_width=5), Col("range", figure=True)],
        [["ai-engineer", "Entry", "$120K-$160K"], ["", "Mid", "$160K-$220K"]],
        title="Roles guide",
        group=True,
        card_gap=False,
    )
    assert draw(grid, 30) == (
        "Roles guide\n\nai-engineer\n  Entry $120K-$160K\n  Mid   $160K-$220K\n\n"
    )


def test_a_cards_label_is_styled_and_its_padding_is_not() -> None:
    """rich draws the side-by-side fields: the label in bold, the gap after it plain, and
    a value keeps the styles its Text was given."""
    import io

    from rich.console import Console
    from rich.text import Text

    from aicareer.render.layout import Fields

    console = Console(file=io.StringIO(), width=60, color_system="standard")
    console.print(Fields([("Pay", Text.assemble(("$1K", "bold"), " base"))]))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert out.startswith("\x1b[1mPay\x1b[0m \x1b[1m$1K\x1b[0m base")


def test_fields_put_the_label_above_the_value_when_narrow() -> None:
    from aicareer.render.layout import Fields

    fields = Fields([("Status", "Mainstream"), ("Demand", "Highest volume of open roles")])
    assert draw(fields, 40) == "Status Mainstream\nDemand Highest volume of open roles\n"
    assert draw(fields, 20) == ("Status\n  Mainstream\nDemand\n  Highest volume of\n  open roles\n")


def test_commands_are_never_split() -> None:
    from aicareer.render.layout import Commands

    hint = Commands("More:", ["aicareer salary", "aicareer show ROLE"])
    assert draw(hint, 80) == "More: aicareer salary; aicareer show ROLE\n"
    assert draw(hint, 30) == "More:\n  aicareer salary\n  aicareer show ROLE\n"
    long = Commands("More:", ["aicareer salary ai-safety-eval-engineer"])
    assert draw(long, 20) == "More:\n  aicareer salary ai-safety-eval-engineer\n"


def test_data_text_is_never_markup() -> None:
    from aicareer.render.layout import Col, Fields, Grid

    grid = Grid([Col("id", figure=True), Col("note")], [["[bold]x[/bold]", "[red]y"]])
    assert "[bold]x[/bold]" in draw(grid, 80) and "[red]y" in draw(grid, 80)
    assert "[bold]x[/bold]" in draw(grid, 20)
    assert "[link]z" in draw(Fields([("a", "[link]z")]), 40)
