"""DOCX through python-docx: the handout plan (layout.py) as Word paragraphs and tables.

Side by side is a borderless table (the "Parallel Text" table style), one row per block, that
never splits a row across pages (``w:cantSplit``, except rows taller than a third of the page)
and repeats its header row (``w:tblHeader``); interleaved and target-only are paragraphs in the
flow. All type lives in Word styles (`docxstyles`): fonts, sizes, colours, indents and bullets
(Word numbering) are in the styles, runs carry only a language tag where their language differs
from their paragraph's, so changing one style in Word restyles the handout. Control characters
that Word refuses are removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RenderError
from ..fileio import atomic_path
from ..model import BlockKind, Document, Issue, Lang
from .docxstyles import (
    BODY_STYLES,
    EAST_ASIAN_FONT,
    HEADING_EAST_ASIAN_FONT,
    HEADING_FONT,
    LATIN_FONT,
    NOTICE,
    handout_styles,
    style_lang,
)
from .labels import HANDOUT, joined
from .layout import Cell, Handout, HandoutRow, plan_handout
from .ooxml import (
    LANG_TAGS,
    add_field,
    append_row,
    child,
    clean_text,
    keep_with_next,
    set_lang,
    set_row,
    set_run_style,
    set_style,
    tail_start,
)
from .registry import RenderJob
from .view import UNTRANSLATED_LABEL, Run, summarize

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.section import Section
    from docx.shared import Length
    from docx.table import Table
    from docx.text.paragraph import Paragraph

__all__ = [
    "EAST_ASIAN_FONT",
    "HEADING_EAST_ASIAN_FONT",
    "HEADING_FONT",
    "LANG_TAGS",
    "LATIN_FONT",
    "NOTICE",
    "add_page_number_footer",
    "clean_text",
    "fill",
    "render_docx",
    "shown_lang",
]

_KIND_STYLES = {
    BlockKind.SUBTITLE: "Subtitle",
    BlockKind.DATELINE: "Dateline",
    BlockKind.QUOTE: "Quote",
    BlockKind.LIST_ITEM: "List",
    BlockKind.CONTACT: "Contact",
    BlockKind.CAPTION: "Caption",
    BlockKind.FURNITURE: "Furniture",  # only there with RenderOptions.keep_furniture
}
_TAIL_SHARE = 1 / 3  # a document's last page holds at least this share of a page (if it has it)
_LANG_NAMES = {"de": "German", "ja": "Japanese", "en": "English"}


def render_docx(doc: Document, path: Path, job: RenderJob) -> None:
    """Write `doc` as a parallel-text DOCX to `path` atomically (with a QA appendix)."""
    import docx

    options, issues = job.options, job.issues
    handout = plan_handout(doc, options)
    document = docx.Document()
    section = document.sections[0]
    _set_page(section, handout)
    handout_styles(document, layout=options.layout, text_width=_text_width(handout))
    _hyphenate(document)
    title = clean_text(doc.title or Path(doc.source_name).stem)
    core = document.core_properties
    # Word's core properties hold at most 255 characters (python-docx raises beyond).
    core.title = title[:255]
    core.author = clean_text(options.author)[:255]
    core.language = LANG_TAGS[handout.lang]
    core.keywords = ", ".join(
        clean_text(k) for k in (*options.keywords, "Parallel text", "Deutsch", "Japanisch", "対訳")
    )[:255]
    core.comments = f"dejakit parallel text ({options.layout})"

    _add_header(section, title, handout)
    add_page_number_footer(section, options.notice, options.classification)
    if not any(r.row.kind is BlockKind.TITLE for r in handout.rows):
        fill(document.add_paragraph(), "Title", [Run(title)], doc.source_lang)
    _add_meta_line(document, doc, handout)
    if handout.flow:
        _add_flow(document, handout)
    else:
        _add_table(document, handout)
    if issues:
        _add_qa_appendix(document, doc, issues, _text_width(handout))
    try:
        with atomic_path(path) as tmp:
            document.save(str(tmp))
    except OSError as exc:
        raise RenderError(f"{path}: can't write the DOCX ({exc})") from None


def _set_page(section: Section, handout: Handout) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    page = handout.page
    section.orientation = (
        WD_ORIENT.LANDSCAPE if handout.options.orientation == "landscape" else WD_ORIENT.PORTRAIT
    )
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    top, right, bottom, left = page.margins
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance, section.footer_distance = Mm(9), Mm(9)


def _text_width(handout: Handout) -> float:
    """Return the width (mm) between the page's side margins."""
    _, right, _, left = handout.page.margins
    return handout.page.width - left - right


def _add_header(section: Section, title: str, handout: Handout) -> None:
    """Put the classification ("Marking" style) and the document title in the page header.

    The first page, which prints the title below, carries only the marking, as the pack's
    chapter openers do.
    """
    section.different_first_page_header_footer = True
    marking = clean_text(handout.options.classification)
    for header, running in ((section.header, True), (section.first_page_header, False)):
        paragraph = header.paragraphs[0]
        if marking:
            fill(paragraph, "Marking", [Run(marking)], handout.source_lang)
            paragraph = header.add_paragraph() if running else paragraph
        if running:
            fill(paragraph, "Header", [Run(title)], handout.lang)


def add_page_number_footer(
    section: Section, notice: str = NOTICE, classification: str = ""
) -> None:
    """Put `notice` and "page X / Y" (PAGE and NUMPAGES fields) in the footers of `section`.

    The "Footer" style holds the right tab stop at the margin; a `classification` marking goes
    below in the "Marking" style. Both footers, the first page's and the others', are the same.
    """
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.text = ""
        fill(paragraph, "Footer", [Run(clean_text(notice) + "\t")], "de")
        add_field(paragraph, "PAGE")
        paragraph.add_run(" / ")
        add_field(paragraph, "NUMPAGES")
        marking = clean_text(classification)
        if marking:
            fill(footer.add_paragraph(), "Marking", [Run(marking)], "de")


def _add_meta_line(document: WordDocument, doc: Document, handout: Handout) -> None:
    counts = summarize(doc)
    meta = f"{handout.source_lang.upper()} → {handout.target_lang.upper()}"
    if counts["untranslated"]:
        meta += f" · {UNTRANSLATED_LABEL}: {counts['untranslated']}/{counts['total']}"
    fill(document.add_paragraph(), "Caption", [Run(meta)], "de")


def _add_table(document: WordDocument, handout: Handout) -> None:
    """Side by side: one borderless row per block, the header row repeated on every page."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    columns = handout.columns
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles["Parallel Text"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = _fixed_widths(table, [c.share for c in columns], _text_width(handout))
    head = table.rows[0]
    set_row(head, header=True)
    for cell, column, cell_width in zip(head.cells, columns, widths, strict=True):
        cell.width = cell_width
        for i, (text, lang) in enumerate(column.label):
            label = [Run(("" if i == 0 else " · ") + text)]
            fill(cell.paragraphs[0], "Column Label", label, lang)
    tail = _tail(handout)
    for index, row in enumerate(handout.rows):
        added = append_row(table)
        set_row(added, cant_split=not row.tall)
        for cell, content, cell_width in zip(added.cells, row.cells, widths, strict=True):
            cell.width = cell_width
            _write_cell(cell.paragraphs[0], row, content, handout)
        if tail <= index < len(handout.rows) - 1:
            keep_with_next(added)


def _add_flow(document: WordDocument, handout: Handout) -> None:
    """Interleaved or target only: each block's paragraphs one after another."""
    tail = _tail(handout)
    for index, row in enumerate(handout.rows):
        cells = [c for c in row.cells if c.runs]
        together = tail <= index  # the document's tail goes over a page break as one
        for i, cell in enumerate(cells):
            paragraph = document.add_paragraph()
            translation = i > 0 and handout.options.layout == "interleaved"
            _write_cell(paragraph, row, cell, handout, translation=translation)
            last = i == len(cells) - 1
            closing = last and index == len(handout.rows) - 1
            ppr = paragraph._p.get_or_add_pPr()
            if (not last and not row.tall) or (last and row.heading) or (together and not closing):
                child(ppr, "w:keepNext")
            if together and not row.tall:  # a tall paragraph may still break inside
                child(ppr, "w:keepLines")


def _tail(handout: Handout) -> int:
    """Return the index of the first row of the tail kept on one page (`tail_start`)."""
    heights = [row.height for row in handout.rows]
    return tail_start(heights, handout.page.text_height * _TAIL_SHARE)


def _write_cell(
    paragraph: Paragraph,
    row: HandoutRow,
    cell: Cell,
    handout: Handout,
    *,
    translation: bool = False,
) -> None:
    """Fill `paragraph` with one language's text of `row` in the style for its kind."""
    if not cell.runs:  # a row without pivot text
        fill(paragraph, BODY_STYLES["en"], [Run("–")], "en")
        return
    lang: str = cell.lang
    if row.row.kind is BlockKind.FURNITURE and cell.role != "pivot":
        lang = handout.source_lang  # site text is kept as read, never translated
    shown = shown_lang(cell.runs, lang, handout.source_lang)
    name = _style_for(row, cell, shown, translation=translation)
    fill(paragraph, name, cell.runs, lang, source_lang=handout.source_lang)


def shown_lang(runs: Sequence[Run], lang: str, source_lang: Lang | None) -> str:
    """Return the language most of `runs` show: the source's where they are not translated.

    An untranslated Japanese paragraph in the German column is Japanese text: it takes the
    Japanese style (justified, Japanese line breaking), its label run a German tag.
    """
    waiting = sum(len(r.text.strip()) for r in runs if r.untranslated)
    done = sum(len(r.text.strip()) for r in runs if not r.untranslated)
    return source_lang if source_lang is not None and waiting > done else lang


def _style_for(row: HandoutRow, cell: Cell, lang: str, *, translation: bool = False) -> str:
    """Return the paragraph style of one language's text of `row`.

    Interleaved, a translation under its source is set in "Translation <Language>" (indented,
    ruled, the gap to the next block below it) whatever its kind, except headings and site
    furniture, which stays small.
    """
    kind = row.row.kind
    if cell.role == "pivot":
        return "Heading English" if row.heading else BODY_STYLES["en"]
    if kind is BlockKind.TITLE:
        return "Title"
    if kind is BlockKind.HEADING:
        return f"Heading {min(max(row.heading - 1, 1), 3)}"
    if kind is BlockKind.KICKER:
        return "Kicker"
    language = _LANG_NAMES[lang]
    if translation and kind is not BlockKind.FURNITURE:
        return f"Translation {language}"
    if kind is BlockKind.LIST_ITEM and row.row.numbered:
        return BODY_STYLES[lang]  # its own number ("1.", "（1）") stands in the text
    if kind in _KIND_STYLES:
        return f"{_KIND_STYLES[kind]} {language}"
    return BODY_STYLES[lang]


def _hyphenate(document: WordDocument) -> None:
    """Turn on automatic hyphenation (German; Japanese keeps its own line-break rules)."""
    child(document.settings.element, "w:autoHyphenation", val="true")


def fill(
    paragraph: Paragraph,
    style: str,
    runs: Sequence[Run],
    lang: Lang | str,
    *,
    source_lang: Lang | None = None,
    emphasis: str | None = None,
) -> None:
    """Give `paragraph` the style `style` and append `runs` in `lang`.

    Untranslated runs are marked (character styles) and tagged with the source language. A run
    is tagged with its language only where it differs from the style's; `emphasis` names a
    character style for every run.
    """
    set_style(paragraph, style)
    base = style_lang(style)
    for item in runs:
        # An untranslated run is source text: tag it with the source language.
        run_lang = (source_lang or lang) if item.untranslated else lang
        if item.untranslated:
            label = paragraph.add_run(f"[{UNTRANSLATED_LABEL}] ")
            set_run_style(label, "Untranslated Label")
            if lang != base:  # the label is in the column's language
                set_lang(label._r, lang)
        run = paragraph.add_run(clean_text(item.text))
        character = "Untranslated" if item.untranslated else emphasis
        if character:
            set_run_style(run, character)
        if run_lang != base:
            set_lang(run._r, run_lang)
        if item.line_break:
            run.add_break()


def _fixed_widths(table: Table, shares: Sequence[float], text_width: float) -> list[Length]:
    """Give `table` fixed columns of these `shares` of `text_width` (mm); return the widths.

    Word takes the widths from the cells, LibreOffice from the columns: callers set both.
    """
    from docx.shared import Emu

    table.autofit = False
    child(table._tbl.tblPr, "w:tblLayout", type="fixed")
    widths: list[Length] = [Emu(int(text_width * 36000 * share)) for share in shares]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return widths


# The QA table's columns: segment id, severity and check narrow, the finding wide.
_QA_SHARES = (0.14, 0.18, 0.16, 0.52)


def _add_qa_appendix(
    document: WordDocument, doc: Document, issues: Sequence[Issue], text_width: float
) -> None:
    heading = document.add_paragraph()
    fill(heading, "Heading 1", [Run(joined(HANDOUT["qa_title"]))], "de")
    child(heading._p.get_or_add_pPr(), "w:pageBreakBefore")
    sources = {s.id: s.source for s in doc.segments()}
    table = document.add_table(rows=1, cols=4)
    table.style = document.styles["Light Rules"]
    widths = _fixed_widths(table, _QA_SHARES, text_width)
    heads = [
        joined(HANDOUT[key]) for key in ("qa_segment", "qa_severity", "qa_check", "qa_message")
    ]
    for cell, text, width in zip(table.rows[0].cells, heads, widths, strict=True):
        cell.width = width
        fill(cell.paragraphs[0], "Table Heading", [Run(text)], "de")
    set_row(table.rows[0], header=True)
    for issue in issues:
        row = append_row(table)
        set_row(row)
        cells = row.cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        for cell, text in zip(
            cells[:3], (issue.segment_id, issue.severity, issue.check), strict=True
        ):
            fill(cell.paragraphs[0], "Table Text", [Run(text)], "en")
        excerpt = _shortened(sources.get(issue.segment_id, ""), 120)
        paragraph = cells[3].paragraphs[0]
        fill(paragraph, "Table Text", [Run(issue.message, line_break=True)], "en")
        fill(paragraph, "Table Text", [Run(excerpt)], doc.source_lang)


def _shortened(text: str, limit: int) -> str:
    """Return `text`, cut after a word and marked with "…" when longer than `limit` characters."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"
