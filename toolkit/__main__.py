"""``dejakit`` and ``python -m toolkit``: the command line, with Ctrl-C handled from the start.

Click turns a Ctrl-C inside a command into "Aborted!" and exit code 1. Two moments escaped it
and printed a traceback: a Ctrl-C while the command line is still being imported, before click
runs; and a Ctrl-C that lands inside the import of an extension module, which then raises its
own error instead of KeyboardInterrupt (lxml: "ImportError: … cannot initialise module
strings"). `main` ends both the way click does. Python's own start-up and the package root's
import (about 0.1 s) come before `main` and keep Python's KeyboardInterrupt traceback.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import NoReturn

__all__ = ["main"]


class _Interrupts:
    """SIGINT handler: notes that Ctrl-C came, then raises KeyboardInterrupt as Python's does."""

    def __init__(self) -> None:
        self.came = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.came = True
        raise KeyboardInterrupt


def main() -> None:
    """Run the `dejakit` command line; Ctrl-C at any moment ends it with one line, exit code 1."""
    interrupts = _Interrupts()
    signal.signal(signal.SIGINT, interrupts)
    try:
        from .cli import cli

        cli()
    except KeyboardInterrupt:  # before click's own handling took over
        _aborted()
    except Exception:
        if not interrupts.came:
            raise  # a bug: its traceback is wanted
        _aborted()  # the error an interrupted extension module raised in its import


def _aborted() -> NoReturn:
    sys.stderr.write("\nAborted!\n")  # click's words for an interrupted command
    sys.exit(1)


if __name__ == "__main__":
    main()
