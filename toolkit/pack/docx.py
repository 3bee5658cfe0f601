"""The pack as an editable DOCX (python-docx), in the same order and with the same content.

Cover, a contents field (pre-filled with the chapter titles; Word fills in the page numbers when
the document is opened), one Word section per chapter with its own running header, tables for
the programme, participants, fact sheets, documents, contacts and the glossary. As in
`toolkit.render.docx`, the East Asian font and language are set in the XML on the styles and on
every run (python-docx has no API for them); control characters Word refuses are removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..model import Lang
from ..render.view import UNTRANSLATED_LABEL, Run
from .content import SIDE_LABELS, Bilingual, Pack, Runs, Section, date_range
from .docxml import (
    add_field,
    begin_field,
    clean_text,
    end_field,
    keep_row_together,
    set_fonts,
    shade_cell,
    update_fields_on_open,
)
from .html import LABELS, document_rows, fact_rows, qa_rows, toc_entries
from .manifest import SIDES, Contact, Person

__all__ = ["write_fact_sheet_docx", "write_pack_docx"]

SERIF = ("Noto Serif", "Noto Serif CJK JP")
SANS = ("Noto Sans", "Noto Sans CJK JP")
BLUE = "1F3A5F"
_LANGS: tuple[tuple[Lang, int], ...] = (("de", 0), ("ja", 1))


def write_pack_docx(pack: Pack, path: Path, *, with_qa: bool = False) -> None:
    """Write `pack` as DOCX to `path` (a temporary file the caller moves into place)."""
    builder = _Builder(pack.texts.get("classification"))
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
                builder.group(*SIDE_LABELS[side])
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
                builder.group(*SIDE_LABELS[side])
                builder.people(contacts)
    if pack.glossary_de:
        builder.chapter("glossary")
        builder.glossary(pack)
    if with_qa:
        builder.chapter("qa")
        builder.qa(pack)
    builder.save(path, f"{pack.manifest.title.de} · {pack.manifest.title.ja}")


def write_fact_sheet_docx(section: Section, path: Path) -> None:
    """Write the fact sheet of one MoU section as DOCX to `path`."""
    builder = _Builder(None)
    builder.header_text(section.title.text("de"), section.title.text("ja"))
    builder.section(section, new_page=False)
    builder.save(path, section.title.text("de"))


class _Builder:
    """Adds the parts of a pack to one python-docx document."""

    def __init__(self, notice: Bilingual | None) -> None:
        import docx
        from docx.shared import Mm, Pt

        self.pt = Pt
        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(16)
        section.top_margin, section.bottom_margin = Mm(20), Mm(18)
        self.width = section.page_width - section.left_margin - section.right_margin
        self._styles()
        self.notice = notice
        self._footer(section)

    # -- parts --------------------------------------------------------------------------

    def cover(self, pack: Pack) -> None:
        texts = pack.texts
        if "classification" in texts:
            self.bilingual_table([(None, texts["classification"])], color="8A1F11")
        self.doc.add_paragraph()
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
        if manifest.issued:
            from ..localize import format_date_for

            issued = [
                format_date_for(manifest.issued, lang, weekday=False) for lang in ("de", "ja")
            ]
            rows.append((LABELS["issued"], _plain(*issued)))
        self.doc.add_paragraph()
        self.bilingual_table(rows)
        if "note" in texts:
            self.doc.add_paragraph()
            self.bilingual_table([(None, texts["note"])])

    def contents(self, entries: Sequence[Any]) -> None:
        self.chapter("contents", outline=False)
        paragraphs = [
            (f"{e.de} · {e.ja}" if e.level == 1 else f"    {e.de} · {e.ja}", e.level)
            for e in entries
        ]
        first = self.doc.add_paragraph(style="Body")
        begin_field(first, 'TOC \\o "1-2" \\h \\z \\u')
        for index, (text, level) in enumerate(paragraphs):
            paragraph = first if index == 0 else self.doc.add_paragraph(style="Body")
            run = paragraph.add_run(clean_text(text))
            run.bold = level == 1 or None
            set_fonts(run._r, SERIF, "de")
        end = self.doc.add_paragraph(style="Body")
        end_field(end)
        update_fields_on_open(self.doc)

    def chapter(self, key: str, *, outline: bool = True) -> None:
        from docx.enum.section import WD_SECTION

        de, ja = LABELS[key]
        if len(self.doc.paragraphs) > 0:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            self._footer(section)
        self.header_text(de, ja)
        self.para(f"{de} · {ja}", "Heading 1" if outline else "Contents Heading", "de")

    def header_text(self, de: str, ja: str) -> None:
        section = self.doc.sections[-1]
        section.header.is_linked_to_previous = False
        paragraph = section.header.paragraphs[0]
        paragraph.text = ""
        run = paragraph.add_run(clean_text(f"{de}    {ja}"))
        run.font.size = self.pt(7.5)
        set_fonts(run._r, SANS, "de")

    def group(self, de: str, ja: str) -> None:
        self.para(f"{de} · {ja}", "Heading 3", "de")

    def agenda(self, pack: Pack) -> None:
        table = self.table(3, (0.13, 0.435, 0.435))
        self.cells(
            table.rows[0].cells,
            [f"{LABELS['time'][0]}\n{LABELS['time'][1]}", *LABELS["agenda"]],
            bold=True,
            header=True,
        )
        for day in pack.agenda:
            cells = table.add_row().cells
            self.cells(cells, ["", day.label("de"), day.label("ja")], bold=True, shade="E8EDF3")
            for row in day.rows:
                cells = table.add_row().cells
                keep_row_together(table.rows[-1])
                self.cells(cells[:1], [row.time()])
                for cell, (lang, i) in zip(cells[1:], _LANGS, strict=True):
                    colon = ": " if lang == "de" else "："
                    self.runs_into(cell.paragraphs[0], _first(row.item.side(lang)), lang, bold=True)
                    if row.place:
                        self.small(cell, f"{LABELS['place'][i]}{colon}{row.place.form(lang)}", lang)
                    if row.participants:
                        self.small(cell, f"{LABELS['who'][i]}{colon}{row.who(lang)}", lang)
                    if row.note:
                        self.small(cell, row.note.text(lang), lang, color="8A1F11")

    def people(self, people: Iterable[Person | Contact], lead: str | None = None) -> None:
        table = self.table(2, (0.5, 0.5))
        self.cells(table.rows[0].cells, ["Deutsch", "日本語"], bold=True, header=True)
        for person in people:
            cells = table.add_row().cells
            keep_row_together(table.rows[-1])
            is_lead = isinstance(person, Person) and person.id == lead
            for cell, (lang, i) in zip(cells, _LANGS, strict=True):
                name = person.name
                assert name is not None
                text = name.form(lang) + (f" ({LABELS['lead'][i]})" if is_lead else "")
                if lang == "ja" and name.reading:
                    text += f"（{name.reading}）"
                self.runs_into(cell.paragraphs[0], (Run(text),), lang, bold=True)
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
                            self.small(cell, f"{LABELS[key][i]}: {value}", lang)

    def section(self, section: Section, *, new_page: bool) -> None:
        if new_page:
            from docx.enum.text import WD_BREAK

            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        kicker = "fact_sheet" if section.kind == "mou" else f"source_{section.doc.source_lang}"
        self.para(f"{LABELS[kicker][0]} · {LABELS[kicker][1]}", "Caption", "de")
        heading = self.doc.add_paragraph(style="Heading 2")
        self.runs_into(
            heading, _first(section.title.de), "de", source=section.doc.source_lang, fonts=SANS
        )
        heading.add_run().add_break()
        self.runs_into(
            heading, _first(section.title.ja), "ja", source=section.doc.source_lang, fonts=SANS
        )
        source = section.doc.source_lang
        if section.mou is not None:
            table = self.table(2, (0.5, 0.5))
            table.rows[0]._tr.getparent().remove(table.rows[0]._tr)
            for row in fact_rows(section):
                cells = table.add_row().cells
                merged = cells[0].merge(cells[1])
                self.runs_into(
                    merged.paragraphs[0],
                    (Run(f"{row.de_label} · {row.ja_label}"),),
                    "de",
                    bold=True,
                )
                shade_cell(merged, "E8EDF3")
                cells = table.add_row().cells
                keep_row_together(table.rows[-1])
                for cell, (lang, index) in zip(cells, _LANGS, strict=True):
                    for n, item in enumerate(row.items):
                        paragraph = (
                            cell.paragraphs[0] if n == 0 else cell.add_paragraph(style="Body")
                        )
                        prefix = (Run("• "),) if row.listed else ()
                        self.runs_into(paragraph, (*prefix, *item[index]), lang, source=source)
            return
        table = self.table(2, (0.5, 0.5))
        heads = [
            f"Deutsch ({LABELS['original' if source == 'de' else 'translation'][0]})",
            f"日本語（{LABELS['original' if source == 'ja' else 'translation'][1]}）",
        ]
        self.cells(table.rows[0].cells, heads, bold=True, header=True)
        for kind, de, ja, _ in document_rows(section):
            cells = table.add_row().cells
            keep_row_together(table.rows[-1])
            bold = kind in ("title", "heading")
            self.runs_into(cells[0].paragraphs[0], de, "de", source=source, bold=bold)
            self.runs_into(cells[1].paragraphs[0], ja, "ja", source=source, bold=bold)

    def glossary(self, pack: Pack) -> None:
        for key, groups, order in (
            ("glossary_de", pack.glossary_de, ("de", "ja", "reading", "en")),
            ("glossary_ja", pack.glossary_ja, ("ja", "reading", "de", "en")),
        ):
            self.para(f"{LABELS[key][0]} · {LABELS[key][1]}", "Heading 2", "de")
            table = self.table(4, (0.32, 0.26, 0.18, 0.24))
            heads = {"de": "Deutsch", "ja": "日本語", "reading": "Lesung · 読み", "en": "English"}
            self.cells(table.rows[0].cells, [heads[k] for k in order], bold=True, header=True)
            for group in groups:
                cells = table.add_row().cells
                merged = cells[0].merge(cells[3])
                self.runs_into(merged.paragraphs[0], (Run(group.label),), "ja", bold=True)
                for entry in group.entries:
                    values = {
                        "de": entry.de,
                        "ja": entry.ja,
                        "reading": entry.reading,
                        "en": entry.en,
                    }
                    cells = table.add_row().cells
                    for cell, column in zip(cells, order, strict=True):
                        lang: Lang = "ja" if column in ("ja", "reading") else "de"
                        self.runs_into(cell.paragraphs[0], (Run(values[column]),), lang)

    def qa(self, pack: Pack) -> None:
        table = self.table(5, (0.44, 0.14, 0.14, 0.14, 0.14))
        heads = ["Teil · 部分", "Segmente", "nicht übersetzt · 未翻訳", "kritisch", "funktional"]
        self.cells(table.rows[0].cells, heads, bold=True, header=True)
        rows = qa_rows(pack)
        for row in rows:
            values = [
                row["title"],
                row["counts"]["total"],
                row["counts"]["untranslated"],
                row["severity"]["critical"],
                row["severity"]["functional"],
            ]
            self.cells(table.add_row().cells, [str(v) for v in values])
        for row in rows:
            if not row["issues"]:
                continue
            self.para(row["title"], "Heading 3", "de")
            for issue in row["issues"]:
                self.para(
                    f"{issue.segment_id}  {issue.severity}  {issue.check}: {issue.message}",
                    "Body",
                    "de",
                )

    # -- helpers ------------------------------------------------------------------------

    def para(self, text: str, style: str, lang: Lang) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        fonts = SERIF if style == "Body" else SANS  # headings, title, caption: sans
        self.runs_into(paragraph, (Run(text),), lang, fonts=fonts)
        return paragraph

    def small(self, cell: Any, text: str, lang: Lang, color: str = "555555") -> None:
        from docx.shared import RGBColor

        paragraph = cell.add_paragraph(style="Small")
        self.runs_into(paragraph, (Run(text),), lang)
        for run in paragraph.runs:
            run.font.color.rgb = RGBColor.from_string(color)

    def table(self, columns: int, widths: Sequence[float]) -> Any:
        table = self.doc.add_table(rows=1, cols=columns)
        table.style = "Table Grid"
        table.autofit = False
        for column, share in zip(table.columns, widths, strict=True):
            column.width = int(self.width * share)  # the grid: rows added later follow it
            for cell in column.cells:
                cell.width = int(self.width * share)
        return table

    def cells(
        self,
        cells: Sequence[Any],
        texts: Sequence[str],
        *,
        bold: bool = False,
        header: bool = False,
        shade: str = "",
    ) -> None:
        for cell, text in zip(cells, texts, strict=False):
            lang: Lang = (
                "ja"
                if any("\u3040" <= c <= "\u9fff" for c in text)
                and not any(c.isascii() and c.isalpha() for c in text)
                else "de"
            )
            self.runs_into(cell.paragraphs[0], (Run(text),), lang, bold=bold)
            if shade:
                shade_cell(cell, shade)
        if header:
            from docx.oxml import OxmlElement

            cells[0]._tc.getparent().get_or_add_trPr().append(OxmlElement("w:tblHeader"))

    def bilingual_table(
        self, rows: Sequence[tuple[tuple[str, str] | None, Bilingual]], color: str = ""
    ) -> None:
        from docx.shared import RGBColor

        labelled = any(label for label, _ in rows)
        table = self.table(3 if labelled else 2, (0.16, 0.42, 0.42) if labelled else (0.5, 0.5))
        for index, (label, text) in enumerate(rows):
            cells = table.rows[0].cells if index == 0 else table.add_row().cells
            if labelled:
                self.cells(cells[:1], [f"{label[0]}\n{label[1]}" if label else ""], bold=True)
                cells = cells[1:]
            for cell, (lang, _) in zip(cells, _LANGS, strict=True):
                for n, para in enumerate(text.side(lang)):
                    paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph(style="Body")
                    self.runs_into(paragraph, para, lang, source="ja" if lang == "de" else "de")
                    if color:
                        for run in paragraph.runs:
                            run.font.color.rgb = RGBColor.from_string(color)

    def runs_into(
        self,
        paragraph: Any,
        runs: Runs,
        lang: Lang,
        *,
        source: Lang | None = None,
        bold: bool = False,
        fonts: tuple[str, str] = SERIF,
    ) -> None:
        from docx.enum.text import WD_COLOR_INDEX

        for item in runs:
            run_lang = (source or lang) if item.untranslated else lang
            if item.untranslated:
                label = paragraph.add_run(f"[{UNTRANSLATED_LABEL}] ")
                label.bold = True
                label.font.highlight_color = WD_COLOR_INDEX.YELLOW
                set_fonts(label._r, SANS, run_lang)
            run = paragraph.add_run(clean_text(item.text))
            run.bold = bold or None
            if item.untranslated:
                run.italic = True
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            set_fonts(run._r, fonts, run_lang)
            if item.line_break:
                run.add_break()

    def save(self, path: Path, title: str) -> None:
        core = self.doc.core_properties
        core.title = clean_text(title)[:255]  # Word's limit for core properties
        core.language = "de-DE"
        core.comments = "dejakit briefing pack"
        self.doc.save(str(path))

    def _styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import RGBColor

        pt = self.pt
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = SERIF[0]
        normal.font.size = pt(9.5)
        set_fonts(normal.element, SERIF, "de")
        for name, size in (("Body", 9.5), ("Small", 8)):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.font.size = pt(size)
            style.paragraph_format.space_after = pt(1)
        for name, size in (
            ("Title", 24),
            ("Heading 1", 15),
            ("Heading 2", 12),
            ("Heading 3", 10.5),
            ("Caption", 8),
        ):
            style = styles[name]
            style.font.size = pt(size)
            style.font.color.rgb = RGBColor.from_string(BLUE)
            set_fonts(style.element, SANS, "de")
        contents = styles.add_style("Contents Heading", WD_STYLE_TYPE.PARAGRAPH)
        contents.base_style = styles["Heading 1"]
        contents.paragraph_format.outline_level = 9  # body text level: not in its own TOC

    def _footer(self, section: Any) -> None:
        paragraph = section.footer.paragraphs[0]
        paragraph.text = ""
        if self.notice is not None:
            run = paragraph.add_run(
                clean_text(f"{self.notice.text('de')}  {self.notice.text('ja')}    ")
            )
            run.font.size = self.pt(7)
            set_fonts(run._r, SANS, "de")
        add_field(paragraph, "PAGE")
        paragraph.add_run(" / ")
        add_field(paragraph, "NUMPAGES")


def _plain(de: str, ja: str) -> Bilingual:
    return Bilingual(((Run(de),),), ((Run(ja),),))


def _first(paragraphs: tuple[Runs, ...]) -> Runs:
    return tuple(run for para in paragraphs for run in para)
