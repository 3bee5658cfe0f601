"""The kind of every paragraph of a press release, decided from the text and its neighbours.

Passes, in order: what a line says by itself (furniture, date line, caption, kicker, contact
line); what the neighbours add (an alt text repeated as a caption, the lines under a photo, a
contact block's label and value lines); the title (the first block that is neither furniture
nor a label, a date or a caption — a short section label over a longer headline is a kicker);
the teaser; then the body (headings, quotes, list items, paragraphs, speaker labels and pull
quotes). What the markup already said (Markdown, HTML, DOCX) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..japanese import has_japanese
from ..model import BlockKind, Lang
from .contact import CONTACT_HEADINGS, is_contact_line, mark_contacts
from .dateline import parse_dateline
from .furniture import back_link_targets, is_caption, is_credit, is_furniture, is_profile_line
from .markers import between_marked, heading_like, in_list, split_marker
from .speakers import is_person_line, is_quote, label_speaker

if TYPE_CHECKING:
    from .press import RawBlock

__all__ = [
    "CONTACT_HEADINGS",
    "KICKERS",
    "Classified",
    "classify",
    "is_contact_line",
    "split_marker",
]

KICKERS = re.compile(
    r"^(?:pressemitteilung|presseinformation|pressemeldung|medieninformation|"
    r"gemeinsame pressemitteilung|報道発表資料|報道発表|報道資料|記者発表資料|プレスリリース|"
    r"お知らせ|press release|報道関係者各位|報道発表案件|報道機関各位)\s*[:：]?$",
    re.IGNORECASE,
)
_ATTACHMENTS = re.compile(
    r"^[(（]?\s*(?:添付資料|関連資料|添付|関連リンク|anhang|anlagen?|downloads?)\s*[)）:：]?$",
    re.IGNORECASE,
)
_JA_COMMENT_HEADING = re.compile(r"^(?P<who>.{1,15}?)の(?:コメント|発言|あいさつ|挨拶)")
_JA_SUBTITLE = re.compile(r"^[―—～~〜].+[―—～~〜]$")
_SENTENCE_END = tuple(".!?:;。！？：…")
_OPEN_QUOTES = ("„", '"', "»", "「", "『")


@dataclass
class Classified:
    """The kind of each raw block, and the speaker each quote block was given by context."""

    kinds: list[BlockKind]
    speakers: dict[int, str]
    dateline_at: int  # index of the date line that dates the document, -1 if none


def classify(raw_blocks: Sequence[RawBlock], texts: Sequence[str], lang: Lang) -> Classified:
    """Return the kinds of `raw_blocks` (their joined `texts`) in a release written in `lang`."""
    kinds: list[BlockKind | None] = [raw.hint for raw in raw_blocks]
    single = [len(raw.lines) == 1 or raw.keep_lines for raw in raw_blocks]
    speakers: dict[int, str] = {}
    _mark_lines(kinds, texts, single, lang)
    _mark_neighbours(kinds, texts, lang)
    mark_contacts(kinds, [[x.strip() for x in raw.lines if x.strip()] for raw in raw_blocks], lang)
    title_at = _mark_title(kinds, texts, lang)
    dateline_at = _document_dateline(kinds, texts)
    _mark_teaser(kinds, texts, lang, title_at, dateline_at)
    _mark_body(kinds, texts, lang, speakers, dateline_at)
    return Classified([k or BlockKind.PARAGRAPH for k in kinds], speakers, dateline_at)


def _mark_lines(
    kinds: list[BlockKind | None], texts: Sequence[str], single: Sequence[bool], lang: Lang
) -> None:
    """Kinds a block has by itself: furniture, date line, caption, kicker."""
    labels = back_link_targets(list(texts)) | _menu_labels(texts, lang)
    for i, text in enumerate(texts):
        if kinds[i] is not None:
            continue
        plain = " ".join(text.split()).strip(" .:：").casefold()
        if is_furniture(text, lang) or plain in labels:
            kinds[i] = BlockKind.FURNITURE
        elif parse_dateline(text) is not None:
            kinds[i] = BlockKind.DATELINE
        elif is_caption(text, lang) or (single[i] and is_profile_line(text)):
            kinds[i] = BlockKind.CAPTION
        elif KICKERS.match(text.strip()):
            kinds[i] = BlockKind.KICKER
        elif _ATTACHMENTS.match(text.strip()):
            kinds[i] = BlockKind.FURNITURE
            # The attachment links under it are link texts, not headings.
            for j in range(i + 1, len(texts)):
                if kinds[j] is not None or len(texts[j]) > 60 or texts[j].endswith(_SENTENCE_END):
                    break
                kinds[j] = BlockKind.FURNITURE


def _menu_labels(texts: Sequence[str], lang: Lang) -> set[str]:
    """Return the section labels that a glued menu line repeats, and that menu line.

    „ごあいさつプロフィール施政方針記者会見活動の紹介…“ followed by „活動の紹介“: the short line is
    the current section, the long one the site menu copied without its separators.
    """
    if lang != "ja":
        return set()
    plain = [" ".join(t.split()).strip(" .:：").casefold() for t in texts]
    found: set[str] = set()
    for i, label in enumerate(plain):
        if not 2 <= len(label) <= 10:
            continue
        for menu in plain[max(0, i - 2) : i + 3]:  # the label stands next to its menu
            if (
                menu != label
                and label in menu
                and 3 * len(label) <= len(menu) <= 120
                and not re.search(r"[\s。.!?、,>＞()（）「」]", menu)
                and not menu.startswith(label)
            ):
                found.update((label, menu))
    return found


def _mark_neighbours(kinds: list[BlockKind | None], texts: Sequence[str], lang: Lang) -> None:
    """An alt text repeated with its caption; the short lines under a photo line."""
    squashed = [re.sub(r"\s+", "", t) for t in texts]
    for i in range(len(texts) - 1):
        nxt = squashed[i + 1]
        if (
            kinds[i] in (None, BlockKind.CAPTION)
            and kinds[i + 1] in (None, BlockKind.CAPTION)
            and len(squashed[i]) >= 4
            and nxt.startswith(squashed[i])
            and len(nxt) > len(squashed[i])
        ):
            kinds[i] = kinds[i + 1] = BlockKind.CAPTION
    for i, text in enumerate(texts):
        if kinds[i] is not BlockKind.CAPTION or not re.match(
            r"^(?:[(（［【\[]?写真|portraitfoto|porträtfoto|foto\b)", text.strip(), re.I
        ):
            continue
        for j in range(i + 1, len(texts)):
            candidate = texts[j].strip()
            if (
                kinds[j] not in (None, BlockKind.DATELINE, BlockKind.CAPTION)
                or len(candidate) > 60
                or candidate.endswith(("。", ".", "!", "?", ",", "、"))
                or is_credit(candidate)
            ):
                break
            kinds[j] = BlockKind.CAPTION


def _title_like(text: str, lang: Lang) -> bool:
    line = " ".join(text.split())
    if not line or len(line) > (150 if lang == "ja" else 250):
        return False
    if lang == "ja":
        return not line.endswith("。") or not re.search("[、,]", line)
    return not line.endswith((".", ",", ";", ":")) and not line[:1].islower()


_INSTITUTION = re.compile(
    r"^(?:(?:Der|Die|Das)\s+)?(?:[A-ZÄÖÜ][\w.-]*\s+){0,2}?"
    r"(?:[A-ZÄÖÜ]\w*(?:ministerium|kanzlei|regierung|portal|verwaltung|präsidium|amt)|"
    r"Ministerium|Auswärtiges Amt|Botschaft|Generalkonsulat|Landesregierung|Senat|Landtag)\b"
)
_INSTITUTION_WORDS = frozenset("für des der und von die das dem den in im an am zu - , &".split())
_JA_INSTITUTION = re.compile(
    r"^[^\s。、「」]{2,30}(?:省|庁|県|府|都|道|市|総領事館|大使館|機構|協会)$"
)


def _institution(text: str, lang: Lang) -> bool:
    """Return whether `text` only names an institution („Bundesministerium für …“, „外務省“).

    Standing over the title, such a line is the site's name, not the release's headline.
    """
    line = " ".join(text.split())
    if lang == "ja":
        return bool(_JA_INSTITUTION.match(line))
    if not _INSTITUTION.match(line) or line.endswith(_SENTENCE_END) or len(line) > 160:
        return False
    words = re.findall(r"[\w.-]+|[,&]", line)
    return all(w[:1].isupper() or w.lower() in _INSTITUTION_WORDS for w in words)


def _short_label(text: str, lang: Lang) -> bool:
    line = " ".join(text.split())
    if lang == "ja":
        return len(line) <= 10
    return len(line.split()) <= 3 and len(line) <= 30


def _mark_title(kinds: list[BlockKind | None], texts: Sequence[str], lang: Lang) -> int:
    """Mark the title (and a section label over it); return its index, -1 if none."""
    if BlockKind.TITLE in kinds:
        return kinds.index(BlockKind.TITLE)
    content = [i for i, k in enumerate(kinds) if k is None]
    if not content:
        return -1
    body = next((i for i in content if not _title_like(texts[i], lang)), len(kinds))
    # The site header ends with the last furniture line that still has a headline after it.
    header = [
        i
        for i in range(body)
        if kinds[i] is BlockKind.FURNITURE
        and any(i < c < body and _title_like(texts[c], lang) for c in content)
    ]
    if header:
        for i in content:
            if i < header[-1] and _title_like(texts[i], lang):
                kinds[i] = BlockKind.FURNITURE  # the site's own name or a section over it
        content = [i for i in content if i > header[-1]]
    first = content[0]
    if first > 0 and any(k in (BlockKind.PARAGRAPH, BlockKind.QUOTE) for k in kinds[:first]):
        return -1  # the markup placed body text before it
    while _institution(texts[first], lang) and len(content) > 1:
        kinds[first] = BlockKind.FURNITURE  # the site's name over the release
        content = content[1:]
        first = content[0]
    if not _title_like(texts[first], lang):
        return -1
    if len(content) > 1 and _short_label(texts[first], lang):
        second = content[1]
        between = kinds[first + 1 : second]
        if (
            all(k in (BlockKind.FURNITURE, BlockKind.CAPTION, BlockKind.DATELINE) for k in between)
            and _title_like(texts[second], lang)
            and len(texts[second].strip()) > len(texts[first].strip())
            and not texts[second].strip().endswith(_SENTENCE_END)
            and not is_quote(texts[second], lang)
        ):
            kinds[first] = BlockKind.KICKER
            first = second
    kinds[first] = BlockKind.TITLE
    return first


def _document_dateline(kinds: list[BlockKind | None], texts: Sequence[str]) -> int:
    """Return the date line that dates the document: the first in the head of the page.

    Date lines in the body (a schedule under „1 調印日時“, an event date) never date it.
    A page's update date („更新日“) counts only when no other date line is there.
    """
    updated = -1
    sentences = 0
    for i, kind in enumerate(kinds):
        if kind is BlockKind.HEADING:
            break
        if kind is None:
            text = " ".join(texts[i].split())
            if split_marker(text, "ja")[0] or len(text) > 300:
                break  # a numbered point or a long paragraph: the body has begun
            if text.endswith(("。", ".", "!", "?")):
                sentences += 1
                if sentences > 1:
                    break
        if kind is BlockKind.DATELINE:
            line = parse_dateline(texts[i])
            if line is not None and not line.updated:
                return i
            if updated < 0:
                updated = i
    return updated


def _mark_teaser(
    kinds: list[BlockKind | None],
    texts: Sequence[str],
    lang: Lang,
    title_at: int,
    dateline_at: int,
) -> None:
    """The teaser: what stands between the title and the date line, or a headline under it."""
    if title_at < 0:
        return
    if dateline_at > title_at:
        for i in range(title_at + 1, dateline_at):
            if kinds[i] is None and len(texts[i]) <= 400 and not _opens_with_date(texts[i]):
                kinds[i] = BlockKind.CAPTION if _names_only(texts[i], lang) else BlockKind.SUBTITLE
        return
    nxt = title_at + 1
    if nxt < len(texts) and kinds[nxt] is None:
        text = texts[nxt].strip()
        if split_marker(text, lang)[0]:
            return  # a list item or a numbered section, not a teaser
        japanese = has_japanese(text)
        headline = _title_like(text, lang) and not text.endswith(_SENTENCE_END) and len(text) <= 200
        if (
            (lang == "ja" and _JA_SUBTITLE.match(text)) or (headline and (japanese or lang == "de"))
        ) and not is_quote(text, lang):
            kinds[nxt] = BlockKind.SUBTITLE


_FUNCTION_WORDS = frozenset(
    "und mit von der die das den dem des bei beim im in am an auf zu zum zur für aus nach vor "
    "sowie vor dem r. l. m. v.l.n.r.".split()
)
_ROLE = re.compile(
    r"\b\w*(?:minister|präsident|sekretär|bürgermeister|senator|gouverneur|konsul|"
    r"botschafter|kanzler)(?:in)?\b",
    re.IGNORECASE,
)


def _names_only(text: str, lang: Lang) -> bool:
    """Return whether `text` only names people, as a photo caption does.

    „Wegner, Gouverneurin Yuriko Koike und Delegation mit Kommuniqué“: a list of persons with a
    title, no verb (every lower-case word is a function word). A teaser says what happened.
    """
    line = " ".join(text.split()).rstrip(".")
    if lang != "de" or "," not in line or not _ROLE.search(line):
        return False
    lower = [w.strip("(),") for w in line.split() if w[:1].islower()]
    return all(w in _FUNCTION_WORDS for w in lower)


def _opens_with_date(text: str) -> bool:
    """Return whether `text` opens with a date („13. September 2016. Auf …“): a lead, no teaser."""
    head = " ".join(text.split())[:40]
    return any(parse_dateline(head[:end]) for end in range(8, len(head) + 1))


def _mark_body(
    kinds: list[BlockKind | None],
    texts: Sequence[str],
    lang: Lang,
    speakers: dict[int, str],
    dateline_at: int,
) -> None:
    """Headings, quotes, list items and paragraphs of the body."""
    voice: str | None = None  # who speaks the paragraphs under a speaker label
    issuer = dateline_at >= 0  # short lines right after the date line name the issuer
    for i, text in enumerate(texts):
        kind = kinds[i]
        if kind is not None and i > dateline_at >= 0 and kind is not BlockKind.DATELINE:
            issuer = False
        if kind is not None:
            if kind is BlockKind.HEADING:
                voice = _comment_voice(text)
            continue
        line = " ".join(text.split())
        marker, rest = split_marker(line, lang)
        who = label_speaker(line) if lang == "ja" else None
        if who:
            kinds[i], speakers[i], voice = BlockKind.QUOTE, who, who
            continue
        if lang == "de" and is_person_line(line, lang) and i > 0 and _pull_quote(kinds, texts, i):
            kinds[i] = kinds[i - 1] = BlockKind.QUOTE
            speakers[i] = speakers[i - 1] = line
            continue
        heading = heading_like(rest, lang, bool(marker)) and not (
            not marker and between_marked(texts, i, lang)
        )
        if issuer and i > dateline_at and heading and not marker:
            kinds[i] = BlockKind.PARAGRAPH
            continue
        issuer = False
        if marker and in_list(texts, i, lang, marker):
            kinds[i] = BlockKind.LIST_ITEM
        elif heading:
            kinds[i] = BlockKind.HEADING
            voice = _comment_voice(line)
        elif voice is not None and not line.startswith(_OPEN_QUOTES[:3]):
            kinds[i], speakers[i] = BlockKind.QUOTE, voice
        elif is_quote(line, lang):
            kinds[i] = BlockKind.QUOTE
        elif marker:
            kinds[i] = BlockKind.LIST_ITEM
        else:
            kinds[i] = BlockKind.PARAGRAPH


def _comment_voice(text: str) -> str | None:
    match = _JA_COMMENT_HEADING.match(" ".join(text.split()))
    return match.group("who") if match else None


def _pull_quote(kinds: list[BlockKind | None], texts: Sequence[str], i: int) -> bool:
    """Return whether block i-1 is a pull quote without marks that the person line i signs."""
    before = texts[i - 1]
    return kinds[i - 1] in (None, BlockKind.PARAGRAPH) and bool(
        re.search(r"\b(?:ich|mich|mir|mein\w*|wir|uns|unser\w*)\b", before, re.I)
    )
