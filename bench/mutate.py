"""A small mutation tester: does the test suite notice when the code is wrong?

Not part of the test suite (a run takes minutes). Standard library plus pytest.
See bench/README.md ("Mutation testing") for how to run it and read the result.

It makes one *mutant* at a time of each target module (src/aicareer/<file>): one comparison,
arithmetic or boolean operator flipped, one `not` dropped, or one constant changed (a number
+1, True/False swapped, a string wrapped in "XX"), writes it into a private copy of the
project, and runs the tests that execute that line. The mutant is *killed* when a test fails
(or the run times out); it *survives* when every test passes.

Which tests execute which line is measured once, before the mutants, by tracing one in-process
run of the chosen tests (module-level lines, run at import, count for every test that reaches
the module). Tests then run cheapest first with `-x`, so most kills cost one short test.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "aicareer"

#: The engine, the result document and the screens that show it (issue #15, item 5).
TARGETS = ("engine.py", "document.py", "render_result.py", "whynot.py", "rulesdoc.py", "salary.py")
#: The fast tests that exercise them, and KILLERS, the tests written to kill what survived.
KILLERS = (
    "tests/test_quiz_json_document.py",
    "tests/test_ranking_numbers.py",
    "tests/test_result_screens.py",
    "tests/test_rules_page_wording.py",
    "tests/test_pay_arithmetic.py",
    "tests/test_why_smallest_change.py",
)
TESTS = (
    "tests/test_engine.py",
    "tests/test_why.py",
    "tests/test_quiz_cli.py",
    "tests/test_rules_data.py",
    "tests/test_browse.py",
    "tests/test_widths.py",
)

_CMP = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_BIN = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.LShift: ast.RShift,
    ast.RShift: ast.LShift,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
_BOOL = {ast.And: ast.Or, ast.Or: ast.And}


@dataclass
class Mutant:
    id: str
    file: str
    line: int
    end_line: int
    kind: str
    before: str
    after: str
    #: Index of the node in ast.walk order, and which operator of a Compare.
    node: int = 0
    sub: int = 0
    #: The statement around it: a constant inside a multi-line literal has no line event of
    #: its own, so the statement's lines choose the tests when its own lines have none.
    stmt_line: int = 0
    stmt_end: int = 0
    status: str = ""
    seconds: float = 0.0
    tests: int = 0
    killer: str = ""


@dataclass
class Coverage:
    lines: dict[str, dict[int, set[str]]] = field(default_factory=dict)
    module_level: dict[str, set[int]] = field(default_factory=dict)
    durations: dict[str, float] = field(default_factory=dict)


# --- finding the mutants ---------------------------------------------------------------------


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """ids of nodes never mutated: docstrings, annotations, __all__."""
    skip: set[int] = set()

    def drop(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        is_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
        if is_doc and isinstance(first.value.value, str):  # type: ignore[union-attr]
            drop(first)
        if isinstance(node, ast.arg):
            drop(node.annotation)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            drop(node.returns)
        if isinstance(node, ast.AnnAssign):
            drop(node.annotation)
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            drop(node)
        # `if TYPE_CHECKING:` blocks and `from __future__` never run code a user sees.
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            drop(node)
    return skip


def _constant_mutation(value: object) -> object | None:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value + 1.0
    if isinstance(value, str):
        return f"XX{value}XX"
    return None


def find_mutants(name: str) -> list[Mutant]:
    source = (SRC / name).read_text()
    tree = ast.parse(source)
    skip = _skipped_nodes(tree)
    found: list[Mutant] = []
    parent: dict[int, ast.AST] = {}
    for outer in ast.walk(tree):
        for child in ast.iter_child_nodes(outer):
            parent[id(child)] = outer
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skip or not hasattr(node, "lineno"):
            continue
        line, end = node.lineno, node.end_lineno or node.lineno
        before = ast.unparse(node)

        col = getattr(node, "col_offset", 0)
        stmt: ast.AST = node
        while not isinstance(stmt, ast.stmt) and id(stmt) in parent:
            stmt = parent[id(stmt)]
        s_line = getattr(stmt, "lineno", line)
        s_end = getattr(stmt, "end_lineno", end) or end

        def add(
            kind: str,
            after: ast.AST,
            sub: int = 0,
            *,
            n: int = index,
            line: int = line,
            end: int = end,
            before: str = before,
            col: int = col,
            s_line: int = s_line,
            s_end: int = s_end,
        ) -> None:
            # line:column is not unique (the parts of an f-string share its position).
            mid = f"{name}:{line}:{col}:{kind}:{sub}:{n}"
            found.append(
                Mutant(
                    mid, name, line, end, kind, before, ast.unparse(after), n, sub, s_line, s_end
                )
            )

        if isinstance(node, ast.Compare):
            for sub, op in enumerate(node.ops):
                if type(op) in _CMP:
                    after = copy.deepcopy(node)
                    after.ops[sub] = _CMP[type(op)]()
                    add("compare", after, sub)
        elif isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in _BIN:
            after = copy.deepcopy(node)
            after.op = _BIN[type(node.op)]()
            add("arith", after)
        elif isinstance(node, ast.BoolOp):
            after = copy.deepcopy(node)
            after.op = _BOOL[type(node.op)]()
            add("bool", after)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            add("not", node.operand)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            add("negate", node.operand)
        elif isinstance(node, ast.Constant):
            new = _constant_mutation(node.value)
            if new is not None and node.value != "":
                add("constant", ast.Constant(new))
    return found


class _Apply(ast.NodeTransformer):
    def __init__(self, mutant: Mutant, order: dict[int, int]) -> None:
        self.mutant = mutant
        self.order = order

    def visit(self, node: ast.AST) -> ast.AST:
        if self.order.get(id(node)) != self.mutant.node:
            return self.generic_visit(node)
        m = self.mutant
        if m.kind == "compare":
            assert isinstance(node, ast.Compare)
            node.ops[m.sub] = _CMP[type(node.ops[m.sub])]()
        elif m.kind == "arith":
            assert isinstance(node, ast.BinOp | ast.AugAssign)
            node.op = _BIN[type(node.op)]()
        elif m.kind == "bool":
            assert isinstance(node, ast.BoolOp)
            node.op = _BOOL[type(node.op)]()
        elif m.kind in ("not", "negate"):
            assert isinstance(node, ast.UnaryOp)
            return node.operand
        elif m.kind == "constant":
            assert isinstance(node, ast.Constant)
            return ast.copy_location(ast.Constant(_constant_mutation(node.value)), node)
        return node


def mutated_source(m: Mutant) -> str:
    tree = ast.parse((SRC / m.file).read_text())
    order = {id(n): i for i, n in enumerate(ast.walk(tree))}
    new = _Apply(m, order).visit(tree)
    return ast.unparse(ast.fix_missing_locations(new))


# --- which tests run which line --------------------------------------------------------------


class _Tracer:
    """A pytest plugin: while each test runs, record the target lines it executes."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files  # absolute path -> target name
        self.cov = Coverage()
        self.current: str | None = None
        self.start = 0.0

    def _local(self, frame, event, arg):  # type: ignore[no-untyped-def]
        if event == "line":
            name = self.files[frame.f_code.co_filename]
            if self.current is None:
                self.cov.module_level.setdefault(name, set()).add(frame.f_lineno)
            else:
                per = self.cov.lines.setdefault(name, {})
                per.setdefault(frame.f_lineno, set()).add(self.current)
        return self._local

    def _global(self, frame, event, arg):  # type: ignore[no-untyped-def]
        if frame.f_code.co_filename in self.files:
            return self._local(frame, "line", arg) and self._local
        return None

    def pytest_runtest_logstart(self, nodeid: str, location: object) -> None:
        self.current = nodeid
        self.start = time.perf_counter()

    def pytest_runtest_logfinish(self, nodeid: str, location: object) -> None:
        self.cov.durations[nodeid] = time.perf_counter() - self.start
        self.current = None

    def pytest_configure(self, config: object) -> None:
        sys.settrace(self._global)
        threading.settrace(self._global)

    def pytest_unconfigure(self, config: object) -> None:
        sys.settrace(None)
        threading.settrace(None)  # type: ignore[arg-type]


def measure(targets: list[str], tests: list[str]) -> Coverage:
    """Trace one run of the tests, in a fresh process (the runner itself must not import
    aicareer: its forked children import the mutated copy)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "coverage.json"
        code = subprocess.call(
            [
                sys.executable,
                __file__,
                "--_measure",
                str(out),
                "--files",
                *targets,
                "--tests",
                *tests,
            ],
            stdout=subprocess.DEVNULL,
        )
        if code != 0:
            sys.exit(f"mutate: the tests fail before any mutant (pytest exit {code})")
        raw = json.loads(out.read_text())
    return Coverage(
        lines={f: {int(n): set(t) for n, t in per.items()} for f, per in raw["lines"].items()},
        module_level={f: set(lines) for f, lines in raw["module_level"].items()},
        durations=raw["durations"],
    )


def _measure(out: Path, targets: list[str], tests: list[str]) -> int:
    import pytest

    files = {str((SRC / t).resolve()): t for t in targets}
    tracer = _Tracer(files)
    # Trace from the start: conftest.py imports the targets before any plugin hook runs.
    sys.settrace(tracer._global)
    code = int(pytest.main(["-q", "-p", "no:cacheprovider", "-x", *tests], plugins=[tracer]))
    cov = tracer.cov
    out.write_text(
        json.dumps(
            {
                "lines": {
                    f: {n: sorted(t) for n, t in per.items()} for f, per in cov.lines.items()
                },
                "module_level": {f: sorted(lines) for f, lines in cov.module_level.items()},
                "durations": cov.durations,
            }
        )
    )
    return code


def tests_for(m: Mutant, cov: Coverage, whole_files: bool = False) -> list[str]:
    per = cov.lines.get(m.file, {})
    chosen: set[str] = set()
    for line in range(m.line, m.end_line + 1):
        chosen |= per.get(line, set())
    if not chosen:
        for line in range(m.stmt_line, m.stmt_end + 1):
            chosen |= per.get(line, set())
    if not chosen and any(
        line in cov.module_level.get(m.file, set()) for line in range(m.stmt_line, m.stmt_end + 1)
    ):
        for users in per.values():
            chosen |= users
    if whole_files and chosen:
        # A module- or session-scoped fixture runs inside the first test that asks for it:
        # the tests reusing its result never execute the line themselves.
        files = {t.split("::")[0] for t in chosen}
        chosen |= {t for t in cov.durations if t.split("::")[0] in files}
    return sorted(chosen, key=lambda t: (cov.durations.get(t, 0.0), t))


# --- running them ----------------------------------------------------------------------------


def _copy_project(into: Path) -> None:
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "__pycache__", "*.pyc", ".mypy_cache", ".ruff_cache", ".pytest_cache"
    )
    shutil.copytree(ROOT, into, ignore=ignore)


#: Imported once by the runner and inherited by every forked child: what each test run
#: would otherwise pay for again (aicareer itself and the tests are imported fresh per mutant).
_PRELOAD = (
    "pytest",
    "_pytest.python",
    "hypothesis",
    "pydantic",
    "typer",
    "typer.testing",
    "rich.console",
    "tomli_w",
    "msgspec",
    "filelock",
    "questionary",
)


def _child(workdir: Path, tests: list[str]) -> None:
    """In a forked child: run the tests against the copy in workdir, exit with pytest's code."""
    import pytest

    os.chdir(workdir)
    src = str(workdir / "src")
    sys.path[:] = [src, *(p for p in sys.path if p != str(SRC.parent))]
    os.environ["PYTHONPATH"] = src
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    sys.dont_write_bytecode = True
    log = os.open(workdir / "pytest.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(log, 1)
    os.dup2(log, 2)
    code = 3
    try:
        # A private basetemp: children never share or prune /tmp/pytest-of-USER with each
        # other or with other pytest sessions on the machine.
        code = int(
            pytest.main(
                [
                    "-x",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    "--no-header",
                    "-rfE",
                    f"--basetemp={workdir / '.pytest-tmp'}",
                    *tests,
                ]
            )
        )
    finally:
        sys.stdout.flush()
        os._exit(code)


def _killer(workdir: Path) -> str:
    try:
        text = (workdir / "pytest.log").read_text(errors="replace")
    except OSError:
        return ""
    for line in text.splitlines():
        if line.startswith(("FAILED", "ERROR")):
            return line.split(" - ")[0]
    return ""


def run_all(
    mutants: list[Mutant],
    cov: Coverage,
    workers: list[Path],
    timeout: float,
    whole_files: bool = False,
) -> None:
    """Fork one child per mutant, up to len(workers) at a time, each in its own copy."""
    for mod in _PRELOAD:
        with contextlib.suppress(ImportError):
            __import__(mod)
    free = list(workers)
    running: dict[int, tuple[Mutant, Path, str, float]] = {}
    queue = list(mutants)
    done = 0
    while queue or running:
        while queue and free:
            m = queue.pop(0)
            chosen = tests_for(m, cov, whole_files)
            m.tests = len(chosen)
            if not chosen:
                m.status = "no tests"
                done += 1
                print(
                    f"[{done}/{len(mutants)}] no tests {m.id}  {m.before!r} -> {m.after!r}",
                    flush=True,
                )
                continue
            wd = free.pop()
            target = wd / "src" / "aicareer" / m.file
            original = target.read_text()
            target.write_text(mutated_source(m))
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                _child(wd, chosen)
            running[pid] = (m, wd, original, time.perf_counter())
        time.sleep(0.02)
        for pid, (m, wd, original, began) in list(running.items()):
            got, status = os.waitpid(pid, os.WNOHANG)
            late = time.perf_counter() - began > timeout
            if got == 0 and not late:
                continue
            if got == 0:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                m.status = "timeout"
            else:
                m.status = "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
                if m.status == "killed":
                    m.killer = _killer(wd)
            m.seconds = round(time.perf_counter() - began, 2)
            (wd / "src" / "aicareer" / m.file).write_text(original)
            del running[pid]
            free.append(wd)
            done += 1
            if m.status != "killed":
                print(
                    f"[{done}/{len(mutants)}] {m.status:8} {m.id}  {m.before!r} -> {m.after!r}",
                    flush=True,
                )


def table(mutants: list[Mutant], files: list[str]) -> None:
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m in mutants:
        per[m.file][m.status] += 1
        per[m.file]["total"] += 1
    print(
        f"\n{'file':18} {'killed':>7} {'timeout':>7} {'survived':>8} {'no tests':>8} "
        f"{'total':>6} {'score':>6}"
    )
    every: dict[str, int] = defaultdict(int)
    for name in [*files, "all"]:
        c = every if name == "all" else per.get(name)
        if not c:
            continue
        if name != "all":
            for k, v in c.items():
                every[k] += v
        caught = c["killed"] + c["timeout"]
        print(
            f"{name:18} {c['killed']:7} {c['timeout']:7} {c['survived']:8} {c['no tests']:8} "
            f"{c['total']:6} {100 * caught / c['total']:5.1f}%"
        )


def _key(m: Mutant) -> tuple[str, int, str, int]:
    return (m.file, m.node, m.kind, m.sub)


def merge(paths: list[Path]) -> int:
    """Print the table for several --json files: a later file's fate for a mutant replaces an
    earlier one's (a whole run, then reruns of its survivors with more tests)."""
    fates: dict[tuple[str, int, str, int], Mutant] = {}
    for path in paths:
        for raw in json.loads(path.read_text())["mutants"]:
            m = Mutant(**raw)
            fates[_key(m)] = m
    mutants = list(fates.values())
    table(mutants, [f for f in TARGETS if any(m.file == f for m in mutants)])
    for m in mutants:
        if m.status in ("survived", "no tests"):
            print(f"{m.status:8} {m.id}  {m.before!r} -> {m.after!r}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="*", default=list(TARGETS), help="modules in src/aicareer")
    ap.add_argument("--tests", nargs="*", default=None, help="test files (default: the fast set)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only", nargs="*", default=None, help="mutant ids (from a --json file)")
    ap.add_argument("--only-from", type=Path, help="rerun the survivors listed in this --json")
    ap.add_argument(
        "--status",
        nargs="*",
        default=["survived", "no tests"],
        help="with --only-from: which fates to rerun",
    )
    ap.add_argument("--list", action="store_true", help="list the mutants and stop")
    ap.add_argument("--json", type=Path, help="write every mutant and its fate here")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per mutant")
    ap.add_argument(
        "--whole-files",
        action="store_true",
        help="run every test of each chosen test file (catches tests that only "
        "read a module-scoped fixture); slower",
    )
    ap.add_argument(
        "--merge",
        nargs="+",
        type=Path,
        help="print the table of these --json files (later ones win) and stop",
    )
    ap.add_argument("--_measure", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.merge:
        return merge(args.merge)
    if args._measure:
        return _measure(args._measure, args.files, args.tests)

    mutants = [m for f in args.files for m in find_mutants(f)]
    if args.only:
        mutants = [m for m in mutants if m.id in set(args.only)]
    if args.only_from:
        wanted = {
            _key(Mutant(**m))
            for m in json.loads(args.only_from.read_text())["mutants"]
            if m["status"] in args.status
        }
        mutants = [m for m in mutants if _key(m) in wanted]
    if args.list:
        for m in mutants:
            print(f"{m.id}\t{m.before!r} -> {m.after!r}")
        print(f"{len(mutants)} mutants")
        return 0

    tests = args.tests or [*TESTS, *(t for t in KILLERS if (ROOT / t).exists())]
    began = time.perf_counter()
    cov = measure(sorted({m.file for m in mutants}), tests)
    print(
        f"mutate: traced {len(cov.durations)} tests in {time.perf_counter() - began:.0f}s; "
        f"{len(mutants)} mutants, {args.jobs} jobs",
        flush=True,
    )

    tmp = Path(tempfile.mkdtemp(prefix="mutate-"))
    workers: list[Path] = []
    for i in range(args.jobs):
        _copy_project(tmp / f"w{i}")
        workers.append(tmp / f"w{i}")
    try:
        run_all(mutants, cov, workers, args.timeout, args.whole_files)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    table(mutants, args.files)
    minutes = (time.perf_counter() - began) / 60
    print(f"mutate: {len(mutants)} mutants in {minutes:.1f} min")
    if args.json:
        args.json.write_text(
            json.dumps({"tests": tests, "mutants": [asdict(m) for m in mutants]}, indent=1)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
