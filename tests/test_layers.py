"""The rooms of docs/design.md import downwards only, and no module imports itself back.

Read from the source with `ast` (no import runs), counting every import, at the top or
inside a function, except those under `if TYPE_CHECKING:` (annotations only). The layers:

    foundations (errors, console, suggest, fsutil, the package's __init__)
      < records < state
      records < engine < planner < document < render < cli
    batch may use records, engine, fsutil and errors; cli may use anything.

A slip that is known and not yet fixed is listed in SLIPS with why; a new one fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "aicareer"
FOUNDATIONS = {"errors", "console", "suggest", "fsutil", "__init__"}
CHAIN = ["records", "engine", "planner", "document", "render", "cli"]
#: What each room may import besides itself and the foundations.
ALLOWED: dict[str, set[str]] = {
    **{room: set(CHAIN[:i]) for i, room in enumerate(CHAIN)},
    "state": {"records"},
    "batch": {"records", "engine"},
    "foundation": set(),
    "__main__": set(CHAIN),  # `python -m aicareer`: the entry point runs the CLI
}
ALLOWED["cli"] |= {"state", "batch"}
#: Known slips, each in a module another change owns or a larger move: (importer, imported).
SLIPS: set[tuple[str, str]] = set()
#: Known cycles: none (the engine's explain, which read the ranker's private tables, is
#: gone: the readable model explains itself).
CYCLES: list[list[str]] = []


def _room(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 2:
        return "foundation"
    name = parts[1]
    return "foundation" if name in FOUNDATIONS else name


def _module(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    return ".".join(rel.parts).removesuffix(".__init__")


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if _type_checking(child):
                stack.extend(child.orelse)  # type: ignore[attr-defined]
                continue
            if isinstance(child, ast.ImportFrom) and child.module:
                if child.module.startswith("aicareer"):
                    subs = [f"{child.module}.{a.name}" for a in child.names]
                    found |= {s for s in subs if _exists(s)} or {child.module}
            elif isinstance(child, ast.Import):
                found |= {a.name for a in child.names if a.name.startswith("aicareer")}
            stack.append(child)
    return found


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (SRC / rel).with_suffix(".py").exists() or (SRC / rel / "__init__.py").exists()


def _graph() -> dict[str, set[str]]:
    return {_module(p): _imports(ast.parse(p.read_text("utf-8"))) for p in SRC.rglob("*.py")}


def test_every_import_points_down_the_layers() -> None:
    wrong = []
    for module, imported in sorted(_graph().items()):
        room = _room(module)
        for target in sorted(imported):
            other = _room(target)
            if other in (room, "foundation") or other in ALLOWED[room]:
                continue
            if (module, target) not in SLIPS:
                wrong.append(f"{module} ({room}) imports {target} ({other})")
    assert wrong == [], "imports against the layers (tests/test_layers.py):\n" + "\n".join(wrong)


def test_the_known_slips_are_still_there() -> None:
    """A slip that was fixed leaves the list, so the list never hides a new one."""
    graph = _graph()
    gone = [pair for pair in SLIPS if pair[1] not in graph.get(pair[0], set())]
    assert gone == []


def test_no_import_cycle_between_modules() -> None:
    """Counting imports inside functions too: a module never reaches itself again (but
    for the known CYCLES, which must still be there: fixing one means emptying the list)."""
    graph = {m: {t for t in ts if t != m} for m, ts in _graph().items()}
    # a package's __init__ is not a cycle with its own modules
    cycles = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                cycles.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert sorted(cycles) == CYCLES
