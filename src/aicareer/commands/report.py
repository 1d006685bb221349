"""`aicareer report`: one shareable file (HTML, SVG or Markdown)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aicareer.app import DataDirOpt, app, command, dataset
from aicareer.commands.answers import ranked as _ranked


@command(app, "report")
def report_cmd(
    answers: Annotated[
        Path,
        typer.Option(
            "--answers", "-a", help="Your answers file.", metavar="FILE", show_default=False
        ),
    ],
    out_file: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Where to write: FILE.html, FILE.svg or FILE.md (- for Markdown on stdout).",
            metavar="FILE",
            show_default=False,
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a file that aicareer did not write.")
    ] = False,
    data_dir: DataDirOpt = None,
) -> None:
    """Write one shareable file: top roles, reasons, timeline, salaries, path and map.

    The format follows the extension: .html (opens offline in a browser), .svg or .md.

    Example:  aicareer report --answers me.toml --out my-ai-career.html
    """
    from aicareer.fsutil import check_overwrite, is_stdio, write_output
    from aicareer.report import render_report, report_format

    # refuse a file we may not replace or an unknown extension before doing any work
    if not is_stdio(out_file):
        check_overwrite(out_file, force=force)
    fmt = "md" if is_stdio(out_file) else report_format(out_file)
    ds = dataset(data_dir)
    from aicareer.document import build

    profile, ranking = _ranked(ds, answers)
    assert profile is not None and ranking is not None
    text = render_report(fmt, ds, profile, build(ds, profile, ranking))
    write_output(out_file, text, force=True)  # checked above, before any work
    if is_stdio(out_file):
        return
    from aicareer.console import note

    note(f"Report written: {out_file}")
