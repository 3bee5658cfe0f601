"""Glossary values: entries, the merged glossary with its lookup index, and term hits.

An `Entry` is one concept with its German, Japanese and English forms, as one ``[[entry]]``
table of a glossary TOML file holds it. A `Glossary` is the read-only union of one or more files;
its `version` is a hash of the content (not of file names or line numbers), so a translation
cache keyed on it is invalidated exactly when a term changes.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar, get_args

from ..model import Lang

__all__ = [
    "CONTEXTS",
    "ENTRY_TYPES",
    "JA_JOINERS",
    "NAME_TYPES",
    "Entry",
    "EntryType",
    "Glossary",
    "GlossaryInfo",
    "JaPosition",
    "LookupLang",
    "TermHit",
    "fold_de",
    "is_katakana",
    "ja_key",
    "ja_key_map",
]

_T = TypeVar("_T")

EntryType = Literal["term", "person", "organisation", "place", "title"]
ENTRY_TYPES: tuple[EntryType, ...] = get_args(EntryType)
# Proper names: matched as written, never inside a closed compound.
NAME_TYPES: frozenset[str] = frozenset({"person", "organisation", "place"})
JaPosition = Literal["after", "before"]
LookupLang = Literal["de", "ja", "en"]
# Who a title or office belongs to, where the equivalent depends on it (首相: a German Land's
# Ministerpräsident, the Federal Chancellor, Japan's Prime Minister).
CONTEXTS = ("land", "federal", "japan", "city", "foreign")

# ＝ = ゠ ・ ･ and dashes between katakana all spell the same word boundary ("ノルトライン＝
# ヴェストファーレン", "ノルトライン・ヴェストファーレン"); the key drops them there.
JA_JOINERS = frozenset("=゠・･-‐‑‒–—―−")


@dataclass(frozen=True, slots=True)
class Entry:
    """One glossary concept: its German, Japanese and English forms and what they are."""

    id: str  # "<glossary id>:<n>", n counting [[entry]] tables from 1
    de: str
    ja: str
    en: str
    type: EntryType = "term"
    de_variants: tuple[str, ...] = ()
    ja_variants: tuple[str, ...] = ()
    reading: str = ""  # hiragana reading of `ja`
    romaji: str = ""
    note: str = ""
    forbidden_ja: tuple[str, ...] = ()
    forbidden_de: tuple[str, ...] = ()
    de_short: str = ""  # persons: surname as used after a title ("Uchibori")
    ja_short: str = ""  # persons: "内堀"
    ja_position: JaPosition | None = None  # titles: 内堀知事 puts the title "after" the name
    abbr: str = ""
    domain: str = ""
    evidence: str = ""  # where the equivalence is attested: parallel page, name list, dictionary
    context: str = ""  # the context a mention of this entry sets ("NRW" -> "land"), see CONTEXTS
    # the equivalent by context, when the entry is found in Japanese (de) or German (ja) text
    context_de: tuple[tuple[str, str], ...] = ()
    context_ja: tuple[tuple[str, str], ...] = ()
    inside: bool = True  # may be found inside a longer word (水素 in 水素社会); False: 首相, 大臣
    source: str = ""  # file the entry was read from
    line: int = 0  # line of its [[entry]] header

    def forms(self, lang: Lang) -> tuple[str, ...]:
        """Return every form that stands for this entry in `lang` text, the main form first."""
        if lang == "de":
            candidates = (self.de, *self.de_variants, self.de_short, self.abbr)
        else:
            candidates = (self.ja, *self.ja_variants, self.ja_short, self.abbr)
        return tuple(dict.fromkeys(f for f in candidates if f))

    def content(self) -> dict[str, Any]:
        """Return the entry's terminology as plain data, without its id and file position."""
        return {
            "de": self.de,
            "de_variants": list(self.de_variants),
            "ja": self.ja,
            "ja_variants": list(self.ja_variants),
            "en": self.en,
            "type": self.type,
            "reading": self.reading,
            "romaji": self.romaji,
            "note": self.note,
            "forbidden_ja": list(self.forbidden_ja),
            "forbidden_de": list(self.forbidden_de),
            "de_short": self.de_short,
            "ja_short": self.ja_short,
            "ja_position": self.ja_position,
            "abbr": self.abbr,
            "domain": self.domain,
            "evidence": self.evidence,
            "context": self.context,
            "context_de": dict(self.context_de),
            "context_ja": dict(self.context_ja),
            "inside": self.inside,
        }

    def equivalent(self, lang: Lang, context: str = "") -> str:
        """Return the form in `lang` for a mention in `context` (the main form by default)."""
        table = dict(self.context_ja if lang == "ja" else self.context_de)
        if context in table:
            return table[context]
        return self.ja if lang == "ja" else self.de


@dataclass(frozen=True, slots=True)
class GlossaryInfo:
    """The ``[glossary]`` table of one file."""

    id: str
    path: str
    domain: str = ""
    title_de: str = ""
    title_ja: str = ""
    version: str = ""


@dataclass(frozen=True)
class Glossary:
    """A read-only set of entries from one or more files, indexed by their forms."""

    entries: tuple[Entry, ...] = ()
    files: tuple[GlossaryInfo, ...] = ()
    # Compiled matchers, built on first use (see scan.py); never part of equality.
    _cache: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __hash__(self) -> int:
        return hash(self.version)

    def memo(self, key: str, build: Callable[[], _T]) -> _T:
        """Return the value cached under `key` on this glossary, calling `build` the first time."""
        if key not in self._cache:
            self._cache[key] = build()
        value: _T = self._cache[key]
        return value

    @cached_property
    def version(self) -> str:
        """Return a stable hash of the terminology (16 hex digits), for cache keys."""
        payload = json.dumps(
            [e.content() for e in self.entries], ensure_ascii=False, sort_keys=True
        )
        return hashlib.sha256(("dejakit.glossary/1\n" + payload).encode()).hexdigest()[:16]

    @cached_property
    def _index(self) -> dict[str, dict[str, tuple[Entry, ...]]]:
        index: dict[str, dict[str, list[Entry]]] = {"de": {}, "ja": {}, "en": {}}
        for entry in self.entries:
            for lang in ("de", "ja"):
                for form in entry.forms(lang):
                    bucket = index[lang].setdefault(_lookup_key(form, lang), [])
                    if entry not in bucket:
                        bucket.append(entry)
            if entry.en:
                index["en"].setdefault(_lookup_key(entry.en, "en"), []).append(entry)
        return {lang: {k: tuple(v) for k, v in d.items()} for lang, d in index.items()}

    def lookup(self, form: str, lang: LookupLang) -> tuple[Entry, ...]:
        """Return the entries that have `form` (exactly, up to case and width) in `lang`."""
        return self._index[lang].get(_lookup_key(form, lang), ())

    def by_de(self, form: str) -> tuple[Entry, ...]:
        """Return the entries whose German form or variant is `form`."""
        return self.lookup(form, "de")

    def by_ja(self, form: str) -> tuple[Entry, ...]:
        """Return the entries whose Japanese form or variant is `form`."""
        return self.lookup(form, "ja")

    def by_en(self, form: str) -> tuple[Entry, ...]:
        """Return the entries whose English pivot term is `form`."""
        return self.lookup(form, "en")

    def by_id(self, entry_id: str) -> Entry | None:
        """Return the entry with id `entry_id` ("energy:12"), or None."""
        return next((e for e in self.entries if e.id == entry_id), None)


@dataclass(frozen=True, slots=True)
class TermHit:
    """One place where a glossary form occurs in a text."""

    start: int  # offsets into the text as given (str indices)
    end: int
    form: str  # text[start:end], as it stands in the text
    entry: Entry
    lang: Lang
    in_compound: bool = False  # part of a longer word ("Wasserstoff" in "Wasserstoff-Strategie")
    context: str = ""  # who is meant, where the entry's equivalent depends on it ("land")
    review: bool = False  # the equivalent depends on a context the text doesn't decide

    def target_form(self) -> str:
        """Return the equivalent in the other language, as the context decides it."""
        return self.entry.equivalent("ja" if self.lang == "de" else "de", self.context)


def fold_de(text: str) -> str:
    """Return `text` lower-cased character by character, so offsets stay the same."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def ja_key(text: str) -> str:
    """Return the match key of Japanese `text`: NFKC, no spaces, no joiners between katakana."""
    return ja_key_map(text)[0]


def ja_key_map(text: str) -> tuple[str, list[int], list[int]]:
    """Return the match key of `text` with the original start and end offset of each key char.

    Each character is NFKC-normalised on its own (so offsets stay exact), a half-width voiced
    mark is composed with the kana before it, whitespace is dropped (Japanese lines wrap
    anywhere) except one space between Latin letters or digits, and ＝ = ゠ ・ ･ or a dash
    between two katakana is dropped.
    """
    if (
        unicodedata.is_normalized("NFKC", text)
        and not _SLOW_KEY.search(text)
        and not any(c.isspace() for c in text)
    ):
        # Nothing to fold, drop or compose (the usual case): the key is the text itself.
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    space = -1  # offset of the whitespace run before the next character, if any
    for i, original in enumerate(text):
        for char in unicodedata.normalize("NFKC", original):
            if char.isspace():
                space = i if space < 0 else space
                continue
            if space >= 0 and chars and _is_latin(chars[-1]) and _is_latin(char):
                chars.append(" ")  # "MEDICA 2026" stays two words
                starts.append(space)
                ends.append(space + 1)
            space = -1
            if char in "\u3099\u309a" and chars:
                composed = unicodedata.normalize("NFC", chars[-1] + char)
                if len(composed) == 1:
                    chars[-1], ends[-1] = composed, i + 1
                    continue
            chars.append(char)
            starts.append(i)
            ends.append(i + 1)
    keep = [
        not (
            char in JA_JOINERS
            and 0 < n < len(chars) - 1
            and is_katakana(chars[n - 1])
            and is_katakana(chars[n + 1])
        )
        for n, char in enumerate(chars)
    ]
    return (
        "".join(c for c, k in zip(chars, keep, strict=True) if k),
        [s for s, k in zip(starts, keep, strict=True) if k],
        [e for e, k in zip(ends, keep, strict=True) if k],
    )


# Characters the key drops or composes: joiners between katakana, combining voiced marks.
_SLOW_KEY = re.compile("[" + re.escape("".join(sorted(JA_JOINERS))) + "\u3099\u309a]")


def is_katakana(char: str) -> bool:
    """Return whether `char` is a katakana letter or the prolonged sound mark ー."""
    return "\u30a1" <= char <= "\u30fa" or char in "ーヽヾ" or "\u31f0" <= char <= "\u31ff"


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _lookup_key(form: str, lang: LookupLang) -> str:
    if lang == "ja":
        return ja_key(form)
    return " ".join(unicodedata.normalize("NFKC", form).casefold().split())
