"""The marking of every printed page: classification and translation notice, German and Japanese.

Renderer-neutral (plain data and functions): the handout and pack templates print a `Marking`
in the same place on every page (the classification at the top and foot of the page, centred;
the notice at the foot, left; German and Japanese on a line each), and the DOCX writers can
print the same two pairs in their header and footer. A one-language classification gets the
other language's usual marking where it is a standard one („Nur für den Dienstgebrauch“ ↔
„取扱注意“); the default notice „Arbeitsübersetzung – 仮訳“ splits into its two languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["KNOWN_CLASSIFICATIONS", "Marking", "Pair", "make_marking", "split_languages"]

# Standard German classification levels (VSA) and the marking a Japanese ministry prints for
# them; matched case-insensitively inside the given text.
KNOWN_CLASSIFICATIONS: tuple[tuple[str, str], ...] = (
    ("streng geheim", "機密"),
    ("geheim", "極秘"),
    ("vs-vertraulich", "秘"),
    ("vertraulich", "秘"),
    ("nur für den dienstgebrauch", "取扱注意"),
    ("vs-nfd", "取扱注意"),
)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]")
# What joins the two languages in one line: „Arbeitsübersetzung – 仮訳“, „… / 取扱注意“.
_JOINERS = re.compile(r"\s*(?:[–—/|·]|--)\s*$")


@dataclass(frozen=True, slots=True)
class Pair:
    """A text in German and in Japanese (either may be empty)."""

    de: str = ""
    ja: str = ""

    def __bool__(self) -> bool:
        return bool(self.de or self.ja)


@dataclass(frozen=True, slots=True)
class Marking:
    """What every page of an output carries: its classification and the translation notice."""

    classification: Pair = Pair()
    notice: Pair = Pair()


def split_languages(text: str) -> Pair:
    """Return `text` split into its German part and its Japanese part.

    „Arbeitsübersetzung – 仮訳“ gives („Arbeitsübersetzung“, „仮訳“); a text with no Japanese is
    all German, one that starts in Japanese all Japanese.
    """
    text = text.strip()
    first = _JAPANESE.search(text)
    if first is None:
        return Pair(de=text)
    if first.start() == 0:
        return Pair(ja=text)
    head = text[: first.start()]
    joiner = _JOINERS.search(head)
    if joiner is None:
        return Pair(de=text)  # Japanese inside a German sentence: one text
    return Pair(de=head[: joiner.start()].strip(), ja=text[first.start() :].strip())


def _known_ja(de: str) -> str:
    folded = de.casefold()
    for german, japanese in KNOWN_CLASSIFICATIONS:
        if german in folded:
            return japanese
    return ""


def make_marking(*, classification: str | Pair = "", notice: str | Pair = "") -> Marking:
    """Return the marking of an output from its classification and notice (text or pair)."""
    cls = classification if isinstance(classification, Pair) else split_languages(classification)
    if cls.de and not cls.ja:
        cls = Pair(cls.de, _known_ja(cls.de))
    note = notice if isinstance(notice, Pair) else split_languages(notice)
    return Marking(classification=cls, notice=note)
