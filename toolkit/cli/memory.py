"""`dejakit memory`: import, export and inspect the translation memory."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import TranslationMemory, default_memory_path
from .common import handle_errors, memory_option

__all__ = ["memory"]


@click.group()
def memory() -> None:
    """Import, export and inspect the translation memory."""


@memory.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@memory_option
@handle_errors
def memory_import(files: tuple[Path, ...], memory_path: Path | None) -> None:
    """Import approved translations from TMX FILES into the memory.

    \b
        dejakit memory import samples/*.tmx
    """
    from ..exchange import read_tmx

    path = memory_path or default_memory_path()
    # Read every file first: a broken file stops the import before anything is written.
    loaded = [(file, *read_tmx(file)) for file in files]
    with TranslationMemory(path) as store:
        for file, units, skipped in loaded:
            result = store.add(units)
            click.echo(
                f"{file}: {result.added} added, {result.updated} updated, "
                f"{result.unchanged} unchanged"
                + (f", {skipped} units without German and Japanese skipped" if skipped else "")
            )
    click.echo(f"memory: {path}")


@memory.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--direction",
    type=click.Choice(["de-ja", "ja-de"]),
    default="de-ja",
    show_default=True,
    help="Which direction's units to write.",
)
@memory_option
@handle_errors
def memory_export(file: Path, direction: str, memory_path: Path | None) -> None:
    """Export the memory's approved units to a TMX FILE."""
    from ..exchange import write_tmx

    source, target = direction.split("-")
    with TranslationMemory(memory_path or default_memory_path(), create=False) as store:
        count = write_tmx(store.units(source, target), file, source_lang=source)
    click.echo(f"{file}: {count} units ({source}→{target})")


@memory.command("stats")
@memory_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def memory_stats(memory_path: Path | None, as_json: bool) -> None:
    """Show how many approved units the memory holds, per direction."""
    with TranslationMemory(memory_path or default_memory_path(), create=False) as store:
        stats = store.stats()
    if as_json:
        click.echo(
            json.dumps(
                {"path": stats.path, "units": stats.units, "size_bytes": stats.size_bytes},
                ensure_ascii=False,
            )
        )
        return
    click.echo(f"memory: {stats.path} ({stats.size_bytes:,} bytes)")
    for direction, count in stats.units.items() or {"(empty)": 0}.items():
        click.echo(f"  {direction}: {count} units")
