"""Plain-text press releases: blank lines separate blocks, lines inside a block are hard wraps."""

from __future__ import annotations

import re

from ..model import BlockKind
from .press import RawBlock

__all__ = ["split_raw_blocks"]

_BULLET = re.compile(r"^\s*(?:[-•*・●▪]|\d{1,2}[.)])\s+\S")
_SYMBOL_BULLET = re.compile(r"^\s*[-•*・●▪]\s+")


def split_raw_blocks(text: str) -> list[RawBlock]:
    """Return the blank-line separated paragraphs of `text`; a bullet list gives one per item."""
    blocks: list[RawBlock] = []
    lines: list[str] = []
    start = 0
    for no, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            if not lines:
                start = no
            lines.append(line.rstrip())
            continue
        if lines:
            blocks.extend(_split_list(lines, start))
            lines = []
    return blocks


def _split_list(lines: list[str], start: int) -> list[RawBlock]:
    """Return one LIST_ITEM block per bullet when every item starts with a bullet."""
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
            # A symbol bullet is markup (the block kind keeps it); a number is content.
            line = _SYMBOL_BULLET.sub("", line)
        current.append(line)
    items.append(RawBlock(tuple(current), current_start, hint=BlockKind.LIST_ITEM))
    return items
