"""What a built pack holds: every text resolved in both languages, ready for the renderers.

The HTML/PDF and the DOCX renderer read only a `Pack`. A `Bilingual` text carries runs per
paragraph for each language; a run the memory and engine could not translate holds the source
text and is marked ``untranslated``, so every renderer shows it as such.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..glossary.model import Entry
from ..ingest.mou import Mou
from ..localize import format_date_for
from ..model import Document, Issue, Lang
from ..render.view import Run
from .manifest import AgendaItem, Manifest, Person, Side
from .names import Name

__all__ = [
    "AgendaDay",
    "AgendaRow",
    "Bilingual",
    "GlossaryGroup",
    "Pack",
    "Runs",
    "Section",
    "agenda_rows",
    "date_range",
    "paragraphs",
    "plain",
]

Runs = tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A text in German and Japanese: paragraphs of runs for each language."""

    de: tuple[Runs, ...]
    ja: tuple[Runs, ...]

    def side(self, lang: Lang) -> tuple[Runs, ...]:
        """Return the paragraphs in `lang`."""
        return self.de if lang == "de" else self.ja

    def text(self, lang: Lang) -> str:
        """Return the text in `lang` as plain text, paragraphs separated by blank lines."""
        return "\n\n".join("".join(r.text for r in para) for para in self.side(lang))

    @property
    def untranslated(self) -> bool:
        """Return whether any run of either side waits for a translation."""
        return any(r.untranslated for para in (*self.de, *self.ja) for r in para)


def plain(de: str, ja: str) -> Bilingual:
    """Return a `Bilingual` of two given texts (blank lines separate paragraphs)."""

    return Bilingual(paragraphs(de, "de"), paragraphs(ja, "ja"))


def paragraphs(text: str, lang: Lang) -> tuple[Runs, ...]:
    """Return the blank-line separated paragraphs of `text`, hard line breaks joined."""
    from ..ingest.press import join_lines

    parts = [p for p in text.strip().split("\n\n") if p.strip()]
    return tuple((Run(join_lines(p.splitlines(), lang)),) for p in parts)


@dataclass(frozen=True, slots=True)
class Section:
    """One translated document or MoU summary of the pack, with its QA issues."""

    kind: Literal["document", "mou"]
    anchor: str  # the HTML id: "doc-2", "mou-1"
    title: Bilingual
    doc: Document  # translated
    issues: tuple[Issue, ...]
    mou: Mou | None = None

    @property
    def critical(self) -> int:
        """Return the number of critical issues."""
        return sum(i.severity == "critical" for i in self.issues)


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One programme item, resolved for both languages."""

    start: str | None
    end: str | None
    place: Name | None
    item: Bilingual
    note: Bilingual | None
    participants: tuple[Person, ...]

    def time(self) -> str:
        """Return "09:30–11:00", "09:30" or "" for an all-day item."""
        if self.start and self.end:
            return f"{self.start}–{self.end}"
        return self.start or ""

    def who(self, lang: Lang) -> str:
        """Return the participants as the agenda lists them in `lang`."""
        return ("、" if lang == "ja" else ", ").join(p.short(lang) for p in self.participants)


@dataclass(frozen=True, slots=True)
class AgendaDay:
    """The programme items of one day."""

    date: dt.date
    rows: tuple[AgendaRow, ...]

    def label(self, lang: Lang) -> str:
        """Return the day as "Dienstag, 3. März 2026" / "2026年3月3日（火）"."""
        return format_date_for(self.date, lang, weekday=True)


@dataclass(frozen=True, slots=True)
class GlossaryGroup:
    """Entries of the pocket glossary under one heading ("A", "か行")."""

    label: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Pack:
    """A built briefing pack: the manifest's texts in both languages, translated sections, QA."""

    manifest: Manifest
    texts: dict[str, Bilingual]  # "title", "subtitle", "classification", "note", "who"
    agenda: tuple[AgendaDay, ...]
    sections: tuple[Section, ...]
    glossary_de: tuple[GlossaryGroup, ...]
    glossary_ja: tuple[GlossaryGroup, ...]
    readings: dict[str, str]  # entry id -> hiragana reading used for sorting
    manifest_doc: Document | None  # the manifest texts that needed translating
    manifest_issues: tuple[Issue, ...]

    @property
    def name(self) -> str:
        """Return the output file stem."""
        return self.manifest.pack.name

    def people(self, side: Side) -> list[Person]:
        """Return the participants of `side`, in manifest (protocol) order."""
        return [p for p in self.manifest.participants if p.side == side]

    def issues(self) -> Iterator[tuple[str, Issue]]:
        """Yield (section title, issue) for every QA issue of the pack."""
        for issue in self.manifest_issues:
            yield "pack.toml", issue
        for section in self.sections:
            for issue in section.issues:
                yield section.title.text("de") or section.anchor, issue

    def documents(self) -> list[Section]:
        """Return the document sections."""
        return [s for s in self.sections if s.kind == "document"]

    def mous(self) -> list[Section]:
        """Return the MoU sections."""
        return [s for s in self.sections if s.kind == "mou"]


def date_range(start: dt.date, end: dt.date, lang: Lang) -> str:
    """Return "1. März bis 6. März 2026" / "2026年3月1日（日）～3月6日（金）"."""
    if start == end:
        return format_date_for(start, lang, weekday=True)
    same_year = start.year == end.year
    if lang == "de":
        first = format_date_for(start, "de", weekday=False, year=not same_year)
        return f"{first} bis {format_date_for(end, 'de', weekday=False)}"
    first = format_date_for(start, "ja", weekday=True)
    return f"{first}～{format_date_for(end, 'ja', weekday=True, year=not same_year)}"


def agenda_rows(manifest: Manifest, texts: dict[str, Bilingual]) -> tuple[AgendaDay, ...]:
    """Return the programme grouped by day, the item texts taken from `texts`."""
    days: dict[dt.date, list[AgendaRow]] = {}
    for index, item in enumerate(manifest.agenda):
        days.setdefault(item.date, []).append(_row(manifest, texts, index, item))
    return tuple(AgendaDay(date, tuple(rows)) for date, rows in sorted(days.items()))


def _row(
    manifest: Manifest, texts: dict[str, Bilingual], index: int, item: AgendaItem
) -> AgendaRow:
    people = tuple(p for p in (manifest.person(i) for i in item.participants) if p is not None)
    return AgendaRow(
        start=item.start,
        end=item.end,
        place=item.place,
        item=texts[f"agenda.{index}.item"],
        note=texts.get(f"agenda.{index}.note"),
        participants=people,
    )
