"""The data model: immutable values that flow forward through the pipeline.

A `Document` holds `Block`s (title, paragraph, quote, contact, …), each holding `Segment`s
(sentence-sized units). Every stage returns new values (``dataclasses.replace``); renderers read
only a `Document`. Segment ids (``"b3.s2"``) are the same on every run over the same input: they
key review files and incremental re-translation.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

__all__ = [
    "LANGS",
    "SEVERITIES",
    "STATUSES",
    "Block",
    "BlockKind",
    "CheckStatus",
    "Document",
    "Issue",
    "Lang",
    "Origin",
    "Segment",
    "Severity",
    "Status",
    "Suggestion",
    "TermCheck",
    "check_to_dict",
    "document_from_dict",
    "document_to_dict",
    "join_segments",
]

Lang = Literal["de", "ja"]
LANGS: tuple[Lang, ...] = get_args(Lang)

# Where a segment's target came from: approved memory, machine translation, a person, or
# copied verbatim because it holds nothing to translate (an e-mail address, a phone number).
Origin = Literal["memory", "engine", "human", "verbatim"]


CheckStatus = Literal["verified", "enforced", "violated"]

# What a reviewer is told about a segment's target (review files, XLIFF state, the web page):
# approved by a person, reused from the memory, a fuzzy suggestion only, machine output, none.
Status = Literal["approved", "memory", "fuzzy", "machine", "untranslated"]
STATUSES: tuple[Status, ...] = get_args(Status)


@dataclass(frozen=True, slots=True)
class TermCheck:
    """What became of one glossary term or protected item of a segment in its translation.

    ``verified``: the required form was in the engine's best output; ``enforced``: it took
    reranking or protection to get it there; ``violated``: it is missing or wrong.
    """

    kind: str  # "term", "name", "date", "amount", "quantity", "email", "url", "phone"
    source: str  # as written in the source
    expected: str  # the form the target must contain
    status: CheckStatus
    entry: str = ""  # glossary entry id, for terms and names
    how: str = ""  # what it took: "rerank", "placeholder", "fallback", …


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A near (fuzzy) match from the memory: shown to the reviewer, never applied."""

    source: str  # the memory's source, which differs from the segment's
    target: str
    score: int  # 0–100 similarity of the sources, as CAT tools show it
    origin: str = ""
    approved: bool = False


Severity = Literal["critical", "functional", "cosmetic"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem QA found in one segment's translation (a bad translation is data)."""

    segment_id: str
    check: str  # "untranslated", "term", "protected", "numbers", "script", …
    severity: Severity
    message: str


class BlockKind(enum.Enum):
    """What a block is in a press release or similar document."""

    KICKER = "kicker"  # "Pressemitteilung" / 報道発表資料 above the title
    TITLE = "title"
    SUBTITLE = "subtitle"  # teaser under the title
    DATELINE = "dateline"  # "Düsseldorf, 15. Januar 2026" / 2026年1月15日
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    CONTACT = "contact"  # contact block: one segment per line
    CAPTION = "caption"  # photo caption or image alt text: translated, printed as a caption
    # Site furniture copied with the text (breadcrumbs, site labels, logos, "Drucken", photo
    # credits): kept so reading stays lossless, never translated, printed only on request.
    FURNITURE = "furniture"


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence-sized unit: the key for memory lookups and QA."""

    id: str
    source: str  # no surrounding whitespace
    space_after: str = ""  # whitespace that followed it in the block ("" / " " / "\n")
    target: str | None = None
    origin: Origin | None = None
    flags: tuple[str, ...] = ()  # what the engine reported: "failed", "truncated", "split", …
    checks: tuple[TermCheck, ...] = ()  # terms and protected items, as enforced
    pivot: str | None = None  # the English pivot text, when the engine went through English
    suggestions: tuple[Suggestion, ...] = ()  # fuzzy matches from the memory, best first

    @property
    def translated(self) -> bool:
        """Return whether a target exists for this segment."""
        return self.target is not None

    @property
    def status(self) -> Status:
        """Return what a reviewer is told about this segment's target.

        ``approved``: a person approved it (in a review, or a memory version a person approved);
        ``memory``: an exact match imported from a TMX/XLIFF file; ``fuzzy``: the memory holds
        only near matches (the target, if any, is a machine draft to compare them with);
        ``machine``: engine output; ``untranslated``: no target.
        """
        if self.target is not None:
            if self.origin == "human" or (self.origin == "memory" and "approved" in self.flags):
                return "approved"
            if self.origin == "memory":
                return "memory"
        if self.suggestions or "fuzzy" in self.flags:
            return "fuzzy"
        return "untranslated" if self.target is None else "machine"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-sized unit of a document, rendered as one row of a parallel text."""

    id: str
    kind: BlockKind
    segments: tuple[Segment, ...]
    level: int = 0  # heading level (1 = document title level)
    speaker: str | None = None  # who is quoted, for QUOTE blocks
    date: dt.date | None = None  # the date a DATELINE names
    # The list marker the item starts with as written ("1.", "（1）", "①", "-"): not part of
    # the segments (it is not translated and never a segment of its own), printed before them.
    marker: str = ""

    @property
    def source_text(self) -> str:
        """Return the block's source text exactly as read (after hard wraps were joined)."""
        return "".join(s.source + s.space_after for s in self.segments).rstrip()

    def target_text(self, lang: Lang) -> str | None:
        """Return the joined target text in `lang`, or None when no segment is translated."""
        if not any(s.translated for s in self.segments):
            return None
        return join_segments([(s.target or "", s.space_after) for s in self.segments], lang)


@dataclass(frozen=True, slots=True)
class Document:
    """A whole input document with its translation state."""

    source_lang: Lang
    blocks: tuple[Block, ...]
    target_lang: Lang | None = None
    title: str = ""
    date: dt.date | None = None
    source_name: str = ""  # file name the document was read from, for messages
    meta: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    def segments(self) -> Iterator[Segment]:
        """Yield every segment in reading order."""
        for block in self.blocks:
            yield from block.segments

    def with_targets(
        self,
        targets: Mapping[str, tuple[str, Origin]],
        target_lang: Lang,
        flags: Mapping[str, tuple[str, ...]] | None = None,
        checks: Mapping[str, tuple[TermCheck, ...]] | None = None,
        pivots: Mapping[str, str] | None = None,
        suggestions: Mapping[str, tuple[Suggestion, ...]] | None = None,
    ) -> Document:
        """Return a copy where segments named in `targets` carry their (text, origin).

        `flags` adds engine flags and `checks` term checks per segment id.
        """
        flags = flags or {}
        checks = checks or {}
        pivots = pivots or {}
        suggestions = suggestions or {}
        blocks = []
        for block in self.blocks:
            segments = tuple(
                replace(
                    s,
                    target=targets[s.id][0] if s.id in targets else s.target,
                    origin=targets[s.id][1] if s.id in targets else s.origin,
                    flags=tuple(dict.fromkeys(s.flags + flags.get(s.id, ()))),
                    checks=checks.get(s.id, s.checks),
                    pivot=pivots.get(s.id, s.pivot),
                    suggestions=suggestions.get(s.id, s.suggestions),
                )
                for s in block.segments
            )
            blocks.append(replace(block, segments=segments))
        return replace(self, blocks=tuple(blocks), target_lang=target_lang)


def join_segments(parts: list[tuple[str, str]], lang: Lang) -> str:
    """Join (text, space_after) pairs into running text in `lang`.

    Line breaks survive (contact blocks); between sentences German takes one space and Japanese
    none, whatever the source language used.
    """
    out: list[str] = []
    for i, (text, space) in enumerate(parts):
        out.append(text)
        if i == len(parts) - 1:
            break
        if "\n" in space:
            out.append("\n")
        elif lang == "de" and text and not text[-1].isspace():
            out.append(" ")
    return "".join(out)


def document_to_dict(doc: Document) -> dict[str, Any]:
    """Return `doc` as plain JSON-ready data (the `.json` output format)."""
    return {
        "format": "dejakit.document/1",
        "source_name": doc.source_name,
        "source_lang": doc.source_lang,
        "target_lang": doc.target_lang,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "meta": dict(doc.meta),
        "blocks": [
            {
                "id": b.id,
                "kind": b.kind.value,
                "level": b.level,
                "speaker": b.speaker,
                "date": b.date.isoformat() if b.date else None,
                "marker": b.marker,
                "segments": [
                    {
                        "id": s.id,
                        "source": s.source,
                        "space_after": s.space_after,
                        "target": s.target,
                        "origin": s.origin,
                        "flags": list(s.flags),
                        "checks": [check_to_dict(c) for c in s.checks],
                        "pivot": s.pivot,
                        "suggestions": [
                            {
                                "source": x.source,
                                "target": x.target,
                                "score": x.score,
                                "origin": x.origin,
                                "approved": x.approved,
                            }
                            for x in s.suggestions
                        ],
                    }
                    for s in b.segments
                ],
            }
            for b in doc.blocks
        ],
    }


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Return the `Document` that `document_to_dict` produced `data` from."""

    def _date(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    blocks = tuple(
        Block(
            id=b["id"],
            kind=BlockKind(b["kind"]),
            level=int(b.get("level", 0)),
            speaker=b.get("speaker"),
            date=_date(b.get("date")),
            marker=b.get("marker") or "",
            segments=tuple(
                Segment(
                    id=s["id"],
                    source=s["source"],
                    space_after=s.get("space_after", ""),
                    target=s.get("target"),
                    origin=s.get("origin"),
                    flags=tuple(s.get("flags") or ()),
                    checks=tuple(TermCheck(**c) for c in s.get("checks") or ()),
                    pivot=s.get("pivot"),
                    suggestions=tuple(Suggestion(**x) for x in s.get("suggestions") or ()),
                )
                for s in b["segments"]
            ),
        )
        for b in data["blocks"]
    )
    return Document(
        source_lang=data["source_lang"],
        target_lang=data.get("target_lang"),
        title=data.get("title", ""),
        date=_date(data.get("date")),
        source_name=data.get("source_name", ""),
        meta=dict(data.get("meta") or {}),
        blocks=blocks,
    )


def check_to_dict(check: TermCheck) -> dict[str, str]:
    """Return `check` as plain data (JSON output, cache); `TermCheck(**data)` reads it back."""
    return {
        "kind": check.kind,
        "source": check.source,
        "expected": check.expected,
        "status": check.status,
        "entry": check.entry,
        "how": check.how,
    }
