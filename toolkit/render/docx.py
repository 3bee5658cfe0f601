"""DOCX through python-docx: a two-column table, German and Japanese row by row.

python-docx has no API for the East Asian font or language, so both are set in the XML
(``w:rFonts/@w:eastAsia``, ``w:lang/@w:eastAsia``) on the styles and on every run; Word then
spell-checks each column in its own language. Control characters that Word refuses are removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..fileio import atomic_path
from ..model import BlockKind, Document, Issue, Lang
from .view import UNTRANSLATED_LABEL, Row, Run, build_rows, summarize

__all__ = ["render_docx"]

LATIN_FONT = "Noto Serif"
EAST_ASIAN_FONT = "Noto Serif CJK JP"
HEADING_FONT = "Noto Sans"
HEADING_EAST_ASIAN_FONT = "Noto Sans CJK JP"
NOTICE = "Arbeitsübersetzung – 仮訳"
LANG_TAGS: dict[str, str] = {"de": "de-DE", "ja": "ja-JP"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def render_docx(doc: Document, path: Path, *, issues: Sequence[Issue] | None = None) -> None:
    """Write `doc` as a parallel-text DOCX to `path` atomically (with a QA appendix)."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm, Pt

    target_lang: Lang = doc.target_lang or doc.source_lang
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(16)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    _set_styles(document, Pt)
    core = document.core_properties
    core.title = _clean(doc.title)
    core.language = LANG_TAGS[doc.source_lang]
    core.comments = "dejakit parallel text"

    _add_footer(document, section)
    document.add_paragraph(_clean(doc.title), style="Title")
    counts = summarize(doc)
    meta = f"{doc.source_lang.upper()} → {target_lang.upper()}"
    if counts["untranslated"]:
        meta += f" · {UNTRANSLATED_LABEL}: {counts['untranslated']}/{counts['total']}"
    document.add_paragraph(meta, style="Caption")

    rows = build_rows(doc)
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    width = section.page_width - section.left_margin - section.right_margin
    head = table.rows[0]
    _mark_header_row(head)
    heads = ("Deutsch", "日本語") if doc.source_lang == "de" else ("日本語", "Deutsch")
    for cell, text, lang in zip(head.cells, heads, (doc.source_lang, target_lang), strict=True):
        cell.width = width // 2
        _fill(cell.paragraphs[0], [Run(text)], lang, bold=True)
    for row in rows:
        cells = table.add_row().cells
        _keep_row_together(table.rows[-1])
        for cell, runs, lang in (
            (cells[0], row.source, doc.source_lang),
            (cells[1], row.target, target_lang),
        ):
            cell.width = width // 2
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles[_style_for(row, lang)]
            _fill(paragraph, list(runs), lang, source_lang=doc.source_lang)
    if issues:
        _add_qa_appendix(document, doc, issues)
    try:
        with atomic_path(path) as tmp:
            document.save(str(tmp))
    except OSError as exc:
        raise RenderError(f"{path}: can't write the DOCX ({exc})") from None


def _add_qa_appendix(document: Any, doc: Document, issues: Sequence[Issue]) -> None:
    """Add a page listing the QA issues, for reviewers."""
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("QA-Bericht · 品質チェック", style="Heading German")
    sources = {s.id: s.source for s in doc.segments()}
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        ("Segment", "Schwere · 重大度", "Prüfung · 項目", "Befund · 内容"),
        strict=True,
    ):
        _fill(cell.paragraphs[0], [Run(text)], "de", bold=True)
    _mark_header_row(table.rows[0])
    for issue in issues:
        cells = table.add_row().cells
        for cell, text in zip(
            cells[:3], (issue.segment_id, issue.severity, issue.check), strict=True
        ):
            _fill(cell.paragraphs[0], [Run(text)], "de")
        excerpt = sources.get(issue.segment_id, "")[:120]
        _fill(cells[3].paragraphs[0], [Run(issue.message, line_break=True)], "de")
        _fill(cells[3].paragraphs[0], [Run(excerpt)], doc.source_lang)


def _style_for(row: Row, lang: Lang) -> str:
    suffix = "Japanese" if lang == "ja" else "German"
    if row.kind in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.KICKER):
        return f"Heading {suffix}"
    return f"Body {suffix}"


def _set_styles(document: Any, pt: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = pt(10)
    _set_fonts(normal.element, LATIN_FONT, EAST_ASIAN_FONT, "de")
    for name, font, east, size, bold in (
        ("Body German", LATIN_FONT, EAST_ASIAN_FONT, 10, False),
        ("Body Japanese", LATIN_FONT, EAST_ASIAN_FONT, 10, False),
        ("Heading German", HEADING_FONT, HEADING_EAST_ASIAN_FONT, 11, True),
        ("Heading Japanese", HEADING_FONT, HEADING_EAST_ASIAN_FONT, 11, True),
    ):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.name = font
        style.font.size = pt(size)
        style.font.bold = bold
        style.paragraph_format.space_after = pt(3)
        _set_fonts(style.element, font, east, "ja" if "Japanese" in name else "de")
    title = document.styles["Title"]
    _set_fonts(title.element, HEADING_FONT, HEADING_EAST_ASIAN_FONT, "de")


def _set_fonts(element: Any, latin: str, east_asian: str, lang: Lang) -> None:
    """Set Latin and East Asian fonts and the language tags on a style or run element."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
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
    lang: Lang,
    *,
    source_lang: Lang | None = None,
    bold: bool = False,
) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    for item in runs:
        # An untranslated run is source text: tag it with the source language.
        run_lang = (source_lang or lang) if item.untranslated else lang
        if item.untranslated:
            label = paragraph.add_run(f"[{UNTRANSLATED_LABEL}] ")
            label.bold = True
            label.font.highlight_color = WD_COLOR_INDEX.YELLOW
            _set_fonts(label._r, HEADING_FONT, HEADING_EAST_ASIAN_FONT, run_lang)
        run = paragraph.add_run(_clean(item.text))
        run.bold = bold or None
        if item.untranslated:
            run.italic = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        _set_fonts(run._r, LATIN_FONT, EAST_ASIAN_FONT, run_lang)
        if item.line_break:
            run.add_break()


def _add_footer(document: Any, section: Any) -> None:
    """Put the notice and "page X / Y" (PAGE and NUMPAGES fields) in the footer."""
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    paragraph.add_run(f"{NOTICE}    ")
    _add_field(paragraph, "PAGE")
    paragraph.add_run(" / ")
    _add_field(paragraph, "NUMPAGES")


def _add_field(paragraph: Any, instruction: str) -> None:
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


def _mark_header_row(row: Any) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def _keep_row_together(row: Any) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)
