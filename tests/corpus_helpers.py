"""Writing small numbered corpora for the loading tests (no Qt)."""
from __future__ import annotations

from pathlib import Path


def write_interviews(folder: Path, n: int, text: str, digits: int = 3) -> list[Path]:
    """``n`` files ``folder/000.txt``, ``001.txt``… holding ``text.format(n=i)`` in UTF-8;
    the folder is made when missing."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"{i:0{digits}d}.txt"
        p.write_text(text.format(n=i), encoding="utf-8")
        paths.append(p)
    return paths


def cache_blob(cache, path: str) -> bytes:
    """The raw stored entry of ``path`` in a parse cache (read past the cache's own checks)."""
    import sqlite3

    conn = sqlite3.connect(cache.file)
    try:
        return conn.execute("SELECT data FROM entry WHERE path = ?", (path,)).fetchone()[0]
    finally:
        conn.close()


def set_cache_blob(cache, path: str, data: bytes) -> None:
    """Overwrite the stored entry of ``path`` with ``data`` (to damage it)."""
    import sqlite3

    conn = sqlite3.connect(cache.file)
    try:
        with conn:
            assert conn.execute("UPDATE entry SET data = ? WHERE path = ?", (data, path)).rowcount == 1
    finally:
        conn.close()
