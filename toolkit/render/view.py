"""The rows a parallel-text renderer draws, derived from a `Document` (renderers share this).

A row is one block: its source text and its target text as runs. An untranslated segment is a run
flagged ``untranslated`` that carries the source text, so every renderer can show it as such —
marked, never passed off as a translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Block, BlockKind, Document, Lang
from .labels import HANDOUT, joined

__all__ = ["UNTRANSLATED_LABEL", "Row", "Run", "build_rows", "summarize"]

UNTRANSLATED_LABEL = joined(HANDOUT["untranslated"])


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a cell: text, and whether it still waits for a translation."""

    text: str
    untranslated: bool = False
    line_break: bool = False  # a line break follows this run


@dataclass(frozen=True, slots=True)
class Row:
    """One aligned row of a parallel text."""

    block_id: str
    kind: BlockKind
    level: int
    source: tuple[Run, ...]
    target: tuple[Run, ...]
    speaker: str | None
    pivot: str | None = None  # the English pivot text of the block's segments, when known
    marker: str = ""  # a list number printed before the text ("1.", "（1）"); bullets are CSS

    @property
    def numbered(self) -> bool:
        """Return whether the row starts with a list number rather than a bullet."""
        return bool(self.marker)

    @property
    def untranslated(self) -> int:
        """Return how many runs of the target are untranslated."""
        return sum(r.untranslated for r in self.target)


def build_rows(doc: Document) -> list[Row]:
    """Return one `Row` per block of `doc`."""
    target_lang = doc.target_lang or doc.source_lang
    return [
        Row(
            block_id=b.id,
            kind=b.kind,
            level=b.level,
            source=_source_runs(b, doc.source_lang),
            target=_target_runs(b, target_lang, doc.source_lang),
            speaker=b.speaker,
            pivot=_pivot_text(b),
            marker=_number(b),
        )
        for b in doc.blocks
    ]


_BULLETS = frozenset("-•*・●▪■◆○〇◇□")


def _number(block: Block) -> str:
    """Return the block's list number ("1.", "（1）", "①"); "" for a bullet or none."""
    marker = block.marker.strip()
    return "" if not marker or marker in _BULLETS else marker


def summarize(doc: Document) -> dict[str, int]:
    """Return segment counts by origin, plus ``untranslated`` and ``total``."""
    counts = {"memory": 0, "engine": 0, "human": 0, "verbatim": 0, "untranslated": 0, "total": 0}
    for seg in doc.segments():
        counts["total"] += 1
        counts[seg.origin if seg.translated and seg.origin else "untranslated"] += 1
    return counts


def _pivot_text(block: Block) -> str | None:
    """Return the English pivot of `block` (None when no segment has one).

    Sentences are joined by a space, lines (contact blocks) by a line break.
    """
    parts: list[str] = []
    for seg in block.segments:
        if seg.pivot and seg.pivot.strip():
            parts.append(seg.pivot.strip())
            parts.append("\n" if "\n" in seg.space_after else " ")
    return "".join(parts[:-1]) or None


def _source_runs(block: Block, lang: Lang) -> tuple[Run, ...]:
    return _numbered(
        block,
        _merge(
            [Run(s.source, line_break="\n" in s.space_after) for s in block.segments], lang, lang
        ),
    )


def _numbered(block: Block, runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Return `runs` after the block's list number, which no engine ever sees."""
    number = _number(block)
    if not number or not runs:
        return runs
    first = runs[0]
    return (Run(f"{number} {first.text}", first.untranslated, first.line_break), *runs[1:])


def _target_runs(block: Block, lang: Lang, source_lang: Lang) -> tuple[Run, ...]:
    return _numbered(block, _target_merge(block, lang, source_lang))


def _target_merge(block: Block, lang: Lang, source_lang: Lang) -> tuple[Run, ...]:
    return _merge(
        [
            Run(
                s.target if s.target is not None else s.source,
                untranslated=s.target is None,
                line_break="\n" in s.space_after,
            )
            for s in block.segments
        ],
        lang,
        source_lang,
    )


def _merge(runs: list[Run], lang: Lang, source_lang: Lang) -> tuple[Run, ...]:
    """Join neighbouring runs of the same state, with the sentence spacing of their language.

    An untranslated run is source text, so it is spaced like the source language.
    """
    merged: list[Run] = []
    for run in runs:
        if not merged or merged[-1].line_break:
            merged.append(run)
            continue
        last = merged[-1]
        german = "de" in (
            source_lang if last.untranslated else lang,
            source_lang if run.untranslated else lang,
        )
        sep = " " if german else ""
        if last.untranslated == run.untranslated:
            merged[-1] = Run(last.text + sep + run.text, run.untranslated, run.line_break)
        else:
            merged[-1] = Run(last.text + sep, last.untranslated, last.line_break)
            merged.append(run)
    return tuple(merged)
