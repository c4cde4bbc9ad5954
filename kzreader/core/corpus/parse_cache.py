"""A cache of parsed interviews in the user's cache folder, one file per source file.

An entry is valid only for the exact source it came from: the key is the source's path, size
and modification time (and those of its sidecar ``NAME.yaml``), and the entry also records the
parser and cache versions.  Any difference is a miss and the file is parsed again.  Entries are
``marshal``-encoded plain values behind a checksum: a truncated, garbled or foreign file fails
the checksum or the shape checks in ``codec`` and is treated as a miss (and rewritten),
never trusted.  Writes go to a temporary file that is renamed into place, so readers never see
half an entry.  The cache is an optimisation only: every failure here degrades to parsing.
"""
from __future__ import annotations

import logging
import hashlib
import marshal
import os
import zlib
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Container

from . import codec
from ..atomic import atomic_file
from .lazy import make_lazy
from ..model import Interview
from ..parsing import PARSER_VERSION

log = logging.getLogger(__name__)

CACHE_VERSION = 6  # 4: interviews carry their opening words; 5: search terms are stems in text order;
# 6: warnings are message codes with parameters (core.messages) instead of English text
_MAGIC = b"KZRC"  # then the crc32 of the payload, then the payload
# marshal's own format version; pinned so an entry is read back by the same rules
_MARSHAL_VERSION = 4


@dataclass(slots=True)
class Entry:
    interview: Interview
    terms: tuple  # for search: analysis.Terms
    # (lexicon key, per-exchange theme ids) or None when not tagged
    themes: tuple | None


def source_key(path: str, names: Container[str] | None = None) -> tuple | None:
    """(size, mtime_ns) of the file and of its sidecar metadata files; None if unreadable.

    ``names``, the file names in the file's folder, spares a failing stat per absent sidecar.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = [st.st_size, st.st_mtime_ns]
    base = os.path.splitext(path)[0]
    for side in (base + ".yaml", base + ".yml"):
        if names is not None and os.path.basename(side) not in names:
            continue
        try:
            sst = os.stat(side)
        except OSError:
            continue
        key += [side, sst.st_size, sst.st_mtime_ns]
    return tuple(key)


class ParseCache:
    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)

    def _file(self, path: str) -> Path:
        digest = hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / digest[:2] / (digest[2:] + ".kzc")

    def get(self, path: str, key: tuple | None = None, lazy: bool = False) -> Entry | None:
        """The valid entry for ``path`` or None (missing, stale, or damaged).

        With ``lazy`` the interview is a LazyInterview: its body is read from this cache again
        when first used, not now.
        """
        if key is None:
            key = source_key(path)
            if key is None:
                return None
        fields = self._read(path, key)
        if fields is None:
            return None
        head, terms, themes, body = fields
        try:
            summary_fields, count, warnings = codec.decode_summary(head)
            if lazy:
                iv = make_lazy(summary_fields, count, warnings, partial(self.body, path, key))
            else:
                iv = Interview(**summary_fields, **_body_fields(body), warnings=warnings)
        except ValueError:
            return None
        return Entry(iv, terms, themes)

    def body(self, path: str, key: tuple) -> dict | None:
        """The body fields (see ``lazy.BODY``) stored for ``path`` as it was at ``key``."""
        fields = self._read(path, key)
        if fields is None:
            return None
        try:
            return _body_fields(fields[3])
        except ValueError:
            return None

    def _read(self, path: str, key: tuple) -> tuple | None:
        try:
            data = self._file(path).read_bytes()
        except OSError:
            return None
        return _decode_entry(data, path, key)

    def put(self, path: str, key: tuple | None, entry: Entry) -> bool:
        """Store ``entry`` for the source as it was at ``key``; False if it could not be written."""
        if key is None:
            return False
        iv = entry.interview
        # the body is marshalled on its own, so reading an entry for the list can skip it
        body = marshal.dumps(codec.body(iv), _MARSHAL_VERSION)
        payload = marshal.dumps(
            (CACHE_VERSION, PARSER_VERSION, path, key, codec.summary(iv), entry.terms,
             entry.themes, body),
            _MARSHAL_VERSION,
        )
        return write_sealed(self._file(path), _MAGIC, payload)

    def remove(self, path: str) -> None:
        try:
            self._file(path).unlink()
        except OSError:
            pass


def write_sealed(target: Path, magic: bytes, payload: bytes) -> bool:
    """Write ``magic`` + CRC32 + ``payload`` atomically; False when it cannot be written.
    Not fsynced (``core.atomic``): the CRC makes an entry a power cut damaged a miss."""
    try:
        try:
            _write_sealed(target, magic, payload)
        except FileNotFoundError:  # its folder is new: made here, not tried before every write
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_sealed(target, magic, payload)
        return True
    except OSError as e:
        log.warning("cannot write the cache file %s: %s", target, e)
        return False


def _write_sealed(target: Path, magic: bytes, payload: bytes) -> None:
    with atomic_file(target, durable=False) as f:
        f.write(magic + zlib.crc32(payload).to_bytes(4, "little"))
        f.write(payload)  # not joined to the header: no copy of the payload


def unseal(data: bytes, magic: bytes) -> bytes | None:
    """The payload of what ``write_sealed`` wrote, or None if the magic or the CRC is wrong."""
    header = len(magic) + 4
    if len(data) < header or data[:len(magic)] != magic:
        return None
    payload = data[header:]
    if zlib.crc32(payload) != int.from_bytes(data[len(magic):header], "little"):
        return None
    return payload


def _decode_entry(data: bytes, path: str, key: tuple) -> tuple | None:
    """(summary, terms, themes, body bytes) of a sound entry for ``path`` at ``key``, or None."""
    payload = unseal(data, _MAGIC)
    if payload is None:
        log.warning("parse cache: damaged entry for %s (checksum); the file is parsed again", path)
        return None
    try:
        version, parser, stored_path, stored_key, head, terms, themes, body = marshal.loads(payload)
    except (ValueError, TypeError, EOFError):
        log.warning("parse cache: unreadable entry for %s; the file is parsed again", path)
        return None
    if (version, parser, stored_path) != (CACHE_VERSION, PARSER_VERSION, path):
        return None
    if not isinstance(stored_key, tuple) or stored_key != tuple(key):
        return None
    if not isinstance(terms, tuple) or len(terms) != 4 or not isinstance(body, bytes) or (
            themes is not None and not isinstance(themes, tuple)):
        return None
    return head, terms, themes, body


def _body_fields(body: bytes) -> dict:
    try:
        return codec.body_fields(marshal.loads(body))
    except (EOFError, TypeError) as e:
        raise ValueError(f"damaged interview body: {e}") from None
