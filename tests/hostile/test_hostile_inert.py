"""#25 class 6: text reaches the terminal inert wherever it comes from (a file or folder
name, data, answers, a state file), bidi controls and zero-width characters included;
`data check` refuses them in names and ids; the Markdown report turns no data text into
a live link or image."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from aicareer.console import inert

Run = Callable[..., subprocess.CompletedProcess[str]]
#: Every character the issue names: bidi embeddings, overrides, isolates; zero-width.
HIDDEN = [
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    *map(chr, range(0x200B, 0x2010)),
    "\u2060",
    "\ufeff",
]
RAW = re.compile("[" + "".join(HIDDEN) + "]")


@pytest.mark.parametrize("ch", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_inert_shows_bidi_and_zero_width_characters(ch: str) -> None:
    assert inert(f"a{ch}b") == f"a\\u{ord(ch):04x}b"


@pytest.mark.parametrize("field", ["name", "id", "aliases"])
def test_data_check_refuses_invisible_characters_in_names_and_ids(
    cli: Run, make_data_dir: Callable[[], Path], field: str
) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    text = roles.read_text("utf-8")
    if field == "name":
        text = text.replace('name = "AI Engineer"', 'name = "AI \\u202eEngineer"', 1)
    elif field == "id":
        text = text.replace('id = "ai-engineer"', 'id = "ai-engineer\\u200b"', 1)
    else:
        text = text.replace("aliases = [", 'aliases = ["ai\\u2066-dev", ', 1)
    roles.write_text(text, "utf-8")
    proc = cli("data", "check", "--data-dir", str(folder))
    assert proc.returncode == 3, proc.stderr  # the old code: exit 0, the name accepted
    assert not RAW.search(proc.stderr + proc.stdout)
    assert "roles[" in proc.stderr


def test_data_text_with_bidi_controls_is_shown_escaped(
    cli: Run, make_data_dir: Callable[[], Path]
) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    text = roles.read_text("utf-8").replace(
        'summary = "The generalist', 'summary = "\\u202eThe\\u2066 generalist\\u200b', 1
    )
    roles.write_text(text, "utf-8")
    for args in (["show", "ai-engineer"], ["show", "ai-engineer", "--json"]):
        proc = cli(*args, "--data-dir", str(folder))
        assert proc.returncode == 0, proc.stderr
        assert not RAW.search(proc.stdout), args  # the old code printed them raw
        assert "\\u202e" in proc.stdout
    data = json.loads(proc.stdout)  # the JSON escapes are the same text
    assert "\u202e" in json.dumps(data, ensure_ascii=False)


def test_a_file_name_with_bidi_controls_is_shown_escaped(
    cli: Run, tmp_path: Path, answers: Path
) -> None:
    out = tmp_path / "report\u202egnp.md"  # reads as "reportdm.png" on a terminal
    proc = cli("report", "--answers", str(answers), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.exists()
    assert not RAW.search(proc.stderr + proc.stdout), proc.stderr
    assert "report\\u202egnp.md" in proc.stderr
    folder = tmp_path / "data\u2067"
    proc = cli("roles", "--data-dir", str(folder))
    assert proc.returncode == 3
    assert not RAW.search(proc.stderr) and "data\\u2067" in proc.stderr


def test_the_markdown_report_has_no_live_link_or_image_from_data(
    cli: Run, make_data_dir: Callable[[], Path], answers: Path, tmp_path: Path
) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    planted = (
        "[claim your prize](javascript:alert(1)) ![track](https://evil.example/p.png) "
        "see https://evil.example or www.evil.example; <img src=x onerror=alert(1)>"
    )
    text = roles.read_text("utf-8")
    text = text.replace('summary = "', 'summary = "' + planted.replace('"', '\\"') + " ")
    roles.write_text(text, "utf-8")
    md = tmp_path / "r.md"
    proc = cli("report", "--answers", str(answers), "--out", str(md), "--data-dir", str(folder))
    assert proc.returncode == 0, proc.stderr
    body = md.read_text("utf-8")
    assert "evil" in body  # the text is there, shown
    assert "](" not in body.replace("\\](", "")  # the old code: a live link and an image
    assert "https://" not in body and "www.evil" not in body  # no bare autolink
    assert "<img" not in body
