"""The Qt-free scripting interface: `kzreader parse [--json] PATH...` (and `kzreader search`,
in search_cli).

Exit codes of parse: 0 when interviews were read (files that are problems go to stderr), 1 when no
interview file was found, 2 for bad arguments, 141 (128 + SIGPIPE, as cat or grep) when the
reader of the output went away, e.g. `| head`.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable

from .core.search.analysers import warn_missing_analysers
from .core.corpus.corpus import load_paths
from .core.model import Interview
from .core.sources.sources import SUPPORTED_SUFFIXES
from .diagnostics import setup_logging, take_debug_flag

LEAD_LIMIT = 300  # characters of the lead in the plain output
EXIT_NOTHING_FOUND = 1
EXIT_BAD_ARGS = 2
EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE


def interview_json(iv: Interview) -> dict:
    return {
        "id": iv.id,
        "path": iv.path,
        "title": iv.title,
        "date": iv.date,
        "interviewee": iv.interviewee,
        "role": iv.role,
        "interviewer": iv.interviewer,
        "source": iv.source,
        "url": iv.url,
        "language": iv.language,
        "encoding": iv.encoding,
        "lead": iv.lead_text,
        "exchanges": [
            {"number": ex.number, "question": ex.question.text, "answer": ex.answer.text,
             "question_speaker": ex.question.speaker, "answer_speaker": ex.answer.speaker}
            for ex in iv.exchanges
        ],
        "removed": [{"start": s.start, "end": s.end, "kind": s.kind, "text": s.text} for s in iv.removed],
        "warnings": [str(w) for w in iv.warnings],
        "warning_codes": [w.code for w in iv.warnings],
    }


def clip(text: str, limit: int) -> str:
    """``text`` cut at a word boundary within ``limit`` characters, and an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]  # the ellipsis takes the place of the space before the next word
    if not text[limit].isspace():
        space = max(cut.rfind(" "), cut.rfind("\n"))
        if space > limit // 2:  # else one very long "word" (a URL): cut inside it
            cut = cut[:space]
    cut = cut.rstrip(" \n,;:—–-")
    return cut + (" …" if cut.endswith((".", "!", "?")) else "…")  # a whole sentence, then more


def _plain(iv: Interview, out) -> None:
    out.write(f"== {iv.path}\n")
    for label, value in (("title", iv.title), ("date", iv.date), ("interviewee", iv.interviewee),
                         ("role", iv.role), ("interviewer", iv.interviewer), ("source", iv.source)):
        if value:
            out.write(f"{label}: {value}\n")
    if iv.lead:
        out.write(f"lead: {clip(iv.lead_text, LEAD_LIMIT)}\n")
    for ex in iv.exchanges:
        out.write(f"\nQ{ex.number}: {ex.question.text}\nA{ex.number}: {ex.answer.text}\n")
    for w in iv.warnings:
        out.write(f"warning: {w}\n")
    out.write("\n")


def _empty_folders(paths: list[str], corpus) -> list[str]:
    """The given folders where no interview file (supported suffix) was found."""
    found = [item.path for item in (*corpus.interviews, *corpus.problems)]
    empty = []
    for p in paths:
        if os.path.isdir(p):
            # interviews carry resolved paths, problems the path as it was found
            prefixes = (os.path.join(os.path.realpath(p), ""), os.path.join(os.path.abspath(p), ""))
            if not any(f.startswith(prefixes) for f in found):
                empty.append(p)
    return empty


def parse_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="kzreader parse", description="Parse interview files and print them.")
    ap.add_argument("--json", action="store_true", help="print UTF-8 JSON")
    ap.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return EXIT_BAD_ARGS if e.code else 0
    corpus = load_paths(args.paths)
    for p in corpus.problems:
        if p.severity == "error":
            print(f"kzreader: {p.path}: {p.message}", file=sys.stderr)
    for folder in _empty_folders(args.paths, corpus):
        print(f"kzreader: {folder}: no interview files ({' '.join(SUPPORTED_SUFFIXES)}) in this folder",
              file=sys.stderr)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    if args.json:
        doc = {"interviews": [interview_json(iv) for iv in corpus.interviews],
               "problems": [p.as_json() for p in corpus.problems if p.severity == "error"]}
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        for iv in corpus.interviews:
            _plain(iv, out)
    out.flush()  # here, so that a closed pipe is noticed by run()
    return 0 if corpus.interviews else EXIT_NOTHING_FOUND


def search_main(argv: list[str]) -> int:
    from .search_cli import main as search

    return search(argv)


# kzreader SUBCOMMAND ARGS...: each takes its arguments and returns the exit code
COMMANDS: dict[str, Callable[[list[str]], int]] = {"parse": parse_main, "search": search_main}


def main(argv: list[str]) -> int:
    """`kzreader parse ...` without the word parse (kept for scripts and tests)."""
    return run(["parse", *argv])


def run(argv: list[str]) -> int:
    """Run ``argv[0]`` (a key of COMMANDS) with the rest.  Output into a pipe whose reader
    has gone (`| head`) ends the command quietly, as it does for cat or grep.  ``--debug``
    anywhere in the arguments (of any command) prints a detailed log on stderr."""
    args, debug = take_debug_flag(argv[1:])
    if debug:
        setup_logging(None, debug=True)
        # (imported here: the parser loads on first use, and `kzreader search` may never parse)
        from .core.parsing import native

        logging.getLogger("kzreader").debug("parser: %s", native.reason)
    warn_missing_analysers()
    try:
        return COMMANDS[argv[0]](args)
    except BrokenPipeError:
        # the interpreter flushes stdout once more at exit, which would fail again and print
        # "Exception ignored ... BrokenPipeError": point it at /dev/null first
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
