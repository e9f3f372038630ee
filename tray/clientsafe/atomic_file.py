"""Writing a file so that a crash or an error leaves either the old file or the new one, never half of one.

Used for everything ClientSafe keeps on disk as a whole file: the roster, the cached policy copies, the key and
token fallback files, the service file local tools read, and audit exports.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_write(
    path: Path, binary: bool = False, newline: str | None = None, create_folder: bool = True
) -> Iterator[IO[Any]]:
    """Yield a temporary file beside ``path`` (created 0600: readable only by this user); when the block ends
    without error it is flushed to disk and renamed over ``path`` in one step, otherwise it is removed.
    ``create_folder=False`` for a place the person chose, where a missing folder is theirs to hear about."""
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
