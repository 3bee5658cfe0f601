"""`dejakit doctor`: what is installed, what is missing, and how to fix it."""

from __future__ import annotations

from pathlib import Path

import click

from .. import default_memory_path
from .common import memory_option

__all__ = ["doctor"]


@click.command()
@memory_option
def doctor(memory_path: Path | None) -> None:
    """Check fonts, system libraries and models; print what is missing and how to fix it."""
    from .. import run_checks

    checks = run_checks(memory_path=memory_path or default_memory_path())
    failed = False
    for check in checks:
        mark = "ok  " if check.ok else ("MISS" if check.required else "warn")
        click.echo(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok:
            click.echo(f"       fix: {check.fix}")
            failed = failed or check.required
    if failed:
        raise click.ClickException("required parts are missing; run the fix commands above")
    click.echo("dejakit is ready.")
