"""TOML files with a line for every key: the one layer glossaries, pack manifests and MoU use.

tomllib gives the values but reports lines only for syntax errors, so the header line of each
table and the line of each ``key =`` inside it come from tree-sitter's TOML grammar
(`scan_lines`). `parse_toml` reads a file into a `TomlFile` (values and lines); `Table` wraps one
table with the line of each key and typed getters that note problems (``file:line: what; fix``)
in `Problems` instead of raising, so a reader reports every problem of a file at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ToolkitError
from .findings import Finding
from .textfile import read_bytes, utf8_error_line

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "Problems",
    "Table",
    "TomlFile",
    "TomlProblem",
    "lang_keys",
    "parse_toml",
    "read_toml",
    "scan_lines",
    "syntax_error_line",
    "toml_type",
    "tomllib",
    "top_table",
]

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_DATE_LIKE = re.compile(r"=\s*(\d{4}-\d{1,2}-\d{1,2}\b\S*)")
_TYPES = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "a table"}

TableKey = tuple[str, int]  # (dotted table name, index among the [[name]] tables; 0 for [name])


@dataclass
class Problems:
    """The problems found in one file, each at a line: errors, and warnings that don't stop it."""

    path: Path
    found: list[Finding] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        """Note the error `message` (what is wrong; how to fix it) at `line`."""
        self.found.append(Finding(file=str(self.path), line=line, message=message))

    def warn(self, line: int, message: str) -> None:
        """Note the warning `message` at `line`."""
        self.found.append(
            Finding(file=str(self.path), line=line, severity="warning", message=message)
        )

    def raise_if_any(self, error: type[ToolkitError]) -> None:
        """Raise `error` listing every error, one ``file:line: message`` per line."""
        errors = [f for f in self.found if f.severity == "error"]
        if errors:
            raise error("\n".join(f"{self.path}:{f.line}: {f.message}" for f in errors))


class TomlProblem(Exception):
    """A file that can't be read as TOML at all: its line and what to do."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


@dataclass(frozen=True)
class TomlFile:
    """A parsed TOML file with the line of each table header and key."""

    path: Path
    data: dict[str, Any]
    lines: dict[TableKey, dict[str, int]]  # key "" holds the table's header line

    def line_of(self, table: TableKey, key: str = "") -> int:
        """Return the line of `key` in `table`, else of the table header, else 1."""
        lines = self.lines.get(table, {})
        return lines.get(key, lines.get("", 1))


def read_toml(path: Path, error: type[ToolkitError], what: str) -> TomlFile:
    """Return the TOML file at `path` (a `what`), raising `error` with file:line if unusable."""
    raw = read_bytes(path, error, f"{what} file")
    try:
        return parse_toml(path, raw, what=what)
    except TomlProblem as exc:
        raise error(f"{path}:{exc.line}: {exc.message}") from None


def lang_keys(*names: str, plain: bool = False) -> tuple[str, ...]:
    """Return the keys of a text given in both languages: ``title`` -> ``title_de``, ``title_ja``.

    With `plain`, the bare key too (``name``: a glossary id, or a name the same in both).
    """
    suffixes = ("", "_de", "_ja") if plain else ("_de", "_ja")
    return tuple(f"{name}{suffix}" for name in names for suffix in suffixes)


def parse_toml(path: Path, raw: bytes, *, what: str, example: str = 'title_de = "…"') -> TomlFile:
    """Return the TOML in `raw` (the bytes of `path`, a `what`), NFC-normalised.

    Raises `TomlProblem` for bytes that are not UTF-8 and for a syntax error, with the line and
    the fix (`example` shows a valid line of such a file).
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = utf8_error_line(raw, exc)
        raise TomlProblem(line, f"not valid UTF-8; save the {what} as UTF-8") from None
    text = unicodedata.normalize("NFC", text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, detail = syntax_error_line(exc, text)
        source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        date = _DATE_LIKE.search(source)
        if date:
            raise TomlProblem(
                line,
                f"{date.group(1)} is not a valid date; write dates as YYYY-MM-DD without "
                "quotes, e.g. date = 2026-03-02",
            ) from None
        raise TomlProblem(
            line,
            f"TOML syntax error: {detail}; fix the syntax (text in double quotes, lists in "
            f"[ ], one key per line, dates as 2026-03-02, e.g. {example})",
        ) from None
    return TomlFile(path, data, scan_lines(text))


def syntax_error_line(exc: Exception, text: str) -> tuple[int, str]:
    """Return the line tomllib names in `exc` (else the last line) and the message without it."""
    found = _TOML_POSITION.search(str(exc))
    line = int(found.group(1)) if found else text.count("\n") + 1
    return line, _TOML_POSITION.sub("", str(exc))


def scan_lines(text: str) -> dict[TableKey, dict[str, int]]:
    """Return, per table, the line of its header ("") and of each key; top-level is ("", 0).

    Lines start at 1. The positions come from tree-sitter's TOML grammar, a real parser: keys
    inside arrays, multi-line strings, quoted and dotted keys are all where TOML says they are
    (`text` has already passed tomllib, which gives the values).
    """
    from tree_sitter import Language, Parser  # light (~10 ms), and only when a file is read
    from tree_sitter_toml import language

    source = text.encode("utf-8")
    root = Parser(Language(language())).parse(source).root_node
    lines: dict[TableKey, dict[str, int]] = {("", 0): {"": 1}}
    counts: dict[str, int] = {}
    for node in root.named_children:
        if node.type == "pair":
            _scan_pair(node, "", lines, source)
            continue
        if node.type not in ("table", "table_array_element"):
            continue
        key_node = next((c for c in node.named_children if c.type != "pair"), None)
        if key_node is None:
            continue
        name = ".".join(_key_parts(key_node, source))
        index = 0
        if node.type == "table_array_element":
            index = counts.get(name, 0)
            counts[name] = index + 1
        lines.setdefault((name, index), {}).setdefault("", node.start_point.row + 1)
        for child in node.named_children:
            if child.type == "pair":
                _scan_pair(child, name, lines, source, index)
    return lines


def _scan_pair(
    node: Any, table: str, lines: dict[TableKey, dict[str, int]], source: bytes, index: int = 0
) -> None:
    """Note the line of the key of pair `node` in `table`; a dotted key also names sub-tables."""
    parts = _key_parts(node.named_children[0], source)
    line = node.start_point.row + 1
    lines.setdefault((table, index), {}).setdefault(parts[0], line)
    for i in range(1, len(parts)):
        sub = ".".join([table, *parts[:i]]).lstrip(".")
        own = lines.setdefault((sub, 0), {})
        own.setdefault("", line)
        own.setdefault(parts[i], line)


def _key_parts(node: Any, source: bytes) -> list[str]:
    """Return the parts of a bare, quoted or dotted key node as TOML reads them."""
    if node.type == "dotted_key":
        return [part for child in node.named_children for part in _key_parts(child, source)]
    raw = source[node.start_byte : node.end_byte].decode("utf-8")
    if node.type == "quoted_key":
        return [str(tomllib.loads(f"k = {raw}")["k"])]
    return [raw]


class Table:
    """One table of a `TomlFile`, with getters that note problems at the right line."""

    def __init__(
        self,
        file: TomlFile,
        problems: Problems,
        key: TableKey,
        data: dict[str, Any],
        label: str,
    ) -> None:
        self.file = file
        self.problems = problems
        self.key = key
        self.data = data
        self.label = label  # how messages name the table: "[pack]", "[[participant]] 3"
        self.suggested: set[str] = set()  # keys an unknown key was probably meant to be

    def line(self, key: str = "") -> int:
        """Return the line of `key` (or of the table header)."""
        return self.file.line_of(self.key, key)

    def _prefixed(self, message: str) -> str:
        return f"{self.label}: {message}" if self.label else message

    def problem(self, key: str, message: str) -> None:
        """Note a problem with `key` of this table."""
        self.problems.add(self.line(key), self._prefixed(message))

    def warn(self, key: str, message: str) -> None:
        """Note a warning about `key` of this table."""
        self.problems.warn(self.line(key), self._prefixed(message))

    def check_keys(self, known: Iterable[str], tables: Iterable[str] = (), where: str = "") -> None:
        """Note every key that is not in `known` (or a sub-table not in `tables`).

        `where` names the table in the message ("unknown key 'x' in [[entry]]").
        """
        for key in self.data:
            self.check_key(key, known, tables, where)

    def check_key(
        self, key: str, known: Iterable[str], tables: Iterable[str] = (), where: str = ""
    ) -> bool:
        """Return whether `key` is in `known` or `tables`; note a problem if it isn't."""
        names = sorted({*known, *tables})
        if key in names:
            return True
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
        self.suggested.update(close)
        hint = f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(names)}"
        kind = "table" if key not in self.file.lines.get(self.key, {}) and self._sub(key) else "key"
        place = f" in {where}" if where else ""
        self.problems.add(
            self.key_line(key), self._prefixed(f"unknown {kind} {key!r}{place}; {hint}")
        )
        return False

    def key_line(self, key: str) -> int:
        """Return the line of `key`, or of the sub-table it names, else of the table header."""
        return self.file.lines.get(self.key, {}).get(key) or self._sub(key).get("") or self.line()

    def _sub(self, key: str) -> dict[str, int]:
        return self.file.lines.get((f"{self.key[0]}.{key}".lstrip("."), 0), {})

    def has(self, key: str) -> bool:
        """Return whether the table sets `key`."""
        return key in self.data

    def text(self, key: str, *, required: bool = False, hint: str = "…") -> str | None:
        """Return the string at `key` (stripped), noting a problem if it is missing or no string."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("", f'missing {key}; add {key} = "{hint}"')
            return None
        if not isinstance(value, str):
            self.problem(key, f'{key} must be text, not {toml_type(value)}; write {key} = "{hint}"')
            return None
        value = value.strip()
        if not value:
            self.problem(key, f'{key} is empty; write {key} = "{hint}" or remove the line')
            return None
        return value

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        """Return the date at `key`, noting a problem if it is missing or not a TOML date."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("", f"missing {key}; add {key} = 2026-03-02 (YYYY-MM-DD, no quotes)")
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            shown = f"{value!r}" if isinstance(value, str) else toml_type(value)
            self.problem(
                key, f"{key} = {shown} is not a date; write {key} = 2026-03-02 (no quotes)"
            )
            return None
        return value

    def integer(self, key: str, *, low: int, high: int) -> int | None:
        """Return the whole number at `key` if it lies in `low`..`high`."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(key, f"{key} must be a whole number from {low} to {high}, e.g. {key} = 3")
            return None
        return value

    def strings(self, key: str, *, required: bool = False) -> tuple[str, ...] | None:
        """Return the list of strings at `key` (a single string counts as a list of one)."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem("", f'missing {key}; add {key} = ["…", "…"]')
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f'{key} must be a list of text; write {key} = ["…", "…"]')
            return None
        items = tuple(v.strip() for v in value if v.strip())
        if len(items) < len(value):
            self.problem(key, f"{key} holds an empty item; remove it")
        return items

    def tables(self, key: str, label: str) -> list[Table]:
        """Return the [[key]] sub-tables of this table (or of the file, at top level)."""
        value = self.data.get(key, [])
        name = f"{self.key[0]}.{key}" if self.key[0] else key
        if isinstance(value, dict):
            self.problems.add(
                self.file.line_of((name, 0)),
                f"[{name}] is a single table; write [[{name}]] (double brackets) for each one",
            )
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(key, f"{key} must be [[{name}]] tables; write one [[{name}]] per item")
            return []
        return [
            Table(self.file, self.problems, (name, i), v, f"{label} {i + 1}")
            for i, v in enumerate(value)
        ]

    def table(self, key: str, *, required: bool = False) -> Table | None:
        """Return the [key] sub-table, noting a problem if it is missing or not a table."""
        value = self.data.get(key)
        name = f"{self.key[0]}.{key}" if self.key[0] else key
        if value is None:
            if required:
                self.problems.add(1, f"missing the [{name}] table; add it (see samples/)")
            return None
        if not isinstance(value, dict):
            self.problem(key, f"{key} must be a table; write [{name}] on its own line")
            return None
        return Table(self.file, self.problems, (name, 0), value, f"[{name}]")


def top_table(file: TomlFile, problems: Problems) -> Table:
    """Return the top level of `file` as a `Table`."""
    return Table(file, problems, ("", 0), file.data, file.path.name)


def toml_type(value: object) -> str:
    """Return how messages name the TOML type of `value`: "a number", "a list", …"""
    return next((n for t, n in _TYPES.items() if isinstance(value, t)), type(value).__name__)
