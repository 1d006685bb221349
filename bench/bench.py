"""Start-up and batch benchmark for aicareer. Run it with the venv's python:

    .venv/bin/python bench/bench.py              # table
    .venv/bin/python bench/bench.py --json       # machine-readable
    .venv/bin/python bench/bench.py --runs 20 --check   # exit 1 if a target is missed

Start-up: every non-interactive command is run `--runs` times in a fresh process,
alternating with a bare two-command typer app (bench/bare_app.py) and a typer + rich
reference (bench/rich_app.py) run by the same python, after one warm-up round that is not
counted. Reported: the median wall time, its ratio to the bare app's median and to the
rich reference's, and the peak resident memory of the child (ru_maxrss from os.wait4).
Targets (issue #16): <= 1.05x the bare app, --json commands <= 0.95x, peak <= 40 MiB.
`aicareer --help` is compared with the bare app's `--help`; every other command with the
bare app's `hello` command. aicareer's modules are byte-compiled first, as pip does for an
installed package, so neither side pays to compile source.

Batch: a JSONL cohort is generated with a fixed seed (about 1% invalid rows, as real
exports have), then `aicareer batch FILE --out OUT.jsonl` is timed end to end (process
start to exit). Targets: >= 100,000 rows/s for 100k rows, and peak memory for 1M rows
within +10% of 100k rows (streaming: memory must not grow with the input). A 100k-row
cohort drawn from 2,000 profiles is timed too, for reference (a cohort that answers alike).

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

#: Issue #16's targets: table commands at most 1.05x the bare typer app, --json commands at
#: most 0.95x, peak memory at most 40 MiB; batch at least 100,000 rows/s on 100k rows with
#: flat memory (the largest cohort's peak within +10% of the 100k-row peak).
RATIO_TARGET = 1.05
JSON_RATIO_TARGET = 0.95
MEMORY_TARGET_MIB = 40.0
RATE_TARGET = 100_000
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
    #: User + system CPU time of the child: steadier than wall time on a busy machine.
    cpu_seconds: float = 0.0


@dataclass
class StartupRow:
    command: str
    baseline: str
    median_ms: float
    ratio: float
    peak_mib: float
    target_met: bool
    #: The ratio to the typer + rich reference (rich_app.py table), for every command.
    ratio_to_rich_floor: float | None = None
    #: The ratio target that applies (1.05, or 0.95 for --json); None for the references.
    ratio_target: float | None = None


@dataclass
class BatchRow:
    rows: int
    #: How many distinct profiles the cohort draws from (None: drawn at random, ~92% distinct).
    distinct: int | None
    median_s: float
    rows_per_s: float
    peak_mib: float
    target_met: bool
    #: Median CPU time (user + system), and rows per CPU second: what a quiet machine
    #: would show as rows/s on one core.
    median_cpu_s: float = 0.0
    rows_per_cpu_s: float = 0.0


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
    return Sample(seconds, usage.ru_maxrss / scale, usage.ru_utime + usage.ru_stime)


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
#: Every non-interactive command, arguments as in their --help (FILE: an answers file).
COMMANDS: dict[str, list[str]] = {
    "aicareer roles": ["roles"],
    "aicareer roles --json": ["roles", "--json"],
    "aicareer show ai-engineer": ["show", "ai-engineer"],
    "aicareer show ai-engineer --json": ["show", "ai-engineer", "--json"],
    "aicareer compare ai-engineer ml-engineer": ["compare", "ai-engineer", "ml-engineer"],
    "aicareer compare ai-engineer ml-engineer --json": [
        "compare",
        "ai-engineer",
        "ml-engineer",
        "--json",
    ],
    "aicareer salary": ["salary"],
    "aicareer salary --json": ["salary", "--json"],
    "aicareer matrix": ["matrix"],
    "aicareer matrix --json": ["matrix", "--json"],
    "aicareer map": ["map"],
    "aicareer map --json": ["map", "--json"],
    "aicareer path ai-engineer": ["path", "ai-engineer"],
    "aicareer path ai-engineer --json": ["path", "ai-engineer", "--json"],
    "aicareer quiz --answers FILE": ["quiz", "--answers", "FILE"],
    "aicareer quiz --answers FILE --json": ["quiz", "--answers", "FILE", "--json"],
    "aicareer why ml-engineer --answers FILE": ["why", "ml-engineer", "--answers", "FILE"],
    "aicareer why ml-engineer --answers FILE --json": [
        "why",
        "ml-engineer",
        "--answers",
        "FILE",
        "--json",
    ],
    "aicareer decide ai-engineer ml-engineer --answers FILE": [
        "decide",
        "ai-engineer",
        "ml-engineer",
        "--answers",
        "FILE",
    ],
    "aicareer decide ai-engineer ml-engineer --answers FILE --json": [
        "decide",
        "ai-engineer",
        "ml-engineer",
        "--answers",
        "FILE",
        "--json",
    ],
    "aicareer data check": ["data", "check"],
    "aicareer data check --json": ["data", "check", "--json"],
    "aicareer --version": ["--version"],
    "aicareer --help": ["--help"],
}
#: With --few: the four commands the first speed issue measured.
FEW = (
    "aicareer compare ai-engineer ml-engineer",
    "aicareer salary",
    "aicareer quiz --answers FILE --json",
    "aicareer --help",
)


def startup(runs: int, tmp: Path, env: dict[str, str], few: bool = False) -> list[StartupRow]:
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
        name: (
            [*me, *(str(answers) if a == "FILE" else a for a in args)],
            "bare --help" if args == ["--help"] else "bare hello",
        )
        for name, args in COMMANDS.items()
        if not few or name in FEW
    }
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
        base = "bare hello" if name == RICH_FLOOR else name
        rows.append(
            StartupRow(
                name,
                base,
                median_ms(name),
                median_ms(name) / median_ms(base),
                peak,
                peak <= MEMORY_TARGET_MIB,
                median_ms(name) / median_ms(RICH_FLOOR),
            )
        )
    for name, (_, base) in cases.items():
        ratio = median_ms(name) / median_ms(base)
        peak = max(s.peak_mib for s in samples[name])
        target = JSON_RATIO_TARGET if name.endswith("--json") else RATIO_TARGET
        rows.append(
            StartupRow(
                name,
                base,
                median_ms(name),
                ratio,
                peak,
                ratio <= target and peak <= MEMORY_TARGET_MIB,
                median_ms(name) / median_ms(RICH_FLOOR),
                target,
            )
        )
    return rows


def write_cohort(path: Path, rows: int, seed: int = 2026, distinct: int | None = None) -> None:
    """A cohort export: JSONL, optional fields sometimes present, about 1% bad rows.

    With `distinct`, every row's profile is one of that many (a cohort where people answer
    alike); otherwise each is drawn at random (about 92% of 100k rows distinct)."""
    rng = random.Random(seed)
    pool = random.Random(seed + 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(1, rows + 1):
            if distinct is not None:
                rng = random.Random(seed * 1_000_003 + pool.randrange(distinct))
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


def batch(
    sizes: list[int],
    runs: int,
    tmp: Path,
    env: dict[str, str],
    distinct: int | None,
    jobs: int | None = None,
) -> list[BatchRow]:
    me = aicareer_argv()
    out = tmp / "results.jsonl"
    result = []
    plans = [(rows, None) for rows in sizes]
    if distinct:
        plans.append((min(sizes, key=lambda n: abs(n - 100_000)), distinct))
    for rows, pool in plans:
        src = tmp / f"cohort-{rows}-{pool}.jsonl"
        write_cohort(src, rows, distinct=pool)
        argv = [*me, "batch", str(src), "--out", str(out)]
        if jobs is not None:
            argv += ["--jobs", str(jobs)]
        run_once(argv, env)  # warm-up
        samples = [run_once(argv, env) for _ in range(runs)]
        with out.open("rb") as fh:
            written = sum(1 for _ in fh)
        if written != rows:
            raise BenchError(f"batch wrote {written} rows for {rows} input rows")
        src.unlink()
        median = statistics.median(s.seconds for s in samples)
        cpu = statistics.median(s.cpu_seconds for s in samples)
        rate = rows / median
        result.append(
            BatchRow(
                rows,
                pool,
                median,
                rate,
                max(s.peak_mib for s in samples),
                rate >= RATE_TARGET if rows >= 100_000 and pool is None else True,
                cpu,
                rows / cpu,
            )
        )
    return result


def growth(rows: list[BatchRow]) -> float | None:
    """The largest random cohort's peak memory over the smallest's."""
    plain = [b for b in rows if b.distinct is None]
    if len(plain) < 2:
        return None
    return plain[-1].peak_mib / plain[0].peak_mib


def print_table(
    start: list[StartupRow], rows: list[BatchRow], grew: float | None, runs: int
) -> None:
    yes = {True: "yes", False: "NO"}
    if start:
        print(
            f"Start-up: median of {runs} alternating runs; targets: <= {RATIO_TARGET:.2f}x the "
            f"bare typer app (--json: <= {JSON_RATIO_TARGET:.2f}x), peak <= "
            f"{MEMORY_TARGET_MIB:.0f} MiB"
        )
        width = max(len(r.command) for r in start)
        print(
            f"{'command':<{width}}  {'median ms':>9}  {'vs bare':>7}  {'vs rich':>7}  "
            f"{'peak MiB':>8}  target met"
        )
        for r in start:
            met = "(ref)" if r.ratio_target is None else yes[r.target_met]
            print(
                f"{r.command:<{width}}  {r.median_ms:>9.1f}  {r.ratio:>6.2f}x  "
                f"{r.ratio_to_rich_floor or 0:>6.2f}x  {r.peak_mib:>8.1f}  {met}"
                + ("" if r.baseline in ("bare hello", r.command) else f"  (vs {r.baseline})")
            )
        print(
            "vs bare: ratio to `bare_app.py hello` (--help: to `bare_app.py --help`); "
            "vs rich: ratio to `rich_app.py table`"
        )
    if rows:
        if start:
            print()
        print(
            f"Batch: aicareer batch COHORT.jsonl --out OUT.jsonl, end to end; targets: "
            f">= {RATE_TARGET:,} rows/s at 100k random rows, peak growth <= +"
            f"{(GROWTH_TARGET - 1) * 100:.0f}%"
        )
        print(
            f"{'rows':>9}  {'profiles':>11}  {'median s':>8}  {'rows/s':>8}  {'cpu s':>6}  "
            f"{'rows/cpu s':>10}  {'peak MiB':>8}  target met"
        )
        for b in rows:
            pool = "random" if b.distinct is None else f"{b.distinct:,} kinds"
            print(
                f"{b.rows:>9,}  {pool:>11}  {b.median_s:>8.2f}  {b.rows_per_s:>8,.0f}  "
                f"{b.median_cpu_s:>6.2f}  {b.rows_per_cpu_s:>10,.0f}  "
                f"{b.peak_mib:>8.1f}  {yes[b.target_met] if b.distinct is None else '(ref)'}"
            )
        plain = [b for b in rows if b.distinct is None]
        if grew is not None:
            print(
                f"peak memory {plain[-1].rows:,} vs {plain[0].rows:,} rows: "
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
        default="100000,1000000",
        help="comma-separated cohort sizes (default 100000,1000000)",
    )
    parser.add_argument(
        "--distinct",
        type=int,
        default=2000,
        help="also time a 100k-row cohort drawn from this many profiles (default 2000; 0: no)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up part")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch part")
    parser.add_argument(
        "--few",
        action="store_true",
        help="time only compare, salary, quiz --answers --json and --help (default: every one)",
    )
    parser.add_argument(
        "--batch-jobs",
        type=int,
        metavar="N",
        help="run batch with --jobs N (default: batch's own, one process per CPU, at most 4)",
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
            start = [] if args.no_startup else startup(args.runs, tmp, env, args.few)
            rows = (
                []
                if args.no_batch
                else batch(sizes, args.batch_runs, tmp, env, args.distinct, args.batch_jobs)
            )
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
                        "json_ratio": JSON_RATIO_TARGET,
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
