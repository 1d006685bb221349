"""`aicareer quiz --answers FILE` through the CLI: errors, JSON, saving and rendering."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from clirun import invoke
from rich.console import Console
from typer.testing import Result

from aicareer.document.build import build
from aicareer.engine.ranker import engine_of
from aicareer.records import dataset as data
from aicareer.records.models import Profile
from aicareer.render.terminal import render as render_result

GOOD = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "reliability"]\n'
PLAIN_ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return invoke(["quiz", *args], env=env)


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "me.toml"
    path.write_text(GOOD, "utf-8")
    return path


def quiz_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


# --- bad answers files: one line naming file and field, exit 4 ----------------------------

BAD_FILES: list[tuple[str, bytes, list[str]]] = [
    (
        "years-61",
        b'background = "student"\nyears = 61\ninterests = ["agents"]\n',
        ["years must be a whole number from 0 to 60, got 61"],
    ),
    (
        "years-string",
        b'background = "student"\nyears = "5"\ninterests = ["agents"]\n',
        ['years must be a whole number from 0 to 60, got "5"'],
    ),
    (
        "years-float",
        b'background = "student"\nyears = 5.5\ninterests = ["agents"]\n',
        ["years must be a whole number from 0 to 60, got 5.5"],
    ),
    (
        "no-interests",
        b'background = "student"\nyears = 5\ninterests = []\n',
        ["interests: pick at least one", 'interests = ["building-products"]'],
    ),
    (
        "unknown-key",
        GOOD.encode() + b'colour = "red"\n',
        [
            "colour is not an answers-file key",
            "the keys are: background, years, interests, company, coding, region",
        ],
    ),
    (
        "unknown-background",
        b'background = "astronaut"\nyears = 5\ninterests = ["agents"]\n',
        ['background: "astronaut" is not one of the choices', "software-engineer, "],
    ),
    (
        "unknown-interest",
        b'background = "student"\nyears = 5\ninterests = ["agents", "research", "cooking"]\n',
        ['interests[2]: "cooking" is not one of the choices', "prompting"],
    ),
    (
        "missing-background",
        b'years = 5\ninterests = ["agents"]\n',
        ["background is missing; it is one of: software-engineer"],
    ),
    (
        "unknown-region",
        GOOD.encode() + b'region = "mars"\n',
        ['region: "mars" is not one of the choices', "us, europe, other"],
    ),
    ("not-toml", b"background = \n", ["not valid TOML"]),
    ("not-utf8", b'background = "\xff"\n', ["not UTF-8"]),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_answers_file_is_one_clear_error(
    tmp_path: Path, name: str, content: bytes, expected: list[str]
) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_bytes(content)
    result = run("--answers", str(path))
    assert result.exit_code == 4
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}: ")
    for part in expected:
        assert part in lines[0]


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: None, "file not found"),
        (lambda p: p.mkdir(), "is a folder"),
    ],
)
def test_a_missing_file_or_a_folder_is_an_input_error(
    tmp_path: Path, make: Any, expected: str
) -> None:
    path = tmp_path / "me.toml"
    make(path)
    result = run("--answers", str(path), "--json")
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr.startswith(f"error: {path}: {expected}")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_without_a_terminal_the_quiz_asks_for_an_answers_file() -> None:
    result = run("--json")  # CliRunner's stdin is not a terminal
    assert result.exit_code == 6
    assert result.stdout == ""
    assert "--answers" in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "args", [["--top", "0"], ["--top", "13"], ["--region", "mars"], ["--resume"]]
)
def test_bad_options_are_usage_errors(answers: Path, args: list[str]) -> None:
    result = run("--answers", str(answers), *args)
    assert result.exit_code == 2
    assert result.stdout == ""


# --- JSON -----------------------------------------------------------------------------------


def test_json_lists_the_top_three_best_first(answers: Path, dataset: data.Dataset) -> None:
    doc = quiz_json("--answers", str(answers))
    recs = doc["recommendations"]
    assert len(recs) == 3
    assert [r["rank"] for r in recs] == [1, 2, 3]
    scores = [r["score"] for r in recs]
    assert scores == sorted(scores, reverse=True)
    for r in recs:
        assert set(r) >= {"role", "name", "score", "band", "timeline", "reasons"}
        assert r["name"] == dataset.roles[r["role"]].name
        assert all(isinstance(t, str) for t in r["reasons"])
    # A backend engineer with 5 years who wants agents: the builders episode's pivot, its
    # "two to four months" at the assumed pace, readiness read off it.
    assert recs[0]["role"] == "ai-agent-engineer"
    assert recs[0]["timeline"] == "about 2-4 months at 10 hours a week (assumed)"
    assert recs[0]["time"]["source_words"] == "two to four months"
    assert recs[0]["sentence"].startswith("About 2-4 months at 10 hours a week (assumed): ")
    assert recs[0]["status"] == "now"
    assert recs[0]["fit"]["score"] == 100 and recs[0]["readiness"]["score"] == 85
    assert doc["profile"] == {
        "background": "backend-engineer",
        "years": 5,
        "interests": ["agents", "reliability"],
        "company": "any",
        "region": "us",
        "coding_level": "professional",
    }
    assert isinstance(doc["close"], bool)
    assert {row["role"] for row in doc["salary"]} <= {r["role"] for r in recs}


def test_json_matches_the_engine(answers: Path, dataset: data.Dataset) -> None:
    profile = Profile(background="backend-engineer", years=5, interests=["agents", "reliability"])
    ranking = engine_of(dataset).rank(profile)
    doc = quiz_json("--answers", str(answers), "--all")
    assert [(r["role"], r["score"], r["band"]) for r in doc["recommendations"]] == [
        (r.role_id, r.score, r.band) for r in ranking.recommendations
    ]
    assert doc["close"] == ranking.close
    core = [r for r in dataset.roles.values() if r.kind == "core"]
    assert len(doc["recommendations"]) == len(core)


def test_top_1(answers: Path) -> None:
    top1 = quiz_json("--answers", str(answers), "--top", "1")["recommendations"]
    top3 = quiz_json("--answers", str(answers))["recommendations"]
    assert top1 == top3[:1]


def test_region_changes_the_salary_rows_and_nothing_else(answers: Path) -> None:
    us = quiz_json("--answers", str(answers))
    eu = quiz_json("--answers", str(answers), "--region", "europe")

    def without_pay(doc: dict[str, Any]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "pay"} for r in doc["recommendations"]]

    assert without_pay(eu) == without_pay(us)
    assert eu["recommendations"][0]["pay"][0]["text"] != us["recommendations"][0]["pay"][0]["text"]
    assert eu["region"] == "europe" and us["region"] == "us"
    assert eu["salary"] and us["salary"]
    assert {row["region"] for row in eu["salary"]} == {"europe"}
    assert [row["low"] for row in eu["salary"]] != [row["low"] for row in us["salary"]]
    assert all(row["low"] < row["us_low"] for row in eu["salary"])


# --- saving ---------------------------------------------------------------------------------


def test_save_then_answers_gives_identical_json(answers: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved.toml"
    first = run("--answers", str(answers), "--save", str(saved), "--region", "other", "--json")
    assert first.exit_code == 0, first.stderr
    assert "Saved your answers" in first.stderr
    data_ = tomllib.loads(saved.read_text("utf-8"))
    assert list(data_) == ["background", "years", "interests", "company", "region"]
    assert data_["region"] == "other"
    again = run("--answers", str(saved), "--json")
    assert json.loads(again.stdout) == json.loads(first.stdout)


def test_save_replaces_an_existing_file_atomically(answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    saved = out / "saved.toml"
    saved.write_text("old content", "utf-8")
    result = run("--answers", str(answers), "--save", str(saved), "--json", "--force")
    assert result.exit_code == 0, result.stderr
    assert tomllib.loads(saved.read_text("utf-8"))["background"] == "backend-engineer"
    assert [p.name for p in out.iterdir()] == ["saved.toml"]


def test_save_into_an_unwritable_place_is_an_output_error(answers: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    result = run("--answers", str(answers), "--save", str(blocker / "saved.toml"), "--json")
    assert result.exit_code == 7
    assert result.stdout == ""
    assert "cannot write" in result.stderr


# --- what people see ------------------------------------------------------------------------


def test_rendered_results_show_cards_timeline_salary_and_next_steps(answers: Path) -> None:
    result = run("--answers", str(answers), "--region", "europe", env=PLAIN_ENV)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "\x1b[" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    for part in [
        "Your best-fitting AI roles",
        "1. AI Agent Engineer  strong",
        "About 2-4 months at 10 hours a week (assumed)",
        "94/100, strong",
        "fits what you want: strongly",
        "85/100, read off the time",
        "'two to four months'",
        "Backend engineer (CR Labs' The Builders says this pivot is",
        "base (US-derived), Europe",
        "Next steps",
        "aicareer path ai-agent-engineer",
        "aicareer decide ai-agent-engineer ai-engineer",
    ]:
        assert part in text, part
    assert "4. " not in text
    assert "Every role, best first" not in text


def test_all_adds_the_full_ranking(answers: Path, dataset: data.Dataset) -> None:
    result = run("--answers", str(answers), "--all", env=PLAIN_ENV)
    assert result.exit_code == 0, result.stderr
    assert "Every role, best first" in result.stdout
    for role in dataset.roles.values():
        if role.kind == "core":
            assert role.name in result.stdout


def render(items: list[Any]) -> str:
    console = Console(file=io.StringIO(), width=80, color_system=None)
    for item in items:
        console.print(item)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_report_says_when_the_top_two_are_close(dataset: data.Dataset) -> None:
    # Find a profile the data calls close, and one it does not.
    profiles = [
        Profile(background=b, years=y, interests=i)
        for b in ("backend-engineer", "content-strategist", "researcher", "student")
        for y in (0, 5)
        for i in (["agents"], ["prompting", "data-retrieval"], ["research"], ["reliability"])
    ]
    ranked = [(p, engine_of(dataset).rank(p)) for p in profiles]
    close = next((pr for pr in ranked if pr[1].close), None)
    far = next((pr for pr in ranked if not pr[1].close), None)
    assert close is not None and far is not None, "the data has no close/far example"
    text = render(render_result(build(dataset, close[0], close[1]), 80))
    a, b = (dataset.roles[r].name for r in close[1].close_call or ())
    assert "Close call" in text and a in text and b in text
    assert "Close call" not in render(render_result(build(dataset, far[0], far[1]), 80))


def test_json_mode_imports_neither_rich_nor_questionary(answers: Path) -> None:
    code = (
        "import sys\n"
        "from aicareer.cli.main import main\n"
        f"sys.argv = ['aicareer', 'quiz', '--answers', {str(answers)!r}, '--json']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'rich', 'questionary', 'prompt_toolkit'})\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["recommendations"]
    assert proc.stderr == "[]"


# --- TERM=dumb: plain numbered prompts, no cursor codes ---------------------------------


@pytest.fixture
def dumb(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    from aicareer.cli.commands import quiz as quiz_cmd

    monkeypatch.setattr(quiz_cmd, "stdin_is_terminal", lambda: True)
    return {"TERM": "dumb", "AICAREER_HOME": str(tmp_path / "home")}


def test_term_dumb_gets_plain_numbered_prompts(dumb: dict[str, str]) -> None:
    from quizkeys import plain_lines, profile_of

    from aicareer.records.questions import QUESTIONS

    result = invoke(["quiz", "--json"], input=plain_lines(), env=dumb)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["profile"] == {
        **profile_of(),
        "coding_level": "professional",
    }
    err = result.stderr
    assert "\x1b" not in err + result.stdout  # no cursor or colour codes at all
    assert f"1 of {len(QUESTIONS)}  What is your current (or most recent) role?\n" in err
    assert "   2) Backend engineer: APIs, services, databases.\n" in err
    assert "  Type a number (1-16): " in err
    assert "  Type a whole number, 0-60, < to go back: " in err
    assert "  Type a number (1-3), < to go back [3]: " in err  # coding: default shown
    assert "Review  Your answers. Pick one to change it, or go on:\n" in err
    assert "   0) Looks good, show my results\n" in err
    assert "   2) Experience: 5 years\n" in err


def test_term_dumb_back_retry_and_review_change(dumb: dict[str, str]) -> None:
    from quizkeys import ids, plain_lines

    lines = plain_lines().splitlines()
    years, review = ids().index("years"), len(lines) - 1
    # On years: a bad number, then < (back), background 1, then years 7;
    # on the review: change years to 9, then go on.
    typed = [
        *lines[:years],
        "61",
        "<",
        "1",
        "7",
        *lines[years + 1 : review],
        str(years + 1),
        "9",
        "",
    ]
    result = invoke(["quiz", "--json"], input="\n".join(typed) + "\n", env=dumb)
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)["profile"]
    assert (profile["background"], profile["years"]) == ("software-engineer", 9)
    assert "  enter a whole number from 0 to 60\n" in result.stderr


def test_term_dumb_end_of_input_keeps_the_answers_like_ctrl_c(dumb: dict[str, str]) -> None:
    result = invoke(["quiz"], input="2\n5\n", env=dumb)
    assert result.exit_code == 130
    assert "continue with: aicareer quiz --resume" in result.stderr
    kept = Path(dumb["AICAREER_HOME"]) / "quiz-in-progress.toml"
    assert tomllib.loads(kept.read_text("utf-8")) == {"background": "backend-engineer", "years": 5}


# --- a one-screen summary, then the details (through a pager on a terminal) --------------


def tty_console(monkeypatch: pytest.MonkeyPatch, height: int) -> tuple[io.StringIO, list[str]]:
    """Make `out()` a terminal console of 80 x `height`; collect what goes to the pager."""
    import rich.pager

    from aicareer import console as console_mod

    screen = io.StringIO()
    term = Console(file=screen, force_terminal=True, width=80, height=height, color_system=None)
    monkeypatch.setattr(console_mod, "out", lambda: term)
    paged: list[str] = []
    monkeypatch.setattr(rich.pager.SystemPager, "_pager", lambda self, text: paged.append(text))
    return screen, paged


def test_on_a_terminal_the_summary_fits_80x24_and_the_details_wait_to_be_asked_for(
    answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen, paged = tty_console(monkeypatch, 24)
    result = run("--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    first = screen.getvalue()
    lines = first.splitlines()
    # (the offer's last line is one whole command: it may overflow rather than be split)
    assert len(lines) <= 23 and max(len(line) for line in lines[:-1]) <= 80, first
    assert lines[0] == "Your best-fitting AI roles"
    top = quiz_json("--answers", str(answers))["recommendations"][0]
    assert f"1. {top['name']}  {top['band']}" in first  # the top roles, with their bands
    assert top["sentence"].split(":")[0] in first  # ...and the one sentence
    assert "Next step:" in first  # the one next step
    assert "Next steps" not in first  # the details are not on the first screen...
    assert paged == []  # ...and no pager hides the summary
    assert lines[-2:] == [
        "Each role in detail, with the plan and pay:",
        f"  aicareer quiz --answers {answers} --details",
    ]


def in_a_pty(args: list[str], env: dict[str, str], cols: int = 80, rows: int = 24) -> str:
    """Run aicareer in a real pseudo-terminal of cols x rows; what it showed, as a terminal
    of that size shows it (wrapped by the emulator, pyte)."""
    import fcntl
    import pty
    import select
    import struct
    import subprocess
    import sys
    import termios

    import pyte

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "aicareer", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**os.environ, **env},
        close_fds=True,
    )
    os.close(follower)
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            proc.kill()
            raise AssertionError("no output for 60 s")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        stream.feed(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    return "\n".join(line.rstrip() for line in screen.display)


def test_the_first_screenful_on_a_24_line_terminal_holds_the_summary(
    answers: Path, tmp_path: Path
) -> None:
    # A real tty, as a person runs it; a pager, if one were started, would leave a mark.
    mark = tmp_path / "paged"
    env = {
        "TERM": "xterm",
        "PAGER": f"sh -c 'cat > {mark}'",
        "AICAREER_HOME": str(tmp_path / "home"),
        "COLUMNS": "",
        "LINES": "",
    }
    screen = in_a_pty(["quiz", "--answers", str(answers)], env)
    assert not mark.exists()
    assert "Your best-fitting AI roles" in screen, screen
    assert "1. " in screen and "Next step:" in screen
    assert "--details" in screen
    assert "Next steps" not in screen


def test_details_page_the_summary_first(answers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    screen, paged = tty_console(monkeypatch, 24)
    result = run("--answers", str(answers), "--details")
    assert result.exit_code == 0, result.stderr
    assert screen.getvalue() == ""
    assert len(paged) == 1
    assert paged[0].splitlines()[0] == "Your best-fitting AI roles"  # the pager opens on it
    assert "Next steps" in paged[0]
    assert "\x1b[" not in paged[0]  # plain text for the pager


def test_no_pager_when_it_fits_or_when_piped(
    answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen, paged = tty_console(monkeypatch, 500)
    assert run("--answers", str(answers)).exit_code == 0
    assert paged == [] and "Next steps" in screen.getvalue()
    monkeypatch.undo()
    piped = run("--answers", str(answers), env=PLAIN_ENV)  # CliRunner: not a terminal
    assert "Your best-fitting AI roles" in piped.stdout and "Next steps" in piped.stdout


# --- the published JSON schema ------------------------------------------------------------------


def test_published_schema_is_generated_from_the_types() -> None:
    from aicareer.render.schema import json_schema

    path = Path(__file__).resolve().parents[1] / "docs" / "result-schema.json"
    assert json.loads(path.read_text("utf-8")) == json_schema(), (
        "docs/result-schema.json is stale: "
        "python -m aicareer.render.schema > docs/result-schema.json"
    )


@pytest.mark.parametrize(
    "answers_text",
    [
        GOOD,
        'background = "student"\nyears = 0\ninterests = ["model-training"]\ncoding = "none"\n',
        'background = "backend-engineer"\nyears = 1\ninterests = ["systems-design"]\n'
        'region = "other"\n',
        'background = "content-strategist"\nyears = 4\n'
        'interests = ["prompting", "data-retrieval"]\ncoding = "none"\n',
    ],
)
def test_quiz_json_follows_the_published_schema(tmp_path: Path, answers_text: str) -> None:
    from pydantic import TypeAdapter

    from aicareer.render.schema import ResultJson

    path = tmp_path / "a.toml"
    path.write_text(answers_text, "utf-8")
    for extra in ((), ("--all",)):
        doc = quiz_json("--answers", str(path), *extra)
        TypeAdapter(ResultJson).validate_python(doc, strict=True)
        assert ("ranking" in doc) == bool(extra)
