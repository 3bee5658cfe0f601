"""Plain-text press releases: blank lines separate blocks; a single line break is read as the
document's line convention says (`lines.py`): a hard wrap inside a paragraph, or a paragraph end.
"""

from __future__ import annotations

import re

from ..model import BlockKind
from .lines import MARKER_ONLY, LineConvention
from .press import RawBlock

__all__ = ["split_raw_blocks"]

_BULLET = re.compile(r"^\s*(?:[-•*・●▪]|\d{1,2}[.)])\s+\S")


def split_raw_blocks(text: str, lines: LineConvention = "wrapped") -> list[RawBlock]:
    """Return the paragraphs of `text`; a bullet list gives one block per item.

    With ``lines="paragraphs"`` every line is a block of its own, except a line that is only a
    list marker ("1.", "(2)"), which goes with the line after it.
    """
    blocks: list[RawBlock] = []
    current: list[str] = []
    start = 0
    for no, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            if not current:
                start = no
            current.append(line.rstrip())
            if lines == "paragraphs" and not MARKER_ONLY.match(line):
                blocks.append(RawBlock(lines=tuple(current), line_no=start))
                current = []
            continue
        if current:
            if lines == "paragraphs":
                blocks.append(RawBlock(lines=tuple(current), line_no=start))
            else:
                blocks.extend(_split_list(current, start))
            current = []
    return blocks


def _split_list(lines: list[str], start: int) -> list[RawBlock]:
    """Return one LIST_ITEM block per bullet when every item starts with a bullet.

    The bullet stays in the text: the reader keeps it as the block's marker.
    """
    if not _BULLET.match(lines[0]):
        return [RawBlock(lines=tuple(lines), line_no=start)]
    items: list[RawBlock] = []
    current: list[str] = []
    current_start = start
    for offset, line in enumerate(lines):
        if _BULLET.match(line) and current:
            items.append(RawBlock(tuple(current), current_start, hint=BlockKind.LIST_ITEM))
            current = []
        if not current:
            current_start = start + offset
        current.append(line)
    items.append(RawBlock(tuple(current), current_start, hint=BlockKind.LIST_ITEM))
    return items
