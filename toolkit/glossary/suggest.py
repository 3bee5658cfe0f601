"""Candidate terms a document holds that no glossary has, with dictionary equivalents.

What a terminologist marks first: German noun compounds and multi-word names („Deutsch-Japanisches
Wirtschaftsforum“), Japanese kanji and katakana runs (経済安全保障, ボイラ) and organisation names
(…省, …機構, …協会). Spans a glossary entry already covers are skipped. Candidates are ranked by
how often they occur, how long and specific they are, and whether they name an organisation;
each gets proposed equivalents from the FreeDict dictionaries (`freedict`), with the source of
each, and is written as a TOML fragment in the glossary format (or CSV) for review.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..japanese import KANJI, KANJI_MARKS, KATAKANA
from ..model import Document, Lang
from .freedict import Dictionaries
from .model import Glossary, is_katakana
from .scan import find_terms

__all__ = ["Candidate", "find_candidates", "propose", "suggest_terms", "to_csv", "to_toml"]

_DE_NOUN = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß][a-zäöüß]+)*(?![\w-])")
_DE_NAME = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][\w.-]*[a-zäöüß0-9]\s+(?:(?:für|und)\s+)?){1,4}"
    r"[A-ZÄÖÜ][\w.-]*[a-zäöüß0-9](?![\w-])"
)
_JA_RUN = re.compile(f"[{KANJI}{KANJI_MARKS}{KATAKANA}＝=]{{2,}}")
_ORG_DE = re.compile(
    r"(?:ministerium|amt|agentur|kammer|verband|institut|gesellschaft|stiftung|universität|"
    r"zentrum|forum|organisation|behörde|kanzlei)\b",
    re.IGNORECASE,
)
_ORG_JA = (
    *("省", "庁", "機構", "協会", "大学", "研究所", "センター", "銀行", "会議所", "財団", "公社"),
    *("株式会社", "会社", "研究会", "委員会", "病院"),
)
# Frequent nouns that every text has and no terminologist lists
_DE_COMMON = frozenset(
    "Jahr Jahre Jahren Zeit Seite Ende Teil Frage Rahmen Beispiel Weg Tag Tage Woche Monat "
    "Herr Frau Dank Thema Themen Punkt Sinn Art Fall Ziel Ziele Bereich Bereichen Zukunft".split()
)
_MIN_DE = 8  # a single German word shorter than this is rarely a term of its own


@dataclass
class Candidate:
    """A term candidate with where it came from and what the dictionaries propose."""

    text: str
    lang: Lang
    count: int
    kind: str  # compound | name | organisation | kanji | katakana
    score: float = 0.0
    proposals: list[tuple[str, str]] = field(default_factory=list)  # (equivalent, source)
    english: list[tuple[str, str]] = field(default_factory=list)
    parts: list[tuple[str, str]] = field(default_factory=list)  # (part, its equivalent)
    base: str = ""  # the dictionary form the equivalents were found for („Herausforderung“)


def find_candidates(doc: Document, glossary: Glossary, *, limit: int = 40) -> list[Candidate]:
    """Return the ranked term candidates of `doc` that `glossary` does not cover."""
    lang = doc.source_lang
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for segment in doc.segments():
        text = segment.source
        covered = [(h.start, h.end) for h in find_terms(text, lang, glossary)]
        for start, end, kind in _spans(text, lang):
            if any(s <= start and end <= e for s, e in covered):
                continue
            pieces = [text[start:end]]
            if lang == "ja":  # what a glossary entry covers is known: the rest is the candidate
                pieces = _uncovered(text, start, end, covered)
            for piece in pieces:
                candidate = _trim(piece, lang)
                if len(candidate) >= 2:
                    counts[candidate] += 1
                    kinds.setdefault(candidate, kind)
    found = [Candidate(t, lang, n, kinds[t]) for t, n in counts.items()]
    for item in found:
        item.score = _score(item)
    found.sort(key=lambda c: (-c.score, c.text))
    return found[:limit]


def _uncovered(text: str, start: int, end: int, covered: list[tuple[int, int]]) -> list[str]:
    keep = [not any(s <= i < e for s, e in covered) for i in range(start, end)]
    out, current = [], ""
    for char, free in zip(text[start:end], keep, strict=True):
        if free:
            current += char
        elif current:
            out.append(current)
            current = ""
    return [*out, current] if current else out


def _trim(piece: str, lang: Lang) -> str:
    """Return `piece` without joiners at its ends and, in Japanese, counters around it."""
    piece = piece.strip(" ・=＝-")
    if lang == "ja":
        piece = re.sub(r"^[第回]+|(?:等|など|各|ら)+$", "", piece)
    return piece


def _spans(text: str, lang: Lang) -> Iterable[tuple[int, int, str]]:
    if lang == "ja":
        for match in _JA_RUN.finditer(text):
            run = match.group()
            if all(is_katakana(c) or c in "・＝=" for c in run):
                if len(run) >= 3:
                    yield match.start(), match.end(), "katakana"
                continue
            named = any(run.endswith(s) and len(run) > len(s) for s in _ORG_JA)
            kind = "organisation" if named else "kanji"  # 三井物産株式会社, not 株式会社 itself
            yield match.start(), match.end(), kind
        return
    for match in _DE_NAME.finditer(text):
        words = match.group().split()
        # a multi-word name is an organisation's: it starts or ends with what one is called
        # („Ministerium für …“, „Handelskammer Hamburg“), not any run of capitalised nouns
        if _ORG_DE.search(words[0]) or _ORG_DE.search(words[-1]):
            yield match.start(), match.end(), "organisation"
    for match in _DE_NOUN.finditer(text):
        word = match.group()
        if len(word) >= _MIN_DE and word not in _DE_COMMON:
            kind = "organisation" if _ORG_DE.search(word) else "compound"
            yield match.start(), match.end(), kind


def _score(item: Candidate) -> float:
    length = len(item.text) if item.lang == "de" else 3 * len(item.text)
    bonus = {"organisation": 6.0, "name": 3.0, "katakana": 2.0}.get(item.kind, 0.0)
    return 4.0 * item.count + min(length, 30) / 5 + bonus


def propose(candidates: Sequence[Candidate], books: Dictionaries, *, per_term: int = 3) -> None:
    """Fill each candidate's proposals from the dictionaries, with the source of each."""
    de = [c for c in candidates if c.lang == "de"]
    ja = [c for c in candidates if c.lang == "ja"]
    if ja:
        words = {c.text for c in ja} | {p for c in ja for p in _substrings(c.text)}
        german = books.ja_to_de(words)
        english = books.ja_to_en({c.text for c in ja})
        for c in ja:
            c.proposals = [(g, "FreeDict jpn-deu") for g in german.get(c.text, [])[:per_term]]
            c.english = [(e, "FreeDict jpn-eng") for e in english.get(c.text, [])[:2]]
            if not c.proposals and c.kind != "katakana":  # a loanword or name has no parts
                c.parts = [(p, german[p][0]) for p in _segment(c.text, german)]
    if de:
        forms = {c.text: _de_lemmas(c.text) for c in de}
        heads = {c.text: _de_heads(c.text) for c in de}
        words = {f for v in forms.values() for f in v} | {h for v in heads.values() for h in v}
        japanese = books.de_to_ja(words)
        english = books.de_to_en({f for v in forms.values() for f in v})
        for c in de:
            lemma = next((f for f in forms[c.text] if japanese.get(f.casefold())), c.text)
            found = japanese.get(lemma.casefold(), [])[:per_term]
            c.base = lemma
            c.proposals = [(j, "FreeDict jpn-deu, read backwards") for j in found]
            english_form = next((f for f in forms[c.text] if english.get(f.casefold())), c.text)
            c.english = [
                (e, "FreeDict deu-eng") for e in english.get(english_form.casefold(), [])[:2]
            ]
            if not found:
                c.parts = [
                    (h, japanese[h.casefold()][0])
                    for h in heads[c.text]
                    if japanese.get(h.casefold())
                ][:1]


def suggest_terms(
    doc: Document, glossary: Glossary, books: Dictionaries, *, limit: int = 25, fmt: str = "toml"
) -> str:
    """Return the ranked candidates of `doc` with equivalents, as TOML (or CSV) text."""
    candidates = find_candidates(doc, glossary, limit=limit)
    propose(candidates, books)
    if fmt == "csv":
        return to_csv(candidates)
    return to_toml(candidates, source=doc.source_name or "<document>")


def _substrings(run: str) -> set[str]:
    """Return the pieces of two characters or more of a Japanese run (for splitting it)."""
    return {run[i:j] for i in range(len(run)) for j in range(i + 2, min(len(run), i + 8) + 1)}


def _segment(run: str, known: dict[str, list[str]]) -> list[str]:
    """Return `run` cut left to right into the longest pieces the dictionary knows."""
    out: list[str] = []
    i = 0
    while i < len(run):
        piece = next((run[i:j] for j in range(len(run), i + 1, -1) if known.get(run[i:j])), "")
        if piece and piece != run:
            out.append(piece)
            i += len(piece)
        else:
            i += 1
    return out


def _de_lemmas(word: str) -> list[str]:
    """Return `word` and its likely singulars („Herausforderungen“ → „Herausforderung“)."""
    out = [word]
    for ending in ("en", "n", "e", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            out.append(word[: -len(ending)])
    return out


def _de_heads(word: str) -> list[str]:
    """Return the head nouns a compound may end in, longest first („…-Standort“, „Kraft“)."""
    from .hyphen import hyphenator

    base = word.rsplit("-", 1)[-1]
    cuts = [0] if "-" in word else []
    cuts += [b for b in hyphenator().positions(base) if len(base) - b >= 4]
    heads = [base[b:].capitalize() for b in sorted(set(cuts))]
    return [h for h in heads if h.casefold() != word.casefold()]


def to_toml(candidates: Sequence[Candidate], *, source: str) -> str:
    """Return the candidates as ``[[entry]]`` tables a terminologist reviews and merges."""
    lines = [
        f"# Term candidates from {source}: not in any glossary yet. Check every equivalent,",
        "# fill in en and type, then merge into a glossary file (dejakit glossary check).",
    ]
    for c in candidates:
        lines.append("")
        score = f"score {c.score:.1f}, {c.count}× in the text, {c.kind}"
        equivalents = [p for p, _ in c.proposals]
        sources = sorted({s for _, s in c.proposals + c.english})
        if not equivalents:
            hint = "; ".join(f"{p} = {q}" for p, q in c.parts)
            lines.append(
                f"# {c.text} ({score}): no dictionary equivalent"
                + (f"; parts: {hint}" if hint else "")
            )
            continue
        other = "ja" if c.lang == "de" else "de"
        lines += [
            f"# {score}",
            "[[entry]]",
            f"{c.lang} = {_q(c.base or c.text)}",
            f"{other} = {_q(equivalents[0])}",
        ]
        if len(equivalents) > 1:
            lines.append(f"{other}_variants = [{', '.join(_q(e) for e in equivalents[1:])}]")
        lines.append(f"en = {_q(c.english[0][0] if c.english else '')}")
        lines.append(f"type = {_q('organisation' if c.kind == 'organisation' else 'term')}")
        lines.append(f"evidence = {_q('dictionary: ' + ', '.join(sources))}")
    return "\n".join(lines) + "\n"


def to_csv(candidates: Sequence[Candidate]) -> str:
    """Return the candidates as CSV: term, lang, count, kind, score, equivalents, sources."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["term", "lang", "count", "kind", "score", "equivalents", "english", "source"])
    for c in candidates:
        writer.writerow(
            [
                c.text,
                c.lang,
                c.count,
                c.kind,
                f"{c.score:.1f}",
                " | ".join(p for p, _ in c.proposals) or "; ".join(f"{p}={q}" for p, q in c.parts),
                " | ".join(e for e, _ in c.english),
                ", ".join(sorted({s for _, s in c.proposals + c.english})),
            ]
        )
    return out.getvalue()


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
