"""Glossary exchange: DeepL-style CSV in and out, and TOML out (TBX lives in `tbx.py`).

DeepL's glossary CSV has two columns, source and target, no header, UTF-8. Files from other
tools add a header row (``source,target`` or ``de,ja``) or name the languages per row in four
columns (``source,target,source_lang,target_lang``); both are read. Rows are grouped into
entries by their German form, so de→ja and de→en rows of one term become one entry.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ExchangeError
from ..fileio import write_bytes_atomic
from ..textfile import decode_utf8, read_bytes
from ..tomlfile import tomllib
from .model import Entry, LookupLang

__all__ = [
    "EXCHANGE_LANGS",
    "read_glossary_csv",
    "write_glossary_csv",
    "write_glossary_toml",
]

LOGGER = logging.getLogger(__name__)

EXCHANGE_LANGS: tuple[LookupLang, ...] = ("de", "ja", "en")
_SOURCE_HEADERS = {"source", "src", "source_term", "source term", "term", "quelle"}
_TARGET_HEADERS = {"target", "tgt", "target_term", "target term", "translation", "ziel"}
_LANG_NAMES = {
    "de": "de",
    "deutsch": "de",
    "german": "de",
    "ja": "ja",
    "jp": "ja",
    "japanisch": "ja",
    "japanese": "ja",
    "日本語": "ja",
    "en": "en",
    "englisch": "en",
    "english": "en",
}


@dataclass
class _Concept:
    line: int
    forms: dict[str, list[str]] = field(default_factory=dict)  # lang -> forms, main first

    def add(self, lang: str, form: str) -> None:
        forms = self.forms.setdefault(lang, [])
        if form not in forms:
            forms.append(form)


def read_glossary_csv(
    path: Path, *, source_lang: LookupLang = "de", target_lang: LookupLang = "ja"
) -> tuple[list[Entry], int]:
    """Return the entries in the glossary CSV at `path` and how many rows were skipped.

    Two-column rows are `source_lang`,`target_lang` unless a header row names the languages.
    Rows without both a German and a Japanese form (after grouping) are skipped.
    """
    text = _read_text(path)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    langs: tuple[str, str] = (source_lang, target_lang)
    concepts: dict[tuple[str, str], _Concept] = {}
    skipped = 0
    seen_content = False
    try:
        for row in reader:
            line = reader.line_num
            cells = [c.strip() for c in row]
            if not any(cells):
                continue
            if not seen_content:
                seen_content = True
                header = _header_langs(cells)
                if header is not None:
                    langs = header or langs
                    continue
            if len(cells) == 2:
                pair = langs
            elif len(cells) == 4:
                pair = (_lang(cells[2]), _lang(cells[3]))
            else:
                raise ExchangeError(
                    f"{path}:{line}: expected 2 columns (source,target) or 4 "
                    f"(source,target,source_lang,target_lang), got {len(cells)}; "
                    "quote cells that contain commas"
                )
            source, target = cells[0], cells[1]
            if not source or not target:
                raise ExchangeError(
                    f"{path}:{line}: empty source or target; fill in both cells or remove the row"
                )
            if pair[0] not in EXCHANGE_LANGS or pair[1] not in EXCHANGE_LANGS:
                skipped += 1
                continue
            if pair[0] == pair[1]:
                raise ExchangeError(
                    f"{path}:{line}: source and target language are both {pair[0]!r}; "
                    "fix the language columns"
                )
            _file_row(concepts, dict(zip(pair, (source, target), strict=True)), line)
    except csv.Error as exc:
        raise ExchangeError(
            f"{path}:{reader.line_num}: not valid CSV ({exc}); check the quotes"
        ) from None
    return _entries(list(concepts.values()), path, skipped)


def write_glossary_csv(
    entries: Iterable[Entry],
    path: Path,
    *,
    source_lang: LookupLang = "de",
    target_lang: LookupLang = "ja",
    variants: bool = False,
) -> int:
    """Write `entries` as a DeepL glossary CSV (atomically) and return the number of rows.

    With `variants`, each source-language variant becomes a row of its own pointing at the
    main target form. DeepL refuses a source form twice, so later repeats are left out.
    """
    if source_lang == target_lang:
        raise ExchangeError(f"{path}: source and target language are both {source_lang!r}")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    written: set[str] = set()
    count = 0
    for entry in entries:
        target = _form(entry, target_lang)
        sources = [_form(entry, source_lang)]
        if variants and source_lang != "en":
            sources += list(entry.de_variants if source_lang == "de" else entry.ja_variants)
        for source in sources:
            if not source or not target or source in written:
                if source in written:
                    LOGGER.info("%s: %r is already in the CSV; left out", path, source)
                continue
            written.add(source)
            writer.writerow([source, target])
            count += 1
    write_bytes_atomic(path, buffer.getvalue().encode("utf-8"))
    return count


def write_glossary_toml(
    entries: Iterable[Entry],
    path: Path,
    *,
    glossary_id: str | None = None,
    domain: str = "",
    title_de: str = "",
    title_ja: str = "",
    version: str = "",
    comment: str = "",
) -> int:
    """Write `entries` as a dejakit glossary TOML file (atomically) and return their count."""
    info = {
        "id": glossary_id or path.stem,
        "domain": domain,
        "title_de": title_de,
        "title_ja": title_ja,
        "version": version,
    }
    out = [f"# {line}".rstrip() for line in comment.splitlines()]
    if out:
        out.append("")
    out.append("[glossary]")
    out += [f"{key} = {_toml_str(value)}" for key, value in info.items()]
    count = 0
    for entry in entries:
        out += ["", "[[entry]]", *_entry_lines(entry, domain)]
        count += 1
    data = "\n".join(out) + "\n"
    try:
        tomllib.loads(data)  # never write a file the loader would refuse
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - a bug in _toml_str
        raise ExchangeError(f"{path}: can't write valid TOML ({exc})") from None
    write_bytes_atomic(path, data.encode("utf-8"))
    return count


def _entry_lines(entry: Entry, domain: str) -> list[str]:
    lines = [
        f"de = {_toml_str(entry.de)}",
        *_list_line("de_variants", entry.de_variants),
        f"ja = {_toml_str(entry.ja)}",
        *_list_line("ja_variants", entry.ja_variants),
        f"en = {_toml_str(entry.en)}",
        f"type = {_toml_str(entry.type)}",
    ]
    optional = (
        ("reading", entry.reading),
        ("romaji", entry.romaji),
        ("de_short", entry.de_short),
        ("ja_short", entry.ja_short),
        ("ja_position", entry.ja_position or ""),
        ("abbr", entry.abbr),
        ("domain", entry.domain if entry.domain != domain else ""),
    )
    lines += [f"{key} = {_toml_str(value)}" for key, value in optional if value]
    lines += _list_line("forbidden_ja", entry.forbidden_ja)
    lines += _list_line("forbidden_de", entry.forbidden_de)
    if entry.note:
        lines.append(f"note = {_toml_str(entry.note)}")
    if entry.context:
        lines.append(f"context = {_toml_str(entry.context)}")
    for key, table in (("context_de", entry.context_de), ("context_ja", entry.context_ja)):
        if table:
            items = ", ".join(f"{k} = {_toml_str(v)}" for k, v in table)
            lines.append(f"{key} = {{ {items} }}")
    if not entry.inside:
        lines.append("inside = false")
    if entry.evidence:
        lines.append(f"evidence = {_toml_str(entry.evidence)}")
    return lines


def _list_line(key: str, values: tuple[str, ...]) -> list[str]:
    return [f"{key} = [{', '.join(_toml_str(v) for v in values)}]"] if values else []


def _toml_str(value: str) -> str:
    """Return `value` as a TOML basic string (JSON's escapes are valid TOML; DEL is not)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _form(entry: Entry, lang: LookupLang) -> str:
    return {"de": entry.de, "ja": entry.ja, "en": entry.en}[lang]


def _read_text(path: Path) -> str:
    data = read_bytes(path, ExchangeError)
    return decode_utf8(data, path, ExchangeError, "save the CSV as UTF-8 (Excel: 'CSV UTF-8')")


def _header_langs(cells: list[str]) -> tuple[str, str] | tuple[()] | None:
    """Return the languages a header row names, () for a generic header, None for data."""
    if len(cells) < 2:
        return None
    first, second = cells[0].casefold(), cells[1].casefold()
    if first in _LANG_NAMES and second in _LANG_NAMES:
        return _LANG_NAMES[first], _LANG_NAMES[second]
    if first in _SOURCE_HEADERS and second in _TARGET_HEADERS:
        return ()
    return None


def _lang(value: str) -> str:
    code = value.strip().replace("_", "-").split("-")[0].casefold()
    return _LANG_NAMES.get(code, code)


def _file_row(concepts: dict[tuple[str, str], _Concept], row: dict[str, str], line: int) -> None:
    """Add one row's forms to the concept of its German form (or its Japanese one)."""
    key = ("de", row["de"].casefold()) if "de" in row else ("ja", row["ja"])
    concept = concepts.setdefault(key, _Concept(line))
    for lang, form in row.items():
        concept.add(lang, form)


def _entries(concepts: list[_Concept], path: Path, skipped: int) -> tuple[list[Entry], int]:
    complete = [c for c in concepts if "de" in c.forms and "ja" in c.forms]
    # ja,en rows carry the English of a Japanese term: hand it to the German concept.
    english = {c.forms["ja"][0]: c.forms["en"][0] for c in concepts if set(c.forms) == {"ja", "en"}}
    used = {c.forms["ja"][0] for c in complete}
    skipped += sum(
        1
        for c in concepts
        if c not in complete and not (set(c.forms) == {"ja", "en"} and c.forms["ja"][0] in used)
    )
    entries: list[Entry] = []
    for concept in complete:
        forms = concept.forms
        entries.append(
            Entry(
                id=f"{path.stem}:{len(entries) + 1}",
                de=forms["de"][0],
                ja=forms["ja"][0],
                en=forms.get("en", [english.get(forms["ja"][0], "")])[0],
                de_variants=tuple(forms["de"][1:]),
                ja_variants=tuple(forms["ja"][1:]),
                source=str(path),
                line=concept.line,
            )
        )
    return entries, skipped
