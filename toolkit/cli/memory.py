"""`dejakit memory`: import, export and inspect the translation memory."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import TranslationMemory, TranslationUnit, default_memory_path
from .common import FILE, PATH, choice_option, handle_errors, memory_option

__all__ = ["memory"]


@click.group()
def memory() -> None:
    """Import, export and inspect the translation memory."""


@memory.command("import")
@click.argument("files", nargs=-1, required=True, type=PATH)
@memory_option
@handle_errors
def memory_import(files: tuple[Path, ...], memory_path: Path | None) -> None:
    """Import translations from TMX or XLIFF FILES into the memory, all in one transaction.

    Nothing stored is replaced: a different translation of a known source is kept as a new
    version and reported as a conflict when no reviewer has decided between them.

    \b
        dejakit memory import samples/*.tmx
    """
    from .. import read_tmx, read_xliff_units

    path = memory_path or default_memory_path()
    # Read every file first: a broken file stops the import before anything is written, and
    # all files go in in one transaction: the import is all or nothing.
    loaded = [
        (file, *(read_xliff_units(file) if _is_xliff(file) else read_tmx(file))) for file in files
    ]
    with TranslationMemory(path) as store:
        results = store.add_batches([units for _, units, _ in loaded])
    conflicts = 0
    for (file, _, skipped), result in zip(loaded, results, strict=True):
        click.echo(
            f"{file}: {result.added} added, {result.updated} updated, "
            f"{result.unchanged} unchanged, {len(result.conflicts)} "
            f"conflict{'' if len(result.conflicts) == 1 else 's'}"
            + (f", {skipped} units without German and Japanese skipped" if skipped else "")
        )
        for conflict in result.conflicts:
            click.echo(f"  conflict: {conflict.describe()}")
        conflicts += len(result.conflicts)
    click.echo(f"memory: {path}")
    if conflicts:
        click.echo(
            "  both versions are kept; see them with `dejakit memory conflicts`, decide by "
            "approving one in a review (dejakit review import … --reviewer NAME)"
        )


@memory.command("conflicts")
@memory_option
@click.option("--json", "as_json", is_flag=True, help="Print the conflicts as JSON.")
@handle_errors
def memory_conflicts(memory_path: Path | None, as_json: bool) -> None:
    """List sources whose versions disagree and that no reviewer has decided on yet.

    \b
        dejakit memory conflicts
    """
    with TranslationMemory(memory_path or default_memory_path(), create=False) as store:
        found = store.conflicts()
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "direction": f"{c.source_lang}-{c.target_lang}",
                        "source": c.source,
                        "served": _unit_json(c.served),
                        "other": _unit_json(c.other),
                    }
                    for c in found
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for conflict in found:
        click.echo(conflict.describe())
    click.echo(f"{len(found)} conflict{'' if len(found) == 1 else 's'}")


@memory.command("history")
@click.argument("source")
@click.option(
    "--direction", type=click.Choice(["de-ja", "ja-de"]), default="de-ja", show_default=True
)
@memory_option
@handle_errors
def memory_history(source: str, direction: str, memory_path: Path | None) -> None:
    """Show every version the memory holds for SOURCE, the one served first."""
    sl, tl = direction.split("-")
    with TranslationMemory(memory_path or default_memory_path(), create=False) as store:
        versions = store.history(source, sl, tl)
    if not versions:
        raise click.ClickException(f"no version of „{source}“ ({sl}→{tl}) in the memory")
    for i, unit in enumerate(versions):
        mark = "*" if i == 0 else " "
        when = unit.updated_at[:19].replace("T", " ") if "-" in unit.updated_at else unit.updated_at
        who = ", ".join(x for x in (unit.kind, unit.origin, unit.reviewer, when) if x)
        click.echo(f"{mark} {unit.target}  ({who})")


def _is_xliff(path: Path) -> bool:
    return path.suffix.lower() in (".xlf", ".xliff")


# What `memory history --json` shows of a unit: key, attribute
_UNIT_JSON = (
    ("target", "target"),
    ("kind", "kind"),
    ("origin", "origin"),
    ("reviewer", "reviewer"),
    ("changed", "updated_at"),
)


def _unit_json(unit: TranslationUnit) -> dict[str, str]:
    return {key: str(getattr(unit, attribute)) for key, attribute in _UNIT_JSON}


@memory.command("export")
@click.argument("file", type=FILE)
@choice_option("--direction", ("de-ja", "ja-de"), "Which direction's units to write.")
@memory_option
@handle_errors
def memory_export(file: Path, direction: str, memory_path: Path | None) -> None:
    """Export the memory's approved units to a TMX FILE."""
    from .. import write_tmx

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
                {
                    "path": stats.path,
                    "units": stats.units,
                    "size_bytes": stats.size_bytes,
                    "versions": stats.versions,
                    "approved": stats.approved,
                    "conflicts": stats.conflicts,
                },
                ensure_ascii=False,
            )
        )
        return
    click.echo(f"memory: {stats.path} ({stats.size_bytes:,} bytes)")
    for direction, count in stats.units.items() or {"(empty)": 0}.items():
        click.echo(f"  {direction}: {count} units")
    click.echo(
        f"  {stats.versions} versions, {stats.approved} approved by a reviewer, "
        f"{stats.conflicts} conflicts"
    )
