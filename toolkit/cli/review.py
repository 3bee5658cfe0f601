"""`dejakit review`: send a translation out for review and take the corrections back."""

from __future__ import annotations

from pathlib import Path

import click

from .. import Lang, TranslationMemory, default_memory_path
from .common import (
    LANG_CHOICE,
    EngineChoice,
    engine_options,
    glossary_option,
    handle_errors,
    load_glossary_option,
    memory_option,
)

__all__ = ["review"]


@click.group()
def review() -> None:
    """Review files: Word (X.review.docx) or XLIFF for CAT tools (X.xlf)."""


@review.command("export")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "target_lang", type=LANG_CHOICE, required=True, help="Target language.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="X.review.docx (Word), X.xlf or X.xliff (XLIFF; several SOURCES go into one file).",
)
@click.option(
    "--xliff", "xliff_version", type=click.Choice(["2.1", "1.2"]), default="2.1", show_default=True
)
@click.option(
    "--omegat",
    is_flag=True,
    help="XLIFF 1.2 as OmegaT's XLIFF filter wants it (targets pre-filled with the source).",
)
@click.option("--from", "source_lang", type=LANG_CHOICE, default=None, help="Source language.")
@memory_option
@engine_options
@glossary_option
@handle_errors
def review_export(
    sources: tuple[Path, ...],
    target_lang: Lang,
    output: Path,
    xliff_version: str,
    omegat: bool,
    source_lang: Lang | None,
    memory_path: Path | None,
    glossary_files: tuple[Path, ...],
    no_glossary: bool,
    engine: EngineChoice,
) -> None:
    """Translate SOURCES and write a review file for them.

    \b
        dejakit review export release.txt --to ja -o out/release.review.docx
        dejakit review export a.txt b.md --to ja -o out/pack.xlf --xliff 1.2
    """
    from .. import check_document, export_review
    from .translate import run_translation

    glossary = load_glossary_option(glossary_files, no_glossary)
    docs = [
        run_translation(
            source,
            target_lang,
            source_lang=source_lang,
            memory_path=memory_path,
            glossary=glossary,
            quiet=True,
            engine=engine,
        )
        for source in sources
    ]
    issues = [i for d in docs for i in check_document(d, glossary=glossary)]
    with TranslationMemory(memory_path or default_memory_path()) as store:
        ids = export_review(
            docs,
            output,
            memory=store,
            issues=issues if len(docs) == 1 else (),
            xliff_version=xliff_version,
            omegat=omegat,
        )
    count = sum(1 for d in docs for _ in d.segments())
    click.echo(f"{output}: {count} segments for review ({', '.join(ids)})")


@review.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--reviewer", required=True, help="Who reviewed: recorded with every approval.")
@click.option(
    "--pending",
    type=click.Choice(["accept", "reject"]),
    default="accept",
    show_default=True,
    help="What to do with tracked changes still pending in a Word file.",
)
@click.option("--dry-run", is_flag=True, help="Show the diff; write nothing.")
@memory_option
@handle_errors
def review_import(
    file: Path, reviewer: str, pending: str, dry_run: bool, memory_path: Path | None
) -> None:
    """Approve into the memory what the reviewer changed in FILE (all or nothing).

    \b
        dejakit review import out/release.review.docx --reviewer "K. Sato"
        dejakit review import out/release.xlf --reviewer "K. Sato" --dry-run
    """
    from .. import import_review

    with TranslationMemory(memory_path or default_memory_path(), create=False) as store:
        results = import_review(
            file, memory=store, reviewer=reviewer, pending=pending, dry_run=dry_run
        )
    for result in results:
        for line in result.diff_lines():
            click.echo(line)
        verb = "would be approved" if dry_run else "approved into the memory"
        click.echo(
            f"{file} ({result.document}): {_n(len(result.changed), 'segment')} changed, "
            f"{_n(len(result.comments), 'comment')}; {result.approved} {verb}"
        )
        if result.pending:
            click.echo(
                f"  {_n(result.pending, 'tracked change')} still pending: taken as "
                f"{'accepted' if result.pending_mode == 'accept' else 'rejected'} "
                "(--pending accept|reject)"
            )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
