"""python-docx below its API: fonts and languages per run, fields, row and cell properties.

python-docx has no API for the East Asian font or language, fields (PAGE, TOC) or table-row
properties; these helpers set them in the XML, as `toolkit.render.docx` does for handouts.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "LANG_TAGS",
    "add_field",
    "begin_field",
    "clean_text",
    "end_field",
    "keep_row_together",
    "set_fonts",
    "shade_cell",
    "update_fields_on_open",
]

LANG_TAGS = {"de": "de-DE", "ja": "ja-JP", "en": "en-GB"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def set_fonts(element: Any, fonts: tuple[str, str], lang: str) -> None:
    """Set the Latin and East Asian fonts and the language tags on a style or run element."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    node = rpr.find(qn("w:rFonts"))
    if node is None:
        node = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, node)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        node.attrib.pop(qn(attr), None)  # a theme font would win over the names set here
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        node.set(qn(attr), fonts[0])
    node.set(qn("w:eastAsia"), fonts[1])
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), LANG_TAGS[lang])
    lang_el.set(qn("w:eastAsia"), LANG_TAGS["ja"])


def add_field(paragraph: Any, instruction: str) -> None:
    """Append a field (``PAGE``, ``NUMPAGES``) to `paragraph`."""
    begin_field(paragraph, instruction)
    run = paragraph.add_run("1")
    del run
    end_field(paragraph)


def begin_field(paragraph: Any, instruction: str) -> None:
    """Append the start of a field with `instruction`; its result text follows."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)


def end_field(paragraph: Any) -> None:
    """Append the end of the field begun by `begin_field`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def update_fields_on_open(doc: Any) -> None:
    """Ask Word to update the fields (the contents' page numbers) when it opens the file."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def keep_row_together(row: Any) -> None:
    """Keep a table row from breaking across pages."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def shade_cell(cell: Any, fill: str) -> None:
    """Fill a table cell with the colour `fill` (hex RGB)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def clean_text(text: str) -> str:
    """Return `text` without the control characters Word refuses."""
    return _CONTROL.sub("", text)
