"""A dictionary engine for tests and demos: no model, fully predictable."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

__all__ = ["FakeEngine"]


class FakeEngine:
    """Translate by looking texts up in `table`; `fallback` handles the rest (None: fail)."""

    name = "fake"

    def __init__(
        self,
        table: Mapping[str, str] | None = None,
        *,
        fallback: Callable[[str], str | None] | None = None,
    ) -> None:
        self.table = dict(table or {})
        self.fallback = fallback
        self.calls: list[list[str]] = []

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        """Return the table's translation of each text, or the fallback's, or None."""
        self.calls.append(list(texts))
        out: list[str | None] = []
        for text in texts:
            if text in self.table:
                out.append(self.table[text])
            else:
                out.append(self.fallback(text) if self.fallback else None)
        return out
