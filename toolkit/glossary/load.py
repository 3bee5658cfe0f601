"""Reading glossary TOML files into `Glossary` values, with file:line in every error.

The TOML layer (`toolkit.tomlfile`, shared with pack manifests and MoU summaries) gives the
values and the line of every ``[[entry]]`` and ``key =``. `parse_glossary_file` keeps going
after a problem and returns all of them (the linter shows every one); `load_glossary` stops at
the first error.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..errors import GlossaryError
from ..findings import Finding
from ..resources import glossary_dir
from ..textfile import read_bytes
from ..tomlfile import Problems, Table, TomlFile, TomlProblem, parse_toml, toml_type
from .model import CONTEXTS, ENTRY_TYPES, Entry, EntryType, Glossary, GlossaryInfo, JaPosition

__all__ = [
    "ENTRY_KEYS",
    "GLOSSARY_KEYS",
    "ParsedFile",
    "default_glossary",
    "load_glossaries",
    "load_glossary",
    "parse_glossary_file",
]

LOGGER = logging.getLogger(__name__)

STRING_KEYS = (
    "de",
    "ja",
    "en",
    "type",
    "reading",
    "romaji",
    "note",
    "de_short",
    "ja_short",
    "ja_position",
    "abbr",
    "domain",
    "evidence",
    "context",
)
LIST_KEYS = ("de_variants", "ja_variants", "forbidden_ja", "forbidden_de")
TABLE_KEYS = ("context_de", "context_ja")  # { land = "州首相", japan = "首相" }
BOOL_KEYS = ("inside",)
ENTRY_KEYS = frozenset(STRING_KEYS + LIST_KEYS + TABLE_KEYS + BOOL_KEYS)
REQUIRED_KEYS = ("de", "ja", "type")  # en is required too, but the linter reports it
GLOSSARY_KEYS = frozenset({"id", "domain", "title_de", "title_ja", "title_en", "version", "note"})


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """What one glossary file holds, with the lines of its keys and the problems found."""

    path: Path
    info: GlossaryInfo | None
    entries: tuple[Entry, ...]
    key_lines: tuple[Mapping[str, int], ...]  # per entry: key -> line ("" -> the header line)
    info_lines: Mapping[str, int] = field(default_factory=dict)
    problems: tuple[Finding, ...] = ()  # each at a line of the file

    def line_of(self, index: int, key: str) -> int:
        """Return the line of `key` in entry number `index` (0-based), or of its header."""
        lines = self.key_lines[index]
        return lines.get(key, lines.get("", 0))

    def first_error(self) -> Finding | None:
        """Return the first error-level problem, if any."""
        return next((p for p in self.problems if p.severity == "error"), None)


def load_glossary(path: Path) -> Glossary:
    """Return the glossary in the TOML file at `path`, raising GlossaryError at the first error."""
    return load_glossaries([path])


def load_glossaries(paths: Iterable[Path]) -> Glossary:
    """Return one glossary merging the TOML files at `paths`, in order."""
    entries: list[Entry] = []
    infos: list[GlossaryInfo] = []
    seen: set[Path] = set()
    for path in paths:
        key = Path(path).resolve()
        if key in seen:
            continue
        seen.add(key)
        parsed = parse_glossary_file(Path(path))
        error = parsed.first_error()
        if error is not None:
            more = sum(p.severity == "error" for p in parsed.problems) - 1
            suffix = f" ({more} more; see dejakit glossary check {path})" if more else ""
            raise GlossaryError(f"{path}:{error.line}: {error.message}{suffix}")
        entries.extend(parsed.entries)
        if parsed.info is not None:
            infos.append(parsed.info)
    return Glossary(entries=tuple(entries), files=tuple(infos))


def default_glossary() -> Glossary:
    """Return the merged shipped glossaries (every ``*.toml`` in the glossary folder)."""
    try:
        folder = glossary_dir()
    except FileNotFoundError as exc:
        raise GlossaryError(f"{exc}; reinstall dejakit or give glossary files explicitly") from None
    paths = sorted(folder.glob("*.toml"))
    if not paths:
        LOGGER.warning("no glossary files in %s; terms won't be checked", folder)
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return _load_cached(stamp)


@functools.lru_cache(maxsize=4)
def _load_cached(stamp: tuple[tuple[str, int, int], ...]) -> Glossary:
    # Keyed on path, mtime and size: an edited file is read again, an unchanged one is not,
    # and the Glossary (with its compiled matchers) is shared between callers.
    return load_glossaries(Path(p) for p, _, _ in stamp)


def parse_glossary_file(path: Path) -> ParsedFile:
    """Return everything in the glossary file at `path`, collecting problems instead of raising."""
    raw = read_bytes(path, GlossaryError, "glossary file")
    try:
        file = parse_toml(path, raw, what="file", example='de = "Wasserstoff"')
    except TomlProblem as exc:
        problem = Finding(file=str(path), line=exc.line, message=exc.message)
        return ParsedFile(path, None, (), (), problems=(problem,))
    return _Parser(file).run()


class _Parser:
    """Turns one glossary file into entries, noting problems at their lines (`toolkit.tomlfile`)."""

    def __init__(self, file: TomlFile) -> None:
        self.file = file
        self.path = file.path
        self.problems = Problems(file.path)
        self.top = Table(file, self.problems, ("", 0), file.data, "")

    def run(self) -> ParsedFile:
        for key in self.file.data:
            if key not in ("glossary", "entry"):
                self.problems.add(
                    self.top.key_line(key),
                    f"unknown top-level key or table {key!r}; a glossary file holds only "
                    "[glossary] and [[entry]] tables",
                )
        info = self._info()
        prefix = info.id if info is not None and info.id else self.path.stem
        domain = info.domain if info is not None else ""
        entries: list[Entry] = []
        key_lines: list[Mapping[str, int]] = []
        for table in self._entry_tables():
            entry = self._entry(table, prefix, domain)
            if entry is not None:
                entries.append(entry)
                key_lines.append(self.file.lines.get(table.key, {}))
        given = self.file.data.get("entry")
        if not isinstance(given, dict) and not (isinstance(given, list) and given):
            self.problems.warn(
                1, "the file has no [[entry]] tables; add entries or remove the file"
            )
        return ParsedFile(
            self.path,
            info,
            tuple(entries),
            tuple(key_lines),
            info_lines=self.file.lines.get(("glossary", 0), {}),
            problems=tuple(self.problems.found),
        )

    def _info(self) -> GlossaryInfo | None:
        if "glossary" not in self.file.data:
            self.problems.warn(
                1,
                f'no [glossary] table; add [glossary] with id = "{self.path.stem}", domain, '
                "title_de, title_ja and version",
            )
            return None
        table = self.top.table("glossary")
        if table is None:  # not a table: noted
            return None
        table.label = ""  # its messages name [glossary] themselves
        values: dict[str, str] = {}
        for key, value in table.data.items():
            if not table.check_key(key, GLOSSARY_KEYS, where="[glossary]"):
                continue
            if not isinstance(value, str):
                self.problems.add(
                    table.line(key), f'[glossary] {key} must be a string; write {key} = "…"'
                )
            else:
                values[key] = unicodedata.normalize("NFC", value.strip())
        return GlossaryInfo(
            id=values.get("id", "") or self.path.stem,
            path=str(self.path),
            domain=values.get("domain", ""),
            title_de=values.get("title_de", ""),
            title_ja=values.get("title_ja", ""),
            version=values.get("version", ""),
        )

    def _entry_tables(self) -> list[Table]:
        """Return the [[entry]] tables, each labelled for messages as "entry 3 'Wasserstoff'"."""
        value = self.file.data.get("entry", [])
        if not isinstance(value, list):  # a single [entry] table, or no table at all
            tables = self.top.tables("entry", "entry")
        else:
            tables = []
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    label = f"entry {index + 1}"
                    tables.append(Table(self.file, self.problems, ("entry", index), item, label))
                else:
                    self.problems.add(
                        self.file.line_of(("entry", index)),
                        f"entry {index + 1} is not a table; write it as an [[entry]] table",
                    )
        for table in tables:
            de = table.data.get("de")
            table.label += f" {de!r}" if isinstance(de, str) else ""
        return tables

    def _entry(self, table: Table, prefix: str, domain: str) -> Entry | None:
        strings, lists = self._values(table)
        ok = self._required(table, strings)
        entry_type = strings.get("type", "term")
        if entry_type not in ENTRY_TYPES:
            table.problem(
                "type",
                f"type {entry_type!r} is not one of {', '.join(ENTRY_TYPES)}; "
                'use one of them (e.g. type = "term")',
            )
            ok = False
        position = strings.get("ja_position") or None
        if position not in (None, "after", "before"):
            table.problem(
                "ja_position",
                f'ja_position must be "after" or "before", not {position!r}; '
                'write ja_position = "after" for 内堀知事',
            )
            position = None
        context = strings.get("context", "")
        if context and context not in CONTEXTS:
            table.problem(
                "context",
                f"context {context!r} is not one of {', '.join(CONTEXTS)}; "
                'write e.g. context = "land"',
            )
            ok = False
        tables = {key: self._context_table(table, key) for key in TABLE_KEYS if table.has(key)}
        inside = table.data.get("inside", True)
        if not isinstance(inside, bool):
            table.problem("inside", "inside must be true or false; write inside = false")
            inside = True
        if not ok or None in tables.values():
            return None
        return Entry(
            id=f"{prefix}:{table.key[1] + 1}",
            de=strings["de"],
            ja=strings["ja"],
            en=strings.get("en", ""),
            type=cast(EntryType, entry_type),
            de_variants=lists.get("de_variants", ()),
            ja_variants=lists.get("ja_variants", ()),
            reading=strings.get("reading", ""),
            romaji=strings.get("romaji", ""),
            note=strings.get("note", ""),
            forbidden_ja=lists.get("forbidden_ja", ()),
            forbidden_de=lists.get("forbidden_de", ()),
            de_short=strings.get("de_short", ""),
            ja_short=strings.get("ja_short", ""),
            ja_position=cast(JaPosition | None, position),
            abbr=strings.get("abbr", ""),
            domain=strings.get("domain", "") or domain,
            evidence=strings.get("evidence", ""),
            context=context,
            context_de=tables.get("context_de") or (),
            context_ja=tables.get("context_ja") or (),
            inside=inside,
            source=str(self.path),
            line=table.line(),
        )

    def _values(self, table: Table) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
        """Return the entry's string and list values, noting unknown keys and wrong types."""
        strings: dict[str, str] = {}
        lists: dict[str, tuple[str, ...]] = {}
        for key, value in table.data.items():
            if not table.check_key(key, ENTRY_KEYS, where="[[entry]]"):
                continue
            if key in TABLE_KEYS or key in BOOL_KEYS:
                continue  # read by _entry
            if key in LIST_KEYS:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    table.problem(
                        key,
                        f"{key} must be a list of strings; "
                        f'write {key} = ["…", "…"] (or [] for none)',
                    )
                    continue
                items = [self._clean(table, key, v) for v in value]
                lists[key] = tuple(v for v in items if v)
                if len(lists[key]) < len(items):
                    table.warn(key, f"{key} holds an empty string; remove it")
            elif not isinstance(value, str):
                table.problem(
                    key, f'{key} must be a string, not {toml_type(value)}; write {key} = "…"'
                )
            else:
                strings[key] = self._clean(table, key, value)
        return strings, lists

    def _context_table(self, table: Table, key: str) -> tuple[tuple[str, str], ...] | None:
        """Return a context table ({ land = "州首相", japan = "首相" }) as pairs, or None."""
        value = table.data[key]
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            table.problem(
                key,
                f'{key} must be a table of strings; write {key} = {{ land = "…", federal = "…" }}',
            )
            return None
        unknown = [k for k in value if k not in CONTEXTS]
        if unknown:
            table.problem(
                key, f"{key} has unknown context {unknown[0]!r}; use {', '.join(CONTEXTS)}"
            )
            return None
        return tuple((k, self._clean(table, key, v)) for k, v in value.items())

    def _required(self, table: Table, strings: Mapping[str, str]) -> bool:
        """Return whether the required keys hold text, noting each one that doesn't."""
        ok = True
        for key in REQUIRED_KEYS:
            if key not in table.data:
                hint = '"term"' if key == "type" else '"…"'
                table.problem("", f"missing required key {key}; add {key} = {hint}")
                ok = False
            elif key not in strings:  # wrong type, noted already
                ok = False
            elif not strings[key]:
                table.problem(key, f"{key} is empty; fill it in")
                ok = False
        return ok

    def _clean(self, table: Table, key: str, value: str) -> str:
        stripped = value.strip()
        if stripped != value and stripped:
            table.warn(key, f"{key} {value!r} has spaces at the ends; remove them")
        return unicodedata.normalize("NFC", stripped)
