"""`aicareer report`: one shareable file (HTML, SVG or Markdown), or its content as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aicareer.cli.app import DataDirOpt, app, command, dataset
from aicareer.errors import AicareerError, ExitCode


@command(app, "report")
def report_cmd(
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Where to write: FILE.html, FILE.svg or FILE.md (- for Markdown on stdout).",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            "-a",
            help="Your answers file (default: your last quiz result).",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a file that aicareer did not write.")
    ] = False,
    data_dir: DataDirOpt = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report's content as JSON on stdout.")
    ] = False,
) -> None:
    """Write one shareable file: top roles, reasons, timeline, salaries, path and map.

    The format follows the extension: .html (opens offline in a browser), .svg or .md.

    Without --answers, your last quiz result is used (the file is named on stderr).

    \b
    Examples:
      aicareer report --out my-ai-career.html
      aicareer report --answers me.toml --out my-ai-career.md
      aicareer report --json
    """
    from aicareer.fsutil import check_overwrite, is_stdio, write_output
    from aicareer.render.report_file import render_report, report_format
    from aicareer.state.history import answers_or_last
    from aicareer.state.progress import done_phases, today

    if out_file is None and not as_json:
        raise AicareerError(
            "give --out FILE (.html, .svg or .md) to write the report, or --json to print it",
            ExitCode.USAGE,
        )
    fmt = None
    if out_file is not None:
        # refuse a file we may not replace or an unknown extension before doing any work
        if not is_stdio(out_file):
            check_overwrite(out_file, force=force)
        fmt = "md" if is_stdio(out_file) else report_format(out_file)
    ds = dataset(data_dir)
    from aicareer.document.build import build

    profile, _ = answers_or_last(answers, ds)
    result = build(ds, profile)
    done = done_phases()  # read here: the report's document is pure
    if out_file is not None and fmt is not None:
        from aicareer.console import note

        # the overwrite was checked (and asked) before any work: do not ask twice
        report = render_report(fmt, ds, profile, result, today(), done)
        write_output(out_file, report, force=True)
        if not is_stdio(out_file):
            note(f"Report written: {out_file}")
    if as_json:
        from aicareer.console import print_json
        from aicareer.document.report import report_document

        print_json(report_document(ds, profile, result, today(), done))
