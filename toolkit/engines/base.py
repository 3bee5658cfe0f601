"""The engine protocol: translate a batch of segments from one language to another."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

__all__ = ["Engine"]


@runtime_checkable
class Engine(Protocol):
    """Something that translates sentence-sized texts, a whole job per call.

    ``translate_batch`` returns one entry per input: the translation, or None where the engine
    failed for that text (the pipeline then leaves the segment untranslated, visibly).
    """

    name: str

    def translate_batch(
        self, texts: Sequence[str], source: str, target: str
    ) -> list[str | None]: ...
