"""`dejakit glossary`: check glossary files, find their terms in a document, import and export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from .. import ExchangeError, Lang
from .common import FILE, FROM_OPTION, PATH, choice_option, handle_errors, output_option

if TYPE_CHECKING:  # the glossary package (lxml) is imported only by the commands that use it
    from .. import Glossary, LookupLang, TermHit

__all__ = ["glossary"]

_DIRECTIONS = ("de-ja", "ja-de", "de-en", "en-de", "ja-en", "en-ja")
_GLOSSARY_OPTION = click.option(
    "--glossary",
    "glossary_files",
    multiple=True,
    type=FILE,
    help="Glossary TOML file (repeat for several). Default: every shipped glossary.",
)


@click.group()
def glossary() -> None:
    """Check glossaries, find their terms in a document, import and export them."""


@glossary.command("check")
@click.argument("files", nargs=-1, type=PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the issues as a JSON list.")
@handle_errors
def glossary_check(files: tuple[Path, ...], as_json: bool) -> None:
    """Lint glossary FILES or folders (default: the shipped ones); exit 1 on any error.

    \b
        dejakit glossary check glossaries/
    """
    from .. import check_glossary, glossary_dir

    paths: list[Path] = []
    for path in files or (glossary_dir(),):
        paths += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    issues = check_glossary(paths)
    errors = sum(issue.severity == "error" for issue in issues)
    if as_json:
        rows = [issue.as_json() for issue in issues]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for issue in issues:
            click.echo(str(issue))
        warnings = len(issues) - errors
        click.echo(f"{len(paths)} files: {errors} errors, {warnings} warnings", err=True)
    if errors:
        raise click.exceptions.Exit(1)


@glossary.command("scan")
@click.argument("source", type=PATH)
@_GLOSSARY_OPTION
@FROM_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@handle_errors
def glossary_scan(
    source: Path, glossary_files: tuple[Path, ...], source_lang: Lang | None, as_json: bool
) -> None:
    """List every glossary term, name and title found in SOURCE, segment by segment.

    \b
        dejakit glossary scan samples/pm-wasserstoff-de.txt
    """
    from .. import read_document, scan_document

    doc = read_document(source, lang=source_lang)
    terms = _load(glossary_files)
    hits = scan_document(doc, terms)
    count = sum(len(h) for h in hits.values())
    entries = {hit.entry.id for found in hits.values() for hit in found}
    if as_json:
        click.echo(
            json.dumps(
                {
                    "source": str(source),
                    "lang": doc.source_lang,
                    "glossary_version": terms.version,
                    "hits": [
                        _hit_dict(segment_id, hit)
                        for segment_id, found in hits.items()
                        for hit in found
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for segment_id, found in hits.items():
        for hit in found:
            entry = hit.entry
            where = " (in a compound)" if hit.in_compound else ""
            if hit.context:
                where += f" → {hit.target_form()} ({hit.context})"
            elif hit.review:
                where += " (review: the equivalent depends on who is meant)"
            click.echo(
                f"{segment_id}:{hit.start}: {json.dumps(hit.form, ensure_ascii=False)}{where}"
                f" = {entry.de} → {entry.ja} / {entry.en or '?'} ({entry.type}, {entry.id})"
            )
    click.echo(
        f"{source}: {count} hits of {len(entries)} entries in {len(hits)} segments "
        f"(glossary {terms.version})"
    )


@glossary.command("suggest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_GLOSSARY_OPTION
@FROM_OPTION
@click.option("--limit", type=click.IntRange(1, 500), default=25, help="Candidates per file.")
@click.option(
    "--format", "fmt", type=click.Choice(["toml", "csv"]), default="toml", help="Output format."
)
@handle_errors
def glossary_suggest(
    files: tuple[Path, ...],
    glossary_files: tuple[Path, ...],
    source_lang: Lang | None,
    limit: int,
    fmt: str,
) -> None:
    """Propose the terms FILES hold that no glossary has, with dictionary equivalents.

    German noun compounds and names, Japanese kanji/katakana runs and organisation names,
    ranked; equivalents from the FreeDict dictionaries (Debian: dict-freedict-jpn-deu,
    dict-freedict-deu-eng, dict-freedict-jpn-eng), written as a TOML (or CSV) fragment for a
    terminologist to review and merge.

    \b
        dejakit glossary suggest release.txt > candidates.toml
    """
    from .. import Dictionaries, read_document, suggest_terms

    books = Dictionaries.open()  # before the work: a missing dictionary is said at once
    terms = _load(glossary_files)
    for path in files:
        doc = read_document(path, lang=source_lang)
        click.echo(suggest_terms(doc, terms, books, limit=limit, fmt=fmt))


@glossary.command("import")
@click.argument("file", type=FILE)
@output_option("The dejakit glossary to write (.toml).", required=True)
@choice_option(
    "--direction", _DIRECTIONS, "Languages of a two-column CSV without a header (source-target)."
)
@click.option("--domain", default="", help="Domain written to the [glossary] table.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@handle_errors
def glossary_import(file: Path, output: Path, direction: str, domain: str, force: bool) -> None:
    """Turn a CSV (DeepL style) or TBX glossary FILE into a dejakit TOML glossary OUTPUT.

    \b
        dejakit glossary import terms.csv -o glossaries/partner.toml
    """
    from .. import read_glossary_csv, read_tbx, write_glossary_toml

    if output.suffix.lower() != ".toml":
        raise ExchangeError(f"{output}: the output must be a .toml file; give -o NAME.toml")
    if output.exists() and not force:
        raise ExchangeError(f"{output}: already exists; give --force to replace it")
    suffix = file.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        source, target = _direction(direction)
        entries, skipped = read_glossary_csv(file, source_lang=source, target_lang=target)
    elif suffix in (".tbx", ".xml"):
        entries, skipped = read_tbx(file)
    else:
        raise ExchangeError(
            f"{file}: unsupported glossary type {suffix or '(none)'!r}; use .csv or .tbx"
        )
    count = write_glossary_toml(
        entries,
        output,
        domain=domain,
        comment=f"Imported from {file.name} by dejakit glossary import; "
        f"check it with: dejakit glossary check {output.name}",
    )
    click.echo(
        f"{output}: {count} entries from {file}" + (f" ({skipped} skipped)" if skipped else "")
    )
    missing = sum(not e.en for e in entries)
    if missing:
        click.echo(f'  {missing} entries have no English pivot term: fill in en = "…" in {output}')


@glossary.command("export")
@_GLOSSARY_OPTION
@output_option("Output file: .csv (DeepL glossary), .tbx (TBX-Basic) or .toml.", required=True)
@choice_option("--direction", _DIRECTIONS, "CSV only: source and target language.")
@click.option("--variants", is_flag=True, help="CSV only: add a row for each source variant.")
@handle_errors
def glossary_export(
    glossary_files: tuple[Path, ...], output: Path, direction: str, variants: bool
) -> None:
    """Write the glossaries as CSV for DeepL, TBX for CAT tools, or one merged TOML file.

    \b
        dejakit glossary export -o out/glossary.tbx
    """
    from .. import write_glossary_csv, write_glossary_toml, write_tbx

    terms = _load(glossary_files)
    suffix = output.suffix.lower()
    if suffix == ".csv":
        source, target = _direction(direction)
        count = write_glossary_csv(
            terms, output, source_lang=source, target_lang=target, variants=variants
        )
        click.echo(f"{output}: {count} rows ({direction})")
    elif suffix == ".tbx":
        count = write_tbx(terms, output)
        click.echo(f"{output}: {count} entries (de, ja, en)")
    elif suffix == ".toml":
        count = write_glossary_toml(terms, output, version=terms.version)
        click.echo(f"{output}: {count} entries")
    else:
        raise ExchangeError(
            f"{output}: unsupported output type {suffix or '(none)'!r}; use .csv, .tbx or .toml"
        )


def _load(files: tuple[Path, ...]) -> Glossary:
    from .. import default_glossary, load_glossaries

    return load_glossaries(files) if files else default_glossary()


def _direction(value: str) -> tuple[LookupLang, LookupLang]:
    source, target = value.split("-")
    return cast("LookupLang", source), cast("LookupLang", target)


def _hit_dict(segment_id: str, hit: TermHit) -> dict[str, Any]:
    entry = hit.entry
    return {
        "segment": segment_id,
        "start": hit.start,
        "end": hit.end,
        "form": hit.form,
        "in_compound": hit.in_compound,
        "context": hit.context,
        "equivalent": hit.target_form(),
        "review": hit.review,
        "entry": {
            "id": entry.id,
            "de": entry.de,
            "ja": entry.ja,
            "en": entry.en,
            "type": entry.type,
        },
    }
