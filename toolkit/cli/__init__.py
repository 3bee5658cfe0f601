"""The `dejakit` command line: a thin layer over the toolkit's public API.

Every expected failure is a `ToolkitError`, shown as one line on stderr with exit code 1;
a traceback means a bug. Each command group lives in its own module; heavy libraries are
imported inside the commands that need them, so `dejakit --help` stays fast.
"""

from __future__ import annotations

import logging
import sys

import click

from .. import __version__
from .doctor import doctor
from .glossary import glossary
from .memory import memory
from .models import models
from .pack import mou, pack
from .qa import qa
from .review import review
from .serve import serve
from .translate import segment, translate

__all__ = ["cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dejakit")
@click.option("-v", "--verbose", count=True, help="Show progress messages (-vv: debug).")
def cli(verbose: int) -> None:
    """Offline German–Japanese translation and parallel-text handouts.

    \b
    Typical use:
        dejakit memory import samples/pm-wasserstoff-de.tmx
        dejakit translate samples/pm-wasserstoff-de.txt --to ja -o out/pm.pdf
        dejakit doctor
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)


for command in (translate, segment, qa, glossary, memory, review, models, doctor, pack, mou):
    cli.add_command(command)
cli.add_command(serve)
