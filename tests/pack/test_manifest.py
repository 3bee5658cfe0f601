from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.pack.conftest import edit, line_of
from toolkit.errors import PackError
from toolkit.glossary.model import Glossary
from toolkit.pack.manifest import read_manifest


def test_sample_manifest_resolves_names_from_the_glossary(glossary: Glossary) -> None:
    manifest = read_manifest(SAMPLES / "pack.toml", glossary=glossary)
    assert manifest.pack.name == "delegationsreise-japan-2026-03"
    people = {p.id: p for p in manifest.participants}
    neubaur, uchibori = people["neubaur"], people["uchibori"]
    assert neubaur.name.ja == "モナ・ノイバウアー"  # the manifest gave only the German form
    assert (uchibori.name.de, uchibori.name.romaji) == ("Masao Uchibori", "Uchibori Masao")
    assert uchibori.name.reading == "うちぼり まさお"
    assert uchibori.organisation is not None
    assert uchibori.organisation.de == "Präfektur Fukushima"
    assert (neubaur.short("de"), neubaur.short("ja")) == ("Ministerin Neubaur", "ノイバウアー大臣")
    assert (uchibori.short("de"), uchibori.short("ja")) == ("Gouverneur Uchibori", "内堀知事")
    assert people["krueger"].short("ja") == "クリューガー課長"
    assert [p.ja for p in manifest.delegation.destinations] == [
        "東京",
        "福島市",
        "浪江町",
        "郡山市",
    ]
    assert manifest.agenda[0].date == dt.date(2026, 3, 1)
    assert [a.date for a in manifest.agenda] == sorted(a.date for a in manifest.agenda)
    assert {s.kind for s in manifest.sources} == {"document", "mou"}


def _error(path: Path, glossary: Glossary) -> str:
    with pytest.raises(PackError) as info:
        read_manifest(path, glossary=glossary)
    return str(info.value)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'function_de = "Leiterin der Geschäftsstelle',
            'fucntion_de = "Leiterin der Geschäftsstelle',
            "unknown key 'fucntion_de'; did you mean 'function_de'?",
        ),
        ("[[agenda]]", "[[agendas]]", "unknown table 'agendas'; did you mean 'agenda'?"),
        ("start = 2026-03-01", "start = 2026-02-30", "2026-02-30 is not a valid date"),
        ("start = 2026-03-01", "start = 2026-13-01", "2026-13-01 is not a valid date"),
        (
            "start = 2026-03-01",
            'start = "1. März 2026"',
            "start = '1. März 2026' is not a date; write start = 2026-03-02 (no quotes)",
        ),
        (
            'time = "15:40"',
            'time = "25:40"',
            """time '25:40' is not a time; write time = "09:30" or "09:30–11:00\"""",
        ),
        (
            'participants = ["neubaur", "uchibori", "sato", "krueger"]',
            'participants = ["neubaur", "uchibory"]',
            "no participant has id 'uchibory'; did you mean 'uchibori'?",
        ),
        (
            'name_de = "Julia Hartmann"\nname_ja = "ユリア・ハルトマン"',
            'name = "Julia Hartmann"',
            "'Julia Hartmann' is not in the glossary; add name_ja = \"ユリア・ハルトマン\"",
        ),
        (
            'reading = "さとう けんいち"\nromaji = "Satō Ken\'ichi"',
            "",
            'is a Japanese name without a romaji reading; add romaji = "Sato Kenichi"',
        ),
        (
            'romaji = "Satō Ken\'ichi"',
            'romaji = "Ken\'ichi Satō"',
            "is in German order; write it family name first",
        ),
        (
            'function = "Gouverneur"',
            'function = "市長"',
            "'市長' is ambiguous in the glossary (Bürgermeister or Oberbürgermeister)",
        ),
    ],
)
def test_manifest_problem_names_the_line_and_the_fix(
    pack_dir: Path, glossary: Glossary, old: str, new: str, expected: str
) -> None:
    manifest = pack_dir / "pack.toml"
    line = line_of(manifest, old.split("\n")[0])
    edit(manifest, old, new)
    message = _error(manifest, glossary)
    assert len(message.splitlines()) == 1, message
    assert expected in message
    reported = int(message.split(":")[1])
    if expected.startswith("unknown table") or "romaji reading" in expected:
        assert reported <= line  # the table header or its name line
    else:
        assert reported == line


def test_missing_file_is_relative_to_the_manifest(pack_dir: Path, glossary: Glossary) -> None:
    manifest = pack_dir / "pack.toml"
    edit(manifest, 'file = "pm-wasserstoff-de.txt"', 'file = "pm-fehlt-de.txt"')
    message = _error(manifest, glossary)
    line = line_of(manifest, "pm-fehlt-de.txt")
    assert message.startswith(f"{manifest}:{line}: [[document]] 1: file 'pm-fehlt-de.txt'")
    assert str(pack_dir / "pm-fehlt-de.txt") in message
    assert message.endswith("fix the path, which is relative to the manifest's folder")


def test_agenda_date_outside_the_trip(pack_dir: Path, glossary: Glossary) -> None:
    manifest = pack_dir / "pack.toml"
    edit(manifest, "date = 2026-03-06", "date = 2026-03-09")
    message = _error(manifest, glossary)
    assert (
        "date 2026-03-09 lies outside the delegation's trip (2026-03-01 to 2026-03-06)" in message
    )


def test_every_problem_gets_its_own_line(pack_dir: Path, glossary: Glossary) -> None:
    manifest = pack_dir / "pack.toml"
    edit(manifest, 'time = "15:40"', 'time = "15.40"')
    edit(manifest, 'email = "presse@', 'email = "presse at ')
    edit(manifest, 'side = "partner"', 'side = "partners"')
    lines = _error(manifest, glossary).splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"{manifest}:") for line in lines)
    assert "side 'partners' is not delegation or partner; did you mean 'partner'?" in lines[0]


def test_without_glossary_every_name_needs_both_forms(pack_dir: Path) -> None:
    message = _error(pack_dir / "pack.toml", None)  # type: ignore[arg-type]
    assert "'Mona Neubaur' can't be looked up (no glossary); add name_ja" in message
