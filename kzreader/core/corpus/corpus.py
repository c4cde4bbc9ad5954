"""A loaded collection of interviews and the problems met while loading it."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .. import messages as msg
from ..messages import Message
from ..model import Interview, Problem

log = logging.getLogger(__name__)


def load_file(path: str) -> Interview | Problem:
    """Parse one file; never raises: failures come back as a Problem."""
    # the parser is imported on first use: the window holds a Corpus long before it parses
    # (importing it takes about 0.1-0.2 s)
    from ..parsing import parse_source
    from ..sources.sources import SourceError, read_source

    try:
        return parse_source(read_source(path))
    except SourceError as e:
        log.info("not read: %s: %s", path, e)
        return Problem(str(path), e.message)
    except MemoryError:
        log.warning("not enough memory to load %s", path)
        return Problem(str(path), Message(msg.OUT_OF_MEMORY))
    except Exception as e:  # a parser bug must not stop the rest of the corpus
        log.exception("internal error while parsing %s", path)
        return Problem(str(path), Message(msg.PARSER_ERROR, error=f"{type(e).__name__}: {e}"))


@dataclass
class Corpus:
    interviews: list[Interview] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # id -> interview; panels look interviews up per row, so a scan would cost O(corpus)
    _by_id: dict[str, Interview] = field(default_factory=dict, repr=False, compare=False)

    def add(self, item: Interview | Problem) -> None:
        if isinstance(item, Problem):
            self.problems.append(item)
            return
        self.interviews.append(item)
        self._by_id[item.id] = item
        if item.warnings:
            for w in item.warnings:
                self.problems.append(Problem(item.path, w, "warning"))

    def by_id(self, iid: str) -> Interview | None:
        if len(self._by_id) != len(self.interviews):  # the list was filled directly
            self._by_id = {iv.id: iv for iv in self.interviews}
        return self._by_id.get(iid)


def load_paths(
    paths: Iterable[str],
    on_item: Callable[[Interview | Problem], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Corpus:
    """Load every supported file under ``paths`` in order (single process)."""
    from ..sources.sources import iter_source_files

    corpus = Corpus()
    errors: list[tuple[str, Message]] = []
    for path in iter_source_files(paths, errors=errors):
        if cancelled is not None and cancelled():
            break
        item = load_file(path)
        corpus.add(item)
        if on_item is not None:
            on_item(item)
    for p, message in errors:
        prob = Problem(p, message)
        corpus.problems.append(prob)
        if on_item is not None:
            on_item(prob)
    return corpus
