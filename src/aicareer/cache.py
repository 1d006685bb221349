"""A disposable cache of validated results, keyed on the exact bytes they came from.

Validating the data files with pydantic costs more than everything else a command does,
and the files rarely change. So the validated objects are pickled under
`fsutil.cache_dir()`, in a file named by the SHA-256 of aicareer's version, the Python
version, the source of the pickled classes (`_PICKLED_FROM`) and the data bytes: any edit
to a data file or to a class definition is a new key, and a stale entry is never read.
Each entry also belongs to a scope (the data folder or file): storing a new entry deletes
that scope's older ones, so a coach who edits a data folder a hundred times leaves one
file behind, not a hundred. The pickles are written by aicareer itself (never taken from
data or answer files) into the user's own cache folder. Anything unexpected (unreadable,
corrupt, wrong type) counts as a miss. Set AICAREER_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import cache
from pathlib import Path
from typing import TypeVar

from aicareer import __version__
from aicareer.fsutil import atomic_write_bytes, cache_dir

T = TypeVar("T")


def enabled() -> bool:
    return not os.environ.get("AICAREER_NO_CACHE")


#: The modules whose classes are pickled: the records, the Dataset that holds them, and
#: the learning paths.
_PICKLED_FROM = ("models.py", "data.py", "pathmodels.py")


@cache
def _schema() -> bytes:
    """Their source: a changed class definition must never meet an old pickle."""
    here = Path(__file__).parent
    return b"\0".join((here / name).read_bytes() for name in _PICKLED_FROM)


def key(kind: str, scope: str, *parts: str | bytes) -> str:
    """The entry's name: `kind-SCOPE-CONTENT`, two digests (see the module's docstring)."""
    where = hashlib.sha256(scope.encode()).hexdigest()[:16]
    h = hashlib.sha256(f"{__version__}\0{sys.version}\0{kind}".encode())
    h.update(_schema())
    for part in (scope, *parts):
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return f"{kind}-{where}-{h.hexdigest()[:32]}"


def _path(name: str) -> Path:
    return cache_dir() / f"{name}.pickle"


def get(name: str, kind: type[T]) -> T | None:
    if not enabled():
        return None
    try:
        with _path(name).open("rb") as fh:
            value = pickle.load(fh)
    except Exception:
        return None
    return value if isinstance(value, kind) else None


def put(name: str, value: object) -> None:
    """Store `value`; a cache that cannot be written is silently skipped."""
    if not enabled():
        return
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(_path(name), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        scope = name.rpartition("-")[0]
        for old in folder.glob(f"{scope}-*.pickle"):
            if old.name != _path(name).name:
                old.unlink(missing_ok=True)
    except Exception:
        return
