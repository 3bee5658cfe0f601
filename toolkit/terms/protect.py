"""Placeholders: protected items swapped out before translation and put back afterwards.

Each item becomes ``⟦n⟧`` (U+27E6 n U+27E7). The project's test models have these as single
SentencePiece symbols; with any model they are checked after every leg — each must come back
exactly once — and a hypothesis that lost, doubled or invented one is not used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["PLACEHOLDER", "Masked", "mask", "placeholder", "placeholders_intact", "unmask"]

PLACEHOLDER = "⟦{}⟧"
MAX_PLACEHOLDERS = 32
_ANY = re.compile(r"⟦(\d+)⟧")


def placeholder(number: int) -> str:
    """Return the placeholder for the `number`-th protected item (counting from 1)."""
    return PLACEHOLDER.format(number)


@dataclass(frozen=True, slots=True)
class Masked:
    """A text with its protected spans replaced by placeholders, and what they stand for."""

    text: str
    originals: tuple[str, ...]  # what ⟦1⟧, ⟦2⟧, … replaced

    @property
    def count(self) -> int:
        """Return how many placeholders the text holds."""
        return len(self.originals)


def mask(text: str, spans: Sequence[tuple[int, int]]) -> Masked:
    """Return `text` with each (start, end) span replaced by the next placeholder.

    Spans beyond the placeholder supply (32) stay in the text unprotected.
    """
    out: list[str] = []
    originals: list[str] = []
    position = 0
    for start, end in sorted(spans)[:MAX_PLACEHOLDERS]:
        out.append(text[position:start])
        originals.append(text[start:end])
        out.append(placeholder(len(originals)))
        position = end
    out.append(text[position:])
    return Masked("".join(out), tuple(originals))


def placeholders_intact(text: str, count: int) -> bool:
    """Return whether ⟦1⟧ … ⟦count⟧ each occur exactly once in `text`, and no other."""
    found = [int(n) for n in _ANY.findall(text)]
    return sorted(found) == list(range(1, count + 1))


def unmask(text: str, replacements: Sequence[str]) -> str:
    """Return `text` with ⟦n⟧ replaced by ``replacements[n - 1]``."""

    def _put_back(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return replacements[number - 1] if 0 < number <= len(replacements) else match.group(0)

    return _ANY.sub(_put_back, text)
