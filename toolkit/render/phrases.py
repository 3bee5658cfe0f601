"""Japanese line breaking at phrase boundaries: BudouX phrases as unbreakable HTML spans.

WeasyPrint 70 rejects ``word-break: keep-all``, so Pango would break Japanese between any two
characters. Wrapping each BudouX phrase in ``<span class="bx">`` (``white-space: nowrap`` in the
stylesheet) leaves line breaks only between phrases; Pango still applies kinsoku there (no 。、」
at a line start). Every piece is escaped: document text stays text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import markupsafe

from ..japanese import FULLWIDTH_FORMS, JAPANESE_PUNCTUATION, KANA, KANJI

__all__ = ["MAX_PHRASE_EM", "lang_markup", "phrase_markup", "split_phrases"]

# A phrase wider than this (in em) is left breakable: a nowrap span wider than a narrow column
# would run out of it.
MAX_PHRASE_EM = 14.0
# Where a long phrase may still break: after a middle dot or a double hyphen between names
# ("ノルトライン＝ヴェストファーレン州経済・産業・…").
_INNER_BREAK = re.compile(r"(?<=[・＝=／/])")
# A phrase boundary between these must not break: inside a Latin word or a number ("1.200").
_WORD_JOIN = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][.,:]?[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]$")
# Kana, kanji and the full-width punctuation around them: Japanese inside German text.
_JAPANESE_RUN = re.compile(f"[{JAPANESE_PUNCTUATION}{KANA}{KANJI}{FULLWIDTH_FORMS}]+")


@functools.cache
def _parser() -> Any:
    import budoux

    return budoux.load_default_japanese_parser()


def split_phrases(text: str) -> list[str]:
    """Return `text` cut into BudouX phrases (joined, they give back `text`)."""
    if not text:
        return []
    phrases: list[str] = _parser().parse(text)
    if "".join(phrases) != text:
        return [text]
    # BudouX cuts inside numbers and Latin words ("202" | "6年", "NRW.Energy4Clima" | "te"):
    # glue such pieces back together.
    merged = phrases[:1]
    for phrase in phrases[1:]:
        if _WORD_JOIN.search(merged[-1][-2:] + phrase[:1]):
            merged[-1] += phrase
        else:
            merged.append(phrase)
    return merged


def phrase_markup(text: str) -> markupsafe.Markup:
    """Return `text` as escaped HTML with each short phrase in a ``<span class="bx">``."""
    parts = []
    for phrase in split_phrases(text):
        pieces = [phrase] if _width_em(phrase) <= MAX_PHRASE_EM else _INNER_BREAK.split(phrase)
        for piece in pieces:
            escaped = markupsafe.escape(piece)
            if _width_em(piece) <= MAX_PHRASE_EM and piece and not piece.isspace():
                parts.append(f'<span class="bx">{escaped}</span>')
            else:
                parts.append(str(escaped))
    return markupsafe.Markup("".join(parts))


def _width_em(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def lang_markup(text: str, lang: str) -> markupsafe.Markup:
    """Return `text` (in `lang`) as escaped HTML, Japanese runs in it tagged ``lang="ja"``.

    Japanese text (`lang` ``"ja"``) gets its BudouX phrases instead.
    """
    if lang == "ja":
        return phrase_markup(text)
    if not _JAPANESE_RUN.search(text):
        return markupsafe.escape(text)
    parts = []
    at = 0
    for match in _JAPANESE_RUN.finditer(text):
        parts.append(str(markupsafe.escape(text[at : match.start()])))
        parts.append(f'<span lang="ja">{phrase_markup(match.group())}</span>')
        at = match.end()
    parts.append(str(markupsafe.escape(text[at:])))
    return markupsafe.Markup("".join(parts))
