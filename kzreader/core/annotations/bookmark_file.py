"""The bookmarks document on disk: its schema and the migrations from older versions, reading
it into a state (bookmarks, tombstones of deleted ones, entries that could not be read, kept
verbatim), merging two states by revision, and writing it with rotating backups.  The store
(``bookmarks``) holds the lock and decides what to report."""
from __future__ import annotations

import contextlib
import glob
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from ..atomic import fsync_folder, temp_prefix, write_atomic
from .bookmark import STATUS_OK, Bookmark, check_revision, parse_time

SCHEMA_VERSION = 2

# --- migrations --------------------------------------------------------------------------------
# Each step takes a document of version N and returns one of version N+1.


def _migrate_0_to_1(doc: Any) -> dict[str, Any]:
    """Version 0 (before versioning) was a bare list of bookmark objects without tombstones."""
    items = doc if isinstance(doc, list) else doc.get("bookmarks", [])
    out = []
    for item in items:
        item = dict(item)
        item.setdefault("status", STATUS_OK)
        item.setdefault("modified", item.get("created", ""))
        out.append(item)
    return {"schema_version": 1, "bookmarks": out, "deleted": {}}


def _migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 merges by revision instead of time: every bookmark starts at revision 1, and
    a tombstone ("deleted": id -> time) becomes {"revision": 1, "time": ...}, which beats the
    bookmark it deleted (a deletion wins a tie)."""
    deleted = doc.get("deleted", {})
    if isinstance(deleted, dict):
        deleted = {k: {"revision": 1, "time": v} for k, v in deleted.items()}
    items = doc.get("bookmarks")
    if isinstance(items, list):
        items = [dict(item, revision=1) if isinstance(item, dict) else item for item in items]
    return {**doc, "schema_version": 2, "bookmarks": items, "deleted": deleted}


MIGRATIONS: dict[int, Callable[[Any], dict[str, Any]]] = {0: _migrate_0_to_1, 1: _migrate_1_to_2}


def migrate(doc: Any) -> dict[str, Any]:
    """Bring a loaded JSON document up to :data:`SCHEMA_VERSION`."""
    version = doc.get("schema_version", 0) if isinstance(doc, dict) else 0
    if not isinstance(version, int) or version < 0:
        raise ValueError(f"bad schema_version {version!r}")
    if version > SCHEMA_VERSION:
        raise NewerVersion(version)
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    if not isinstance(doc.get("bookmarks"), list) or not isinstance(doc.get("deleted", {}), dict):
        raise ValueError("bookmarks document has the wrong shape")
    return doc


class NewerVersion(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Tombstone:
    revision: int  # the deleted bookmark's revision + 1
    time: str  # ISO 8601, UTC: when, to forget it after TOMBSTONE_DAYS

    def to_dict(self) -> dict[str, Any]:
        return {"revision": self.revision, "time": self.time}


@dataclass
class State:
    bookmarks: dict[str, Bookmark] = field(default_factory=dict)
    deleted: dict[str, Tombstone] = field(default_factory=dict)
    raw_bad: dict[str, Any] = field(default_factory=dict)  # unreadable entries, kept verbatim


def merge(mine: State, disk: State) -> State:
    """Union by id; the higher revision wins (a tie goes to the later ``modified``, then to
    memory); a deletion beats the bookmark it deleted and older ones."""
    out = State(raw_bad={**disk.raw_bad, **mine.raw_bad})
    deleted = dict(disk.deleted)
    for k, v in mine.deleted.items():
        if k not in deleted or v.revision > deleted[k].revision:
            deleted[k] = v
    for bid in set(mine.bookmarks) | set(disk.bookmarks):
        a, b = mine.bookmarks.get(bid), disk.bookmarks.get(bid)
        win = a if b is None or (a is not None and (a.revision, a.modified) >= (b.revision, b.modified)) else b
        assert win is not None
        gone = deleted.get(bid)
        if gone is not None and gone.revision >= win.revision:
            continue
        deleted.pop(bid, None)
        out.bookmarks[bid] = win
    out.deleted = deleted
    return out


def parse_document(data: bytes) -> tuple[State, int]:
    """The state a document holds, and how many of its bookmarks could not be read (kept in
    ``raw_bad`` as they were).  Raises ValueError (and kin) when the document itself is bad,
    NewerVersion when a newer kzreader wrote it."""
    doc = migrate(json.loads(data.decode("utf-8")))
    state = State()
    bad = 0
    for i, item in enumerate(doc["bookmarks"]):
        try:
            b = Bookmark.from_dict(item)
        except (ValueError, KeyError, TypeError, AttributeError):
            bad += 1
            key = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
            state.raw_bad[key or f"#bad{i}:{json.dumps(item, sort_keys=True)[:200]}"] = item
            continue
        state.bookmarks[b.id] = b
    for k, v in doc.get("deleted", {}).items():
        parse_time(v["time"])
        state.deleted[str(k)] = Tombstone(check_revision(v["revision"]), v["time"])
    return state, bad


def backup_path(path: Path, n: int) -> Path:
    return path.with_name(f"{path.name}.{n}")


def first_valid_backup(path: Path, backups: int) -> tuple[State, int] | None:
    for n in range(1, backups + 1):
        try:
            return parse_document(backup_path(path, n).read_bytes())[0], n
        except Exception:  # missing or damaged backup: try the next one
            continue
    return None


def move_aside(path: Path) -> Path:
    """Move a damaged document out of the way (never overwriting an earlier one)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = path.stem
    target = path.with_name(f"{stem}.corrupt-{stamp}.json")
    k = 1
    while target.exists():
        target = path.with_name(f"{stem}.corrupt-{stamp}-{k}.json")
        k += 1
    os.replace(path, target)
    fsync_folder(path.parent)
    return target


def remove_stale_temps(path: Path) -> None:
    # with the lock held nobody else is writing, so any temp file is left from a crash
    for p in path.parent.glob(f"{glob.escape(temp_prefix(path))}*.tmp"):
        with contextlib.suppress(OSError):
            p.unlink()


def write_document(path: Path, doc: dict[str, Any], backups: int) -> None:
    """Write ``doc`` atomically; the file it replaces becomes backup 1 (older ones shift)."""
    data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    rotate = (lambda: _rotate_backups(path, backups)) if path.exists() and backups > 0 else None
    try:
        write_atomic(path, data, before_replace=rotate)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path.with_name(f".{path.name}.backup.tmp"))
        raise


def _rotate_backups(path: Path, backups: int) -> None:
    for n in range(backups - 1, 0, -1):
        if backup_path(path, n).exists():
            os.replace(backup_path(path, n), backup_path(path, n + 1))
    # the current file becomes backup 1 without ever leaving the store name empty
    tmp = path.with_name(f".{path.name}.backup.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.link(path, tmp)
    except OSError:  # file systems without hard links
        write_atomic(backup_path(path, 1), path.read_bytes())
    else:
        os.replace(tmp, backup_path(path, 1))
