"""Command: history. The quiz results aicareer kept, newest first."""

from __future__ import annotations

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, dataset


@command(app, "history")
def history_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """Your past quiz results, newest first: date, top role and the file kept.

    Each file is an answers file: pass it to --answers, or let report, path, why, decide
    and quiz --all use the newest one by themselves.

    \b
    Examples:
      aicareer history
      aicareer report --answers "$(aicareer history --json | jq -r '.[1].file')" --out old.md
    """
    from aicareer.state import history

    ds = dataset(data_dir)
    found = history.entries()
    rows = history.history_json(found, ds)
    if as_json:
        from aicareer.console import print_json

        print_json(rows)
        return
    from aicareer.console import note

    if not rows:
        note("No quiz results kept yet; take the quiz: aicareer quiz")
        return
    import sys

    # Two lines a result, the path whole on its own line: readable at any width.
    def inert(text: str) -> str:  # never let a file's text drive the terminal
        return "".join(ch if ch.isprintable() else "?" for ch in text)

    lines = ["Your quiz results, newest first (UTC):"]
    for row in rows:
        date = (row["date"] or "date unknown").replace("T", " ").replace("Z", "")
        top = row["top_name"] or row["top_role"] or "top role unknown"
        lines += [f"  {inert(date)}  {inert(top)}", f"    {inert(row['file'])}"]
    sys.stdout.write("\n".join(lines) + "\n")
    note(f"The newest is your last answers; {len(rows)} kept (at most {history.KEEP}).")
