"""`dejakit qa`: the full QA report of a translation."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import Lang, read_json_document
from .common import (
    FROM_OPTION,
    LANG_CHOICE,
    PATH,
    TranslationSetup,
    handle_errors,
    translation_options,
)
from .translate import run_translation

__all__ = ["qa"]


@click.command()
@click.argument("source", type=PATH)
@click.option(
    "--to",
    "target_lang",
    type=LANG_CHOICE,
    default=None,
    help="Target language (not needed for a .json from `dejakit translate`).",
)
@FROM_OPTION
@translation_options
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--strict", is_flag=True, help="Exit with code 2 when there are critical issues.")
@handle_errors
def qa(
    source: Path,
    target_lang: Lang | None,
    source_lang: Lang | None,
    as_json: bool,
    strict: bool,
    setup: TranslationSetup,
) -> None:
    """Check the translation of SOURCE: terms, protected items, numbers, script, length.

    SOURCE is an input document (translated now, from memory, cache and engine, like
    `translate` does) or a .json written by `dejakit translate`.

    \b
        dejakit qa samples/pm-wasserstoff-de.txt --to ja
        dejakit qa out/pm-wasserstoff-de.ja.json --json
    """
    if source.suffix.lower() == ".json":
        doc = read_json_document(source)
    else:
        if target_lang is None:
            raise click.UsageError("give --to de|ja (or a .json from `dejakit translate`)")
        doc = run_translation(source, target_lang, source_lang=source_lang, setup=setup, quiet=True)
    from .. import check_document, summarize_issues

    issues = check_document(doc, glossary=setup.glossary)
    if as_json:
        report = {
            "source": str(source),
            "segments": sum(1 for _ in doc.segments()),
            "summary": summarize_issues(issues),
            "issues": [
                {
                    "segment": i.segment_id,
                    "check": i.check,
                    "severity": i.severity,
                    "message": i.message,
                }
                for i in issues
            ],
        }
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        sources = {s.id: s.source for s in doc.segments()}
        for issue in issues:
            click.echo(
                f"{issue.segment_id:>8}  {issue.severity:<10} {issue.check:<12} {issue.message}"
            )
            click.echo(f"{'':>8}  {sources.get(issue.segment_id, '')[:90]}")
        counts = summarize_issues(issues)["severity"]
        click.echo(
            f"{source}: {sum(1 for _ in doc.segments())} segments, "
            + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("critical", "functional", "cosmetic"))
        )
    if strict and any(i.severity == "critical" for i in issues):
        raise click.exceptions.Exit(2)
