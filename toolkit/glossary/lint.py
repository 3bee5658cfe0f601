"""Checking glossary files: format errors, duplicates, conflicts and missing fields.

Errors make a glossary unusable or ambiguous (a German form with two Japanese terms, a name
with kanji but no reading); warnings point at what a terminologist should look at (one
Japanese term for two German terms, a person without short forms).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import GlossaryError
from ..findings import Finding, Severity
from ..japanese import HIRAGANA
from .load import ParsedFile, parse_glossary_file
from .match_ja import script_of
from .model import NAME_TYPES, Entry, ja_key

__all__ = ["check_glossary"]

_HIRAGANA = re.compile(rf"[{HIRAGANA}ー\s・]+")
_ROMAJI = re.compile(r"[A-Za-z\s'’\-āīūēōĀĪŪĒŌâîûêô]+")


@dataclass(frozen=True, slots=True)
class _Form:
    text: str
    key: str  # the name of the field it came from
    entry: Entry
    parsed: ParsedFile
    index: int  # entry number in its file, 0-based

    @property
    def line(self) -> int:
        return self.parsed.line_of(self.index, self.key)


def check_glossary(paths: Iterable[Path]) -> list[Finding]:
    """Return the problems found in the glossary files at `paths`, file by file, by line."""
    paths = list(paths)
    issues: list[Finding] = []
    parsed_files: list[ParsedFile] = []
    for path in paths:
        try:
            parsed = parse_glossary_file(Path(path))
        except GlossaryError as exc:
            message = str(exc).removeprefix(f"{path}: ")
            issues.append(Finding(file=str(path), line=1, message=message))
            continue
        parsed_files.append(parsed)
        issues.extend(parsed.problems)
        issues.extend(_check_info(parsed))
        for index, entry in enumerate(parsed.entries):
            issues.extend(_check_entry(parsed, index, entry))
    issues.extend(_check_ids(parsed_files))
    issues.extend(_check_de_forms(parsed_files))
    issues.extend(_check_ja_forms(parsed_files))
    order = {str(p): n for n, p in reversed(list(enumerate(paths)))}
    issues.sort(key=lambda i: (order.get(i.file, len(order)), i.line))
    return issues


def _check_info(parsed: ParsedFile) -> list[Finding]:
    info = parsed.info
    if info is None:
        return []
    line = parsed.info_lines.get("id", parsed.info_lines.get("", 1))
    if info.id != parsed.path.stem:
        return [
            _issue(
                parsed,
                line,
                "error",
                f"[glossary] id {info.id!r} differs from the file name; "
                f'write id = "{parsed.path.stem}" (entry ids are "<file id>:<n>")',
            )
        ]
    return []


def _check_ids(files: list[ParsedFile]) -> list[Finding]:
    seen: dict[str, ParsedFile] = {}
    issues: list[Finding] = []
    for parsed in files:
        if parsed.info is None:
            continue
        first = seen.setdefault(parsed.info.id, parsed)
        if first is not parsed:
            issues.append(
                _issue(
                    parsed,
                    parsed.info_lines.get("id", 1),
                    "error",
                    f"glossary id {parsed.info.id!r} is also used by {first.path}; "
                    "give each file its own id",
                )
            )
    return issues


def _check_entry(parsed: ParsedFile, index: int, entry: Entry) -> list[Finding]:
    """Return the problems of one entry taken on its own."""
    out: list[Finding] = []
    label = f"entry {index + 1} {entry.de!r}"

    def add(key: str, severity: Severity, message: str) -> None:
        out.append(_issue(parsed, parsed.line_of(index, key), severity, f"{label}: {message}"))

    if not entry.en:
        add("en", "error", 'no English pivot term; add en = "…"')
    has_kanji = any(script_of(c) == "kanji" for c in entry.ja)
    if entry.type in NAME_TYPES and has_kanji and not entry.reading:
        fix = 'add reading = "…" (hiragana)' + ("" if entry.romaji else ' and romaji = "…"')
        add("", "error", f"{entry.type} with kanji needs a reading; {fix}")
    if entry.reading and not entry.romaji:
        add("reading", "error", 'reading given without romaji; add romaji = "…" (Hepburn)')
    if entry.reading and not _HIRAGANA.fullmatch(entry.reading):
        add(
            "reading",
            "error",
            f"reading {entry.reading!r} is not all hiragana; write {_to_hiragana(entry.reading)!r}",
        )
    if entry.romaji and not _ROMAJI.fullmatch(entry.romaji):
        add("romaji", "warning", f"romaji {entry.romaji!r} has characters other than Latin letters")
    if entry.type == "person":
        for key, value, whole in (
            ("de_short", entry.de_short, entry.de),
            ("ja_short", entry.ja_short, entry.ja),
        ):
            if not value:
                add("", "warning", f'person without {key}; add {key} = "…" (the surname)')
            elif value not in whole:
                add(key, "warning", f"{key} {value!r} is not part of {whole!r}; check the spelling")
    elif entry.de_short or entry.ja_short:
        add(
            "de_short" if entry.de_short else "ja_short",
            "warning",
            "only persons use de_short/ja_short; remove them",
        )
    if entry.type == "title" and entry.ja_position is None:
        add(
            "",
            "warning",
            'title without ja_position; add ja_position = "after" (内堀知事) or "before"',
        )
    elif entry.type != "title" and entry.ja_position is not None:
        add("ja_position", "warning", "only titles use ja_position; remove it")
    out.extend(_check_forms(parsed, index, entry, label))
    return out


def _check_forms(parsed: ParsedFile, index: int, entry: Entry, label: str) -> list[Finding]:
    """Return duplicate variants, forbidden forms that are required, and lone short forms."""
    out: list[Finding] = []
    for lang, main, variants, forbidden in (
        ("de", entry.de, entry.de_variants, entry.forbidden_de),
        ("ja", entry.ja, entry.ja_variants, entry.forbidden_ja),
    ):
        # Spellings the matcher treats alike ("H2"/"H₂" in ja text) may still be listed on
        # purpose: German text is matched as written, so only exact repeats are flagged.
        seen = {main}
        for variant in variants:
            if variant in seen:
                line = parsed.line_of(index, f"{lang}_variants")
                out.append(
                    _issue(
                        parsed,
                        line,
                        "warning",
                        f"{label}: {lang}_variants repeats {variant!r}; remove it",
                    )
                )
            seen.add(variant)
        fold = ja_key if lang == "ja" else _de_key
        required = {fold(f) for f in seen}
        for form in forbidden:
            if fold(form) in required:
                line = parsed.line_of(index, f"forbidden_{lang}")
                out.append(
                    _issue(
                        parsed,
                        line,
                        "error",
                        f"{label}: forbidden_{lang} {form!r} is also a required form; "
                        "remove it from one of the lists",
                    )
                )
    for form in (entry.ja, *entry.ja_variants):
        key = ja_key(form)
        if len(key) == 1 and script_of(key) == "kanji":
            line = parsed.line_of(index, "ja" if form == entry.ja else "ja_variants")
            out.append(
                _issue(
                    parsed,
                    line,
                    "warning",
                    f"{label}: {form!r} is a single kanji, so it is found only where no "
                    "other kanji touches it (NRW州 yes, 欧州 no); list the compounds you need "
                    "as variants",
                )
            )
    return out


def _check_de_forms(files: list[ParsedFile]) -> list[Finding]:
    """Return German forms shared by two entries: duplicates or one form with two ja terms."""
    first: dict[str, _Form] = {}
    out: list[Finding] = []
    for form in _forms(files, ("de", "de_variants", "de_short", "abbr")):
        earlier = first.setdefault(_de_key(form.text), form)
        if earlier is form or earlier.entry is form.entry:
            continue
        where = f"{earlier.entry.id} ({earlier.parsed.path}:{earlier.line})"
        if ja_key(earlier.entry.ja) == ja_key(form.entry.ja):
            message = (
                f"duplicate: {form.text!r} is already in {where} with the same Japanese "
                f"{form.entry.ja!r}; merge the two entries"
            )
        else:
            message = (
                f"conflict: {form.text!r} means {form.entry.ja!r} here but "
                f"{earlier.entry.ja!r} in {where}; keep the form in one entry only"
            )
        out.append(_issue(form.parsed, form.line, "error", message))
    return out


def _check_ja_forms(files: list[ParsedFile]) -> list[Finding]:
    """Return Japanese terms that two term (or title) entries with different German share."""
    first: dict[str, _Form] = {}
    out: list[Finding] = []
    for form in _forms(files, ("ja", "ja_variants")):
        if form.entry.type in NAME_TYPES:
            continue
        earlier = first.setdefault(ja_key(form.text), form)
        if earlier is form or earlier.entry is form.entry:
            continue
        if _de_key(earlier.entry.de) == _de_key(form.entry.de):
            continue
        out.append(
            _issue(
                form.parsed,
                form.line,
                "warning",
                f"{form.text!r} is the Japanese for {form.entry.de!r} here and for "
                f"{earlier.entry.de!r} in {earlier.entry.id} ({earlier.parsed.path}:"
                f"{earlier.line}); ja→de translation can't tell them apart — add a note "
                "or a more specific term",
            )
        )
    return out


def _forms(files: list[ParsedFile], keys: tuple[str, ...]) -> Iterable[_Form]:
    for parsed in files:
        for index, entry in enumerate(parsed.entries):
            for key in keys:
                value = getattr(entry, key)
                for text in value if isinstance(value, tuple) else (value,):
                    if text:
                        yield _Form(text, key, entry, parsed, index)


def _issue(parsed: ParsedFile, line: int, severity: Severity, message: str) -> Finding:
    return Finding(file=str(parsed.path), line=line, severity=severity, message=message)


def _de_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _to_hiragana(text: str) -> str:
    """Return `text` with katakana turned into hiragana (a suggestion for a fix)."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)
