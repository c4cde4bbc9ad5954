"""Writing a file so that it holds either its old or its new content, never a mix or nothing.

The one rule every writer of a file follows (bookmarks, the user's theme lexicon, exports,
the parse cache): write a temporary file in the same folder (a rename is atomic only within
one file system), flush it, fsync it, rename it over the target, then fsync the folder so the
rename itself survives a power cut.  A failure at any step removes the temporary file and
leaves the old file as it was.

``durable=False`` skips both fsyncs, and only caches may ask for it: their entries are sealed
with a checksum, so an entry a power cut damaged is a miss, and fsync costs about 4 ms a file
here against 0.1 ms without (10,000 cache entries: 40 s instead of 1 s).  A kill of the process
cannot mix contents either way: the rename is what makes the new content visible.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

__all__ = ["atomic_file", "write_atomic", "fsync_folder", "temp_prefix"]


def temp_prefix(target: Path) -> str:
    """The name prefix of the temporary files written for ``target`` (hidden, so a folder
    listing or a file watcher does not show them); they end in ``.tmp``."""
    return f".{target.name}."


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike, *, durable: bool = True,
                before_replace: Callable[[], None] | None = None) -> Iterator[BinaryIO]:
    """Yield a binary file to write; on a clean exit it replaces ``path``.  An exception inside
    the block (or in ``before_replace``, called after the data is on disk and just before the
    rename) removes the temporary file, leaves ``path`` untouched and propagates."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_folder(target.parent)


def write_atomic(path: str | os.PathLike, data: bytes, *, durable: bool = True,
                 before_replace: Callable[[], None] | None = None) -> None:
    """Replace ``path`` with ``data`` by the rule above.  Raises OSError; the old file stays."""
    with atomic_file(path, durable=durable, before_replace=before_replace) as f:
        f.write(data)


def fsync_folder(folder: str | os.PathLike) -> None:
    """Make the renames in ``folder`` durable.  Windows cannot open a folder to fsync it (its
    renames are journaled by NTFS), and some file systems refuse: then nothing is done."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
