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
