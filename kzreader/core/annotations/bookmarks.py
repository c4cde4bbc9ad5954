"""The bookmark store: one JSON document that is never lost.

Durability:
- every save goes through ``core.atomic`` (temp file in the same directory, fsync, rename,
  fsync of the directory), and keeps the previous document as ``<name>.1`` (older ones shift
  to ``.2`` and ``.3``) just before the rename; the store file is always either the old or
  the new complete document;
- a document that cannot be parsed is moved aside as ``bookmarks.corrupt-YYYYmmdd-HHMMSS.json``
  (never overwritten), reported in :attr:`BookmarkStore.problems`, and the newest valid
  backup is used instead (also reported);
- two running instances do not clobber each other: every load and save holds an exclusive
  lock on ``<name>.lock``, and a change first re-reads the file and merges it with memory by
  bookmark id — the version with the higher ``revision`` wins (a counter each change raises
  past what any instance saved; wall-clock times are not compared, so a bookmark dated in the
  future by a skewed clock can still be edited), and deletions are kept as tombstones with
  their own revision so a deleted bookmark is not resurrected by an instance that still had it;
- a folder that cannot be written (read-only data folder or file system) leaves the store
  read-only: bookmarks are shown, :attr:`BookmarkStore.read_only` says so, nothing is written.

The path is given by the caller (the GUI resolves the user data directory).  The bookmark
record is ``bookmark``; the document's schema, migrations, merge and backups ``bookmark_file``.
"""
from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from filelock import FileLock

from .. import messages as msg
from .anchoring import EXACT_POSITION, NEEDS_REVIEW, AnchorResult, make_anchor, reanchor
from .bookmark import (
    STATUS_NEEDS_REVIEW, STATUS_OK, Bookmark, format_time, new_bookmark, normalise_tags, parse_time, utc_now)
from .bookmark_file import (
    SCHEMA_VERSION, NewerVersion, State, Tombstone, backup_path, first_valid_backup, merge, move_aside,
    parse_document, remove_stale_temps, write_document)
from ..messages import Message
from ..model import text_hash

log = logging.getLogger(__name__)

BACKUPS = 3
TOMBSTONE_DAYS = 365  # how long a deletion is remembered for merging with other instances


class StoreError(Exception):
    """A store operation failed; ``message`` (a Message) says why, ``str(e)`` in English."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class StoreProblem:
    kind: str  # "corrupt", "restored_from_backup", "unreadable", "newer_version", "bad_entries",
    # "read_only" (the folder or file system cannot be written), "moved" (followed a file)
    message: Message
    path: str = ""


Listener = Callable[[str, tuple[str, ...]], None]


class BookmarkStore:
    """Bookmarks of the whole corpus, saved to ``path`` after every change.

    Listeners (``add_listener``) are called as ``fn(event, ids)`` with event one of
    "added", "updated", "removed" or "reset" (anything may have changed).
    """

    def __init__(self, path: str | os.PathLike[str], *, backups: int = BACKUPS) -> None:
        self.path = Path(path)
        self.backups = backups
        self.problems: list[StoreProblem] = []
        self.read_only = False  # set when the file on disk must not (or cannot) be replaced
        self._read_only_reason: Message | None = None
        self._state = State()
        self._listeners: list[Listener] = []
        self._last_time = ""
        # one lock object per store: two stores on one file (two windows, even in one process)
        # hold separate descriptors and exclude each other as two processes do
        self._file_lock = FileLock(self.path.with_name(self.path.name + ".lock"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self._cannot_write(e)
        with self._locked():
            disk = self._read_disk()
        if disk is not None:
            self._state = disk

    # -- queries --
    def list(self, interview_id: str | None = None) -> list[Bookmark]:
        """Bookmarks in creation order, optionally of one interview."""
        items = self._state.bookmarks.values()
        if interview_id is not None:
            items = [b for b in items if b.interview_id == interview_id]
        return sorted(items, key=lambda b: (b.created, b.id))

    def get(self, bookmark_id: str) -> Bookmark | None:
        return self._state.bookmarks.get(bookmark_id)

    def __len__(self) -> int:
        return len(self._state.bookmarks)

    def __contains__(self, bookmark_id: object) -> bool:
        return bookmark_id in self._state.bookmarks

    def tags(self) -> list[str]:
        seen: dict[str, str] = {}
        for b in self._state.bookmarks.values():
            for t in b.tags:
                seen.setdefault(t.casefold(), t)
        return sorted(seen.values(), key=str.casefold)

    # -- changes (each one is saved before it returns) --
    def add(self, bookmark: Bookmark) -> Bookmark:
        self._check_writable()
        def change() -> Bookmark:
            if bookmark.id in self._state.bookmarks:
                raise StoreError(Message(msg.BOOKMARK_EXISTS, id=bookmark.id))
            now = self._tick()
            b = dataclasses.replace(bookmark, created=bookmark.created or now, modified=now,
                                    revision=self._next_revision(bookmark.id, bookmark.revision - 1))
            self._state.bookmarks[b.id] = b
            self._state.deleted.pop(b.id, None)
            return b

        b = self._change(change)
        self._commit("added", (b.id,))
        return b

    def create(self, interview_id: str, path: str, source_text: str, start: int, end: int, **kw) -> Bookmark:
        return self.add(new_bookmark(interview_id, path, source_text, start, end, **kw))

    def update(self, bookmark_id: str, **changes: Any) -> Bookmark:
        """Change fields (note, tags, colour, exchange, anchor, status, path, interview_id)."""
        self._check_writable()
        for k in ("id", "created", "modified", "revision"):
            if k in changes:
                raise StoreError(Message(msg.BOOKMARK_FIELD_FIXED, field=k))
        if "tags" in changes:
            changes["tags"] = normalise_tags(changes["tags"])

        def change() -> Bookmark:
            old = self._require(bookmark_id)
            new = dataclasses.replace(old, **changes, modified=self._tick(),
                                      revision=self._next_revision(bookmark_id))
            self._state.bookmarks[bookmark_id] = new
            return new

        new = self._change(change)
        self._commit("updated", (bookmark_id,))
        return new

    def reattach(
        self,
        bookmark_id: str,
        interview_id: str,
        path: str,
        source_text: str,
        start: int,
        end: int,
        exchange: int | None = None,
    ) -> Bookmark:
        """Point a bookmark at a new selection (the "needs review" fix); status becomes ok."""
        return self.update(
            bookmark_id,
            interview_id=interview_id,
            path=path,
            anchor=make_anchor(source_text, start, end),
            exchange=exchange,
            status=STATUS_OK,
        )

    def delete(self, bookmark_id: str) -> Bookmark:
        """Remove a bookmark; returns it so that :meth:`restore` can undo the deletion."""
        def change() -> Bookmark:
            b = self._require(bookmark_id)
            tomb = Tombstone(self._next_revision(bookmark_id), self._tick())
            del self._state.bookmarks[bookmark_id]
            self._state.deleted[bookmark_id] = tomb
            return b

        b = self._change(change)
        self._commit("removed", (bookmark_id,))
        return b

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Put back a bookmark exactly as it was (undo of delete or edit)."""
        existed = []

        def change() -> Bookmark:
            existed.append(bookmark.id in self._state.bookmarks)
            b = dataclasses.replace(bookmark, modified=self._tick(),
                                    revision=self._next_revision(bookmark.id, bookmark.revision))
            self._state.bookmarks[b.id] = b
            self._state.deleted.pop(b.id, None)
            return b

        b = self._change(change)
        self._commit("updated" if existed[0] else "added", (b.id,))
        return b

    def reanchor_all(
        self,
        interview_texts: dict[str, str | None],
        locate_exchange: Callable[[str, int], int | None] | None = None,
    ) -> dict[str, AnchorResult]:
        """Re-anchor the bookmarks of the given files (path -> current text, None if gone).

        Bookmarks found again get a fresh anchor (and exchange number when
        ``locate_exchange(path, offset)`` is given) and status ok; the others get status
        needs_review with their anchor untouched.  No bookmark is ever dropped.  Bookmarks of
        paths not in ``interview_texts`` are left alone.
        """
        results: dict[str, AnchorResult] = {}
        changed: list[str] = []
        hashes = {p: text_hash(t) for p, t in interview_texts.items() if t is not None}
        for b in list(self._state.bookmarks.values()):
            if b.path not in interview_texts:
                continue
            text = interview_texts[b.path]
            if text is None:
                res = AnchorResult(NEEDS_REVIEW, None, None, 0.0)
            elif hashes[b.path] == b.anchor.source_hash and b.status == STATUS_OK:
                res = AnchorResult(EXACT_POSITION, b.anchor.start, b.anchor.end, 1.0)
                results[b.id] = res
                continue
            else:
                res = reanchor(b.anchor, text)
            results[b.id] = res
            if res.found:
                assert text is not None and res.start is not None and res.end is not None
                if (res.start, res.end) != (b.anchor.start, b.anchor.end):
                    log.info("bookmark %s re-anchored in %s: %d-%d -> %d-%d (%s)", b.id, b.path,
                             b.anchor.start, b.anchor.end, res.start, res.end, res.status)
                anchor = make_anchor(text, res.start, res.end)
                exchange = b.exchange
                if locate_exchange is not None:
                    exchange = locate_exchange(b.path, res.start)
                new = dataclasses.replace(b, anchor=anchor, exchange=exchange, status=STATUS_OK)
            else:
                if b.status != STATUS_NEEDS_REVIEW:
                    log.warning("bookmark %s in %s needs review: its quote was not found with "
                                "confidence%s", b.id, b.path, "" if text is not None else " (file unreadable)")
                new = dataclasses.replace(b, status=STATUS_NEEDS_REVIEW)
            if new != b:
                self._state.bookmarks[b.id] = dataclasses.replace(
                    new, modified=self._tick(), revision=b.revision + 1)
                changed.append(b.id)
        if changed:
            self._notify("updated", tuple(changed))
            if not self.read_only:  # a read-only store keeps the new statuses in memory only
                self.save()
        return results

    def follow_moves(self, loaded: dict[str, tuple[str, str]], present: set[str]) -> list[tuple[Bookmark, str]]:
        """Re-attach bookmarks whose file is gone to a loaded file with the same text (a moved
        or renamed folder or file).  ``loaded``: source hash -> (interview id, path) of the
        loaded interviews; ``present``: their interview ids.  Returns (bookmark as it is now,
        old path) for each bookmark moved; each move is also kept in :attr:`problems`."""
        moves: list[tuple[Bookmark, str]] = []
        for b in self.list():
            target = loaded.get(b.anchor.source_hash)
            if b.interview_id in present or target is None or target[1] == b.path:
                continue
            if _exists(b.path):
                continue  # the old file is still there: a copy, not a move
            new = dataclasses.replace(b, interview_id=target[0], path=target[1],
                                      modified=self._tick(), revision=b.revision + 1)
            self._state.bookmarks[b.id] = new
            moves.append((new, b.path))
        if moves:
            self._notify("updated", tuple(b.id for b, _ in moves))
            if not self.read_only:
                self.save()
        return moves

    def reload(self) -> None:
        """Merge in what other instances saved (e.g. when the window regains focus)."""
        with self._locked():
            disk = self._read_disk()
        if disk is not None:
            before = dict(self._state.bookmarks)
            self._state = merge(self._state, disk)
            if self._state.bookmarks != before:
                self._notify("reset", ())

    def save(self) -> None:
        """Merge with the file on disk and write it."""
        self._change(lambda: None)

    def _change(self, change: Callable[[], Any]) -> Any:
        """Under the lock: merge in the file on disk, apply ``change`` (so its revisions count
        what other instances saved), write.  Listeners hear "reset" when the merge brought in
        changes from elsewhere."""
        self._check_writable()
        with self._locked():
            disk = self._read_disk()
            before = dict(self._state.bookmarks)
            if disk is not None:
                self._state = merge(self._state, disk)
            merged = self._state.bookmarks != before
            result = change()
            self._prune_tombstones()
            write_document(self.path, self._document(), self.backups)
        if merged:
            self._notify("reset", ())
        return result

    def _next_revision(self, bookmark_id: str, floor: int = 0) -> int:
        """One more than any revision this bookmark (or its tombstone) has had here."""
        b = self._state.bookmarks.get(bookmark_id)
        tomb = self._state.deleted.get(bookmark_id)
        return max(floor, b.revision if b else 0, tomb.revision if tomb else 0) + 1

    # -- listeners --
    def add_listener(self, fn: Listener) -> None:
        self._listeners.append(fn)

    def remove_listener(self, fn: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(fn)

    # -- internals --
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(self._read_only_reason or Message(msg.BOOKMARKS_UNSAFE, path=self.path))

    def _cannot_write(self, e: OSError) -> None:
        """The folder cannot be written (read-only folder or file system): read-only, once."""
        if self._read_only_reason:
            return
        self.read_only = True
        self._read_only_reason = Message(msg.BOOKMARKS_READ_ONLY, folder=self.path.parent,
                                         reason=e.strerror or e)
        self._problem("read_only", self._read_only_reason, str(self.path.parent))

    def _require(self, bookmark_id: str) -> Bookmark:
        b = self._state.bookmarks.get(bookmark_id)
        if b is None:
            raise StoreError(Message(msg.BOOKMARK_MISSING, id=bookmark_id))
        return b

    def _tick(self) -> str:
        """Now, strictly later than any time this store handed out before."""
        t = utc_now()
        if t <= self._last_time:
            t = format_time(parse_time(self._last_time) + timedelta(microseconds=1))
        self._last_time = t
        return t

    def _commit(self, event: str, ids: tuple[str, ...]) -> None:
        self._notify(event, ids)

    def _notify(self, event: str, ids: tuple[str, ...]) -> None:
        for fn in list(self._listeners):
            fn(event, ids)

    def _document(self) -> dict[str, Any]:
        items = [b.to_dict() for b in self.list()] + list(self._state.raw_bad.values())
        return {
            "schema_version": SCHEMA_VERSION,
            "app": "kzreader",
            "saved": utc_now(),
            "bookmarks": items,
            "deleted": {k: v.to_dict() for k, v in sorted(self._state.deleted.items())},
        }

    def _prune_tombstones(self) -> None:
        limit = format_time(datetime.now(timezone.utc) - timedelta(days=TOMBSTONE_DAYS))
        self._state.deleted = {k: v for k, v in self._state.deleted.items() if v.time >= limit}

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self._file_lock.acquire()
        except OSError as e:
            # a read-only folder or file system: read, never write.  Reading needs no lock,
            # since every writer replaces the file by a rename (core.atomic).
            self._cannot_write(e)
            yield
            return
        try:
            yield
        finally:
            self._file_lock.release()

    def _read_disk(self) -> State | None:
        """The document on disk as a state (None if there is nothing usable).

        Called with the lock held.  A corrupt file is moved aside and a backup tried.
        """
        remove_stale_temps(self.path)
        if not self.path.exists():
            backup = first_valid_backup(self.path, self.backups)
            if backup is None:
                return None
            state, n = backup
            self._problem("restored_from_backup", Message(msg.BOOKMARKS_MISSING_RESTORED, path=self.path,
                                                          backup=backup_path(self.path, n)))
            return state
        try:
            data = self.path.read_bytes()
        except OSError as e:
            self.read_only = True
            self._problem("unreadable", Message(msg.BOOKMARKS_UNREADABLE, path=self.path, reason=e.strerror or e))
            backup = first_valid_backup(self.path, self.backups)
            return backup[0] if backup else None
        try:
            return self._parse(data)
        except NewerVersion as e:
            self.read_only = True
            self._problem("newer_version", Message(msg.BOOKMARKS_NEWER, path=self.path, schema=e.args[0]))
            return None
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError) as e:
            if isinstance(e, RecursionError):
                e = ValueError("nested too deeply")
            try:
                aside = move_aside(self.path)
            except OSError as err:  # a read-only folder: leave it where it is, untouched
                self._cannot_write(err)
                self._problem("corrupt", Message(msg.BOOKMARKS_DAMAGED_LEFT, path=self.path, error=e))
                backup = first_valid_backup(self.path, self.backups)
                return backup[0] if backup else None
            self._problem("corrupt", Message(msg.BOOKMARKS_DAMAGED_KEPT, path=self.path, error=e, aside=aside),
                          str(aside))
            backup = first_valid_backup(self.path, self.backups)
            if backup is None:
                return None
            state, n = backup
            self._problem("restored_from_backup", Message(msg.BOOKMARKS_RESTORED, backup=backup_path(self.path, n)),
                          str(backup_path(self.path, n)))
            return state

    def _parse(self, data: bytes) -> State:
        state, bad = parse_document(data)
        if bad:
            self._problem("bad_entries", Message(msg.BOOKMARKS_BAD_ENTRIES, count=bad, path=self.path))
        return state

    def _problem(self, kind: str, message: Message, path: str = "") -> None:
        log.warning("bookmark store (%s): %s", kind, message)
        self.problems.append(StoreProblem(kind, message, path or str(self.path)))


def _exists(path: str) -> bool:
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True
