"""German hyphenation points for compound matching, with Pyphen's parsed patterns cached.

Pyphen parses its 100,000-line ``hyph_de_DE.dic`` on every start (~1.2 s, most of what holding
a short job to the glossary used to cost). The parsed patterns are plain data (strings and
tuples of small integers), so they are kept with `marshal` — which loads data, never code —
in the user's cache folder (``$XDG_CACHE_HOME/dejakit``), keyed on the Pyphen version and the
dictionary file's size and time: ~0.1 s to load. Any problem with the cache falls back to
Pyphen's own parsing.
"""

from __future__ import annotations

import functools
import logging
import marshal
import os
from pathlib import Path
from typing import Any, Protocol

from ..fileio import write_bytes_atomic

__all__ = ["hyphenator"]

LOGGER = logging.getLogger(__name__)
_LANG = "de_DE"


class Hyphenator(Protocol):
    """What we use of `pyphen.Pyphen`, which ships no type hints."""

    def positions(self, word: str) -> list[int]: ...


@functools.lru_cache(maxsize=1)
def hyphenator() -> Hyphenator:
    """Return the German hyphenator, its patterns read from the cache when they can be."""
    import pyphen  # type: ignore[import-untyped]

    path = Path(pyphen.LANGUAGES[_LANG])
    cache = _cache_file(path, getattr(pyphen, "__version__", "0"))
    patterns = _read(cache) if cache is not None else None
    if patterns is None:
        result: Hyphenator = pyphen.Pyphen(lang=_LANG)
        if cache is not None:
            _write(cache, result)
        return result
    hyph: Any = pyphen.Pyphen.__new__(pyphen.Pyphen)
    table: Any = pyphen.HyphDict.__new__(pyphen.HyphDict)
    table.patterns, table.cache = patterns, {}
    table.maxlen = max(len(key) for key in patterns)
    hyph.hd, hyph.left, hyph.right = table, 2, 2  # Pyphen's defaults
    return hyph  # type: ignore[no-any-return]


def _cache_file(dic: Path, version: str) -> Path | None:
    try:
        stat = dic.stat()
    except OSError:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "dejakit" / f"pyphen-{_LANG}-{version}-{stat.st_size}-{stat.st_mtime_ns}.marshal"


def _read(cache: Path) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    try:
        data = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) and data else None


def _write(cache: Path, hyph: Any) -> None:
    patterns = hyph.hd.patterns
    # Alternative-spelling patterns are objects, not data: such a dictionary is not cached.
    if not all(isinstance(v, int) for _, values in patterns.values() for v in values):
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(cache, marshal.dumps(patterns))
    except OSError as exc:  # a read-only home: parse again next time
        LOGGER.debug("can't cache the hyphenation patterns in %s: %s", cache, exc)
