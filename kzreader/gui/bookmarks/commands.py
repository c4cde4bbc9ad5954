"""Undoable bookmark changes: adding, editing, deleting and re-attaching go through these
commands on the window's QUndoStack, so Ctrl+Z undoes them.  A change the store cannot save
makes its command obsolete and keeps the message for the panel."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kzreader.core.annotations.bookmark import Bookmark
from kzreader.core.annotations.bookmarks import BookmarkStore, StoreError

from ..i18n import error_text

class _StoreCommand(QUndoCommand):
    """A failed save (read-only store, full disk) marks the command obsolete, so the undo
    stack drops it, and keeps the message in ``error`` for the panel to report."""

    error: str = ""

    def _guard(self, fn) -> None:
        try:
            fn()
        except (StoreError, OSError) as e:
            self.error = error_text(e)
            self.setObsolete(True)

    def redo(self) -> None:
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)


class AddBookmarkCommand(_StoreCommand):
    def __init__(self, store: BookmarkStore, bookmark: Bookmark, parent=None):
        super().__init__(QCoreApplication.translate("BookmarksPanel", "Add bookmark"), parent)
        self._store = store
        self._bookmark = bookmark
        self._added = False

    @property
    def bookmark_id(self) -> str:
        return self._bookmark.id

    def _redo(self) -> None:
        if self._added:
            self._bookmark = self._store.restore(self._bookmark)
        else:
            self._bookmark = self._store.add(self._bookmark)
            self._added = True

    def _undo(self) -> None:
        if self._bookmark.id in self._store:
            self._bookmark = self._store.delete(self._bookmark.id)


class EditBookmarkCommand(_StoreCommand):
    def __init__(self, store: BookmarkStore, bookmark_id: str, note: str, tags: Iterable[str],
                 colour: str | None, parent=None):
        super().__init__(QCoreApplication.translate("BookmarksPanel", "Edit bookmark"), parent)
        self._store = store
        self._id = bookmark_id
        old = store.get(bookmark_id)
        self._old = (old.note, old.tags, old.colour) if old else None
        self._new = (note, tuple(tags), colour)

    def _apply(self, values) -> None:
        if values is None or self._id not in self._store:
            return  # deleted meanwhile (e.g. by another instance): nothing to change
        note, tags, colour = values
        self._store.update(self._id, note=note, tags=tags, colour=colour)

    def _redo(self) -> None:
        self._apply(self._new)

    def _undo(self) -> None:
        self._apply(self._old)


class DeleteBookmarksCommand(_StoreCommand):
    def __init__(self, store: BookmarkStore, bookmark_ids: Iterable[str], parent=None):
        ids = list(bookmark_ids)
        # no %n plural: lupdate drops or flattens plurals given to QCoreApplication.translate
        text = (QCoreApplication.translate("BookmarksPanel", "Delete bookmark") if len(ids) == 1 else
                QCoreApplication.translate("BookmarksPanel", "Delete %1 bookmarks").replace("%1", str(len(ids))))
        super().__init__(text, parent)
        self._store = store
        self._ids = ids
        self._removed: list[Bookmark] = []

    def _redo(self) -> None:
        self._removed = [self._store.delete(i) for i in self._ids if i in self._store]

    def _undo(self) -> None:
        for b in reversed(self._removed):
            self._store.restore(b)
        self._removed = []


class ReattachBookmarkCommand(_StoreCommand):
    def __init__(self, store: BookmarkStore, bookmark_id: str, interview_id: str, path: str,
                 source_text: str, start: int, end: int, exchange: int | None = None, parent=None):
        super().__init__(QCoreApplication.translate("BookmarksPanel", "Re-attach bookmark"), parent)
        self._store = store
        self._id = bookmark_id
        self._args = (interview_id, path, source_text, start, end, exchange)
        self._old: Bookmark | None = store.get(bookmark_id)

    def _redo(self) -> None:
        if self._id in self._store:
            self._old = self._store.get(self._id)
            self._store.reattach(self._id, *self._args)

    def _undo(self) -> None:
        if self._old is not None:
            self._store.restore(self._old)
