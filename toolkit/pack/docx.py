"""The pack as an editable DOCX (python-docx), in the same order and with the same content.

Cover, a contents field (pre-filled with the chapter titles in Word's "toc" styles; Word fills in
the page numbers when it opens the file), one Word section per chapter with its own running
header, tables for the programme, participants, fact sheets, documents, contacts and the
glossary. The type is in Word styles (`toolkit.pack.docxstyles`): runs carry only a language tag
where it differs from their style's. Every page but the cover shows the notice and "page X / Y";
the classification is centred at the top and bottom of every page, German and Japanese apart.
Rows never split across pages unless they are long, label and heading rows stay with the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..japanese import has_japanese
from ..model import Lang
from ..render.docx import fill, shown_lang
from ..render.docxstyles import NOTICE
from ..render.ooxml import (
    ROW_SPLIT_UNITS,
    add_field,
    append_row,
    begin_field,
    bookmark,
    child,
    clean_text,
    end_field,
    keep_with_next,
    may_split,
    set_row,
    shade_cell,
    tail_start,
    text_units,
    update_fields_on_open,
)
from ..render.view import Run
from .content import Bilingual, Pack, Runs, Section, date_range
from .docxstyles import pack_styles
from .html import LABELS, document_rows, fact_rows, qa_rows, toc_entries
from .manifest import SIDES, Contact, Person

if TYPE_CHECKING:
    from docx.section import Section as WordSection
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

__all__ = ["write_fact_sheet_docx", "write_pack_docx"]

_LANGS: tuple[tuple[Lang, int], ...] = (("de", 0), ("ja", 1))
_LANGUAGE = {"de": "German", "ja": "Japanese"}
_SHADE = "E8EDF3"
_ROW_STYLES = {"caption": "Caption"}  # block kinds with a style of their own in a document table
_MARGINS = (20.0, 16.0, 18.0, 16.0)  # mm: top, right, bottom, left
_COMPACT_MARGINS = (16.0, 14.0, 15.0, 14.0)  # the one-page fact sheet
_MARKING_UNITS = 100  # letters of the Marking style on one line of the text width


def write_pack_docx(pack: Pack, path: Path, *, with_qa: bool = False) -> None:
    """Write `pack` as DOCX to `path` (a temporary file the caller moves into place)."""
    marking = pack.texts.get("classification")
    builder = _Builder(_marking(marking) if marking else (), NOTICE)
    builder.cover(pack)
    builder.contents(toc_entries(pack, with_qa=with_qa))
    if pack.agenda:
        builder.chapter("agenda")
        builder.agenda(pack)
    if pack.manifest.participants:
        builder.chapter("participants")
        for side in SIDES:
            people = pack.people(side)
            if people:
                builder.group(*LABELS[side])
                builder.people(people, lead=pack.manifest.delegation.lead)
    for key, sections in (("mous", pack.mous()), ("documents", pack.documents())):
        if sections:
            builder.chapter(key)
            for index, section in enumerate(sections):
                builder.section(section, new_page=index > 0)
    if pack.manifest.contacts:
        builder.chapter("contacts")
        for side in SIDES:
            contacts = [c for c in pack.manifest.contacts if c.side == side]
            if contacts:
                builder.group(*LABELS[side])
                builder.people(contacts)
    if pack.glossary_de:
        builder.chapter("glossary")
        builder.glossary(pack)
    if with_qa:
        builder.chapter("qa")
        builder.qa(pack)
    builder.save(path, f"{pack.manifest.pack.title.de} · {pack.manifest.pack.title.ja}")


def write_fact_sheet_docx(
    section: Section, path: Path, *, classification: str = "", notice: str = NOTICE
) -> None:
    """Write the one-page fact sheet of an MoU section as DOCX to `path`."""
    marking = (clean_text(classification),) if classification.strip() else ()
    builder = _Builder(marking, notice, compact=True)
    builder.furniture(page_number=True)  # no running title: the title is printed below it
    builder.section(section, new_page=False)
    builder.save(path, section.title.text("de"))


def _marking(text: Bilingual) -> tuple[str, ...]:
    """Return the lines of a bilingual marking: one if both fit on it, else German, Japanese."""
    de, ja = clean_text(text.text("de")), clean_text(text.text("ja"))
    if text_units(de) + text_units(ja) <= _MARKING_UNITS:
        return (f"{de}  ·  {ja}",)
    return (de, ja)


class _Builder:
    """Adds the parts of a pack to one python-docx document."""

    def __init__(self, marking: tuple[str, ...], notice: str, *, compact: bool = False) -> None:
        import docx
        from docx.shared import Mm

        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        margins = _COMPACT_MARGINS if compact else _MARGINS
        self._margins(section, margins)
        self.width_mm = 210 - margins[1] - margins[3]
        pack_styles(self.doc, text_width=self.width_mm, compact=compact)
        self.marking = marking
        self.notice = clean_text(notice)
        self.headings = 0  # headings listed in the contents so far (their bookmarks)

    # -- parts --------------------------------------------------------------------------

    def cover(self, pack: Pack) -> None:
        self.furniture(page_number=False)  # no page number on the cover
        texts = pack.texts
        if "classification" in texts:
            self.bilingual_table([(None, texts["classification"])], style="Cover Marking")
        self.spacer()
        self.para(texts["title"].text("de"), "Title", "de")
        self.para(texts["title"].text("ja"), "Title", "ja")
        if "subtitle" in texts:
            self.bilingual_table([(None, texts["subtitle"])])
        manifest = pack.manifest
        delegation = manifest.delegation
        rows: list[tuple[tuple[str, str] | None, Bilingual]] = []
        if "who" in texts:
            rows.append((LABELS["delegation"], texts["who"]))
        lead = manifest.person(delegation.lead) if delegation.lead else None
        if lead is not None:
            rows.append((LABELS["lead"], _plain(lead.short("de"), lead.short("ja"))))
        if delegation.origin or delegation.destinations:
            route = {
                lang: (f"{delegation.origin.form(lang)} → " if delegation.origin else "")
                + (" – " if lang == "de" else "・").join(
                    p.form(lang) for p in delegation.destinations
                )
                for lang in ("de", "ja")
            }
            rows.append((LABELS["route"], _plain(route["de"], route["ja"])))
        dates = {lang: date_range(delegation.start, delegation.end, lang) for lang in ("de", "ja")}
        rows.append((LABELS["dates"], _plain(dates["de"], dates["ja"])))
        if manifest.pack.issued:
            from ..localize import format_date_for

            issued = [
                format_date_for(manifest.pack.issued, lang, weekday=False) for lang in ("de", "ja")
            ]
            rows.append((LABELS["issued"], _plain(*issued)))
        self.spacer()
        self.bilingual_table(rows)
        if "note" in texts:
            self.spacer()
            self.bilingual_table([(None, texts["note"])])

    def contents(self, entries: Sequence[Any]) -> None:
        """The contents: a TOC field, its result pre-filled with the entries and PAGEREF fields.

        Word rebuilds the field on opening (``w:updateFields``) and shows the page numbers.
        LibreOffice (7.4) shows a TOC field's stored result as it is, ignores ``w:dirty`` and
        flattens the PAGEREF fields inside it to their (empty) stored text, so its PDF of the
        file has the titles without numbers until Tools > Update. (PAGEREF fields outside a
        TOC field it does compute; the numbers can't be filled in here honestly: they are
        Word's or LibreOffice's layout, not the pack PDF's.)
        """
        self.chapter("contents", outline=False)
        for index, entry in enumerate(entries, start=1):
            paragraph = self.doc.add_paragraph()
            if index == 1:
                begin_field(paragraph, 'TOC \\o "1-2" \\h \\z \\u')
            fill(paragraph, f"toc {entry.level}", [Run(f"{entry.de} · {entry.ja}\t")], "de")
            add_field(paragraph, f"PAGEREF {_toc_name(index)} \\h", placeholder="")
        end_field(self.doc.paragraphs[-1] if entries else self.doc.add_paragraph())
        update_fields_on_open(self.doc)

    def chapter(self, key: str, *, outline: bool = True) -> None:
        from docx.enum.section import WD_SECTION

        de, ja = LABELS[key]
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        if key == "mous":  # a fact sheet fills one page, as in the PDF: narrower margins
            self._margins(section, _COMPACT_MARGINS)
        else:
            self._margins(section, _MARGINS)
        self.furniture(title=(de, ja), page_number=True)
        heading = self.para(f"{de} · {ja}", "Heading 1" if outline else "Contents Heading", "de")
        if outline:
            self.listed(heading)

    def listed(self, heading: Paragraph) -> None:
        """Bookmark `heading`, the next entry of the contents, for its PAGEREF field."""
        self.headings += 1
        bookmark(heading, _toc_name(self.headings), self.headings)

    def furniture(self, *, title: tuple[str, str] | None = None, page_number: bool) -> None:
        """Header and footer of the last section: the marking centred at the top and bottom,
        the notice and "page X / Y" (`page_number`) in the footer, and the running `title` on
        every page but the section's first, whose heading names it already.
        """
        section = self.doc.sections[-1]
        section.different_first_page_header_footer = title is not None
        headers = [(section.header, title)]
        footers = [section.footer]
        if title is not None:
            headers.append((section.first_page_header, None))
            footers.append(section.first_page_footer)
        for header, running in headers:
            header.is_linked_to_previous = False
            paragraphs = self._clear(header)
            for line in self.marking:
                fill(next(paragraphs, None) or header.add_paragraph(), "Marking", [Run(line)], "de")
            if running is not None:
                text = [Run(f"{running[0]} · {running[1]}")]
                fill(next(paragraphs, None) or header.add_paragraph(), "Header", text, "de")
        for footer in footers:
            footer.is_linked_to_previous = False
            paragraph = next(self._clear(footer))
            fill(paragraph, "Footer", [Run(self.notice + ("\t" if page_number else ""))], "de")
            if page_number:
                add_field(paragraph, "PAGE")
                paragraph.add_run(" / ")
                add_field(paragraph, "NUMPAGES")
            for line in self.marking:
                fill(footer.add_paragraph(), "Marking", [Run(line)], "de")

    @staticmethod
    def _margins(section: WordSection, margins: tuple[float, float, float, float]) -> None:
        from docx.shared import Mm

        top, right, bottom, left = margins
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        section.header_distance = section.footer_distance = Mm(7 if top < 20 else 9)

    @staticmethod
    def _clear(part: Any) -> Iterator[Paragraph]:
        """Empty a header or footer down to one paragraph; yield that paragraph."""
        first = part.paragraphs[0]
        for extra in part.paragraphs[1:]:
            part._element.remove(extra._p)
        first.text = ""
        yield first

    def group(self, de: str, ja: str) -> None:
        self.para(f"{de} · {ja}", "Heading 3", "de")

    def agenda(self, pack: Pack) -> None:
        table = self.table(3, (0.13, 0.435, 0.435))
        heads = [f"{LABELS['time'][0]}\n{LABELS['time'][1]}", *LABELS["agenda"]]
        self.cells(table.rows[0], heads, "Table Heading", header=True)
        for day in pack.agenda:
            row = self.row(table)
            self.cells(row, ["", day.label("de"), day.label("ja")], "Day Heading", shade=_SHADE)
            for item in day.rows:
                row = self.row(table)
                cells = row.cells
                self.cells(row, [item.time()], "Table Text")
                for cell, (lang, i) in zip(cells[1:], _LANGS, strict=True):
                    colon = ": " if lang == "de" else "："
                    runs = _first(item.item.side(lang))
                    name = _LANGUAGE[shown_lang(runs, lang, "ja" if lang == "de" else "de")]
                    fill(cell.paragraphs[0], f"Name {name}", runs, lang)
                    if item.place:
                        self.small(
                            cell, f"{LABELS['place'][i]}{colon}{item.place.form(lang)}", lang
                        )
                    if item.participants:
                        self.small(cell, f"{LABELS['who'][i]}{colon}{item.who(lang)}", lang)
                    if item.note:
                        self.small(cell, item.note.text(lang), lang, kind="Note")

    def people(self, people: Iterable[Person | Contact], lead: str | None = None) -> None:
        table = self.table(2, (0.5, 0.5))
        self.cells(table.rows[0], ["Deutsch", "日本語"], "Table Heading", header=True)
        for person in people:
            cells = self.row(table).cells
            is_lead = isinstance(person, Person) and person.id == lead
            for cell, (lang, i) in zip(cells, _LANGS, strict=True):
                name = person.name
                assert name is not None
                text = name.form(lang) + (f" ({LABELS['lead'][i]})" if is_lead else "")
                if lang == "ja" and name.reading:
                    text += f"（{name.reading}）"
                fill(cell.paragraphs[0], f"Name {_LANGUAGE[lang]}", [Run(text)], lang)
                if lang == "de" and name.romaji:
                    self.small(cell, f"{name.ja} · {LABELS['reading'][0]}: {name.romaji}", "ja")
                for extra in (person.function, person.organisation):
                    if extra is not None:
                        self.small(cell, extra.form(lang), lang)
                if isinstance(person, Contact):
                    for key, value in (
                        ("phone", person.phone),
                        ("mobile", person.mobile),
                        ("email", person.email),
                    ):
                        if value:
                            colon = ": " if lang == "de" else "："
                            self.small(cell, f"{LABELS[key][i]}{colon}{value}", lang)

    def section(self, section: Section, *, new_page: bool) -> None:
        kicker = "fact_sheet" if section.kind == "mou" else f"source_{section.doc.source_lang}"
        caption = self.para(f"{LABELS[kicker][0]} · {LABELS[kicker][1]}", "Caption", "de")
        if new_page:
            child(caption._p.get_or_add_pPr(), "w:pageBreakBefore")
        source = section.doc.source_lang
        heading = self.doc.add_paragraph()
        style = "Fact Heading" if section.mou is not None else "Heading 2"
        fill(heading, style, _first(section.title.de), "de", source_lang=source)
        if heading.runs:
            heading.runs[-1].add_break()
        fill(heading, style, _first(section.title.ja), "ja", source_lang=source)
        self.listed(heading)
        if section.mou is not None:
            table = self.table(2, (0.5, 0.5), head=False)
            for fact in fact_rows(section):
                label_row = self.row(table)
                merged = label_row.cells[0].merge(label_row.cells[1])
                label = [Run(f"{fact.de_label} · {fact.ja_label}")]
                fill(merged.paragraphs[0], "Fact Label", label, "de")
                shade_cell(merged, _SHADE)
                row = self.row(table)
                for cell, (lang, index) in zip(row.cells, _LANGS, strict=True):
                    kind = "Fact List" if fact.listed else "Fact Body"
                    for n, item in enumerate(fact.items):
                        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                        style = f"{kind} {_LANGUAGE[shown_lang(item[index], lang, source)]}"
                        fill(paragraph, style, item[index], lang, source_lang=source)
            return
        table = self.table(2, (0.5, 0.5))
        heads = [
            f"Deutsch ({LABELS['original' if source == 'de' else 'translation'][0]})",
            f"日本語（{LABELS['original' if source == 'ja' else 'translation'][1]}）",
        ]
        self.cells(table.rows[0], heads, "Table Heading", header=True)
        rows = document_rows(section)
        sizes = [max(text_units(_joined(de)), text_units(_joined(ja))) for _, de, ja, _ in rows]
        tail = tail_start(sizes, ROW_SPLIT_UNITS)  # ROW_SPLIT_UNITS: a third of a page
        for index, (kind, de, ja, _) in enumerate(rows):
            row = self.row(table, texts=[_joined(de), _joined(ja)])
            is_heading = kind in ("title", "heading")
            for cell, runs, (lang, _) in zip(row.cells, (de, ja), _LANGS, strict=True):
                shown = _LANGUAGE[shown_lang(runs, lang, source)]
                kind_style = _ROW_STYLES.get(kind, "Body")
                style = "Row Heading" if is_heading else f"{kind_style} {shown}"
                fill(cell.paragraphs[0], style, runs, lang, source_lang=source)
            if tail <= index < len(rows) - 1:
                keep_with_next(row)

    def glossary(self, pack: Pack) -> None:
        for key, groups, order in (
            ("glossary_de", pack.glossary_de, ("de", "ja", "reading", "en")),
            ("glossary_ja", pack.glossary_ja, ("ja", "reading", "de", "en")),
        ):
            self.listed(self.para(f"{LABELS[key][0]} · {LABELS[key][1]}", "Heading 2", "de"))
            table = self.table(4, (0.32, 0.26, 0.18, 0.24))
            heads = {"de": "Deutsch", "ja": "日本語", "reading": "Lesung · 読み", "en": "English"}
            self.cells(table.rows[0], [heads[k] for k in order], "Table Heading", header=True)
            for group in groups:
                row = self.row(table)
                merged = row.cells[0].merge(row.cells[3])
                fill(merged.paragraphs[0], "Row Heading", [Run(group.label)], "ja")
                for entry in group.entries:
                    values = {
                        "de": entry.de,
                        "ja": entry.ja,
                        "reading": entry.reading,
                        "en": entry.en,
                    }
                    cells = self.row(table).cells
                    for cell, column in zip(cells, order, strict=True):
                        lang: Lang = "ja" if column in ("ja", "reading") else "de"
                        style = f"Term {_LANGUAGE[lang]}"
                        fill(cell.paragraphs[0], style, [Run(values[column])], lang)

    def qa(self, pack: Pack) -> None:
        table = self.table(5, (0.44, 0.14, 0.14, 0.14, 0.14))
        keys = ("qa_part", "qa_segments", "untranslated", "critical", "functional")
        heads = ["\n".join(LABELS[key]) for key in keys]  # German above Japanese
        self.cells(table.rows[0], heads, "Table Heading", header=True)
        rows = qa_rows(pack)
        for row in rows:
            values = [
                row["title"],
                row["counts"]["total"],
                row["counts"]["untranslated"],
                row["severity"]["critical"],
                row["severity"]["functional"],
            ]
            self.cells(self.row(table), [str(v) for v in values], "Table Text")
        for row in rows:
            if not row["issues"]:
                continue
            self.para(row["title"], "Heading 3", "de")
            for issue in row["issues"]:
                self.para(
                    f"{issue.segment_id}  {issue.severity}  {issue.check}: {issue.message}",
                    "Body German",
                    "de",
                )

    # -- helpers ------------------------------------------------------------------------

    def para(self, text: str, style: str, lang: Lang) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        fill(paragraph, style, [Run(text)], lang)
        return paragraph

    def spacer(self) -> None:
        """An empty paragraph: keeps two tables apart (Word would join them)."""
        self.doc.add_paragraph()

    def small(self, cell: _Cell, text: str, lang: Lang, kind: str = "Small") -> None:
        fill(cell.add_paragraph(), f"{kind} {_LANGUAGE[lang]}", [Run(text)], lang)

    def table(self, columns: int, widths: Sequence[float], *, head: bool = True) -> Table:
        from docx.shared import Mm

        table: Table = self.doc.add_table(rows=1 if head else 0, cols=columns)
        table.style = self.doc.styles["Light Rules"]
        table.autofit = False
        child(table._tbl.tblPr, "w:tblLayout", type="fixed")
        for column, share in zip(table.columns, widths, strict=True):
            column.width = Mm(self.width_mm * share)  # the grid: rows added later follow it
            for cell in column.cells:
                cell.width = Mm(self.width_mm * share)
        return table

    def row(self, table: Table, *, texts: Sequence[str] = ()) -> _Row:
        """Add a row to `table`, kept on one page unless `texts` are long enough to split."""
        row = append_row(table)
        set_row(row, cant_split=not may_split(texts))
        return row

    def cells(
        self,
        row: _Row,
        texts: Sequence[str],
        style: str,
        *,
        header: bool = False,
        shade: str = "",
    ) -> None:
        for cell, text in zip(row.cells, texts, strict=False):
            for index, line in enumerate(text.split("\n")):
                latin = any(c.isascii() and c.isalpha() for c in line)
                lang: Lang = "ja" if has_japanese(line) and not latin else "de"
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                fill(paragraph, style, [Run(line)], lang)
            if shade:
                shade_cell(cell, shade)
        set_row(row, header=header)

    def bilingual_table(
        self, rows: Sequence[tuple[tuple[str, str] | None, Bilingual]], style: str = "Body"
    ) -> None:
        labelled = any(label for label, _ in rows)
        table = self.table(3 if labelled else 2, (0.16, 0.42, 0.42) if labelled else (0.5, 0.5))
        for index, (label, text) in enumerate(rows):
            row = table.rows[0] if index == 0 else self.row(table)
            cells = row.cells
            if labelled:
                self.cells(row, [f"{label[0]}\n{label[1]}" if label else ""], "Table Heading")
                cells = cells[1:]
            set_row(row)
            for cell, (lang, _) in zip(cells, _LANGS, strict=True):
                for n, para in enumerate(text.side(lang)):
                    paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                    source: Lang = "ja" if lang == "de" else "de"
                    shown = _LANGUAGE[shown_lang(para, lang, source)]
                    fill(paragraph, f"{style} {shown}", para, lang, source_lang=source)

    def save(self, path: Path, title: str) -> None:
        core = self.doc.core_properties
        core.title = clean_text(title)[:255]  # Word's limit for core properties
        core.language = "de-DE"
        core.comments = "dejakit briefing pack"
        self.doc.save(str(path))


def _joined(runs: Runs) -> str:
    return "".join(r.text for r in runs)


def _toc_name(index: int) -> str:
    return f"_Toc{index:04d}"  # "_Toc…": a hidden bookmark, as Word names its own


def _plain(de: str, ja: str) -> Bilingual:
    return Bilingual(((Run(de),),), ((Run(ja),),))


def _first(paragraphs: tuple[Runs, ...]) -> Runs:
    return tuple(run for para in paragraphs for run in para)
