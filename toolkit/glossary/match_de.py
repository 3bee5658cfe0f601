"""German term matching: inflected forms, compounds, hyphenation and line breaks.

The text is normalised first (soft hyphens dropped, a word broken as "Wasser-" / "stoff" joined,
whitespace runs made one space), with a map back to the original offsets. It is then cut into
word pieces at spaces, hyphens and punctuation ("NRW.Energy4Climate" stays one piece), and every
glossary form is compiled into word rules:

- nouns match case-insensitively but must start with a capital where they start a word, and
  take noun endings ("Wasserstoffs", "Elektrolyseuren") and umlaut plurals ("Ärzte");
- lower-case words of a multi-word term are adjectives ("erneuerbaren Energien");
- names (person, organisation, place) match as written, with a genitive -s ("Neubaurs");
- acronyms and short words ("H2", "NRW", "KI") match as written, as whole pieces only, and
  abbreviations take a plural -s ("MoUs");
- a term also matches inside a closed compound ("Grünwasserstoff", "Brennstoffzellenfahrzeug")
  when it has at least `MIN_INSIDE` letters, the rest of the word at least `MIN_PART`, and
  German hyphenation (Pyphen) allows a break at both ends — so "Gas" never hits "Gastgeber";
  a noun also starts a lower-case compound ("wasserstoffbasiert"), and an entry with
  ``inside = false`` is never part of a longer word.

Overlapping hits are resolved longest first, then leftmost.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from ..contacts import EMAIL_PATTERN, URL_PATTERN
from .hyphen import hyphenator
from .model import NAME_TYPES, Entry, Glossary, TermHit, fold_de

__all__ = ["MIN_INSIDE", "MIN_PART", "GermanMatcher"]

MIN_INSIDE = 4  # a term found inside a longer word has at least this many letters
MIN_PART = 3  # and the rest of that word has at least this many on each side

_NOUN_ENDINGS = frozenset({"", "s", "es", "e", "en", "n", "er", "ern", "ns", "nen"})
_SHORT_NOUN_ENDINGS = frozenset({"", "s", "es"})  # "Rat": never "Rate" or "Raten"
_ADJ_ENDINGS = frozenset({"", "e", "en", "er", "es", "em"})
_NAME_ENDINGS = frozenset({"", "s"})
_EXACT = frozenset({""})
_PLURAL_S = frozenset({"", "s"})  # abbreviations take a bare -s in the plural: "MoUs", "KMUs"
_UMLAUT_ENDINGS = frozenset({"e", "en", "er", "ern"})
_ALL_ENDINGS = tuple(
    sorted(_NOUN_ENDINGS | _ADJ_ENDINGS | _UMLAUT_ENDINGS | {"ien"}, key=len, reverse=True)
)
# Linking elements (Fugen) between the parts of a closed compound: "Wirtschafts|förderung",
# "Brennstoffzellen|fahrzeug", "Medizinprodukte|verordnung".
_LINKS = ("", "s", "es", "n", "en", "e", "er")
_UMLAUTS = {"a": "ä", "o": "ö", "u": "ü", "au": "äu"}
# Lower-case words of five letters or more that are not adjectives: never inflect them.
_FUNCTION_WORDS = frozenset(
    "unter über zwischen gegen durch sowie ohne nach neben hinter einer eines einem "
    "während wegen statt seit".split()
)
# A hyphen at a line end before one of these is a suspended compound ("Wirtschafts- und
# Klimaschutzministerin"), not a word broken in two.
_FREE_WORDS = frozenset("und oder bis bzw sowie als wie noch to and or".split())
_HYPHENS = "-\u2010\u2011"
_PIECE = re.compile(r"\w+(?:\.\w+)*")
_MASK = re.compile(f"{URL_PATTERN}|{EMAIL_PATTERN}")


@dataclass(frozen=True, slots=True)
class _Word:
    """How one word of a glossary form may appear in text."""

    stems: tuple[tuple[str, frozenset[str]], ...]  # (stem as compared, endings it may take)
    exact_case: bool  # compare as written (names, acronyms) instead of lower-cased
    capital: bool  # a noun: where it starts a word, the text has a capital letter
    compounding: bool  # may be part of a closed compound

    def match(self, text: str) -> bool:
        """Return whether the whole word `text` is this word with an allowed ending."""
        key = text if self.exact_case else fold_de(text)
        return any(
            key.startswith(stem) and key[len(stem) :] in endings for stem, endings in self.stems
        )


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One glossary form compiled into word rules."""

    entry: Entry
    order: int  # position in the glossary: the earlier entry wins a tie
    words: tuple[_Word, ...]
    seps: tuple[str, ...]  # what stands between the words, whitespace made one space
    lead: str  # punctuation the form starts with
    trail: str  # and ends with ("Dr.")
    rank: int = 0  # 0: the entry's main form; 1: a variant (loses a tie to a main form)


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    text: str


class GermanMatcher:
    """Finds the German forms of a glossary's entries in text; build once per glossary."""

    def __init__(self, glossary: Glossary) -> None:
        self._exact: dict[str, list[tuple[_Pattern, frozenset[str]]]] = {}
        self._folded: dict[str, list[tuple[_Pattern, frozenset[str]]]] = {}
        self._parts: dict[str, list[_Pattern]] = {}  # single-word terms by stem, for compounds
        for order, entry in enumerate(glossary.entries):
            for rank, form in enumerate(entry.forms("de")):
                pattern = _compile(entry, form, order, min(rank, 1))
                if pattern is not None:
                    self._add(pattern)

    def _add(self, pattern: _Pattern) -> None:
        first = pattern.words[0]
        index = self._exact if first.exact_case else self._folded
        for stem, endings in first.stems:
            index.setdefault(stem, []).append((pattern, endings))
        if len(pattern.words) == 1 and first.compounding and not pattern.lead + pattern.trail:
            self._parts.setdefault(first.stems[0][0], []).append(pattern)

    def find(self, text: str) -> list[TermHit]:
        """Return the hits in `text`, longest first where they overlap, sorted by position."""
        norm, origin = _prepare(text)
        masked = [m.span() for m in _MASK.finditer(norm)]
        pieces = [
            _Piece(m.start(), m.end(), m.group())
            for m in _PIECE.finditer(norm)
            if not any(s <= m.start() < e for s, e in masked)
        ]
        found: list[tuple[int, int, _Pattern, bool]] = []
        for k, piece in enumerate(pieces):
            for pattern in self._first_word(piece.text):
                hit = self._extend(norm, pieces, k, pattern)
                if hit is not None:
                    found.append((piece.start, hit[0], pattern, hit[1]))
            if len(piece.text) >= MIN_INSIDE + MIN_PART and piece.text.isalpha():
                for start, end, pattern in self._inside(piece.text):
                    found.append((piece.start + start, piece.start + end, pattern, True))
            found.extend(self._hyphenated(norm, pieces, k))
        return _resolve(text, norm, origin, found)

    def _hyphenated(
        self, norm: str, pieces: list[_Piece], k: int
    ) -> list[tuple[int, int, _Pattern, bool]]:
        """Return closed single-word forms written with hyphens ("Wasserstoff-Strategie")."""
        out: list[tuple[int, int, _Pattern, bool]] = []
        for count in (2, 3):
            group = pieces[k : k + count]
            if len(group) < count or any(
                norm[a.end : b.start] != "-" for a, b in itertools.pairwise(group)
            ):
                break
            joined = "".join(p.text for p in group)
            if not joined.isalpha():
                break
            for pattern in self._first_word(joined):
                if len(pattern.words) == 1 and not pattern.trail:
                    out.append((group[0].start, group[-1].end, pattern, False))
        return out

    def _first_word(self, text: str) -> list[_Pattern]:
        """Return the patterns whose first word is the whole of `text`."""
        folded = fold_de(text)
        out: list[_Pattern] = []
        for ending in _ALL_ENDINGS:
            if len(text) <= len(ending) or not text.endswith(ending):
                continue
            cut = len(text) - len(ending)
            for index, key in ((self._exact, text[:cut]), (self._folded, folded[:cut])):
                for pattern, endings in index.get(key, ()):
                    if ending in endings and not (pattern.words[0].capital and text[0].islower()):
                        out.append(pattern)
        return out

    def _extend(
        self, norm: str, pieces: list[_Piece], k: int, pattern: _Pattern
    ) -> tuple[int, bool] | None:
        """Return (end, in_compound) when `pattern` matches from piece `k` on, else None."""
        start, end = pieces[k].start, pieces[k].end
        inside = False
        for j in range(1, len(pattern.words)):
            if k + j >= len(pieces):
                return None
            prev, piece, word = pieces[k + j - 1], pieces[k + j], pattern.words[j]
            if not _sep_ok(pattern.seps[j - 1], norm[prev.end : piece.start]):
                return None
            if word.capital and piece.text[0].islower():
                return None
            if word.match(piece.text):
                end = piece.end
            elif j == len(pattern.words) - 1 and word.compounding:
                cut = _compound_start(piece.text, word)
                if cut is None:
                    return None
                end, inside = piece.start + cut, True
            else:
                return None
        if pattern.lead and not norm.startswith(pattern.lead, start - len(pattern.lead)):
            return None
        if pattern.trail:
            if not norm.startswith(pattern.trail, end):
                return None
            end += len(pattern.trail)
        return end, inside

    def _inside(self, text: str) -> list[tuple[int, int, _Pattern]]:
        """Return (start, end, pattern) for single-word terms inside the compound `text`."""
        folded = fold_de(text)
        size = len(text)
        bounds = _breaks(folded)
        starts = [0, *(b for b in bounds if b >= MIN_PART)]
        out: list[tuple[int, int, _Pattern]] = []
        for start in starts:
            if start:  # the term ends the word, maybe inflected: "Klimaschutz|ministerin"
                tail = folded[start:]
                for ending in _ALL_ENDINGS:
                    if not tail.endswith(ending) or len(tail) - len(ending) < MIN_INSIDE:
                        continue
                    for pattern, endings in self._folded.get(tail[: len(tail) - len(ending)], ()):
                        if ending in endings and len(pattern.words) == 1 and _inner(pattern):
                            out.append((start, size, pattern))
            for stop in bounds:  # the term starts the word or sits in the middle
                if stop <= start or size - stop < MIN_PART:
                    continue
                chunk = folded[start:stop]
                for link in _LINKS:
                    stem = chunk[: len(chunk) - len(link)] if link else chunk
                    if len(stem) < MIN_INSIDE or not chunk.endswith(link):
                        continue
                    # a noun may start a lower-case word: "wasserstoffbasiert" is an adjective
                    # made of Wasserstoff, so the term is there
                    out.extend((start, start + len(stem), p) for p in self._parts.get(stem, ()))
        return out


def _compile(entry: Entry, form: str, order: int, rank: int = 0) -> _Pattern | None:
    """Return `form` of `entry` as word rules, or None if it holds no word."""
    norm, _ = _prepare(form.strip())
    matches = list(_PIECE.finditer(norm))
    if not matches:
        return None
    name = entry.type in NAME_TYPES
    words = tuple(
        _word_rule(m.group(), name=name, last=i == len(matches) - 1) for i, m in enumerate(matches)
    )
    if not entry.inside:  # the glossary says: never part of a longer word
        words = tuple(_Word(w.stems, w.exact_case, w.capital, False) for w in words)
    seps = tuple(norm[a.end() : b.start()] for a, b in itertools.pairwise(matches))
    lead, trail = norm[: matches[0].start()], norm[matches[-1].end() :]
    if trail:  # "Dr.": the form ends in punctuation, so its last word takes no ending
        last = words[-1]
        words = (*words[:-1], _Word(((last.stems[0][0], _EXACT),), last.exact_case, False, False))
    return _Pattern(entry, order, words, seps, lead, trail, rank)


def _word_rule(word: str, *, name: bool, last: bool) -> _Word:
    """Return the rule for `word` of a form: its stems, endings and case handling."""
    upper = sum(c.isupper() for c in word)
    if upper >= 2 and word.isalpha():
        return _Word(((word, _PLURAL_S),), True, False, False)  # "NRW", "KI", "MoU(s)"
    if len(word) <= 2 or upper >= 2 or not word.isalpha():
        return _Word(((word, _EXACT),), True, False, False)  # "H2", "to"
    if name:
        return _Word(((word, _NAME_ENDINGS),), True, False, False)
    folded = fold_de(word)
    if word[0].isupper():
        endings = _NOUN_ENDINGS if len(word) > 3 else _SHORT_NOUN_ENDINGS
        stems = [(folded, endings)]
        stems += [(s, e) for s, e in _plural_stems(folded)]
        return _Word(tuple(stems), False, True, last and len(word) >= MIN_INSIDE)
    if len(word) >= 5 and folded not in _FUNCTION_WORDS:
        for ending in ("en", "er", "es", "em", "e"):
            if folded.endswith(ending) and len(folded) - len(ending) >= 3:
                return _Word(((folded[: -len(ending)], _ADJ_ENDINGS),), False, False, False)
        return _Word(((folded, _ADJ_ENDINGS),), False, False, False)
    return _Word(((folded, _EXACT),), False, False, False)


def _plural_stems(word: str) -> list[tuple[str, frozenset[str]]]:
    """Return extra (stem, endings) for plurals that change the stem: Ärzte, Zentren, Firmen."""
    out: list[tuple[str, frozenset[str]]] = []
    if word.endswith("um") and len(word) > 4:
        out.append((word[:-2], frozenset({"en"})))  # Zentrum -> Zentren, Ministerium -> -ien
    if word.endswith("a") and len(word) > 4:
        out.append((word[:-1], frozenset({"en"})))  # Firma -> Firmen
    vowels = [m for m in re.finditer(r"au|[aeiouäöü]", word)]
    if not vowels:
        return out
    last = vowels[-1]
    endings = _UMLAUT_ENDINGS
    if last.group() in ("e", "i") and len(vowels) > 1 and word.endswith(("en", "er", "el")):
        last, endings = vowels[-2], frozenset({"", "n", "s"})  # Hafen -> Häfen
    if last.group() in _UMLAUTS:
        umlauted = word[: last.start()] + _UMLAUTS[last.group()] + word[last.end() :]
        out.append((umlauted, endings))
    return out


def _inner(pattern: _Pattern) -> bool:
    """Return whether `pattern` may end a closed compound ("Grün|wasserstoff")."""
    word = pattern.words[0]
    return word.compounding and not pattern.lead and not pattern.trail


def _compound_start(text: str, word: _Word) -> int | None:
    """Return where `word` ends when it starts the closed compound `text`, else None."""
    folded = fold_de(text)
    stem = word.stems[0][0]
    if not folded.startswith(stem) or len(text) - len(stem) < MIN_PART:
        return None
    bounds = _breaks(folded)
    for link in _LINKS:
        stop = len(stem) + len(link)
        if folded.startswith(link, len(stem)) and stop in bounds and len(text) - stop >= MIN_PART:
            return len(stem)
    return None


@functools.lru_cache(maxsize=65536)
def _breaks(word: str) -> frozenset[int]:
    """Return the offsets where German hyphenation allows a break in `word`."""
    return frozenset(hyphenator().positions(word))


def _sep_ok(form_sep: str, text_sep: str) -> bool:
    """Return whether the text between two words fits what the form has there."""
    if form_sep == text_sep:
        return True
    # "erneuerbare Energien" inside "Erneuerbare-Energien-Gesetz"
    return form_sep == " " and text_sep == "-"


def _prepare(text: str) -> tuple[str, list[int]]:
    """Return `text` normalised for matching, and the original offset of each character."""
    out: list[str] = []
    origin: list[int] = []
    i, size = 0, len(text)
    while i < size:
        char = text[i]
        if char == "\u00ad":  # soft hyphen: invisible, only a break opportunity
            i += 1
            continue
        if char in _HYPHENS:
            j = i + 1
            while j < size and text[j] in " \t\u00ad":
                j += 1
            if j < size and text[j] == "\n" and out and out[-1].isalpha():
                k = j + 1
                while k < size and text[k] in " \t":
                    k += 1
                word = _PIECE.match(text, k)
                if word and word.group()[0].isalpha():
                    if word.group()[0].islower() and word.group() not in _FREE_WORDS:
                        i = k  # "Wasser-\nstoff": a word broken at the line end
                        continue
                    out.append("-")
                    origin.append(i)
                    i = k  # "Wasserstoff-\nStrategie": the hyphen belongs to the word
                    continue
            out.append("-")
            origin.append(i)
            i += 1
            continue
        if char.isspace():
            j = i
            while j < size and text[j].isspace():
                j += 1
            out.append(" ")
            origin.append(i)
            i = j
            continue
        out.append(char)
        origin.append(i)
        i += 1
    return "".join(out), origin


def _resolve(
    text: str, norm: str, origin: list[int], found: list[tuple[int, int, _Pattern, bool]]
) -> list[TermHit]:
    """Return non-overlapping hits, longest first, then leftmost, then earliest entry."""
    found.sort(key=lambda f: (f[0] - f[1], f[0], f[2].rank, f[2].order))
    taken: list[tuple[int, int]] = []
    hits: list[TermHit] = []
    for start, end, pattern, inside in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        inside = inside or _hyphen_joined(norm, start, end)
        first, last = origin[start], origin[end - 1] + 1
        hits.append(TermHit(first, last, text[first:last], pattern.entry, "de", inside))
    hits.sort(key=lambda h: h.start)
    return hits


def _hyphen_joined(norm: str, start: int, end: int) -> bool:
    """Return whether a hyphen ties the span to a neighbouring word ("Wasserstoff-Strategie")."""
    before = start >= 2 and norm[start - 1] == "-" and norm[start - 2].isalnum()
    after = end < len(norm) and norm[end] == "-" and (end + 1 == len(norm) or norm[end + 1] != "-")
    return before or after
