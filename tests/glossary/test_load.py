from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import GlossaryError
from toolkit.glossary import default_glossary, load_glossaries, load_glossary
from toolkit.glossary.load import parse_glossary_file
from toolkit.resources import glossary_dir

HEADER = '[glossary]\nid = "broken"\ndomain = "test"\n'
GOOD_ENTRY = '[[entry]]\nde = "Wasserstoff"\nja = "水素"\nen = "hydrogen"\ntype = "term"\n'


def write(tmp_path: Path, text: str, name: str = "broken.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_mini_glossary_loads(mini_path: Path) -> None:
    glossary = load_glossary(mini_path)
    first = glossary.entries[0]
    assert (first.id, first.de, first.ja, first.en, first.type) == (
        "mini:1",
        "Wasserstoff",
        "水素",
        "hydrogen",
        "term",
    )
    assert first.de_variants == ("H2", "H₂")
    assert first.forbidden_ja == ("ハイドロジェン",)
    assert first.domain == "test"
    assert first.source == str(mini_path)
    assert first.line == 8  # the line of its [[entry]] header
    assert glossary.files[0].title_ja == "テスト用語集"
    person = glossary.by_de("Masao Uchibori")[0]
    assert (person.de_short, person.ja_short, person.reading) == (
        "Uchibori",
        "内堀",
        "うちぼり まさお",
    )
    assert glossary.by_de("Gouverneur")[0].ja_position == "after"


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        # tomllib's position, the problem, the fix
        (
            HEADER + GOOD_ENTRY + '[[entry]]\nde = "Ammoniak\n',
            r"broken\.toml:10: TOML syntax error: .*; fix the syntax",
        ),
        (HEADER + "[[entry]]\nde = Wasserstoff\n", r"broken\.toml:5: TOML syntax error"),
        (
            HEADER + GOOD_ENTRY + 'romanji = "suiso"\n',
            r"broken\.toml:9: entry 1 'Wasserstoff': unknown key 'romanji' in \[\[entry\]\]; "
            r"did you mean 'romaji'\?",
        ),
        (
            HEADER + GOOD_ENTRY + 'de_variants = "H2"\n',
            r"broken\.toml:9: entry 1 'Wasserstoff': de_variants must be a list of strings; "
            r"write de_variants = \[",
        ),
        (
            HEADER + '[[entry]]\nde = "Wasserstoff"\nja = 42\nen = "x"\ntype = "term"\n',
            r"broken\.toml:6: entry 1 'Wasserstoff': ja must be a string, not a number; "
            r'write ja = "…"',
        ),
        (
            HEADER + GOOD_ENTRY + '\n[[entry]]\nde = "Ammoniak"\nen = "ammonia"\ntype = "term"\n',
            r"broken\.toml:10: entry 2 'Ammoniak': missing required key ja; add ja = ",
        ),
        (
            HEADER + '[[entry]]\nde = "Wasserstoff"\nja = "水素"\nen = "h"\ntype = "Begriff"\n',
            r"broken\.toml:8: entry 1 'Wasserstoff': type 'Begriff' is not one of term, person, "
            r"organisation, place, title; use one of them",
        ),
        (
            HEADER + GOOD_ENTRY.replace('"term"', '"title"') + 'ja_position = "nach"\n',
            r'broken\.toml:9: .*ja_position must be "after" or "before"',
        ),
        (
            HEADER + '[entry]\nde = "x"\nja = "y"\ntype = "term"\n',
            r"broken\.toml:4: \[entry\] is a ",
        ),
        (HEADER + "[meta]\nauthor = 'x'\n" + GOOD_ENTRY, r"broken\.toml:4: unknown top-level"),
        (
            '[glossary]\nid = "broken"\ncolour = "blue"\n' + GOOD_ENTRY,
            r"broken\.toml:3: unknown key 'colour' in \[glossary\]",
        ),
        (
            HEADER + '[[entry]]\nde = ""\nja = "水素"\ntype = "term"\n',
            r"broken\.toml:5: .*de is empty",
        ),
    ],
)
def test_errors_name_file_and_line_and_the_fix(tmp_path: Path, text: str, pattern: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(GlossaryError, match=pattern) as info:
        load_glossary(path)
    assert "\n" not in str(info.value)


def test_line_numbers_skip_multi_line_strings(tmp_path: Path) -> None:
    text = (
        HEADER
        + '[[entry]]\nde = "Wasserstoff"\nnote = """\nde = "nicht hier"\n[[entry]]\n"""\n'
        + 'ja = "水素"\nen = "hydrogen"\ntype = "term"\nbogus = 1\n'
    )
    with pytest.raises(GlossaryError, match=r"broken\.toml:13: .*unknown key 'bogus'"):
        load_glossary(write(tmp_path, text))


def test_all_problems_are_counted(tmp_path: Path) -> None:
    text = HEADER + GOOD_ENTRY + "a = 1\nb = 2\n"
    with pytest.raises(GlossaryError, match=r"\(1 more; see dejakit glossary check"):
        load_glossary(write(tmp_path, text))
    parsed = parse_glossary_file(tmp_path / "broken.toml")
    assert [p.line for p in parsed.problems] == [9, 10]


def test_missing_en_loads_but_is_empty(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, HEADER + GOOD_ENTRY.replace('en = "hydrogen"\n', "")))
    assert glossary.entries[0].en == ""


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes((HEADER + '\n[[entry]]\nde = "Präfektur"\n').encode("latin-1"))
    with pytest.raises(GlossaryError, match=r"latin1\.toml:6: not valid UTF-8; save the file"):
        load_glossary(path)


def test_bom_and_nfd_are_accepted(tmp_path: Path) -> None:
    text = HEADER + GOOD_ENTRY.replace("Wasserstoff", "Präfektur")
    path = tmp_path / "bom.toml"
    import unicodedata

    path.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", text).encode())
    assert load_glossary(path).entries[0].de == "Präfektur"  # NFC again


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match=r"nope\.toml: no such glossary file; check the path"):
        load_glossary(tmp_path / "nope.toml")


def test_load_glossaries_merges_in_order(tmp_path: Path, mini_path: Path) -> None:
    other = write(tmp_path, HEADER.replace("broken", "other") + GOOD_ENTRY, "other.toml")
    merged = load_glossaries([mini_path, other, mini_path])
    assert len(merged) == len(load_glossary(mini_path)) + 1
    assert merged.entries[-1].id == "other:1"
    assert [f.id for f in merged.files] == ["mini", "other"]


def test_default_glossary_is_every_shipped_file() -> None:
    glossary = default_glossary()
    assert {f.id for f in glossary.files} == {p.stem for p in glossary_dir().glob("*.toml")}
    assert glossary.by_de("Wasserstoff")
    assert default_glossary() is glossary  # cached while the files are unchanged
