"""`dejakit pack` (a delegation's briefing pack) and `dejakit mou` (an MoU fact sheet)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from .. import SEVERITIES, Engine, Issue, Lang
from .common import (
    FILE,
    LANG_CHOICE,
    PATH,
    EngineChoice,
    TranslationSetup,
    handle_errors,
    marking_options,
    output_option,
    progress_bar,
    translation_options,
)

__all__ = ["mou", "pack"]

_FACT_SHEET_HELP = (
    "Fact sheet file: .pdf, .docx or .html (repeat for several). "
    "Default: <name>.<to>.pdf in the current folder."
)


def _engines(quiet: bool, engine: EngineChoice) -> Any:
    """Return an engine_for(source, target) that makes each route's engine once."""
    made: dict[tuple[str, str], Engine | None] = {}

    def engine_for(source: Lang, target: Lang) -> Engine | None:
        if (source, target) not in made:
            made[(source, target)] = engine.make(source, target, quiet=quiet)
        return made[(source, target)]

    return engine_for


@click.command()
@click.argument("manifest", type=PATH)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for <name>.pdf and <name>.docx (name from [pack] in the manifest).",
)
@translation_options
@click.option(
    "--with-qa", is_flag=True, help="Add the QA summary page (the preparer's copy, not handouts)."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Write nothing and exit with code 2 when QA finds critical issues.",
)
@click.option(
    "--review",
    "review_file",
    type=FILE,
    default=None,
    help="Also write the documents as an XLIFF 2.1 review file for a CAT tool (X.xlf).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors; no progress bar.")
@handle_errors
def pack(
    manifest: Path,
    out_dir: Path,
    with_qa: bool,
    strict: bool,
    quiet: bool,
    review_file: Path | None,
    setup: TranslationSetup,
) -> None:
    """Build the briefing pack MANIFEST describes: one bound PDF and an editable DOCX.

    Cover, contents, programme, participants, MoU fact sheets, documents (translated: memory
    first, then the engine, held to the glossary; the rest marked), contacts and a pocket
    glossary, German and Japanese side by side. See samples/pack.toml for the format.

    \b
        dejakit memory import samples/*.tmx
        dejakit pack samples/pack.toml -o out/
    """
    from .. import (
        build_pack,
        pack_paths,
        read_manifest,
        summarize_document,
        template_dir,
        write_pack,
    )

    glossary = setup.glossary
    checked = read_manifest(manifest, glossary=glossary)
    steps = len(checked.sources) + 2
    with setup.memory() as memory, progress_bar(quiet, "Building pack") as progress:
        done = 0

        def step(_label: str) -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, steps)

        built = build_pack(
            checked,
            memory=memory,
            engine_for=_engines(quiet, setup.engine),
            glossary=setup.glossary,
            step=step,
        )
        issues = [issue for _, issue in built.issues()]
        critical = strict and any(i.severity == "critical" for i in issues)
        if not critical:
            write_pack(built, out_dir, template_dir=template_dir(), with_qa=with_qa)
            step("render")
        reviews = []
        if review_file is not None and not critical:
            from .. import export_pack_review

            reviews = export_pack_review(
                [s.doc for s in built.sections], review_file, memory=memory
            )
    if not quiet:
        for section in built.sections:
            _echo_counts(section.doc.source_name, summarize_document(section.doc))
        if built.manifest_doc is not None:
            _echo_counts(
                f"{manifest} (texts given in one language)", summarize_document(built.manifest_doc)
            )
        _echo_qa(issues)
    if critical:
        _echo_critical(built.issues())
        click.echo(f"{manifest}: critical QA issues; nothing written (--strict)", err=True)
        raise click.exceptions.Exit(2)
    if not quiet:
        for path in [*pack_paths(built, out_dir), *reviews]:
            click.echo(f"  wrote {path}")


@click.command()
@click.argument("source", type=PATH)
@click.option("--to", "target_lang", type=LANG_CHOICE, default=None, help="Target language.")
@output_option(_FACT_SHEET_HELP, multiple=True)
@translation_options
@click.option("--strict", is_flag=True, help="Exit with code 2 when QA finds critical issues.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@marking_options("the fact sheet, PDF and DOCX", "Nur für den Dienstgebrauch · 取扱注意")
@handle_errors
def mou(
    source: Path,
    target_lang: Lang | None,
    outputs: tuple[Path, ...],
    strict: bool,
    quiet: bool,
    setup: TranslationSetup,
    notice: str,
    classification: str,
) -> None:
    """Translate the MoU summary SOURCE (.toml) and write its one-page bilingual fact sheet.

    \b
        dejakit mou samples/mou-nrw-fukushima-2026.toml --to ja -o out/mou.pdf -o out/mou.docx
    """
    from .. import summarize_document, template_dir, translate_mou, write_fact_sheet

    with setup.memory() as memory:
        section = translate_mou(
            source,
            target_lang,
            memory=memory,
            engine_for=_engines(quiet, setup.engine),
            glossary=setup.glossary,
        )
    if not outputs:
        outputs = (Path(f"{source.stem}.{section.doc.target_lang}.pdf"),)
    for output in outputs:
        write_fact_sheet(
            section,
            output,
            template_dir=template_dir(),
            classification=classification.strip(),
            notice=notice.strip(),
        )
    if not quiet:
        _echo_counts(str(source), summarize_document(section.doc))
        _echo_qa(section.issues)
        for output in outputs:
            click.echo(f"  wrote {output}")
    if strict and section.critical:
        raise click.exceptions.Exit(2)


def _echo_counts(name: str, counts: dict[str, int]) -> None:
    parts = [
        f"{counts[k]} {label}"
        for k, label in (
            ("memory", "from memory"),
            ("engine", "machine-translated"),
            ("verbatim", "verbatim"),
        )
        if counts[k]
    ]
    parts.append(f"{counts['untranslated']} untranslated")
    click.echo(f"{name}: {counts['total']} segments: " + ", ".join(parts))


def _echo_qa(issues: Iterable[Issue]) -> None:
    counts = Counter(i.severity for i in issues)
    click.echo("QA: " + ", ".join(f"{counts.get(s, 0)} {s}" for s in SEVERITIES))


def _echo_critical(issues: Iterable[tuple[str, Issue]]) -> None:
    for title, issue in issues:
        if issue.severity == "critical":
            click.echo(
                f"  {title[:50]} {issue.segment_id}: {issue.check}: {issue.message}", err=True
            )
