"""translate_document(): the stages joined — memory first, then the cache, then the engine.

Approved translations from the memory win over machine translation; near (fuzzy) matches are
attached as suggestions and never applied. Segments that hold nothing
to translate (an e-mail address, a phone number, a URL) are copied and marked ``verbatim``.
The rest goes to the engine in one batched job per route; its results are cached (keyed by the
models, their settings and the text), so an unchanged segment is never translated twice.
Whatever neither memory nor engine translates stays untranslated (target None), visibly.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .contacts import EMAIL_PATTERN, URL_PATTERN
from .engines.base import Engine, Hypothesis, Progress, Translation, run_route
from .errors import ConfigError
from .memory import TranslationMemory
from .model import LANGS, BlockKind, Document, Lang, Origin, Suggestion, TermCheck, check_to_dict

if TYPE_CHECKING:
    from .glossary.model import Glossary
    from .terms import TermEnforcer

__all__ = ["cache_key", "is_verbatim", "translate_document", "translate_texts"]

LOGGER = logging.getLogger(__name__)

_NON_LINGUISTIC = re.compile(
    f"{EMAIL_PATTERN}|{URL_PATTERN}"
    r"|[+(]?\d[\d\s()./:-]*\d"  # numbers, phone numbers, dates in digits
)


def is_verbatim(text: str) -> bool:
    """Return whether `text` holds no words to translate (only addresses, numbers, symbols)."""
    rest = _NON_LINGUISTIC.sub("", text)
    return not any(c.isalpha() for c in rest)


def cache_key(fingerprint: str, source_lang: str, target_lang: str, text: str) -> str:
    """Return the cache key of `text` translated by the route with `fingerprint`."""
    raw = json.dumps([fingerprint, source_lang, target_lang, text], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def translate_texts(
    texts: Sequence[str],
    *,
    engine: Engine,
    source_lang: str,
    target_lang: str,
    memory: TranslationMemory | None = None,
    progress: Progress | None = None,
    enforcer: TermEnforcer | None = None,
    counts: dict[str, int] | None = None,
) -> list[Translation]:
    """Return a Translation for each of `texts`, from the cache where possible.

    Only cache misses reach the engine, all in one batched run of the route; with an
    `enforcer` the run holds the output to its glossary. `counts` receives how many distinct
    texts came from the cache (``cached``) and how many went to the engine (``sent``).
    """
    legs = engine.route(source_lang, target_lang)
    fingerprint = f"{engine.name}|" + "|".join(leg.fingerprint for leg in legs)
    if enforcer is not None:
        fingerprint += f"|{enforcer.version}"
    unique = list(dict.fromkeys(texts))
    keys = {t: cache_key(fingerprint, source_lang, target_lang, t) for t in unique}
    cached = memory.cached(list(keys.values())) if memory is not None else {}
    results: dict[str, Translation] = {
        t: _from_json(cached[k]) for t, k in keys.items() if k in cached
    }
    misses = [t for t in unique if t not in results]
    LOGGER.info("%d segments cached, %d to translate", len(results), len(misses))
    if counts is not None:
        counts.update(cached=len(results), sent=len(misses))
    if misses:
        if enforcer is not None:
            fresh = enforcer.translate(
                legs, misses, source=source_lang, target=target_lang, progress=progress
            )
        else:
            fresh = run_route(legs, misses, progress=progress)
        results.update(zip(misses, fresh, strict=True))
        if memory is not None:
            memory.store_cached(
                (keys[t], source_lang, target_lang, t, _to_json(r))
                for t, r in zip(misses, fresh, strict=True)
                if not r.failed
            )
    elif progress is not None:
        progress(len(texts), len(texts))
    return [results[t] for t in texts]


def translate_document(
    doc: Document,
    *,
    target_lang: Lang,
    memory: TranslationMemory | None = None,
    engine: Engine | None = None,
    glossary: Glossary | None = None,
    progress: Progress | None = None,
) -> Document:
    """Return `doc` with every segment translated into `target_lang` that can be.

    Memory hits come first (origin ``memory``), then the engine for the rest (origin
    ``engine``, cached in the memory file); segments neither can translate keep ``target=None``.
    With a `glossary`, machine translation is held to it (see `toolkit.terms`).
    """
    if target_lang not in LANGS:
        raise ConfigError(f"unsupported target language {target_lang!r}; use one of {LANGS}")
    if target_lang == doc.source_lang:
        raise ConfigError(
            f"{doc.source_name}: the document is already in {target_lang}; "
            f"choose --to {'ja' if target_lang == 'de' else 'de'}"
        )
    # Site furniture (breadcrumbs, site labels, photo credits) is kept as read, never translated.
    furniture = [s for b in doc.blocks if b.kind is BlockKind.FURNITURE for s in b.segments]
    segments = [s for b in doc.blocks if b.kind is not BlockKind.FURNITURE for s in b.segments]
    targets: dict[str, tuple[str, Origin]] = {s.id: (s.source, "verbatim") for s in furniture}
    flags: dict[str, tuple[str, ...]] = {}
    checks: dict[str, tuple[TermCheck, ...]] = {}
    pivots: dict[str, str] = {}
    suggestions: dict[str, tuple[Suggestion, ...]] = {}
    LOGGER.info("Step 1/3 - Looking up %d segments in the memory", len(segments))
    if memory is not None:
        hits = memory.lookup_units([s.source for s in segments], doc.source_lang, target_lang)
        for seg in segments:
            unit = hits.get(seg.source)
            if unit is not None:
                targets[seg.id] = (unit.target, "memory")
                if unit.approved:
                    flags[seg.id] = ("approved",)
    for seg in segments:
        if seg.id not in targets and is_verbatim(seg.source):
            targets[seg.id] = (seg.source, "verbatim")
    if memory is not None:
        # Near matches are suggestions for the reviewer only: the segment still goes to the
        # engine, and its status says a fuzzy match exists.
        from .memory import suggest

        rest = [s for s in segments if s.id not in targets]
        near = suggest(memory, [s.source for s in rest], doc.source_lang, target_lang)
        suggestions = {s.id: near[s.source] for s in rest if s.source in near}
    pending = [s for s in segments if s.id not in targets]
    counts = {"sent": 0}
    if engine is not None and pending:
        LOGGER.info("Step 2/3 - Translating %d segments with %s", len(pending), engine.name)
        enforcer = None
        if glossary is not None:
            from .terms import TermEnforcer

            enforcer = TermEnforcer(glossary, year=doc.date.year if doc.date else None)
        results = translate_texts(
            [s.source for s in pending],
            engine=engine,
            source_lang=doc.source_lang,
            target_lang=target_lang,
            memory=memory,
            progress=progress,
            enforcer=enforcer,
            counts=counts,
        )
        for seg, result in zip(pending, results, strict=True):
            text = (result.text or "").strip()
            if result.failed or not text:
                flags[seg.id] = (*result.flags, "failed")
                if result.error:
                    LOGGER.warning("%s: %s", seg.id, result.error)
                continue
            targets[seg.id] = (text, "engine")
            if result.flags:
                flags[seg.id] = result.flags
            if result.checks:
                checks[seg.id] = result.checks
            if len(result.pivot) > 1:  # the text after the first leg is the English pivot
                pivots[seg.id] = result.pivot[0]
    LOGGER.info(
        "Step 3/3 - %d of %d segments translated", len(targets) - len(furniture), len(segments)
    )
    out = doc.with_targets(targets, target_lang, flags, checks, pivots, suggestions)
    # How many texts the engine was asked for: a revised release sends only new and changed
    # segments (the rest come from the memory or the cache).
    return replace(out, meta={**out.meta, "engine_segments": str(counts["sent"])})


def _to_json(result: Translation) -> str:
    return json.dumps(
        {
            "hypotheses": [[h.text, h.score] for h in result.hypotheses],
            "flags": list(result.flags),
            "pivot": list(result.pivot),
            "checks": [check_to_dict(c) for c in result.checks],
        },
        ensure_ascii=False,
    )


def _from_json(data: str) -> Translation:
    raw = json.loads(data)
    return Translation(
        hypotheses=tuple(Hypothesis(text, float(score)) for text, score in raw["hypotheses"]),
        flags=tuple(raw.get("flags", ())),
        pivot=tuple(raw.get("pivot", ())),
        checks=tuple(TermCheck(**c) for c in raw.get("checks", ())),
    )
