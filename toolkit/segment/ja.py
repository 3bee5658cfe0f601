"""Japanese sentence rules that the generic segmenter misses.

Japanese puts no space after 。, so boundaries are found from punctuation alone. The generic
segmenter ends a sentence after a closing quote; when the quote is followed by a speaker clause
(「……。」と述べました。) the quote and the clause are one sentence and are joined again.
"""

from __future__ import annotations

import re

__all__ = ["CLOSING_BRACKETS", "LONG_QUOTE", "SENTENCE_END", "repair_pieces"]

SENTENCE_END = "。！？!?…"
CLOSING_BRACKETS = "」』）)】〕"
# Particles and punctuation that continue a sentence after a closing quote.
_CONTINUATIONS = ("と", "って", "など", "、", "，", "は", "が", "を", "に", "の", "も", "で", "や")


# A quotation longer than this (characters) is split into its sentences.
LONG_QUOTE = 120
_OPENING_BRACKETS = "「『（(【〔"
_FULL_STOPS = "。！？"


def repair_pieces(pieces: list[str]) -> list[str]:
    """Return `pieces` with missed boundaries split and false ones joined again."""
    split = [part for piece in pieces for part in _split_missed(piece)]
    out: list[str] = []
    for piece in split:
        if out and _joins(out[-1], piece):
            out[-1] += piece
        else:
            out.append(piece)
    return [part for piece in out for part in _split_long_quote(piece)]


def _split_long_quote(piece: str) -> list[str]:
    """Split a sentence with a long quotation at the sentence ends inside the quotation.

    „知事は「……。……。……。」と述べました。“ as one segment makes a long row and a long MT
    input; each quoted sentence becomes a segment, the closing „」と述べました。“ stays with the
    last one.
    """
    if len(piece) <= LONG_QUOTE or "「" not in piece:
        return [piece]
    out: list[str] = []
    for part in _split_missed(piece, inside=True):
        tail = out[-1].rstrip() if out else ""
        if out and (
            not part.strip()
            or (tail[-1:] in CLOSING_BRACKETS and part.lstrip().startswith(_CONTINUATIONS))
        ):
            out[-1] += part
        else:
            out.append(part)
    return out


def _split_missed(piece: str, *, inside: bool = False) -> list[str]:
    """Split `piece` after every 。！？ outside brackets (`inside`: inside brackets too).

    The generic segmenter misses a boundary before a digit (…出展します。2026年…).
    """
    parts: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(piece):
        if char in _OPENING_BRACKETS:
            depth += 1
        elif char in CLOSING_BRACKETS:
            depth = max(0, depth - 1)
        elif char in _FULL_STOPS and (depth == 0 or inside):
            end = i + 1
            while end < len(piece) and piece[end] in _FULL_STOPS + CLOSING_BRACKETS + " 　":
                end += 1
            if end < len(piece) and end > start:
                parts.append(piece[start:end])
                start = end
    parts.append(piece[start:])
    return [p for p in parts if p]


def _joins(left: str, right: str) -> bool:
    if not left.strip() or not right.strip():
        return True
    tail = left.rstrip()
    head = right.lstrip()
    if tail[-1] in CLOSING_BRACKETS and head.startswith(_CONTINUATIONS):
        return True
    if left[-1] == "." and head[0].isascii() and head[0].isalnum():
        # "NRW." + "Energy4Climate": a dot inside a Latin token, not a sentence end.
        return True
    if re.fullmatch(r"\s*(?:\d{1,2}[.)．]|[(（]\d{1,2}[)）]|[①-⑳])\s*", left):
        return True  # "1." is the list number of what follows, never a sentence
    # An unbalanced 「 means the generic segmenter cut inside a quotation (a long quotation is
    # split into its sentences afterwards, on purpose).
    return tail.count("「") > tail.count("」")
