"""Personas a career coach would sign: each one an answers file, the seed sentence it rests
on, and what the top three must (or must not) say. The data is tests/personas.toml; the
coach's reading behind it is tests/PERSONAS.md.

The expectations are written from the five seed articles, not from today's output, so a
persona that fails names a class the model still gets wrong. Nothing here is xfail.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from clirun import invoke
from seeds import seeds_dir

ROOT = Path(__file__).resolve().parents[1]
PERSONAS_FILE = Path(__file__).with_name("personas.toml")
ANSWERS_DOC = ROOT / "docs" / "answers.md"
ROLES_FILE = ROOT / "data" / "roles.toml"

REQUIRED = {"id", "who", "answers", "seed", "quote", "why"}
EXPECTATIONS = {"top1_in", "top3_includes", "top3_excludes", "no_clear_fit"}
ANSWER_KEYS = {
    "background",
    "years",
    "interests",
    "company",
    "coding",
    "region",
    "skills",
    "hours_per_week",
}


def load_personas() -> list[dict[str, Any]]:
    with PERSONAS_FILE.open("rb") as f:
        personas: list[dict[str, Any]] = tomllib.load(f)["persona"]
    return personas


PERSONAS = load_personas()


def normalise(text: str) -> str:
    """Whitespace runs become one space: the seeds' line breaks and table cells are not
    part of what a quote says."""
    return " ".join(text.split())


def seed_text(seed: str) -> str:
    files = sorted(seeds_dir().glob(f"{seed}_*.txt"))
    assert len(files) == 1, f"seed {seed!r}: expected one file {seed}_*.txt, found {files}"
    return normalise(files[0].read_text("utf-8"))


def documented_ids(section: str) -> list[str]:
    """The backticked ids listed under `### <section>` in docs/answers.md (up to the next
    heading)."""
    text = ANSWERS_DOC.read_text("utf-8")
    match = re.search(rf"^### {section}\n(.*?)(?=^#)", text, re.S | re.M)
    assert match, f"docs/answers.md has no '### {section}' section"
    body = match.group(1)
    if section == "skills":  # a table: the id is the first cell of each row
        return re.findall(r"^\| `([a-z0-9-]+)` \|", body, re.M)
    return re.findall(r"`([a-z0-9-]+)`", body)


def role_ids() -> set[str]:
    with ROLES_FILE.open("rb") as f:
        return {r["id"] for r in tomllib.load(f)["roles"]}


# --- the data itself ------------------------------------------------------------------------


def test_personas_are_well_formed() -> None:
    roles = role_ids()
    ids = [p.get("id") for p in PERSONAS]
    assert len(ids) == len(set(ids)), "persona ids must be unique"
    problems: list[str] = []
    for p in PERSONAS:
        pid = p.get("id", "?")
        if missing := REQUIRED - p.keys():
            problems.append(f"{pid}: missing {sorted(missing)}")
        if unknown := p.keys() - REQUIRED - EXPECTATIONS:
            problems.append(f"{pid}: unknown keys {sorted(unknown)}")
        if not p.keys() & EXPECTATIONS:
            problems.append(f"{pid}: no expectation")
        if "no_clear_fit" in p and not isinstance(p["no_clear_fit"], bool):
            problems.append(f"{pid}: no_clear_fit must be true or false")
        for key in ("top1_in", "top3_includes", "top3_excludes"):
            for role in p.get(key, []):
                if role not in roles:
                    problems.append(f"{pid}: {key}: unknown role {role!r}")
        if len(p.get("top3_includes", [])) > 3:
            problems.append(f"{pid}: top3_includes names more than three roles")
        clash = set(p.get("top3_includes", [])) & set(p.get("top3_excludes", []))
        clash |= set(p.get("top1_in", [])) & set(p.get("top3_excludes", []))
        if clash:
            problems.append(f"{pid}: a role both wanted and excluded: {sorted(clash)}")
    assert not problems, "\n".join(problems)


def test_answers_use_only_documented_keys_and_ids() -> None:
    allowed = {
        "background": set(documented_ids("background")),
        "interests": set(documented_ids("interests")),
        "skills": set(documented_ids("skills")),
    }
    companies = {"any", "early-startup", "scale-up", "enterprise", "ai-lab", "regulated-industry"}
    problems: list[str] = []
    for p in PERSONAS:
        a, pid = p["answers"], p["id"]
        if unknown := a.keys() - ANSWER_KEYS:
            problems.append(f"{pid}: unknown answers keys {sorted(unknown)}")
        if a.get("background") not in allowed["background"]:
            problems.append(f"{pid}: background {a.get('background')!r}")
        if not (isinstance(a.get("years"), int) and 0 <= a["years"] <= 60):
            problems.append(f"{pid}: years {a.get('years')!r}")
        for key in ("interests", "skills"):
            values = a.get(key, [])
            if len(values) != len(set(values)) or not set(values) <= allowed[key]:
                problems.append(f"{pid}: {key} {values!r}")
        if not a.get("interests"):
            problems.append(f"{pid}: no interests")
        if a.get("company", "any") not in companies:
            problems.append(f"{pid}: company {a['company']!r}")
        if a.get("coding", "none") not in {"none", "basic", "professional"}:
            problems.append(f"{pid}: coding {a['coding']!r}")
    assert not problems, "\n".join(problems)


def test_every_background_has_a_persona() -> None:
    backgrounds = documented_ids("background")
    assert len(backgrounds) >= 10, f"could not read the background ids: {backgrounds}"
    covered = {p["answers"]["background"] for p in PERSONAS}
    missing = [b for b in backgrounds if b not in covered]
    assert not missing, f"backgrounds with no persona in tests/personas.toml: {missing}"


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["id"] for p in PERSONAS])
def test_quote_is_in_its_seed(persona: dict[str, Any]) -> None:
    text = seed_text(persona["seed"])
    quote = normalise(persona["quote"])
    assert quote in text, (
        f"{persona['id']}: the quote is not in seed {persona['seed']} "
        f"(whitespace-normalised): {quote!r}"
    )


# --- the product against them --------------------------------------------------------------


def run_quiz(answers: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "answers.toml"
    path.write_text(tomli_w.dumps(answers), "utf-8")
    result = invoke(["quiz", "--answers", str(path), "--json"])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.stderr}"
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def top_list(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The recommended roles, best first: `top` in the JSON (`recommendations` before it
    was named so)."""
    top = doc["top"] if "top" in doc else doc["recommendations"]
    assert isinstance(top, list)
    return top


def describe(top: list[dict[str, Any]], doc: dict[str, Any]) -> str:
    shown = [f"{r['role']} ({r.get('score', '?')}, {r.get('status', '?')})" for r in top[:3]] or [
        "nothing"
    ]
    return f"actual top three: {', '.join(shown)}; no_clear_fit = {doc.get('no_clear_fit')}"


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["id"] for p in PERSONAS])
def test_persona(persona: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    doc = run_quiz(persona["answers"], tmp_path)
    top = top_list(doc)
    three = [r["role"] for r in top[:3]]
    failures: list[str] = []
    if "top1_in" in persona:
        first = three[0] if three else None
        if first not in persona["top1_in"]:
            failures.append(f"#1 is {first}, expected one of {persona['top1_in']}")
    for role in persona.get("top3_includes", []):
        if role not in three:
            failures.append(f"{role} is not in the top three")
    for role in persona.get("top3_excludes", []):
        if role in three:
            failures.append(f"{role} is in the top three (#{three.index(role) + 1})")
    if "no_clear_fit" in persona and doc.get("no_clear_fit") is not persona["no_clear_fit"]:
        failures.append(
            f"no_clear_fit is {doc.get('no_clear_fit')}, expected {persona['no_clear_fit']}"
        )
    assert not failures, (
        f"persona {persona['id']}: {persona['who']}\n"
        f'  seed {persona["seed"]}: "{normalise(persona["quote"])}"\n'
        f"  why: {persona['why']}\n"
        f"  {describe(top, doc)}\n" + "\n".join(f"  - {f}" for f in failures)
    )
