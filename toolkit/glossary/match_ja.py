"""Japanese term matching on a normalised key, reporting offsets in the original text.

Both the text and every form are reduced to a key (`ja_key_map`): NFKC, so full-width and
half-width forms agree; no whitespace, since Japanese lines wrap anywhere; and no ＝ = ゠ ・ ･
or dash between katakana, so ノルトライン＝ヴェストファーレン and ノルトライン・ヴェストファーレン
are one name. A trie over the form keys finds every match; overlaps go to the longest, then
leftmost.

Japanese has no spaces between words, so guards keep short forms from firing inside unrelated
words: a one-character form (州, 県, 相) must not touch a character of its own script ("欧州" is
not 州), nor a two-katakana form or a katakana name other katakana ("エッセンス" is not Essen);
a form that starts or ends with a Latin letter or digit must not run on into one ("H2" is
not in "FH2R"), nor into a dotted name (NRW.Invest); an entry with ``inside = false`` is not
found where the word runs on after it (首相 is not in 首相府).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..japanese import is_kanji
from .model import JA_JOINERS, NAME_TYPES, Entry, Glossary, TermHit, is_katakana, ja_key_map

__all__ = ["JapaneseMatcher", "script_of"]


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    # (rank, glossary order, entry): rank 0 where the key is the entry's main form, so where two
    # entries share a form, the one whose own term it is wins (医療機器: Medizinprodukt, not
    # Medizintechnik, which only accepts it as a variant)
    entries: list[tuple[int, int, Entry]] = field(default_factory=list)


class JapaneseMatcher:
    """Finds the Japanese forms of a glossary's entries in text; build once per glossary."""

    def __init__(self, glossary: Glossary) -> None:
        self._root = _Node()
        for order, entry in enumerate(glossary.entries):
            for rank, form in enumerate(entry.forms("ja")):
                key = ja_key_map(form)[0]
                if not key:
                    continue
                node = self._root
                for char in key:
                    node = node.children.setdefault(char, _Node())
                if all(e is not entry for _, _, e in node.entries):
                    node.entries.append((min(rank, 1), order, entry))

    def find(self, text: str) -> list[TermHit]:
        """Return the hits in `text`, longest first where they overlap, sorted by position."""
        key, starts, ends = ja_key_map(text)
        found: list[tuple[int, int, tuple[int, int], Entry]] = []
        size = len(key)
        for i in range(size):
            node = self._root
            j = i
            while j < size:
                child = node.children.get(key[j])
                if child is None:
                    break
                node, j = child, j + 1
                if not node.entries or not _fits(key, i, j):
                    continue
                glued = _katakana_glued(key, text, starts, ends, i, j)
                runs_on = _runs_on(key, j)
                found.extend(
                    (i, j, (rank, order), entry)
                    for rank, order, entry in node.entries
                    if not (glued and entry.type in NAME_TYPES)
                    and not (runs_on and not entry.inside)
                )
        found.sort(key=lambda f: (f[0] - f[1], f[0], f[2]))
        taken: list[tuple[int, int, Entry]] = []
        for i, j, _, entry in found:
            if not any(i < e and s < j for s, e, _ in taken):
                taken.append((i, j, entry))
        taken.sort()
        # A neighbour that is itself a hit (内堀|知事) is not a compound partner.
        hit_starts = {i for i, _, _ in taken}
        hit_ends = {j for _, j, _ in taken}
        hits: list[TermHit] = []
        for i, j, entry in taken:
            start, end = starts[i], ends[j - 1]
            glued = _in_compound(key, i, j, i in hit_ends, j in hit_starts)
            hits.append(TermHit(start, end, text[start:end], entry, "ja", glued))
        return hits


def script_of(char: str) -> str:
    """Return the script class of `char`: kanji, katakana, hiragana, latin or other."""
    if is_kanji(char):
        return "kanji"
    if is_katakana(char):
        return "katakana"
    if "\u3041" <= char <= "\u309f":
        return "hiragana"
    if char.isascii() and char.isalnum():
        return "latin"
    return "other"


def _fits(key: str, i: int, j: int) -> bool:
    """Return whether key[i:j] stands on its own well enough to count as the form."""
    before = script_of(key[i - 1]) if i > 0 else "other"
    after = script_of(key[j]) if j < len(key) else "other"
    first, last = script_of(key[i]), script_of(key[j - 1])
    if (first == "latin" and before == "latin") or (last == "latin" and after == "latin"):
        return False
    # a Latin name joined by dots is one name: NRW is not in NRW.Invest or EnergyAgency.NRW
    if first == "latin" and i >= 2 and key[i - 1] == "." and script_of(key[i - 2]) == "latin":
        return False
    after_dot = script_of(key[j + 1]) if j + 1 < len(key) else "other"
    if last == "latin" and key.startswith(".", j) and after_dot == "latin":
        return False
    scripts = {script_of(c) for c in key[i:j]}
    if j - i == 1 or (j - i == 2 and scripts == {"katakana"}):
        (script,) = scripts
        return script == "other" or script not in (before, after)
    return True


def _runs_on(key: str, j: int) -> bool:
    """Return whether the word goes on after key[:j] (首相|府, 日本|酒): kanji or katakana."""
    if j >= len(key) or j == 0:
        return False
    last, after = script_of(key[j - 1]), script_of(key[j])
    return after in ("kanji", "katakana") and after == last


def _katakana_glued(
    key: str, text: str, starts: list[int], ends: list[int], i: int, j: int
) -> bool:
    """Return whether key[i:j] runs on into more katakana with no ・ or ＝ between.

    A katakana name does not stand inside a longer katakana word: エッセン (Essen) is not in
    エッセンス, but ドイツ・ノルトライン… is two names.
    """

    def joined(a: int, b: int) -> bool:
        if not (is_katakana(key[a]) and is_katakana(key[b])):
            return False
        return not any(c in JA_JOINERS for c in text[ends[a] : starts[b]])

    return (i > 0 and joined(i - 1, i)) or (j < len(key) and joined(j - 1, j))


def _in_compound(key: str, i: int, j: int, hit_before: bool, hit_after: bool) -> bool:
    """Return whether key[i:j] is glued to more kanji or katakana ("実証" in "共同実証")."""
    before = script_of(key[i - 1]) if i > 0 and not hit_before else "other"
    after = script_of(key[j]) if j < len(key) and not hit_after else "other"
    first, last = script_of(key[i]), script_of(key[j - 1])
    return (first in ("kanji", "katakana") and before == first) or (
        last in ("kanji", "katakana") and after == last
    )
