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

from .hyphenate import soft_hyphenate
from .units import name_words, protected_spans

__all__ = ["MAX_PHRASE_EM", "german_markup", "lang_markup", "phrase_markup", "split_phrases"]

# A phrase wider than this (in em) is left breakable: a nowrap span wider than a narrow column
# would run out of it.
MAX_PHRASE_EM = 14.0
# Where a long phrase may still break: after a middle dot or a double hyphen between names
# ("ノルトライン＝ヴェストファーレン州経済・産業・…").
_INNER_BREAK = re.compile(r"(?<=[・＝=／/])")
# A phrase boundary between these must not break: inside a Latin word or a number ("1.200").
_WORD_JOIN = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][.,:]?[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]$")
# Kana, kanji and the full-width punctuation around them: Japanese inside German text.
_JAPANESE_RUN = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]+"
)


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
    """Return `text` as escaped HTML with each short phrase in a ``<span class="bx">``.

    A protected unit (`toolkit.render.units`: a name, a date with its weekday, a number with
    its unit) stays in one span with the phrases it touches, so no line breaks inside it.
    """
    parts = []
    for phrase in _grouped_phrases(text):
        pieces = [phrase] if _width_em(phrase) <= MAX_PHRASE_EM else _INNER_BREAK.split(phrase)
        for piece in pieces:
            escaped = markupsafe.escape(piece)
            if _width_em(piece) <= MAX_PHRASE_EM and piece and not piece.isspace():
                parts.append(f'<span class="bx">{escaped}</span>')
            else:
                parts.append(str(escaped))
    return markupsafe.Markup("".join(parts))


def _grouped_phrases(text: str) -> list[str]:
    """Return the BudouX phrases of `text`, those that share a protected unit joined."""
    phrases = split_phrases(text)
    spans = protected_spans(text, "ja")
    if not spans or len(phrases) < 2:
        return phrases
    grouped: list[str] = []
    at = 0
    for phrase in phrases:
        end = at + len(phrase)
        # the phrase starts inside a unit that began in the previous phrase: join them
        if grouped and any(s < at < e for s, e in spans):
            grouped[-1] += phrase
        else:
            grouped.append(phrase)
        at = end
    return grouped


def german_markup(text: str, lang: str = "de") -> markupsafe.Markup:
    """Return German (or English) `text` as escaped HTML: units unbreakable, soft hyphens.

    Each protected unit goes in a ``<span class="nb">`` (no line break inside); German words get
    soft hyphens where libhyphen allows a break, never in names, brands, URLs or units.
    """
    spans = protected_spans(text, "de")
    text_h = soft_hyphenate(text, keep=spans, names=name_words()) if lang == "de" else text
    if not spans:
        return markupsafe.escape(text_h)
    # Map the offsets of `text` to those of the hyphenated text (soft hyphens only added).
    offsets: list[int] = []
    j = 0
    for char in text:
        while text_h[j] != char:
            j += 1
        offsets.append(j)
        j += 1
    offsets.append(len(text_h))
    parts = []
    at = 0
    for start, end in spans:
        s, e = offsets[start], offsets[end]
        parts.append(str(markupsafe.escape(text_h[at:s])))
        parts.append(f'<span class="nb">{markupsafe.escape(text_h[s:e])}</span>')
        at = e
    parts.append(str(markupsafe.escape(text_h[at:])))
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
        return german_markup(text, lang) if lang in ("de", "en") else markupsafe.escape(text)
    parts = []
    at = 0
    for match in _JAPANESE_RUN.finditer(text):
        parts.append(str(german_markup(text[at : match.start()], lang)))
        parts.append(f'<span lang="ja">{phrase_markup(match.group())}</span>')
        at = match.end()
    parts.append(str(german_markup(text[at:], lang)))
    return markupsafe.Markup("".join(parts))
