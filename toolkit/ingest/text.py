"""Plain-text press releases: blank lines separate blocks; a single line break is read as the
document's line convention says (`lines.py`): a hard wrap inside a paragraph, or a paragraph end.
"""

from __future__ import annotations

import re

from ..localize import DE_MONTH_NUMBERS
from ..model import BlockKind
from .dateline import parse_dateline
from .lines import MARKER_ONLY, LineConvention
from .press import RawBlock

__all__ = ["split_raw_blocks"]

_BULLET = re.compile(r"^\s*(?:[-•*・●▪]|\d{1,2}[.)])\s+\S")
_MONTH = re.compile(r"^\s*\d{1,2}\.\s*(?:" + "|".join(DE_MONTH_NUMBERS) + r")\b")


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
                for part, part_start in _split_datelines(current, start):
                    blocks.extend(_split_list(part, part_start))
            current = []
    return blocks


def _is_bullet(line: str) -> bool:
    """Return whether `line` starts a list item („- …“, „1. …“), not a date („8. Oktober 2019“)."""
    return bool(_BULLET.match(line)) and parse_dateline(line) is None and not _MONTH.match(line)


def _split_datelines(lines: list[str], start: int) -> list[tuple[list[str], int]]:
    """Split a wrapped block around a line that is a date line of its own.

    „内堀知事がドイツを訪問“ / „2026年1月15日“ in one block of an otherwise hard-wrapped text: the
    date line is no wrapped part of the title.
    """
    if len(lines) == 1 or not any(parse_dateline(line) for line in lines):
        return [(lines, start)]
    parts: list[tuple[list[str], int]] = []
    current: list[str] = []
    current_start = start
    for offset, line in enumerate(lines):
        if parse_dateline(line):
            if current:
                parts.append((current, current_start))
            parts.append(([line], start + offset))
            current = []
            continue
        if not current:
            current_start = start + offset
        current.append(line)
    if current:
        parts.append((current, current_start))
    return parts


def _split_list(lines: list[str], start: int) -> list[RawBlock]:
    """Return one LIST_ITEM block per bullet when every item starts with a bullet.

    The bullet stays in the text: the reader keeps it as the block's marker.
    """
    if not _is_bullet(lines[0]):
        return [RawBlock(lines=tuple(lines), line_no=start)]
    items: list[RawBlock] = []
    current: list[str] = []
    current_start = start
    for offset, line in enumerate(lines):
        if _is_bullet(line) and current:
            items.append(RawBlock(tuple(current), current_start, hint=BlockKind.LIST_ITEM))
            current = []
        if not current:
            current_start = start + offset
        current.append(line)
    items.append(RawBlock(tuple(current), current_start, hint=BlockKind.LIST_ITEM))
    return items
