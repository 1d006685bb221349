"""The browse commands as a user meets them: exact figures, aliases, errors, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from clirun import invoke


@pytest.fixture(autouse=True)
def _fresh_console() -> Iterator[None]:
    """The stdout console reads COLUMNS when it is made: make it per test."""
    from aicareer import console

    console.out.cache_clear()
    yield
    console.out.cache_clear()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = invoke(list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def run_json(*args: str) -> object:
    code, out, err = run(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_json_output_is_indented_in_data_order_with_text_as_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Scripts and people both read --json: two-space indent, keys in the order given (a
    ranking is not re-sorted), non-ASCII text kept readable, one trailing newline."""
    from aicareer.console import print_json

    print_json({"rank": 1, "role": "Ingénieur IA — €", "scores": [90, 5.5], "none": None})
    assert capsys.readouterr().out == (
        "{\n"
        '  "rank": 1,\n'
        '  "role": "Ingénieur IA — €",\n'
        '  "scores": [\n'
        "    90,\n"
        "    5.5\n"
        "  ],\n"
        '  "none": null\n'
        "}\n"
    )


# --- salary: exact figures -------------------------------------------------------------

# The roles guide's US base salaries (entry, mid, senior), 2025-2026, in thousands.
US = {
    "prompt-engineer": ((80, 110), (110, 150), (150, 180)),
    "ai-engineer": ((120, 160), (160, 220), (220, 300)),
    "llm-engineer": ((130, 170), (170, 250), (250, 350)),
    "ai-safety-eval-engineer": ((140, 180), (180, 250), (250, 400)),
    "ml-engineer": ((100, 140), (140, 200), (200, 280)),
    "platform-engineer": ((110, 150), (150, 210), (210, 280)),
}
# The same ranges as a user must see them in Europe (low -50%, high -30%) and other
# markets (low -60%, high -40%), worked out by hand.
EUROPE = {
    "prompt-engineer": ((40, 77), (55, 105), (75, 126)),
    "ai-engineer": ((60, 112), (80, 154), (110, 210)),
    "llm-engineer": ((65, 119), (85, 175), (125, 245)),
    "ai-safety-eval-engineer": ((70, 126), (90, 175), (125, 280)),
    "ml-engineer": ((50, 98), (70, 140), (100, 196)),
    "platform-engineer": ((55, 105), (75, 147), (105, 196)),
}
OTHER = {
    "prompt-engineer": ((32, 66), (44, 90), (60, 108)),
    "ai-engineer": ((48, 96), (64, 132), (88, 180)),
    "llm-engineer": ((52, 102), (68, 150), (100, 210)),
    "ai-safety-eval-engineer": ((56, 108), (72, 150), (100, 240)),
    "ml-engineer": ((40, 84), (56, 120), (80, 168)),
    "platform-engineer": ((44, 90), (60, 126), (84, 168)),
}
LEVELS = ("entry", "mid", "senior")
CASES = [
    (region, role, level, table[role][i])
    for region, table in (("us", US), ("europe", EUROPE), ("other", OTHER))
    for role in table
    for i, level in enumerate(LEVELS)
]


@pytest.mark.parametrize(("region", "role", "level", "expected"), CASES)
def test_salary_json_gives_exact_guide_figures(
    region: str, role: str, level: str, expected: tuple[int, int]
) -> None:
    data = run_json("salary", role, "--region", region, "--level", level)
    assert isinstance(data, dict)
    rows = [r for r in data["rows"] if r["source"] == "roles-guide"]
    assert len(rows) == 1
    row = rows[0]
    assert (row["low"], row["high"]) == (expected[0] * 1000, expected[1] * 1000)
    assert row["role"] == role
    assert row["level"] == level
    assert row["basis"] == "us-base"
    assert row["region"] == region


def test_salary_table_shows_converted_range_and_says_how() -> None:
    code, out, _ = run("salary", "ai-engineer", "--region", "europe")
    assert code == 0
    assert "$60K-$112K" in out
    assert "$120K-$160K" not in out
    assert "30-50% lower" in out
    assert "indicative" in out


def test_salary_notes_are_numbered_footnotes_that_read_whole_at_80_columns() -> None:
    code, out, _ = run("salary", "ai-pm", "ai-architect", env={"COLUMNS": "80"})
    assert code == 0
    lines = out.splitlines()
    faang = next(line for line in lines if "$160K-$200K+" in line)
    assert faang.rstrip().endswith("[1]")  # roles in the order asked for
    stripped = [line.rstrip() for line in lines]
    assert "  [1] The guide does not say whether this is base or total compensation" in stripped
    assert "  [2] First of the table's two ranges; the table does not keep which column it" in (
        stripped
    )
    assert "      sat in" in stripped  # the wrapped rest hangs under the note, not the number
    assert max(len(line) for line in lines) <= 80


def test_salary_other_sources_are_never_converted() -> None:
    us = run_json("salary", "ml-engineer")
    eu = run_json("salary", "ml-engineer", "--region", "europe")
    assert isinstance(us, dict) and isinstance(eu, dict)
    assert {r["source"] for r in us["rows"]} == {"roles-guide", "builders"}
    assert {r["source"] for r in eu["rows"]} == {"roles-guide"}
    builders = {r["level"]: r for r in us["rows"] if r["source"] == "builders"}
    assert builders["median"]["low"] == builders["median"]["high"] == 142_000
    assert builders["median"]["basis"] == "total-comp"
    assert (builders["entry"]["low"], builders["entry"]["high"]) == (90_000, 135_000)
    assert any(
        "builders" in n.lower() or "no source gives a regional rule" in n for n in eu["notes"]
    )


def test_salary_special_rows_keep_their_notes() -> None:
    data = run_json("salary", "founding-ai-engineer", "harness-engineer", "ai-architect")
    assert isinstance(data, dict)
    founding = [r for r in data["rows"] if r["role"] == "founding-ai-engineer"]
    assert [(r["level"], r["low"], r["high"]) for r in founding] == [("all", 100_000, 150_000)]
    architect = [
        (r["level"], r["low"], r["high"]) for r in data["rows"] if r["role"] == "ai-architect"
    ]
    assert architect == [("mid", 180_000, 260_000), ("senior", 260_000, 380_000)]
    assert data["no_data"] == [{"role": "harness-engineer", "reason": "Not yet standardized"}]


def test_salary_faang_note_is_kept_apart_with_its_basis() -> None:
    data = run_json("salary", "ai-pm")
    assert isinstance(data, dict)
    faang = [r for r in data["rows"] if r["segment"] == "FAANG"]
    assert [(r["level"], r["low"], r["high"], r["plus"], r["basis"]) for r in faang] == [
        ("entry", 160_000, 200_000, True, "unstated"),
        ("senior", 200_000, 300_000, True, "total-comp"),
    ]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (
            ("salary", "--region", "mars"),
            "error: --region: unknown region 'mars' (the regions are: us, europe, other)\n",
        ),
        (
            ("salary", "--region", "eurpoe"),
            "error: --region: unknown region 'eurpoe'; did you mean: europe? "
            "(the regions are: us, europe, other)\n",
        ),
        (
            ("show", "mle", "-r", "asia"),
            "error: --region: unknown region 'asia'; did you mean: other? "
            "(the regions are: us, europe, other)\n",
        ),
        (
            ("salary", "--level", "guru"),
            "error: --level: unknown level 'guru' (the levels are: entry, mid, senior, "
            "median, architect, or all for every level)\n",
        ),
        (
            ("salary", "-l", "senoir"),
            "error: --level: unknown level 'senoir'; did you mean: senior? (the levels are: "
            "entry, mid, senior, median, architect, or all for every level)\n",
        ),
    ],
)
def test_salary_refuses_unknown_region_or_level(args: tuple[str, ...], needle: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err == needle


# --- roles, show, aliases, typos ------------------------------------------------------

CORE = [
    "prompt-engineer",
    "context-engineer",
    "ai-engineer",
    "llm-engineer",
    "ai-agent-engineer",
    "founding-ai-engineer",
    "ai-architect",
    "platform-engineer",
    "harness-engineer",
    "ai-product-manager",
    "ai-safety-eval-engineer",
    "ml-engineer",
]


def test_roles_lists_all_twelve_in_the_guides_order_then_adjacent() -> None:
    data = run_json("roles")
    assert isinstance(data, dict)
    ids = [r["role"] for r in data["roles"]]
    assert ids[:12] == CORE
    assert set(ids[12:]) == {"data-scientist", "software-engineer", "ai-researcher"}
    assert all(r["kind"] == "adjacent" for r in data["roles"][12:])
    by_id = {r["role"]: r for r in data["roles"]}
    assert by_id["ai-engineer"]["us_mid"]["low"] == 160_000
    assert by_id["harness-engineer"]["us_mid"] is None


def test_roles_table_shows_no_data_for_harness() -> None:
    code, out, _ = run("roles")
    assert code == 0
    line = next(ln for ln in out.splitlines() if "harness-engineer" in ln)
    assert "Not yet standardized" in line or "no data" in line
    assert "$160K-$220K" in out


ALIASES = {
    "agentic-ai-developer": "ai-agent-engineer",
    "mle": "ml-engineer",
    "ai-pm": "ai-product-manager",
    "eval-engineer": "ai-safety-eval-engineer",
    "ai-safety-engineer": "ai-safety-eval-engineer",
    "llm-eng": "llm-engineer",
    "AI Engineer": "ai-engineer",
}


@pytest.mark.parametrize(("alias", "role"), ALIASES.items())
def test_alias_resolves(alias: str, role: str) -> None:
    data = run_json("show", alias)
    assert isinstance(data, dict)
    assert data["role"]["id"] == role


@pytest.mark.parametrize(
    ("term", "see"),
    [
        ("vibe-coder", ["context-engineer"]),
        ("ai-native-engineer", []),
        ("orchestration-engineer", ["ai-agent-engineer"]),
    ],
)
def test_not_a_role_is_explained(term: str, see: list[str]) -> None:
    code, out, err = run("show", term)
    assert code == 0, err
    assert "not a role (yet)" in out
    data = run_json("show", term)
    assert isinstance(data, dict)
    assert data["not_a_role"]["see"] == see


def test_orchestration_engineer_points_to_the_agent_role() -> None:
    _, out, _ = run("show", "orchestration-engineer")
    assert "AI Agent Engineer (ai-agent-engineer)" in out


def test_typo_gets_a_suggestion_on_stderr_and_exit_5() -> None:
    code, out, err = run("show", "ai-enginer")
    assert code == 5
    assert out == ""
    assert "unknown role 'ai-enginer'" in err
    assert "did you mean: ai-engineer" in err
    assert "Traceback" not in err


def test_show_card_has_the_key_facts() -> None:
    code, out, _ = run("show", "mle", "--region", "europe")
    assert code == 0
    for needle in ("ML Engineer", "Status", "Established", "$50K-$98K", "Sources"):
        assert needle in out


def test_markup_in_data_is_printed_not_interpreted(make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(
        text.replace('status = "Mainstream"', 'status = "[bold red]Main[/]"', 1), encoding="utf-8"
    )
    code, out, err = run("show", "ai-engineer", "--data-dir", str(folder))
    assert code == 0, err
    assert "[bold red]Main[/]" in out


# --- compare and matrix -----------------------------------------------------------------


def test_compare_side_by_side_at_80_columns() -> None:
    code, out, _ = run("compare", "ai-engineer", "mle", env={"COLUMNS": "80"})
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    for needle in (
        "AI Engineer",
        "ML Engineer",
        "Focus",
        "Key skills",
        "Comes from",
        "Entry pay",
        "$120K-$160K",
        "$100K-$140K",
        "Demand",
    ):
        assert needle in out


def test_compare_needs_two_roles() -> None:
    code, _, err = run("compare", "ai-engineer")
    assert code == 2
    assert "at least two roles" in err
    code, _, err = run("compare", "ai-engineer", "ai-enginer")
    assert code == 5
    assert "did you mean" in err


def test_compare_json() -> None:
    data = run_json("compare", "ai-engineer", "ml-engineer", "mle")
    assert isinstance(data, dict)
    assert [r["role"] for r in data["roles"]] == ["ai-engineer", "ml-engineer"]


def test_matrix_has_the_guides_eight_rows() -> None:
    data = run_json("matrix")
    assert isinstance(data, dict)
    rows = data["rows"]
    assert len(rows) == 8
    assert rows[0]["best"] == "AI Engineer"
    assert rows[0]["timeline"] == "3-6 months upskill"
    assert [r["timeline"] for r in rows].count("3-6 months upskill") == 2
    code, out, _ = run("matrix")
    assert code == 0
    assert "Pioneers" in out


# --- data check and broken data --------------------------------------------------------


def test_data_check_ok() -> None:
    code, out, _ = run("data", "check")
    assert code == 0
    assert out.startswith("ok: ")
    assert "15 roles" in out


def _check_roles_with(folder: Path, old: str, new: str) -> tuple[Path, list[str]]:
    """`data check` of a copy of the data whose roles.toml has its first `old` made `new`:
    exit 3, nothing on stdout; the roles file and the error lines."""
    roles = folder / "roles.toml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out, err = run("data", "check", "--data-dir", str(folder))
    assert code == 3
    assert out == ""
    return roles, err.strip().splitlines()


def test_broken_salary_names_file_and_field(make_data_dir: Callable[[], Path]) -> None:
    roles, lines = _check_roles_with(make_data_dir(), "low = 120000", 'low = "lots"')
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {roles}: roles[2].salary.bands[0].low: ")
    assert "'lots'" in lines[0]


def test_an_id_that_is_not_an_id_says_what_an_id_is(make_data_dir: Callable[[], Path]) -> None:
    """Not pydantic's regular expression: what a coach should write instead."""
    roles, lines = _check_roles_with(make_data_dir(), 'id = "roles-guide"', 'id = "Roles guide"')
    assert lines[0] == (
        f"error: {roles}: sources[0].id: not an id: use lowercase letters, digits and "
        "single hyphens, e.g. ai-engineer (got 'Roles guide')"
    )


def test_every_problem_is_listed(make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    text = roles.read_text(encoding="utf-8")
    text = text.replace("high = 160000", "high = 100000", 1)  # ai-engineer entry: low > high
    text = text.replace('status = "Emerging"', 'staus = "Emerging"', 1)
    roles.write_text(text, encoding="utf-8")
    code, _, err = run("data", "check", "--data-dir", str(folder))
    assert code == 3
    assert "roles[2].salary.bands[0]: low (120000) is above high (100000)" in err
    assert "roles[1].staus: unknown field" in err
    assert "roles[1].status: required field is missing" in err
    assert "Traceback" not in err


def test_cross_references_are_checked(make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    text = roles.read_text(encoding="utf-8")
    text = text.replace("related = [", 'related = ["no-such-role", ', 1)
    text = text.replace('aliases = ["mle"', 'aliases = ["ai-pm", "mle"', 1)
    roles.write_text(text, encoding="utf-8")
    code, _, err = run("data", "check", "--data-dir", str(folder))
    assert code == 3
    assert "unknown role id 'no-such-role'" in err
    assert "'ai-pm' is already used by 'ai-product-manager'" in err


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"this is = = not toml", "not valid TOML"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_unreadable_data_files(
    make_data_dir: Callable[[], Path], content: bytes, needle: str
) -> None:
    folder = make_data_dir()
    (folder / "matrix.toml").write_bytes(content)
    code, _, err = run("roles", "--data-dir", str(folder))
    assert code == 3
    assert f"{folder / 'matrix.toml'}: {needle}" in err


def test_missing_data_folder_via_environment(tmp_path: Path) -> None:
    code, _, err = run("roles", env={"AICAREER_DATA_DIR": str(tmp_path / "nope")})
    assert code == 3
    assert "data folder not found" in err


def test_environment_points_every_command_at_custom_data(
    make_data_dir: Callable[[], Path],
) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("low = 120000", "low = 125000", 1),
        encoding="utf-8",
    )
    data = run_json_env(
        {"AICAREER_DATA_DIR": str(folder)}, "salary", "ai-engineer", "--level", "entry"
    )
    assert [r["low"] for r in data["rows"] if r["source"] == "roles-guide"] == [125_000]


def run_json_env(env: dict[str, str], *args: str) -> dict[str, list[dict[str, int]]]:
    code, out, err = run(*args, "--json", env=env)
    assert code == 0, err
    result: dict[str, list[dict[str, int]]] = json.loads(out)
    return result


def test_data_check_also_validates_learning_paths(make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    paths = folder / "paths.toml"
    paths.write_text(paths.read_text(encoding="utf-8") + "\n[oops]\nx = 1\n", encoding="utf-8")
    code, out, err = run("data", "check", "--data-dir", str(folder), "--json")
    assert code == 3
    assert json.loads(out)["ok"] is False
    assert f"{paths}: oops: unknown field" in err


def test_quiz_can_write_a_report(tmp_path: Path) -> None:
    answers = tmp_path / "me.toml"
    answers.write_text(
        'background = "product-manager"\nyears = 6\ninterests = ["product-management"]\n',
        encoding="utf-8",
    )
    report = tmp_path / "me.md"
    code, out, err = run("quiz", "--answers", str(answers), "--report", str(report), "--json")
    assert code == 0, err
    assert json.loads(out)["recommendations"][0]["role"] == "ai-product-manager"
    assert "AI Product Manager" in report.read_text(encoding="utf-8")
    assert f"Wrote the report to {report}" in err


# --- regions: data only, one name each, any case, basis on every figure --------------

ASIA = """
[regions.asia]
label = "Asia"
lower_min = 20
lower_max = 40
source = "roles-guide"
applies_to = ["roles-guide"]
"""


def with_asia(make_data_dir: Callable[[], Path]) -> Path:
    folder = make_data_dir()
    matrix = folder / "matrix.toml"
    text = matrix.read_text()
    matrix.write_text(text + "\n" + ASIA)  # a table may come anywhere in TOML
    return folder


def test_a_region_added_by_data_alone_works_in_salary_and_show(
    make_data_dir: Callable[[], Path],
) -> None:
    folder = with_asia(make_data_dir)
    doc = run_json("salary", "ai-engineer", "--region", "asia", "--data-dir", str(folder))
    assert doc["region"] == "asia" and doc["region_label"] == "Asia"  # type: ignore[index]
    entry = doc["rows"][0]  # type: ignore[index]
    # US $120K-$160K, 20-40% lower as the widest range: low x 0.6, high x 0.8
    assert (entry["level"], entry["low"], entry["high"]) == ("entry", 72_000, 128_000)
    assert "Asia: the US figures made 20-40% lower" in doc["notes"][1]  # type: ignore[index]
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    code, out, err = run("salary", "ai-engineer", "-r", "Asia", "--data-dir", str(folder), env=env)
    assert code == 0, err
    assert "AI Roles & Career Paths guide (2025-2026), Asia" in out
    assert "$72K-$128K" in out and "base (US-derived)" in out
    code, out, err = run(
        "show", "ai-engineer", "--region", "asia", "--data-dir", str(folder), env=env
    )
    assert code == 0, err
    assert "Pay, Asia" in out and "Entry  $72K-$128K  base (US-derived); AI Roles & Career" in out
    # the built-in data has no such region
    code, _, err = run("salary", "--region", "asia")
    assert code == 2 and "unknown region 'asia'" in err


@pytest.mark.parametrize("typed", ["Europe", "EUROPE", "europe", " europe "])
def test_region_input_is_case_insensitive(typed: str) -> None:
    doc = run_json("salary", "ml-engineer", "--level", "entry", "--region", typed)
    assert doc["region"] == "europe"  # type: ignore[index]
    assert doc["rows"][0]["low"] == 50_000  # type: ignore[index]


def test_a_region_label_is_accepted_too() -> None:
    assert run_json("salary", "mle", "--region", "Other markets")["region"] == "other"  # type: ignore[index]
    assert run_json("salary", "mle", "--region", "united states")["region"] == "us"  # type: ignore[index]


def test_show_in_europe_says_europe_and_never_us_base() -> None:
    code, out, err = run(
        "show", "mle", "--region", "europe", env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    )
    assert code == 0, err
    assert "Pay, Europe" in out
    assert "Entry  $50K-$98K   base (US-derived); AI Roles & Career Paths guide, 2026-03" in out
    assert "US base" not in out


def test_us_figures_say_us_base_or_total_comp() -> None:
    env = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
    code, out, _ = run("salary", "ai-engineer", env=env)
    assert code == 0
    assert "  ai-engineer   Entry    $120K-$160K   US base  \n" in out
    assert "  ai-engineer   Entry                       ~$90K-$135K    total comp" in out


def test_regions_have_one_name_each_on_every_screen() -> None:
    env = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
    for args in (("salary", "--region", "other"), ("show", "mle", "--region", "other")):
        code, out, _ = run(*args, env=env)
        assert code == 0
        assert "Other markets" in out
        assert "Elsewhere" not in out and "other market" not in out.replace("Other markets", "")


# --- salary --level, the guide's notes on pay, help text --------------------------------


def test_level_all_means_every_level() -> None:
    every = run_json("salary", "ai-engineer")
    assert run_json("salary", "ai-engineer", "--level", "all") == every
    assert run_json("salary", "ai-engineer", "--level", "ALL") == every
    assert every["level"] is None  # type: ignore[index]


def test_level_is_case_insensitive_and_keeps_unsplit_ranges() -> None:
    doc = run_json("salary", "founding-ai-engineer", "ai-engineer", "--level", "Senior")
    levels = {(r["role"], r["level"]) for r in doc["rows"]}  # type: ignore[index]
    assert ("founding-ai-engineer", "all") in levels
    assert ("ai-engineer", "senior") in levels and ("ai-engineer", "mid") not in levels


def test_salary_shows_the_roles_guide_notes_on_pay() -> None:
    doc = run_json("salary", "ml-engineer", "ai-engineer", "data-scientist")
    assert doc["role_notes"] == {  # type: ignore[index]
        "ml-engineer": "Lower demand outside labs",
        "ai-engineer": "Highest volume of open roles",
    }
    code, out, _ = run("salary", "ml-engineer", env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert code == 0
    text = " ".join(out.split())
    # under the role's name, the source cited as a reader would cite it
    assert "Notes on pay, from AI Roles & Career Paths" in text
    assert "ML Engineer: Lower demand outside labs" in text
    assert "ml-engineer Lower" not in text


@pytest.mark.parametrize("command", ["compare", "salary"])
def test_help_names_the_role_argument_without_a_python_type(command: str) -> None:
    code, out, _ = run(command, "--help", env={"COLUMNS": "100"})
    assert code == 0
    assert "<list[str]>" not in out
    assert "\n  ROLE  " in out


def test_short_options_mean_one_thing() -> None:
    for command in ("show", "salary"):
        _, out, _ = run(command, "--help", env={"COLUMNS": "100"})
        assert "-r, --region REGION" in out
    _, out, _ = run("salary", "--help", env={"COLUMNS": "100"})
    assert "-l, --level LEVEL" in out


def test_table_commands_never_load_richs_emoji_table() -> None:
    """Headers and titles reach rich as Text: markup (and its ~3 ms emoji table) is never
    parsed. One process runs every browse screen, then reports what was imported."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from aicareer.cli.main import app\n"
        "for args in (['roles'], ['show', 'mle'], ['compare', 'ai-engineer', 'mle'],"
        " ['salary'], ['salary', '-r', 'europe'], ['matrix'], ['map'], ['data', 'info']):\n"
        "    try:\n"
        "        app(args, prog_name='aicareer')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('rich._emoji_codes' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.stderr.strip().split("\n")[-1] == "False", result.stderr


# --- one home for band picking and for "did you mean" ------------------------------


def test_pick_band_takes_the_level_then_the_unsplit_range(
    dataset: object,
) -> None:
    from aicareer.planner.salary import BASE_REGION, pick_band, regional_bands

    ds = dataset
    roles = ds.roles  # type: ignore[attr-defined]
    us = ds.matrix.regions[BASE_REGION]  # type: ignore[attr-defined]
    ai = regional_bands(roles["ai-engineer"], BASE_REGION, us)
    mid = pick_band(ai, "mid", basis="us-base")
    assert mid is not None and (mid.low, mid.high, mid.source) == (160_000, 220_000, "roles-guide")
    comp = pick_band(ai, "mid", basis="total-comp")
    assert comp is not None and (comp.low, comp.source) == (140_000, "builders")
    founding = regional_bands(roles["founding-ai-engineer"], BASE_REGION, us)
    entry = pick_band(founding, "entry", basis="us-base")
    assert entry is not None and (entry.level, entry.low) == ("all", 100_000)
    assert pick_band(regional_bands(roles["harness-engineer"], BASE_REGION, us), "mid") is None
    # a segment (FAANG, frontier lab) is never the headline figure
    pm = pick_band(regional_bands(roles["ai-product-manager"], BASE_REGION, us), "entry")
    assert pm is not None and pm.segment is None and pm.low == 130_000


def test_did_you_mean_is_one_function() -> None:
    from aicareer.suggest import close_matches, did_you_mean

    assert close_matches("eurpoe", ["us", "europe", "other"]) == ["europe"]
    assert did_you_mean("eurpoe", ["us", "europe", "other"]) == "; did you mean: europe?"
    assert did_you_mean("zzz", ["us", "europe"]) == ""
    assert close_matches("a", ["a", "a", "b"], n=3, cutoff=0.9) == ["a"]


def test_compare_says_which_end_of_each_scale_is_which() -> None:

    result = invoke(["compare", "ai-engineer", "mle"], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "Focus: 1 = closer to the model, 10 = closer to infrastructure." in text
    assert "Work: 1 = research, 10 = production." in text
    assert "1 of 10: closer to the model" in text  # ML engineer's focus, with its end named
    assert "(1/10)" not in text
