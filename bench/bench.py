"""Start-up and batch benchmark for aicareer. Run it with the venv's python:

    .venv/bin/python bench/bench.py              # table
    .venv/bin/python bench/bench.py --json       # machine-readable
    .venv/bin/python bench/bench.py --runs 20 --check   # exit 1 if a target is missed

Start-up: each command is run `--runs` times in a fresh process, alternating with a bare
two-command typer app (bench/bare_app.py) run by the same python, after one warm-up round
that is not counted. Reported: the median wall time, its ratio to the bare app's median,
and the peak resident memory of the child (ru_maxrss from os.wait4, per child).
Targets: ratio <= 1.15 and peak < 45 MiB. `aicareer --help` is compared with the bare
app's `--help`; every other command with the bare app's `hello` command. Commands that
print tables also show their ratio to `rich_app.py table` (the same kind of app printing
one rich table), for reference only. aicareer's modules are byte-compiled first, as pip
does for an installed package, so neither side pays to compile source.

Batch: a JSONL cohort is generated with a fixed seed (about 1% invalid rows, as real
exports have), then `aicareer batch FILE --out OUT.jsonl` is timed end to end (process
start to exit). Targets: >= 20,000 rows/s for 100k rows, and peak memory for 100k rows
within +10% of 10k rows (streaming: memory must not grow with the input).

Only the standard library is used (subprocess, os.wait4, statistics).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE_APP = HERE / "bare_app.py"
RICH_APP = HERE / "rich_app.py"

RATIO_TARGET = 1.15
MEMORY_TARGET_MIB = 45.0
RATE_TARGET = 20_000
GROWTH_TARGET = 1.10

ANSWERS = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "infrastructure"]\n'

# The answers-file vocabulary (docs/answers.md), spelled out so the generator does not
# depend on aicareer's internals.
BACKGROUNDS = (
    "software-engineer",
    "backend-engineer",
    "frontend-engineer",
    "data-engineer",
    "data-scientist",
    "ml-engineer",
    "researcher",
    "devops-engineer",
    "architect",
    "product-manager",
    "technical-writer",
    "qa-engineer",
    "domain-expert",
    "content-strategist",
    "student",
    "other-non-technical",
)
INTERESTS = (
    "building-products",
    "agents",
    "infrastructure",
    "systems-design",
    "reliability",
    "research",
    "model-training",
    "evaluation-safety",
    "data-retrieval",
    "product-management",
    "ownership",
    "prompting",
)
COMPANIES = ("early-startup", "scale-up", "enterprise", "ai-lab", "regulated-industry", "any")
CODING = ("none", "basic", "professional")
REGIONS = ("us", "europe", "other")


@dataclass
class Sample:
    seconds: float
    peak_mib: float


@dataclass
class StartupRow:
    command: str
    baseline: str
    median_ms: float
    ratio: float
    peak_mib: float
    target_met: bool
    #: For commands that print rich tables: the ratio to the typer + rich reference.
    ratio_to_rich_floor: float | None = None


@dataclass
class BatchRow:
    rows: int
    median_s: float
    rows_per_s: float
    peak_mib: float
    target_met: bool


class BenchError(Exception):
    pass


def run_once(argv: list[str], env: dict[str, str]) -> Sample:
    """Wall time and peak RSS of one child; its stdout is discarded."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            detail = err.read().decode("utf-8", "replace").strip()
            raise BenchError(f"{' '.join(argv)} exited with {proc.returncode}: {detail}")
    # ru_maxrss is KiB on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Sample(seconds, usage.ru_maxrss / scale)


def aicareer_argv() -> list[str]:
    script = Path(sys.executable).parent / "aicareer"
    if script.exists():
        return [str(script)]
    found = shutil.which("aicareer")
    if found:
        return [found]
    return [sys.executable, "-m", "aicareer"]


def compile_aicareer() -> None:
    """Byte-compile the aicareer package the child processes will import.

    A wheel install is compiled by pip; an editable install compiles on first import,
    except where PYTHONDONTWRITEBYTECODE is set (as on some CI machines), where every run
    would compile aicareer from source while typer runs from pip's .pyc files.
    """
    found = subprocess.run(
        [sys.executable, "-c", "import aicareer, os; print(os.path.dirname(aicareer.__file__))"],
        capture_output=True,
        text=True,
        check=False,
    )
    if found.returncode != 0:
        raise BenchError(f"cannot import aicareer with {sys.executable}: {found.stderr.strip()}")
    compiled = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", found.stdout.strip()],
        capture_output=True,
        text=True,
        check=False,
    )
    if compiled.returncode != 0:
        raise BenchError(f"compileall failed: {compiled.stdout.strip()} {compiled.stderr.strip()}")


#: The typer + rich reference (`rich_app.py table`): shown, never a target.
RICH_FLOOR = "bare table (typer + rich)"
#: Commands whose output is rich tables, also compared with RICH_FLOOR.
TABLE_COMMANDS = ("aicareer compare ai-engineer ml-engineer", "aicareer salary")
#: With --every-command: the other non-interactive commands, arguments as in their --help.
MORE_COMMANDS: dict[str, list[str]] = {
    "aicareer roles": ["roles"],
    "aicareer roles --json": ["roles", "--json"],
    "aicareer show ai-engineer": ["show", "ai-engineer"],
    "aicareer matrix": ["matrix"],
    "aicareer map": ["map"],
    "aicareer path ai-engineer": ["path", "ai-engineer"],
    "aicareer path ai-engineer --json": ["path", "ai-engineer", "--json"],
    "aicareer data check": ["data", "check"],
    "aicareer --version": ["--version"],
}
#: The ones among them that print rich tables or panels.
MORE_TABLE_COMMANDS = (
    "aicareer roles",
    "aicareer show ai-engineer",
    "aicareer matrix",
    "aicareer map",
    "aicareer path ai-engineer",
)


def startup(runs: int, tmp: Path, env: dict[str, str], every: bool = False) -> list[StartupRow]:
    compile_aicareer()
    answers = tmp / "answers.toml"
    answers.write_text(ANSWERS, "utf-8")
    bare = [sys.executable, str(BARE_APP)]
    me = aicareer_argv()
    baselines = {
        "bare hello": [*bare, "hello"],
        "bare --help": [*bare, "--help"],
        RICH_FLOOR: [sys.executable, str(RICH_APP), "table"],
    }
    cases: dict[str, tuple[list[str], str]] = {
        "aicareer compare ai-engineer ml-engineer": (
            [*me, "compare", "ai-engineer", "ml-engineer"],
            "bare hello",
        ),
        "aicareer salary": ([*me, "salary"], "bare hello"),
        "aicareer quiz --answers FILE --json": (
            [*me, "quiz", "--answers", str(answers), "--json"],
            "bare hello",
        ),
        "aicareer --help": ([*me, "--help"], "bare --help"),
    }
    if every:
        cases.update({name: ([*me, *args], "bare hello") for name, args in MORE_COMMANDS.items()})
    tables = TABLE_COMMANDS + (MORE_TABLE_COMMANDS if every else ())
    everything = {**baselines, **{k: v[0] for k, v in cases.items()}}
    order = list(everything)
    for name in order:  # warm-up: page cache, .pyc files, aicareer's own caches
        run_once(everything[name], env)
    samples: dict[str, list[Sample]] = {name: [] for name in order}
    for i in range(runs):
        # Alternate: each round runs every case once, in turn reversed, so neither side
        # always goes first.
        for name in order if i % 2 == 0 else reversed(order):
            samples[name].append(run_once(everything[name], env))

    def median_ms(name: str) -> float:
        return statistics.median(s.seconds for s in samples[name]) * 1000

    rows = []
    for name in baselines:
        peak = max(s.peak_mib for s in samples[name])
        if name == RICH_FLOOR:  # a reference, not a baseline: its ratio is to bare hello
            ratio = median_ms(name) / median_ms("bare hello")
            rows.append(StartupRow(name, "bare hello", median_ms(name), ratio, peak, True))
            continue
        rows.append(StartupRow(name, name, median_ms(name), 1.0, peak, peak < MEMORY_TARGET_MIB))
    for name, (_, base) in cases.items():
        ratio = median_ms(name) / median_ms(base)
        peak = max(s.peak_mib for s in samples[name])
        rows.append(
            StartupRow(
                name,
                base,
                median_ms(name),
                ratio,
                peak,
                ratio <= RATIO_TARGET and peak < MEMORY_TARGET_MIB,
                median_ms(name) / median_ms(RICH_FLOOR) if name in tables else None,
            )
        )
    return rows


def write_cohort(path: Path, rows: int, seed: int = 2026) -> None:
    """A cohort export: JSONL, optional fields sometimes present, about 1% bad rows."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(1, rows + 1):
            row: dict[str, object] = {
                "id": f"p{i:06d}",
                "background": rng.choice(BACKGROUNDS),
                "years": rng.randint(0, 30),
                "interests": rng.sample(INTERESTS, rng.randint(1, 3)),
            }
            if rng.random() < 0.5:
                row["company"] = rng.choice(COMPANIES)
            if rng.random() < 0.3:
                row["coding"] = rng.choice(CODING)
            if rng.random() < 0.5:
                row["region"] = rng.choice(REGIONS)
            bad = rng.random()
            if bad < 0.004:
                row["interests"] = ["agents", "blockchain"]
            elif bad < 0.008:
                row["years"] = 75
            elif bad < 0.01:
                fh.write(f'{{"id": "p{i:06d}", "background": "student", \n')
                continue
            fh.write(json.dumps(row) + "\n")


def batch(sizes: list[int], runs: int, tmp: Path, env: dict[str, str]) -> list[BatchRow]:
    me = aicareer_argv()
    out = tmp / "results.jsonl"
    result = []
    for rows in sizes:
        src = tmp / f"cohort-{rows}.jsonl"
        write_cohort(src, rows)
        argv = [*me, "batch", str(src), "--out", str(out)]
        run_once(argv, env)  # warm-up
        samples = [run_once(argv, env) for _ in range(runs)]
        with out.open("rb") as fh:
            written = sum(1 for _ in fh)
        if written != rows:
            raise BenchError(f"batch wrote {written} rows for {rows} input rows")
        median = statistics.median(s.seconds for s in samples)
        rate = rows / median
        result.append(
            BatchRow(
                rows,
                median,
                rate,
                max(s.peak_mib for s in samples),
                rate >= RATE_TARGET if rows >= 100_000 else True,
            )
        )
    return result


def growth(rows: list[BatchRow]) -> float | None:
    if len(rows) < 2:
        return None
    return rows[-1].peak_mib / rows[0].peak_mib


def print_table(
    start: list[StartupRow], rows: list[BatchRow], grew: float | None, runs: int
) -> None:
    yes = {True: "yes", False: "NO"}
    if start:
        print(
            f"Start-up: median of {runs} alternating runs; targets: ratio <= "
            f"{RATIO_TARGET:.2f}x the bare typer app, peak < {MEMORY_TARGET_MIB:.0f} MiB"
        )
        width = max(len(r.command) for r in start)
        print(f"{'command':<{width}}  {'median ms':>9}  {'ratio':>6}  {'peak MiB':>8}  target met")
        for r in start:
            print(
                f"{r.command:<{width}}  {r.median_ms:>9.1f}  {r.ratio:>5.2f}x  "
                f"{r.peak_mib:>8.1f}  {'(ref)' if r.command == RICH_FLOOR else yes[r.target_met]}"
                + ("" if r.command == r.baseline else f"  (vs {r.baseline})")
                + (
                    ""
                    if r.ratio_to_rich_floor is None
                    else f"; {r.ratio_to_rich_floor:.2f}x the typer + rich table"
                )
            )
    if rows:
        if start:
            print()
        print(
            f"Batch: aicareer batch COHORT.jsonl --out OUT.jsonl, end to end; targets: "
            f">= {RATE_TARGET:,} rows/s at 100k rows, peak growth <= +"
            f"{(GROWTH_TARGET - 1) * 100:.0f}%"
        )
        print(f"{'rows':>8}  {'median s':>8}  {'rows/s':>8}  {'peak MiB':>8}  target met")
        for b in rows:
            print(
                f"{b.rows:>8,}  {b.median_s:>8.2f}  {b.rows_per_s:>8,.0f}  "
                f"{b.peak_mib:>8.1f}  {yes[b.target_met]}"
            )
        if grew is not None:
            print(
                f"peak memory {rows[-1].rows:,} vs {rows[0].rows:,} rows: "
                f"{(grew - 1) * 100:+.1f}%  target met: {yes[grew <= GROWTH_TARGET]}"
            )
    print()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--runs",
        type=int,
        default=11,
        help="timed runs per start-up command (default 11, at least 10)",
    )
    parser.add_argument(
        "--batch-runs", type=int, default=3, help="timed runs per batch size (default 3)"
    )
    parser.add_argument(
        "--batch-sizes",
        default="10000,100000",
        help="comma-separated cohort sizes (default 10000,100000)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up part")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch part")
    parser.add_argument(
        "--every-command",
        action="store_true",
        help="also time the other non-interactive commands (roles, show, map, path, ...)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if any target is missed")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.batch_runs < 1:
        parser.error("--runs and --batch-runs must be at least 1")
    sizes = sorted(int(s) for s in args.batch_sizes.split(",") if s.strip())

    with tempfile.TemporaryDirectory(prefix="aicareer-bench-") as name:
        tmp = Path(name)
        # A private home, so aicareer's caches start empty (the warm-up round fills them)
        # and nothing is written to the real one.
        env = {**os.environ, "AICAREER_HOME": str(tmp / "home"), "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("AICAREER_DATA_DIR", None)
        try:
            start = [] if args.no_startup else startup(args.runs, tmp, env, args.every_command)
            rows = [] if args.no_batch else batch(sizes, args.batch_runs, tmp, env)
        except BenchError as exc:
            print(f"bench: {exc}", file=sys.stderr)
            return 2
    grew = growth(rows)
    met = (
        all(r.target_met for r in start)
        and all(b.target_met for b in rows)
        and (grew is None or grew <= GROWTH_TARGET)
    )
    if args.json:
        print(
            json.dumps(
                {
                    "runs": args.runs,
                    "python": sys.version.split()[0],
                    "cpus": os.cpu_count(),
                    "targets": {
                        "ratio": RATIO_TARGET,
                        "peak_mib": MEMORY_TARGET_MIB,
                        "rows_per_s": RATE_TARGET,
                        "peak_growth": GROWTH_TARGET,
                    },
                    "startup": [asdict(r) for r in start],
                    "batch": [asdict(b) for b in rows],
                    "batch_peak_growth": grew,
                    "all_targets_met": met,
                },
                indent=2,
            )
        )
    else:
        print_table(start, rows, grew, args.runs)
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
