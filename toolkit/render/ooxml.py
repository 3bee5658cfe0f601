"""What python-docx lacks, in one place: the WordprocessingML that handouts and packs need.

python-docx has no API for the East Asian font or language, fields (PAGE, NUMPAGES, TOC), the
row flags (``w:cantSplit``, ``w:tblHeader``), cell shading, table styles, list numbering
(``numbering.xml``) or paragraph properties such as ``w:kinsoku``. These helpers write them
into the XML, every child in the schema's order (`ooxmlorder`), so Word opens the file without
complaint. `toolkit.render.docx` (handouts) and `toolkit.pack.docx` (briefing packs, fact
sheets) build on them; their type lives in styles, not on runs (see `paragraph_style`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from ..japanese import wide_count
from .ooxmlorder import sequence

if TYPE_CHECKING:
    from docx.document import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.parts.story import StoryPart
    from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

__all__ = [
    "LANG_TAGS",
    "LATIN_IN_JAPANESE",
    "ROW_SPLIT_UNITS",
    "Look",
    "add_field",
    "append_row",
    "begin_field",
    "bookmark",
    "bullet_numbering",
    "character_style",
    "child",
    "clean_text",
    "end_field",
    "insert",
    "keep_short_lines",
    "keep_with_next",
    "may_split",
    "paragraph_style",
    "set_fonts",
    "set_lang",
    "set_row",
    "set_run_style",
    "set_style",
    "shade_cell",
    "table_style",
    "tail_start",
    "text_units",
    "twips",
    "update_fields_on_open",
    "use_table_style",
]

LANG_TAGS: dict[str, str] = {"de": "de-DE", "ja": "ja-JP", "en": "en-GB"}
LATIN_IN_JAPANESE = "en-US"  # the w:val of Japanese text: see `set_lang`
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_TWIPS_PER_MM = 1440 / 25.4
ROW_SPLIT_UNITS = 600
_FIRST = frozenset({"w:rPr", "w:pPr", "w:tcPr", "w:tblPr"})


def clean_text(text: str) -> str:
    """Return `text` without the control characters Word (and python-docx) refuse."""
    return _CONTROL.sub("", text)


def text_units(text: str) -> int:
    """Return the width of `text` in Latin letters (kana, kanji and full-width forms count 2)."""
    return len(text) + wide_count(text)


def may_split(texts: Sequence[str]) -> bool:
    """Return whether a table row holding `texts` (one per cell) may break across pages.

    Only a row that may be taller than about a third of a page: keeping it whole would leave
    a large blank area. A third of an A4 page holds ~17 lines of a half-width column at 10 pt,
    about 600 letters; no narrower row of that much text is shorter.
    """
    return max((text_units(t) for t in texts), default=0) >= ROW_SPLIT_UNITS


def twips(mm: float) -> str:
    """Return `mm` as a twips string (the unit of indents, margins and tab stops)."""
    return str(round(mm * _TWIPS_PER_MM))


def child(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Return the child `tag` ("w:jc") of `parent`, added in schema order if missing.

    `attrs` (``val="both"``; a trailing underscore is dropped, ``w:`` is added) are set on it.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is None:
        found = insert(parent, OxmlElement(tag))
    for key, value in attrs.items():
        found.set(qn(f"w:{key.rstrip('_')}"), value)
    return found


def insert(parent: etree._Element, element: etree._Element) -> etree._Element:
    """Insert `element` into `parent` where the schema's sequence puts it; return it."""
    from docx.oxml.ns import qn

    order = sequence(_prefixed(parent.tag))
    if order is None:
        if _prefixed(element.tag) in _FIRST:  # w:r, w:p, w:tc … : their properties come first
            parent.insert(0, element)
        else:
            parent.append(element)
        return element
    rank = {qn(n): i for i, names in enumerate(order) for n in names.split("|")}
    mine = rank.get(str(element.tag), len(order))
    for sibling in parent:
        if rank.get(str(sibling.tag), -1) > mine:
            sibling.addprevious(element)
            return element
    parent.append(element)
    return element


def _prefixed(clark: object) -> str:
    namespace, _, local = str(clark)[1:].partition("}")
    return f"w:{local}" if namespace.endswith("/wordprocessingml/2006/main") else local


# -- fonts and languages --------------------------------------------------------------------


def set_fonts(element: etree._Element, fonts: tuple[str, str], lang: str | None = None) -> None:
    """Set the Latin and East Asian fonts (and with `lang`, the language) of a style or run.

    `element` is a style's ``w:style`` or a run's ``w:r``; theme fonts, which would win over
    the names set here, are removed.
    """
    from docx.oxml.ns import qn

    rpr = child(element, "w:rPr")
    node = child(rpr, "w:rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        node.attrib.pop(qn(attr), None)
    latin, east_asian = fonts
    child(rpr, "w:rFonts", ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asian)
    if lang is not None:
        set_lang(element, lang)


def set_lang(element: etree._Element, lang: str) -> None:
    """Tag the text of a style or run (``w:style``, ``w:r``) with the language `lang`.

    ``w:eastAsia`` tags kana and kanji (always Japanese), ``w:val`` the Latin letters: German
    or English text is tagged so; in Japanese text they are names and brands (NRW.Energy4Climate)
    and get "en-US", as Japanese Word tags them. Tagged "ja-JP", LibreOffice breaks them at
    any letter ("NR / W.Global") and between digits ("約2 / 0社").
    """
    latin = LATIN_IN_JAPANESE if lang == "ja" else LANG_TAGS[lang]
    child(child(element, "w:rPr"), "w:lang", val=latin, eastAsia=LANG_TAGS["ja"])


# -- styles ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Look:
    """The formatting a style carries; None leaves the base style's value."""

    fonts: tuple[str, str] | None = None
    lang: str | None = None
    size: float | None = None  # pt
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    color: str | None = None  # hex RGB
    highlight: str | None = None  # "yellow"
    space_before: float | None = None  # pt
    space_after: float | None = None  # pt
    line_spacing: float | None = None  # multiple of single
    indent: float | None = None  # mm, left
    hanging: float | None = None  # mm
    justify: bool = False  # both edges; with kinsoku on (Japanese)
    hyphenate: bool = True  # False: no automatic hyphenation (Japanese: no brand split)
    align: str | None = None  # "center", "right"
    keep_next: bool = False
    keep_lines: bool = False
    rule_left: str | None = None  # hex RGB of a rule left of the paragraph
    numbering: int | None = None  # numId of a list (`bullet_numbering`)
    tab_right: float | None = None  # mm: a right-aligned tab stop
    tab_leader: str | None = None  # "dot": dots lead to that tab stop (contents)
    outline: int | None = None  # outline level 0-8, 9 = body text (not in the contents)


def paragraph_style(
    document: Document, name: str, look: Look, *, base: str | None = "Normal"
) -> ParagraphStyle:
    """Return the paragraph style `name` (added or, if built in, restyled) carrying `look`."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.styles.style import ParagraphStyle

    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    if base is not None and name != base:
        style.base_style = styles[base]
    style.quick_style = True
    _plain(style.element)
    _apply(style, look)
    return style


def character_style(document: Document, name: str, look: Look) -> CharacterStyle:
    """Return the character style `name` (added if missing) carrying `look`."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.styles.style import CharacterStyle

    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    assert isinstance(style, CharacterStyle)
    _apply(style, look)
    return style


def _apply(style: BaseStyle, look: Look) -> None:
    element = style.element
    if look.fonts is not None:
        set_fonts(element, look.fonts)
    if look.lang is not None:
        set_lang(element, look.lang)
    if any(v is not None for v in (look.size, look.bold, look.italic, look.caps, look.color)):
        rpr = child(element, "w:rPr")
        for tag, on in (("w:b", look.bold), ("w:i", look.italic), ("w:caps", look.caps)):
            if on is not None:
                child(rpr, tag, val="1" if on else "0")
        if look.color is not None:
            child(rpr, "w:color", val=look.color)
        if look.size is not None:
            half_points = str(round(look.size * 2))
            child(rpr, "w:sz", val=half_points)
            child(rpr, "w:szCs", val=half_points)
    if look.highlight is not None:
        child(child(element, "w:rPr"), "w:highlight", val=look.highlight)
    _apply_paragraph(element, look)


def _apply_paragraph(element: etree._Element, look: Look) -> None:
    if not any(
        (
            look.space_before is not None,
            look.space_after is not None,
            look.line_spacing is not None,
            look.indent is not None,
            look.justify,
            not look.hyphenate,
            look.align,
            look.keep_next,
            look.keep_lines,
            look.rule_left,
            look.numbering is not None,
            look.tab_right is not None,
            look.outline is not None,
        )
    ):
        return
    ppr = child(element, "w:pPr")
    if look.keep_next:
        child(ppr, "w:keepNext")
    if look.keep_lines:
        child(ppr, "w:keepLines")
    if look.numbering is not None:
        child(child(ppr, "w:numPr"), "w:ilvl", val="0")
        child(child(ppr, "w:numPr"), "w:numId", val=str(look.numbering))
    if look.rule_left:
        border = child(ppr, "w:pBdr")
        child(border, "w:left", val="single", sz="8", space="6", color=look.rule_left)
    if look.tab_right is not None:  # the only tab stop (Word's Footer has two for Letter)
        for old in ppr.findall(_w("tabs")):
            ppr.remove(old)
        tab = child(child(ppr, "w:tabs"), "w:tab", val="right", pos=twips(look.tab_right))
        if look.tab_leader:
            tab.set(_w("leader"), look.tab_leader)
    if not look.hyphenate:
        child(ppr, "w:suppressAutoHyphens")
    if look.justify:
        child(ppr, "w:kinsoku", val="1")  # no line starts with 。、」 or ends with 「
        child(ppr, "w:overflowPunct", val="1")  # 。、 may hang into the margin
    spacing: dict[str, str] = {}
    if look.space_before is not None:
        spacing["before"] = str(round(look.space_before * 20))
    if look.space_after is not None:
        spacing["after"] = str(round(look.space_after * 20))
    if look.line_spacing is not None:
        spacing |= {"line": str(round(look.line_spacing * 240)), "lineRule": "auto"}
    if spacing:
        child(ppr, "w:spacing", **spacing)
    if look.indent is not None or look.hanging is not None:
        indent = {"left": twips(look.indent or 0)}
        if look.hanging is not None:
            indent["hanging"] = twips(look.hanging)
        child(ppr, "w:ind", **indent)
    if look.justify or look.align:
        child(ppr, "w:jc", val="both" if look.justify else str(look.align))
    if look.outline is not None:
        child(ppr, "w:outlineLvl", val=str(look.outline))


def _plain(element: etree._Element) -> None:
    """Remove the theme colour and the border of a built-in style (Title's rule, blue)."""
    from docx.oxml.ns import qn

    for path in ("w:pPr/w:pBdr", "w:rPr/w:color"):
        for found in element.findall(qn(path.split("/")[0]) + "/" + qn(path.split("/")[1])):
            parent = found.getparent()
            if parent is not None:
                parent.remove(found)


def set_style(paragraph: Paragraph, name: str) -> None:
    """Give `paragraph` the paragraph style `name`, its id looked up once per document part.

    ``paragraph.style = name`` scans every style of the document twice per call (5 ms with
    Word's ~160 built-in styles): for a long text that was most of the DOCX time.
    """
    from docx.enum.style import WD_STYLE_TYPE

    paragraph._p.style = _style_id(paragraph.part, name, WD_STYLE_TYPE.PARAGRAPH)


def set_run_style(run: Run, name: str) -> None:
    """Give `run` the character style `name` (looked up once per document part)."""
    from docx.enum.style import WD_STYLE_TYPE

    run._r.style = _style_id(run.part, name, WD_STYLE_TYPE.CHARACTER)


def _style_id(part: StoryPart, name: str, kind: WD_STYLE_TYPE) -> str | None:
    cache: dict[tuple[str, WD_STYLE_TYPE], str | None]
    cache = part.__dict__.setdefault("_dejakit_style_ids", {})
    if (name, kind) not in cache:
        cache[name, kind] = part.get_style_id(name, kind)
    return cache[name, kind]


def table_style(
    document: Document, name: str, *, rules: str | None, margins: tuple[float, float]
) -> None:
    """Add the table style `name`: light horizontal rules in colour `rules` (None: none).

    `margins` (mm, vertical and horizontal) pad every cell. Word's "Table Grid" draws black
    borders round every cell; a parallel text needs none, a list light rules between rows.
    """
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    tblpr = child(style.element, "w:tblPr")
    borders = child(tblpr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if rules is None or edge in ("left", "right", "insideV"):
            child(borders, f"w:{edge}", val="nil")
        else:
            size = "6" if edge in ("top", "bottom") else "2"
            child(borders, f"w:{edge}", val="single", sz=size, space="0", color=rules)
    cell_margins = child(tblpr, "w:tblCellMar")
    vertical, horizontal = margins
    for edge, mm in (("top", vertical), ("left", horizontal), ("bottom", vertical)):
        child(cell_margins, f"w:{edge}", w=twips(mm), type="dxa")
    child(cell_margins, "w:right", w=twips(horizontal), type="dxa")


def use_table_style(table: Table, style_id: str) -> None:
    """Give `table` the table style `style_id` and fixed column widths."""
    tblpr = table._tbl.tblPr
    child(tblpr, "w:tblStyle", val=style_id)
    child(tblpr, "w:tblLayout", type="fixed")


def bullet_numbering(document: Document, symbol: str, *, indent: float, hanging: float) -> int:
    """Add a one-level bullet list with `symbol` to ``numbering.xml``; return its numId.

    Indents (mm) are the list's, so a list style needs only the numbering reference.
    """
    from docx.oxml import OxmlElement

    numbering = document.part.numbering_part.element
    ids = [int(a.get(_w("abstractNumId"), "0")) for a in numbering.findall(_w("abstractNum"))]
    abstract_id = str(max(ids, default=-1) + 1)
    abstract = OxmlElement("w:abstractNum", {_w("abstractNumId"): abstract_id})
    child(abstract, "w:multiLevelType", val="singleLevel")
    level = child(abstract, "w:lvl", ilvl="0")
    child(level, "w:start", val="1")
    child(level, "w:numFmt", val="bullet")
    child(level, "w:lvlText", val=symbol)
    child(level, "w:lvlJc", val="left")
    child(child(level, "w:pPr"), "w:ind", left=twips(indent), hanging=twips(hanging))
    insert(numbering, abstract)
    num = numbering.add_num(int(abstract_id))
    return int(num.numId)


def _w(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{name}")


# -- fields, rows, cells --------------------------------------------------------------------


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a field (``PAGE``, ``NUMPAGES`` …) to `paragraph`, showing `placeholder`."""
    begin_field(paragraph, instruction)
    paragraph.add_run(placeholder)
    end_field(paragraph)


def begin_field(paragraph: Paragraph, instruction: str) -> None:
    """Append the start of a field with `instruction`; its result runs follow it."""
    from docx.oxml import OxmlElement

    run = paragraph.add_run()._r
    insert(run, OxmlElement("w:fldChar", {_w("fldCharType"): "begin"}))
    instr = OxmlElement("w:instrText", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
    instr.text = f" {instruction} "
    insert(run, instr)
    insert(run, OxmlElement("w:fldChar", {_w("fldCharType"): "separate"}))


def end_field(paragraph: Paragraph) -> None:
    """Append the end of the field `begin_field` started."""
    from docx.oxml import OxmlElement

    insert(paragraph.add_run()._r, OxmlElement("w:fldChar", {_w("fldCharType"): "end"}))


def bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Put the bookmark `name` round `paragraph` (a PAGEREF target); `number` is its unique id."""
    from docx.oxml import OxmlElement

    p: etree._Element = paragraph._p
    start = OxmlElement("w:bookmarkStart", {_w("id"): str(number), _w("name"): name})
    p.insert(1 if paragraph._p.pPr is not None else 0, start)
    p.append(OxmlElement("w:bookmarkEnd", {_w("id"): str(number)}))


def keep_short_lines(document: Document) -> None:
    """Don't spread a justified line that ends in a line break (contact lines, addresses).

    ``w:doNotExpandShiftReturn`` is the first of the compatibility options in CT_Compat's
    sequence, before the ``w:compatSetting`` entries python-docx's template holds.
    """
    from docx.oxml import OxmlElement

    compat = child(document.settings.element, "w:compat")
    if compat.find(_w("doNotExpandShiftReturn")) is None:
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def update_fields_on_open(document: Document) -> None:
    """Ask Word to update the fields (the contents' page numbers) when it opens the file."""
    child(document.settings.element, "w:updateFields", val="true")


def set_row(row: _Row, *, header: bool = False, cant_split: bool = True) -> None:
    """Keep `row` on one page (``w:cantSplit``); with `header`, repeat it on every page."""
    trpr = row._tr.get_or_add_trPr()
    if cant_split:
        child(trpr, "w:cantSplit")
    if header:
        child(trpr, "w:tblHeader")


def tail_start(sizes: Sequence[float], limit: float) -> int:
    """Return the index of the first block of a document's tail that goes over a page together.

    `sizes` are the blocks' heights (any unit), `limit` about a third of a page in that unit:
    the last blocks (a closing paragraph, the press contact) stay together until they fill
    `limit`, and the last block always has the one before it: a document never ends on a page
    holding only its contact block. The caller keeps each block from there on with the next.
    """
    total = 0.0
    for index in range(len(sizes) - 1, -1, -1):
        total += sizes[index]
        if total >= limit:
            return max(min(index, len(sizes) - 2), 0)
    return 0


def keep_with_next(row: _Row) -> None:
    """Keep `row` on the page of the row after it (``w:keepNext`` on each of its paragraphs).

    Word keeps a row with the next when every paragraph in it is kept with the next; so does
    LibreOffice. Call it once the row's cells are filled.
    """
    from docx.oxml.ns import qn

    for paragraph in row._tr.iter(qn("w:p")):
        child(child(paragraph, "w:pPr"), "w:keepNext")


def append_row(table: Table) -> _Row:
    """Append a row of empty cells as wide as the table's grid columns; return it.

    ``table.add_row()`` looks the column grid up among all of the table's children for every
    row, and ``table.rows[-1]`` lists them all: both make a long table quadratic.
    """
    from docx.table import _Row

    tr = table._tbl.add_tr()
    for column in table._tbl.tblGrid.gridCol_lst:
        cell = tr.add_tc()
        if column.w is not None:
            cell.width = column.w
    return _Row(tr, table)


def shade_cell(cell: _Cell, fill: str) -> None:
    """Fill a table cell with the colour `fill` (hex RGB)."""
    child(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)
