"""`dejakit review`: send a translation out for review and take the corrections back."""

from __future__ import annotations

from pathlib import Path

import click

from .. import Lang, TranslationMemory, default_memory_path
from .common import (
    FROM_OPTION,
    LANG_CHOICE,
    PATH,
    TranslationSetup,
    choice_option,
    handle_errors,
    memory_option,
    output_option,
    translation_options,
)

__all__ = ["review"]


@click.group()
def review() -> None:
    """Review files: Word (X.review.docx) or XLIFF for CAT tools (X.xlf)."""


@review.command("export")
@click.argument("sources", nargs=-1, required=True, type=PATH)
@click.option("--to", "target_lang", type=LANG_CHOICE, required=True, help="Target language.")
@output_option(
    "X.review.docx (Word), X.xlf or X.xliff (XLIFF; several SOURCES go into one file).",
    required=True,
)
@click.option(
    "--xliff", "xliff_version", type=click.Choice(["2.1", "1.2"]), default="2.1", show_default=True
)
@click.option(
    "--omegat",
    is_flag=True,
    help="XLIFF 1.2 as OmegaT's XLIFF filter wants it (targets pre-filled with the source).",
)
@FROM_OPTION
@translation_options
@handle_errors
def review_export(
    sources: tuple[Path, ...],
    target_lang: Lang,
    output: Path,
    xliff_version: str,
    omegat: bool,
    source_lang: Lang | None,
    setup: TranslationSetup,
) -> None:
    """Translate SOURCES and write a review file for them.

    \b
        dejakit review export release.txt --to ja -o out/release.review.docx
        dejakit review export a.txt b.md --to ja -o out/pack.xlf --xliff 1.2
    """
    from .. import check_document, export_review
    from .translate import run_translation

    docs = [
        run_translation(source, target_lang, source_lang=source_lang, setup=setup, quiet=True)
        for source in sources
    ]
    issues = [i for d in docs for i in check_document(d, glossary=setup.glossary)]
    with setup.memory() as store:
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
@click.argument("file", type=PATH)
@click.option("--reviewer", required=True, help="Who reviewed: recorded with every approval.")
@choice_option(
    "--pending",
    ("accept", "reject"),
    "What to do with tracked changes still pending in a Word file.",
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
