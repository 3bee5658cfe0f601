"""The translation memory: versioned approved translations, review records, fuzzy matches.

`store` holds the versions and the rules for which one is served; `schema` the tables and the
migrations; `fuzzy` the near matches; `reviews` what was sent out for review and what came back.
"""

from __future__ import annotations

from .fuzzy import FUZZY_THRESHOLD, suggest
from .schema import SCHEMA_VERSION
from .store import (
    Conflict,
    ImportResult,
    MemoryStats,
    TranslationMemory,
    TranslationUnit,
    UnitKind,
    default_memory_path,
    match_key,
    utc_now,
)

__all__ = [
    "FUZZY_THRESHOLD",
    "SCHEMA_VERSION",
    "Conflict",
    "ImportResult",
    "MemoryStats",
    "TranslationMemory",
    "TranslationUnit",
    "UnitKind",
    "default_memory_path",
    "match_key",
    "suggest",
    "utc_now",
]
