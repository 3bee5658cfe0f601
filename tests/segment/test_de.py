from __future__ import annotations

import pytest

from toolkit.segment import split_text


def sentences(text: str) -> list[str]:
    return [s.strip() for s in split_text(text, "de")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Vereinbarung gilt ab 1. April 2025.", ["Die Vereinbarung gilt ab 1. April 2025."]),
        (
            "Dr. Mona Neubaur reiste nach Fukushima. Sie traf den Gouverneur.",
            ["Dr. Mona Neubaur reiste nach Fukushima.", "Sie traf den Gouverneur."],
        ),
        (
            "Es geht z. B. um Elektrolyse. Danach folgt mehr.",
            ["Es geht z. B. um Elektrolyse.", "Danach folgt mehr."],
        ),
        ("Das ist Nr. 5 der Reihe. Gut.", ["Das ist Nr. 5 der Reihe.", "Gut."]),
        (
            "Am 15. Januar 2026 unterzeichnen beide Seiten. Am 3. März folgt ein Workshop.",
            ["Am 15. Januar 2026 unterzeichnen beide Seiten.", "Am 3. März folgt ein Workshop."],
        ),
        (
            "Die Anlage leistet 1.000,5 MW. Das reicht.",
            ["Die Anlage leistet 1.000,5 MW.", "Das reicht."],
        ),
        (
            "Partner ist NRW.Energy4Climate. Die Agentur berät.",
            ["Partner ist NRW.Energy4Climate.", "Die Agentur berät."],
        ),
        (
            "Fragen an presse@wirtschaft-beispiel.nrw.de. Wir antworten.",
            ["Fragen an presse@wirtschaft-beispiel.nrw.de.", "Wir antworten."],
        ),
        (
            "Mehr unter www.energy4climate.nrw/wasserstoff. Danke.",
            ["Mehr unter www.energy4climate.nrw/wasserstoff.", "Danke."],
        ),
        (
            "Die Förderung beträgt 3 Mio. Euro. Sie läuft bis 2028.",
            ["Die Förderung beträgt 3 Mio. Euro.", "Sie läuft bis 2028."],
        ),
        (
            "Beteiligt sind u. a. Prof. Dr. Weber und Hans A. Müller. Sie leiten das Projekt.",
            ["Beteiligt sind u. a. Prof. Dr. Weber und Hans A. Müller.", "Sie leiten das Projekt."],
        ),
        (
            "„Wir freuen uns. Das ist ein guter Tag“, sagt Ministerin Mona Neubaur. Dann mehr.",
            [
                "„Wir freuen uns. Das ist ein guter Tag“, sagt Ministerin Mona Neubaur.",
                "Dann mehr.",
            ],
        ),
        (
            "Rund 40 Unternehmen, ca. 30 Prozent. Das ist viel.",
            ["Rund 40 Unternehmen, ca. 30 Prozent.", "Das ist viel."],
        ),
    ],
)
def test_split_german(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anlässlich des 35. Jubiläums kam sie zum 10. Mal nach Nagoya. Dann reiste sie weiter.",
            [
                "Anlässlich des 35. Jubiläums kam sie zum 10. Mal nach Nagoya.",
                "Dann reiste sie weiter.",
            ],
        ),
        (
            "Beim 1. Wasserstoffkongress sprachen drei Ministerinnen. Das war neu.",
            ["Beim 1. Wasserstoffkongress sprachen drei Ministerinnen.", "Das war neu."],
        ),
    ],
)
def test_ordinals_before_nouns(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_long_quote_is_split_into_its_sentences() -> None:
    quote = (
        "„Japan ist für unser Land einer der wichtigsten Partner in Asien. Unsere Unternehmen "
        "liefern zum Beispiel Teile für die Automobilindustrie. Das sichert Arbeitsplätze in "
        "beiden Ländern. Wir wollen die Zusammenarbeit bei Wasserstoff ausbauen. Deshalb reise "
        "ich mit einer großen Delegation nach Tokio“, sagte Ministerin Anna Beispiel."
    )
    parts = sentences(quote)
    assert len(parts) == 5
    assert parts[-1].startswith("Deshalb reise ich")
    assert parts[-1].endswith("nach Tokio“, sagte Ministerin Anna Beispiel.")
    assert all(len(p) < 120 for p in parts)


def test_short_quote_stays_with_its_speaker() -> None:
    text = "„Wir freuen uns. Das ist ein guter Tag“, sagt Ministerin Anna Beispiel."
    assert sentences(text) == [text]
