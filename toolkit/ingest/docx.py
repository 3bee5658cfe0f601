"""Word press releases (.docx), read with python-docx.

Paragraph styles give the structure where the author used them (Title, Heading n, Quote,
List …); the press-release rules in `press.py` decide the rest, as for plain text. Soft line
breaks inside a paragraph (Shift+Enter, typical in contact blocks) keep their lines. Table cells
are read row by row. Only text is taken: fields, images and embedded objects are not followed.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..limits import Limits, current_limits, describe_limit
from ..model import BlockKind
from .press import RawBlock

__all__ = ["check_docx_package", "read_docx_blocks"]

_STYLE_HINTS = {
    "title": BlockKind.TITLE,
    "subtitle": BlockKind.SUBTITLE,
    "quote": BlockKind.QUOTE,
    "intense quote": BlockKind.QUOTE,
    "list paragraph": BlockKind.LIST_ITEM,
    "list bullet": BlockKind.LIST_ITEM,
    "list number": BlockKind.LIST_ITEM,
}


def read_docx_blocks(path: Path) -> list[RawBlock]:
    """Return the paragraphs of the Word file at `path` as raw blocks, in reading order."""
    check_docx_package(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(str(path))
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        AttributeError,
        etree.XMLSyntaxError,
    ) as exc:
        raise IngestError(f"{path}: can't be read as a Word document ({exc})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise IngestError(f"{path}: the Word file is damaged ({exc}); save it again") from None
    try:
        return _blocks(document)
    except (AttributeError, TypeError, IndexError, KeyError, ValueError) as exc:
        # python-docx assumes a well-formed main part; a hand-edited or damaged one (another
        # root element, a table without rows) fails deep inside it.
        raise IngestError(
            f"{path}: the Word document's structure is damaged ({type(exc).__name__}: {exc}); "
            "open it in Word and save it again"
        ) from None


def _blocks(document: Any) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    for number, paragraph in enumerate(_paragraphs(document), start=1):
        text = paragraph.text.replace("\r", "\n").replace("\v", "\n")
        lines = tuple(line for line in text.split("\n") if line.strip())
        if not lines:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        hint, level = _hint(style)
        blocks.append(RawBlock(lines, number, hint=hint, level=level, keep_lines=len(lines) > 1))
    return blocks


# Compound-file (OLE2) signature: old .doc files, and .docx files encrypted with a password.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_PARTS = {
    "word/document.xml": None,
    "xl/workbook.xml": "an Excel workbook (.xlsx)",
    "ppt/presentation.xml": "a PowerPoint presentation (.pptx)",
    "content.xml": "an OpenDocument file (.odt/.ods)",
}
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


def check_docx_package(path: Path, limits: Limits | None = None) -> None:
    """Refuse what is not a readable Word package before any XML is parsed.

    Empty, truncated and non-zip files, password-protected (OLE) files, other Office types
    renamed to .docx, a missing main part, and zip bombs (unpacked size or compression ratio
    above the limits) each get their own message; so do DOCTYPEs declaring entities (Word
    never writes them; they are the billion-laughs and external-entity attacks).
    """
    limits = limits or current_limits()
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise IngestError(f"{path}: can't be read ({exc.strerror})") from None
    if not head:
        raise IngestError(f"{path}: the file is empty; save the document again as .docx")
    if head == _OLE_MAGIC:
        raise IngestError(
            f"{path}: is password-protected or an old Word 97–2003 file (.doc); "
            "remove the password or save it as .docx (Word: File → Save As)"
        )
    if not head.startswith(b"PK"):
        raise IngestError(f"{path}: not a Word document (.docx is a zip archive); save it as .docx")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            _check_members(path, members, limits)
            _check_main_part(path, names)
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with archive.open(member) as fh:
                        _check_doctype(path, member.filename, fh.read(64 * 1024), limits)
                    with archive.open(member) as fh:
                        _check_depth(path, member.filename, fh, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
        raise IngestError(
            f"{path}: the Word file is truncated or damaged ({exc}); save it again as .docx"
        ) from None


def _check_members(path: Path, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = sum(m.file_size for m in members)
    if total > limits.docx_unpacked_bytes:
        raise IngestError(
            f"{path}: unpacks to {total:,} bytes, more than a Word document should; "
            + describe_limit("docx_unpacked_bytes", limits.docx_unpacked_bytes)
        )
    for member in members:
        # Small parts compress well by nature; a ratio only means something for big ones.
        if member.file_size > 1024 * 1024:
            ratio = member.file_size / max(1, member.compress_size)
            if ratio > limits.docx_ratio:
                raise IngestError(
                    f"{path}: {member.filename} is compressed {ratio:,.0f}:1 (a zip bomb?); "
                    + describe_limit("docx_ratio", limits.docx_ratio)
                )


def _check_main_part(path: Path, names: set[str]) -> None:
    if "word/document.xml" in names:
        return
    for part, kind in _MAIN_PARTS.items():
        if kind and part in names:
            raise IngestError(f"{path}: is {kind} renamed to .docx; give a Word document")
    if "[Content_Types].xml" not in names:
        raise IngestError(f"{path}: a zip archive, but not a Word document; save it as .docx")
    raise IngestError(
        f"{path}: the Word file has no main part (word/document.xml); save it again in Word"
    )


def _check_doctype(path: Path, name: str, head: bytes, limits: Limits) -> None:
    """Refuse a part whose DOCTYPE declares more entities than the limit allows."""
    if b"<!DOCTYPE" not in head[:4096].upper().replace(b"\x00", b""):
        return
    count = len(_ENTITY.findall(head))
    if count > limits.xml_entities:
        raise IngestError(
            f"{path}: {name} declares {count} XML entities (Word never does; "
            "billion laughs or external entities?); refused, "
            + describe_limit("xml_entities", limits.xml_entities)
        )


def _check_depth(path: Path, name: str, stream: Any, limits: Limits) -> None:
    """Refuse a part nested deeper than the limit, streaming it (nothing is kept).

    libxml2 stops at 256 levels by itself; checking here names the limit and lets it be
    lowered. Entities are neither loaded nor resolved, and nothing is fetched.
    """
    from lxml import etree

    depth = 0
    try:
        for event, _element in etree.iterparse(
            stream,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        ):
            if event == "start":
                depth += 1
                if depth > limits.xml_depth:
                    raise IngestError(
                        f"{path}: {name} nests XML elements deeper than {limits.xml_depth} "
                        "levels; refused, " + describe_limit("xml_depth", limits.xml_depth)
                    )
            else:
                depth -= 1
                _element.clear()  # keep memory flat while streaming
    except etree.XMLSyntaxError as exc:
        raise IngestError(
            f"{path}: {name} is not well-formed XML ({exc.msg}); save the document again"
        ) from None


def _hint(style: str) -> tuple[BlockKind | None, int]:
    if style.startswith("heading"):
        digits = "".join(c for c in style if c.isdigit())
        level = int(digits) if digits else 2
        return (BlockKind.HEADING, level + 1)
    for name, kind in _STYLE_HINTS.items():
        if style.startswith(name):
            return (kind, 0)
    return (None, 0)


def _paragraphs(document: Any) -> Iterator[Any]:
    """Yield body paragraphs and table-cell paragraphs in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        elif isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    yield from cell.paragraphs
