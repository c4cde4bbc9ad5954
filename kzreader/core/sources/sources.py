"""Files → Source records: finding the files kzreader opens, reading each through its format's
converter (``core.formats``), and its sidecar metadata (``NAME.yaml``).

Decoding bytes lives in ``core.decoding`` and the record in ``core.source_record``; both are
re-exported here, since most callers want "a file, read".
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import yaml

from .. import messages as msg
from ..messages import Message
from .decoding import (  # noqa: F401 (re-exported)
    SourceError, decode, decode_text, looks_binary, normalise_newlines,
)
from .formats import SUPPORTED_SUFFIXES, format_for
from .source_record import Source, clean_metadata, safe_yaml

# refuse files whose text would be too large to read comfortably (bytes)
MAX_FILE_BYTES = 64 * 1024 * 1024

# The conventional notes a folder carries about itself (README.md, LICENSE.txt, CHANGELOG.md,
# README.ru.md…): read as an interview, a README's table became a question and the collection
# showed one interview too many.  Skipped when a folder is opened; opened when named directly.
FOLDER_NOTES = frozenset({
    "readme", "license", "licence", "copying", "changelog", "changes", "authors", "contributors",
    "contributing", "notice", "code_of_conduct",
})


def opened_with_folder(name: str, suffixes=SUPPORTED_SUFFIXES) -> bool:
    """Whether a folder's file named ``name`` is opened with the folder: a supported suffix,
    not hidden, not the lock file Word keeps beside an open document ("~$x.docx"), and not one
    of the folder's notes (its part before the first dot, in any case, in ``FOLDER_NOTES``)."""
    return (name.lower().endswith(suffixes) and not name.startswith((".", "~$"))
            and name.split(".", 1)[0].lower() not in FOLDER_NOTES)


def iter_source_files(paths, suffixes=SUPPORTED_SUFFIXES, errors=None):
    """Yield supported files under ``paths`` (files or folders, recursively), sorted, each once,
    as resolved paths (``os.path.realpath``): interview ids come from the path, so two
    spellings of one file ("../x.txt", a symlinked folder) are one interview.

    In folders, hidden files, Word's lock files and the folder's own notes (README, LICENSE,
    CHANGELOG…: ``FOLDER_NOTES``) are left out; a file named in ``paths`` is always read.
    Symlink loops, unreadable folders and what is not a regular file (pipes, sockets,
    devices) are skipped; when ``errors`` is a list, a (path, Message) pair is appended for each.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()

    def report(p, message: Message):
        if errors is not None:
            errors.append((str(p), message))

    def walk(d: Path):
        try:
            st = d.stat()
        except OSError as e:
            report(d, Message(msg.CANNOT_OPEN_FOLDER, reason=e.strerror or e))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # symlink loop or the same folder twice
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            report(d, Message(msg.CANNOT_LIST_FOLDER, reason=e.strerror or e))
            return
        base = os.path.realpath(d)  # once per folder: per file only for a symlinked file
        for e in entries:
            try:
                if e.is_dir():
                    yield from walk(Path(e.path))
                elif opened_with_folder(e.name, suffixes):
                    if not e.is_file():  # a named pipe, socket or device: reading could hang
                        report(e.path, _not_regular(e.stat().st_mode))
                        continue
                    r = os.path.realpath(e.path) if e.is_symlink() else os.path.join(base, e.name)
                    if r not in seen_files:
                        seen_files.add(r)
                        yield r
            except OSError as exc:
                report(e.path, Message(msg.CANNOT_OPEN, reason=exc.strerror or exc))

    def one(p: Path):
        try:
            mode = p.stat().st_mode
        except OSError as e:
            report(p, Message(msg.CANNOT_OPEN, reason=e.strerror or e))
            return
        if not stat.S_ISREG(mode):
            report(p, _not_regular(mode))
            return
        r = os.path.realpath(p)
        if r not in seen_files:
            seen_files.add(r)
            yield r

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from walk(p)
        elif p.exists():
            yield from one(p)
        else:
            report(p, Message(msg.NO_SUCH_PATH))


def _not_regular(mode: int) -> Message:
    if stat.S_ISFIFO(mode):
        return Message(msg.SKIPPED_PIPE)
    if stat.S_ISSOCK(mode):
        return Message(msg.SKIPPED_SOCKET)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message(msg.SKIPPED_DEVICE)
    return Message(msg.SKIPPED_NOT_REGULAR)


def read_source(path: str | os.PathLike) -> Source:
    """Read and decode one file.  Raises SourceError with a user-facing message."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as e:
        raise SourceError(Message(msg.CANNOT_OPEN, reason=e.strerror or e)) from None
    if not stat.S_ISREG(st.st_mode):  # checked before opening: opening a pipe waits for a writer
        raise SourceError(_not_regular(st.st_mode))
    if st.st_size > MAX_FILE_BYTES:
        raise SourceError(Message(msg.FILE_TOO_LARGE, size_mb=st.st_size // (1024 * 1024),
                                  limit_mb=MAX_FILE_BYTES // (1024 * 1024)))
    try:
        data = p.read_bytes()
    except OSError as e:
        raise SourceError(Message(msg.CANNOT_READ, reason=e.strerror or e)) from None
    if not data or data.isspace():  # as ``not data.strip()``, without copying the data
        raise SourceError(Message(msg.FILE_EMPTY))
    fmt = format_for(p.suffix)
    derived = fmt.convert(data)
    text = derived.text
    if not text or text.isspace():
        raise SourceError(Message(msg.FILE_NO_TEXT))
    src = Source(str(path), text, derived.encoding, fmt.name, st.st_size, st.st_mtime,
                 clean_metadata(derived.metadata), list(derived.warnings), list(derived.removed))
    _read_sidecar(p, src)
    return src


# the errors Path.exists() reads as "does not exist"
_MISSING_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _exists(path: str) -> bool:
    """``Path(path).exists()`` without building Path objects (twice for every file read)."""
    try:
        os.stat(path)
    except OSError as e:
        if e.errno in _MISSING_ERRNOS:
            return False
        raise
    except ValueError:  # a name the OS cannot take
        return False
    return True


def _read_sidecar(p: Path, src: Source) -> None:
    base = str(p.with_suffix(""))  # NAME.yaml beside NAME.txt, as with_suffix(".yaml") names it
    for ext in (".yaml", ".yml"):
        if _exists(base + ext):
            side = Path(base + ext)
            if not side.is_file():
                src.warnings.append(Message(msg.SIDECAR_NOT_REGULAR, name=side.name))
                return
            try:
                data = safe_yaml(side.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
                src.warnings.append(_sidecar_problem(side.name, e))
                return
            if isinstance(data, dict):
                src.metadata = {**src.metadata, **clean_metadata(data)}  # the sidecar wins
            elif data is not None:
                src.warnings.append(Message(msg.SIDECAR_NOT_MAPPING, name=side.name))
            return


def _sidecar_problem(name: str, e: Exception) -> Message:
    """Why the sidecar ``name`` was not read: not UTF-8, bad YAML (where), or the system's reason."""
    if isinstance(e, UnicodeDecodeError):
        return Message(msg.SIDECAR_NOT_UTF8, name=name)
    mark = getattr(e, "problem_mark", None)
    if mark is not None:
        return Message(msg.SIDECAR_YAML_AT, name=name, line=mark.line + 1,
                       problem=getattr(e, "problem", None) or type(e).__name__)
    reason = getattr(e, "strerror", None) or (str(e).splitlines()[0] if str(e) else type(e).__name__)
    return Message(msg.SIDECAR_UNREADABLE, name=name, reason=reason)