"""The personal plan: pace, skipped phases, dated milestones, skill gap, cheap test, decide."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from clirun import invoke
from seeds import seeds_dir

from aicareer.engine.ranker import engine_of
from aicareer.errors import ExitCode
from aicareer.planner.decide import coach_question, decide
from aicareer.planner.gap import cheap_test, gap
from aicareer.planner.timeline import Plan, make_plan
from aicareer.records.dataset import Dataset, load
from aicareer.records.models import Profile, validate
from aicareer.records.pathmodels import PathsFile, load_paths
from aicareer.records.profile import parse_profile

START = dt.date(2027, 1, 4)  # a Monday
SWE = {"background": "software-engineer", "years": 5, "interests": ["building-products"]}


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load()


@pytest.fixture(scope="module")
def paths(ds: Dataset) -> PathsFile:
    return load_paths(ds)


def person(**extra: object) -> Profile:
    return validate(Profile, {**SWE, **extra})


def fitted(role: str, profile: Profile, start: dt.date = START) -> Plan:
    """The plan every screen shows: the engine's one time for this person and role."""
    ds = load()
    time = engine_of(ds).explain(profile, role).result.readiness.time
    return make_plan(ds.paths, role, profile, start, time=time)


def run(*args: str, home: Path) -> tuple[int, str, str]:
    result = invoke(list(args), env={"AICAREER_HOME": str(home), "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str, name: str = "me.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the data ----------------------------------------------------------------------------------


def test_the_roadmap_stage_figure_is_used_only_for_its_stages(paths: PathsFile) -> None:
    # "Stages 1 through 5 ... 6 to 8 weeks each": only python-basics (the roadmap's path
    # starts "from Python fundamentals") carries it; everything else is an estimate.
    staged = {p.id: (p.min_weeks, p.max_weeks) for p in paths.phases if p.weeks_basis != "estimate"}
    assert staged == {"python-basics": (6, 8)}
    assert paths.pace.hours_per_week == 10 and paths.pace.basis == "estimate"
    assert "estimate" in paths.pace.note


def test_every_core_role_has_skills_and_a_cheap_test_with_a_source(paths: PathsFile) -> None:
    for rp in paths.paths:
        assert rp.skills, rp.role
        test = cheap_test(rp.role, paths)
        assert test is not None and test.source and test.where, rp.role


def test_a_software_developer_reaches_ai_engineer_within_the_roadmaps_4_to_8_months(
    paths: PathsFile,
) -> None:
    # The roadmap: "4 to 8 months with consistent daily practice, assuming a background in
    # software development" (17-35 weeks at 52/12 weeks a month), at the assumed pace.
    lo, hi = make_plan(paths, "ai-engineer", person(), START).total
    assert 17 <= lo <= hi <= 35


# --- pace -------------------------------------------------------------------------------------


def test_three_hours_a_week(paths: PathsFile) -> None:
    # The matrix's "3-6 months upskill" for a software engineer with 3+ years: 13-26 weeks
    # at the assumed 10 hours a week (130-260 hours); at 3 hours a week, 44-87 weeks. The
    # phases share those hours (production partly covered: half its share).
    plan = fitted("ai-engineer", person(hours_per_week=3))
    assert plan.total == (44, 87)
    assert sum(p.min_hours for p in plan.phases) == 130
    assert sum(p.max_hours for p in plan.phases) == 260
    assert [p.id for p in plan.phases] == [
        "production",
        "llm-engineering",
        "retrieval",
        "agents",
        "show-and-apply",
    ]
    assert plan.phases[0].status == "partly-covered"
    assert plan.finish == (dt.date(2027, 11, 8), dt.date(2028, 9, 4))


def test_twenty_hours_a_week(paths: PathsFile) -> None:
    plan = fitted("ai-engineer", person(hours_per_week=20))
    assert plan.total == (7, 13)
    assert plan.finish == (dt.date(2027, 2, 22), dt.date(2027, 4, 5))
    assert plan.pace_stated


def test_without_hours_the_assumed_pace_is_used_and_said(paths: PathsFile) -> None:
    plan = make_plan(paths, "ai-engineer", person(), START)
    assert (plan.pace, plan.pace_stated, plan.total) == (10, False, (17, 26))
    assert "the assumed 10 hours a week" in plan.total_from


# --- skipped phases and starting points -----------------------------------------------------------


def test_phases_whose_skills_you_have_are_skipped(paths: PathsFile) -> None:
    bare = fitted("ai-engineer", person())
    plan = fitted("ai-engineer", person(skills=["rag", "evals", "agents"]))
    status = {p.id: p.status for p in plan.phases}
    assert status["retrieval"] == "has-skills"  # rag and evals: both held
    assert status["agents"] == "todo"  # agent-frameworks is missing
    retrieval = next(p for p in plan.phases if p.id == "retrieval")
    assert (retrieval.min_weeks, retrieval.max_weeks, retrieval.ends) == (0, 0, None)
    # Its share of the time goes with it: 4.5 of 19 weeks' weight off 13-26 weeks.
    assert bare.total == (13, 26)
    assert plan.total == (10, 20)


def test_a_student_does_not_get_the_backend_engineers_months(paths: PathsFile) -> None:
    student = validate(Profile, {"background": "student", "years": 0, "interests": ["agents"]})
    plan = fitted("ai-agent-engineer", student)
    # A student codes at a basic level by default: the programming phase comes first.
    assert plan.added == ("programming",)
    assert plan.phases[0].id == "programming"
    lo, _ = plan.total
    assert lo > 17  # not the builders' backend pivot of two to four months
    backend = fitted("ai-agent-engineer", person(background="backend-engineer"))
    assert backend.total == (9, 18)


def test_the_architect_is_experience_not_study(paths: PathsFile, tmp_path: Path) -> None:
    plan = make_plan(paths, "ai-architect", person(background="architect", years=15), START)
    assert plan.experience is not None and "5-8 years" in plan.experience.text
    assert plan.total[1] < 52  # the study part only; the years are not turned into weeks
    code, out, _ = run("path", "ai-architect", home=tmp_path)
    assert code == 0
    assert "reached by experience, not study: Often takes 5-8 years" in " ".join(out.split())


# --- dated milestones ---------------------------------------------------------------------------


def test_milestones_are_dated_from_start(paths: PathsFile, tmp_path: Path) -> None:
    me = write(
        tmp_path,
        'background = "software-engineer"\nyears = 5\ninterests = ["agents"]\n'
        "hours_per_week = 20\n",
    )
    code, out, err = run(
        "path",
        "ai-engineer",
        "--answers",
        str(me),
        "--start",
        "2027-01-04",
        "--json",
        home=tmp_path,
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["start"] == "2027-01-04"
    ends = [p["ends"] for p in doc["phases"]]
    assert ends == sorted(ends) and len(ends) == 5
    assert doc["finish"] == ["2027-02-22", "2027-04-05"]
    assert ends[-1] == doc["finish"]
    assert doc["pace"]["hours_per_week"] == 20 and doc["pace"]["stated"] is True
    code, out, _ = run(
        "path", "ai-engineer", "--answers", str(me), "--start", "2027-01-04", home=tmp_path
    )
    assert "Ready by 22 Feb 2027 - 5 Apr 2027." in out.splitlines()
    assert "Try it first, in a weekend or two" in out


def test_every_plans_phases_add_up_to_its_total_and_match_their_dates(ds: Dataset) -> None:
    """Across the grid, at several paces, with and without phases marked done: the
    phases still to do add up, in weeks, to exactly the time the plan gives (which is
    the time every other screen shows), and each phase's weeks are the whole weeks
    between the milestone before it and its own. (Rounding each phase up on its own
    made 93% of plans add up to one to three weeks more than their total.)"""
    from profile_grid import grid

    from aicareer.engine.model import shown_roles
    from aicareer.planner.timeline import with_progress

    engine = engine_of(ds)
    checked = 0
    for n, profile in enumerate(grid()[::401]):
        hours = (None, 3, 7, 20, 40)[n % 5]
        profile = profile._replace(hours_per_week=hours)
        for r in shown_roles(engine.rank(profile).results, 3):
            time = r.readiness.time
            if time is None or time.years is not None:
                continue
            plan = make_plan(ds.paths, r.role_id, profile, START, time=time)
            for done in ([], [p.id for p in plan.phases[:1]]):
                shown = with_progress(plan, done)
                todo = [p for p in shown.phases if not p.done and not p.skipped]
                lows, highs = [p.min_weeks for p in todo], [p.max_weeks for p in todo]
                assert (sum(lows), sum(highs)) == shown.remaining, (profile, r.role_id, done)
                if not done:
                    assert shown.remaining == shown.total
                before = (START, START)
                for p in todo:
                    assert p.ends is not None
                    spans = tuple(
                        (end - was).days // 7 for end, was in zip(p.ends, before, strict=True)
                    )
                    assert spans == (p.min_weeks, p.max_weeks)
                    before = p.ends
                checked += 1
    assert checked > 1000


def test_a_phase_that_fits_in_weeks_already_counted_shows_under_one_week(
    tmp_path: Path,
) -> None:
    """At 20 hours a week, the last phase of this plan (8-17 hours) ends in the week the
    phase before it already ends in: "<1", and the weeks shown add up to the total."""
    me = write(
        tmp_path,
        'background = "software-engineer"\nyears = 0\ninterests = ["agents", '
        '"product-management"]\ncoding = "professional"\ncompany = "early-startup"\n'
        "hours_per_week = 20\n",
    )
    code, out, err = run(
        "path",
        "ai-agent-engineer",
        "--answers",
        str(me),
        "--start",
        "2026-12-07",
        home=tmp_path,
    )
    assert code == 0, err
    weeks = re.findall(r"^\s+\d\. .*?\s{2,}(<1|\d+-\d+|\d+)\b", out, re.M)
    assert weeks[:6] == ["1-2", "2-3", "1-2", "1-3", "2-3", "<1"]  # the table, then each phase
    assert "Total: 7-13 weeks (about 2-3 months)" in out
    assert "6. Show the work and apply [show-and-apply]  under 1 week (8-17 hours)" in out


def test_a_bad_start_date_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run("path", "ai-engineer", "--start", "2027-13-01", home=tmp_path)
    assert (code, out) == (ExitCode.USAGE, "")
    assert "--start 2027-13-01: expected a date as YYYY-MM-DD" in err


# --- skill gap ----------------------------------------------------------------------------------


def test_gap_lists_have_and_lack_in_the_datas_order(paths: PathsFile) -> None:
    g = gap("ai-agent-engineer", person(skills=["async-python", "tracing", "rag"]), paths)
    assert [s.id for s in g.have] == ["async-python", "tracing"]
    assert [s.id for s in g.lack] == ["agent-frameworks", "agents", "mcp", "guardrails", "evals"]
    assert g.share == (2, 7) and g.stated


def test_gap_without_skills_says_none_were_given(paths: PathsFile, tmp_path: Path) -> None:
    assert not gap("ml-engineer", None, paths).stated
    code, out, _ = run("gap", "mle", home=tmp_path)
    assert code == 0
    assert "Add `skills = [...]` to your answers" in " ".join(out.split())


def test_gap_command(tmp_path: Path) -> None:
    me = write(
        tmp_path,
        'background = "backend-engineer"\nyears = 5\ninterests = ["agents"]\n'
        'skills = ["python", "llm-apis"]\n',
    )
    code, out, err = run("gap", "ai-engineer", "--answers", str(me), "--json", home=tmp_path)
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["held"], doc["of"]) == (2, 11)
    assert doc["cheap_test"]["source"] == "builders"
    code, out, _ = run("gap", "ai-engineer", "--answers", str(me), home=tmp_path)
    assert "You have 2 of the 11 skills the role asks for." in out


def test_an_unknown_skill_is_an_input_error(tmp_path: Path) -> None:
    me = write(
        tmp_path,
        'background = "student"\nyears = 0\ninterests = ["agents"]\nskills = ["rag", "cooking"]\n',
    )
    code, out, err = run("gap", "ai-engineer", "--answers", str(me), home=tmp_path)
    assert (code, out) == (ExitCode.INPUT, "")
    assert f"{me}: skills[1]:" in err and '"cooking"' in err


# --- decide -------------------------------------------------------------------------------------


def test_decide_two_roles(ds: Dataset, paths: PathsFile) -> None:
    sheet = decide(ds, paths, person(hours_per_week=5), ["ai-engineer", "ml-engineer"], START)
    assert [c.role_id for c in sheet.columns] == ["ai-engineer", "ml-engineer"]
    assert sheet.level == "mid"
    ai = sheet.columns[0]
    assert ai.fit is not None and ai.pay is not None
    assert ai.pay.text == "$160K-$220K" and ai.pay.source.startswith(
        "AI Roles & Career Paths guide"
    )
    assert ai.ready_weeks == fitted("ai-engineer", person(hours_per_week=5)).total
    assert ai.time_text == "about 6-12 months at your 5 hours a week"
    assert sheet.question.endswith("?")


def test_decide_four_roles_with_risks_in_europe(ds: Dataset, paths: PathsFile) -> None:
    roles = ["prompt-engineer", "harness-engineer", "ai-architect", "context-engineer"]
    sheet = decide(ds, paths, person(region="europe"), roles, START)
    risks = {c.role_id: [r.kind for r in c.risks] for c in sheet.columns}
    assert risks["prompt-engineer"] == ["shrinking"]
    assert risks["harness-engineer"] == ["emerging", "not-standardised"]
    assert risks["context-engineer"] == ["emerging"]
    harness = sheet.columns[1]
    assert harness.pay is None and harness.no_pay == "Not yet standardized"
    assert sheet.columns[0].pay is not None and sheet.columns[0].pay.text == "$55K-$105K"
    assert sheet.columns[2].experience is not None


def test_the_coach_asks_about_the_trade_off(ds: Dataset, paths: PathsFile) -> None:
    senior = person(years=2, interests=["systems-design"])
    sheet = decide(ds, paths, senior, ["ai-engineer", "ai-architect"], START)
    assert coach_question(sheet.columns).startswith("AI Architect fits you best")
    pm = validate(
        Profile,
        {"background": "product-manager", "years": 8, "interests": ["product-management"]},
    )
    sheet = decide(ds, paths, pm, ["ai-product-manager", "prompt-engineer"], START)
    assert sheet.question.startswith("Prompt Engineer is the quicker way in (about 2-4 months")
    assert "but it is shrinking; AI Product Manager fits you best" in sheet.question


def test_the_coach_says_fits_best_only_of_the_better_fit(ds: Dataset, paths: PathsFile) -> None:
    """A technical writer who wants prompting and products: Prompt Engineer fits better
    (55 against 44) but is shrinking, so AI Product Manager ranks above it. The question
    must not say AI Product Manager "fits you best"."""
    writer = validate(
        Profile,
        {
            "background": "technical-writer",
            "years": 4,
            "interests": ["prompting", "building-products"],
            "coding": "none",
        },
    )
    sheet = decide(ds, paths, writer, ["ai-product-manager", "prompt-engineer"], START)
    fits = {c.role_id: c.fit.fit for c in sheet.columns if c.fit}
    assert fits["prompt-engineer"] > fits["ai-product-manager"]
    assert "fits you best" not in sheet.question
    assert "shrinking; AI Product Manager comes out ahead overall (about 9-15 months" in (
        sheet.question
    )


@pytest.fixture
def fresh_console() -> Iterator[None]:
    """The stdout console is made once per process, at the width of that moment: make it
    again for this test, and again after it, so other tests get the usual width."""
    from aicareer.console import out

    out.cache_clear()
    yield
    out.cache_clear()


@pytest.mark.parametrize("width", ["100", "60"])
def test_decide_command_reads_at_every_width(
    tmp_path: Path, width: str, fresh_console: None
) -> None:
    me = write(tmp_path, 'background = "backend-engineer"\nyears = 5\ninterests = ["agents"]\n')
    args = ["decide", "ai-engineer", "ai-agent-engineer", "mle", "platform-engineer"]
    result = invoke(
        [*args, "--answers", str(me), "--start", "2027-01-04"],
        env={"AICAREER_HOME": str(tmp_path), "COLUMNS": width},
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(width)
    assert "…" not in result.stdout
    assert "A coach would ask:" in result.stdout
    if width == "60":  # stacked: one block per role
        assert "ML Engineer (ml-engineer)" in result.stdout


def test_decide_json(tmp_path: Path) -> None:
    code, out, err = run(
        "decide", "ai-engineer", "mle", "--json", "--start", "2027-01-04", home=tmp_path
    )
    assert code == 0, err
    doc = json.loads(out)
    assert [r["role"] for r in doc["roles"]] == ["ai-engineer", "ml-engineer"]
    first = doc["roles"][0]
    assert set(first) >= {"fit", "readiness", "pay", "demand", "risks", "gap", "cheap_test"}
    assert doc["question"].endswith("?")


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        (["ai-engineer"], "decide compares 2 to 4 roles; got 1"),
        (["ai-engineer", "mle", "llm-engineer", "prompt-engineer", "ai-pm"], "got 5"),
        (["ai-engineer", "ai-engineer"], "a role is named twice: ai-engineer"),
    ],
)
def test_decide_refuses_one_five_or_repeated_roles(
    tmp_path: Path, roles: list[str], message: str
) -> None:
    code, out, err = run("decide", *roles, home=tmp_path)
    assert (code, out) == (ExitCode.USAGE, "")
    assert message in err


def test_decide_unknown_role_is_exit_5(tmp_path: Path) -> None:
    code, _, err = run("decide", "ai-engineer", "ai-enginer", home=tmp_path)
    assert code == ExitCode.NOT_FOUND and "did you mean" in err


# --- old answers files -------------------------------------------------------------------------


def _toml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", markdown, flags=re.S)


def test_todays_example_answers_files_stay_valid() -> None:
    # The examples in README.md and docs/answers.md as they were before skills and hours.
    import tomllib

    root = Path(__file__).resolve().parents[1]
    blocks = _toml_blocks((root / "README.md").read_text("utf-8"))
    blocks += _toml_blocks((root / "docs" / "answers.md").read_text("utf-8"))
    old = [
        'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "reliability"]\n'
        'company = "scale-up"\ncoding = "professional"\nregion = "europe"\n',
        'background = "product-manager"\nyears = 8\ninterests = ["product-management"]\n',
    ]
    for text in [*old, *blocks]:
        profile = parse_profile(tomllib.loads(text), "example.toml")
        assert profile.hours_per_week in (None, 8, 10)
    assert parse_profile(tomllib.loads(old[1]), "x").skills == ()


# --- every figure in paths.toml is in the source it cites ------------------------------------

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _seed_text(ds: Dataset, source_ids: list[str]) -> str:
    text = ""
    for sid in source_ids:
        seed = seeds_dir() / ds.sources[sid].seed
        text += seed.read_text("utf-8") + "\n"
    return text


def _cited_texts(paths: PathsFile) -> list[tuple[str, str, list[str]]]:
    """(where, text, the source ids it cites), for every text in paths.toml."""
    out: list[tuple[str, str, list[str]]] = []
    for ph in paths.phases:
        for t in (*ph.learn, *([ph.note] if ph.note else [])):
            out.append((f"phase {ph.id}", t, list(ph.sources)))
        for b in ph.build:
            out.append((f"phase {ph.id} build", b.text, [b.source]))
        if ph.weeks_basis == "roadmap-stage":
            out.append(
                (f"phase {ph.id} weeks", f"{ph.min_weeks} to {ph.max_weeks}", ["roadmap-2026"])
            )
    for rp in paths.paths:
        for s in rp.steps:
            out.append((f"path {rp.role} step", s.text, [s.source]))
        for r in rp.resources:
            out.append((f"path {rp.role} resource", f"{r.title} {r.note or ''}", [r.source]))
        if rp.cheap_test is not None:
            out.append((f"path {rp.role} cheap test", rp.cheap_test.text, [rp.cheap_test.source]))
        if rp.experience is not None:
            out.append((f"path {rp.role} experience", rp.experience.text, [rp.experience.source]))
        for r in rp.risks:
            out.append((f"path {rp.role} risk", r.text, [r.source]))
    return out


def test_every_figure_in_the_paths_data_is_in_its_cited_source(
    ds: Dataset, paths: PathsFile
) -> None:
    folder = seeds_dir()
    assert all((folder / s.seed).is_file() for s in ds.sources.values())
    missing = []
    for where, text, sources in _cited_texts(paths):
        seed = _seed_text(ds, sources)
        for figure in NUMBER.findall(text):
            if not re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d.])", seed):
                missing.append(f"{where}: {figure!r} not in {', '.join(sources)}: {text[:60]}")
    assert missing == []


# --- shell completion -------------------------------------------------------------------------


def test_role_and_phase_ids_complete() -> None:
    from test_completion import bash

    assert bash("aicareer gap ai-a") == ["ai-agent-engineer", "ai-architect"]
    assert bash("aicareer decide ai-engineer ml-e") == ["ml-engineer"]
    assert bash("aicareer path ai-engineer --done re") == ["retrieval"]
