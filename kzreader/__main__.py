"""Entry point: `kzreader parse ...` and `kzreader search ...` (CLI_COMMANDS) run the Qt-free
CLI; anything else starts the window."""
from __future__ import annotations

import gc
import sys


# subcommands that need no Qt (kzreader.cli.COMMANDS; a test keeps the two in step): the
# window's start-up does not import the CLI to learn them
CLI_COMMANDS = ("parse", "search")


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # a frozen bundle's worker processes (core.corpus.loading) start through this entry point;
        # elsewhere they do not, and importing multiprocessing here costs 10 ms of CPU
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in CLI_COMMANDS:
        from .cli import run

        return run(args)
    from .gui.display import import_problem, window_problem

    problem = window_problem(args)  # no display, no xcb libraries: a sentence, not Qt's abort
    if problem is None:
        # Importing Qt and the window's modules allocates much and frees almost nothing: the
        # 35 collections it triggers took 5-16 ms (median 12) before the first paint.  The
        # window's loader then leaves collecting to the GUI thread (gui.collector).
        gc.disable()
        try:
            from .gui.app import main as gui_main
        except ImportError as e:  # PySide6 without a system library it links
            problem = import_problem(e)
            if problem is None:
                raise
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
