"""Files the user keeps: written whole or not at all, and where they belong (XDG).

A foundation package, used by every room; its names are imported from `aicareer.fsutil`:

- `places`: where aicareer keeps files (`home_dir`, `cache_dir`) and `-` (`is_stdio`);
- `atomic`: every write through a temp file, fsync and `os.replace` (`atomic_writer`,
  `atomic_write_bytes`, `atomic_write_text`), never over a special file (exit 7, OUTPUT);
- `own_files`: aicareer's own files read as input like any other (`read_own`, `distrust`,
  `Untrusted`): bounded, and only a regular file of yours that others cannot write;
- `outputs`: files named on the command line (`open_output`, `write_output`,
  `check_overwrite`): `-` is stdout, private or umask modes, and an existing file replaced
  only if aicareer wrote it (`written.json`), with --force, or after a "y" (docs/files.md).
"""

from __future__ import annotations

from aicareer.fsutil.atomic import (
    PRIVATE,
    WRITEBACK_EVERY,
    atomic_write_bytes,
    atomic_write_text,
    atomic_writer,
    refuse_special,
    shared_mode,
)
from aicareer.fsutil.outputs import check_overwrite, open_output, write_output, wrote
from aicareer.fsutil.own_files import Untrusted, distrust, read_own
from aicareer.fsutil.places import ENV_HOME, cache_dir, home_dir, is_stdio

__all__ = [
    "ENV_HOME",
    "PRIVATE",
    "WRITEBACK_EVERY",
    "Untrusted",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_writer",
    "cache_dir",
    "check_overwrite",
    "distrust",
    "home_dir",
    "is_stdio",
    "open_output",
    "read_own",
    "refuse_special",
    "shared_mode",
    "write_output",
    "wrote",
]
