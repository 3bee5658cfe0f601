"""The pack as HTML (``templates/pack.html.j2`` + ``pack.css``), which WeasyPrint prints.

One HTML file holds the whole pack: cover, contents (page numbers by ``target-counter``), one
chapter per part with its own running header (named strings) and PDF bookmarks in both
languages, the glossary appendix and, for the preparer, the QA summary. A fact sheet alone is
the same template with only that chapter. Autoescaping is on: document text stays text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..localize import format_date_for
from ..model import Lang
from ..render.html import inline_stylesheet, is_block_quote
from ..render.labels import HANDOUT, PACK
from ..render.marking import Pair, make_marking
from ..render.options import DEFAULT_NOTICE
from ..render.phrases import lang_markup
from ..render.view import UNTRANSLATED_LABEL, Run, build_rows
from .content import Pack, Runs, Section, date_range
from .index import LATIN, NO_READING, shown_reading

__all__ = [
    "LABELS",
    "FactRow",
    "TocEntry",
    "document_rows",
    "fact_rows",
    "qa_rows",
    "render_fact_sheet_html",
    "render_pack_html",
    "toc_entries",
]

TEMPLATE = "pack.html.j2"
STYLESHEET = "pack.css"
# The pack's printed words (``render/labels.toml``) and the two marks of the glossary index.
LABELS: dict[str, tuple[str, str]] = {
    **HANDOUT,
    **PACK,
    "no_reading": (NO_READING, NO_READING),
    "latin": (LATIN, LATIN),
}
_NUMBER_WORDS = "ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split()


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of the contents: its level, the anchor it points to, its labels."""

    level: int
    anchor: str
    de: str
    ja: str


@dataclass(frozen=True, slots=True)
class FactRow:
    """One row of a fact sheet: a label and the items under it, German and Japanese."""

    key: str
    de_label: str
    ja_label: str
    items: tuple[tuple[Runs, Runs], ...]
    listed: bool = False
    inline: bool = False  # a one-line fact: the label goes in front of the text


def toc_entries(pack: Pack, *, with_qa: bool) -> list[TocEntry]:
    """Return the contents of `pack`, in the order the chapters appear."""
    entries: list[TocEntry] = []

    def chapter(key: str, anchor: str) -> None:
        entries.append(TocEntry(1, anchor, *LABELS[key]))

    if pack.agenda:
        chapter("agenda", "agenda")
    if pack.manifest.participants:
        chapter("participants", "participants")
    for key, sections in (("mous", pack.mous()), ("documents", pack.documents())):
        if sections:
            chapter(key, key)
            entries += [
                TocEntry(2, s.anchor, s.title.text("de"), s.title.text("ja")) for s in sections
            ]
    if pack.manifest.contacts:
        chapter("contacts", "contacts")
    if pack.glossary_de:
        chapter("glossary", "glossary")
        entries.append(TocEntry(2, "glossary-de", *LABELS["glossary_de"]))
        entries.append(TocEntry(2, "glossary-ja", *LABELS["glossary_ja"]))
    if with_qa:
        chapter("qa", "qa")
    return entries


def fact_rows(section: Section) -> list[FactRow]:
    """Return the rows of the fact sheet of an MoU section."""
    mou = section.mou
    assert mou is not None
    doc = section.doc
    target: Lang = doc.target_lang or doc.source_lang
    rows = {r.block_id: r for r in build_rows(doc)}

    def pair(block_id: str) -> tuple[Runs, Runs]:
        row = rows[block_id]
        sides = {doc.source_lang: row.source, target: row.target}
        return sides["de"], sides["ja"]

    out: list[FactRow] = []
    for key in ("summary", "parties", "signatory", "signing", "term", "renews", "fields"):
        if key == "signing":
            places = [pair(b.id) for b in mou.blocks(doc, "place")]
            de_date = format_date_for(mou.signed, "de", weekday=True)
            ja_date = format_date_for(mou.signed, "ja", weekday=True)
            de_place, ja_place = places[0] if places else ((), ())
            item = (
                (Run(de_date + (", " if de_place else "")), *de_place),
                (Run(ja_date + ("、" if ja_place else "")), *ja_place),
            )
            out.append(FactRow(key, *LABELS[key], (item,), inline=True))
            continue
        if key == "term":
            until = mou.until()
            if mou.term_years is None and until is None:
                continue
            out.append(FactRow(key, *LABELS[key], (_term(mou.term_years, until),), inline=True))
            continue
        _add(out, key, [pair(b.id) for b in mou.blocks(doc, key)])
    for key in ("bodies", "measures", "funding", "contact"):
        _add(out, key, [pair(b.id) for b in mou.blocks(doc, key)])
    # One line per signatory and per contact point: the fact sheet must fit one page.
    return [
        replace(row, items=tuple((_joined(de, " – "), _joined(ja, "　")) for de, ja in row.items))
        if row.key in ("signatory", "contact")
        else row
        for row in out
    ]


def _joined(runs: Runs, separator: str) -> Runs:
    """Return `runs` with their line breaks replaced by `separator`."""
    return tuple(Run(r.text + separator, r.untranslated) if r.line_break else r for r in runs)


def _add(out: list[FactRow], key: str, items: list[tuple[Runs, Runs]]) -> None:
    if items:
        listed = key in ("parties", "fields", "bodies", "measures")
        out.append(FactRow(key, *LABELS[key], tuple(items), listed))


def _term(years: int | None, until: dt.date | None) -> tuple[Runs, Runs]:
    """Return the term as "drei Jahre, bis 1. März 2029" / "3年間（2029年3月1日まで）"."""
    de: list[str] = []
    ja: list[str] = []
    if years is not None:
        word = _NUMBER_WORDS[years - 1] if years <= len(_NUMBER_WORDS) else str(years)
        de.append(f"{word} Jahr" + ("e" if years > 1 else ""))
        ja.append(f"{years}年間")
    if until is not None:
        de.append(f"bis {format_date_for(until, 'de', weekday=False)}")
        date = format_date_for(until, "ja", weekday=False)
        ja.append(f"（{date}まで）" if years is not None else f"{date}まで")
    return (Run(", ".join(de)),), (Run("".join(ja)),)


def document_rows(section: Section) -> list[tuple[str, Runs, Runs, bool]]:
    """Return (block kind, German runs, Japanese runs, row is untranslated) per block."""
    doc = section.doc
    target: Lang = doc.target_lang or doc.source_lang
    out = []
    for row in build_rows(doc):
        sides = {doc.source_lang: row.source, target: row.target}
        out.append((row.kind.value, sides["de"], sides["ja"], row.untranslated > 0))
    return out


def block_quotes(section: Section) -> list[bool]:
    """Return per block whether it is a quoted block (set indented).

    A quoted block is a quote with no speaker (a block quote); a paragraph holding a statement
    („…“, sagte X) is a quote with a speaker and is set like any paragraph.
    """
    return [is_block_quote(r) for r in build_rows(section.doc)]


def render_pack_html(
    pack: Pack,
    *,
    template_dir: Path,
    with_qa: bool = False,
    today: dt.date | None = None,
) -> str:
    """Return the HTML of the whole `pack` (with the QA summary if `with_qa`)."""
    manifest = pack.manifest
    delegation = manifest.delegation
    classification = pack.texts.get("classification")
    marking = make_marking(
        classification=Pair(classification.text("de"), classification.text("ja"))
        if classification is not None
        else "",
        notice=DEFAULT_NOTICE,
    )
    return _render(
        template_dir,
        today,
        doc_title=f"{manifest.pack.title.de} · {manifest.pack.title.ja}",
        pack=pack,
        manifest=manifest,
        texts=pack.texts,
        lead=manifest.person(delegation.lead) if delegation.lead else None,
        only=None,
        with_qa=with_qa,
        toc=toc_entries(pack, with_qa=with_qa),
        dates={lang: date_range(delegation.start, delegation.end, lang) for lang in ("de", "ja")},
        issued={
            lang: format_date_for(manifest.pack.issued, lang, weekday=False)
            if manifest.pack.issued
            else ""
            for lang in ("de", "ja")
        },
        document_rows=document_rows,
        block_quotes=block_quotes,
        shown_reading=shown_reading,
        qa=qa_rows(pack),
        marking=marking,
    )


def render_fact_sheet_html(
    section: Section,
    *,
    template_dir: Path,
    today: dt.date | None = None,
    classification: str = "",
    notice: str = DEFAULT_NOTICE,
) -> str:
    """Return the HTML of the one-page fact sheet of an MoU `section` alone.

    Its pages carry the `classification` and the `notice` as the handouts and packs do.
    """
    return _render(
        template_dir,
        today,
        doc_title=section.title.text("de"),
        texts={},
        only=section,
        marking=make_marking(classification=classification, notice=notice),
    )


def _render(template_dir: Path, today: dt.date | None, **context: Any) -> str:
    import jinja2

    from ..version import __version__

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    try:
        template = env.get_template(TEMPLATE)
        css = inline_stylesheet(template_dir, STYLESHEET)
    except (jinja2.TemplateError, OSError) as exc:
        raise RenderError(f"{template_dir}: the pack template can't be loaded ({exc})") from None
    return template.render(
        css=css,
        version=__version__,
        generated=(today or dt.date.today()).isoformat(),
        labels=LABELS,
        fact_rows=fact_rows,
        untranslated_label=UNTRANSLATED_LABEL,
        lang_text=lang_markup,
        colon={"de": ": ", "ja": "："},
        **context,
    )


def qa_rows(pack: Pack) -> list[dict[str, Any]]:
    """Return one summary row per part of the pack: segments by origin and issues by severity."""
    from ..render.view import summarize

    rows: list[dict[str, Any]] = []
    parts: Sequence[tuple[str, Any, Sequence[Any]]] = [
        ("pack.toml", pack.manifest_doc, pack.manifest_issues),
        *((s.title.text("de"), s.doc, s.issues) for s in pack.sections),
    ]
    for title, doc, issues in parts:
        if doc is None:
            continue
        counts = summarize(doc)
        rows.append(
            {
                "title": title,
                "counts": counts,
                "severity": {
                    sev: sum(i.severity == sev for i in issues)
                    for sev in ("critical", "functional", "cosmetic")
                },
                "issues": [i for i in issues if i.severity != "cosmetic"],
                "sources": {s.id: s.source for s in doc.segments()},
            }
        )
    return rows
