from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.findings import Finding
from toolkit.glossary import check_glossary
from toolkit.resources import glossary_dir


def glossary_file(tmp_path: Path, name: str, entries: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(f'[glossary]\nid = "{name}"\ndomain = "test"\n\n' + entries, encoding="utf-8")
    return path


def entry(de: str, ja: str, en: str = "x", type_: str = "term", **extra: str) -> str:
    lines = [f'de = "{de}"', f'ja = "{ja}"', f'en = "{en}"', f'type = "{type_}"']
    lines += [f"{k} = {v}" for k, v in extra.items()]
    return "[[entry]]\n" + "\n".join(lines) + "\n\n"


def messages(issues: list[Finding]) -> list[tuple[int, str, str]]:
    return [(i.line, i.severity, i.message) for i in issues]


def test_clean_file_has_only_the_single_kanji_warning(mini_path: Path) -> None:
    issues = check_glossary([mini_path])
    assert [(i.severity, i.message.split(":")[0]) for i in issues] == [
        ("warning", "entry 16 'Bundesland'")
    ]


def test_shipped_glossaries_have_no_errors() -> None:
    issues = check_glossary(sorted(glossary_dir().glob("*.toml")))
    errors = [str(i) for i in issues if i.severity == "error"]
    assert errors == []


@pytest.mark.parametrize(
    ("entries", "line", "severity", "pattern"),
    [
        (entry("Wasserstoff", "水素", en=""), 8, "error", "no English pivot term; add en"),
        (
            entry(
                "Masao Uchibori",
                "内堀雅雄",
                type_="person",
                de_short='"Uchibori"',
                ja_short='"内堀"',
            ),
            5,
            "error",
            "person with kanji needs a reading",
        ),
        (
            entry(
                "Koriyama", "郡山市", type_="place", reading='"コオリヤマシ"', romaji='"Koriyama"'
            ),
            10,
            "error",
            "is not all hiragana; write 'こおりやまし'",
        ),
        (
            entry("Koriyama", "郡山市", type_="place", reading='"こおりやまし"'),
            10,
            "error",
            "reading given without romaji",
        ),
        (
            entry("Mona Neubaur", "モナ・ノイバウアー", type_="person"),
            5,
            "warning",
            "without de_short",
        ),
        (
            entry(
                "Mona Neubaur",
                "モナ・ノイバウアー",
                type_="person",
                de_short='"Neubauer"',
                ja_short='"ノイバウアー"',
            ),
            10,
            "warning",
            "de_short 'Neubauer' is not part of 'Mona Neubaur'",
        ),
        (entry("Gouverneur", "知事", type_="title"), 5, "warning", "title without ja_position"),
        (entry("Wasserstoff", "水素", ja_position='"after"'), 10, "warning", "only titles use"),
        (
            entry("Ammoniak", "アンモニア", forbidden_de='["Ammoniak"]'),
            10,
            "error",
            "forbidden_de 'Ammoniak' is also a required form",
        ),
        (
            entry("Ammoniak", "アンモニア", ja_variants='["アンモニア"]'),
            10,
            "warning",
            "ja_variants repeats 'アンモニア'",
        ),
        (entry("Wasserstoff", "水素", type_="Begriff"), 9, "error", "type 'Begriff' is not one of"),
        (entry("Bundesland", "州"), 7, "warning", "'州' is a single kanji"),
    ],
)
def test_entry_checks(tmp_path: Path, entries: str, line: int, severity: str, pattern: str) -> None:
    path = glossary_file(tmp_path, "lint", entries)
    issues = check_glossary([path])
    assert any(
        i.line == line and i.severity == severity and pattern in i.message for i in issues
    ), messages(issues)


def test_duplicates_and_conflicts_across_files(tmp_path: Path) -> None:
    first = glossary_file(tmp_path, "a", entry("Wasserstoff", "水素") + entry("Rat", "評議会"))
    second = glossary_file(
        tmp_path,
        "b",
        entry("Wasserstoff", "水素")  # same de, same ja: a duplicate
        + entry("Räte", "理事会", de_variants='["rat"]'),  # same de form, other ja: a conflict
    )
    issues = check_glossary([first, second])
    assert [(Path(i.file).name, i.line, i.severity) for i in issues] == [
        ("b.toml", 6, "error"),
        ("b.toml", 16, "error"),
    ]
    assert issues[0].message.startswith("duplicate: 'Wasserstoff' is already in a:1 (")
    assert issues[1].message.startswith("conflict: 'rat' means '理事会' here but '評議会' in a:2")
    assert str(issues[0]).startswith(f"{second}:6: error: duplicate")


def test_one_japanese_term_for_two_german_terms_is_a_warning(tmp_path: Path) -> None:
    path = glossary_file(
        tmp_path, "w", entry("Klimaneutralität", "気候中立") + entry("klimaneutral", "気候中立")
    )
    (issue,) = check_glossary([path])
    assert (issue.line, issue.severity) == (13, "warning")
    assert "'気候中立' is the Japanese for 'klimaneutral' here and for 'Klimaneutralität'" in (
        issue.message
    )


def test_names_may_share_japanese(tmp_path: Path) -> None:
    path = glossary_file(
        tmp_path,
        "n",
        entry("Europa", "欧州", type_="place", reading='"おうしゅう"', romaji='"Oshu"')
        + entry(
            "Europäische Union",
            "欧州",
            type_="organisation",
            reading='"おうしゅう"',
            romaji='"Oshu"',
        ),
    )
    assert check_glossary([path]) == []


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "energy.toml"
    path.write_text('[glossary]\nid = "energie"\n\n' + entry("Gas", "ガス"), encoding="utf-8")
    (issue,) = check_glossary([path])
    assert (issue.line, issue.severity) == (2, "error")
    assert 'write id = "energy"' in issue.message


def test_broken_and_missing_files_are_issues(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[glossary\n", encoding="utf-8")
    issues = check_glossary([broken, tmp_path / "missing.toml"])
    assert [(Path(i.file).name, i.line, i.severity) for i in issues] == [
        ("broken.toml", 1, "error"),
        ("missing.toml", 1, "error"),
    ]
    assert "TOML syntax error" in issues[0].message
    assert "no such glossary file" in issues[1].message


def test_all_structural_problems_are_listed(tmp_path: Path) -> None:
    path = glossary_file(
        tmp_path, "s", entry("A", "あ", romanji='"a"') + entry("B", "い", de_variants='"x"')
    )
    issues = check_glossary([path])
    assert [(i.line, i.severity) for i in issues] == [(10, "error"), (17, "error")]
