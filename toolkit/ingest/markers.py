"""List markers and sub-headings: „1. Einleitung“ heads a section, „1. Beide Seiten …“ is an item.

The marker („1.“, „（1）“, „①“, „-“, „・“) is kept apart from the text (`Block.marker`): it is
not translated and never a segment of its own. A marked line that reads like a sentence is a
list item; a short one is a numbered sub-heading, unless it stands in a list of short items or
its marker is a bullet. A short unmarked line between two numbered labels is the value under
the first („（1）日時“ / „1月15日“ / „（2）場所“), not a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Lang

__all__ = ["between_marked", "heading_like", "in_list", "split_marker"]

_SENTENCE_END = tuple(".!?:;。！？：…")
_OPEN_QUOTES = ("„", '"', "»", "「", "『")


def between_marked(texts: Sequence[str], i: int, lang: Lang) -> bool:
    """Return whether block i is the value under a numbered label („(1)日時“ / value / „(2)場所“).

    It stands between two marked lines of the same style, at most three blocks apart.
    """
    before = [j for j in range(max(0, i - 2), i) if split_marker(texts[j].strip(), lang)[0]]
    after = [
        j for j in range(i + 1, min(len(texts), i + 3)) if split_marker(texts[j].strip(), lang)[0]
    ]
    if before and i == len(texts) - 1:
        return True  # the value under the last label ends the text
    if not before or not after:
        return False
    first = split_marker(texts[before[-1]].strip(), lang)[0]
    second = split_marker(texts[after[0]].strip(), lang)[0]
    if _marker_style(first) != _marker_style(second) or first[:1] in "-•*・●▪■◆○〇":
        return False
    return all(
        not split_marker(texts[j].strip(), lang)[0]
        for j in range(before[-1] + 1, after[0])
        if j != i
    ) and all(not texts[j].strip().endswith(("。", ".")) for j in range(before[-1] + 1, after[0]))


_MARKER = re.compile(
    r"^(?P<m>[-•*・●▪■◆○〇◇□]|\d{1,2}[.)．](?!\d)|[(（]\d{1,2}[)）]|[①-⑳]|[0-9]{1,2}(?=\s+[^\x00-\x7f]))"
    r"(?P<space>\s*)(?=\S)"
)
_MONTH_AFTER = re.compile(
    r"^\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember|Jänner)\b"
)


def split_marker(text: str, lang: Lang) -> tuple[str, str]:
    """Return (list marker, rest) of `text`; the marker is "" when it starts with none.

    „1. Einleitung“ -> („1.“, „Einleitung“); „（1）日時“ -> („（1）“, „日時“); a date
    („13. September 2016“) or a number in a sentence is no marker.
    """
    match = _MARKER.match(text)
    if not match:
        return "", text
    marker, rest = match.group("m"), text[match.end() :]
    if marker[0].isdigit() and (_MONTH_AFTER.match(rest) or (lang == "de" and rest[:1].islower())):
        return "", text
    if marker in "-*" and not match.group("space"):
        return "", text  # "-5 °C", "*Sternchen"
    return marker, rest


def _marker_style(marker: str) -> str:
    return re.sub(r"\d+", "0", marker)


def in_list(texts: Sequence[str], i: int, lang: Lang, marker: str) -> bool:
    """Return whether the marked block i is a list item rather than a numbered sub-heading.

    A marked line that reads like a sentence is an item; a short one is a sub-heading („1.
    Einleitung“, „- 冒頭“, „（1）日時“) unless it stands in a run of three or more short items
    with the same marker, or (German) its marker is a bullet.
    """
    if not heading_like(split_marker(" ".join(texts[i].split()), lang)[1], lang, True):
        return True
    if marker in "•*・●▪■◆○〇◇□" or (lang == "de" and marker == "-"):
        return True  # a bullet marks a list; only MOFA-style "- 冒頭" may head a section
    style = _marker_style(marker)
    for j in (i - 1, i + 1):  # an item of a list whose other items are sentences
        if 0 <= j < len(texts):
            other, rest = split_marker(" ".join(texts[j].split()), lang)
            if other and _marker_style(other) == style and not heading_like(rest, lang, True):
                return True

    def short_item(j: int) -> bool:
        other, rest = split_marker(" ".join(texts[j].split()), lang)
        return bool(other) and _marker_style(other) == style and heading_like(rest, lang, True)

    run = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(texts) and short_item(j):
            run += 1
            j += step
    return run >= 3


def heading_like(text: str, lang: Lang, marked: bool) -> bool:
    """Return whether `text` reads as a sub-heading (short, no sentence end)."""
    line = " ".join(text.split())
    limit = 40 if lang == "ja" else 90
    if not line or len(line) > limit or line.endswith((*_SENTENCE_END, ",", "、")):
        return False
    if line.startswith(_OPEN_QUOTES) and line.endswith(("“", "」", '"', "«", "』")):
        return False
    if re.fullmatch(r"[(（].*[)）]", line) or line.startswith(("〈", "<<")):
        return False
    if lang == "de":
        return not line[:1].islower()
    if re.search("[、,]", line) or re.search(r"\S\s*[:：]\s*\S", line):
        return False
    # "阿久津 剛": a person's name after a role is a list line, not a heading
    return marked or not re.search(r"\s\S{1,4}\s\S{1,4}$|\s\S{1,3}$", line)
