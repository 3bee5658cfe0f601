"""A dictionary engine for tests and demos: no model, fully predictable."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .base import Hypothesis, Leg, Progress, Translation

__all__ = ["FakeEngine", "FakeLeg"]


class FakeLeg:
    """Translate by looking texts up in a table; `fallback` handles the rest (None: fail)."""

    def __init__(
        self,
        source: str,
        target: str,
        table: Mapping[str, str | Sequence[str]],
        fallback: Callable[[str], str | None] | None,
        calls: list[list[str]],
    ) -> None:
        self.source = source
        self.target = target
        self.table = table
        self.fallback = fallback
        self.calls = calls

    @property
    def fingerprint(self) -> str:
        """Return an identity for the cache: the table's size and the languages."""
        return f"fake:{self.source}-{self.target}:{len(self.table)}"

    def translate(
        self, texts: Sequence[str], *, n_best: int = 1, progress: Progress | None = None
    ) -> list[Translation]:
        """Return the table's hypotheses (a string, or a list for n-best) for each text."""
        self.calls.append(list(texts))
        out: list[Translation] = []
        for text in texts:
            found = self.table.get(text)
            if found is None and self.fallback is not None:
                found = self.fallback(text)
            if found is None:
                out.append(Translation(error="not in the table"))
                continue
            options = [found] if isinstance(found, str) else list(found)
            out.append(
                Translation(
                    hypotheses=tuple(
                        Hypothesis(option, -float(rank)) for rank, option in enumerate(options)
                    )[: max(n_best, 1)]
                )
            )
        if progress is not None:
            progress(len(texts), len(texts))
        return out


class FakeEngine:
    """A one-leg engine over a dictionary, for tests and ``--engine fake``-style demos."""

    name = "fake"

    def __init__(
        self,
        table: Mapping[str, str | Sequence[str]] | None = None,
        *,
        fallback: Callable[[str], str | None] | None = None,
    ) -> None:
        self.table = dict(table or {})
        self.fallback = fallback
        self.calls: list[list[str]] = []

    def route(self, source: str, target: str) -> list[Leg]:
        """Return a single direct leg over the table."""
        return [FakeLeg(source, target, self.table, self.fallback, self.calls)]
