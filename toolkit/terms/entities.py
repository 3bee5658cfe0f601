"""What a translation must carry over unchanged (or localized): the protected items of a segment.

E-mail addresses (also „presse [at] …“), URLs, phone numbers, dates, sums of money, numbers
with units, and the names the glossary knows (persons, organisations, places), a title joined
to a name becoming one item („Ministerin Neubaur“ ↔ ノイバウアー大臣, 内堀知事 ↔ „Gouverneur
Uchibori“).
Each item knows the form the target language must show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..contacts import EMAIL_SPELLED, PHONE, URL
from ..glossary.model import NAME_TYPES, Entry, TermHit
from ..localize import find_amounts, find_dates, find_numbers, find_quantities

__all__ = ["Protected", "address_spans", "find_protected"]

_TRAILING = ".,;:!?)）"


@dataclass(frozen=True, slots=True)
class Protected:
    """A span of the source that the target must show in a fixed form."""

    start: int
    end: int
    kind: str  # email | url | phone | date | amount | quantity | name
    source: str
    target: str  # the form the target language must show
    pivot: str  # the English form, for checks between legs
    entry: str = ""  # glossary entry id for names


def find_protected(
    text: str, source: str, target: str, hits: Sequence[TermHit], *, year: int | None = None
) -> list[Protected]:
    """Return the protected items of `text`, non-overlapping, in order.

    `hits` are the glossary hits of `text`; the names among them are protected.
    """
    items: list[Protected] = []
    for kind, pattern in (("email", EMAIL_SPELLED), ("url", URL)):
        for match in pattern.finditer(text):
            value = match.group(0).rstrip(_TRAILING)
            end = match.start() + len(value)
            items.append(Protected(match.start(), end, kind, value, value, value))
    for found in (
        *find_amounts(text, source),
        *find_dates(text, source, default_year=year),
        *find_quantities(text, source),
        *find_numbers(text, source),
    ):
        items.append(
            Protected(found.start, found.end, found.kind, found.text, found.target, found.text)
        )
    for match in PHONE.finditer(text):
        value = match.group(0).strip()
        if sum(c.isdigit() for c in value) >= 7:
            items.append(
                Protected(match.start(), match.start() + len(value), "phone", value, value, value)
            )
    items.extend(_names(text, source, target, hits))
    return _non_overlapping(items)


def address_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of e-mail addresses, URLs and phone numbers in `text`."""
    spans = [(m.start(), m.end()) for p in (EMAIL_SPELLED, URL) for m in p.finditer(text)]
    spans += [
        (m.start(), m.end())
        for m in PHONE.finditer(text)
        if sum(c.isdigit() for c in m.group(0)) >= 7
    ]
    return spans


def _names(text: str, source: str, target: str, hits: Sequence[TermHit]) -> list[Protected]:
    """Return the glossary names of `text`, a title and its name joined into one item."""
    ordered = sorted(hits, key=lambda h: h.start)
    out: list[Protected] = []
    used: set[int] = set()
    for i, hit in enumerate(ordered):
        if i in used:
            continue
        entry = hit.entry
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        # A title inside a compound („Klimaschutzministerin“) is not joined to the name.
        if nxt is not None and not hit.in_compound and _joined(text, hit, nxt):
            combo = _title_with_name(hit, nxt, source, target)
            if combo is not None:
                form, pivot = combo
                out.append(
                    Protected(
                        hit.start,
                        nxt.end,
                        "name",
                        text[hit.start : nxt.end],
                        form,
                        pivot,
                        f"{hit.entry.id}+{nxt.entry.id}",
                    )
                )
                used.add(i + 1)
                continue
        if entry.type in NAME_TYPES:
            short = hit.form in (entry.de_short, entry.ja_short) and hit.form != entry.de
            form = _short(entry, target) if short else _full(entry, target)
            if entry.abbr and hit.form == entry.abbr:
                form = entry.abbr  # an abbreviation (FREA, NRW) stays one in both languages
            out.append(Protected(hit.start, hit.end, "name", hit.form, form, entry.en, entry.id))
    return out


def _joined(text: str, first: TermHit, second: TermHit) -> bool:
    gap = text[first.end : second.start]
    return len(gap) <= 1 and not gap.strip()


def _title_with_name(
    first: TermHit, second: TermHit, source: str, target: str
) -> tuple[str, str] | None:
    """Return (target form, English form) for title+name (German) or name+title (Japanese)."""
    if source == "de" and first.entry.type == "title" and second.entry.type == "person":
        title_hit, person, person_hit = first, second.entry, second
    elif source == "ja" and first.entry.type == "person" and second.entry.type == "title":
        person, title_hit, person_hit = first.entry, second, first
    else:
        return None
    title = title_hit.entry
    if title_hit.review:
        return None  # who is meant is open: the title is left to the model and checked
    short = person_hit.form in (person.de_short, person.ja_short)
    name = _short(person, target) if short else _full(person, target)
    # the title as the context decides it: ヴァイル首相 → Ministerpräsident Weil
    title_form = title_hit.target_form()
    if target == "ja":
        form = f"{title_form}{name}" if title.ja_position == "before" else f"{name}{title_form}"
    else:
        form = f"{title_form} {name}"
    person_en = person.de_short if short else person.en
    # the entry's English is the main form's: where the context chose another, name only
    changed = title_form != (title.ja if target == "ja" else title.de)
    english = person_en if changed else f"{title.en} {person_en}"
    return form, english


def _full(entry: Entry, lang: str) -> str:
    return entry.ja if lang == "ja" else entry.de


def _short(entry: Entry, lang: str) -> str:
    if lang == "ja":
        return entry.ja_short or entry.ja
    return entry.de_short or entry.de


def _non_overlapping(items: list[Protected]) -> list[Protected]:
    """Keep the earliest-listed, then longest item where items overlap."""
    kept: list[Protected] = []
    for item in items:
        if any(k.start < item.end and item.start < k.end for k in kept):
            continue
        kept.append(item)
    return sorted(kept, key=lambda p: p.start)
