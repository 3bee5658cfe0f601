"""Contact blocks: a contact heading and the lines under it, or a run of contact lines.

Phone numbers, e-mail addresses and web addresses follow `toolkit.contacts` (one home for those
patterns); labels („Telefon:“, „担当課：“) with their value on the next line, postal addresses
(„〒770-8570“, „徳島県徳島市…1番地“), Japanese office and name lines under 【照会先】 make the rest.
Label and value lines end up in one block (`press.build_document` joins neighbouring contact
blocks), kept line by line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..contacts import EMAIL_PATTERN, PHONE_PATTERN
from ..model import BlockKind, Lang

__all__ = ["CONTACT_HEADINGS", "is_contact_line", "mark_contacts"]

_SENTENCE_END = tuple(".!?:;。！？：…")

CONTACT_HEADINGS = re.compile(
    r"^[【\[■◆●]?\s*(?:pressekontakt|kontakt|ansprechpartner(?:in|innen)?|für rückfragen|"
    r"pressestelle|medienkontakt|本件に関するお問い合わせ先?|お問い合わせ先?|問い合わせ先|"
    r"問合せ先|連絡先|担当|照会先|本件照会先|このページに関するお問い合わせ先?)\s*[】\]]?\s*[:：]?$",
    re.IGNORECASE,
)
_CONTACT_LINE = re.compile(
    r"\b(?:tel(?:efon)?|fax|e-?mail|mail|internet|web|phone)\.?\s*[:：]"  # "Telefon:"
    r"|(?:電話|ＴＥＬ|ＦＡＸ|メール|Ｅメール|ファクス|直通|内線|代表)\s*[:：)）]"
    f"|^{EMAIL_PATTERN}$"  # an address on its own line
    f"|^{PHONE_PATTERN}$"  # a phone number on its own line
    r"|^[(（]?(?:代表|直通|内線)?(?:電話)?[)）]?\s*0\d{1,4}[(（-]\d{1,4}[)）-]\d{3,4}"
    r"|^〒\s?\d{3}-?\d{4}|^\d{5}\s[A-ZÄÖÜ]\w+$",
    re.IGNORECASE,
)
_CONTACT_LABEL = re.compile(
    r"^[-・•]?\s*(?:担当課|担当者|担当|直通|内線|電話番号|電話|ファクス|FAX|メール|E-?Mail|住所|"
    r"所在地|法人番号|Telefon|Tel\.?|Fax|E-Mail|Adresse|Anschrift|Ansprechpartner(?:in)?)\s*[:：]$",
    re.IGNORECASE,
)
_JA_ADDRESS = re.compile(r"^\S{2,4}[都道府県]\S+[市区町村郡]\S*(?:\d+番地?|丁目|\d+号)")
_JA_ORG_LINE = re.compile(r"^[^\s。、]{2,30}(?:課|室|局|部|係|センター|本部)(?:\s.*)?$")
_JA_NAME_LINE = re.compile(
    r"^[^\s。、]{1,20}(?:\s+[^\s。、]{1,12})?\s+[^\s。、]{1,4}\s+[^\s。、]{1,4}"
)


def is_contact_line(text: str) -> bool:
    """Return whether `text` is a line of a contact block (phone, e-mail, label, address)."""
    line = " ".join(text.split())
    return bool(_CONTACT_LINE.search(line) or _CONTACT_LABEL.match(line) or _JA_ADDRESS.match(line))


def mark_contacts(kinds: list[BlockKind | None], blocks: Sequence[list[str]], lang: Lang) -> None:
    """Contact blocks: under a contact heading, or a run of contact lines."""
    in_contact = False
    for i, lines in enumerate(blocks):
        if not lines:
            continue
        if CONTACT_HEADINGS.match(lines[0].replace("**", "").strip()):
            if kinds[i] is None:
                kinds[i] = BlockKind.CONTACT  # the heading opens the contact block
            in_contact = kinds[i] in (BlockKind.HEADING, BlockKind.CONTACT)
            continue
        if kinds[i] is BlockKind.HEADING:
            in_contact = False
            continue
        if kinds[i] is not None:
            if kinds[i] is not BlockKind.CONTACT:
                in_contact = False
            continue
        text = "\n".join(lines)
        hits = sum(bool(is_contact_line(x)) for x in lines)
        after_label = (
            i > 0
            and kinds[i - 1] is BlockKind.CONTACT
            and bool(blocks[i - 1])
            and bool(_CONTACT_LABEL.match(blocks[i - 1][-1]))
        )
        next_contact = (
            i + 1 < len(blocks) and bool(blocks[i + 1]) and is_contact_line(blocks[i + 1][0])
        )
        label = len(lines) == 1 and bool(_CONTACT_LABEL.match(lines[0])) and i + 1 < len(blocks)
        own = hits >= 2 or label or (hits == 1 and (len(lines) == 1 and next_contact))
        markers = len(re.findall(r"\b(?:tel|fax|e-?mail)\b\.?\s*[:：]", text, re.I))
        mostly = len(lines) > 1 and hits * 2 >= len(lines) and hits >= 2
        if (
            mostly
            or own
            or markers >= 2
            or after_label
            or (in_contact and _looks_like_contact(lines, lang))
        ):
            kinds[i] = BlockKind.CONTACT
        else:
            in_contact = False
            continue
        in_contact = True


def _looks_like_contact(lines: Sequence[str], lang: Lang) -> bool:
    if not all(len(line) <= 90 and not line.endswith(_SENTENCE_END[:3]) for line in lines):
        return False
    if lang == "de":
        return True
    return all(is_contact_line(x) or _JA_ORG_LINE.match(x) or _JA_NAME_LINE.match(x) for x in lines)
