"""Fuzzy matches: near matches from the memory, offered to the reviewer and never applied.

The score is the one translators know from their CAT tools: a 0–100 similarity of the two
sources (rapidfuzz's normalised Indel ratio over the match keys, so case and full-width forms
don't lower it). 100 is an exact match and never a suggestion: exact matches are memory hits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Suggestion
from .store import match_key

if TYPE_CHECKING:
    from .store import TranslationMemory, TranslationUnit

__all__ = ["FUZZY_THRESHOLD", "suggest"]

FUZZY_THRESHOLD = 75  # below 75 % a match costs a translator more than it saves


def suggest(
    memory: TranslationMemory,
    sources: Sequence[str],
    source_lang: str,
    target_lang: str,
    *,
    threshold: int = FUZZY_THRESHOLD,
    limit: int = 3,
) -> dict[str, tuple[Suggestion, ...]]:
    """Return up to `limit` near matches (score ≥ `threshold`, < 100) for each of `sources`."""
    from rapidfuzz import fuzz, process

    # The served units and their keys, kept until this or another connection writes
    # (PRAGMA data_version changes when another connection commits).
    version = memory._query("PRAGMA data_version", [])[0][0]
    cached = memory._fuzzy_cache.get((source_lang, target_lang))
    if cached is None or cached[0] != version:
        served = list(memory.units(source_lang, target_lang))
        cached = (version, served, [match_key(u.source) for u in served])
        memory._fuzzy_cache[(source_lang, target_lang)] = cached
    units: list[TranslationUnit] = cached[1]
    keys: list[str] = cached[2]
    if not units:
        return {}
    found: dict[str, tuple[Suggestion, ...]] = {}
    for source in dict.fromkeys(sources):
        key = match_key(source)
        matches = process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit + 1
        )
        best = [
            Suggestion(
                source=units[i].source,
                target=units[i].target,
                score=int(score),
                origin=units[i].origin,
                approved=units[i].approved,
            )
            for _, score, i in matches
            if keys[i] != key and int(score) < 100
        ][:limit]
        if best:
            found[source] = tuple(best)
    return found
