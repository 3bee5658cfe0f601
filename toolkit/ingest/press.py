"""What a press release is made of: the rules that give each raw paragraph its kind.

The text and Markdown readers cut the input into `RawBlock`s (lines of one paragraph, plus what
the markup already says); `build_document` classifies them — kicker, title, teaser, date line,
sub-heading, quote with its speaker, list item, contact block — joins hard-wrapped lines and
segments each block.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..contacts import EMAIL_PATTERN, PHONE_PATTERN
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


KICKERS = re.compile(
    r"^(?:pressemitteilung|presseinformation|pressemeldung|medieninformation|"
    r"gemeinsame pressemitteilung|報道発表資料|報道発表|報道資料|記者発表資料|プレスリリース|"
    r"お知らせ|press release)\s*[:：]?$",
    re.IGNORECASE,
)
CONTACT_HEADINGS = re.compile(
    r"^[【\[■◆●]?\s*(?:pressekontakt|kontakt|ansprechpartner(?:in|innen)?|für rückfragen|"
    r"pressestelle|medienkontakt|本件に関するお問い合わせ先?|お問い合わせ先?|問い合わせ先|"
    r"問合せ先|連絡先|担当)\s*[】\]]?\s*[:：]?$",
    re.IGNORECASE,
)
_CONTACT_LINE = re.compile(
    r"\b(?:tel(?:efon)?|fax|e-?mail|mail|internet|web|phone)\.?\s*[:：]"  # "Telefon:"
    r"|(?:電話|ＴＥＬ|ＦＡＸ|メール|Ｅメール|ファクス)\s*[:：]"
    f"|^{EMAIL_PATTERN}$"  # an address on its own line
    f"|^{PHONE_PATTERN}$",  # a phone number on its own line
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-•*・●■◆▪]|\d{1,2}[.)])\s+")
_SENTENCE_END = tuple(".!?:;。！？：…")

# Verbs that introduce the speaker after a German quotation: „…“, sagt Ministerin X.
_DE_SPEAKER_AFTER = re.compile(
    r"[“\"«»]\s*,?\s*(?:so|sagt|sagte|betont|betonte|erklärt|erklärte|ergänzt|ergänzte|"
    r"unterstreicht|unterstrich|meint|meinte|fügt|fügte|berichtet|berichtete|resümiert|"
    r"resümierte|hebt|hob)\s+(?P<who>[^.,;:!?„“]+?)"
    r"(?=\s+(?:bei|in|im|am|an|auf|während|anlässlich|nach|vor|zum|zur|hinzu|hervor|mit|"
    r"gegenüber)\b|[.,;:!?]|$)"
)
# Speaker before the quotation: Ministerin Mona Neubaur: „…“ / Neubaur sagte: „…“
_DE_SPEAKER_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<who>[^„“\".!?]{3,80}?)"
    r"(?:\s+(?:sagt|sagte|betont|betonte|erklärt|erklärte))?\s*:\s*[„\"»]"
)
_JA_SPEAKER_BEFORE = re.compile(
    r"(?:^|(?<=。))(?P<who>[^「」。、は]{1,30}?)(?:は|が)[^「」。]{0,20}?「"
)
_JA_SPEAKER_AFTER = re.compile(r"」と(?P<who>[^「」。、]{2,40}?)(?:は|が)")
_JA_QUOTE_VERB = re.compile(
    r"」と(?:[^「」。]{0,40}?)(?:述べ|語|話|強調|コメント|あいさつ|挨拶|説明|期待|意欲|呼びかけ|応じ|答え)"
)


def build_document(raw_blocks: Sequence[RawBlock], lang: Lang, *, source_name: str) -> Document:
    """Return the `Document` for `raw_blocks` of a press release written in `lang`."""
    kinds = _classify(raw_blocks, lang)
    blocks: list[Block] = []
    doc_date: dt.date | None = None
    title = ""
    for raw, kind in zip(raw_blocks, kinds, strict=True):
        block_id = f"b{len(blocks) + 1}"
        keep_lines = raw.keep_lines or kind in (BlockKind.CONTACT, BlockKind.DATELINE)
        text = "\n".join(raw.lines) if keep_lines else join_lines(raw.lines, lang)
        segments = (
            _line_segments(raw.lines, lang, block_id)
            if keep_lines
            else segment_text(text, lang, block_id)
        )
        if not segments:
            continue
        date = find_date(text) if kind is BlockKind.DATELINE else None
        if doc_date is None and kind in (BlockKind.DATELINE, BlockKind.PARAGRAPH):
            doc_date = find_date(text[:60]) if kind is BlockKind.PARAGRAPH else date
        if kind is BlockKind.TITLE and not title:
            title = join_lines(raw.lines, lang)
        speaker = _find_speaker(text, lang) if kind is BlockKind.QUOTE else None
        level = raw.level or (
            1 if kind is BlockKind.TITLE else 2 if kind is BlockKind.HEADING else 0
        )
        blocks.append(
            Block(
                id=block_id, kind=kind, segments=segments, level=level, speaker=speaker, date=date
            )
        )
    return Document(
        source_lang=lang, blocks=tuple(blocks), title=title, date=doc_date, source_name=source_name
    )


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


def _classify(raw_blocks: Sequence[RawBlock], lang: Lang) -> list[BlockKind]:
    kinds: list[BlockKind | None] = [raw.hint for raw in raw_blocks]
    first_text = next((i for i, k in enumerate(kinds) if k is None or k is BlockKind.TITLE), None)
    # Kicker: a lone "Pressemitteilung" line before the title.
    if first_text is not None and kinds[first_text] is None and _is_kicker(raw_blocks[first_text]):
        kinds[first_text] = BlockKind.KICKER
    if BlockKind.TITLE not in kinds:
        for i, kind in enumerate(kinds):
            if kind is None:
                kinds[i] = BlockKind.TITLE
                break
    title_at = kinds.index(BlockKind.TITLE) if BlockKind.TITLE in kinds else -1
    dateline_at = -1
    for i in range(title_at + 1, len(raw_blocks)):
        if kinds[i] in (None, BlockKind.SUBTITLE) and _is_dateline(raw_blocks[i]):
            kinds[i] = BlockKind.DATELINE
            dateline_at = i
            break
    # Teaser: what stands between the title and the date line.
    for i in range(title_at + 1, dateline_at if dateline_at > 0 else title_at + 1):
        if kinds[i] is None:
            kinds[i] = BlockKind.SUBTITLE
    in_contact = False
    for i, raw in enumerate(raw_blocks):
        if kinds[i] is BlockKind.HEADING:
            in_contact = _is_contact_heading(raw.lines[0])
            continue
        if kinds[i] is not None:  # the markup decided already
            continue
        kinds[i] = _classify_body(raw, lang, in_contact)
        if kinds[i] is BlockKind.HEADING:
            in_contact = _is_contact_heading(raw.lines[0])
        elif kinds[i] is BlockKind.CONTACT and _is_contact_heading(raw.lines[0]):
            in_contact = True
    return [k or BlockKind.PARAGRAPH for k in kinds]


def _classify_body(raw: RawBlock, lang: Lang, in_contact: bool) -> BlockKind:
    lines = [line.strip() for line in raw.lines if line.strip()]
    text = join_lines(lines, lang)
    if _is_contact_heading(lines[0]) and len(lines) == 1:
        return BlockKind.HEADING
    if _is_contact_heading(lines[0]) or (in_contact and _looks_like_contact(lines)):
        return BlockKind.CONTACT
    contact_lines = sum(bool(_CONTACT_LINE.search(line)) for line in lines)
    if len(lines) > 1 and contact_lines >= 2 and contact_lines * 2 >= len(lines):
        return BlockKind.CONTACT
    if len(lines) == 1 and _is_heading_line(text, lang):
        return BlockKind.HEADING
    if _is_quote(text, lang):
        return BlockKind.QUOTE
    return BlockKind.PARAGRAPH


def _is_kicker(raw: RawBlock) -> bool:
    return len(raw.lines) == 1 and bool(KICKERS.match(raw.lines[0].strip()))


def _is_contact_heading(line: str) -> bool:
    return bool(CONTACT_HEADINGS.match(line.strip().replace("**", "")))


def _looks_like_contact(lines: Sequence[str]) -> bool:
    return all(len(line) <= 90 and not line.endswith(_SENTENCE_END[:3]) for line in lines)


def _is_dateline(raw: RawBlock) -> bool:
    lines = [line.strip() for line in raw.lines if line.strip()]
    if not lines or len(lines) > 3 or find_date(lines[0]) is None:
        return False
    return all(len(line) <= 60 and not line.endswith(("。", "!", "?")) for line in lines)


def _is_heading_line(text: str, lang: Lang) -> bool:
    limit = 40 if lang == "ja" else 90
    if len(text) > limit or text.endswith(_SENTENCE_END) or text.endswith(("“", "」", ",", "、")):
        return False
    if _BULLET.match(text):
        return False
    return not (lang == "de" and text[:1].islower())


def _is_quote(text: str, lang: Lang) -> bool:
    if lang == "de":
        return text.startswith(("„", '"', "»")) or bool(
            _DE_SPEAKER_AFTER.search(text) or _DE_SPEAKER_BEFORE.search(text)
        )
    return bool(_JA_QUOTE_VERB.search(text)) or text.startswith("「")


def _find_speaker(text: str, lang: Lang) -> str | None:
    patterns = (
        (_DE_SPEAKER_AFTER, _DE_SPEAKER_BEFORE)
        if lang == "de"
        else (_JA_SPEAKER_BEFORE, _JA_SPEAKER_AFTER)
    )
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            who = match.group("who").strip()
            if who and len(who.split()) <= 8:
                return who
    return None
