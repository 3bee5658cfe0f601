"""What counts as Japanese script: the Unicode ranges of kana and kanji, in one place.

Every stage that asks "is this Japanese?" (guessing a document's language, QA's untranslated
check, names in packs, Japanese phrases inside German text) uses these ranges, so a character
never counts as Japanese in one stage and as something else in the next. The ranges are
strings for regular expression character classes (``f"[{KANA}{KANJI}]"``).
"""

from __future__ import annotations

import re

__all__ = [
    "FULLWIDTH_FORMS",
    "HALFWIDTH_KANA",
    "HIRAGANA",
    "JAPANESE",
    "JAPANESE_PUNCTUATION",
    "KANA",
    "KANJI",
    "KANJI_MARKS",
    "KATAKANA",
    "WIDE",
    "has_japanese",
    "is_japanese_char",
    "is_kanji",
    "japanese_share",
    "wide_count",
]

HIRAGANA = "\u3041-\u309f"  # ぁ … ゟ, with the voicing marks
KATAKANA = "\u30a0-\u30ff"  # ゠ … ヿ, with ・ and the long-vowel mark ー
KANA = "\u3040-\u30ff"  # hiragana and katakana
HALFWIDTH_KANA = "\uff61-\uff9f"  # ｡ … ﾟ: half-width katakana and punctuation (old mail, SAP)
# CJK unified ideographs with extension A, and the compatibility ideographs
KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANJI_MARKS = "々〆ヶ"  # written among kanji and read as part of them
JAPANESE_PUNCTUATION = "\u3000-\u303f"  # ideographic space, 、。「」 and friends
FULLWIDTH_FORMS = "\uff01-\uff60"  # ！ … ｠: full-width ASCII and brackets
# The letters of Japanese text: kana, kanji and half-width katakana.
JAPANESE = KANA + KANJI + HALFWIDTH_KANA
# What a page sets twice as wide as a Latin letter: punctuation, kana, kanji, full-width forms
WIDE = f"{JAPANESE_PUNCTUATION}{KANA}\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"

_JAPANESE = re.compile(f"[{JAPANESE}]")
_KANJI = re.compile(f"[{KANJI}{KANJI_MARKS}]")
_WIDE = re.compile(f"[{WIDE}]")


def has_japanese(text: str) -> bool:
    """Return whether `text` holds any kana or kanji."""
    return _JAPANESE.search(text) is not None


def is_japanese_char(char: str) -> bool:
    """Return whether `char` is kana or kanji."""
    return _JAPANESE.match(char) is not None


def is_kanji(char: str) -> bool:
    """Return whether `char` is a kanji (or 々, 〆, ヶ, which are read as part of one)."""
    return _KANJI.match(char) is not None


def japanese_share(text: str) -> float:
    """Return the share of kana and kanji among the letters of `text` (0.0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_japanese_char(c)) / len(letters)


def wide_count(text: str) -> int:
    """Return how many characters of `text` a page sets twice as wide as a Latin letter."""
    return len(_WIDE.findall(text))
