"""A snapshot of a whole loaded corpus, so that opening it again skips the per-file work.

One file per set of opened paths, ``<cache>/corpus/<digest>.kzs``: for every interview its
source key, its summary (the list's fields, no paragraph text) and its theme tags, plus the
search index's state, which names the tantivy index kept beside it in
``<cache>/corpus/<digest>.index/`` (it is used as it is, not copied).  On the next open, a file whose key is unchanged comes from the snapshot
(its body is fetched from the parse cache when first read); the others load the normal way.
The same rules as the parse cache hold: a checksum, version checks and shape checks, and any
doubt means no snapshot, never a wrong one.
"""
from __future__ import annotations

import logging
import hashlib
import marshal
import os
from dataclasses import dataclass
from pathlib import Path

from .parse_cache import CACHE_VERSION, unseal, write_sealed
from ..parsing import PARSER_VERSION

log = logging.getLogger(__name__)

SNAPSHOT_VERSION = 2  # 2: the search index is a tantivy folder beside it (index_dir)
_MAGIC = b"KZRS"
_MARSHAL_VERSION = 4


@dataclass(slots=True)
class Record:
    key: tuple  # parse_cache.source_key at parse time
    summary: tuple  # codec.summary
    themes: tuple | None  # per exchange, sorted theme ids (for the snapshot's lexicon key)


@dataclass(slots=True)
class Snapshot:
    lexicon_key: str | None
    records: dict[str, Record]  # path -> record
    index_state: tuple  # SearchIndex.state(): names the index in ``index_dir``


def _digest(roots: list[str]) -> str:
    return hashlib.sha1("\n".join(roots).encode("utf-8", "surrogatepass")).hexdigest()


def _file(cache_dir: str | os.PathLike, roots: list[str]) -> Path:
    return Path(cache_dir) / "corpus" / f"{_digest(roots)}.kzs"


def index_dir(cache_dir: str | os.PathLike, roots: list[str]) -> Path:
    """The folder of the search index that goes with the snapshot of ``roots``."""
    return Path(cache_dir) / "corpus" / f"{_digest(roots)}.index"


def save(cache_dir: str | os.PathLike, roots: list[str], snap: Snapshot) -> bool:
    records = tuple((path, r.key, r.summary, r.themes) for path, r in snap.records.items())
    try:
        payload = marshal.dumps(
            (SNAPSHOT_VERSION, CACHE_VERSION, PARSER_VERSION, tuple(roots), snap.lexicon_key,
             records, snap.index_state),
            _MARSHAL_VERSION,
        )
    except ValueError:  # something unmarshallable slipped in: no snapshot rather than a bad one
        return False
    return write_sealed(_file(cache_dir, roots), _MAGIC, payload)


def load(cache_dir: str | os.PathLike, roots: list[str]) -> Snapshot | None:
    try:
        data = _file(cache_dir, roots).read_bytes()
    except OSError:
        return None
    payload = unseal(data, _MAGIC)
    if payload is None:
        log.warning("corpus snapshot refused: damaged (checksum); every file is checked")
        return None
    try:
        version, cache_version, parser, stored_roots, lexicon_key, records, state = marshal.loads(payload)
        if (version, cache_version, parser, stored_roots) != (
                SNAPSHOT_VERSION, CACHE_VERSION, PARSER_VERSION, tuple(roots)):
            log.info("corpus snapshot not used: another kzreader or parser version")
            return None
        out = {}
        for path, key, summary, themes in records:
            if not isinstance(path, str) or not isinstance(key, tuple) or not isinstance(summary, tuple):
                return None
            out[path] = Record(key, summary, themes)
        if not isinstance(state, tuple):
            log.warning("corpus snapshot refused: its contents have the wrong shape")
            return None
        return Snapshot(lexicon_key, out, state)
    except (ValueError, TypeError, EOFError):
        log.warning("corpus snapshot refused: its contents have the wrong shape")
        return None


def remove(cache_dir: str | os.PathLike, roots: list[str]) -> None:
    try:
        _file(cache_dir, roots).unlink()
    except OSError:
        pass
