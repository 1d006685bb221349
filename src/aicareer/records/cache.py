"""A disposable cache of validated results, keyed on the exact bytes they came from.

Validating the data files with pydantic costs more than everything else a command does,
and the files rarely change. So the validated records are kept under
`fsutil.cache_dir()` as JSON, in a file named by the SHA-256 of aicareer's version, the
Python version, the bytes of the modules that define the records (`_SCHEMA_FROM`: their
`.py` source, or in an install that ships only compiled `.pyc` files, those) and the data
bytes: any edit to a data file or to a record definition is a new key, and a stale entry
is never read. Each entry also belongs to a scope (the data folder or file): storing
a new entry deletes that scope's older ones, so a coach who edits a data folder a hundred
times leaves one file behind, not a hundred.

JSON, never pickle: reading a cache file cannot run code, whoever wrote it. On a hit the
records are rebuilt by `rebuild()` (cache_codec.py), driven by the records' own type hints
(named tuples, lists, tuples, sets, dicts, unions, literals, dates, plain values), without
running pydantic: the content was validated when it was stored, and a SHA-256 of it, kept in
the file's first line, is compared before anything is built. A file that is not a regular
file, is not owned by the current user, or is writable by group or others is refused (a
planted file in a shared or synced folder); so is anything unexpected (unreadable, corrupt,
wrong shape): every refusal is a plain miss, and the data is validated again.
Set AICAREER_NO_CACHE=1 to bypass the cache.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from aicareer import __version__
from aicareer.errors import AicareerError
from aicareer.fsutil import atomic_write_bytes, cache_dir
from aicareer.records.cache_codec import _Mismatch, dump, rebuild

__all__ = ["MAGIC", "dump", "enabled", "get", "key", "put", "rebuild"]

T = TypeVar("T")

#: The first line of every entry: this tag, a space, the SHA-256 of the rest of the file.
MAGIC = b"aicareer-cache-v2"
#: Anything bigger is not an entry aicareer wrote (the shipped data is about 100 KiB).
MAX_ENTRY = 64 * 1024 * 1024


def enabled() -> bool:
    return not os.environ.get("AICAREER_NO_CACHE")


#: The modules that define what is cached (records, vocabularies, the code that builds
#: them): a changed definition must never meet an old entry.
_SCHEMA_FROM = (
    "constraints.py",
    "models.py",
    "rulemodels.py",
    "vocab.py",
    "dataset.py",
    "reading.py",
    "pathmodels.py",
    "followups.py",
    "cache.py",
    "cache_codec.py",
)


@cache
def _schema() -> bytes:
    """The record modules' bytes: `x.py`, else a sourceless install's `x.pyc` beside it,
    else nothing (the key still holds aicareer's version). Never raises."""
    here = Path(__file__).parent
    parts = []
    for name in _SCHEMA_FROM:
        for candidate in (here / name, here / f"{name}c"):
            try:
                parts.append(candidate.read_bytes())
                break
            except OSError:
                continue
        else:
            parts.append(b"-")
    return b"\0".join(parts)


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
    return cache_dir() / f"{name}.json"


# --- the files ------------------------------------------------------------------------------


def _read_own(path: Path) -> bytes | None:
    """The file's bytes if it is a regular file of ours that nobody else may write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with open(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY:
            return None
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return None
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        return fh.read(MAX_ENTRY + 1)


def get(name: str, kind: type[T]) -> T | None:
    """The entry `name` rebuilt as a `kind`, or None (a miss) for any reason at all."""
    if not enabled():
        return None
    try:
        blob = _read_own(_path(name))
        if blob is None:
            return None
        head, _, body = blob.partition(b"\n")
        if head != MAGIC + b" " + hashlib.sha256(body).hexdigest().encode():
            return None
        import json  # not pydantic_core: a hit imports no pydantic at all (constraints.py)

        value: T = rebuild(kind, json.loads(body))
        return value
    except (_Mismatch, ValueError, TypeError, RecursionError, OSError, AicareerError):
        return None  # AicareerError: no home to keep a cache in, so no cache


def put(name: str, value: object, kind: type[Any]) -> None:
    """Store `value` (a `kind`); a cache that cannot be written is silently skipped."""
    if not enabled():
        return
    try:
        from pydantic_core import to_json

        body = to_json(dump(kind, value))
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        head = MAGIC + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n"
        atomic_write_bytes(_path(name), head + body)
        scope = name.rpartition("-")[0]
        for old in folder.glob(f"{scope}-*.*"):
            if old.name != _path(name).name and old.suffix in (".json", ".pickle"):
                old.unlink(missing_ok=True)
    except Exception:
        return
