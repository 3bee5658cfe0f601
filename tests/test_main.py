"""The `dejakit` entry point: Ctrl-C ends a run with click's one line at any moment.

Each case runs `toolkit.__main__.main` in a child process with a stand-in for the command line,
so the interrupt lands exactly where the case needs it: inside the command line's import, and
inside an extension module's import that turns it into an ImportError (as lxml does).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import entry_points

from tests.conftest import ROOT

PRELUDE = """\
import os, signal, sys, time, types
import toolkit.__main__ as entry

def ctrl_c():
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(10)  # the handler runs here, long before the sleep ends

stand_in = types.ModuleType("toolkit.cli")
sys.modules["toolkit.cli"] = stand_in
"""


def _main_with(stand_in: str) -> subprocess.CompletedProcess[str]:
    code = PRELUDE + textwrap.dedent(stand_in) + "\nentry.main()\n"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_ctrl_c_while_the_command_line_is_imported() -> None:
    done = _main_with(
        """
        def __getattr__(name):
            ctrl_c()
        stand_in.__getattr__ = __getattr__
        """
    )
    assert (done.returncode, done.stderr) == (1, "\nAborted!\n")


def test_ctrl_c_turned_into_an_import_error_by_an_extension_module() -> None:
    done = _main_with(
        """
        def cli():
            try:
                ctrl_c()
            except KeyboardInterrupt:
                raise ImportError("cannot initialise module strings") from None
        stand_in.cli = cli
        """
    )
    assert (done.returncode, done.stderr) == (1, "\nAborted!\n")


def test_a_bug_keeps_its_traceback() -> None:
    done = _main_with(
        """
        def cli():
            raise ImportError("a real bug")
        stand_in.cli = cli
        """
    )
    assert done.returncode == 1
    assert "Traceback" in done.stderr
    assert done.stderr.rstrip().endswith("ImportError: a real bug")


def test_the_installed_command_is_this_entry_point() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "dejakit"]
    assert script.value == "toolkit.__main__:main"
