"""What a press release is made of: raw paragraphs in, a `Document` of typed blocks out.

The readers (plain text, Markdown, HTML, DOCX) cut the input into `RawBlock`s (lines of one
paragraph, plus what the markup already says); `build_document` has `classify.py` give each its
kind — furniture, kicker, title, teaser, date line, caption, sub-heading, quote with its speaker
(`speakers.py`), list item with its marker (`markers.py`), contact block (`contact.py`) — joins
hard-wrapped lines, segments each block and dates the document by its publication date line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..localize import first_date as find_date
from ..model import Block, BlockKind, Document, Lang, Segment
from ..segment import segment_text

__all__ = ["RawBlock", "build_document", "find_date", "join_lines"]


@dataclass(frozen=True, slots=True)
class RawBlock:
    """One paragraph as read: its lines and what the markup (if any) says it is."""

    lines: tuple[str, ...]
    line_no: int  # 1-based line of the first line in the input file
    hint: BlockKind | None = None
    level: int = 0
    keep_lines: bool = False  # hard line breaks in the markup: don't join lines
    speaker: str | None = None  # who the markup says speaks a quote (<cite>, <footer>)


def build_document(
    raw_blocks: Sequence[RawBlock], lang: Lang, *, source_name: str, lines: str = ""
) -> Document:
    """Return the `Document` for `raw_blocks` of a press release written in `lang`.

    `lines` records the line convention the text was read with (``meta["lines"]``).
    """
    from .classify import classify, split_marker
    from .speakers import People, find_speaker

    raw_blocks = _split_glued_markers(raw_blocks, lang)
    texts = [
        "\n".join(raw.lines) if raw.keep_lines else join_lines(raw.lines, lang)
        for raw in raw_blocks
    ]
    result = classify(raw_blocks, texts, lang)
    people = People(texts)
    blocks: list[Block] = []
    doc_date: dt.date | None = None
    title = ""
    for index, (raw, kind) in enumerate(zip(raw_blocks, result.kinds, strict=True)):
        if kind is BlockKind.CONTACT and blocks and blocks[-1].kind is BlockKind.CONTACT:
            blocks[-1] = _extend_contact(blocks[-1], raw.lines, lang)
            continue
        block_id = f"b{len(blocks) + 1}"
        keep_lines = raw.keep_lines or kind in (BlockKind.CONTACT, BlockKind.DATELINE)
        text = "\n".join(raw.lines) if keep_lines else texts[index]
        marker = ""
        if kind in (BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.PARAGRAPH) and not keep_lines:
            marker, text = split_marker(text, lang)
        segments = (
            _line_segments(raw.lines, lang, block_id)
            if keep_lines
            else segment_text(text, lang, block_id)
        )
        if not segments:
            continue
        date = find_date(text) if kind is BlockKind.DATELINE else None
        if index == result.dateline_at:
            doc_date = date
        if kind is BlockKind.TITLE and not title:
            title = join_lines(raw.lines, lang)
        speaker = None
        if kind is BlockKind.QUOTE:
            speaker = (
                raw.speaker
                or result.speakers.get(index)
                or find_speaker(texts[index], lang, people)
            )
            if speaker is None and blocks and blocks[-1].kind is BlockKind.QUOTE:
                speaker = blocks[-1].speaker  # a quote over several paragraphs
        level = raw.level or (
            1 if kind is BlockKind.TITLE else 2 if kind is BlockKind.HEADING else 0
        )
        blocks.append(
            Block(
                id=block_id,
                kind=kind,
                segments=segments,
                level=level,
                speaker=speaker,
                date=date,
                marker=marker,
            )
        )
    blocks = _speakers_from_the_end(blocks)
    if doc_date is None:
        doc_date = _leading_date(blocks)
    if doc_date is None and (match := _TITLE_DATE.search(title)):
        doc_date = find_date(match.group(1))  # "Senator … reist nach Japan (02.04.2018)"
    meta = {"lines": lines} if lines else {}
    return Document(
        source_lang=lang,
        blocks=tuple(blocks),
        title=title,
        date=doc_date,
        source_name=source_name,
        meta=meta,
    )


_TITLE_DATE = re.compile(r"[(（]([^()（）]{6,24})[)）]\s*$")
_GLUED_MARKER = re.compile(r"(?<=。)[ \t\u3000]+(?=[-・•]\s)")
_LEADING_DATE = re.compile(r"^(?:[A-ZÄÖÜ][\w-]+\s*)?\(?(?P<date>[^()]{6,30}?)\)?\s*[.–—-]\s")


def _split_glued_markers(raw_blocks: Sequence[RawBlock], lang: Lang) -> list[RawBlock]:
    """Split Japanese lines where a list item was glued to the paragraph before („。 - 項目“)."""
    if lang != "ja":
        return list(raw_blocks)
    out: list[RawBlock] = []
    for raw in raw_blocks:
        if raw.hint is not None or not any(_GLUED_MARKER.search(x) for x in raw.lines):
            out.append(raw)
            continue
        for line in raw.lines:
            for part in _GLUED_MARKER.split(line):
                out.append(replace(raw, lines=(part,)))
    return out


def _extend_contact(block: Block, lines: Sequence[str], lang: Lang) -> Block:
    """Return the contact `block` with `lines` added (label and value lines make one block)."""
    more = _line_segments(lines, lang, block.id)
    segments = list(block.segments)
    segments[-1] = replace(segments[-1], space_after="\n")
    for seg in more:
        segments.append(replace(seg, id=f"{block.id}.s{len(segments) + 1}"))
    return replace(block, segments=tuple(segments))


def _speakers_from_the_end(blocks: list[Block]) -> list[Block]:
    """Give a quote over several paragraphs the speaker its last paragraph names.

    „Erster Absatz … / … letzter Absatz“, sagte X: the first paragraph opens a quotation that
    does not close, the speaker follows only after the closing mark.
    """
    out = list(blocks)
    for i in range(len(out) - 2, -1, -1):
        block, nxt = out[i], out[i + 1]
        text = block.source_text
        unclosed = text.count("„") + text.count("「") > text.count("“") + text.count("」")
        if (
            block.kind is BlockKind.QUOTE
            and block.speaker is None
            and nxt.kind is BlockKind.QUOTE
            and nxt.speaker
            and unclosed
        ):
            out[i] = replace(block, speaker=nxt.speaker)
    return out


def _leading_date(blocks: Sequence[Block]) -> dt.date | None:
    """Return the date a first paragraph opens with („13. September 2016. Auf …“), if any."""
    for block in blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM):
            match = _LEADING_DATE.match(block.source_text)
            return find_date(match.group("date")) if match else None
        if block.kind is BlockKind.HEADING:
            return None
    return None


def _line_segments(lines: Sequence[str], lang: Lang, block_id: str) -> tuple[Segment, ...]:
    """Return one or more segments per line, keeping the line breaks in ``space_after``."""
    segments: list[Segment] = []
    for i, line in enumerate(lines):
        pieces = segment_text(line.strip(), lang, block_id)
        for j, seg in enumerate(pieces):
            last = j == len(pieces) - 1
            space = "\n" if last and i < len(lines) - 1 else seg.space_after
            segments.append(replace(seg, id=f"{block_id}.s{len(segments) + 1}", space_after=space))
    if segments:
        segments[-1] = replace(segments[-1], space_after="")
    return tuple(segments)


def join_lines(lines: Sequence[str], lang: Lang) -> str:
    """Return hard-wrapped `lines` joined into one running paragraph.

    German lines join with a space; a word broken with a hyphen before a lower-case letter
    ("Wasser-" / "stoff") is joined without it, before a capital ("Wasserstoff-" / "Strategie")
    with it. Japanese lines join with nothing, unless both sides are Latin script.
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif lang == "ja" and not (_is_latin(out[-1]) and _is_latin(line[0])):
            out += line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out = out[:-1] + line if line[0].islower() else out + line
        else:
            out += " " + line
    return out


def _is_latin(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".,;:!?)%")
