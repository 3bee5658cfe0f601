"""German sentence rules that the generic segmenter misses.

A piece boundary is removed again when the text around it is clearly one sentence: the boundary
sits inside a token (``NRW.Energy4Climate``, ``presse@nrw.de``), follows an abbreviation that never
ends a sentence (``Dr.``, ``z. B.``, ``Nr.``), or an ordinal number (``am 15. Januar``), or the next
piece starts in lower case (German sentences start with a capital or a digit).
"""

from __future__ import annotations

import re

from ..localize import DE_MONTH_NUMBERS

__all__ = ["LONG_QUOTE", "NON_FINAL_ABBREVIATIONS", "repair_pieces"]

# Abbreviations after which a German sentence practically never ends. Sentence-final ones
# ("usw.", "etc.", "Mio.") are left out on purpose: the segmenter decides those.
NON_FINAL_ABBREVIATIONS = frozenset(
    """
    Abb Abs Abt Art Bd Betr bspw bzgl bzw ca Dipl Dr Fa Fr gem ggf Hr Hrsg i.A i.d.R inkl
    Ing insb Jh Kap lt max med mind Mr Mrs Nr o.ä Prof rd S sog St Str Tel u.a u.ä usf v.a
    vgl z.B z.T zzgl d.h o.g s.o s.u u.U e.V Ziff Verf Dipl.-Ing Reg.-Präs Min
    """.split()
)


_LAST_WORD = re.compile(r"(?:^|[\s(„\"'])((?:[^\W\d_]{1,12}\.\s?){0,2}[^\W\d_]{1,12})\.\s*$")
_ORDINAL = re.compile(r"(?:^|[\s(])\d{1,2}\.\s*$")
_INITIAL = re.compile(r"(?:^|\s)[A-ZÄÖÜ]\.\s*$")
_MONTH_START = re.compile(r"^(?:" + "|".join(DE_MONTH_NUMBERS) + r")\b")
# An ordinal after an article or a contracted preposition: „des 35. Jubiläums“, „zum 10. Mal“.
_ARTICLE_ORDINAL = re.compile(
    r"(?:^|\s)(?:der|die|das|des|dem|den|zum|zur|am|im|vom|beim|ihr(?:e[mnrs]?)?|sein(?:e[mnrs]?)?|"
    r"unser(?:e[mnrs]?)?|diese[mnrs]?|jede[mnrs]?)\s+\d{1,4}\.\s*$",
    re.IGNORECASE,
)
_MARKER_ONLY = re.compile(r"^\s*(?:\d{1,2}[.)]|[(（]\d{1,2}[)）])\s*$")
# A sentence end inside a quotation: „Erster Satz. Zweiter Satz.“
_QUOTED_END = re.compile(r"(?<=[a-zäöüßA-ZÄÖÜ\d)]{2}[.!?])\s+(?=[A-ZÄÖÜ„\"])")
# A quotation longer than this (characters) is split into its sentences.
LONG_QUOTE = 250


def repair_pieces(pieces: list[str]) -> list[str]:
    """Return `pieces` with the false sentence boundaries joined again."""
    out: list[str] = []
    for piece in (part for whole in pieces for part in _split_quoted(whole)):
        if out and _joins(out[-1], piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _split_quoted(piece: str) -> list[str]:
    """Split a long piece holding a quotation at the sentence ends inside it.

    The generic segmenter keeps a quotation in one piece however many sentences it has; a
    five-sentence quote would make one long row and one long MT input. A short quotation
    („Wir freuen uns. Das ist ein guter Tag“, sagt …) stays one segment with its speaker. The
    usual repairs (abbreviations, ordinals, initials) join false boundaries again.
    """
    if len(piece) <= LONG_QUOTE or not re.search(r"[„“\"»«]", piece):
        return [piece]
    parts: list[str] = []
    start = 0
    for match in _QUOTED_END.finditer(piece):
        parts.append(piece[start : match.end()])
        start = match.end()
    parts.append(piece[start:])
    return [p for p in parts if p]


def _joins(left: str, right: str) -> bool:
    if not left.strip() or not right.strip():
        return True
    if not left[-1].isspace():
        # No space at the boundary: a dot inside a token such as NRW.Energy4Climate or an
        # address; the generic segmenter splits those at the dot.
        return True
    first = right.lstrip()[0]
    if first.islower():
        return True
    if _abbreviation_before(left) or _MARKER_ONLY.match(left):
        return True
    if _ARTICLE_ORDINAL.search(left):
        return True
    if _ORDINAL.search(left) and (_MONTH_START.match(right.lstrip()) or first.isdigit()):
        return True
    return bool(_INITIAL.search(left) and first.isupper() and not left.rstrip()[:-2].endswith("."))


def _abbreviation_before(left: str) -> bool:
    match = _LAST_WORD.search(left)
    if not match:
        return False
    word = match.group(1).replace(" ", "")
    return word in NON_FINAL_ABBREVIATIONS or word.lower() in _LOWER_ABBREVIATIONS


_LOWER_ABBREVIATIONS = frozenset(a.lower() for a in NON_FINAL_ABBREVIATIONS if a[0].islower())
