"""`aicareer batch`: rows in, one result row per input row out, in order, written atomically."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from clirun import Cli

from aicareer.batch import run as batch
from aicareer.batch.cohort import Cohort
from aicareer.engine.model import shown_roles
from aicareer.engine.pace import time_words
from aicareer.engine.ranker import Engine, RoleResult, engine_of
from aicareer.records import dataset as data
from aicareer.records.models import Profile, validate
from aicareer.records.vocab import INTERESTS

HEADER = "id,background,years,interests,company,coding,region\n"
CSV_OUT_HEADER = (
    "id,ok,role_1,score_1,band_1,timeline_1,role_2,score_2,band_2,timeline_2,"
    "role_3,score_3,band_3,timeline_3,error"
)
INTEREST_CHOICES = "(the choices are: " + ", ".join(INTERESTS) + ")"


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def timeline(engine: Engine, r: RoleResult, hours: int | None) -> str | None:
    """The role's time to ready as the quiz's JSON `timeline` says it, at `hours` a week."""
    time, pace = r.readiness.time, engine.rules.pace
    return None if time is None else time_words(time, pace, hours or pace, hours is not None)[1]


def top(engine: Engine, n: int = 3, **fields: Any) -> list[tuple[str, int, str, str | None]]:
    """What the engine says for this profile: the top n as (role, score, band, timeline)."""
    profile = validate(Profile, fields)
    ranking = engine.rank(profile)
    return [
        (r.role_id, r.score, r.band, timeline(engine, r, profile.hours_per_week))
        for r in shown_roles(ranking.results, n)
    ]


def top_full(engine: Engine, n: int = 3, **fields: Any) -> list[dict[str, Any]]:
    """The engine's top n as batch's JSONL writes them (without the name)."""
    profile = validate(Profile, fields)
    ranking = engine.rank(profile)
    return [
        {
            "role": r.role_id,
            "score": r.score,
            "band": r.band,
            "timeline": timeline(engine, r, profile.hours_per_week),
            "fit": r.fit,
            "readiness": r.readiness.score,
            "status": "now" if r.ready else "later",
        }
        for r in shown_roles(ranking.results, n)
    ]


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def jsonl_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- good runs -----------------------------------------------------------------------------


def test_csv_to_csv_gives_one_row_per_input_row_in_order(
    cli: Cli, tmp_path: Path, engine: Engine
) -> None:
    src = write(
        tmp_path / "cohort.csv",
        HEADER
        + "ana,backend-engineer,5,agents;infrastructure,scale-up,,europe\n"
        + ",student,0,research,,,\n"
        + "cy,nurse,3,agents,,,\n",
    )
    out = tmp_path / "results.csv"

    result = cli("batch", str(src), "--out", str(out))

    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"3 rows: 2 scored, 1 with errors -> {out}\n"
    rows = csv_rows(out)
    assert ",".join(rows[0]) == CSV_OUT_HEADER
    assert [r[:2] for r in rows[1:]] == [["ana", "true"], ["2", "true"], ["cy", "false"]]
    expected = top(
        engine,
        background="backend-engineer",
        years=5,
        interests=["agents", "infrastructure"],
        company="scale-up",
        region="europe",
    )
    assert rows[1][2:14] == [str(x if x is not None else "") for rec in expected for x in rec]
    assert rows[1][14] == ""
    expected = top(engine, background="student", years=0, interests=["research"])
    assert len(expected) == 1  # one role fits what the student wants: the others stay blank
    cells = [str(x if x is not None else "") for rec in expected for x in rec]
    assert rows[2][2:14] == cells + [""] * 8
    assert rows[3][2:14] == [""] * 12
    assert rows[3][14].startswith('background: "nurse" is not one of the choices')
    assert rows[3][14].endswith(", student, other-non-technical)")
    assert leftovers(tmp_path) == []


def test_jsonl_to_jsonl(cli: Cli, tmp_path: Path, engine: Engine, dataset: data.Dataset) -> None:
    src = write(
        tmp_path / "cohort.jsonl",
        '{"id": "p-1", "background": "data-scientist", "years": 4, '
        '"interests": ["evaluation-safety"]}\n'
        '{"background": "architect", "years": 12, "interests": ["systems-design"], '
        '"company": "enterprise"}\n'
        '{"id": 77, "background": "student", "years": 1, '
        '"interests": ["agents", "bogus"]}\n',
    )
    out = tmp_path / "out.jsonl"

    result = cli("batch", str(src), "--out", str(out))

    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"3 rows: 2 scored, 1 with errors -> {out}\n"
    rows = jsonl_rows(out)
    assert [r["id"] for r in rows] == ["p-1", 2, 77]
    assert [r["ok"] for r in rows] == [True, True, False]
    want = top_full(engine, background="data-scientist", years=4, interests=["evaluation-safety"])
    assert rows[0]["recommendations"] == [
        {"name": dataset.roles[w["role"]].name, **w} for w in want
    ]
    assert list(rows[0]["recommendations"][0])[:5] == ["role", "name", "score", "band", "timeline"]
    assert list(rows[0]) == ["id", "ok", "recommendations", "no_clear_fit"]
    assert rows[2] == {
        "id": 77,
        "ok": False,
        "error": f'interests[1]: "bogus" is not one of the choices {INTEREST_CHOICES}',
    }


def test_empty_optional_cells_mean_the_defaults(cli: Cli, tmp_path: Path) -> None:
    src = write(
        tmp_path / "in.csv",
        HEADER
        + "a,backend-engineer,5,agents,,,\n"
        + "b,backend-engineer,5,agents,any,professional,us\n",
    )
    out = tmp_path / "out.csv"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    rows = csv_rows(out)
    assert rows[1][1:] == rows[2][1:]


def test_columns_may_come_in_any_order_and_id_is_optional(
    cli: Cli, tmp_path: Path, engine: Engine
) -> None:
    src = write(
        tmp_path / "in.csv",
        "interests,years,background\n"
        "agents ; building-products;,5,backend-engineer\n\n"
        "research,2,researcher\n",
    )
    out = tmp_path / "out.jsonl"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    rows = jsonl_rows(out)
    assert [r["id"] for r in rows] == [1, 2]  # the blank line is not a row
    want = top(
        engine, background="backend-engineer", years=5, interests=["agents", "building-products"]
    )
    assert [(r["role"], r["score"]) for r in rows[0]["recommendations"]] == [
        (role, score) for role, score, _, _ in want
    ]


@pytest.mark.parametrize("n", [1, 5])
def test_top_sets_the_number_of_roles(cli: Cli, tmp_path: Path, engine: Engine, n: int) -> None:
    """At most n roles, and only roles that match what the person wants (as the quiz)."""
    src = write(
        tmp_path / "in.csv", HEADER + "a,backend-engineer,5,agents,,,\nb,student,x,agents,,,\n"
    )
    out_csv, out_jsonl = tmp_path / "out.csv", tmp_path / "out.jsonl"
    assert cli("batch", str(src), "--out", str(out_csv), "--top", str(n)).exit_code == 0
    assert cli("batch", str(src), "--out", str(out_jsonl), "--top", str(n)).exit_code == 0
    rows = csv_rows(out_csv)
    assert rows[0][-5:] == [f"role_{n}", f"score_{n}", f"band_{n}", f"timeline_{n}", "error"]
    assert all(len(r) == 3 + 4 * n for r in rows)
    want = top(engine, n, background="backend-engineer", years=5, interests=["agents"])
    assert 1 <= len(want) <= n
    assert [r["role"] for r in jsonl_rows(out_jsonl)[0]["recommendations"]] == [w[0] for w in want]


def test_top_zero_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", HEADER)
    assert cli("batch", str(src), "--out", str(tmp_path / "o.csv"), "--top", "0").exit_code == 2


def test_results_match_quiz_answers_json(cli: Cli, tmp_path: Path) -> None:
    """The same profile through batch and through `quiz --answers --json`: the same roles
    recommended, with the same scores, bands and times. That includes a person with one
    matching role (no unrelated role fills the other places) and a person with no clear
    fit (the nearest roles, or none)."""
    profiles = [
        {"background": "backend-engineer", "years": 5, "interests": ["agents", "infrastructure"]},
        {"background": "student", "years": 0, "interests": ["research"], "region": "europe"},
        {
            "background": "product-manager",
            "years": 8,
            "interests": ["product-management"],
            "company": "enterprise",
            "coding": "none",
        },
        {
            "background": "ml-engineer",
            "years": 3,
            "interests": ["model-training", "research"],
            "company": "ai-lab",
        },
        {
            "background": "domain-expert",
            "years": 15,
            "interests": ["evaluation-safety"],
            "coding": "basic",
            "region": "other",
        },
        {
            "background": "student",
            "years": 0,
            "interests": ["research"],
            "company": "ai-lab",
            "coding": "basic",
            "skills": ["python"],
            "hours_per_week": 6,
        },
        {
            "background": "other-non-technical",
            "years": 2,
            "interests": ["infrastructure"],
            "coding": "none",
        },
        {"background": "technical-writer", "years": 6, "interests": ["systems-design"]},
    ]
    src = write(tmp_path / "in.jsonl", "".join(json.dumps(p) + "\n" for p in profiles))
    out = tmp_path / "out.jsonl"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    got = jsonl_rows(out)
    lengths = set()
    for i, profile in enumerate(profiles):
        answers = tmp_path / f"a{i}.toml"
        answers.write_text("".join(f"{k} = {json.dumps(v)}\n" for k, v in profile.items()), "utf-8")
        quiz = cli("quiz", "--answers", str(answers), "--json")
        assert quiz.exit_code == 0, quiz.stderr
        doc = json.loads(quiz.stdout)
        want = [(r["role"], r["score"], r["band"], r["timeline"]) for r in doc["recommendations"]]
        assert [
            (r["role"], r["score"], r["band"], r["timeline"]) for r in got[i]["recommendations"]
        ] == want, profile
        assert got[i]["no_clear_fit"] == doc["no_clear_fit"], profile
        lengths.add(len(want))
    assert {0, 1, 3} <= lengths  # none, one and three roles recommended are all covered


def test_bad_jsonl_lines_are_error_rows(cli: Cli, tmp_path: Path) -> None:
    good = '{"background": "student", "years": 1, "interests": ["agents"]}'
    src = write(
        tmp_path / "in.jsonl",
        "\n".join(
            [
                good,
                '{"background": "student", "years": ',
                "[1, 2]",
                '{"background": "student", "years": 1, "interests": ["agents"], "colour": "red"}',
                '{"background": "student", "years": 61, "interests": []}',
                good,
            ]
        )
        + "\n",
    )
    out = tmp_path / "out.jsonl"

    result = cli("batch", str(src), "--out", str(out))

    assert result.exit_code == 0
    assert result.stderr == f"6 rows: 2 scored, 4 with errors -> {out}\n"
    rows = jsonl_rows(out)
    assert [(r["id"], r["ok"]) for r in rows] == [
        (1, True),
        (2, False),
        (3, False),
        (4, False),
        (5, False),
        (6, True),
    ]
    assert rows[1]["error"] == "not valid JSON: Expecting value (at the end of the line)"
    assert rows[2]["error"] == "expected a JSON object with the profile's fields, got a list"
    assert rows[3]["error"] == (
        "colour is not an answers-file key (the keys are: background, years, "
        "interests, company, coding, region, skills, hours_per_week, followups, not_for_me)"
    )
    assert rows[4]["error"].startswith("years must be a whole number from 0 to 60, got 61")
    assert "; interests: pick at least one" in rows[4]["error"]
    assert rows[0]["recommendations"] == rows[5]["recommendations"]


def test_bad_csv_cells_are_error_rows(cli: Cli, tmp_path: Path) -> None:
    src = write(
        tmp_path / "in.csv",
        HEADER
        + "a,student,5.5,agents,,,\n"
        + "b,student,1,,,,\n"
        + "c,student,1,agents;agents,,,\n"
        + "d,student,1,agents,,,,extra\n"
        + "e,student,1,agents,,sometimes,\n",
    )
    out = tmp_path / "out.csv"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    errors = {r[0]: r[-1] for r in csv_rows(out)[1:]}
    assert errors["a"] == 'years must be a whole number from 0 to 60, got "5.5"'
    assert errors["b"] == (
        "interests is missing; it is a list of one or more of: " + ", ".join(INTERESTS)
    )
    assert errors["c"] == "interests lists an interest twice"
    assert errors["d"] == "row has 8 cells, the header has 7"
    assert errors["e"] == (
        'coding: "sometimes" is not one of the choices (the choices are: none, basic, professional)'
    )


def test_a_line_that_is_not_utf8_is_an_error_row(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "in.ndjson"
    src.write_bytes(
        b'{"background": "student", "years": 1, "interests": ["agents"], '
        b'"id": "\xff"}\n'
        b'{"id": "\xc3\xa9", "background": "student", "years": 1, '
        b'"interests": ["agents"]}\n'
    )
    out = tmp_path / "out.jsonl"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    rows = jsonl_rows(out)
    assert rows[0] == {"id": 1, "ok": False, "error": "not UTF-8 text; save the file as UTF-8"}
    assert (rows[1]["id"], rows[1]["ok"]) == ("\u00e9", True)
    assert '"id": "\u00e9"' in out.read_text("utf-8")  # written as UTF-8, not escaped


def test_csv_with_byte_order_mark(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"\xef\xbb\xbf" + (HEADER + "a,student,1,agents,,,\n").encode())
    out = tmp_path / "out.csv"
    result = cli("batch", str(src), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert csv_rows(out)[1][:2] == ["a", "true"]


# --- refused up front: nothing is written ---------------------------------------------------


def test_unknown_csv_column_is_refused(cli: Cli, tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", "id,background,years,intrests\na,student,1,agents\n")
    out = tmp_path / "out.csv"

    result = cli("batch", str(src), "--out", str(out))

    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {src}: unknown column 'intrests' (did you mean 'interests'?); valid columns: "
        "id, background, years, interests, company, coding, region, skills, hours_per_week\n"
        f"error: {src}: missing column(s): interests; required: background, years, interests\n"
    )
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_missing_input_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("batch", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "out.csv"))
    assert result.exit_code == 4
    assert result.stderr == f"error: {tmp_path / 'nope.csv'}: file not found\n"


def test_empty_csv_is_refused(cli: Cli, tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", "")
    result = cli("batch", str(src), "--out", str(tmp_path / "out.csv"))
    assert result.exit_code == 4
    assert "empty file; expected a header row" in result.stderr


@pytest.mark.parametrize(
    ("inp", "out", "named"),
    [
        ("in.txt", "out.csv", "input"),
        ("in.csv", "out.xlsx", "output"),
        ("in.csv", "out", "output"),
    ],
)
def test_unknown_extension_is_a_usage_error(
    cli: Cli, tmp_path: Path, inp: str, out: str, named: str
) -> None:
    write(tmp_path / inp, HEADER)
    result = cli("batch", str(tmp_path / inp), "--out", str(tmp_path / out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {named} ")
    assert result.stderr.endswith("; expected one of: .csv, .jsonl, .ndjson\n")
    assert not (tmp_path / out).exists()


def test_output_may_not_replace_the_input(cli: Cli, tmp_path: Path) -> None:
    src = write(
        tmp_path / "in.jsonl", '{"background": "student", "years": 1, "interests": ["agents"]}\n'
    )
    result = cli("batch", str(src), "--out", str(src))
    assert result.exit_code == 2
    assert "would replace the input" in result.stderr


# --- the output file is whole or absent ------------------------------------------------------


class Boom(Exception):
    pass


@pytest.mark.parametrize(
    ("raised", "code"),
    [
        (KeyboardInterrupt, 130),
        (OSError(28, "No space left on device"), 7),
    ],
)
def test_a_run_that_fails_midway_leaves_the_old_output(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: BaseException, code: int
) -> None:
    lines = "".join(
        f'{{"background": "student", "years": {i % 60}, "interests": ["agents"]}}\n'
        for i in range(10000)
    )
    src = write(tmp_path / "in.jsonl", lines)
    out = write(tmp_path / "out.jsonl", '{"id": 1, "ok": false, "error": "previous"}\n')
    written = 0
    real = batch._Scorer.result

    def failing(*args: Any) -> Any:  # the 50th distinct profile fails
        nonlocal written
        written += 1
        if written == 50:
            raise raised
        return real(*args)

    monkeypatch.setattr(batch._Scorer, "result", failing)
    monkeypatch.setattr(batch, "FLUSH_EVERY", 16)  # some rows are on disk when it fails

    result = cli("batch", str(src), "--out", str(out), "--force")

    assert result.exit_code == code
    assert out.read_text("utf-8") == '{"id": 1, "ok": false, "error": "previous"}\n'
    assert leftovers(tmp_path) == []
    if code == 7:
        assert result.stderr == f"error: {out}: cannot write: No space left on device\n"


def test_no_output_file_when_the_run_fails_before_the_end(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write(tmp_path / "in.csv", HEADER + "a,student,1,agents,,,\n" * 10)
    out = tmp_path / "new" / "out.csv"

    def boom(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Cohort, "fields", boom)
    result = cli("batch", str(src), "--out", str(out))
    assert result.exit_code == 130
    assert list(out.parent.iterdir()) == []


# --- the core, directly ----------------------------------------------------------------------


def test_run_calls_progress_and_counts(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Progress comes after each block read (here 16 KiB) and at the end: rows done so far
    and bytes read so far, both only growing, ending at every row and every byte."""
    from aicareer.batch import read as batch_read

    line = '{"background": "student", "years": 1, "interests": ["agents"]}\n'
    src = write(tmp_path / "in.jsonl", line * 2500 + "oops\n")
    monkeypatch.setattr(batch_read, "_CHUNK", 1 << 14)
    seen: list[tuple[int, int]] = []
    with batch.open_input(src) as found:
        summary = batch.run(
            engine, {}, found, tmp_path / "o.csv", progress=lambda r, b: seen.append((r, b))
        )
    size = src.stat().st_size
    assert len(seen) >= size // (1 << 14)
    assert seen == sorted(seen)
    assert seen[-1] == (2501, size)
    assert seen[0][0] == (1 << 14) // len(line)  # whole rows of the first read
    assert (summary.rows, summary.scored, summary.errors) == (2501, 2500, 1)
    assert summary.line() == f"2,501 rows: 2,500 scored, 1 with errors -> {tmp_path / 'o.csv'}"


def test_summary_line_singular() -> None:
    assert batch.Summary(1, 0, 1, Path("o.csv")).line() == "1 row: 0 scored, 1 with errors -> o.csv"


def test_no_progress_when_stderr_is_piped(cli: Cli, tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", HEADER + "a,student,1,agents,,,\n" * 3000)
    result = cli("batch", str(src), "--out", str(tmp_path / "o.csv"))
    assert result.stderr == f"3,000 rows: 3,000 scored, 0 with errors -> {tmp_path / 'o.csv'}\n"


def test_csv_reads_skills_as_a_list_and_hours_as_a_number(cli: Cli, tmp_path: Path) -> None:
    src = write(
        tmp_path / "in.csv",
        "id,background,years,interests,skills,hours_per_week\n"
        "a,backend-engineer,5,agents,python;async-python,8\n"
        "b,backend-engineer,5,agents,python,lots\n",
    )
    out = tmp_path / "out.csv"
    result = cli("batch", str(src), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(out)
    assert rows[1][:3] == ["a", "true", "ai-agent-engineer"]
    assert rows[2][:2] == ["b", "false"] and "hours_per_week" in rows[2][-1]


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_rows_with_skills_and_hours_take_the_fast_path(
    cli: Cli, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """skills and hours_per_week are documented batch fields: msgspec checks them, so a
    well-formed row that has them never goes to pydantic."""
    if suffix == "jsonl":
        row = {
            "background": "backend-engineer",
            "years": 5,
            "interests": ["agents"],
            "skills": ["python", "async-python"],
            "hours_per_week": 8,
        }
        text = json.dumps(row) + "\n"
    else:
        text = "background,years,interests,skills,hours_per_week\n"
        text += "backend-engineer,5,agents,python;async-python,8\n"
    src = tmp_path / f"in.{suffix}"
    src.write_text(text)

    def slow(*args: object) -> None:
        raise AssertionError("a well-formed row went to pydantic")

    monkeypatch.setattr(batch._Scorer, "slow", slow)
    result = cli("batch", str(src), "--out", str(tmp_path / f"out.{suffix}"))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("parts", "results"), [(2, 3), (7, 8), (1 << 16, 2), (1 << 16, 5)])
def test_memos_that_fill_and_start_over_never_change_a_row(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch, parts: int, results: int
) -> None:
    """The cohort ranker's memos are bounded (memory stays flat): when a part memo fills,
    all start over together, between two people; when the results fill, only they do.
    With tiny bounds they start over every few rows, and every row still equals the
    model's own answer (with skills, pace and company)."""
    from aicareer.batch import cohort

    monkeypatch.setattr(cohort, "PART_LIMIT", parts)
    monkeypatch.setattr(cohort, "RESULT_LIMIT", results)
    monkeypatch.setattr(batch, "_MEMO_LIMIT", 1)
    profiles = [
        {
            "background": bg,
            "years": years,
            "interests": interests,
            "company": company,
            "skills": skills,
            "hours_per_week": hours,
        }
        for bg, years, interests, company, skills, hours in [
            ("backend-engineer", 5, ["agents", "reliability"], "enterprise", [], None),
            ("student", 0, ["research", "model-training"], "ai-lab", [], 6),
            ("product-manager", 8, ["product-management"], "early-startup", [], None),
            ("data-scientist", 3, ["evaluation-safety"], "any", ["python"], 20),
            ("architect", 12, ["systems-design", "reliability"], "enterprise", [], None),
            ("ml-engineer", 2, ["agents"], "early-startup", ["python", "async-python"], 10),
            ("technical-writer", 1, ["prompting"], "any", [], None),
        ]
    ]
    rows = (profiles * 3)[::-1] + profiles
    src = write(tmp_path / "in.jsonl", "".join(json.dumps(p) + "\n" for p in rows))
    out = tmp_path / "out.jsonl"
    with batch.open_input(src) as found:
        batch.run(engine, {}, found, out)
    got = jsonl_rows(out)
    assert len(got) == len(rows)
    for row, p in zip(got, rows, strict=True):
        want = top_full(engine, **p)
        assert [{k: v for k, v in r.items() if k != "name"} for r in row["recommendations"]] == want


def test_a_demand_rank_up_to_the_data_limit_ranks_as_the_model_does(
    tmp_path: Path, make_data_dir: Any
) -> None:
    """A coach may give demand ranks up to 1000 (matrix.toml): the cohort ranker makes room
    for them, and the order still follows the model (demand breaks ties)."""
    folder = make_data_dir()
    matrix = folder / "matrix.toml"
    text = matrix.read_text("utf-8")
    for rank in range(1, 13):
        text = text.replace(f"\ndemand_rank = {rank}\n", f"\ndemand_rank = {1000 - rank}\n")
    matrix.write_text(text, "utf-8")
    ds = data.load(folder)
    engine = engine_of(ds)
    rows = [
        {"background": "backend-engineer", "years": 5, "interests": ["agents", "reliability"]},
        {"background": "student", "years": 0, "interests": ["prompting"], "coding": "none"},
        {"background": "data-scientist", "years": 4, "interests": ["evaluation-safety"]},
    ]
    src = write(tmp_path / "in.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.jsonl"
    with batch.open_input(src) as found:
        batch.run(engine, {}, found, out)
    for row, p in zip(jsonl_rows(out), rows, strict=True):
        want = top_full(engine, **p)
        assert [{k: v for k, v in r.items() if k != "name"} for r in row["recommendations"]] == want


def test_suits_rules_that_read_company_and_coding_rank_as_the_model_does(
    tmp_path: Path, make_data_dir: Any
) -> None:
    """A coach may write a "who it suits" rule on any answer: one on company and coding
    (which the shipped data never uses) still ranks every row as the model does, because
    the cohort ranker remembers such rules by what they read."""
    folder = make_data_dir()
    matrix = folder / "matrix.toml"
    when = (
        'when = { all = [ { field = "company", op = "equals", value = "ai-lab" }, '
        '{ field = "coding", op = "equals", value = "professional" } ] }'
    )
    rule = f"""
[[suits]]
id = "coders-at-labs"
{when}
weights = {{ llm-engineer = 40, ai-product-manager = -40 }}
reason = "A test rule."
source = "roles-guide"
"""
    matrix.write_text(matrix.read_text("utf-8") + rule, "utf-8")
    engine = engine_of(data.load(folder))
    rows = [
        {"background": bg, "years": 4, "interests": ["research", "product-management"]}
        | ({"company": company} if company else {})
        | ({"coding": coding} if coding else {})
        for bg in ("data-scientist", "product-manager")
        for company in ("ai-lab", "enterprise", None)
        for coding in ("professional", "basic", None)
    ]
    src = write(tmp_path / "in.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.jsonl"
    with batch.open_input(src) as found:
        batch.run(engine, {}, found, out)
    got = jsonl_rows(out)
    for row, p in zip(got, rows, strict=True):
        want = top_full(engine, **p)
        assert [{k: v for k, v in r.items() if k != "name"} for r in row["recommendations"]] == want
    assert len({json.dumps(r["recommendations"]) for r in got}) > 4  # the rule made a difference


def test_a_byte_order_mark_is_not_part_of_the_first_row(
    engine: Engine, tmp_path: Path, cli: Cli
) -> None:
    """Excel's "CSV UTF-8" and Notepad start a file with a byte order mark: the first row
    of a JSONL file is scored like the others (it was an error row, "not valid JSON"), a
    JSONL stream with one is still recognised as JSONL, and a CSV header still reads."""
    row = '{"background": "student", "years": 1, "interests": ["agents"]}\n'
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + (row * 3).encode())
    with batch.open_input(src) as found:
        summary = batch.run(engine, {}, found, tmp_path / "o.jsonl")
    assert (summary.rows, summary.errors) == (3, 0)
    assert [r["id"] for r in jsonl_rows(tmp_path / "o.jsonl")] == [1, 2, 3]
    piped = cli("batch", "-", "--out", "-", input=b"\xef\xbb\xbf" + row.encode())
    assert piped.exit_code == 0, piped.stderr
    assert json.loads(piped.stdout)["ok"] is True
    csv_src = write(tmp_path / "in.csv", "\ufeffbackground,years,interests\nstudent,1,agents\n")
    done = cli("batch", str(csv_src), "--out", str(tmp_path / "o.csv"))
    assert done.exit_code == 0, done.stderr
    assert done.stderr == f"1 row: 1 scored, 0 with errors -> {tmp_path / 'o.csv'}\n"
