"""The DOCX check: is a generated DOCX editable in Word, and does Word lay it out safely?

`check_docx` reads the package's XML parts (no python-docx: the check must see exactly what is
in the file) and returns one `toolkit.findings.Finding` per defect (its package part, the check,
what is wrong and the first characters of the paragraph or row), the check being one of:

``direct-format``
    a run or paragraph carries its own font, size, bold, colour, indent, alignment … instead of
    taking them from a style, so changing the style in Word does not change it. A run's
    language tag (``w:lang``), a character style (``w:rStyle``), and a paragraph's structural
    properties (keep with next, page break before, list membership) are not formatting.
``unstyled``
    a paragraph with text left in the default "Normal" style, or a table with no table style,
    or one in Word's "Table Grid" (black borders on every cell).
``order``
    a property element whose children break the schema's sequence (`ooxmlorder`); elements of
    extension namespaces (w14:, w15: …, covered by ``mc:Ignorable``) are not checked.
``row-may-split``
    a table row that is not kept on one page (``w:cantSplit``) although its text is short:
    only rows too long for a third of a page may break.
``heading-not-kept``
    a heading (a style named "Heading …", "Title" or "… Heading", or one with an outline
    level) not kept with the next paragraph: it can end up alone at the foot of a page.
``ja-ragged``
    a Japanese paragraph of running text (sentences: it holds 。 or 、, and 40 characters or
    more) that is not justified (``w:jc w:val="both"``).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..findings import Finding
from ..japanese import wide_count
from .ooxml import may_split
from .ooxmlorder import order_error, sequence

__all__ = ["check_docx"]

_BODY = "word/document.xml"  # the part that holds the text, its tables and headings
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PREFIXES = {
    _W: "w",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "http://schemas.microsoft.com/office/2006/metadata/properties": "sl",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "sl",
}
# Run properties that say what the text is, not how it looks.
_RUN_ALLOWED = frozenset({"w:rStyle", "w:lang", "w:noProof", "w:webHidden", "w:rPrChange"})
# Paragraph properties that are structure (flow and list membership), not looks.
_PARAGRAPH_ALLOWED = frozenset(
    {
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:numPr",
        "w:sectPr",
        "w:rPr",
        "w:pPrChange",
    }
)
# Table properties that are geometry (width, grid, placement), not looks.
_TABLE_ALLOWED = frozenset({"w:tblStyle", "w:tblW", "w:jc", "w:tblLayout", "w:tblLook", "w:tblInd"})
_HEADING = re.compile(r"^(heading \d|title)$|heading$", re.IGNORECASE)
_RAGGED_MIN = 40  # Japanese characters from which an unjustified paragraph shows its edge


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    keep_next: bool | None
    outline: bool
    jc: str | None


def check_docx(path: Path) -> list[Finding]:
    """Return the defects of the DOCX at `path` (empty: the file passes)."""
    with zipfile.ZipFile(path) as package:
        parts = {
            name: etree.fromstring(package.read(name))
            for name in package.namelist()
            if re.fullmatch(
                r"word/(document|styles|settings|numbering|header\d*|footer\d*)\.xml", name
            )
        }
    styles = _read_styles(parts.get("word/styles.xml"))
    file = str(path)
    defects: list[Finding] = []
    for name, root in sorted(parts.items()):
        defects += _order(file, name, root)
        if name.startswith(("word/document", "word/header", "word/footer")):
            defects += _formatting(file, name, root, styles)
    body = parts.get(_BODY)
    if body is not None:
        defects += _rows(file, body)
        defects += _headings(file, body, styles)
    return defects


def _defect(file: str, part: str, check: str, message: str, excerpt: str = "") -> Finding:
    """Return a defect in `part` of the DOCX `file`, about the first characters of `excerpt`."""
    return Finding(file=file, part=part, check=check, message=message, excerpt=excerpt[:40])


def _tag(element: etree._Element) -> str:
    qname = etree.QName(element)
    return f"{_PREFIXES.get(qname.namespace or '', '?')}:{qname.localname}"


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(_w("t")))


def _order(file: str, part: str, root: etree._Element) -> list[Finding]:
    found: list[Finding] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _tag(element)
        if sequence(tag) is None:
            continue
        # Elements of other namespaces (w14:, w15: …) are extensions Word's mc:Ignorable covers.
        children = [
            _tag(c) for c in element if isinstance(c.tag, str) and not _tag(c).startswith("?")
        ]
        problem = order_error(tag, children)
        if problem:
            found.append(_defect(file, part, "order", problem))
    return found


def _formatting(
    file: str, part: str, root: etree._Element, styles: dict[str, _Style]
) -> list[Finding]:
    found: list[Finding] = []
    default = next((i for i, s in styles.items() if s.name == "Normal"), "Normal")
    for paragraph in root.iter(_w("p")):
        text = _text(paragraph)
        ppr = paragraph.find(_w("pPr"))
        extra = [] if ppr is None else [_tag(c) for c in ppr if _tag(c) not in _PARAGRAPH_ALLOWED]
        mark = None if ppr is None else ppr.find(_w("rPr"))
        if mark is not None:
            extra += [_tag(c) for c in mark if _tag(c) not in _RUN_ALLOWED]
        if extra:
            message = "paragraph " + " ".join(extra)
            found.append(_defect(file, part, "direct-format", message, text))
        style = None if ppr is None else ppr.find(_w("pStyle"))
        style_id = default if style is None else style.get(_w("val"), default)
        if text.strip() and style_id == default:
            found.append(_defect(file, part, "unstyled", "paragraph in 'Normal'", text))
        for run in paragraph.iter(_w("r")):
            rpr = run.find(_w("rPr"))
            if rpr is None:
                continue
            extra = [_tag(c) for c in rpr if _tag(c) not in _RUN_ALLOWED]
            if extra:
                message = "run " + " ".join(extra)
                found.append(_defect(file, part, "direct-format", message, _text(run)))
    for table in root.iter(_w("tbl")):
        tblpr = table.find(_w("tblPr"))
        children = [] if tblpr is None else [_tag(c) for c in tblpr]
        style = None if tblpr is None else tblpr.find(_w("tblStyle"))
        text = _text(table)
        if style is None:
            found.append(_defect(file, part, "unstyled", "table without a table style", text))
        elif styles.get(style.get(_w("val"), ""), _Style("", None, None, False, None)).name in (
            "Table Grid",
        ):
            found.append(_defect(file, part, "unstyled", "table in 'Table Grid'", text))
        extra = [c for c in children if c not in _TABLE_ALLOWED]
        if extra:
            message = "table " + " ".join(extra)
            found.append(_defect(file, part, "direct-format", message, text))
    return found


def _rows(file: str, root: etree._Element) -> list[Finding]:
    found: list[Finding] = []
    for row in root.iter(_w("tr")):
        trpr = row.find(_w("trPr"))
        if trpr is not None and trpr.find(_w("cantSplit")) is not None:
            continue
        cells = [_text(c) for c in row.iter(_w("tc"))]
        if not may_split(cells):
            found.append(_defect(file, _BODY, "row-may-split", "no w:cantSplit", " | ".join(cells)))
    return found


def _headings(file: str, root: etree._Element, styles: dict[str, _Style]) -> list[Finding]:
    found: list[Finding] = []
    default = next((i for i, s in styles.items() if s.name == "Normal"), "Normal")
    for paragraph in root.iter(_w("p")):
        ppr = paragraph.find(_w("pPr"))
        style = None if ppr is None else ppr.find(_w("pStyle"))
        style_id = default if style is None else style.get(_w("val"), default)
        text = _text(paragraph)
        if not text.strip():
            continue
        chain = _chain(style_id, styles)
        heading = any(_HEADING.search(s.name) or s.outline for s in chain)
        if heading:
            keep = _flag(ppr, "keepNext")
            if keep is None:
                keep = next((s.keep_next for s in chain if s.keep_next is not None), False)
            if not keep:
                message = f"style {style_id}, not kept with the next paragraph"
                found.append(_defect(file, _BODY, "heading-not-kept", message, text))
            continue
        jc = None if ppr is None or ppr.find(_w("jc")) is None else ppr.find(_w("jc"))
        align = jc.get(_w("val")) if jc is not None else next((s.jc for s in chain if s.jc), None)
        wide = wide_count(text)
        japanese = wide * 2 >= len(text.replace(" ", ""))  # mostly kana and kanji
        running = "。" in text or "、" in text  # sentences, not a term or a reading
        if japanese and running and wide >= _RAGGED_MIN and align not in ("both", "distribute"):
            message = f"style {style_id}, not justified"
            found.append(_defect(file, _BODY, "ja-ragged", message, text))
    return found


def _flag(parent: etree._Element | None, name: str) -> bool | None:
    """Return the on/off property `name` of `parent` (w:keepNext …), or None if not set."""
    element = None if parent is None else parent.find(_w(name))
    if element is None:
        return None
    return element.get(_w("val"), "true") not in ("0", "false", "off")


def _chain(style_id: str, styles: dict[str, _Style]) -> list[_Style]:
    chain: list[_Style] = []
    current: str | None = style_id
    while current is not None and current in styles and len(chain) < 20:
        chain.append(styles[current])
        current = styles[current].based_on
    return chain


def _read_styles(root: etree._Element | None) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for style in root.iter(_w("style")):
        ppr = style.find(_w("pPr"))

        def value(parent: etree._Element | None, name: str, attr: str = "val") -> str | None:
            element = None if parent is None else parent.find(_w(name))
            return None if element is None else element.get(_w(attr))

        outline = value(ppr, "outlineLvl")
        styles[style.get(_w("styleId"), "")] = _Style(
            name=value(style, "name") or "",
            based_on=value(style, "basedOn"),
            keep_next=_flag(ppr, "keepNext"),
            outline=outline is not None and outline != "9",
            jc=value(ppr, "jc"),
        )
    return styles
