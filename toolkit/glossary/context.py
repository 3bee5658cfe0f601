"""Who is meant: the context that decides an equivalent (首相 of a Land, the Federation, Japan).

An entry whose equivalent depends on who is meant lists it per context (``context_de`` for a
Japanese mention, ``context_ja`` for a German one). Other entries set a context where they are
mentioned: a German Land or its head (``context = "land"``), the Federation, Japan and its
prefectures, a city-state. A title written with a person's name takes that person's context
(Ministerpräsident Weil, ヴァイル首相); otherwise a hit takes the context of the nearest other
mention in its text, before it or (at half the weight) after it; a Japanese title right after
州 belongs to a Land (ヘッセン州副首相). Where nothing in reach decides, or two contexts are
equally near, the hit is marked for review instead of guessed; `scan_document` lets the
document's one context decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Lang
from .model import TermHit

__all__ = ["REACH", "document_context", "resolve_contexts"]

REACH = 80  # characters between a hit and a mention that still decides its context
_NAME_GAP = 2  # a name this close to a title is the title holder's ("Ministerpräsident Weil")
# Japanese words right before a title that say whose it is (no glossary entry: too short).
_JA_BEFORE = (("州", "land"), ("連邦", "federal"), ("県", "japan"), ("日本国", "japan"))


def resolve_contexts(
    text: str, lang: Lang, hits: Sequence[TermHit], *, default: str = ""
) -> list[TermHit]:
    """Return `hits` with the context of each hit whose equivalent depends on one.

    `default` (the document's context, if it has one) decides what the text around a hit
    doesn't; without it such a hit is marked `review`.
    """
    other = "ja" if lang == "de" else "de"
    if not any(_table(h, other) for h in hits):
        return list(hits)
    cues = [(h.start, h.end, h.entry.context, h.entry.type == "person") for h in hits if _sets(h)]
    out: list[TermHit] = []
    for hit in hits:
        table = _table(hit, other)
        if not table:
            out.append(hit)
            continue
        context = _nearest(text, lang, hit, cues)
        if context is None and default:
            context = default
        if context is not None and context in table:
            out.append(replace(hit, context=context, review=False))
        else:
            out.append(replace(hit, context="", review=True))
    return out


def document_context(hits: Sequence[TermHit]) -> str:
    """Return the one context the mentions of a document agree on, or ""."""
    found = {h.entry.context for h in hits if _sets(h)}
    return found.pop() if len(found) == 1 else ""


def _sets(hit: TermHit) -> bool:
    """Return whether `hit` says who is meant: a context, and no doubt about its own (首相)."""
    return bool(hit.entry.context) and not _table(hit, "ja" if hit.lang == "de" else "de")


def _table(hit: TermHit, other: str) -> dict[str, str]:
    return dict(hit.entry.context_ja if other == "ja" else hit.entry.context_de)


def _nearest(
    text: str, lang: Lang, hit: TermHit, cues: list[tuple[int, int, str, bool]]
) -> str | None:
    """Return the context of the nearest mention around `hit`, or None if none or a tie."""
    if lang == "ja":
        for word, context in _JA_BEFORE:
            if text.endswith(word, 0, hit.start):
                return context
    # The person a title is written with decides first: German puts the name after the title
    # (Ministerpräsident Weil), Japanese before it (ヴァイル首相).
    for start, end, context, person in cues:
        if person and (
            (lang == "de" and 0 <= start - hit.end <= _NAME_GAP)
            or (lang == "ja" and 0 <= hit.start - end <= _NAME_GAP)
        ):
            return context
    scored: list[tuple[int, str]] = []
    for start, end, context, person in cues:
        if person:
            continue  # someone else's name says nothing about this title
        if end <= hit.start:
            distance = hit.start - end
        elif start >= hit.end:
            distance = 2 * (start - hit.end) + 1  # what follows decides less than what precedes
        else:
            continue  # the hit itself, or one overlapping it
        if distance <= REACH:
            scored.append((distance, context))
    if not scored:
        return None
    scored.sort()
    best = scored[0]
    if len(scored) > 1 and scored[1][0] == best[0] and scored[1][1] != best[1]:
        return None
    return best[1]
