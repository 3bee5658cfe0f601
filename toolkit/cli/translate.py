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
    TranslationMemory,
    default_memory_path,
    document_to_dict,
    read_document,
    render_document,
    translate_document,
)
from .common import (
    LANG_CHOICE,
    EngineChoice,
    echo_qa_summary,
    echo_summary,
    engine_options,
    glossary_option,
    handle_errors,
    lines_option,
    load_glossary_option,
    memory_option,
    progress_bar,
    render_options,
)

if TYPE_CHECKING:
    from .. import Glossary, RenderOptions

__all__ = ["run_translation", "segment", "translate"]


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--to", "target_lang", type=LANG_CHOICE, required=True, help="Target language.")
@click.option(
    "-o",
    "--output",
    "outputs",
    type=click.Path(dir_okay=False, path_type=Path),
    multiple=True,
    help="Output file: .pdf, .docx, .html, .json, or a review file X.review.docx / X.xlf "
    "(repeat for several). "
    "Default: <name>.<to>.pdf in the current folder.",
)
@click.option("--from", "source_lang", type=LANG_CHOICE, default=None, help="Source language.")
@memory_option
@engine_options
@glossary_option
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
    memory_path: Path | None,
    quiet: bool,
    glossary_files: tuple[Path, ...],
    no_glossary: bool,
    qa_appendix: bool,
    strict: bool,
    render: RenderOptions,
    engine: EngineChoice,
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
    glossary = load_glossary_option(glossary_files, no_glossary)
    translated = run_translation(
        source,
        target_lang,
        source_lang=source_lang,
        memory_path=memory_path,
        glossary=glossary,
        quiet=quiet,
        engine=engine,
        lines=lines,
    )
    if render.pivot_column and not quiet and not any(s.pivot for s in translated.segments()):
        click.echo(
            "note: no segment has English pivot text (memory and direct translations have "
            "none); the pivot column shows dashes",
            err=True,
        )
    from .. import check_document

    issues = check_document(translated, glossary=glossary)
    from .. import is_review_path

    for output in outputs:
        if not is_review_path(output):
            render_document(
                translated, output, issues=issues if qa_appendix else None, options=render
            )
    reviews = [o for o in outputs if is_review_path(o)]
    with TranslationMemory(memory_path or default_memory_path()) as store:
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
    memory_path: Path | None,
    glossary: Glossary | None,
    quiet: bool,
    engine: EngineChoice,
    lines: LineMode = "auto",
) -> Document:
    """Read `source` and translate it as the options say (memory, engine, glossary)."""
    doc = read_document(source, lang=source_lang, lines=lines)
    made = engine.make(doc.source_lang, target_lang, quiet=quiet)
    with (
        TranslationMemory(memory_path or default_memory_path()) as memory,
        progress_bar(quiet, "Translating") as progress,
    ):
        return translate_document(
            doc,
            target_lang=target_lang,
            memory=memory,
            engine=made,
            glossary=glossary,
            progress=progress,
        )


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--from", "source_lang", type=LANG_CHOICE, default=None, help="Source language.")
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
