"""QA checks on a translated document: what a reviewer must see before the handout goes out.

Per segment: untranslated or empty output, output equal to the source or in the wrong script,
truncated output, glossary terms and protected items violated (as enforcement recorded them, or
checked now for memory and human translations), forbidden renderings, numbers that differ,
repeated output, and length-ratio outliers. Severities follow the usual LQA split: critical
(wrong or missing content), functional (likely wrong, check it), cosmetic (worth a look).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from ..japanese import JAPANESE
from ..localize import (
    DE_MONTH_NUMBERS,
    DE_SCALE_WORDS,
    DE_SCALES,
    JA_SCALES,
    find_dates,
    parse_number,
)
from ..model import Document, Issue, Lang, Segment, Severity
from ..terms.entities import address_spans

if TYPE_CHECKING:
    from ..glossary.model import Glossary

__all__ = ["check_document", "check_segment", "summarize_issues"]

_KANA_KANJI = re.compile(f"[{JAPANESE}]")
_LETTER = re.compile(r"[^\W\d_]")
_DE_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?:\s?(" + "|".join(DE_SCALE_WORDS) + r"))?"
)
_JA_NUMBER = re.compile(
    r"(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([兆億万千])?"
)
_REPEAT_WORDS = re.compile(r"\b(\w+(?:\s+\w+){0,3})(?:\s+\1\b){2,}", re.IGNORECASE)
_REPEAT_CHARS = re.compile(r"([^\s\d]{2,12}?)\1{2,}")
# target/source length ratios (characters) outside which a translation is suspicious
# Days and months of dates are tagged values, apart from plain numbers.
_DAY = Decimal(10**15)
_MONTH = Decimal(2 * 10**15)
_JA_DAY = re.compile(r"(?<![\d月])(\d{1,2})日")
_JA_MONTH = re.compile(r"(?<!\d)(\d{1,2})月(?!\d)")
_DE_MONTH = re.compile(r"\b(" + "|".join(DE_MONTH_NUMBERS) + r")\b")
_RATIO = {("de", "ja"): (0.2, 1.3), ("ja", "de"): (0.9, 6.0)}


def check_document(doc: Document, *, glossary: Glossary | None = None) -> list[Issue]:
    """Return every QA issue of `doc`, in reading order."""
    if doc.target_lang is None:
        return []
    issues: list[Issue] = []
    for seg in doc.segments():
        issues.extend(check_segment(seg, doc.source_lang, doc.target_lang, glossary=glossary))
    return issues


def check_segment(
    seg: Segment, source: str, target: str, *, glossary: Glossary | None = None
) -> list[Issue]:
    """Return the QA issues of one translated segment."""
    issues: list[Issue] = []

    def add(check: str, severity: Severity, message: str) -> None:
        issues.append(Issue(seg.id, check, severity, message))

    if seg.target is None:
        reason = "the engine failed" if "failed" in seg.flags else "no memory entry or engine"
        add("untranslated", "critical", f"not translated ({reason})")
        return issues
    text = seg.target
    if not text.strip():
        add("empty", "critical", "the translation is empty")
        return issues
    if seg.origin == "verbatim":
        return issues
    if text.strip() == seg.source.strip() and _LETTER.search(seg.source):
        add("untranslated", "critical", "the translation equals the source")
    issues.extend(_script(seg, target, glossary))
    if "truncated" in seg.flags:
        add("truncated", "critical", "the engine stopped at its length limit; the end is missing")
    for check in seg.checks:
        if check.status == "violated" and check.kind == "term":
            # A title beside an unknown name was left to the model: check it, don't block.
            severity: Severity = "functional" if check.how == "soft" else "critical"
            add("term", severity, f"glossary: {check.source!r} must be {check.expected!r}")
        elif check.status == "violated":
            add(
                "protected",
                "critical",
                f"{check.kind} {check.source!r} must appear as {check.expected!r}",
            )
        elif check.how == "compound":
            add(
                "term",
                "functional",
                f"glossary: {check.expected!r} was forced into the compound around "
                f"{check.source!r}; check the wording",
            )
    if glossary is not None:
        issues.extend(_glossary(seg, source, target, glossary))
    issues.extend(_numbers(seg, source, target))
    if _REPEAT_WORDS.search(text) or _REPEAT_CHARS.search(text):
        add("repetition", "functional", "the translation repeats itself")
    low, high = _RATIO.get((source, target), (0.0, 100.0))
    if len(seg.source) >= 20:
        ratio = len(text) / len(seg.source)
        if not low <= ratio <= high:
            add("length", "cosmetic", f"length ratio {ratio:.2f} is outside {low}–{high}")
    return issues


def summarize_issues(issues: Iterable[Issue]) -> dict[str, dict[str, int]]:
    """Return issue counts by severity and by check."""
    items = list(issues)
    return {
        "severity": dict(Counter(i.severity for i in items)),
        "check": dict(Counter(i.check for i in items)),
    }


def _script(seg: Segment, target: str, glossary: Glossary | None = None) -> list[Issue]:
    text = seg.target or ""
    letters = _LETTER.findall(text)
    if target == "ja" and letters and _LETTER.search(seg.source):
        japanese = sum(bool(_KANA_KANJI.match(c)) for c in letters)
        source_letters = _LETTER.findall(seg.source)
        # A line that is mostly a Latin name (NRW.Energy4Climate) may stay Latin.
        if japanese == 0 and len(source_letters) > 12:
            return [Issue(seg.id, "script", "critical", "the translation has no Japanese text")]
    if target == "de" and _KANA_KANJI.search(text):
        return [Issue(seg.id, "script", "critical", "the German translation contains Japanese")]
    share = _source_language_share(seg, target, glossary)
    if share is not None and share > 0.5:
        return [
            Issue(
                seg.id,
                "script",
                "critical",
                f"untranslated/wrong language: {share:.0%} of the words are still "
                f"{'German' if target == 'ja' else 'Japanese'}",
            )
        ]
    return []


_LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
_MIN_LETTERS = 8  # shorter remainders (a name, an acronym) say nothing about the language


def _source_language_share(seg: Segment, target: str, glossary: Glossary | None) -> float | None:
    """Return the share of the target's letters in the source script, or None if too few.

    Protected items and glossary terms are removed first: forced into a copy of the source
    they make a German sentence look Japanese (or keep names in Latin letters in a good one).
    """
    text = seg.target or ""
    keep = [c.expected for c in seg.checks if c.status != "violated" and c.expected]
    spans: list[tuple[int, int]] = []
    for form in sorted(set(keep), key=len, reverse=True):
        start = text.find(form)
        while form and start >= 0:
            spans.append((start, start + len(form)))
            start = text.find(form, start + len(form))
    spans += address_spans(text)  # e-mail addresses, URLs and phone numbers stay as they are
    if glossary is not None:
        from ..glossary import find_terms

        spans += [(h.start, h.end) for h in find_terms(text, cast(Lang, target), glossary)]
    keep_chars = [True] * len(text)
    for start, end in spans:
        keep_chars[start:end] = [False] * (end - start)
    text = "".join(c if k else " " for c, k in zip(text, keep_chars, strict=True))
    if target == "ja":
        foreign = sum(len(w) for w in _LATIN_WORD.findall(text))
        own = len(_KANA_KANJI.findall(text))
    else:
        foreign = len(_KANA_KANJI.findall(text)) * 2  # a kanji carries about a syllable
        own = sum(len(w) for w in _LATIN_WORD.findall(text))
    if foreign + own < _MIN_LETTERS:
        return None
    return foreign / (foreign + own)


def _glossary(seg: Segment, source: str, target: str, glossary: Glossary) -> list[Issue]:
    """Check terms of memory and human translations (engine output was checked while made)."""
    from ..glossary import find_terms

    text = seg.target or ""
    issues: list[Issue] = []
    found = find_terms(text, cast(Lang, target), glossary)
    target_hits = {h.entry.id for h in found}
    target_forms = {form for h in found for form in h.entry.forms(cast(Lang, target))}
    checked = {c.entry for c in seg.checks}
    for hit in find_terms(seg.source, cast(Lang, source), glossary):
        entry = hit.entry
        forbidden = entry.forbidden_ja if target == "ja" else entry.forbidden_de
        for form in forbidden:
            if form and _contains_form(text, form, target):
                issues.append(
                    Issue(
                        seg.id,
                        "term",
                        "critical",
                        f"glossary: {form!r} is a forbidden rendering of {hit.form!r}",
                    )
                )
        expected = hit.target_form()
        if seg.origin == "engine" or entry.id in checked:
            continue
        if entry.id in target_hits if not hit.context else expected in target_forms:
            continue
        if hit.review:
            issues.append(
                Issue(
                    seg.id,
                    "term",
                    "cosmetic",
                    f"glossary: {hit.form!r} depends on who is meant "
                    f"({', '.join(v for _, v in (entry.context_de or entry.context_ja))}); "
                    "check it",
                )
            )
            continue
        # An approved translation may paraphrase: worth a look, not a blocker.
        issues.append(
            Issue(
                seg.id,
                "term",
                "cosmetic",
                f"glossary: {hit.form!r} is usually {expected!r}, not found",
            )
        )
    return issues


def _contains_form(text: str, form: str, lang: str) -> bool:
    """Return whether `form` occurs in `text` as a word (German: with an ending)."""
    if lang == "ja":
        return form in text
    pattern = r"(?<!\w)" + re.escape(form) + r"(?:e|en|es|n|s|er|ern)?(?!\w)"
    return re.search(pattern, text) is not None


def _numbers(seg: Segment, source: str, target: str) -> list[Issue]:
    text = seg.target or ""
    src = _number_values(seg.source, source)
    tgt = _number_values(text, target)
    missing = src - tgt
    issues = []
    extra = tgt - src
    # A sum, date, count or percentage of the source that is missing or changed is wrong
    # content in a handout: critical. A number only added (本日3日 for „am heutigen Dienstag“)
    # makes something explicit: worth a check, not a blocker.
    if missing:
        shown = ", ".join(sorted(_show(v) for v in missing.elements()))
        issues.append(Issue(seg.id, "numbers", "critical", f"numbers missing: {shown}"))
    if extra:
        shown = ", ".join(sorted(_show(v) for v in extra.elements()))
        severity: Severity = "critical" if missing else "functional"
        issues.append(Issue(seg.id, "numbers", severity, f"numbers not in the source: {shown}"))
    return issues


def _number_values(text: str, lang: str) -> Counter[Decimal]:
    """Return the numbers of `text` as values; dates count as day, month and year.

    „am 16. November“ gives day 16 and month 11, 16日（月） only day 16: a translation that
    leaves out what the context makes clear then only adds or lacks a month, not a number.
    """
    values: Counter[Decimal] = Counter()
    # Digits of phone numbers, addresses and URLs are not quantities („+81 24“ is 024).
    for start, end in sorted(address_spans(text), reverse=True):
        text = text[:start] + " " + text[end:]
    for found in reversed(find_dates(text, lang)):
        if found.date is not None:
            values[_DAY + found.date.day] += 1
            values[_MONTH + found.date.month] += 1
            if found.last_day is not None:
                values[_DAY + found.last_day] += 1
            if found.year_given:
                values[Decimal(found.date.year)] += 1
        text = text[: found.start] + " " + text[found.end :]
    if lang == "ja":
        for pattern, tag in ((_JA_DAY, _DAY), (_JA_MONTH, _MONTH)):
            for match in reversed(list(pattern.finditer(text))):
                values[tag + int(match.group(1))] += 1
                text = text[: match.start()] + " " + text[match.end() :]
    else:
        for match in reversed(list(_DE_MONTH.finditer(text))):
            values[_MONTH + DE_MONTH_NUMBERS[match.group(1)]] += 1
            text = text[: match.start()] + " " + text[match.end() :]
    if lang == "de":  # „drei Jahre“, „zweimal“: Japanese writes these in digits
        for match in reversed(list(_DE_NUMBER_WORD.finditer(text))):
            values[Decimal(_de_number_word(match.group(1)))] += 1
            text = text[: match.start()] + " " + text[match.end() :]
    pattern = _DE_NUMBER if lang == "de" else _JA_NUMBER
    for number, scale in pattern.findall(text):
        value = parse_number(number, lang)
        if value is None:
            continue
        scales = DE_SCALES if lang == "de" else JA_SCALES
        factor = scales.get(scale.lower() if lang == "de" else scale, Decimal(1))
        values[(value * factor).normalize()] += 1
    return values


_DE_UNITS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}  # fmt: skip
_DE_WORDS = {
    **_DE_UNITS,
    "zehn": 10, "elf": 11, "zwölf": 12, "sechzehn": 16, "siebzehn": 17, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
}  # fmt: skip
# Cardinal words from zwei on („ein“ is also the article), alone or with -mal („zweimal“);
# teens are unit + zehn („fünfzehn“), not ordinals („dritten“).
_DE_NUMBER_WORD = re.compile(
    r"(?<![\w-])((?:"
    + "|".join(_DE_UNITS)
    + r")zehn|"
    + "|".join(_DE_WORDS)
    + r")(?:mal)?(?![\w-])",
    re.IGNORECASE,
)


def _de_number_word(word: str) -> int:
    word = word.lower()
    if word in _DE_WORDS:
        return _DE_WORDS[word]
    return _DE_UNITS[word[: -len("zehn")]] + 10


def _show(value: Decimal) -> str:
    if value >= _MONTH:
        return f"month {int(value - _MONTH)}"
    if value >= _DAY:
        return f"day {int(value - _DAY)}"
    if value >= 10**6 and value == value.to_integral_value():
        return f"{value:,.0f}"
    return str(value)
