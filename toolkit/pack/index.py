"""The pocket glossary: the glossary entries a pack uses, sorted the way each language sorts.

German entries sort alphabetically as a German dictionary does (DIN 5007-1: ä as a, ß as ss,
case ignored). Japanese entries sort by their reading in gojūon order (JIS X 4061 style: voiced
and small kana first compare as their plain kana, ー as the vowel before it), grouped by row
(あ行, か行, …). The glossary's reading wins; where it gives none, pykakasi reads the kanji
(its readings of names can be off — 郡山 as こうりやま — which is why names carry their own).
Persons sort by family name in both lists („Neubaur, Mona“ under N, モナ・ノイバウアー under の).
An entry with no Japanese to read (Latin letters only) sorts under A–Z; there is no group of
entries without a reading. The reading column shows readings for kanji only (`shown_reading`):
katakana and kana read as written.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from typing import Any

from ..glossary.model import Entry
from ..japanese import is_kanji
from .content import GlossaryGroup

__all__ = [
    "NO_READING",
    "de_sort_key",
    "group_de",
    "group_ja",
    "ja_sort_key",
    "reading_of",
    "shown_reading",
]

NO_READING = "読み未登録 · ohne Lesung"
LATIN = "A–Z"

_ROWS = "あかさたなはまやらわ"
_GOJUON = (
    "あいうえお",
    "かきくけこ",
    "さしすせそ",
    "たちつてと",
    "なにぬねの",
    "はひふへほ",
    "まみむめも",
    "やゆよ",
    "らりるれろ",
    "わゐゑを",
    "ん",
)
_VOWEL: dict[str, str] = {
    kana: "あいうえお"[i] for row in _GOJUON if len(row) == 5 for i, kana in enumerate(row)
}
_VOWEL.update(zip("やゆよわゐゑを", "あうおあいえお", strict=True))
_SMALL = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ", strict=True))
_ROW_OF = {k: row[0] for row in _GOJUON for k in row}
_DE_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "ẞ": "ss"})


def reading_of(entry: Entry) -> str:
    """Return the hiragana reading of `entry`'s Japanese form ("" when it has no Japanese)."""
    if entry.reading:
        return entry.reading.replace(" ", "").replace("\u3000", "")
    kana = []
    for char in unicodedata.normalize("NFKC", entry.ja):
        if "\u30a1" <= char <= "\u30f6":
            kana.append(chr(ord(char) - 0x60))
        elif "\u3041" <= char <= "\u3096" or char == "ー":
            kana.append(char)
        elif char in "・＝=･ 　-‐":
            continue
        elif is_kanji(char) or kana:
            # kanji, or Latin after kana („ドイツIHK“): pykakasi reads the Japanese in it
            return _kakasi_reading(entry.ja)
        else:
            return ""  # starts with Latin letters: the entry sorts under A–Z
    return "".join(kana)


def shown_reading(entry: Entry, readings: dict[str, str]) -> str:
    """Return the reading the pocket glossary prints for `entry`: for kanji only."""
    if not any(is_kanji(c) for c in entry.ja):
        return ""
    return entry.reading or readings.get(entry.id, "")


def _family_reading(entry: Entry) -> str:
    """Return the reading `entry` sorts by: a foreign person's by the family name."""
    reading = reading_of(entry)
    if entry.type == "person" and entry.ja_short and not entry.ja.startswith(entry.ja_short):
        family = reading_of(Entry(id=entry.id, de="", ja=entry.ja_short, en=""))
        return family + reading if family else reading
    return reading


@functools.cache
def _kakasi_reading(text: str) -> str:
    """Return pykakasi's hiragana reading of `text` (for entries the glossary gives none)."""
    hira = "".join(part["hira"] for part in _kakasi().convert(text) if part["hira"].strip())
    return "".join(c for c in hira if "\u3041" <= c <= "\u3096" or c == "ー")


@functools.cache
def _kakasi() -> Any:
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


def ja_sort_key(reading: str) -> tuple[str, str, str]:
    """Return the gojūon sort key of a hiragana `reading`."""
    base: list[str] = []
    marks: list[str] = []
    for char in reading:
        if char == "ー":
            base.append(_VOWEL.get(base[-1], "ー") if base else "ー")
            marks.append("2")
            continue
        decomposed = unicodedata.normalize("NFD", char)
        plain = _SMALL.get(decomposed[0], decomposed[0])
        base.append(plain)
        # plain < voiced (゛) < semi-voiced (゜); small kana after their large form
        marks.append("0" if len(decomposed) == 1 else "1" if decomposed[1] == "\u3099" else "3")
        marks[-1] += "1" if decomposed[0] in _SMALL else "0"
    return "".join(base), "".join(marks), reading


def de_sort_key(text: str) -> tuple[str, str]:
    """Return the German dictionary sort key of `text` (DIN 5007-1)."""
    folded = text.casefold().translate(_DE_FOLD)
    folded = "".join(
        c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c)
    )
    return "".join(c for c in folded if c.isalnum() or c == " ").strip(), text


def _de_key(entry: Entry) -> tuple[str, str]:
    """Return the German sort key of `entry`: a person's by family name („Neubaur, Mona“)."""
    if entry.type == "person":
        family = entry.de_short or entry.de.rsplit(" ", 1)[-1]
        given = entry.de.removesuffix(family).strip()
        return de_sort_key(f"{family} {given}")
    return de_sort_key(entry.de)


def group_de(entries: Iterable[Entry]) -> tuple[GlossaryGroup, ...]:
    """Return `entries` sorted by their German form, grouped by initial letter."""
    groups: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=_de_key):
        initial = _de_key(entry)[0][:1].upper()
        groups.setdefault(initial if initial.isalpha() else "#", []).append(entry)
    return tuple(GlossaryGroup(label, tuple(items)) for label, items in groups.items())


def group_ja(entries: Iterable[Entry]) -> tuple[tuple[GlossaryGroup, ...], dict[str, str]]:
    """Return `entries` in gojūon order grouped by row, and the reading of each."""
    entries = list(entries)
    readings = {e.id: reading_of(e) for e in entries}
    rows: dict[str, list[tuple[tuple[str, str, str], Entry]]] = {}
    for entry in entries:
        reading = _family_reading(entry)
        if reading:
            key = ja_sort_key(reading)
            label = f"{_ROW_OF.get(key[0][:1], 'あ')}行"
            rows.setdefault(label, []).append((key, entry))
        else:
            rows.setdefault(LATIN, []).append((("", "", entry.ja.casefold()), entry))
    order = [f"{r}行" for r in _ROWS] + [LATIN]
    groups = tuple(
        GlossaryGroup(label, tuple(e for _, e in sorted(rows[label], key=lambda x: x[0])))
        for label in order
        if label in rows
    )
    return groups, {k: v for k, v in readings.items() if v}
