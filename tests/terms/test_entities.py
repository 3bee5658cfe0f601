from __future__ import annotations

import pytest

from toolkit.glossary import Glossary, find_terms
from toolkit.terms import find_protected
from toolkit.terms.protect import mask, placeholders_intact, unmask


def protected(text: str, glossary: Glossary, source: str = "de") -> list[tuple[str, str, str]]:
    target = "ja" if source == "de" else "de"
    hits = find_terms(text, source, glossary)  # type: ignore[arg-type]
    return [(p.kind, p.source, p.target) for p in find_protected(text, source, target, hits)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mail an presse@nrw-beispiel.de.",
            [("email", "presse@nrw-beispiel.de", "presse@nrw-beispiel.de")],
        ),
        (
            "Mail an presse [at] nrw-beispiel.de",
            [("email", "presse [at] nrw-beispiel.de", "presse [at] nrw-beispiel.de")],
        ),
        (
            "Siehe https://www.land.nrw/de/fukushima.",
            [("url", "https://www.land.nrw/de/fukushima", "https://www.land.nrw/de/fukushima")],
        ),
        ("Telefon +49 211 61772-204 bitte", [("phone", "+49 211 61772-204", "+49 211 61772-204")]),
        ("am 15. Januar 2026", [("date", "15. Januar 2026", "2026年1月15日")]),
        ("bis zu 4,5 Millionen Euro", [("amount", "4,5 Millionen Euro", "450万ユーロ")]),
        ("rund 3 Mio. Euro", [("amount", "3 Mio. Euro", "300万ユーロ")]),
        ("mit 10 MW Leistung", [("quantity", "10 MW", "10MW")]),
        ("um 30 Prozent", [("quantity", "30 Prozent", "30％")]),
        ("1.200 Kubikmeter", [("number", "1.200", "1,200")]),
        ("im Jahr 2026 mit 20 Firmen", []),
    ],
)
def test_german_entities(
    glossary: Glossary, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert protected(text, glossary) == expected


def test_title_and_name_become_one_item(glossary: Glossary) -> None:
    assert protected("Ministerin Mona Neubaur und Gouverneur Uchibori", glossary) == [
        ("name", "Ministerin Mona Neubaur", "モナ・ノイバウアー大臣"),
        ("name", "Gouverneur Uchibori", "内堀知事"),
    ]


def test_japanese_names_titles_and_dates(glossary: Glossary) -> None:
    assert protected("内堀雅雄知事は2026年1月15日（木）に福島県で", glossary, "ja") == [
        ("name", "内堀雅雄知事", "Gouverneur Masao Uchibori"),
        ("date", "2026年1月15日（木）", "Donnerstag, 15. Januar 2026"),
        ("name", "福島県", "Präfektur Fukushima"),
    ]


def test_mask_and_unmask() -> None:
    text = "A 15. Januar B presse@x.de C"
    masked = mask(text, [(2, 12), (15, 26)])
    assert masked.text == "A ⟦1⟧ B ⟦2⟧ C"
    assert masked.originals == ("15. Januar", "presse@x.de")
    assert placeholders_intact("⟦2⟧ x ⟦1⟧", 2)
    assert not placeholders_intact("⟦1⟧ x ⟦1⟧", 2)
    assert not placeholders_intact("⟦1⟧ ⟦2⟧ ⟦3⟧", 2)
    assert unmask("X ⟦2⟧ Y ⟦1⟧", ["eins", "zwei"]) == "X zwei Y eins"
