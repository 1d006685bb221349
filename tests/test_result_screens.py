"""The quiz's and `why`'s screens, pinned for people who reach every branch of
render_result.py and whynot.py (issue #15 item 5; bench/mutate.py found mutants there that
changed the screen unnoticed). Snapshots: tests/snapshots/mutants-screen-*.txt (update as
screens.py says). The narrow (< 60 and < 70 columns) layouts are pinned too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import Cli, invoke
from screens import assert_snapshot, check_rules, render
from test_quiz_json_document import PEOPLE, answers

from aicareer.engine.ranker import engine_of
from aicareer.engine.whynot import why
from aicareer.records.dataset import Dataset
from aicareer.records.models import Profile
from aicareer.render.terminal import _pay, _reasons, _time

SCREENS = [
    ("close-by-readiness", 100),
    ("close-by-demand", 100),
    ("close-by-score", 100),
    ("no-clear-fit", 100),
    ("no-pay-figure", 100),
    ("senior-later-two", 100),
    ("one-ready-three-later", 100),
    ("two-ready", 100),
    ("close-by-readiness", 50),
    ("no-clear-fit", 66),
    ("two-ready", 59),
    ("two-ready", 60),
    ("close-by-score", 70),
    ("close-by-score", 69),
]


@pytest.mark.parametrize(("name", "width"), SCREENS)
def test_the_quiz_screen_is_what_it_was(tmp_path: Path, name: str, width: int) -> None:
    text = render(["quiz", "--answers", str(answers(tmp_path, name)), "--all"], width)
    text = text.replace(str(tmp_path), "<TMP>")
    check_rules(text, width, commands=[])
    assert_snapshot(f"mutants-screen-{name}@{width}", text)


#: (answers name, role): in the top three; for later with a change found; a pair of changes;
#: no change found.
WHYS = [
    ("two-ready", "prompt-engineer"),
    ("one-ready-three-later", "ai-architect"),
    ("no-clear-fit", "ml-engineer"),
    ("no-clear-fit", "harness-engineer"),
    ("senior-later-two", "ai-agent-engineer"),
]


@pytest.mark.parametrize(("name", "role"), WHYS)
def test_the_why_screen_and_json_are_what_they_were(tmp_path: Path, name: str, role: str) -> None:
    me = str(answers(tmp_path, name))
    text = render(["why", role, "--answers", me], 100)
    assert_snapshot(f"mutants-why-{name}-{role}@100", text)
    doc = json.loads(render(["why", role, "--answers", me, "--json"], 100))
    assert_snapshot(f"mutants-why-{name}-{role}-json", json.dumps(doc, indent=1) + "\n")


def test_the_why_cases_reach_every_branch(dataset: Dataset) -> None:
    seen = set()
    for name, role in WHYS:
        bg, years, interests, company, coding, region = PEOPLE[name]
        w = why(engine_of(dataset), Profile(bg, years, interests, company, coding, region), role)  # type: ignore[arg-type]
        seen.add(
            "top" if w.in_top else "none" if w.changes is None else f"{len(w.changes)} change(s)"
        )
        if not w.explanation.result.ready:
            seen.add("later")
    assert seen >= {"top", "none", "1 change(s)", "later"}


def test_reasons_go_biggest_first_and_hide_zero_interests_unless_asked() -> None:
    from aicareer.document.result import Why, strongest_first

    whys = strongest_first(
        [
            Why("small", 3, "interest", None),
            Why("none", 0, "interest", None),
            Why("minus", -25, "requirement", "Guide, 2026"),
            Why("zero route", 0, "route", None),
        ]
    )
    assert _reasons(whys).plain == "-25 minus (Guide, 2026)\n+3 small\n+0 zero route"
    assert _reasons(whys, zeros=True).plain == (
        "-25 minus (Guide, 2026)\n+3 small\n+0 none\n+0 zero route"
    )
    assert _reasons([]).plain == ""


def test_every_file_gives_the_reasons_in_the_terminals_order(
    cli: Cli, answers_file: Callable[..., Path], tmp_path: Path
) -> None:
    """A domain expert who wants evaluation and product management: the report listed the
    +9 for evaluation before the +50 for product management, the card the other way round
    (the HTML kept the rules' alphabetical order). And an interest reads as in the
    sentence above it, "evaluation and safety", not "evaluation safety"."""
    answers = answers_file(
        background="domain-expert",
        years=15,
        interests=["evaluation-safety", "product-management"],
        company="regulated-industry",
    )
    quiz = cli("quiz", "--answers", str(answers), "--json")
    assert quiz.exit_code == 0, quiz.stderr
    doc = json.loads(quiz.stdout)
    pm = next(r for r in doc["recommendations"] if r["role"] == "ai-product-manager")
    points = [w["points"] for w in pm["fit"]["reasons"]]
    assert points[:2] == [50, 9]
    assert "Your interest in evaluation and safety overlaps" in pm["fit"]["reasons"][1]["text"]
    out = tmp_path / "r.html"
    assert cli("report", "--answers", str(answers), "--out", str(out)).exit_code == 0
    page = out.read_text("utf-8")
    article = page[page.index('id="role-ai-product-manager"') :]
    assert article.index('"pts">+50<') < article.index('"pts">+9<')


def test_short_pay_gaps_are_quoted_and_long_ones_summed_up(dataset: Dataset) -> None:
    from aicareer.document.build import build

    e = build(
        dataset,
        Profile("backend-engineer", 8, ["reliability", "systems-design"], "enterprise"),
    ).top
    harness = next(x for x in e if not x.pay)
    assert _pay(harness) == harness.pay_missing  # "Not yet standardized": short, as is
    assert len(harness.pay_missing) <= 30
    longer = harness._replace(pay_missing="x" * 31)
    assert _pay(longer) == "no figure in the sources"
    assert _pay(harness._replace(pay_missing="x" * 30)) == "x" * 30
    assert _time(harness) == harness.time.short if harness.time else False


def _drop_core_role(folder: Path, rid: str) -> None:
    """Make `rid` an adjacent role in a data copy: every scoring entry for it removed."""
    import tomllib

    import tomli_w

    def scrub(x: object) -> object:
        if isinstance(x, dict):
            return {k: scrub(v) for k, v in x.items() if k != rid}
        if isinstance(x, list):
            return [
                scrub(v)
                for v in x
                if not (
                    isinstance(v, dict)
                    and (v.get("role") == rid or (v.get("id") == rid and "demand_rank" in v))
                )
            ]
        return x

    for name in ("matrix.toml", "paths.toml"):
        doc = tomllib.loads((folder / name).read_text(encoding="utf-8"))
        (folder / name).write_text(tomli_w.dumps(scrub(doc)), encoding="utf-8")  # type: ignore[arg-type]
    # and the follow-up questions that tell it apart from another role
    doc = tomllib.loads((folder / "followups.toml").read_text(encoding="utf-8"))
    doc["followups"] = [f for f in doc["followups"] if rid not in f["separates"]]
    (folder / "followups.toml").write_text(tomli_w.dumps(doc), encoding="utf-8")
    roles = (folder / "roles.toml").read_text(encoding="utf-8")
    marker = f'id = "{rid}"\n'
    (folder / "roles.toml").write_text(
        roles.replace(marker, marker + 'kind = "adjacent"\n', 1), encoding="utf-8"
    )


def test_why_counts_the_roles_the_data_has(tmp_path: Path, make_data_dir) -> None:  # type: ignore[no-untyped-def]
    folder = make_data_dir()
    _drop_core_role(folder, "prompt-engineer")
    me = tmp_path / "me.toml"
    me.write_text('background = "student"\nyears = 0\ninterests = ["prompting"]\n')
    check = render(["data", "check", "--data-dir", str(folder)], 100)
    assert "error" not in check.lower()
    text = render(["why", "harness-engineer", "--answers", str(me), "--data-dir", str(folder)], 100)
    assert text.startswith("Harness Engineer (harness-engineer): #11 of 11,")


def _styled(items: list[object], width: int) -> str:
    """What a colour terminal receives: the text with its bold/dim escapes."""
    import io

    from rich.console import Console

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=True,
        color_system="standard",
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
        _environ={},
    )
    for item in items:
        console.print(item)
    return "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))


@pytest.mark.parametrize("name", ["no-clear-fit", "close-by-readiness", "no-pay-figure"])
def test_the_quiz_screen_in_a_colour_terminal(dataset: Dataset, name: str) -> None:
    """Bold and dim are what a person sees first; a lost style is a screen bug too."""
    from aicareer.document.build import build
    from aicareer.render.terminal import render as render_result

    bg, years, interests, company, coding, region = PEOPLE[name]
    p = Profile(bg, years, interests, company, coding, region)  # type: ignore[arg-type]
    result = build(dataset, p)
    text = _styled(render_result(result, 100, show_all=True), 100)
    assert "\x1b[1m" in text and "\x1b[2m" in text
    assert_snapshot(f"mutants-styled-{name}@100", text)
    narrow = _styled(render_result(result, 50, show_all=True), 50)
    assert_snapshot(f"mutants-styled-{name}@50", narrow)


@pytest.mark.parametrize(("name", "role"), [WHYS[0], WHYS[1], WHYS[3]])
def test_the_why_screen_in_a_colour_terminal(dataset: Dataset, name: str, role: str) -> None:
    from aicareer.render.terminal import why_screen

    bg, years, interests, company, coding, region = PEOPLE[name]
    p = Profile(bg, years, interests, company, coding, region)  # type: ignore[arg-type]
    w = why(engine_of(dataset), p, role)
    text = _styled(why_screen(w, dataset.roles[role].name, 100), 100)
    assert_snapshot(f"mutants-styled-why-{name}-{role}@100", text)


def test_a_suggested_command_is_never_split_even_when_wider_than_the_screen(
    tmp_path: Path, dataset: Dataset
) -> None:
    from aicareer.document.build import build

    def commands_of(name: str) -> list[str]:
        bg, years, interests, company, coding, region = PEOPLE[name]
        person = Profile(bg, years, interests, company, coding, region)  # type: ignore[arg-type]
        return [s.command for s in build(dataset, person).next_steps]

    name = next(n for n in PEOPLE if max(len(c) for c in commands_of(n)) > 40)
    commands = commands_of(name)
    text = render(["quiz", "--answers", str(answers(tmp_path, name))], 40)
    lines = text.split("\n")
    for command in commands:
        assert f"  {command}" in lines, command


def test_the_ranking_table_comes_only_when_asked(dataset: Dataset) -> None:
    from aicareer.document.build import build
    from aicareer.render.terminal import details
    from aicareer.render.terminal import render as render_result

    result = build(dataset, Profile("backend-engineer", 8, ["prompting"]))
    plain = _styled(render_result(result, 100), 100)
    assert "Every role, best first" not in plain
    assert "Every role, best first" not in _styled(details(result, 100), 100)
    assert "Every role, best first" in _styled(render_result(result, 100, True), 100)


def test_the_summary_says_what_each_later_role_waits_for(dataset: Dataset) -> None:
    """On a terminal the details often do not follow the summary (only an offer of
    `--details` does), so "Fits what you want, but later: ... (see below)" pointed at
    nothing. The summary says, for each role for later, what would bring it in reach."""
    from test_quiz_json_document import profile

    from aicareer.document.build import build
    from aicareer.render.terminal import summary

    result = build(dataset, profile("one-ready-three-later"))
    assert len(result.later) == 3
    text = " ".join(_styled(list(summary(result, 100)), 100).split())
    assert "see below" not in text
    assert (
        "Fits what you want, but later: Platform Engineer (AI), once you code professionally;"
        " AI Architect, after about 4 more years as an engineer and once you can write basic"
        " code (Python); Harness Engineer, after about 2 more years as an engineer and once"
        " you code professionally."
    ) in text


def test_a_no_clear_fit_summary_without_later_roles_says_what_to_do(dataset: Dataset) -> None:
    """With every role that matches set aside, nothing is for later either: the summary
    itself carries the suggestion (it said "below is what would make a role fit", and
    on a terminal only the offer of `--details` may follow)."""
    from aicareer.document.build import build
    from aicareer.render.terminal import summary

    aside = (
        "ai-agent-engineer",
        "platform-engineer",
        "harness-engineer",
        "ai-engineer",
        "ai-architect",
        "founding-ai-engineer",
        "context-engineer",
    )
    person = Profile("other-non-technical", 20, ["agents", "infrastructure"], not_for_me=aside)  # type: ignore[arg-type]
    result = build(dataset, person)
    assert result.no_clear_fit is not None and not result.later
    text = " ".join(_styled(list(summary(result, 80)), 80).split())
    assert (
        "Look at the roles' work (aicareer roles, aicareer show ROLE) and pick the interests"
        " that describe what you want to do each day." in text
    )


@pytest.mark.parametrize("width", [40, 80])
def test_a_band_the_market_lowers_says_so_beside_it(tmp_path: Path, width: int) -> None:
    """Prompt Engineer's market is shrinking (its outlook takes 20 points off the score),
    which is why its band is lower than its short way in suggests: the answer says so
    beside the band, on a line of its own when the line would not hold it, and the HTML
    report says it with the fit. Roles whose outlook takes nothing off say nothing."""
    text = render(["quiz", "--answers", str(answers(tmp_path, "two-ready"))], width)
    check_rules(text, width, commands=["aicareer decide context-engineer prompt-engineer"])
    lines = text.splitlines()
    head = next(i for i, line in enumerate(lines) if "Prompt Engineer" in line)
    if width >= 60:
        assert lines[head].endswith("Prompt Engineer  good (market: shrinking)")
    else:
        assert lines[head].endswith("Prompt Engineer  good")
        assert lines[head + 1] == "   (market: shrinking)"
    assert text.count("market:") == 1
    if width == 80:
        page = tmp_path / "r.html"
        args = ["report", "--answers", str(answers(tmp_path, "two-ready")), "--out", str(page)]
        done = invoke(args, env={"AICAREER_HOME": str(tmp_path / "home")})
        assert done.exit_code == 0, done.stderr
        html = page.read_text("utf-8")
        import re

        assert re.search(r"Fits what you want: \w+\. Market: shrinking\. ", html)
        assert html.count("Market: shrinking") == 1
