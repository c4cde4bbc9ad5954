"""Diagnostics: where kzreader's log goes.  Every module logs through
``logging.getLogger(__name__)`` (all under the "kzreader" logger); this module alone decides
where that ends up, so the core stays free of both Qt and logging set-up.

- The window (``setup_logging(log_dir(...), debug)``): a rotating file in the user's state
  folder (Linux ``$XDG_STATE_HOME/kzreader``, macOS ``~/Library/Logs/kzreader``, Windows
  ``%LOCALAPPDATA%\\kzreader\\logs``; inside ``--settings-dir`` when that is given), at INFO;
  with ``--debug`` at DEBUG and also on stderr.
- The command line (``setup_logging(None, debug)``): stderr, and only with ``--debug``.
- Anything else that imports kzreader (tests, scripts): nothing is printed; the records reach
  the root logger's handlers, if any.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

LOGGER = "kzreader"
SETTINGS_ENV = "KZREADER_SETTINGS_DIR"  # as the window's --settings-dir
LOG_FILE = "kzreader.log"
LOG_BYTES = 1_000_000  # one file; three older ones are kept beside it
LOG_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"


def log_dir(settings_dir: str | None = None) -> Path:
    """The folder the window's log goes to (``settings_dir``, else $KZREADER_SETTINGS_DIR,
    keeps it beside the settings: tests and scripts stay in their own folder)."""
    settings_dir = settings_dir or os.environ.get(SETTINGS_ENV)
    if settings_dir:
        return Path(settings_dir) / "logs"
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "kzreader" / "logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / "kzreader"
    state = os.environ.get("XDG_STATE_HOME")
    base = Path(state) if state and os.path.isabs(state) else home / ".local" / "state"
    return base / "kzreader"


def setup_logging(folder: str | os.PathLike | None, debug: bool = False) -> Path | None:
    """Send kzreader's log to a rotating file in ``folder`` (None: no file) and, with
    ``debug``, to stderr.  Returns the log file, or None when there is none (a folder that
    cannot be written is said once on stderr; the program goes on without a file).
    Calling it again replaces what an earlier call set up."""
    logger = stop_logging()
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    formatter = logging.Formatter(_FORMAT)
    path = None
    if folder is not None:
        # here: logging.handlers imports socket and pickle, 5-10 ms of start-up
        from logging.handlers import RotatingFileHandler

        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(
                Path(folder) / LOG_FILE, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
        except OSError as e:
            print(f"kzreader: no log file in {folder}: {e.strerror or e}", file=sys.stderr)
        else:
            path = Path(handler.baseFilename)
            _add(logger, handler, formatter)
    if debug:
        _add(logger, logging.StreamHandler(sys.stderr), formatter)
    return path


def stop_logging() -> logging.Logger:
    """Remove and close what ``setup_logging`` set up (the end of a run; tests)."""
    logger = logging.getLogger(LOGGER)
    for h in [h for h in logger.handlers if getattr(h, "_kzreader", False)]:
        logger.removeHandler(h)
        h.close()
    logger.setLevel(logging.NOTSET)
    return logger


def _add(logger: logging.Logger, handler: logging.Handler, formatter: logging.Formatter) -> None:
    handler.setFormatter(formatter)
    handler._kzreader = True  # type: ignore[attr-defined]  (ours to replace, not a test's)
    logger.addHandler(handler)


def log_file() -> Path | None:
    """The file ``setup_logging`` writes to, if it set one up."""
    for h in logging.getLogger(LOGGER).handlers:
        if getattr(h, "_kzreader", False) and isinstance(h, logging.FileHandler):
            return Path(h.baseFilename)
    return None


def take_debug_flag(argv: list[str]) -> tuple[list[str], bool]:
    """``argv`` without ``--debug`` (before a ``--``, after which everything is an argument),
    and whether it was there."""
    end = argv.index("--") if "--" in argv else len(argv)
    head = [a for a in argv[:end] if a != "--debug"]
    return head + argv[end:], len(head) != end
