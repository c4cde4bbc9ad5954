"""Key lists for actions: the platform's standard keys merged with our own, each key once.

A key bound twice to the same action (the platform's Quit is Ctrl+Q on X11, and we add
Ctrl+Q for the platforms that have none) registers two shortcuts for one sequence; Qt then
reports an "ambiguous shortcut overload" and the key does nothing.  So every action with a
standard key builds its list here.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

# Keys from Qt::Key_Back up are media and browser keys (Refresh, ZoomIn, Back…), and F13 and
# above exist on few keyboards (X11 binds F14 to Undo): a platform may bind them, but they are
# no keys a reader types, so the shortcuts dialog leaves them out.
_FIRST_MEDIA_KEY = Qt.Key.Key_Back.value
_RARE_F_KEYS = range(Qt.Key.Key_F13.value, Qt.Key.Key_F35.value + 1)


def merged_keys(*parts) -> list[QKeySequence]:
    """Each part is a key string ("Ctrl+Q"), a QKeySequence or a StandardKey (all of the
    platform's bindings for it); the result keeps the first occurrence of each sequence and
    drops empty ones (offscreen and some platforms have no standard keys)."""
    out: list[QKeySequence] = []
    for part in parts:
        if isinstance(part, QKeySequence.StandardKey):
            seqs = QKeySequence.keyBindings(part)
        else:
            seqs = [QKeySequence(part)]
        for seq in seqs:
            if not seq.isEmpty() and seq not in out:
                out.append(seq)
    return out


def _typeable(seq: QKeySequence) -> bool:
    if seq.isEmpty():
        return False
    key = seq[0].key().value
    return key < _FIRST_MEDIA_KEY and key not in _RARE_F_KEYS


def display_keys(action: QAction) -> str:
    """The action's keys for people: native text, each once, no media keys."""
    shown: list[str] = []
    for seq in action.shortcuts():
        if not _typeable(seq):
            continue
        text = seq.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in shown:
            shown.append(text)
    return ", ".join(shown)
