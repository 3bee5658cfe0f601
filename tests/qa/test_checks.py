from __future__ import annotations

import pytest

from toolkit.glossary import Glossary
from toolkit.model import Segment, TermCheck
from toolkit.qa import check_segment, summarize_issues


def issues(seg: Segment, glossary: Glossary | None = None, source: str = "de", target: str = "ja"):
    return [(i.check, i.severity) for i in check_segment(seg, source, target, glossary=glossary)]


def seg(source: str, target: str | None, origin: str | None = "engine", **kw) -> Segment:
    return Segment(id="b1.s1", source=source, target=target, origin=origin, **kw)  # type: ignore[arg-type]


def test_clean_translation_has_no_issues() -> None:
    assert issues(seg("Wasserstoff ist wichtig für 2026.", "水素は2026年にとって重要です。")) == []


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        (seg("Ein Satz ohne Übersetzung.", None, None), [("untranslated", "critical")]),
        (seg("Ein Satz.", "  "), [("empty", "critical")]),
        (
            seg("Das ist ein längerer deutscher Satz.", "Das ist ein längerer deutscher Satz."),
            [("untranslated", "critical"), ("script", "critical")],
        ),
        (seg("Wasserstoff.", "水素。", flags=("truncated",)), [("truncated", "critical")]),
        (
            seg("Die Förderung beträgt 4,5 Millionen Euro.", "助成額は450万ユーロです。"),
            [],
        ),
        (
            seg("Die Förderung beträgt 4,5 Millionen Euro.", "助成額は45万ユーロです。"),
            [("numbers", "critical"), ("numbers", "critical")],
        ),
        (seg("Das Budget beträgt 1 Milliarde Yen.", "予算は10億円です。"), []),
        (seg("Das Budget beträgt 1 Billion Yen.", "予算は1兆円です。"), []),
        (seg("Es kostet 4,5 Mio. Euro.", "費用は450万ユーロです。"), []),
        (
            seg("Das Budget beträgt 1 Million Yen.", "予算は10億円です。"),
            [("numbers", "critical"), ("numbers", "critical")],
        ),
        (
            seg("Das Budget beträgt 1.000 Milliarden Yen.", "予算は1兆円です。"),
            [],
        ),
        (seg("Die Quote liegt bei 30 Prozent.", "割合は20％です。"), [("numbers", "critical")] * 2),
        (seg("Die Gruppe tagt zweimal in drei Jahren.", "部会は3年間に2回開催されます。"), []),
        (seg("Fünfzehn Jahre danach.", "15年後。"), []),
        (
            seg("Am heutigen Dienstag beginnt es.", "本日3日（火）に始まります。"),
            [("numbers", "functional")],
        ),
        (seg("Die Katastrophe von 2011.", "東日本大震災。"), [("numbers", "critical")]),
        (seg("Am 15. Januar 2026.", "2026年1月15日に。"), []),
        (seg("Wasserstoff Wasserstoff.", "水素水素水素水素です。"), [("repetition", "functional")]),
        (
            seg("Ein recht langer Satz mit vielen Wörtern darin.", "文。"),
            [("length", "cosmetic")],
        ),
    ],
)
def test_checks(segment: Segment, expected: list[tuple[str, str]]) -> None:
    assert issues(segment) == expected


def test_japanese_left_in_german_output() -> None:
    found = issues(seg("水素は重要です。", "Wasserstoff ist 重要."), source="ja", target="de")
    assert found == [("script", "critical")]


def test_verbatim_segments_are_fine() -> None:
    assert issues(seg("+49 211 61772-204", "+49 211 61772-204", "verbatim")) == []


def test_enforcement_records_become_issues() -> None:
    checks = (
        TermCheck("term", "Wasserstoff", "水素", "violated", "t:1"),
        TermCheck("date", "3. März 2026", "2026年3月3日", "violated"),
        TermCheck("term", "Dr.", "博士", "violated", "t:9", "soft"),
    )
    found = issues(
        seg("Dr. Wolff: Wasserstoff am 3. März 2026.", "ヴォルフ博士：3月3日", checks=checks)
    )
    assert ("term", "critical") in found
    assert ("protected", "critical") in found
    assert ("term", "functional") in found


def test_memory_translations_are_checked_against_the_glossary(glossary: Glossary) -> None:
    ok = seg("Wasserstoff aus Fukushima.", "福島県産の水素。", "memory")
    assert issues(ok, glossary) == []
    paraphrase = seg("Wasserstoff aus Fukushima.", "福島県産のH2。", "memory")
    assert issues(paraphrase, glossary) == [("term", "cosmetic")]
    forbidden = seg("Wasserstoff aus Fukushima.", "福島県産のハイドロジェン（水素）。", "memory")
    assert ("term", "critical") in issues(forbidden, glossary)


def test_summary_counts() -> None:
    found = check_segment(seg("Ein Satz ohne Übersetzung.", None, None), "de", "ja")
    assert summarize_issues(found) == {
        "severity": {"critical": 1},
        "check": {"untranslated": 1},
    }


def test_phone_numbers_are_not_quantities() -> None:
    found = issues(seg("Telefon: +81 24-521-7283", "電話：024-521-7283", "memory"))
    assert found == []
