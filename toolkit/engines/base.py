"""The engine protocol: routes of legs that translate whole batches, with n-best lists.

An `Engine` answers `route(source, target)` with one or more `Leg`s (de→ja is de→en→ja with Argos
models). Each leg translates a batch in one call and returns a `Translation` per text: its n-best
hypotheses, flags (``truncated``, ``split``) or the reason it failed. `run_route` chains the legs;
a `choose` callback may pick among a leg's hypotheses (terminology reranking does) before the
next leg runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..model import TermCheck

__all__ = ["Choose", "Engine", "Hypothesis", "Leg", "Progress", "Translation", "run_route"]

Progress = Callable[[int, int], None]  # (segments done, total)


@dataclass(frozen=True, slots=True)
class Hypothesis:
    """One candidate translation with the model's score (higher is better)."""

    text: str
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Translation:
    """What an engine made of one text: n-best hypotheses, or the reason it failed."""

    hypotheses: tuple[Hypothesis, ...] = ()
    flags: tuple[str, ...] = ()
    error: str = ""
    pivot: tuple[str, ...] = field(default=(), compare=False)  # chosen text after each leg
    checks: tuple[TermCheck, ...] = ()  # terms and protected items, when a glossary was held

    @property
    def text(self) -> str | None:
        """Return the best hypothesis, or None when the engine failed."""
        return self.hypotheses[0].text if self.hypotheses else None

    @property
    def failed(self) -> bool:
        """Return whether there is no translation."""
        return not self.hypotheses


@runtime_checkable
class Leg(Protocol):
    """One model translating from one language to another."""

    source: str
    target: str

    @property
    def fingerprint(self) -> str:
        """Return what identifies the model and its settings, for the cache key."""
        ...

    def translate(
        self, texts: Sequence[str], *, n_best: int = 1, progress: Progress | None = None
    ) -> list[Translation]:
        """Return one `Translation` per text, the whole batch in one go."""
        ...


@runtime_checkable
class Engine(Protocol):
    """Something that can build a route of legs between two languages."""

    name: str

    def route(self, source: str, target: str) -> Sequence[Leg]:
        """Return the legs that translate `source` into `target` (EngineError if none)."""
        ...


# choose(leg_index, leg, source_texts, translations) -> chosen hypothesis index per text
Choose = Callable[[int, Leg, Sequence[str], Sequence[Translation]], Sequence[int]]


def run_route(
    legs: Sequence[Leg],
    texts: Sequence[str],
    *,
    n_best: int = 1,
    choose: Choose | None = None,
    progress: Progress | None = None,
) -> list[Translation]:
    """Translate `texts` through every leg of the route; the last leg's n-best is kept.

    Between legs the chosen hypothesis (the best, or what `choose` picks) feeds the next leg.
    A text that fails on one leg is not sent to the next and comes back failed.
    """
    current = list(texts)
    alive = list(range(len(texts)))
    results: list[Translation] = [Translation() for _ in texts]
    flags: list[tuple[str, ...]] = [() for _ in texts]
    pivots: list[tuple[str, ...]] = [() for _ in texts]
    total = len(texts) * len(legs)
    for index, leg in enumerate(legs):
        done_before = index * len(texts)

        def leg_progress(done: int, _total: int, offset: int = done_before) -> None:
            if progress is not None:
                progress(offset + done, total)

        inputs = [current[i] for i in alive]
        out = leg.translate(inputs, n_best=n_best, progress=leg_progress) if inputs else []
        picks = list(choose(index, leg, inputs, out)) if choose else [0] * len(out)
        next_alive = []
        for i, translation, pick in zip(alive, out, picks, strict=True):
            flags[i] = tuple(dict.fromkeys(flags[i] + translation.flags))
            if translation.failed:
                results[i] = Translation(flags=flags[i], error=translation.error)
                continue
            chosen = translation.hypotheses[pick]
            current[i] = chosen.text
            pivots[i] = (*pivots[i], chosen.text)
            results[i] = Translation(
                hypotheses=(
                    chosen,
                    *(h for j, h in enumerate(translation.hypotheses) if j != pick),
                ),
                flags=flags[i],
                pivot=pivots[i],
            )
            next_alive.append(i)
        alive = next_alive
    if progress is not None:
        progress(total, total)
    return results
