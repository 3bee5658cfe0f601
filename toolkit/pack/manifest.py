"""The briefing-pack manifest (``pack.toml``): what goes into a delegation's pack, checked.

`read_manifest` reads the file, resolves names through the glossary (see `names.py`) and checks
everything it can before anything is translated or written: unknown keys (with a "did you
mean"), missing files (paths relative to the manifest), bad dates and times, unknown participant
ids. Every problem is reported as ``file:line: what is wrong; what to write instead`` in one
`PackError`. The format is documented by example in ``samples/pack.toml``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from ..errors import PackError
from ..glossary.model import Glossary
from ..japanese import has_japanese
from ..model import LANGS, Lang
from ..tomlfile import Problems, Table, lang_keys, read_toml, top_table
from .names import PLACE, Name, resolve_name, resolve_names
from .people import SIDES, Contact, Person, Side, check_ids, read_contact, read_person

__all__ = [
    "SIDES",
    "AgendaItem",
    "Contact",
    "Delegation",
    "Manifest",
    "PackInfo",
    "Person",
    "Side",
    "Source",
    "Text",
    "read_manifest",
]

DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".toml")

_PACK_KEYS = ("name", "issued", *lang_keys("title", "subtitle", "classification", "note"))
_DELEGATION_KEYS = ("lead", "start", "end", *lang_keys("who"), *lang_keys("from", "to", plain=True))
_AGENDA_KEYS = (
    "date",
    "time",
    "participants",
    *lang_keys("place", plain=True),
    *lang_keys("item", "note"),
)
_NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?:\s*[–—-]\s*(\d{1,2}):(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class Text:
    """A free text in one or both languages; a missing side is translated when the pack builds."""

    de: str | None
    ja: str | None
    line: int

    def given(self) -> Lang:
        """Return a language the text is written in (German when both are)."""
        return "de" if self.de is not None else "ja"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One programme item: when, where, what, and who takes part."""

    date: dt.date
    start: str | None  # "09:30"; None for an all-day item
    end: str | None
    place: Name | None
    item: Text
    participants: tuple[str, ...]  # participant ids
    note: Text | None
    line: int


@dataclass(frozen=True, slots=True)
class Source:
    """A document or MoU summary file the pack includes, and its translation direction."""

    path: Path
    kind: Literal["document", "mou"]
    source_lang: Lang | None
    target_lang: Lang | None
    line: int
    manifest: Path  # the manifest that names it

    @property
    def where(self) -> str:
        """Return ``manifest:line`` of the table that names this file, for messages."""
        return f"{self.manifest}:{self.line}"


@dataclass(frozen=True, slots=True)
class Delegation:
    """Who travels, from where to where, and when."""

    who: Text | None
    lead: str | None  # participant id
    origin: Name | None
    destinations: tuple[Name, ...]
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class PackInfo:
    """The [pack] table: the output's name, the title page's texts and the date of issue."""

    name: str  # the output file name: out/<name>.pdf
    title: Text
    subtitle: Text | None
    classification: Text | None
    issued: dt.date | None
    note: Text | None


@dataclass(frozen=True)
class Manifest:
    """A checked pack manifest."""

    path: Path
    pack: PackInfo
    delegation: Delegation
    sources: tuple[Source, ...]
    agenda: tuple[AgendaItem, ...]
    participants: tuple[Person, ...]
    contacts: tuple[Contact, ...]

    def person(self, person_id: str) -> Person | None:
        """Return the participant with id `person_id`."""
        return next((p for p in self.participants if p.id == person_id), None)


def read_manifest(path: Path, *, glossary: Glossary | None) -> Manifest:
    """Return the checked manifest at `path`, or raise PackError listing every problem."""
    file = read_toml(path, PackError, "pack manifest")
    problems = Problems(path)
    top = top_table(file, problems)
    top.check_keys(
        (), ("pack", "delegation", "document", "mou", "agenda", "participant", "contact")
    )
    pack = top.table("pack", required=True)
    delegation_table = top.table("delegation", required=True)
    person_tables = top.tables("participant", "[[participant]]")
    people = [p for p in (read_person(t, glossary) for t in person_tables) if p is not None]
    check_ids(person_tables, people, problems)
    # ids of participants whose names had problems too: those problems are reported already
    ids = [p.id for p in people] + [
        t.data["id"] for t in person_tables if isinstance(t.data.get("id"), str)
    ]
    delegation = _delegation(delegation_table, glossary, ids) if delegation_table else None
    sources = [
        *(_source(t, path, "document") for t in top.tables("document", "[[document]]")),
        *(_source(t, path, "mou") for t in top.tables("mou", "[[mou]]")),
    ]
    agenda = [_agenda(t, glossary, ids, delegation) for t in top.tables("agenda", "[[agenda]]")]
    contacts = [read_contact(t, glossary) for t in top.tables("contact", "[[contact]]")]
    info = _pack(pack) if pack else None
    problems.raise_if_any(PackError)
    assert info is not None  # else a problem was noted
    assert delegation is not None
    return Manifest(
        path=path,
        pack=info,
        delegation=delegation,
        sources=tuple(s for s in sources if s is not None),
        agenda=tuple(sorted((a for a in agenda if a), key=lambda a: (a.date, a.start or ""))),
        participants=tuple(people),
        contacts=tuple(c for c in contacts if c is not None),
    )


def _pack(table: Table) -> PackInfo | None:
    table.check_keys(_PACK_KEYS)
    name = table.text("name", required=True, hint="delegation-japan-2026-03")
    if name is not None and not _NAME_OK.match(name):
        table.problem(
            "name", f"name {name!r} is the output file name; use only letters, digits, - _ ."
        )
    title = _text(table, "title", both=True, required=True)
    subtitle = _text(table, "subtitle")
    classification = _text(table, "classification", both=True)
    issued = table.date("issued")
    note = _text(table, "note")
    if name is None or title is None:
        return None
    return PackInfo(name, title, subtitle, classification, issued, note)


def _text(table: Table, key: str, *, both: bool = False, required: bool = False) -> Text | None:
    """Return the text `key`_de / `key`_ja; with `both`, neither may be missing."""
    de = table.text(f"{key}_de")
    ja = table.text(f"{key}_ja")
    if de is not None and has_japanese(de) and ja is None:
        table.problem(f"{key}_de", f"{key}_de holds Japanese; write it as {key}_ja")
        return None
    if ja is not None and not has_japanese(ja):
        table.problem(f"{key}_ja", f"{key}_ja is not Japanese; write the Japanese text there")
        return None
    if (both or required) and (de is None) != (ja is None):
        missing = f"{key}_ja" if ja is None else f"{key}_de"
        if both:
            table.problem("", f'missing {missing}; add {missing} = "…" (give both languages)')
            return None
    if de is None and ja is None:
        if required:
            table.problem("", f'missing {key}_de and {key}_ja; add both, e.g. {key}_de = "…"')
        return None
    return Text(de, ja, table.line(f"{key}_de" if de is not None else f"{key}_ja"))


def _delegation(table: Table, glossary: Glossary | None, ids: list[str]) -> Delegation | None:
    table.check_keys(_DELEGATION_KEYS)
    who = _text(table, "who")
    lead = table.text("lead")
    if lead is not None:
        _check_ref(table, "lead", lead, ids)
    origin = resolve_name(
        table, "from", glossary=glossary, kinds=PLACE, example=("Düsseldorf", "デュッセルドルフ")
    )
    destinations = resolve_names(table, "to", glossary=glossary, kinds=PLACE)
    start = table.date("start", required=True)
    end = table.date("end", required=True)
    if start is None or end is None:
        return None
    if end < start:
        table.problem("end", f"end {end} is before start {start}; fix one of the two dates")
        return None
    return Delegation(who, lead, origin, destinations, start, end)


def _source(table: Table, manifest: Path, kind: Literal["document", "mou"]) -> Source | None:
    table.check_keys(("file", "from", "to") if kind == "document" else ("file", "to"))
    file = table.text("file", required=True, hint="pm-wasserstoff-de.txt")
    langs = {key: table.text(key) for key in ("from", "to")}
    for key, value in langs.items():
        if value is not None and value not in LANGS:
            table.problem(key, f'{key} = {value!r} is not a language; write {key} = "de" or "ja"')
            langs[key] = None
    if file is None:
        return None
    path = manifest.parent / file
    suffixes = (".toml",) if kind == "mou" else DOCUMENT_SUFFIXES
    if path.suffix.lower() not in suffixes:
        table.problem(
            "file",
            f"{file!r} is not a file type a {kind} can be ({', '.join(suffixes)}); "
            + (
                "an MoU summary is a .toml file like samples/mou-nrw-fukushima-2026.toml"
                if kind == "mou"
                else "convert it to .txt or .md"
            ),
        )
        return None
    if not path.is_file():
        where = "is a folder" if path.is_dir() else "does not exist"
        table.problem(
            "file",
            f"file {file!r} {where} ({path}); fix the path, which is relative to the "
            "manifest's folder",
        )
        return None
    return Source(
        path,
        kind,
        cast(Lang | None, langs["from"]),
        cast(Lang | None, langs["to"]),
        table.line(),
        manifest,
    )


def _agenda(
    table: Table, glossary: Glossary | None, ids: list[str], delegation: Delegation | None
) -> AgendaItem | None:
    table.check_keys(_AGENDA_KEYS)
    date = table.date("date", required=True)
    start, end = _time(table)
    place = resolve_name(
        table,
        "place",
        glossary=glossary,
        kinds=PLACE,
        example=("Präfekturverwaltung Fukushima", "福島県庁"),
    )
    item = _text(table, "item", required=True)
    note = _text(table, "note")
    participants = table.strings("participants") or ()
    for person_id in participants:
        _check_ref(table, "participants", person_id, ids)
    if (
        date is not None
        and delegation is not None
        and not (delegation.start <= date <= delegation.end)
    ):
        table.problem(
            "date",
            f"date {date} lies outside the delegation's trip ({delegation.start} to "
            f"{delegation.end}); fix the date, or start/end in [delegation]",
        )
    if date is None or item is None:
        return None
    return AgendaItem(date, start, end, place, item, participants, note, table.line())


def _time(table: Table) -> tuple[str | None, str | None]:
    """Return the start and end of `table`'s time = "09:30" or "09:30–11:00"."""
    value = table.text("time")
    if value is None:
        return None, None
    match = _TIME.match(value)
    parts = [int(g) for g in match.groups() if g is not None] if match else []
    valid = bool(match) and all(
        h < 24 and m < 60 for h, m in zip(parts[::2], parts[1::2], strict=True)
    )
    if not valid:
        table.problem(
            "time", f'time {value!r} is not a time; write time = "09:30" or "09:30–11:00"'
        )
        return None, None
    start = f"{parts[0]:02d}:{parts[1]:02d}"
    end = f"{parts[2]:02d}:{parts[3]:02d}" if len(parts) == 4 else None
    if end is not None and end <= start:
        table.problem("time", f"time {value!r} ends before it starts; fix the end time")
    return start, end


def _check_ref(table: Table, key: str, person_id: str, ids: list[str]) -> None:
    if person_id in ids:
        return
    close = difflib.get_close_matches(person_id, ids, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "add the [[participant]] with that id"
    table.problem(key, f"no participant has id {person_id!r}; {hint}")
