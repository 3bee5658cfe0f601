"""Finding glossary terms in text and documents, with matchers compiled once per glossary."""

from __future__ import annotations

from typing import Protocol

from ..errors import GlossaryError
from ..model import LANGS, Document, Lang
from .context import document_context, resolve_contexts
from .match_de import GermanMatcher
from .match_ja import JapaneseMatcher
from .model import Glossary, TermHit

__all__ = ["find_terms", "scan_document"]


class _Matcher(Protocol):
    def find(self, text: str) -> list[TermHit]: ...


def find_terms(text: str, lang: Lang, glossary: Glossary, *, context: str = "") -> list[TermHit]:
    """Return the glossary hits in `text` written in `lang`, without overlaps, by position.

    A hit whose equivalent depends on who is meant gets its context from the mentions around
    it, else from `context` (the document's), else it is marked for review.
    """
    # The same text is scanned by enforcement, QA and the review notes: match it once.
    cache: dict[tuple[str, str, str], list[TermHit]] = glossary.memo("scan.find_terms", dict)
    key = (lang, context, text)
    hits = cache.get(key)
    if hits is None:
        if len(cache) > 20_000:
            cache.clear()
        hits = resolve_contexts(text, lang, _matcher(glossary, lang).find(text), default=context)
        cache[key] = hits
    return list(hits)


def scan_document(
    doc: Document, glossary: Glossary, *, target: bool = False
) -> dict[str, list[TermHit]]:
    """Return the hits per segment id of `doc` (its sources, or its targets if `target`).

    Segments without hits are left out; the dict keeps reading order.
    """
    lang = doc.target_lang if target else doc.source_lang
    if lang is None:
        raise GlossaryError(
            f"{doc.source_name or '<document>'}: the document has no target language; "
            "translate it before scanning its targets"
        )
    matcher = _matcher(glossary, lang)
    found: list[tuple[str, str, list[TermHit]]] = []
    for segment in doc.segments():
        text = segment.target if target else segment.source
        hits = matcher.find(text) if text else []
        if hits:
            found.append((segment.id, text or "", hits))
    # What the text around a hit leaves open, the document's one context decides.
    default = document_context([h for _, _, hits in found for h in hits])
    return {
        segment_id: resolve_contexts(text, lang, hits, default=default)
        for segment_id, text, hits in found
    }


def _matcher(glossary: Glossary, lang: Lang) -> _Matcher:
    """Return the compiled matcher for `lang`, built on first use and kept on `glossary`."""
    if lang not in LANGS:
        raise GlossaryError(f"no term matcher for language {lang!r}; use one of {LANGS}")
    if lang == "de":
        return glossary.memo("matcher:de", lambda: GermanMatcher(glossary))
    return glossary.memo("matcher:ja", lambda: JapaneseMatcher(glossary))
