"""Reports: each format's content, self-contained HTML/SVG, refused extensions."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from clirun import invoke
from hypothesis import given, settings
from hypothesis import strategies as st

from aicareer.errors import AicareerError, ExitCode
from aicareer.records.dataset import Dataset, load
from aicareer.records.models import Profile
from aicareer.render.md_page import cell
from aicareer.render.md_page import text as md_text
from aicareer.render.report_file import write_report

BACKEND = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "reliability"]\n'
URL = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load()


@pytest.fixture
def me(tmp_path: Path) -> Path:
    path = tmp_path / "me.toml"
    path.write_text(BACKEND, encoding="utf-8")
    return path


def make(tmp_path: Path, me: Path, name: str) -> tuple[int, str, str, Path]:
    out = tmp_path / name
    result = invoke(
        ["report", "--answers", str(me), "--out", str(out)],
        env={"AICAREER_HOME": str(tmp_path / "home"), "AICAREER_TODAY": "2026-07-01"},
    )
    return result.exit_code, result.stdout, result.stderr, out


def test_markdown_report(tmp_path: Path, me: Path) -> None:
    code, _, err, out = make(tmp_path, me, "r.md")
    assert code == 0, err
    assert f"Report written: {out}" in err
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Your AI career report")
    assert "### 1. AI Agent Engineer (ai-agent-engineer): score 94/100, strong" in md
    assert "### 2. AI Engineer (ai-engineer): score" in md
    assert "- +50 Agent engineers build tool-using agents" in md
    assert (
        "Time: about 2-4 months at 10 hours a week (assumed) (The Builders, CR Labs, mid-2026" in md
    )
    assert "- Pay (mid): $170K-$240K, US base (AI Roles & Career Paths guide, 2026-03)" in md
    assert "\n\n\n" not in md  # a role without a status note left an empty paragraph
    assert "## Your path to AI Agent Engineer" in md
    assert "| 2 | LLM engineering | llm-engineering | 3-5 | to do |" in md
    assert "Total: 9-18 weeks" in md
    assert "_Made by aicareer" in md and "on 2026-07-01, with data 2026.11.1 / 2026.12.1._" in md
    assert "From your answers: Background: Backend engineer; Experience: 5 years;" in md
    assert "| AI Agent Engineer | 9 | 7 | #1 (94) |" in md  # the landscape, as a table
    assert (
        "| 1 | AI Agent Engineer | 94 strong | 100 | 85 | about 2-4 months at 10 hours a week "
        "(assumed) | $170K-$240K (mid) |" in md
    )


def test_html_report_is_self_contained(tmp_path: Path, me: Path) -> None:
    code, _, err, out = make(tmp_path, me, "r.html")
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert URL.findall(html) == []
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert "@import" not in html and "@font-face" not in html
    assert "<h1>Your AI career report</h1>" in html
    for name in ("AI Agent Engineer", "Harness Engineer", "Your plan to become"):
        assert name in html


def test_svg_report(tmp_path: Path, me: Path) -> None:
    code, _, err, out = make(tmp_path, me, "r.svg")
    assert code == 0, err
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    # Nothing is fetched: no font-face, only the XML namespace and rich's comment.
    assert "@font-face" not in svg
    assert set(URL.findall(svg)) <= {"http://www.w3.org", "https://www.textualize.io"}
    text = svg.replace("&#160;", " ")
    for name in ("AI Agent Engineer", "Your path to AI Agent Engineer", "Your best-fitting"):
        assert name in text


@pytest.mark.parametrize("name", ["r.txt", "r.pdf", "report"])
def test_unknown_extension_is_refused(tmp_path: Path, me: Path, name: str) -> None:
    code, out, err, path = make(tmp_path, me, name)
    assert code == ExitCode.USAGE
    assert "use one of these extensions: .html, .svg, .md" in err
    assert out == "" and not path.exists()


def test_write_report_api(tmp_path: Path, ds: Dataset) -> None:
    profile = Profile(background="data-scientist", years=4, interests=["model-training"])
    from aicareer.document.build import build

    result = build(ds, profile)
    target = tmp_path / "sub" / "r.md"
    write_report(target, ds, profile, result, dt.date(2026, 5, 1), [])
    md = target.read_text(encoding="utf-8")
    assert "### 1. ML Engineer (ml-engineer)" in md
    with pytest.raises(AicareerError) as exc:
        write_report(tmp_path / "r.docx", ds, profile, result, dt.date(2026, 5, 1), [])
    assert exc.value.code == ExitCode.USAGE


def test_markdown_cells_are_safe() -> None:
    assert cell("a | b\nc") == "a \\| b c"
    assert cell("<script>x</script> & y") == "&lt;script&gt;x&lt;/script&gt; & y"
    # An & that a renderer would read as a character stays as typed.
    assert cell("&lt;b&gt; &#60; &#x3C; R&D") == "&amp;lt;b&amp;gt; &amp;#60; &amp;#x3C; R&D"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&/!?:[]()`*_#-~=+.|\\ aZ1\n")), max_size=30))
def test_no_markdown_text_makes_html_a_link_or_code(text: str) -> None:
    """Whatever a data text holds, a CommonMark parser (markdown-it, which rich ships)
    finds in it neither HTML, nor a link, image or code span: only text. A `<` that
    cannot open a tag stays as typed ("<1 week")."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    for shown in (f"x {cell(text)}", md_text(text)):
        for block in parser.parse(f"{shown}\n"):
            assert block.type in {"paragraph_open", "paragraph_close", "inline"}, (text, block)
            for token in block.children or []:
                assert token.type in {
                    "text",
                    "softbreak",
                    "em_open",
                    "em_close",
                    "strong_open",
                    "strong_close",
                }, (text, token)
    assert cell("<1") == "<1" and cell("<b") == "&lt;b"


def test_missing_answers_file_is_an_input_error(tmp_path: Path) -> None:
    code, _, err, _ = make(tmp_path, tmp_path / "nope.toml", "r.md")
    assert code == ExitCode.INPUT and "nope.toml: file not found" in err


def test_report_json_prints_the_document(tmp_path: Path, me: Path) -> None:
    result = invoke(
        ["report", "--answers", str(me), "--json"],
        env={"AICAREER_HOME": str(tmp_path / "home"), "AICAREER_TODAY": "2026-07-01"},
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    quiz = json.loads(invoke(["quiz", "--answers", str(me), "--json"]).stdout)["recommendations"]
    shown = doc["result"]["recommendations"]
    assert [(r["role"], r["score"]) for r in shown] == [(r["role"], r["score"]) for r in quiz]
    assert doc["date"] == "2026-07-01" and doc["plan"]["role_id"] == quiz[0]["role"]
    assert {"title", "answers", "result", "plan", "map", "sources"} <= set(doc)


def test_report_needs_out_or_json(tmp_path: Path, me: Path) -> None:
    result = invoke(["report", "--answers", str(me)])
    assert result.exit_code == ExitCode.USAGE
    assert "give --out FILE (.html, .svg or .md) to write the report, or --json" in result.stderr
