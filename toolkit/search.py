"""Search the glossaries and the translation memory for a word, in German or Japanese.

Matching is by the memory's own key (NFKC + casefold), so "wasserstoff" finds "Wasserstoff"
and full-width letters find half-width ones. The web page's search and any command-line search
share this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .memory import TranslationMemory, TranslationUnit, match_key

if TYPE_CHECKING:
    from .glossary.model import Entry, Glossary

__all__ = ["GlossaryHit", "SearchResult", "search_all", "search_glossary", "search_memory"]

DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class GlossaryHit:
    """A glossary entry one of whose forms holds the query."""

    entry: Entry
    exact: bool  # a form equals the query (listed first)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What a search found, best first, and whether more was cut off."""

    query: str
    glossary: tuple[GlossaryHit, ...]
    memory: tuple[TranslationUnit, ...]
    more_glossary: bool = False
    more_memory: bool = False


def _forms(entry: Entry) -> Iterable[str]:
    yield from entry.forms("de")
    yield from entry.forms("ja")
    if entry.en:
        yield entry.en
    if entry.reading:
        yield entry.reading
    if entry.romaji:
        yield entry.romaji


def search_glossary(
    glossary: Glossary, query: str, *, limit: int = DEFAULT_LIMIT
) -> tuple[list[GlossaryHit], bool]:
    """Return the entries of `glossary` with a form holding `query` (exact first), and
    whether more than `limit` matched."""
    key = match_key(query)
    if not key:
        return [], False
    hits = []
    for entry in glossary:
        keys = [match_key(f) for f in _forms(entry)]
        if any(key in k for k in keys):
            hits.append(GlossaryHit(entry, exact=key in keys))
    hits.sort(key=lambda h: (not h.exact, h.entry.de.casefold()))
    return hits[:limit], len(hits) > limit


def search_memory(
    memory: TranslationMemory,
    query: str,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> tuple[list[TranslationUnit], bool]:
    """Return the served memory units whose source or target holds `query`, and whether more
    than `limit` matched."""
    key = match_key(query)
    if not key:
        return [], False
    found: list[TranslationUnit] = []
    for unit in memory.units(source_lang, target_lang):
        if key in match_key(unit.source) or key in match_key(unit.target):
            found.append(unit)
            if len(found) > limit:
                return found[:limit], True
    return found, False


def search_all(
    query: str, *, glossary: Glossary | None, memory: TranslationMemory | None
) -> SearchResult:
    """Return what `glossary` and `memory` hold for `query`."""
    hits, more_g = search_glossary(glossary, query) if glossary is not None else ([], False)
    units, more_m = search_memory(memory, query) if memory is not None else ([], False)
    return SearchResult(query.strip(), tuple(hits), tuple(units), more_g, more_m)
