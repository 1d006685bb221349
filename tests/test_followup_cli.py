"""The follow-up prompt and "not for me", driven by keystrokes; --not; the answers file."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path
from typing import Any

import pytest
from clirun import invoke
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from quizkeys import CTRL_C, DOWN, ENTER

from aicareer.cli import followup
from aicareer.document.build import build
from aicareer.errors import AicareerError, ExitCode
from aicareer.records import dataset as data
from aicareer.records import profile as pf
from aicareer.records.models import Profile

#: A close call: AI Product Manager and AI Safety & Eval Engineer, within 2 points.
CLOSE = Profile(background="technical-writer", years=3, interests=["prompting"])


class Keys:
    """Run the prompts inside with `keys` typed, no terminal needed."""

    def __init__(self, *keys: str) -> None:
        self.keys = "".join(keys)

    def __enter__(self) -> None:
        self._pipe = create_pipe_input()
        pipe = self._pipe.__enter__()
        pipe.send_text(self.keys)
        self._session = create_app_session(input=pipe, output=DummyOutput())
        self._session.__enter__()

    def __exit__(self, *exc: Any) -> None:
        self._session.__exit__(*exc)
        self._pipe.__exit__(*exc)


@pytest.fixture(scope="module")
def ds() -> data.Dataset:
    return data.load()


def q(ds: data.Dataset, qid: str) -> Any:
    found = ds.followups.get(qid)
    assert found is not None
    return found


# --- the prompts, by keystroke -------------------------------------------------------------


def test_enter_on_a_follow_up_skips_it(ds: data.Dataset) -> None:
    with Keys(ENTER):
        assert followup.ask_followup(q(ds, "model-or-user-flow"), followup.Fancy()) is None


def test_the_arrow_keys_pick_an_activity(ds: data.Dataset) -> None:
    question = q(ds, "model-or-user-flow")
    with Keys(DOWN, ENTER):
        assert followup.ask_followup(question, followup.Fancy()) == "model-degrades"
    with Keys(DOWN, DOWN, ENTER):
        assert followup.ask_followup(question, followup.Fancy()) == "user-flow"


def test_ctrl_c_on_a_follow_up_is_an_interrupt(ds: data.Dataset) -> None:
    with Keys(CTRL_C), pytest.raises(KeyboardInterrupt):
        followup.ask_followup(q(ds, "model-or-user-flow"), followup.Fancy())


def test_not_for_me_defaults_to_no_thanks() -> None:
    roles = [("ai-engineer", "AI Engineer"), ("ml-engineer", "ML Engineer")]
    with Keys(ENTER):
        assert followup.ask_not_for_me(roles, followup.Fancy()) is None
    with Keys(DOWN, DOWN, ENTER):
        assert followup.ask_not_for_me(roles, followup.Fancy()) == "ml-engineer"


def test_a_choice_shows_its_whole_text_below_only_when_it_was_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A short choice ("No, thanks") repeated itself as "Description: No, thanks"."""
    import questionary

    drawn: list[Any] = []
    real = questionary.select

    def select(*args: Any, **kwargs: Any) -> Any:
        drawn.extend(kwargs["choices"])
        return real(*args, **kwargs)

    monkeypatch.setattr(questionary, "select", select)
    long = "AI Safety & Eval Engineer, with a name far longer than any screen is wide" * 2
    with Keys(ENTER):
        followup.ask_not_for_me([("ai-engineer", "AI Engineer"), ("x", long)], followup.Fancy())
    described = {c.title: c.description for c in drawn}
    assert described[followup.NO_THANKS] is None
    assert described["Set aside: AI Engineer"] is None
    (cut,) = [t for t in described if t not in (followup.NO_THANKS, "Set aside: AI Engineer")]
    assert cut != f"Set aside: {long}" and described[cut] is not None
    assert " ".join(described[cut].split()) == f"Set aside: {long}"


def test_plain_prompts_number_the_choices(ds: data.Dataset) -> None:
    out = io.StringIO()
    ask = followup.Plain(io.StringIO("9\nx\n3\n"), out)
    assert followup.ask_followup(q(ds, "model-or-user-flow"), ask) == "user-flow"
    text = out.getvalue()
    assert "Which would you rather spend an afternoon on?" in text
    assert "   1) Not sure, skip it\n" in text
    assert "   3) Designing how people use a feature, then shipping it\n" in text
    assert "type a number from 1 to 3" in text
    assert "\x1b" not in text  # no cursor codes for TERM=dumb
    ask = followup.Plain(io.StringIO("\n"), io.StringIO())
    assert followup.ask_not_for_me([("ai-engineer", "AI Engineer")], ask) is None
    ask = followup.Plain(io.StringIO(""), io.StringIO())
    with pytest.raises(KeyboardInterrupt):  # end of input counts as Ctrl-C
        followup.ask_not_for_me([("ai-engineer", "AI Engineer")], ask)


def test_term_dumb_gets_the_plain_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert isinstance(followup.asker()[0], followup.Plain)
    monkeypatch.setenv("TERM", "xterm")
    assert isinstance(followup.asker()[0], followup.Fancy)


# --- the flow ---------------------------------------------------------------------------------


def test_a_close_call_asks_the_question_that_separates_it(ds: data.Dataset) -> None:
    result = build(ds, CLOSE)
    assert result.close_call is not None
    close = followup.close_roles(result)
    assert close == ["context-engineer", "prompt-engineer"]
    out = io.StringIO()
    # the first question: pick its first activity; the second: skip; not for me: no, thanks
    coached = followup.coach(ds, CLOSE, result, followup.Plain(io.StringIO("2\n\n\n"), out))
    asked = [f for f in ds.followups.followups if f.ask in out.getvalue()]
    assert asked, out.getvalue()
    first = asked[0]
    assert set(close) & set(first.separates)
    assert coached.followups == {first.id: first.choices[0].id}
    assert coached.not_for_me == ()
    assert coached[:8] == CLOSE[:8]


def test_not_for_me_after_the_summary(ds: data.Dataset) -> None:
    profile = Profile(background="backend-engineer", years=5, interests=["agents"])
    result = build(ds, profile)
    assert result.close_call is None  # no follow-up: straight to "not for me"
    second = result.top[1]
    with Keys(DOWN, DOWN, ENTER):
        coached = followup.coach(ds, profile, result, followup.Fancy())
    assert coached.not_for_me == (second.role,)
    assert coached.followups == {}


def test_nothing_picked_is_the_same_profile(ds: data.Dataset) -> None:
    result = build(ds, CLOSE)
    same = followup.coach(ds, CLOSE, result, followup.Plain(io.StringIO("\n\n\n"), io.StringIO()))
    assert same is CLOSE


def test_ctrl_c_in_the_flow_keeps_what_was_answered(ds: data.Dataset) -> None:
    result = build(ds, CLOSE)
    coached = followup.coach(ds, CLOSE, result, followup.Plain(io.StringIO("2\n"), io.StringIO()))
    assert len(coached.followups) == 1


# --- the answers file ---------------------------------------------------------------------------


def test_answers_file_round_trip(tmp_path: Path) -> None:
    p = CLOSE._replace(
        followups={"model-or-user-flow": "user-flow", "tune-or-test": "break-it"},
        not_for_me=("prompt-engineer", "ml-engineer"),
    )
    path = tmp_path / "me.toml"
    pf.save_profile(p, path)
    text = path.read_text("utf-8")
    assert "[followups]" in text or "followups = {" in text
    assert pf.read_profile(path) == p
    doc = tomllib.loads(text)  # a table is written after the plain keys, as TOML needs
    assert sorted(list(doc)[-2:]) == ["followups", "not_for_me"]


def test_old_answers_files_stay_valid_and_write_no_empty_keys(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text('background = "student"\nyears = 0\ninterests = ["prompting"]\n')
    p = pf.read_profile(path)
    assert p.followups == {} and p.not_for_me == ()
    pf.save_profile(p, tmp_path / "again.toml")
    again = (tmp_path / "again.toml").read_text("utf-8")
    assert "followups" not in again and "not_for_me" not in again


def test_unknown_ids_are_one_line_each_with_a_suggestion(ds: data.Dataset) -> None:
    p = CLOSE._replace(
        followups={"tune-or-tst": "tune-it", "tune-or-test": "tune"}, not_for_me=("mle-engineer",)
    )
    with pytest.raises(AicareerError) as exc:
        followup.settle(ds, p, (), "me.toml")
    assert exc.value.code == ExitCode.INPUT
    assert exc.value.lines == [
        "me.toml: followups.tune-or-tst: unknown follow-up question; did you mean "
        "'tune-or-test'? (the questions are: "
        + ", ".join(f.id for f in ds.followups.followups)
        + ")",
        "me.toml: followups.tune-or-test: unknown choice 'tune'; did you mean 'tune-it'? "
        "(expected one of: tune-it, break-it)",
        "me.toml: not_for_me[0]: unknown role id 'mle-engineer'; did you mean 'ml-engineer'? "
        "(see `aicareer roles` for every role id)",
    ]


def test_not_resolves_aliases_and_keeps_each_role_once(ds: data.Dataset) -> None:
    p = CLOSE._replace(not_for_me=("ml-engineer",))
    settled = followup.settle(ds, p, ["mle", "agent-engineer", "ai-agent-engineer"])
    assert settled.not_for_me == ("ml-engineer", "ai-agent-engineer")
    assert followup.settle(ds, p, ["ml-engineer"]) is p


def _answers(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "me.toml"
    path.write_text(
        'background = "backend-engineer"\nyears = 5\ninterests = ["agents"]\n' + extra, "utf-8"
    )
    return path


def test_quiz_not_is_kept_in_the_saved_answers_and_history(tmp_path: Path) -> None:
    home = tmp_path / "home"
    me, saved = _answers(tmp_path), tmp_path / "saved.toml"
    result = invoke(
        [
            "quiz",
            "--answers",
            str(me),
            "--not",
            "mle",
            "--not",
            "prompt-engineer",
            "--save",
            str(saved),
            "--json",
        ],
        env={"AICAREER_HOME": str(home)},
    )
    assert result.exit_code == 0, result.output
    assert pf.read_profile(saved).not_for_me == ("ml-engineer", "prompt-engineer")
    kept = sorted((home / "history").glob("*.toml"))
    assert kept and "not_for_me" in kept[-1].read_text("utf-8")


def test_quiz_not_unknown_role_is_exit_4(tmp_path: Path) -> None:
    result = invoke(["quiz", "--answers", str(_answers(tmp_path)), "--not", "mlee"])
    assert result.exit_code == 4
    assert "--not mlee: unknown role 'mlee'; did you mean: mle?" in result.output


def test_quiz_answers_with_unknown_followup_is_exit_4(tmp_path: Path) -> None:
    me = _answers(tmp_path, 'followups = { model-or-user-flw = "user-flow" }\n')
    result = invoke(["quiz", "--answers", str(me)])
    assert result.exit_code == 4
    assert "did you mean 'model-or-user-flow'?" in result.output


def test_unasked_names_the_question_an_answers_file_lacks(ds: data.Dataset) -> None:
    result = build(ds, CLOSE)
    first = followup.unasked(ds, CLOSE, result, limit=1)
    assert len(first) == 1
    answered = CLOSE._replace(followups={first[0].id: first[0].choices[0].id})
    assert first[0] not in followup.unasked(ds, answered, result)
    clear = Profile(background="backend-engineer", years=5, interests=["agents"])
    assert followup.unasked(ds, clear, build(ds, clear)) == []


def test_term_dumb_quiz_asks_the_follow_up_and_saves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ds: data.Dataset
) -> None:
    from quizkeys import plain_lines

    from aicareer.cli.commands import quiz as quiz_cmd

    monkeypatch.setattr(quiz_cmd, "stdin_is_terminal", lambda: True)
    given = {"background": "technical-writer", "years": 3, "interests": ["prompting"]}
    saved = tmp_path / "me.toml"
    result = invoke(
        ["quiz", "--json", "--save", str(saved)],
        input=plain_lines(given) + "2\n\n\n",  # first activity; skip the next; no, thanks
        env={"TERM": "dumb", "AICAREER_HOME": str(tmp_path / "home")},
    )
    assert result.exit_code == 0, result.stderr
    assert followup.CLOSE_NOTE in result.stderr
    kept = pf.read_profile(saved)
    assert len(kept.followups) == 1
    ((qid, cid),) = kept.followups.items()
    assert cid == q(ds, qid).choices[0].id
    assert "\x1b" not in result.stderr
