"""A cache of parsed interviews in the user's cache folder: one SQLite database, a row per file.

An entry is valid only for the exact source it came from: the key is the source's path, size
and modification time (and those of its sidecar ``NAME.yaml``), and the entry also records the
parser and cache versions.  Any difference is a miss and the file is parsed again.  Entries are
``marshal``-encoded plain values behind a checksum, stored as one blob per source path: a
garbled or foreign blob fails the checksum or the shape checks in ``codec`` and is a miss (and
rewritten), never trusted.

Entries are written in batches, one transaction each (``put_many``: a worker writes the files of
a chunk together).  One file per entry through a temporary file and a rename cost 0.4-0.6 ms a
file of kernel time, a tenth of a cold load's processor time at 10,000 files.  SQLite keeps a
batch all or nothing, so a process killed mid-batch leaves the entries before it intact.  The
database runs in WAL mode (the loader thread reads while the workers write) with a busy
timeout, and without fsync: a power cut may lose recent entries, and the checksums catch the rest.

The cache is an optimisation only: a database that is corrupt or not ours is deleted and made
again, and one that cannot be opened or written (a read-only folder, a full disk, locked too
long) means misses and nothing stored; each with a log line, never an exception.
"""
from __future__ import annotations

import logging
import marshal
import os
import sqlite3
import threading
import time
import zlib
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Container, Iterable

from . import codec
from ..atomic import atomic_file
from .lazy import make_lazy
from ..model import Interview
from ..parsing import PARSER_VERSION

log = logging.getLogger(__name__)

CACHE_VERSION = 9  # 4: interviews carry their opening words; 5: search terms are stems in text order;
# 6: warnings are message codes with parameters (core.messages) instead of English text;
# 7: one SQLite database instead of a file per entry (the old ``xx/*.kzc`` files are ignored);
# 8: the search terms are marshalled on their own; 9: their units apart from the word forms
# (``terms_blob``), as workers send them
_MAGIC = b"KZRC"  # then the crc32 of the payload, then the payload
# marshal's own format version; pinned so an entry is read back by the same rules
_MARSHAL_VERSION = 4
DB_NAME = "entries.sqlite3"
_APPLICATION_ID = int.from_bytes(_MAGIC, "big")  # marks the database as ours (PRAGMA application_id)
_BUSY_SECONDS = 2.0  # how long a write waits for another process's transaction
_CORRUPT = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
_BUSY = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED


@dataclass(slots=True)
class Entry:
    interview: Interview
    terms: tuple  # for search: analysis.Terms
    # (lexicon key, per-exchange theme ids) or None when not tagged
    themes: tuple | None
    # ``terms_blob(terms)`` when made already: a worker makes it once for the cache and for
    # the window
    blob: bytes | None = None


def terms_blob(terms: tuple) -> bytes:
    """The search units of ``terms`` (all but the word forms) as bytes: the form the cache
    stores them in and workers send them in (a tenth of a millisecond a file to make; bytes
    cost next to nothing to pickle again).  The forms go apart: a worker sends the window
    only those it has not sent before."""
    return marshal.dumps(terms[:3], _MARSHAL_VERSION)


def terms_from_blob(blob: bytes, forms: tuple) -> tuple:
    """The terms whose units ``terms_blob`` made, with ``forms``; ValueError when damaged."""
    try:
        units = marshal.loads(blob)
    except (EOFError, TypeError, ValueError) as e:
        raise ValueError(f"damaged search terms: {e}") from None
    if not isinstance(units, tuple) or len(units) != 3 or not isinstance(forms, tuple):
        raise ValueError("damaged search terms")
    return (*units, forms)


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


class _NotOurs(Exception):
    """The database file holds something other than a parse cache."""


class ParseCache:
    """The cache in ``directory``.  Safe to share between threads (each has its own connection)
    and processes (SQLite's locks)."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        self.file = self.directory / DB_NAME
        self._local = threading.local()
        self._lock = threading.Lock()
        self._disabled = False  # it could not be opened: every look-up is a miss
        self._rebuilt = False  # deleted and made again once already (no second try)
        self._logged: set[str] = set()

    def get(self, path: str, key: tuple | None = None, lazy: bool = False) -> Entry | None:
        """The valid entry for ``path`` or None (missing, stale, or damaged).

        With ``lazy`` the interview is a LazyInterview: its body is read from this cache again
        when first used, not now (in whatever thread uses it).
        """
        if key is None:
            key = source_key(path)
            if key is None:
                return None
        fields = self._read(path, key)
        if fields is None:
            return None
        head, blob, forms, themes, body = fields
        try:
            terms = terms_from_blob(blob, forms)
            summary_fields, count, warnings = codec.decode_summary(head)
            if lazy:
                iv = make_lazy(summary_fields, count, warnings, partial(self.body, path, key))
            else:
                iv = Interview(**summary_fields, **_body_fields(body), warnings=warnings)
        except ValueError:
            return None
        return Entry(iv, terms, themes, blob)

    def body(self, path: str, key: tuple) -> dict | None:
        """The body fields (see ``lazy.BODY``) stored for ``path`` as it was at ``key``."""
        fields = self._read(path, key)
        if fields is None:
            return None
        try:
            return _body_fields(fields[-1])  # the body comes last
        except ValueError:
            return None

    def _read(self, path: str, key: tuple) -> tuple | None:
        data = self._run(_select, path)
        if not isinstance(data, bytes):
            return None
        return _decode_entry(data, path, key)

    def put(self, path: str, key: tuple | None, entry: Entry) -> bool:
        """Store ``entry`` for the source as it was at ``key``; False if it could not be written."""
        return self.put_many([(path, key, entry)])

    def put_many(self, items: Iterable[tuple[str, tuple | None, Entry]]) -> bool:
        """Store each ``(path, key, entry)`` in one transaction: all of them or, when the
        database cannot be written, none (False).  Items without a key are left out."""
        try:
            rows = [(path, sealed_entry(path, key, entry)) for path, key, entry in items
                    if key is not None]
        except (ValueError, TypeError) as e:  # something unmarshallable: store nothing
            self._note("encode", "parse cache: an entry cannot be encoded (%s)", e)
            return False
        if not rows:
            return False
        return self._run(_insert, rows) is True

    def held_paths(self) -> frozenset[str] | None:
        """The paths the cache holds an entry for (current or not), read in one query, so a
        load looks up only those: a cold load of 10,000 files spent its first 0.24 s on
        look-ups that all missed.  None when the database cannot be read."""
        rows = self._run(_paths, None)
        return frozenset(row[0] for row in rows) if rows is not None else None

    def remove(self, path: str) -> None:
        self._run(_delete, path)

    def close(self) -> None:
        """Close this thread's connection (the others close with their threads)."""
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            conn.close()

    # -- the database ----------------------------------------------------------------------
    def _run(self, action, arg):
        """``action(connection, arg)``; None when the database cannot be used."""
        for attempt in (1, 2):
            conn = self._connection()
            if conn is None:
                return None
            try:
                return action(conn, arg)
            except sqlite3.Error as e:
                if conn.in_transaction:
                    try:
                        conn.rollback()
                    except sqlite3.Error:
                        pass
                if attempt == 1 and _is_corrupt(e) and self._rebuild(f"{e}"):
                    continue  # once more on the new, empty database
                self._note("failed", "parse cache: %s failed (%s); files are parsed instead",
                           action.__name__.strip("_"), e)
                return None
        return None

    def _connection(self) -> sqlite3.Connection | None:
        conn = getattr(self._local, "conn", None)
        if conn is not None or self._disabled:
            return conn
        try:
            conn = self._open()
        except (sqlite3.Error, OSError, _NotOurs) as e:
            if (isinstance(e, _NotOurs) or (isinstance(e, sqlite3.Error) and _is_corrupt(e))) \
                    and self._rebuild(f"{e}"):
                try:
                    conn = self._open()
                except (sqlite3.Error, OSError, _NotOurs) as e2:
                    e = e2
            if conn is None:
                self._disabled = True
                log.warning("parse cache: cannot use %s (%s); files are parsed instead", self.file, e)
                return None
        self._local.conn = conn
        return conn

    def _open(self) -> sqlite3.Connection:
        """A connection to the database, made first if new.  Several processes may open a new
        cache at once; SQLite answers some of them "locked" at once instead of waiting (changing
        the journal mode, a WAL still being set up), so those tries are repeated until the busy
        timeout has passed."""
        self.directory.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + _BUSY_SECONDS
        pause = 0.005
        while True:
            try:
                return self._open_once()
            except sqlite3.OperationalError as e:
                if not _is_busy(e) or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)

    def _open_once(self) -> sqlite3.Connection:
        # autocommit (isolation_level None): transactions are begun explicitly in _insert
        conn = sqlite3.connect(self.file, timeout=_BUSY_SECONDS, isolation_level=None)
        try:
            app, tables = _identity(conn)
            if app != _APPLICATION_ID and (app != 0 or tables):
                raise _NotOurs(f"application id {app:#x}, {tables} tables")
            if app != _APPLICATION_ID:  # new: 16 KB pages (an entry is some 40 KB; 4 KB
                conn.execute("PRAGMA page_size=16384")  # pages wrote 0.08 ms a file, these 0.05)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            if app != _APPLICATION_ID:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    # looked at again under the write lock: another process may have made it
                    app, tables = _identity(conn)
                    if app != _APPLICATION_ID:
                        if tables:
                            raise _NotOurs(f"application id {app:#x}, {tables} tables")
                        conn.execute("CREATE TABLE entry (path TEXT PRIMARY KEY, data BLOB NOT NULL)")
                        conn.execute(f"PRAGMA application_id={_APPLICATION_ID}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.rollback()
                    raise
            return conn
        except BaseException:
            conn.close()
            raise

    def _rebuild(self, why: str) -> bool:
        """Delete a damaged or foreign database so that it is made anew (once per cache)."""
        with self._lock:
            if self._rebuilt:
                return False
            self._rebuilt = True
        log.warning("parse cache: %s is damaged or not a parse cache (%s); it is made again", self.file, why)
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.file}{suffix}")
            except FileNotFoundError:
                pass
            except OSError as e:
                log.warning("parse cache: cannot remove %s%s: %s", self.file, suffix, e)
                return False
        return True

    def _note(self, kind: str, message: str, *args) -> None:
        """Log ``message`` as a warning the first time, later ones at debug level (a full
        disk would otherwise log once per batch)."""
        level = logging.DEBUG if kind in self._logged else logging.WARNING
        self._logged.add(kind)
        log.log(level, message, *args)


def _select(conn: sqlite3.Connection, path: str) -> bytes | None:
    # fetchall, not fetchone: the statement runs to its end, so no read transaction stays
    # open (one would keep the WAL from being merged back into the database)
    rows = conn.execute("SELECT data FROM entry WHERE path = ?", (path,)).fetchall()
    return rows[0][0] if rows else None


def _paths(conn: sqlite3.Connection, _arg) -> list[tuple[str]]:
    return conn.execute("SELECT path FROM entry").fetchall()  # from the primary key's index


def _insert(conn: sqlite3.Connection, rows: list[tuple[str, bytes]]) -> bool:
    # IMMEDIATE: take the write lock now (waiting up to the busy timeout), not on the first insert
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT OR REPLACE INTO entry (path, data) VALUES (?, ?)", rows)
    conn.execute("COMMIT")
    return True


def _delete(conn: sqlite3.Connection, path: str) -> None:
    conn.execute("DELETE FROM entry WHERE path = ?", (path,))


def _identity(conn: sqlite3.Connection) -> tuple[int, int]:
    """The database's application id and its number of schema objects, read together: read
    apart, another process could make the database in between and it would look foreign."""
    in_transaction = conn.in_transaction
    if not in_transaction:
        conn.execute("BEGIN")
    try:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        if not in_transaction:
            conn.execute("COMMIT")
    return app, tables


def _is_busy(e: sqlite3.Error) -> bool:
    return (getattr(e, "sqlite_errorcode", 0) & 0xFF) in _BUSY


def _is_corrupt(e: sqlite3.Error) -> bool:
    return (getattr(e, "sqlite_errorcode", 0) & 0xFF) in _CORRUPT


def sealed_entry(path: str, key: tuple, entry: Entry) -> bytes:
    """What the database stores for ``entry``: magic, CRC32, then the marshalled fields."""
    iv = entry.interview
    # the body is marshalled on its own, so reading an entry for the list can skip decoding it
    body = marshal.dumps(codec.body(iv), _MARSHAL_VERSION)
    blob = entry.blob if entry.blob is not None else terms_blob(entry.terms)
    payload = marshal.dumps(
        (CACHE_VERSION, PARSER_VERSION, path, key, codec.summary(iv), blob, entry.terms[3],
         entry.themes, body),
        _MARSHAL_VERSION,
    )
    return seal(_MAGIC, payload)


def seal(magic: bytes, payload: bytes) -> bytes:
    return magic + zlib.crc32(payload).to_bytes(4, "little") + payload


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
    """(summary, terms blob, word forms, themes, body bytes) of a sound entry for ``path`` at
    ``key``, or None."""
    payload = unseal(data, _MAGIC)
    if payload is None:
        log.warning("parse cache: damaged entry for %s (checksum); the file is parsed again", path)
        return None
    try:
        fields = marshal.loads(payload)
        if not isinstance(fields, tuple) or fields[:2] != (CACHE_VERSION, PARSER_VERSION):
            return None  # another version's entry (its fields may differ): quietly a miss
        _version, _parser, stored_path, stored_key, head, blob, forms, themes, body = fields
    except (ValueError, TypeError, EOFError):
        log.warning("parse cache: unreadable entry for %s; the file is parsed again", path)
        return None
    if stored_path != path or not isinstance(stored_key, tuple) or stored_key != tuple(key):
        return None
    if not isinstance(blob, bytes) or not isinstance(body, bytes) or (
            themes is not None and not isinstance(themes, tuple)):
        return None
    return head, blob, forms, themes, body


def _body_fields(body: bytes) -> dict:
    try:
        return codec.body_fields(marshal.loads(body))
    except (EOFError, TypeError) as e:
        raise ValueError(f"damaged interview body: {e}") from None
