from __future__ import annotations

from toolkit.ingest import read_text
from toolkit.model import BlockKind

MARKDOWN = (
    """\
# Medizintechnik verbindet NRW und Fukushima

*Gemeinsamer Stand auf der MEDICA in Düsseldorf.*

Düsseldorf, 16. November 2026

Zwölf Unternehmen aus Fukushima stellen aus. Mehr unter
[der Messeseite](https://www.medica.de).

> „Die Medizintechnik ist ein Wachstumsmarkt“, sagt Ministerin Mona Neubaur.

## Programm

- Matchmaking am 16. November
- Empfang am Abend

<script>alert(1)</script>

## Pressekontakt

Ministerium für Wirtschaft{BR}
Telefon: +49 211 61772-204{BR}
E-Mail: presse@wirtschaft-beispiel.nrw.de
"""
).replace("{BR}", "  ")  # two trailing spaces: a Markdown hard line break


def test_markdown_structure() -> None:
    doc = read_text(MARKDOWN, fmt="markdown")
    assert [b.kind for b in doc.blocks] == [
        BlockKind.TITLE,
        BlockKind.SUBTITLE,
        BlockKind.DATELINE,
        BlockKind.PARAGRAPH,
        BlockKind.QUOTE,
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.CONTACT,
    ]
    assert doc.title == "Medizintechnik verbindet NRW und Fukushima"
    assert doc.blocks[1].source_text == "Gemeinsamer Stand auf der MEDICA in Düsseldorf."
    assert doc.blocks[4].speaker == "Ministerin Mona Neubaur"


def test_links_keep_their_target_and_html_stays_text() -> None:
    doc = read_text(MARKDOWN, fmt="markdown")
    assert doc.blocks[3].source_text.endswith("Mehr unter der Messeseite (https://www.medica.de).")
    assert doc.blocks[8].source_text == "<script>alert(1)</script>"


def test_hard_breaks_keep_contact_lines() -> None:
    contact = read_text(MARKDOWN, fmt="markdown").blocks[-1]
    assert contact.source_text.split("\n") == [
        "Ministerium für Wirtschaft",
        "Telefon: +49 211 61772-204",
        "E-Mail: presse@wirtschaft-beispiel.nrw.de",
    ]
