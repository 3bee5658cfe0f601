"""Protected units: stretches of text a line must never break inside, in any output format.

Renderer-neutral (plain data and functions): the HTML/PDF markup keeps each unit in an
unbreakable span, the DOCX writer can join them with no-break characters, and the layout check
(`toolkit.render.layoutcheck`) fails a PDF whose line breaks inside one. A unit is a glossary
name or term (Japanese forms: „郡山市“, „モナ・ノイバウアー“), a date with its weekday
(„2026年3月2日（月）“, „20. November 2026“), a number with its unit („3年間“, „30 Prozent“),
a phone number („+81 24-521-7283“), a title with the name after it („Dr. Katharina“) and a few
fixed expressions („日本時間“, „z. B.“). `name_words` lists the words never hyphenated.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..errors import ToolkitError
from .hyphenate import known_word

__all__ = [
    "ADDRESS",
    "FIXED_JA",
    "NO_LINE_END",
    "NO_LINE_START",
    "name_words",
    "part_spans",
    "protected_spans",
    "unit_pattern",
]

_MONTHS_DE = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
)
_UNITS_DE = (
    r"%|Prozent|Prozentpunkte|Mio\.|Millionen|Mrd\.|Milliarden|Euro|EUR|€|US-Dollar|Dollar|Yen|"
    r"MW|GW|kW|TW|MWh|GWh|kWh|TWh|MWp|kWp|t|Tonnen|km|m|cm|mm|ha|Hektar|kg|°C|Uhr|"
    r"Jahre?n?|Monate?n?|Wochen?|Tage?n?|Stunden?|Minuten?|Mitarbeitende[n]?|"
    r"Beschäftigte[n]?|Teilnehmende[n]?|Personen|Unternehmen|Prozent"
)
_UNITS_JA = (
    r"年間|年度|年|か月|ヶ月|カ月|ケ月|月|日間|日|時間|時|分|秒|％|%|人|名|件|回|社|機関|"
    r"億円|万円|円|億|万|千|ドル|ユーロ|トン|倍|歳|階|号|期|基|棟|拠点|団体|か国|カ国|ヵ国|"
    r"MW|GW|kW|TW|MWh|GWh|kWh|TWh|km|m|ha|kg"
)
_NUMBER = r"\d(?:[\d.,]*\d)?"
_DIGIT_JA = r"[\d０-９]"
# Japanese characters that may not start a line (JIS X 4051 gyōtō kinsoku) ...
NO_LINE_START = frozenset(
    "、。，．,.・：；？！!?ー〜～）」』】〕〉》］｝)]}ヽヾゝゞ々"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
)
# ... and brackets that may not end one (gyōmatsu kinsoku), German „ too.
NO_LINE_END = frozenset("（「『【〔〈《［｛([{„")
# Fixed Japanese expressions that are one word to a reader.
FIXED_JA = ("日本時間", "現地時間", "中央ヨーロッパ時間", "ドイツ時間")
# An e-mail address or a web address: never broken, never hyphenated.
ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s<>()（）]+[\w/]"
_PATTERNS: dict[str, tuple[str, ...]] = {
    "de": (
        ADDRESS,
        # a phone number: +81 24-521-7283, 0211 61772-0, (0211) 837-02
        r"\+\d{1,3}(?:[ \u00a0/-]?(?:\(\d+\)|\d+))+",
        r"(?:\(0\d{2,5}\)|\b0\d{2,5})[ \u00a0/-]\d[\d \u00a0-]*\d",
        # a date: 20. November 2026, 4. März, 4.–6. März
        rf"\b\d{{1,2}}\.(?:[–-]\d{{1,2}}\.)?[ \u00a0](?:{_MONTHS_DE})(?:[ \u00a0]\d{{4}})?",
        # a number with its unit: 30 Prozent, 1,2 Mio. Euro, 10:00 Uhr
        rf"\b{_NUMBER}(?::\d\d)?(?:[ \u00a0](?:Mio\.|Mrd\.|Millionen|Milliarden))?"
        rf"[ \u00a0]?(?:{_UNITS_DE})(?![\wÄÖÜäöüß])",
        # a title with the name after it: Dr. Katharina, Prof. Dr. Ito
        r"\b(?:(?:Prof|Dr|Dipl|Ing)\.(?:-Ing\.)?[ \u00a0])+[A-ZÄÖÜ][\w’'-]+",
        r"\b(?:z\.[ \u00a0]B|d\.[ \u00a0]h|u\.[ \u00a0]a|Nr|S|Abs|Art)\.(?:[ \u00a0]\d+)?",
    ),
    "ja": (
        ADDRESS,
        r"\+\d{1,3}(?:[ \u00a0/-]?(?:\(\d+\)|\d+))+",
        r"(?:\(0\d{1,5}\)|\b0\d{1,5})[-/]\d[\d-]*\d",
        # a date with its weekday: 2026年3月2日（月）, 3月4日(水)
        rf"(?:{_DIGIT_JA}+年)?{_DIGIT_JA}+月{_DIGIT_JA}+日(?:[（(][月火水木金土日][）)])?",
        # a time: 10:00～12:30
        r"\d{1,2}[:：]\d\d(?:[～〜~–-]\d{1,2}[:：]\d\d)?",
        # a number with its unit: 3年間, 2014年, 1,200億円, 30％
        rf"{_DIGIT_JA}(?:[{_DIGIT_JA[1:-1]}.,，．]*{_DIGIT_JA})?(?:{_UNITS_JA})",
        rf"{_DIGIT_JA}+年(?:{_DIGIT_JA}+月)?",
        "|".join(FIXED_JA),
    ),
}


@functools.cache
def unit_pattern(lang: str) -> re.Pattern[str]:
    """Return the regular expression of the rule-made units of `lang` (no glossary names)."""
    return re.compile("|".join(f"(?:{p})" for p in _PATTERNS.get(lang, _PATTERNS["de"])))


@functools.cache
def _glossary_forms() -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """Return a pattern of the Japanese glossary forms, and the words of names (not hyphenated)."""
    try:
        from ..glossary.load import default_glossary
        from ..glossary.model import NAME_TYPES

        entries = default_glossary().entries
    except ToolkitError:  # a broken glossary must not stop printing
        return None, frozenset()
    forms: set[str] = set()
    words: set[str] = set()
    for entry in entries:
        for form in (entry.ja, *entry.ja_variants, entry.ja_short):
            if len(form) >= 2 and not form.isascii():
                forms.add(form)
        german = (entry.de, *entry.de_variants, entry.de_short, entry.romaji, entry.en)
        found = {w for form in german for w in re.findall(r"[\w.]+", form) if w[:1].isupper()}
        if entry.type in NAME_TYPES:
            words.update(found)
    # The German nouns in names („Ministerium“, „Wirtschaft“) are hyphenated like any noun.
    words = {w for w in words if not known_word(w)}
    if not forms:
        return None, frozenset(words)
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(re.escape(f) for f in ordered)), frozenset(words)


@functools.cache
def _short_forms(max_chars: int) -> re.Pattern[str] | None:
    pattern = _glossary_forms()[0]
    if pattern is None:
        return None
    forms = [f for f in pattern.pattern.split("|") if len(re.sub(r"\\(.)", r"\1", f)) <= max_chars]
    return re.compile("|".join(forms)) if forms else None


def part_spans(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Return the glossary forms of at most `max_chars` characters in `text` (its parts).

    A long official name („産業技術総合研究所福島再生可能エネルギー研究所“) may break between
    the names it is made of, never inside one of them.
    """
    pattern = _short_forms(max_chars)
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


def name_words() -> frozenset[str]:
    """Return the words of the glossary's names (persons, places, organisations, titles)."""
    return _glossary_forms()[1]


def _raw_spans(text: str, lang: str) -> Iterator[tuple[int, int]]:
    for match in unit_pattern(lang).finditer(text):
        yield match.span()
    pattern = _glossary_forms()[0]
    if pattern is not None and lang == "ja":
        for match in pattern.finditer(text):
            yield match.span()


def protected_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Return the protected units of `text` (in `lang`) as sorted, merged (start, end) spans."""
    spans = sorted(s for s in _raw_spans(text, lang) if s[1] - s[0] >= 2)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        # trailing spaces and no-break spaces never end a unit
        while end > start and text[end - 1] in " \u00a0":
            end -= 1
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
