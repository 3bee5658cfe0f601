"""Japanese line breaking at phrase boundaries: BudouX phrases as unbreakable HTML spans.

WeasyPrint 70 rejects ``word-break: keep-all``, so Pango would break Japanese between any two
characters. Wrapping each BudouX phrase in ``<span class="bx">`` (``white-space: nowrap`` in the
stylesheet) leaves line breaks only between phrases; Pango still applies kinsoku there (no 。、」
at a line start). Every piece is escaped: document text stays text.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import Any

import markupsafe

from ..japanese import FULLWIDTH_FORMS, JAPANESE_PUNCTUATION, KANA, KANJI
from .hyphenate import soft_hyphenate
from .units import ADDRESS, NO_LINE_END, NO_LINE_START, name_words, part_spans, protected_spans

__all__ = [
    "MAX_PHRASE_EM",
    "PHRASE_EM",
    "first_piece",
    "german_markup",
    "lang_markup",
    "phrase_cuts",
    "phrase_markup",
    "split_phrases",
]

# A protected unit wider than this (in em) may break between its parts: a nowrap span wider
# than a narrow column would run out of it.
MAX_PHRASE_EM = 14.0
# A BudouX phrase wider than this is left breakable (between any two characters, kinsoku
# kept): justified lines then need little extra spacing.
PHRASE_EM = 6.0
# Where a long phrase may still break: after a middle dot or a double hyphen between names
# ("ノルトライン＝ヴェストファーレン州経済・産業・…").
_INNER_BREAK = re.compile(r"(?<=[・＝=／/])")
# A phrase boundary between these must not break: inside a Latin word or a number ("1.200").
_WORD_JOIN = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][.,:]?[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]$")
_ADDRESS = re.compile(ADDRESS)
# A katakana word („エネルギー“, „パートナー“): never broken, even where a long phrase may be.
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30faー]{2,}")
_MAX_CHARS = int(MAX_PHRASE_EM)
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
    """Return `text` as escaped HTML with each short phrase in a ``<span class="bx">``.

    A protected unit (`toolkit.render.units`: a name, a date with its weekday, a number with
    its unit) stays in one span with the phrases it touches, so no line breaks inside it.
    """
    parts = []
    units = protected_spans(text, "ja")
    at = 0
    for piece in _pieces(text):
        start, at = at, at + len(piece)
        escaped = markupsafe.escape(piece)
        limit = MAX_PHRASE_EM if any(s < at and start < e for s, e in units) else PHRASE_EM
        short = _width_em(piece) <= limit or _ADDRESS.search(piece) is not None
        if short and piece and not piece.isspace():
            parts.append(f'<span class="bx">{escaped}</span>')
        else:
            parts.append(_words_kept(piece))
    return markupsafe.Markup("".join(parts))


def _words_kept(text: str) -> str:
    """Return `text` escaped, free to break anywhere but inside its katakana words."""
    out = []
    at = 0
    for match in _KATAKANA_WORD.finditer(text):
        out.append(str(markupsafe.escape(text[at : match.start()])))
        out.append(f'<span class="bx">{markupsafe.escape(match.group())}</span>')
        at = match.end()
    out.append(str(markupsafe.escape(text[at:])))
    return "".join(out)


def phrase_cuts(text: str) -> list[int]:
    """Return where Japanese `text` may break: between phrases, never inside a unit.

    A protected unit wider than `MAX_PHRASE_EM` (a long official name) may break between the
    glossary names it is made of („産業技術総合研究所“ | „福島再生可能エネルギー研究所“); a stretch
    still that wide may also break after ・ ＝ ／.
    """
    phrases = split_phrases(text)
    cuts: set[int] = set()
    at = 0
    for phrase in phrases[:-1]:
        at += len(phrase)
        cuts.add(at)
    whole: list[tuple[int, int]] = []  # never broken inside
    for start, end in protected_spans(text, "ja"):
        if _width_em(text[start:end]) <= MAX_PHRASE_EM:
            whole.append((start, end))
            continue
        parts = [(start + s, start + e) for s, e in part_spans(text[start:end], _MAX_CHARS)]
        whole.extend(parts)
        cuts.update(p for s, e in parts for p in (s, e) if start < p < end)
    cuts = {c for c in cuts if not any(s < c < e for s, e in whole) and _may_break(text, c)}
    bounds = [0, *sorted(cuts), len(text)]
    for start, end in itertools.pairwise(bounds):
        if _width_em(text[start:end]) > MAX_PHRASE_EM:
            cuts.update(
                start + m.end()
                for m in _INNER_BREAK.finditer(text[start:end])
                if 0 < m.end() < end - start
                and not any(s < start + m.end() < e for s, e in whole)
                and _may_break(text, start + m.end())
            )
    # A phrase too wide to keep whole that holds a unit: the unit is kept whole with the
    # particle or two beside it („パートナーシップを“), the rest may break.
    # When the phrase is too wide even for a unit, the unit goes alone (with the brackets
    # kinsoku keeps on it: „「インド太平洋ガイドライン」“ | „の“).
    bounds = [0, *sorted(cuts), len(text)]
    for start, end in itertools.pairwise(bounds):
        width = _width_em(text[start:end])
        if width <= PHRASE_EM:
            continue
        for s, e in whole:
            if start <= s and e <= end:
                if s - start > 2 or width > MAX_PHRASE_EM:
                    while s > start and not _may_break(text, s):
                        s -= 1
                    if s > start:
                        cuts.add(s)
                if end - e > 2 or width > MAX_PHRASE_EM:
                    while e < end and not _may_break(text, e):
                        e += 1
                    if e < end:
                        cuts.add(e)
    return sorted(cuts)


def _may_break(text: str, at: int) -> bool:
    """Return whether kinsoku lets a line break before `text[at]`."""
    return text[at] not in NO_LINE_START and text[at - 1] not in NO_LINE_END


def first_piece(text: str) -> str:
    """Return what a line starting with Japanese `text` holds at least (its first span)."""
    pieces = _pieces(text)
    return pieces[0] if pieces else ""


def _pieces(text: str) -> list[str]:
    bounds = [0, *phrase_cuts(text), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def german_markup(text: str, lang: str = "de") -> markupsafe.Markup:
    """Return German (or English) `text` as escaped HTML: units unbreakable, soft hyphens.

    Each protected unit goes in a ``<span class="nb">`` (no line break inside); German words get
    soft hyphens where libhyphen allows a break, never in names, brands, URLs or units.
    """
    text = text.replace("\u00ad", "")  # the text's own soft hyphens: ours replace them
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
