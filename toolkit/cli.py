"""The `dejakit` command line: a thin layer over the toolkit's public API.

Every expected failure is a `ToolkitError`, shown as one line on stderr with exit code 1;
a traceback means a bug.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import (
    Document,
    ToolkitError,
    TranslationMemory,
    __version__,
    default_memory_path,
    read_document,
    render_document,
    translate_document,
)
from .model import Lang, document_to_dict

F = TypeVar("F", bound=Callable[..., Any])

LANG_CHOICE = click.Choice(["de", "ja"])


def _handle_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ToolkitError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def _memory_option(func: F) -> F:
    return click.option(
        "--memory",
        "memory_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Translation memory file (SQLite). Default: $DEJAKIT_MEMORY or the user data dir.",
    )(func)


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


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--to", "target_lang", type=LANG_CHOICE, required=True, help="Target language.")
@click.option(
    "-o",
    "--output",
    "outputs",
    type=click.Path(dir_okay=False, path_type=Path),
    multiple=True,
    help="Output file: .pdf, .docx, .html or .json (repeat for several). "
    "Default: <name>.<to>.pdf in the current folder.",
)
@click.option("--from", "source_lang", type=LANG_CHOICE, default=None, help="Source language.")
@_memory_option
@click.option(
    "--engine",
    type=click.Choice(["auto", "none"]),
    default="auto",
    show_default=True,
    help="Machine translation after the memory: auto = Argos models when installed; "
    "none = memory only.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@_handle_errors
def translate(
    source: Path,
    target_lang: Lang,
    outputs: tuple[Path, ...],
    source_lang: Lang | None,
    memory_path: Path | None,
    engine: str,
    quiet: bool,
) -> None:
    """Translate SOURCE and write a parallel text (German | Japanese, row by row).

    \b
        dejakit translate samples/pm-wasserstoff-de.txt --to ja -o out/pm.pdf -o out/pm.docx
    """
    doc = read_document(source, lang=source_lang)
    if not outputs:
        outputs = (Path(f"{source.stem}.{target_lang}.pdf"),)
    with TranslationMemory(memory_path or default_memory_path()) as memory:
        translated = translate_document(doc, target_lang=target_lang, memory=memory, engine=None)
    for output in outputs:
        render_document(translated, output)
    if not quiet:
        _echo_summary(translated, outputs)


def _echo_summary(doc: Document, outputs: tuple[Path, ...]) -> None:
    from .render.view import summarize

    counts = summarize(doc)
    parts = [
        f"{counts[k]} {label}"
        for k, label in (
            ("memory", "from memory"),
            ("engine", "machine-translated"),
            ("verbatim", "copied verbatim"),
        )
        if counts[k]
    ]
    parts.append(f"{counts['untranslated']} untranslated")
    click.echo(f"{doc.source_name}: {counts['total']} segments: " + ", ".join(parts))
    if counts["untranslated"]:
        click.echo(
            "  untranslated segments are marked in the output; add approved translations "
            "(dejakit memory import FILE.tmx) or install Argos models (dejakit doctor)"
        )
    for output in outputs:
        click.echo(f"  wrote {output}")


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--from", "source_lang", type=LANG_CHOICE, default=None, help="Source language.")
@click.option("--json", "as_json", is_flag=True, help="Print the document structure as JSON.")
@_handle_errors
def segment(source: Path, source_lang: Lang | None, as_json: bool) -> None:
    """Show how SOURCE is read: its blocks and their sentence segments.

    \b
        dejakit segment samples/pm-wasserstoff-de.txt
        dejakit segment samples/pr-fukushima-ja.txt --json
    """
    doc = read_document(source, lang=source_lang)
    if as_json:
        click.echo(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{source}: {doc.source_lang}, {len(doc.blocks)} blocks, "
        f"{sum(1 for _ in doc.segments())} segments"
    )
    for block in doc.blocks:
        extra = f" speaker={block.speaker!r}" if block.speaker else ""
        extra += f" date={block.date.isoformat()}" if block.date else ""
        click.echo(f"{block.id:>5} {block.kind.value}{extra}")
        for seg in block.segments:
            click.echo(f"{seg.id:>9}  {seg.source}")


@cli.group()
def memory() -> None:
    """Import, export and inspect the translation memory."""


@memory.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_memory_option
@_handle_errors
def memory_import(files: tuple[Path, ...], memory_path: Path | None) -> None:
    """Import approved translations from TMX FILES into the memory.

    \b
        dejakit memory import samples/*.tmx
    """
    from .exchange import read_tmx

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
@_memory_option
@_handle_errors
def memory_export(file: Path, direction: str, memory_path: Path | None) -> None:
    """Export the memory's approved units to a TMX FILE."""
    from .exchange import write_tmx

    source, target = direction.split("-")
    with TranslationMemory(memory_path or default_memory_path(), create=False) as store:
        count = write_tmx(store.units(source, target), file, source_lang=source)
    click.echo(f"{file}: {count} units ({source}→{target})")


@memory.command("stats")
@_memory_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@_handle_errors
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


@cli.command()
@_memory_option
def doctor(memory_path: Path | None) -> None:
    """Check fonts, system libraries and models; print what is missing and how to fix it."""
    from .doctor import run_checks

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
