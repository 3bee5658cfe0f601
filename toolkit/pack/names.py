"""Names, titles, organisations and places in both languages: from the manifest or the glossary.

A name-like field ``X`` is written either once, in either language (``name = "内堀雅雄"``), and the
glossary supplies the other form (and the reading of a Japanese name), or in both languages
(``name_de = "Julia Hartmann"`` and ``name_ja = "ユリア・ハルトマン"``). A form that neither the
manifest nor the glossary gives is a problem naming the line and the key to add.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..glossary.model import Entry, Glossary
from ..japanese import HIRAGANA, KANJI, has_japanese
from ..model import Lang
from ..tomlfile import Table

__all__ = [
    "PERSON",
    "PLACE",
    "TITLE",
    "Name",
    "is_japanese_name",
    "resolve_name",
    "resolve_names",
]

PERSON = frozenset({"person"})
PLACE = frozenset({"place", "organisation"})
TITLE = frozenset({"title", "term"})

_KANJI_OR_HIRAGANA = re.compile(f"[{HIRAGANA}{KANJI}]")
_HONORIFIC = re.compile(r"(?:博士|教授|氏|様|先生)$")


@dataclass(frozen=True, slots=True)
class Name:
    """A name, title, organisation or place in both languages (with a reading if Japanese)."""

    de: str
    ja: str
    reading: str = ""  # hiragana, family name first for persons
    romaji: str = ""  # the reading for German readers, family name first: "Uchibori Masao"
    entry: Entry | None = None  # the glossary entry that supplied a form

    def form(self, lang: Lang) -> str:
        """Return the form in `lang`."""
        return self.de if lang == "de" else self.ja


def is_japanese_name(name: Name) -> bool:
    """Return whether `name` is a Japanese name (kanji or hiragana, read family name first)."""
    # "カタリーナ・ブラント博士": a degree after a katakana name doesn't make it Japanese
    return bool(_KANJI_OR_HIRAGANA.search(_HONORIFIC.sub("", name.ja)))


def resolve_name(
    table: Table,
    key: str,
    *,
    glossary: Glossary | None,
    kinds: frozenset[str],
    required: bool = False,
    example: tuple[str, str] = ("…", "…"),
) -> Name | None:
    """Return the bilingual form of field `key` of `table`, noting a problem if one is missing.

    `kinds` are the glossary entry types that may supply the other form; `example` gives a
    German and a Japanese value for the fix a message suggests.
    """
    if table.suggested & {key, f"{key}_de", f"{key}_ja"}:
        return None  # a misspelt key was reported already; don't report its absence too
    one = table.text(key)
    de = table.text(f"{key}_de")
    ja = table.text(f"{key}_ja")
    if one is not None and (de is not None or ja is not None):
        table.problem(key, f"give either {key} or {key}_de and {key}_ja, not both; remove {key}")
        return None
    if de is not None and ja is not None:
        if has_japanese(de):
            table.problem(f"{key}_de", f"{key}_de holds Japanese; write the German form there")
            return None
        if not has_japanese(ja):
            table.problem(
                f"{key}_ja",
                f"{key}_ja {ja!r} is not Japanese; write the Japanese form, e.g. "
                f'{key}_ja = "{example[1]}" (katakana for German names)',
            )
            return None
        return Name(de=de, ja=ja)
    given, lang_key = (
        (one, key) if one is not None else (de, f"{key}_de") if de else (ja, f"{key}_ja")
    )
    if given is None:
        if required:
            table.problem(
                "", f'missing {key}; add {key} = "{example[0]}" (or {key}_de and {key}_ja)'
            )
        return None
    lang: Lang = "ja" if has_japanese(given) else "de"
    if lang_key.endswith("_de") and lang == "ja":
        table.problem(lang_key, f"{lang_key} holds Japanese; write it as {key}_ja")
        return None
    other: Lang = "de" if lang == "ja" else "ja"
    entry, why = _lookup(given, lang, glossary, kinds)
    if entry is None:
        table.problem(
            lang_key,
            f'{given!r} {why}; add {key}_{other} = "{example[0 if other == "de" else 1]}" '
            f"(the {'German' if other == 'de' else 'Japanese'} form) next to {key}_{lang}"
            + (f" and write {key} as {key}_{lang}" if lang_key == key else ""),
        )
        return None
    forms = {lang: given, other: entry.de if other == "de" else entry.ja}
    return Name(
        de=forms["de"], ja=forms["ja"], reading=entry.reading, romaji=entry.romaji, entry=entry
    )


def resolve_names(
    table: Table,
    key: str,
    *,
    glossary: Glossary | None,
    kinds: frozenset[str],
) -> tuple[Name, ...]:
    """Return the bilingual forms of the list field `key` (or `key`_de and `key`_ja lists)."""
    one = table.strings(key)
    de = table.strings(f"{key}_de")
    ja = table.strings(f"{key}_ja")
    if de is not None or ja is not None:
        if one is not None or de is None or ja is None or len(de) != len(ja):
            table.problem(
                f"{key}_de" if de is not None else f"{key}_ja",
                f"{key}_de and {key}_ja must both be lists of the same length (one item per "
                f"place, in the same order); or write {key} = [...] with glossary names only",
            )
            return ()
        return tuple(Name(de=d, ja=j) for d, j in zip(de, ja, strict=True))
    names: list[Name] = []
    for item in one or ():
        lang: Lang = "ja" if has_japanese(item) else "de"
        entry, why = _lookup(item, lang, glossary, kinds)
        if entry is None:
            table.problem(
                key,
                f"{item!r} {why}; write {key}_de = [...] and {key}_ja = [...] "
                "with both forms of every item instead",
            )
            continue
        other = entry.ja if lang == "de" else entry.de
        de_form, ja_form = (item, other) if lang == "de" else (other, item)
        names.append(Name(de_form, ja_form, entry.reading, entry.romaji, entry))
    return tuple(names)


def _lookup(
    form: str, lang: Lang, glossary: Glossary | None, kinds: frozenset[str]
) -> tuple[Entry | None, str]:
    """Return the one glossary entry of a type in `kinds` with `form`, or why there is none."""
    if glossary is None:
        return None, "can't be looked up (no glossary)"
    entries = [
        e for e in glossary.lookup(unicodedata.normalize("NFC", form), lang) if e.type in kinds
    ]
    others = {(e.ja if lang == "de" else e.de) for e in entries}
    if not entries:
        return None, "is not in the glossary"
    if len(others) > 1:
        shown = " or ".join(sorted(others))
        return None, f"is ambiguous in the glossary ({shown})"
    return entries[0], ""
