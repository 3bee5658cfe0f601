"""Reading glossary TOML files into `Glossary` values, with file:line in every error.

tomllib reports lines only for syntax errors, so the line of an ``[[entry]]`` and of each
``key =`` inside it comes from a scan of the raw text (`_scan_lines`). `parse_glossary_file` keeps
going after a problem and returns all of them (the linter shows every one); `load_glossary` stops
at the first error.
"""

from __future__ import annotations

import difflib
import functools
import logging
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from ..errors import GlossaryError
from ..resources import glossary_dir
from ..tomlfile import scan_lines, syntax_error_line
from .model import CONTEXTS, ENTRY_TYPES, Entry, EntryType, Glossary, GlossaryInfo, JaPosition

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "ENTRY_KEYS",
    "GLOSSARY_KEYS",
    "ParsedFile",
    "Problem",
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
TABLE_KEYS = ("context_de", "context_ja")
BOOL_KEYS = ("inside",)
LIST_KEYS = ("de_variants", "ja_variants", "forbidden_ja", "forbidden_de")
ENTRY_KEYS = frozenset(STRING_KEYS + LIST_KEYS + TABLE_KEYS + BOOL_KEYS)
REQUIRED_KEYS = ("de", "ja", "type")  # en is required too, but the linter reports it
GLOSSARY_KEYS = frozenset({"id", "domain", "title_de", "title_ja", "title_en", "version", "note"})


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a glossary file, at a line."""

    line: int
    severity: Literal["error", "warning"]
    message: str


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """What one glossary file holds, with the lines of its keys and the problems found."""

    path: Path
    info: GlossaryInfo | None
    entries: tuple[Entry, ...]
    key_lines: tuple[Mapping[str, int], ...]  # per entry: key -> line ("" -> the header line)
    info_lines: Mapping[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def line_of(self, index: int, key: str) -> int:
        """Return the line of `key` in entry number `index` (0-based), or of its header."""
        lines = self.key_lines[index]
        return lines.get(key, lines.get("", 0))

    def first_error(self) -> Problem | None:
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
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError(f"{path}: no such glossary file; check the path") from None
    except IsADirectoryError:
        raise GlossaryError(f"{path}: is a directory; give a .toml glossary file") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: can't be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return _broken(path, line, "not valid UTF-8; save the file as UTF-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, detail = syntax_error_line(exc, text)
        return _broken(
            path,
            line,
            f"TOML syntax error: {detail}; fix the syntax (strings in double quotes, "
            'lists in [ ], one key per line, e.g. de = "Wasserstoff")',
        )
    return _Parser(path, text, data).run()


def _broken(path: Path, line: int, message: str) -> ParsedFile:
    return ParsedFile(path, None, (), (), problems=(Problem(line, "error", message),))


class _Parser:
    """Turns the parsed TOML data of one file into entries, noting problems with their lines."""

    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data
        self.problems: list[Problem] = []
        self.info_lines, self.entry_lines, self.other_tables = _scan_lines(text)

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, "error", message))

    def warning(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, "warning", message))

    def run(self) -> ParsedFile:
        for key in self.data:
            if key not in ("glossary", "entry"):
                line = self.other_tables.get(key, 1)
                self.error(
                    line,
                    f"unknown top-level key or table {key!r}; a glossary file holds only "
                    "[glossary] and [[entry]] tables",
                )
        info = self._info()
        raw_entries = self.data.get("entry", [])
        if isinstance(raw_entries, dict):
            self.error(
                self.other_tables.get("entry", 1),
                "[entry] is a single table; write [[entry]] (double brackets) for each entry",
            )
            raw_entries = [raw_entries]
        elif not isinstance(raw_entries, list):
            self.error(1, "entry must be a list of [[entry]] tables; write one [[entry]] per term")
            raw_entries = []
        prefix = info.id if info is not None and info.id else self.path.stem
        domain = info.domain if info is not None else ""
        entries: list[Entry] = []
        key_lines: list[Mapping[str, int]] = []
        for index, raw in enumerate(raw_entries):
            lines = self.entry_lines[index] if index < len(self.entry_lines) else {}
            key_lines.append(lines)
            entry = self._entry(index, raw, lines, prefix, domain)
            if entry is not None:
                entries.append(entry)
            else:
                key_lines.pop()
        if not raw_entries:
            self.warning(1, "the file has no [[entry]] tables; add entries or remove the file")
        return ParsedFile(
            self.path,
            info,
            tuple(entries),
            tuple(key_lines),
            info_lines=self.info_lines,
            problems=tuple(self.problems),
        )

    def _info(self) -> GlossaryInfo | None:
        table = self.data.get("glossary")
        if table is None:
            self.warning(
                1,
                f'no [glossary] table; add [glossary] with id = "{self.path.stem}", domain, '
                "title_de, title_ja and version",
            )
            return None
        header = self.info_lines.get("", 1)
        if not isinstance(table, dict):
            self.error(header, "glossary must be a table; write [glossary] on its own line")
            return None
        values: dict[str, str] = {}
        for key, value in table.items():
            line = self.info_lines.get(key, header)
            if key not in GLOSSARY_KEYS:
                self.error(line, _unknown_key(key, GLOSSARY_KEYS, "[glossary]"))
            elif not isinstance(value, str):
                self.error(line, f'[glossary] {key} must be a string; write {key} = "…"')
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

    def _entry(
        self, index: int, raw: object, lines: Mapping[str, int], prefix: str, domain: str
    ) -> Entry | None:
        header = lines.get("", 1)
        number = index + 1
        if not isinstance(raw, dict):
            self.error(header, f"entry {number} is not a table; write it as an [[entry]] table")
            return None
        label = f"entry {number}" + (f" {raw['de']!r}" if isinstance(raw.get("de"), str) else "")
        strings: dict[str, str] = {}
        lists: dict[str, tuple[str, ...]] = {}
        tables: dict[str, tuple[tuple[str, str], ...]] = {}
        flags: dict[str, bool] = {}
        for key, value in raw.items():
            line = lines.get(key, header)
            if key not in ENTRY_KEYS:
                self.error(line, f"{label}: " + _unknown_key(key, ENTRY_KEYS, "[[entry]]"))
            elif key in BOOL_KEYS:
                if not isinstance(value, bool):
                    self.error(line, f"{label}: {key} must be true or false; write {key} = false")
                else:
                    flags[key] = value
            elif key in TABLE_KEYS:
                table = self._context_table(value, line, label, key)
                if table is not None:
                    tables[key] = table
            elif key in LIST_KEYS:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    self.error(
                        line,
                        f"{label}: {key} must be a list of strings; "
                        f'write {key} = ["…", "…"] (or [] for none)',
                    )
                    continue
                items = [self._clean(v, line, label, key) for v in value]
                lists[key] = tuple(v for v in items if v)
                if len(lists[key]) < len(items):
                    self.warning(line, f"{label}: {key} holds an empty string; remove it")
            elif not isinstance(value, str):
                self.error(
                    line,
                    f'{label}: {key} must be a string, not {_toml_type(value)}; write {key} = "…"',
                )
            else:
                strings[key] = self._clean(value, line, label, key)
        ok = True
        for key in REQUIRED_KEYS:
            if key not in raw:
                hint = '"term"' if key == "type" else '"…"'
                self.error(header, f"{label}: missing required key {key}; add {key} = {hint}")
                ok = False
            elif key not in strings:  # wrong type, reported above
                ok = False
            elif not strings[key]:
                self.error(lines.get(key, header), f"{label}: {key} is empty; fill it in")
                ok = False
        entry_type = strings.get("type", "term")
        if entry_type not in ENTRY_TYPES:
            self.error(
                lines.get("type", header),
                f"{label}: type {entry_type!r} is not one of {', '.join(ENTRY_TYPES)}; "
                'use one of them (e.g. type = "term")',
            )
            ok = False
        position = strings.get("ja_position") or None
        if position not in (None, "after", "before"):
            self.error(
                lines.get("ja_position", header),
                f'{label}: ja_position must be "after" or "before", not {position!r}; '
                'write ja_position = "after" for 内堀知事',
            )
            position = None
        context = strings.get("context", "")
        if context and context not in CONTEXTS:
            self.error(
                lines.get("context", header),
                f"{label}: context {context!r} is not one of {', '.join(CONTEXTS)}; "
                'write e.g. context = "land"',
            )
            ok = False
        if not ok:
            return None
        return Entry(
            id=f"{prefix}:{number}",
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
            context_de=tables.get("context_de", ()),
            context_ja=tables.get("context_ja", ()),
            inside=flags.get("inside", True),
            source=str(self.path),
            line=header,
        )

    def _context_table(
        self, value: object, line: int, label: str, key: str
    ) -> tuple[tuple[str, str], ...] | None:
        """Return a context table ({ land = "州首相", japan = "首相" }) as pairs, or None."""
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self.error(
                line,
                f'{label}: {key} must be a table of strings; write {key} = {{ land = "…", '
                'federal = "…" }',
            )
            return None
        unknown = [k for k in value if k not in CONTEXTS]
        if unknown:
            self.error(
                line,
                f"{label}: {key} has unknown context {unknown[0]!r}; use {', '.join(CONTEXTS)}",
            )
            return None
        return tuple((k, self._clean(v, line, label, key)) for k, v in value.items())

    def _clean(self, value: str, line: int, label: str, key: str) -> str:
        stripped = value.strip()
        if stripped != value and stripped:
            self.warning(line, f"{label}: {key} {value!r} has spaces at the ends; remove them")
        return unicodedata.normalize("NFC", stripped)


def _scan_lines(
    text: str,
) -> tuple[dict[str, int], list[dict[str, int]], dict[str, int]]:
    """Return the lines of the [glossary] keys, of each [[entry]]'s keys, and of anything else.

    Line numbers start at 1; key "" holds a table's header line.
    """
    lines = scan_lines(text)
    info = lines.get(("glossary", 0), {})
    entries = [lines[("entry", i)] for i in range(len(lines)) if ("entry", i) in lines]
    others = {k: v for k, v in lines[("", 0)].items() if k}  # top-level keys
    for (name, _), table in lines.items():
        top = name.split(".")[0]
        if name and (top not in ("glossary", "entry") or "." in name):
            others.setdefault(top, table.get("", 1))
    if ("entry", 0) in lines:  # for the message about a single [entry] table
        others.setdefault("entry", lines[("entry", 0)].get("", 1))
    return info, entries, others


def _unknown_key(key: str, known: frozenset[str], table: str) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(sorted(known))}"
    return f"unknown key {key!r} in {table}; {hint}"


def _toml_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "a table"}
    return next((n for t, n in names.items() if isinstance(value, t)), type(value).__name__)
