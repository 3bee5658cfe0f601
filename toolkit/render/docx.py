"""DOCX through python-docx: the handout plan (layout.py) as Word paragraphs and tables.

Side by side is a borderless table, one row per block, that never splits a row across pages
(``w:cantSplit``, except rows taller than a third of the page) and repeats its header row
(``w:tblHeader``); interleaved and target-only are paragraphs in the flow. Real Word styles carry
the type: Title, Heading 1–3, "Body German", "Body Japanese", "Body English" (pivot), "Kicker".
python-docx has no API for the East Asian font or language, so both are set in the XML
(``w:rFonts/@w:eastAsia``, ``w:lang``) on the styles and on every run; Word then spell-checks each
column in its own language. Control characters that Word refuses are removed.

Public helpers for other DOCX writers (briefing packs): `set_fonts`, `add_field`, `clean_text`,
`add_page_number_footer`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..fileio import atomic_path
from ..model import BlockKind, Document, Issue, Lang
from .layout import Cell, Column, Handout, HandoutRow, plan_handout
from .options import RenderOptions
from .view import UNTRANSLATED_LABEL, Run, summarize

__all__ = [
    "EAST_ASIAN_FONT",
    "HEADING_EAST_ASIAN_FONT",
    "HEADING_FONT",
    "LANG_TAGS",
    "LATIN_FONT",
    "NOTICE",
    "add_field",
    "add_page_number_footer",
    "clean_text",
    "render_docx",
    "set_fonts",
]

LATIN_FONT = "Noto Serif"
EAST_ASIAN_FONT = "Noto Serif CJK JP"
HEADING_FONT = "Noto Sans"
HEADING_EAST_ASIAN_FONT = "Noto Sans CJK JP"
NOTICE = "Arbeitsübersetzung – 仮訳"
LANG_TAGS: dict[str, str] = {"de": "de-DE", "ja": "ja-JP", "en": "en-GB"}
BODY_STYLES = {"de": "Body German", "ja": "Body Japanese", "en": "Body English"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SANS_KINDS = (BlockKind.TITLE, BlockKind.HEADING, BlockKind.KICKER)
_SIZES = {BlockKind.CONTACT: 8.5, BlockKind.DATELINE: 9.0, BlockKind.CAPTION: 8.5}  # pt
_TWIPS_PER_MM = 1440 / 25.4


def render_docx(
    doc: Document,
    path: Path,
    *,
    issues: Sequence[Issue] | None = None,
    options: RenderOptions | None = None,
) -> None:
    """Write `doc` as a parallel-text DOCX to `path` atomically (with a QA appendix)."""
    import docx

    options = options or RenderOptions()
    handout = plan_handout(doc, options)
    document = docx.Document()
    section = document.sections[0]
    _set_page(section, handout)
    _set_styles(document)
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
        paragraph = document.add_paragraph(style="Title")
        _fill(paragraph, [Run(title)], doc.source_lang, sans=True)
    _add_meta_line(document, doc, handout)
    if handout.flow:
        _add_flow(document, handout)
    else:
        _add_table(document, section, handout)
    if issues:
        _add_qa_appendix(document, doc, issues)
    try:
        with atomic_path(path) as tmp:
            document.save(str(tmp))
    except OSError as exc:
        raise RenderError(f"{path}: can't write the DOCX ({exc})") from None


def _set_page(section: Any, handout: Handout) -> None:
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


def _add_header(section: Any, title: str, handout: Handout) -> None:
    """Put the classification (centred, bold) and the document title in the page header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    header = section.header
    paragraph = header.paragraphs[0]
    marking = clean_text(handout.options.classification)
    if marking:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fill(paragraph, [Run(marking)], handout.source_lang, sans=True, bold=True)
        paragraph = header.add_paragraph()
    _fill(paragraph, [Run(title)], handout.lang, sans=True, size=7.5, gray=True)


def add_page_number_footer(section: Any, notice: str = NOTICE, classification: str = "") -> None:
    """Put `notice` and "page X / Y" (PAGE and NUMPAGES fields) in the footer of `section`.

    A `classification` marking goes below, centred and bold.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Twips

    width = section.page_width - section.left_margin - section.right_margin
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    # The Footer style's own tab stops (centre 4680, right 9360 twips) suit only US Letter
    # portrait: clear them, so the page number sits at the right margin of any paper.
    tab_stops = paragraph.paragraph_format.tab_stops
    for position in (4680, 9360):
        tab_stops.add_tab_stop(Twips(position), WD_TAB_ALIGNMENT.CLEAR)
    tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _fill(paragraph, [Run(clean_text(notice) + "\t")], "de", sans=True, size=7.5, gray=True)
    add_field(paragraph, "PAGE")
    _fill(paragraph, [Run(" / ")], "de", sans=True, size=7.5, gray=True)
    add_field(paragraph, "NUMPAGES")
    marking = clean_text(classification)
    if marking:
        below = section.footer.add_paragraph()
        below.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fill(below, [Run(marking)], "de", sans=True, bold=True)


def add_field(paragraph: Any, instruction: str) -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``, …) to `paragraph`, showing "1" until updated."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            placeholder = OxmlElement("w:t")
            placeholder.text = "1"
            run._r.append(placeholder)
    set_fonts(run._r, HEADING_FONT, HEADING_EAST_ASIAN_FONT, "de")


def _add_meta_line(document: Any, doc: Document, handout: Handout) -> None:
    counts = summarize(doc)
    meta = f"{handout.source_lang.upper()} → {handout.target_lang.upper()}"
    if counts["untranslated"]:
        meta += f" · {UNTRANSLATED_LABEL}: {counts['untranslated']}/{counts['total']}"
    paragraph = document.add_paragraph(style="Caption")
    _fill(paragraph, [Run(meta)], "de", sans=True, gray=True)


def _add_table(document: Any, section: Any, handout: Handout) -> None:
    """Side by side: one borderless row per block, the header row repeated on every page."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    columns = handout.columns
    table = document.add_table(rows=1, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_without_borders(table)
    width = section.page_width - section.left_margin - section.right_margin
    widths = [int(width * c.share) for c in columns]
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
    head = table.rows[0]
    _set_row(head, "w:tblHeader", "w:cantSplit")
    for cell, column, cell_width in zip(head.cells, columns, widths, strict=True):
        cell.width = cell_width
        _fill_label(cell.paragraphs[0], column)
    for row in handout.rows:
        added = _add_row(table, len(columns))
        cells = added.cells
        if not row.tall:
            _set_row(added, "w:cantSplit")
        for cell, content, cell_width in zip(cells, row.cells, widths, strict=True):
            cell.width = cell_width
            _write_cell(cell.paragraphs[0], row, content, handout)


def _add_row(table: Any, count: int) -> Any:
    """Append a row of `count` cells to `table` and return it (widths are set by the caller).

    ``table.add_row()`` looks the column grid up among all of the table's children for every
    row, and ``table.rows[-1]`` lists them all: both make a long table quadratic.
    """
    from docx.table import _Row

    tr = table._tbl.add_tr()
    for _ in range(count):
        tr.add_tc()
    return _Row(tr, table)


def _add_flow(document: Any, handout: Handout) -> None:
    """Interleaved or target only: each block's paragraphs one after another."""
    from docx.shared import Mm, Pt

    for row in handout.rows:
        cells = [c for c in row.cells if c.runs]
        for i, cell in enumerate(cells):
            paragraph = document.add_paragraph()
            _write_cell(paragraph, row, cell, handout)
            fmt = paragraph.paragraph_format
            last = i == len(cells) - 1
            fmt.keep_with_next = (not last and not row.tall) or (last and bool(row.heading))
            fmt.space_after = Pt(8) if last else Pt(2)
            if i > 0 and handout.options.layout == "interleaved":
                fmt.left_indent = Mm(3.5)
                _left_rule(paragraph)


def _set_style(paragraph: Any, styles: Any, name: str) -> None:
    """Give `paragraph` the paragraph style `name`, its id looked up once per document.

    ``paragraph.style = styles[name]`` scans every style of the document twice per call (5 ms
    with Word's ~160 built-in styles): for a long text that was most of the DOCX time.
    """
    from docx.enum.style import WD_STYLE_TYPE

    cache: dict[str, str | None] = paragraph.part.__dict__.setdefault("_dejakit_style_ids", {})
    if name not in cache:
        cache[name] = styles._get_style_id_from_style(styles[name], WD_STYLE_TYPE.PARAGRAPH)
    paragraph._p.style = cache[name]


def _write_cell(paragraph: Any, row: HandoutRow, cell: Cell, handout: Handout) -> None:
    """Fill `paragraph` with one language's text of `row`, styled for its kind."""
    from docx.shared import Mm

    styles = paragraph.part.document.styles
    if not cell.runs:  # a row without pivot text
        _set_style(paragraph, styles, BODY_STYLES["en"])
        _fill(paragraph, [Run("–")], "en", gray=True)
        return
    kind, pivot = row.row.kind, cell.role == "pivot"
    _set_style(paragraph, styles, _style_for(row, cell))
    if kind is BlockKind.QUOTE:
        paragraph.paragraph_format.left_indent = Mm(3.5)
    if row.heading and not pivot:
        paragraph.paragraph_format.keep_with_next = True
    prefix = [Run("• ")] if kind is BlockKind.LIST_ITEM and not row.row.numbered else []
    _fill(
        paragraph,
        [*prefix, *cell.runs],
        cell.lang,
        source_lang=handout.source_lang,
        sans=kind in _SANS_KINDS and not pivot,
        size=None if pivot else _SIZES.get(kind),
        italic=kind in (BlockKind.SUBTITLE, BlockKind.CAPTION) and cell.lang != "ja" and not pivot,
        bold=(kind is BlockKind.SUBTITLE and cell.lang == "ja") or (bool(row.heading) and pivot),
    )


def _style_for(row: HandoutRow, cell: Cell) -> str:
    if cell.role == "pivot":
        return BODY_STYLES["en"]
    if row.row.kind is BlockKind.TITLE:
        return "Title"
    if row.row.kind is BlockKind.HEADING:
        return f"Heading {min(max(row.heading - 1, 1), 3)}"
    if row.row.kind is BlockKind.KICKER:
        return "Kicker"
    return BODY_STYLES[cell.lang]


def _fill_label(paragraph: Any, column: Column) -> None:
    paragraph.style = paragraph.part.document.styles["Caption"]
    for i, (text, lang) in enumerate(column.label):
        _fill(paragraph, [Run(("" if i == 0 else " · ") + text)], lang, sans=True, bold=True)


def _set_styles(document: Any) -> None:
    """Define the handout's Word styles: body per language, title, headings, kicker."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10)
    set_fonts(normal.element, LATIN_FONT, EAST_ASIAN_FONT, "de")
    for name, lang, size in (
        ("Body German", "de", 10.0),
        ("Body Japanese", "ja", 9.5),
        ("Body English", "en", 8.5),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(size)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.line_spacing = 1.15 if lang != "ja" else 1.3
        if lang == "en":
            style.font.color.rgb = RGBColor(0x3A, 0x3A, 0x3A)
        set_fonts(style.element, LATIN_FONT, EAST_ASIAN_FONT, lang)
    kicker = styles.add_style("Kicker", WD_STYLE_TYPE.PARAGRAPH)
    kicker.base_style = normal
    kicker.font.size = Pt(8)
    kicker.font.all_caps = True
    kicker.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    set_fonts(kicker.element, HEADING_FONT, HEADING_EAST_ASIAN_FONT, "de")
    for name, size, before in (
        ("Title", 15.0, 0.0),
        ("Heading 1", 11.5, 8.0),
        ("Heading 2", 10.5, 6.0),
        ("Heading 3", 10.0, 4.0),
    ):
        style = styles[name]
        _plain_style(style.element)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0x11, 0x11, 0x11)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        set_fonts(style.element, HEADING_FONT, HEADING_EAST_ASIAN_FONT, "de")
    caption = styles["Caption"]
    caption.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    caption.font.bold = False
    set_fonts(caption.element, HEADING_FONT, HEADING_EAST_ASIAN_FONT, "de")


def _hyphenate(document: Any) -> None:
    """Turn on automatic hyphenation (German; Japanese keeps its own line-break rules)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    tab_stop = settings.find(qn("w:defaultTabStop"))
    if tab_stop is not None:  # Word wants settings in schema order: right after this one
        tab_stop.addnext(OxmlElement("w:autoHyphenation"))


def _plain_style(element: Any) -> None:
    """Remove the theme fonts and colours and the border of a built-in style."""
    from docx.oxml.ns import qn

    ppr = element.find(qn("w:pPr"))
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    rpr = element.find(qn("w:rPr"))
    if rpr is not None:
        for color in rpr.findall(qn("w:color")):
            rpr.remove(color)


def set_fonts(element: Any, latin: str, east_asian: str, lang: str) -> None:
    """Set Latin and East Asian fonts and the language tags on a style or run element.

    `lang` is ``"de"``, ``"ja"`` or ``"en"``; theme fonts (which would win) are removed.
    """
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang_el)
    # w:val tags the Latin letters of the run (in a Japanese run they are not German), and
    # w:eastAsia its kana and kanji.
    lang_el.set(qn("w:val"), LANG_TAGS[lang])
    lang_el.set(qn("w:eastAsia"), LANG_TAGS["ja"])


def _fill(
    paragraph: Any,
    runs: list[Run],
    lang: Lang | str,
    *,
    source_lang: Lang | None = None,
    bold: bool = False,
    italic: bool = False,
    sans: bool = False,
    size: float | None = None,
    gray: bool = False,
) -> None:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt, RGBColor

    latin, east = (HEADING_FONT, HEADING_EAST_ASIAN_FONT) if sans else (LATIN_FONT, EAST_ASIAN_FONT)
    for item in runs:
        # An untranslated run is source text: tag it with the source language.
        run_lang = (source_lang or lang) if item.untranslated else lang
        if item.untranslated:
            label = paragraph.add_run(f"[{UNTRANSLATED_LABEL}] ")
            label.bold = True
            label.font.highlight_color = WD_COLOR_INDEX.YELLOW
            set_fonts(label._r, HEADING_FONT, HEADING_EAST_ASIAN_FONT, run_lang)
        run = paragraph.add_run(clean_text(item.text))
        run.bold = bold or None
        run.italic = italic or item.untranslated or None
        if size:
            run.font.size = Pt(size)
        if gray:
            run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        if item.untranslated:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        set_fonts(run._r, latin, east, run_lang)
        if item.line_break:
            run.add_break()


def _table_without_borders(table: Any) -> None:
    """Hide every border of `table` and give its cells a gutter; fix the column widths."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tblpr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for edge, mm in (("top", 0.8), ("left", 2.5), ("bottom", 0.8), ("right", 2.5)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(mm * _TWIPS_PER_MM)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tblpr.append(margins)


def _left_rule(paragraph: Any) -> None:
    """Draw a grey rule left of `paragraph` (the translation under its source, interleaved)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "6"), ("w:color", "C8C8C8")):
        left.set(qn(key), value)
    border.append(left)
    ppr.append(border)


def _set_row(row: Any, *names: str) -> None:
    """Add row properties: ``w:cantSplit`` (keep on one page), ``w:tblHeader`` (repeat)."""
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    for name in names:
        trpr.append(OxmlElement(name))


def _add_qa_appendix(document: Any, doc: Document, issues: Sequence[Issue]) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    heading = document.add_paragraph(style="Heading 1")
    _fill(heading, [Run("QA-Bericht · 品質チェック")], "de", sans=True)
    sources = {s.id: s.source for s in doc.segments()}
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        ("Segment", "Schwere · 重大度", "Prüfung · 項目", "Befund · 内容"),
        strict=True,
    ):
        _fill(cell.paragraphs[0], [Run(text)], "de", bold=True)
    _set_row(table.rows[0], "w:tblHeader")
    for issue in issues:
        cells = table.add_row().cells
        for cell, text in zip(
            cells[:3], (issue.segment_id, issue.severity, issue.check), strict=True
        ):
            _fill(cell.paragraphs[0], [Run(text)], "en")
        excerpt = sources.get(issue.segment_id, "")[:120]
        _fill(cells[3].paragraphs[0], [Run(issue.message, line_break=True)], "en")
        _fill(cells[3].paragraphs[0], [Run(excerpt)], doc.source_lang)


def clean_text(text: str) -> str:
    """Return `text` without the control characters Word (and python-docx) refuse."""
    return _CONTROL.sub("", text)
