"""Interviews whose body stays in the parse cache until it is first used.

Ten thousand interviews hold about 400 MB of paragraph text, while the window needs only list
metadata, theme tags and the search index for nearly all of them.  A ``LazyInterview`` carries
the metadata, the warnings and the number of exchanges; the first read of ``lead``,
``exchanges``, ``removed`` or ``metadata_spans`` fetches the body, from the parse cache entry
written when the file was parsed or, if that entry has gone, by parsing the file again.
"""
from __future__ import annotations

import threading
from typing import Callable

from ..messages import Message
from ..model import Interview

BODY = ("lead", "exchanges", "removed", "metadata_spans")
_LOCK = threading.Lock()  # the loader thread and the GUI thread may ask for one body together


class LazyInterview(Interview):
    __slots__ = ("_fetch", "_count")

    def __getattr__(self, name: str):
        # Python calls this only for attributes not set yet: here, a body not fetched yet
        if name in BODY:
            self._load()
            return object.__getattribute__(self, name)
        raise AttributeError(name)

    @property
    def exchange_count(self) -> int:
        if self.loaded:
            return len(self.exchanges)
        return object.__getattribute__(self, "_count")

    @property
    def loaded(self) -> bool:
        try:
            object.__getattribute__(self, "exchanges")
            return True
        except AttributeError:
            return False

    def _load(self) -> None:
        with _LOCK:
            if self.loaded:
                return
            fields = object.__getattribute__(self, "_fetch")()
            if fields is None:
                fields = _parse_again(self.path)
            for key in BODY:
                object.__setattr__(self, key, fields.get(key, ()))

    def unload(self) -> None:
        """Drop the body again (it is fetched anew when next used)."""
        with _LOCK:
            for key in BODY:
                try:
                    object.__delattr__(self, key)
                except AttributeError:
                    pass

    # equal to the same interview built in full, so callers need not care which they hold
    def __eq__(self, other):
        if not isinstance(other, Interview):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name)
                   for name, f in Interview.__dataclass_fields__.items() if f.compare)

    __hash__ = Interview.__hash__


def make_lazy(fields: dict, count: int, warnings: tuple[Message, ...],
              fetch: Callable[[], dict | None]) -> LazyInterview:
    """An interview with ``fields`` (every field but the body) whose body ``fetch()`` returns
    as a dict of the BODY fields, or None when it is not to be had (then the file is parsed)."""
    iv = object.__new__(LazyInterview)
    for key, value in fields.items():
        object.__setattr__(iv, key, value)
    object.__setattr__(iv, "warnings", warnings)
    object.__setattr__(iv, "_count", count)
    object.__setattr__(iv, "_fetch", fetch)
    return iv


def _parse_again(path: str) -> dict:
    from .corpus import load_file  # here: corpus imports the parser, heavy for the GUI start

    item = load_file(path)
    if isinstance(item, Interview):
        return {key: getattr(item, key) for key in BODY}
    return {}
