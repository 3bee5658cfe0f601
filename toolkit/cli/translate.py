"""`dejakit translate` and `dejakit segment`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import (
    Document,
    Lang,
    LineMode,
    document_to_dict,
    output_suffixes,
    read_document,
    render_document,
    translate_document,
)
from .common import (
    FROM_OPTION,
    LANG_CHOICE,
    PATH,
    TranslationSetup,
    echo_qa_summary,
    echo_summary,
    handle_errors,
    lines_option,
    output_option,
    progress_bar,
    render_options,
    translation_options,
)

if TYPE_CHECKING:
    from .. import RenderOptions

__all__ = ["run_translation", "segment", "translate"]

_OUTPUT_HELP = (
    f"Output file: {', '.join(output_suffixes())}, or a review file X.review.docx / X.xlf "
    "(repeat for several). Default: <name>.<to>.pdf in the current folder."
)


@click.command()
@click.argument("source", type=PATH)
@click.option("--to", "target_lang", type=LANG_CHOICE, required=True, help="Target language.")
@output_option(_OUTPUT_HELP, multiple=True)
@FROM_OPTION
@translation_options
@click.option(
    "--qa-appendix", is_flag=True, help="End the PDF/DOCX/HTML with the QA report for reviewers."
)
@click.option("--strict", is_flag=True, help="Exit with code 2 when QA finds critical issues.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors; no progress bar.")
@lines_option
@render_options
@handle_errors
def translate(
    source: Path,
    target_lang: Lang,
    outputs: tuple[Path, ...],
    source_lang: Lang | None,
    quiet: bool,
    qa_appendix: bool,
    strict: bool,
    render: RenderOptions,
    setup: TranslationSetup,
    lines: LineMode,
) -> None:
    """Translate SOURCE and write a parallel text (German | Japanese, row by row).

    Approved translations from the memory come first; the rest goes to the installed Argos
    models (de→ja runs as de→en→ja), batched and cached; what neither translates is marked.

    \b
        dejakit translate samples/pm-wasserstoff-de.txt --to ja -o out/pm.pdf -o out/pm.docx
        dejakit translate samples/pm-wasserstoff-de.txt --to ja -o out/pm.pdf \\
            --layout interleaved --paper letter --classification "VS – NUR FÜR DEN DIENSTGEBRAUCH"
    """
    if not outputs:
        outputs = (Path(f"{source.stem}.{target_lang}.pdf"),)
    translated = run_translation(
        source, target_lang, source_lang=source_lang, setup=setup, quiet=quiet, lines=lines
    )
    if render.pivot_column and not quiet and not any(s.pivot for s in translated.segments()):
        click.echo(
            "note: no segment has English pivot text (memory and direct translations have "
            "none); the pivot column shows dashes",
            err=True,
        )
    from .. import check_document

    issues = check_document(translated, glossary=setup.glossary)
    from .. import is_review_path

    for output in outputs:
        if not is_review_path(output):
            render_document(
                translated, output, issues=issues if qa_appendix else None, options=render
            )
    reviews = [o for o in outputs if is_review_path(o)]
    with setup.memory() as store:
        from .. import compare_with_review, export_review

        for output in reviews:
            export_review(translated, output, memory=store, issues=issues)
        revision = compare_with_review(translated, store)
    if not quiet:
        echo_summary(translated, outputs)
        if "engine_segments" in translated.meta:
            click.echo(f"  sent to the engine: {translated.meta['engine_segments']} segments")
        if revision is not None:
            click.echo(f"  {revision.summary()}")
        echo_qa_summary(issues, source)
    if strict and any(i.severity == "critical" for i in issues):
        raise click.exceptions.Exit(2)


def run_translation(
    source: Path,
    target_lang: Lang,
    *,
    source_lang: Lang | None,
    setup: TranslationSetup,
    quiet: bool,
    lines: LineMode = "auto",
) -> Document:
    """Read `source` and translate it as the options say (memory, engine, glossary)."""
    doc = read_document(source, lang=source_lang, lines=lines)
    made = setup.engine.make(doc.source_lang, target_lang, quiet=quiet)
    with setup.memory() as memory, progress_bar(quiet, "Translating") as progress:
        return translate_document(
            doc,
            target_lang=target_lang,
            memory=memory,
            engine=made,
            glossary=setup.glossary,
            progress=progress,
        )


@click.command()
@click.argument("source", type=PATH)
@FROM_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the document structure as JSON.")
@lines_option
@handle_errors
def segment(source: Path, source_lang: Lang | None, as_json: bool, lines: LineMode) -> None:
    """Show how SOURCE is read: its blocks and their sentence segments.

    \b
        dejakit segment samples/pm-wasserstoff-de.txt
        dejakit segment samples/pr-fukushima-ja.txt --json
    """
    doc = read_document(source, lang=source_lang, lines=lines)
    if as_json:
        click.echo(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2))
        return
    convention = f", lines: {doc.meta['lines']}" if doc.meta.get("lines") else ""
    click.echo(
        f"{source}: {doc.source_lang}, {len(doc.blocks)} blocks, "
        f"{sum(1 for _ in doc.segments())} segments{convention}"
    )
    for block in doc.blocks:
        extra = f" marker={block.marker!r}" if block.marker else ""
        extra += f" speaker={block.speaker!r}" if block.speaker else ""
        extra += f" date={block.date.isoformat()}" if block.date else ""
        click.echo(f"{block.id:>5} {block.kind.value}{extra}")
        for seg in block.segments:
            click.echo(f"{seg.id:>9}  {seg.source}")
