"""Word press releases (.docx), read with python-docx.

Paragraph styles give the structure where the author used them (Title, Heading n, Quote,
List …); the press-release rules in `press.py` decide the rest, as for plain text. Soft line
breaks inside a paragraph (Shift+Enter, typical in contact blocks) keep their lines. Table cells
are read row by row. Only text is taken: fields, images and embedded objects are not followed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..model import BlockKind
from .press import RawBlock

__all__ = ["read_docx_blocks"]

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
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise IngestError(f"{path}: not a Word document (.docx is a zip archive); save it as .docx")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise IngestError(f"{path}: can't be read as a Word document ({exc})") from None
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
