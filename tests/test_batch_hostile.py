"""`aicareer batch` against hostile input and faults (issue #13's batch items).

Each bad row becomes an error row in its place and the rest is scored; the output is
always valid UTF-8 and valid JSON per line (or valid CSV, safe to open in a spreadsheet);
streams and FIFOs are read once; SIGTERM leaves no temp file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, get_args

import pytest
from clirun import Cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from aicareer.batch import run as batch
from aicareer.records.models import Profile, validate
from aicareer.records.vocab import BACKGROUNDS, INTERESTS, SKILLS, Coding, Company, Region

VOCAB = (*BACKGROUNDS, *INTERESTS, *get_args(Company), *get_args(Coding), *get_args(Region))

GOOD = '{"id": "ok-%d", "background": "student", "years": 1, "interests": ["agents"]}'
HEADER = "id,background,years,interests,company,coding,region\n"


def strict_json(text: str) -> Any:
    """json.loads, but NaN and Infinity (which Python's json accepts) are invalid JSON."""

    def refuse(name: str) -> None:
        raise ValueError(f"invalid JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


def results(path: Path) -> list[dict[str, Any]]:
    """Every output line, each checked to be strict JSON; the file must be strict UTF-8."""
    text = path.read_bytes().decode("utf-8")
    assert text.endswith("\n")
    return [strict_json(line) for line in text.split("\n")[:-1]]


def sandwich(tmp_path: Path, bad: str | bytes, suffix: str = ".jsonl") -> Path:
    """A good row, the bad one, a good row."""
    raw = bad if isinstance(bad, bytes) else bad.encode("utf-8", "surrogatepass")
    src = tmp_path / f"in{suffix}"
    src.write_bytes((GOOD % 1).encode() + b"\n" + raw + b"\n" + (GOOD % 3).encode() + b"\n")
    return src


def check_sandwich(cli: Cli, tmp_path: Path, bad: str | bytes) -> dict[str, Any]:
    src = sandwich(tmp_path, bad)
    out = tmp_path / "out.jsonl"
    result = cli("batch", str(src), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"3 rows: 2 scored, 1 with errors -> {out}\n"
    rows = results(out)
    assert [(r["id"], r["ok"]) for r in rows] == [("ok-1", True), (2, False), ("ok-3", True)]
    return rows[1]


# --- one bad row is one error row --------------------------------------------------------------


def test_years_with_5000_digits_jsonl(cli: Cli, tmp_path: Path) -> None:
    row = check_sandwich(
        cli,
        tmp_path,
        '{"background": "student", "years": ' + "9" * 5000 + ', "interests": ["agents"]}',
    )
    assert row["error"] == "not valid JSON: a number has more than 4,300 digits"


def test_years_with_5000_digits_csv(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "a,student,1,agents,,,\nb,student," + "9" * 5000 + ",agents,,,\n")
    out = tmp_path / "out.csv"
    result = cli("batch", str(src), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert [r[:2] for r in rows[1:]] == [["a", "true"], ["b", "false"]]
    # the figure, shortened: a whole row of 5000 digits would say nothing more
    assert rows[2][-1] == 'years must be a whole number from 0 to 60, got "' + "9" * 37 + '..."'


def test_an_id_nested_10000_levels_deep(cli: Cli, tmp_path: Path) -> None:
    deep = "[" * 10_000 + "]" * 10_000
    row = check_sandwich(
        cli,
        tmp_path,
        '{"id": ' + deep + ', "background": "student", "years": 1, "interests": ["agents"]}',
    )
    assert row["error"] == "not valid JSON: nested too deeply"


def test_a_lone_surrogate_in_the_id_is_kept_as_a_json_escape(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "x\\ud800", "background": "student", "years": 1, "interests": ["agents"]}\n'
    )
    out = tmp_path / "out.jsonl"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    assert '"id": "x\\ud800"' in out.read_text("utf-8")
    assert results(out)[0]["id"] == "x\ud800"  # round-trips
    out_csv = tmp_path / "out.csv"
    assert cli("batch", str(src), "--out", str(out_csv)).exit_code == 0
    assert out_csv.read_text("utf-8").splitlines()[1].startswith("x?,true,")


def test_a_lone_surrogate_in_a_value_is_an_error_row(cli: Cli, tmp_path: Path) -> None:
    row = check_sandwich(
        cli, tmp_path, '{"background": "stu\\udc80", "years": 1, "interests": ["agents"]}'
    )
    assert row["error"].startswith(
        "background: Input should be a valid string, unable to parse raw data as a unicode "
        "string (got 'stu\\udc80')"
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_nan_and_infinity_ids_never_make_invalid_json(
    cli: Cli, tmp_path: Path, constant: str
) -> None:
    row = check_sandwich(
        cli,
        tmp_path,
        '{"id": ' + constant + ', "background": "student", "years": 1, "interests": ["agents"]}',
    )
    assert row["error"].startswith("not valid JSON: ")


def test_a_jsonl_line_over_the_row_limit(cli: Cli, tmp_path: Path) -> None:
    huge = '{"id": "' + "x" * (batch.ROW_LIMIT + 10) + '"}'
    row = check_sandwich(cli, tmp_path, huge)
    assert row["error"] == (
        "row is longer than 65,536 bytes, the limit for one row; it was skipped"
    )


def test_a_jsonl_line_at_the_row_limit_is_read(cli: Cli, tmp_path: Path) -> None:
    line = '{"id": "", "background": "student", "years": 1, "interests": ["agents"]}'
    line = line.replace('""', '"' + "x" * (batch.ROW_LIMIT - len(line)) + '"')
    assert len(line) == batch.ROW_LIMIT
    src = tmp_path / "in.jsonl"
    src.write_text(line + "\n")
    out = tmp_path / "out.jsonl"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    assert results(out)[0]["ok"] is True


@pytest.mark.parametrize("quoted", [False, True])
def test_a_csv_cell_over_128_kib(cli: Cli, tmp_path: Path, quoted: bool) -> None:
    cell = "x" * (128 * 1024 + 1)
    if quoted:
        cell = f'"{cell}"'
    src = tmp_path / "in.csv"
    src.write_text(
        HEADER
        + "a,student,1,agents,,,\n"
        + f"{cell},student,1,agents,,,\n"
        + "c,student,1,agents,,,\n"
    )
    out = tmp_path / "out.csv"
    result = cli("batch", str(src), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert [r[:2] for r in rows[1:]] == [["a", "true"], ["2", "false"], ["c", "true"]]
    assert rows[2][-1] == "row is longer than 65,536 bytes, the limit for one row; it was skipped"


def test_a_csv_cell_over_the_limit_across_lines(cli: Cli, tmp_path: Path) -> None:
    """A quoted cell made of many short lines hits the limit too: one error row in its place,
    and the rows after it are read as usual."""
    cell = '"' + ("y" * 1000 + "\n") * 70 + '"'
    src = tmp_path / "in.csv"
    src.write_text(
        HEADER
        + f"{cell},student,1,agents,,,\n"
        + "b,student,1,agents,,,\n" * 2
        + "c,student,1,agents,,,\n"
    )
    out = tmp_path / "out.csv"
    result = cli("batch", str(src), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert [r[:2] for r in rows[1:]] == [
        ["1", "false"],
        ["b", "true"],
        ["b", "true"],
        ["c", "true"],
    ]
    assert rows[1][-1] == "row is longer than 65,536 bytes, the limit for one row; it was skipped"


# --- spreadsheet-safe CSV ----------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_get_a_quote(
    cli: Cli, tmp_path: Path, start: str
) -> None:
    ident = start + 'HYPERLINK("http://x","y")'
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": ident, "background": "student", "years": 1, "interests": ["agents"]})
        + "\n"
        + json.dumps({"id": ident, "background": "student", "years": 99, "interests": ["x"]})
        + "\n"
    )
    out = tmp_path / "out.csv"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert [r[0] for r in rows[1:]] == ["'" + ident, "'" + ident]
    assert [r[1] for r in rows[1:]] == ["true", "false"]


def test_csv_cell_escaping() -> None:
    assert batch.csv_cell("=1+2") == "'=1+2"
    assert batch.csv_cell("a,b") == '"a,b"'
    assert batch.csv_cell('-"x"') == '"\'-""x"""'
    assert batch.csv_cell("plain") == "plain"
    assert batch.csv_cell(7) == "7"
    assert batch.csv_cell(None) == ""


# --- streams: read once -----------------------------------------------------------------------


def test_stdin_to_stdout(cli: Cli, tmp_path: Path) -> None:
    lines = "\n".join(GOOD % i for i in range(3)) + "\n"
    result = cli("batch", "-", "--out", "-", input=lines)
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in map(strict_json, result.stdout.splitlines())] == [
        "ok-0",
        "ok-1",
        "ok-2",
    ]
    assert result.stderr == "3 rows: 3 scored, 0 with errors -> stdout\n"


def test_csv_on_stdin_is_recognised(cli: Cli, tmp_path: Path) -> None:
    result = cli("batch", "-", "--out", "-", input=HEADER + "a,student,1,agents,,,\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("a,true,")


def test_stdin_with_a_bad_csv_header(cli: Cli, tmp_path: Path) -> None:
    result = cli("batch", "-", "--out", str(tmp_path / "o.csv"), input="name,age\n")
    assert result.exit_code == 4
    assert result.stderr.startswith("error: stdin: unknown column 'name'")


def _subprocess_env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "AICAREER_HOME": str(tmp_path / "home")}
    env.pop("AICAREER_DATA_DIR", None)
    return env


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("name", ["cohort.jsonl", "cohort"])
def test_a_fifo_as_input_does_not_hang(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"

    def feed() -> None:
        with fifo.open("w") as fh:
            for i in range(5):
                fh.write(GOOD % i + "\n")

    writer = threading.Thread(target=feed)
    writer.start()
    proc = subprocess.run(
        [sys.executable, "-m", "aicareer", "batch", str(fifo), "--out", str(out)],
        capture_output=True,
        text=True,
        env=_subprocess_env(tmp_path),
        timeout=60,
    )
    writer.join(timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in results(out)] == [f"ok-{i}" for i in range(5)]


# --- output options ----------------------------------------------------------------------------


def test_json_summary_on_stdout(cli: Cli, tmp_path: Path) -> None:
    src = sandwich(tmp_path, "oops")
    out = tmp_path / "out.jsonl"
    result = cli("batch", str(src), "--out", str(out), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"rows": 3, "scored": 2, "errors": 1, "out": str(out)}
    assert result.stderr == ""


def test_json_summary_and_results_on_stdout_is_a_usage_error(cli: Cli) -> None:
    result = cli("batch", "-", "--out", "-", "--json", input="")
    assert result.exit_code == 2
    assert "--json prints the summary on stdout" in result.stderr


@pytest.mark.parametrize("content", ["my notes\n", "id,name\n1,x\n"])
def test_a_file_that_aicareer_did_not_write_needs_force(
    cli: Cli, tmp_path: Path, content: str
) -> None:
    src = sandwich(tmp_path, "oops")
    out = tmp_path / "notes.csv"
    out.write_text(content)
    result = cli("batch", str(src), "--out", str(out))
    assert result.exit_code == 7
    assert result.stderr == (
        f"error: {out}: exists and was not written by aicareer; not replacing it "
        "(use --force to replace it)\n"
    )
    assert out.read_text() == content
    assert cli("batch", str(src), "--out", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("id,ok,role_1,")


def test_an_earlier_output_is_replaced_without_force(cli: Cli, tmp_path: Path) -> None:
    src = sandwich(tmp_path, "oops")
    out = tmp_path / "out.csv"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert cli("batch", str(src), "--out", str(empty)).exit_code == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aicareer.cli.commands import batch as command

    fake = _Terminal()
    monkeypatch.setattr("sys.stderr", fake)
    with command._progress(1000) as update:
        assert update is not None
        update(4096, 500)
    shown = fake.getvalue()
    assert "4,096 rows" in shown
    assert "50%" in shown
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with command._progress(1000) as update:
        assert update is None


# --- SIGTERM -----------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_mid_run_leaves_no_temp_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    with src.open("w") as fh:
        for i in range(400_000):
            fh.write(
                f'{{"id": {i}, "background": "student", "years": {i % 61}, '
                f'"interests": ["agents"]}}\n'
            )
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "aicareer", "batch", str(src), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_subprocess_env(tmp_path),
    )
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in out_dir.iterdir()):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert b"Traceback" not in err
    assert list(out_dir.iterdir()) == []


# --- properties --------------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
field_values = st.one_of(
    json_values,
    st.sampled_from(VOCAB),
    st.integers(-2, 70),
    st.lists(st.sampled_from(INTERESTS), max_size=4),
)
profile_like = st.dictionaries(
    st.sampled_from(["id", *batch.FIELDS, "colour"]), field_values, max_size=8
)


def _line(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8", "surrogatepass")


jsonl_lines = st.one_of(
    profile_like.map(_line),
    json_values.map(_line),
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" ")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(jsonl_lines, min_size=1, max_size=8))
def test_random_jsonl_one_output_row_per_input_row(cli: Cli, lines: list[bytes]) -> None:
    data = b"\n".join(lines) + b"\n"
    expected = sum(1 for line in lines if line.strip())
    result = cli("batch", "-", "--out", "-", input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if expected == 0:
        assert result.exit_code == 0
        assert result.stdout == ""
        return
    assert result.exit_code == 0 or (
        result.exit_code == 4 and not lines[0].lstrip().startswith(b"{")
    ), result.stderr
    if result.exit_code == 4:  # sniffed as CSV: a header error, one line, no traceback
        assert result.stderr.startswith("error: stdin: ")
        assert "Traceback" not in result.stderr
        return
    out = result.stdout_bytes.decode("utf-8").split("\n")
    assert out.pop() == ""
    assert len(out) == expected
    for row in map(strict_json, out):
        assert set(row) in ({"id", "ok", "recommendations"}, {"id", "ok", "error"})


@settings(max_examples=300, deadline=None)
@given(raw=profile_like)
def test_the_fast_path_accepts_only_what_pydantic_accepts(raw: dict[str, Any]) -> None:
    raw.pop("id", None)
    try:
        fast = batch.msgspec.convert(raw, batch._Row)
    except batch.msgspec.ValidationError:
        return
    profile = validate(Profile, raw)  # raises if the fast path was too lenient
    assert batch._key(fast) == batch._key_of(profile)


@pytest.mark.parametrize(
    "raw",
    [
        {"background": "student", "years": 60, "interests": ["agents"]},
        {"background": "student", "years": 0, "interests": ["agents"], "coding": None},
    ],
)
def test_the_fast_path_accepts_the_edges(raw: dict[str, Any]) -> None:
    assert batch._key(batch.msgspec.convert(raw, batch._Row)) == batch._key_of(
        validate(Profile, raw)
    )


@pytest.mark.parametrize(
    "raw",
    [
        {"background": "student", "years": 61, "interests": ["agents"]},
        {"background": "student", "years": -1, "interests": ["agents"]},
        {"background": "student", "years": True, "interests": ["agents"]},
        {"background": "student", "years": 5.0, "interests": ["agents"]},
        {"background": "student", "years": 1, "interests": []},
        {"background": "student", "years": 1, "interests": "agents"},
        {"background": "student", "years": 1, "interests": ["agents"], "region": None},
    ],
)
def test_the_fast_path_refuses_what_pydantic_refuses(raw: dict[str, Any]) -> None:
    with pytest.raises(batch.msgspec.ValidationError):
        batch.msgspec.convert(raw, batch._Row)
    with pytest.raises(ValidationError):
        validate(Profile, raw)


def test_a_quoted_csv_cell_may_span_lines(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(HEADER + '"two\nlines",student,1,agents,,,\nb,student,1,agents,,,\n')
    out = tmp_path / "out.csv"
    assert cli("batch", str(src), "--out", str(out)).exit_code == 0
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert [r[:2] for r in rows[1:]] == [["two\nlines", "true"], ["b", "true"]]


# --- the answers file's fast path (aicareer/records/wellformed.py) ---------------------------

answers_like = st.dictionaries(
    st.sampled_from([*batch.FIELDS, "colour"]),
    st.one_of(
        field_values,
        st.lists(st.sampled_from(SKILLS), max_size=3),
        st.integers(0, 90),
        st.tuples(st.sampled_from(INTERESTS)),
    ),
    max_size=9,
)


#: Mostly well-formed answers files, each with a fair chance of one thing wrong (a
#: repeated interest or skill, an unknown company or key, hours out of range).
nearly_answers = st.fixed_dictionaries(
    {
        "background": st.sampled_from(BACKGROUNDS),
        "years": st.integers(0, 61),
        "interests": st.lists(st.sampled_from(INTERESTS), min_size=1, max_size=3),
    },
    optional={
        "company": st.sampled_from([*get_args(Company), "unicorn"]),
        "coding": st.sampled_from([*get_args(Coding), None]),
        "region": st.sampled_from([*get_args(Region), "mars"]),
        "skills": st.lists(st.sampled_from(SKILLS), max_size=3),
        "hours_per_week": st.integers(0, 81) | st.none(),
        "colour": st.just("blue"),
    },
)


@settings(max_examples=400, deadline=None)
@given(raw=answers_like | nearly_answers)
def test_the_answers_fast_path_accepts_only_what_pydantic_accepts_as_the_same(
    raw: dict[str, Any],
) -> None:
    from aicareer.records.wellformed import answers

    fast = answers(raw)
    if fast is None:
        return
    assert validate(Profile, raw) == fast  # raises if the fast path was too lenient


@pytest.mark.parametrize(
    "raw",
    [
        {"background": "student", "years": 60, "interests": ["agents"]},
        {"background": "student", "years": 0, "interests": ["agents"], "coding": None},
        {"background": "student", "years": 1, "interests": ["agents"], "hours_per_week": 80},
        {"background": "student", "years": 1, "interests": ["agents"], "skills": list(SKILLS)},
    ],
)
def test_the_answers_fast_path_takes_well_formed_files(raw: dict[str, Any]) -> None:
    from aicareer.records.wellformed import answers

    assert answers(raw) == validate(Profile, raw)


@pytest.mark.parametrize(
    "extra",
    [
        {"colour": "blue"},  # an unknown key
        {"interests": ["agents", "agents"]},
        {"skills": ["python", "python"]},
        {"hours_per_week": 0},
        {"years": True},
        {"company": "unicorn"},
    ],
    ids=["unknown-key", "interest-twice", "skill-twice", "no-hours", "bool-years", "company"],
)
def test_the_answers_fast_path_leaves_every_mistake_to_pydantic(extra: dict[str, Any]) -> None:
    from aicareer.records.wellformed import answers

    raw = {"background": "student", "years": 1, "interests": ["agents"], **extra}
    assert answers(raw) is None
    with pytest.raises(ValidationError):
        validate(Profile, raw)
