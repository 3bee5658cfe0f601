"""Participants and contacts of a pack manifest: names, titles, functions, organisations.

Each name-like field resolves through the glossary or is given in both languages (see
`names.py`). A Japanese name needs its romaji reading for German readers (family name first, as
the glossary gives ``Uchibori Masao`` for 内堀雅雄); a German name is written in katakana.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from ..contacts import EMAIL, PHONE_FIELD
from ..glossary.model import Glossary
from ..japanese import HIRAGANA
from ..model import Lang
from ..tomlfile import Problems, Table, lang_keys
from .names import PERSON, PLACE, TITLE, Name, is_japanese_name, resolve_name

__all__ = ["SIDES", "Contact", "Person", "Side", "check_ids", "read_contact", "read_person"]

Side = Literal["delegation", "partner"]
SIDES: tuple[Side, ...] = ("delegation", "partner")
_NAME_KEYS = lang_keys("name", "title", "function", "organisation", plain=True)
_PERSON_KEYS = ("id", "side", *_NAME_KEYS, "reading", "romaji")
_CONTACT_KEYS = ("side", *_NAME_KEYS, "reading", "romaji", "phone", "mobile", "email")
_ID_OK = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HIRAGANA = re.compile(f"^[{HIRAGANA}ー ]+$")


@dataclass(frozen=True, slots=True)
class Person:
    """A participant: name, protocol title, function and organisation in both languages."""

    id: str
    side: Side
    name: Name
    title: Name | None  # the title used with the name: Ministerin / 大臣
    function: Name | None
    organisation: Name | None
    line: int

    def short(self, lang: Lang) -> str:
        """Return the name as an agenda lists it: "Ministerin Neubaur" / "ノイバウアー大臣"."""
        entry = self.name.entry
        if lang == "de":
            surname = entry.de_short if entry and entry.de_short else self.name.de.split()[-1]
            return f"{self.title.de} {surname}" if self.title else self.name.de
        surname = entry.ja_short if entry and entry.ja_short else self.name.ja
        if not is_japanese_name(self.name) and not (entry and entry.ja_short):
            surname = surname.split("・")[-1]  # シュテファン・クリューガー -> クリューガー
        if not self.title:
            return self.name.ja
        title_entry = self.title.entry
        if title_entry is not None and title_entry.ja_position == "before":
            return f"{self.title.ja}{surname}"
        return f"{surname}{self.title.ja}"


@dataclass(frozen=True, slots=True)
class Contact:
    """A contact point on either side."""

    side: Side
    name: Name | None
    function: Name | None
    organisation: Name | None
    phone: str | None
    mobile: str | None
    email: str | None
    line: int


# The names of a participant or contact: key, what the glossary may supply, an example
_NAME_FIELDS: tuple[tuple[str, frozenset[str], tuple[str, str]], ...] = (
    ("name", PERSON, ("Julia Hartmann", "ユリア・ハルトマン")),
    ("title", TITLE, ("Ministerin", "大臣")),
    ("function", TITLE, ("Leiterin der Pressestelle", "広報室長")),
    ("organisation", PLACE, ("NRW.Global Business", "NRW.Global Business")),
)


def _names(table: Table, glossary: Glossary | None) -> dict[str, Name | None]:
    """Return the name, title, function and organisation of a participant or contact."""
    return {
        key: resolve_name(
            table, key, glossary=glossary, kinds=kinds, required=key == "name", example=example
        )
        for key, kinds, example in _NAME_FIELDS
    }


def _reading(table: Table, name: Name | None) -> Name | None:
    """Return `name` with the reading the table gives; a Japanese name must have its romaji."""
    if name is None:
        return None
    reading = table.text("reading") or name.reading
    romaji = table.text("romaji") or name.romaji
    if reading and not _HIRAGANA.match(reading):
        table.problem(
            "reading", f"reading {reading!r} must be hiragana, family name first (うちぼり まさお)"
        )
    if is_japanese_name(name) and not romaji:
        family_first = " ".join(reversed(name.de.split()))
        table.problem(
            "name" if table.has("name") else "name_ja",
            f"{name.ja} is a Japanese name without a romaji reading; add "
            f'romaji = "{family_first}" (Hepburn, family name first, as it is read in Japanese)',
        )
    elif romaji and _fold(romaji).split() == _fold(name.de).split() and len(romaji.split()) > 1:
        table.problem(
            "romaji",
            f"romaji {romaji!r} is in German order; write it family name first: "
            f'romaji = "{" ".join(reversed(romaji.split()))}"',
        )
    if not is_japanese_name(name) and re.search(r"[A-Za-z]", name.ja):
        table.problem("name_ja", f"name_ja {name.ja!r} must be Japanese: katakana for German names")
    return Name(name.de, name.ja, reading, romaji, name.entry)


def _side(table: Table) -> Side:
    side = table.text("side") or "delegation"
    if side not in SIDES:
        close = difflib.get_close_matches(side, SIDES, n=1)
        hint = f"did you mean {close[0]!r}?" if close else 'write side = "delegation" or "partner"'
        table.problem("side", f"side {side!r} is not delegation or partner; {hint}")
        return "delegation"
    return side


def read_person(table: Table, glossary: Glossary | None) -> Person | None:
    """Return the participant `table` describes, noting its problems."""
    table.check_keys(_PERSON_KEYS)
    side = _side(table)
    names = _names(table, glossary)
    name = _reading(table, names["name"])
    person_id = table.text("id") or ""
    if name is None:
        return None
    if not person_id:
        entry_short = name.entry.de_short if name.entry else ""
        person_id = (entry_short or name.de.split()[-1]).lower()
    return Person(
        person_id,
        side,
        name,
        names["title"],
        names["function"],
        names["organisation"],
        table.line(),
    )


def check_ids(tables: list[Table], people: list[Person], problems: Problems) -> None:
    """Note participant ids that are malformed or used twice."""
    seen: dict[str, int] = {}
    by_line = {t.line(): t for t in tables}
    for person in people:
        table = by_line[person.line]
        if not _ID_OK.match(person.id):
            table.problem("id", f"id {person.id!r}: use lower-case letters, digits, - and _")
        if person.id in seen:
            table.problem(
                "id" if table.has("id") else "",
                f"id {person.id!r} is already used on line {seen[person.id]}; "
                'give each participant its own id = "…"',
            )
        seen.setdefault(person.id, person.line)


def read_contact(table: Table, glossary: Glossary | None) -> Contact | None:
    """Return the contact point `table` describes, noting its problems."""
    table.check_keys(_CONTACT_KEYS)
    side = _side(table)
    names = _names(table, glossary)
    name = _reading(table, names["name"])
    phone = table.text("phone")
    mobile = table.text("mobile")
    email = table.text("email")
    for key, value, pattern, example in (
        ("phone", phone, PHONE_FIELD, "+49 211 61772-204"),
        ("mobile", mobile, PHONE_FIELD, "+49 151 2345 6789"),
        ("email", email, EMAIL, "presse@wirtschaft-beispiel.nrw.de"),
    ):
        if value is not None and not pattern.fullmatch(value):
            table.problem(key, f'{key} {value!r} is not valid; write e.g. {key} = "{example}"')
    if name is None:
        return None
    return Contact(
        side, name, names["function"], names["organisation"], phone, mobile, email, table.line()
    )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’-")
