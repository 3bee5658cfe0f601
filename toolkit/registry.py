"""What dejakit's extension points share: named entries in registration order, code by reference.

Input formats (`toolkit.ingest.registry`), output formats (`toolkit.render.registry`) and
engines (`toolkit.engines.registry`) are each a `Registry` of small frozen entries. An entry
names its code as ``"module:function"``; `load` imports it only when that format or engine is
used, so ``dejakit --help`` never loads WeasyPrint, python-docx or CTranslate2. Registering an
entry of a name that exists replaces it; for files, the newest entry that takes a suffix wins.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterable, Iterator
from typing import Any, Generic, Protocol, TypeVar

__all__ = ["Registry", "for_suffix", "load", "suffixes"]


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class _ForFiles(_Named, Protocol):
    @property
    def suffixes(self) -> tuple[str, ...]: ...


E = TypeVar("E", bound=_Named)
F = TypeVar("F", bound=_ForFiles)


class Registry(Generic[E]):
    """Entries by name, in the order they were registered (built-in ones first)."""

    def __init__(self, builtin: Iterable[E]) -> None:
        self._entries = {entry.name: entry for entry in builtin}

    def register(self, entry: E) -> None:
        """Add `entry`, or replace the one of the same name; either way it now comes last."""
        self._entries.pop(entry.name, None)
        self._entries[entry.name] = entry

    def entries(self) -> tuple[E, ...]:
        """Return every entry, in registration order."""
        return tuple(self._entries.values())

    def names(self) -> tuple[str, ...]:
        """Return the names, in registration order."""
        return tuple(self._entries)

    def get(self, name: str) -> E | None:
        """Return the entry called `name`, or None."""
        return self._entries.get(name)

    @contextlib.contextmanager
    def restored(self) -> Iterator[None]:
        """Undo, on leaving the block, what was registered inside it (a test's toy entries)."""
        saved = dict(self._entries)
        try:
            yield
        finally:
            self._entries = saved


def for_suffix(registry: Registry[F], suffix: str) -> F | None:
    """Return the newest entry of `registry` that takes `suffix` (lower case, with the dot)."""
    return next((e for e in reversed(registry.entries()) if suffix in e.suffixes), None)


def suffixes(registry: Registry[F]) -> tuple[str, ...]:
    """Return the suffixes the entries of `registry` take, each once, in registration order."""
    return tuple(dict.fromkeys(s for entry in registry.entries() for s in entry.suffixes))


def load(reference: str) -> Any:
    """Import and return the object that `reference` (``"module:function"``) names."""
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)
