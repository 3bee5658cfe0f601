"""translate_document(): the stages joined — memory first, then the engine, the rest marked.

Approved translations from the memory win over machine translation. Segments that hold nothing
to translate (an e-mail address, a phone number, a URL) are copied and marked ``verbatim``.
Whatever neither the memory nor the engine translates stays untranslated (target None) and every
renderer shows it as such.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from .engines.base import Engine
from .errors import ConfigError
from .memory import TranslationMemory
from .model import LANGS, Document, Lang, Origin

__all__ = ["is_verbatim", "translate_document"]

LOGGER = logging.getLogger(__name__)

_NON_LINGUISTIC = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|(?:https?://|www\.)\S+"  # URL
    r"|[+(]?\d[\d\s()./:-]*\d"  # numbers, phone numbers, dates in digits
)

Progress = Callable[[int, int], None]


def is_verbatim(text: str) -> bool:
    """Return whether `text` holds no words to translate (only addresses, numbers, symbols)."""
    rest = _NON_LINGUISTIC.sub("", text)
    return not any(c.isalpha() for c in rest)


def translate_document(
    doc: Document,
    *,
    target_lang: Lang,
    memory: TranslationMemory | None = None,
    engine: Engine | None = None,
) -> Document:
    """Return `doc` with every segment translated into `target_lang` that can be.

    Memory hits come first (origin ``memory``), then one batched engine call for the rest
    (origin ``engine``); segments neither can translate keep ``target=None``.
    """
    if target_lang not in LANGS:
        raise ConfigError(f"unsupported target language {target_lang!r}; use one of {LANGS}")
    if target_lang == doc.source_lang:
        raise ConfigError(
            f"{doc.source_name}: the document is already in {target_lang}; "
            f"choose --to {'ja' if target_lang == 'de' else 'de'}"
        )
    segments = list(doc.segments())
    targets: dict[str, tuple[str, Origin]] = {}
    LOGGER.info("Step 1/3 - Looking up %d segments in the memory", len(segments))
    if memory is not None:
        hits = memory.lookup([s.source for s in segments], doc.source_lang, target_lang)
        for seg in segments:
            if seg.source in hits:
                targets[seg.id] = (hits[seg.source], "memory")
    for seg in segments:
        if seg.id not in targets and is_verbatim(seg.source):
            targets[seg.id] = (seg.source, "verbatim")
    pending = [s for s in segments if s.id not in targets]
    if engine is not None and pending:
        LOGGER.info("Step 2/3 - Translating %d segments with %s", len(pending), engine.name)
        unique = list(dict.fromkeys(s.source for s in pending))
        results = dict(
            zip(unique, engine.translate_batch(unique, doc.source_lang, target_lang), strict=True)
        )
        for seg in pending:
            text = results.get(seg.source)
            if text is not None and text.strip():
                targets[seg.id] = (text.strip(), "engine")
    LOGGER.info("Step 3/3 - %d of %d segments translated", len(targets), len(segments))
    return doc.with_targets(targets, target_lang)
