"""The line convention of a plain text: hard-wrapped, or one paragraph per line."""

from __future__ import annotations

import pytest

from toolkit.errors import IngestError
from toolkit.ingest import read_text
from toolkit.ingest.lines import decide_lines, width

WRAPPED_DE = """\
Nordrhein-Westfalen und die Präfektur Aichi bauen ihre Zusammenarbeit beim
Wasserstoff aus. Beide Seiten wollen bis 2028 gemeinsame Pilotanlagen für die
Elektrolyse errichten und den Austausch zwischen ihren Häfen vertiefen.

Die Ministerin reist vom 3. bis 7. März mit einer Delegation aus Wirtschaft und
Wissenschaft nach Japan.
"""

PASTED_DE = (
    "Land und Präfektur Aichi vereinbaren Wasserstoffpartnerschaft\n"
    "Düsseldorf, 15. Januar 2026\n"
    "Nordrhein-Westfalen und die Präfektur Aichi bauen ihre Zusammenarbeit beim Wasserstoff "
    "aus. Beide Seiten wollen bis 2028 gemeinsame Pilotanlagen errichten.\n"
    "Die Ministerin reist im März mit einer Delegation aus Wirtschaft und Wissenschaft nach "
    "Japan.\n"
)

WRAPPED_JA = """\
愛知県とノルトライン＝ヴェストファーレン州は、水素分野における協力を拡大する
ことで合意しました。両地域は今後三年間、電解装置の共同実証に取り組みます。
"""

PASTED_JA = """\
知事がドイツ・ノルトライン＝ヴェストファーレン州を訪問しました
令和8年1月15日
知事は、1月12日から16日まで、ドイツのノルトライン＝ヴェストファーレン州を訪問し、州首相と会談しました。会談では、水素分野での協力を一層進めることで一致しました。
また、知事は州内の研究機関を視察し、電解装置の実証設備について説明を受けました。
"""


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (WRAPPED_DE, "de", "wrapped"),
        (PASTED_DE, "de", "paragraphs"),
        (WRAPPED_JA, "ja", "wrapped"),
        (PASTED_JA, "ja", "paragraphs"),
        ("Nur ein Absatz ohne Zeilenumbruch.", "de", "wrapped"),
    ],
)
def test_decide_lines(text: str, lang: str, expected: str) -> None:
    assert decide_lines(text, lang) == expected  # type: ignore[arg-type]


def test_title_over_its_date_line_is_two_paragraphs() -> None:
    text = "Antrittsbesuch der Generalkonsulin beim Ministerpräsidenten\n2026/1/15\n"
    assert decide_lines(text, "de") == "paragraphs"


def test_alt_text_then_caption_with_credit_is_two_paragraphs() -> None:
    text = (
        "Die Ministerin und der Gouverneur nach der Unterzeichnung\n"
        "Die Ministerin und der Gouverneur nach der Unterzeichnung © Staatskanzlei\n"
    )
    assert decide_lines(text, "de") == "paragraphs"


def test_width_counts_wide_characters_twice() -> None:
    assert width("Aichi") == 5
    assert width("愛知県") == 6


def test_pasted_release_reads_one_block_per_line() -> None:
    doc = read_text(PASTED_DE)
    assert [b.kind.value for b in doc.blocks] == ["title", "dateline", "paragraph", "paragraph"]
    assert doc.meta["lines"] == "paragraphs (auto)"
    assert doc.date is not None
    assert doc.date.isoformat() == "2026-01-15"


def test_wrapped_release_joins_its_lines() -> None:
    doc = read_text(WRAPPED_DE)
    assert len(doc.blocks) == 2
    assert doc.meta["lines"] == "wrapped (auto)"
    assert "beim Wasserstoff aus." in doc.blocks[0].source_text


def test_convention_can_be_given() -> None:
    doc = read_text(WRAPPED_DE, lines="paragraphs")
    assert len(doc.blocks) == 5
    assert doc.meta["lines"] == "paragraphs (given)"
    wrapped = read_text(PASTED_DE, lines="wrapped")
    # read as one wrapped block, only the date line stands apart
    assert [b.kind.value for b in wrapped.blocks] == ["title", "dateline", "paragraph"]


def test_unknown_convention_is_refused() -> None:
    with pytest.raises(IngestError, match="line convention"):
        read_text(WRAPPED_DE, lines="sometimes")  # type: ignore[arg-type]


def test_lone_list_number_goes_with_its_line() -> None:
    text = (
        "Treffen in Nagoya\n\n1.\nBeide Seiten begrüßten die Vereinbarung und kündigten "
        "weitere Gespräche im Herbst an, die in Duisburg stattfinden sollen.\n"
    )
    doc = read_text(text, lines="paragraphs")
    item = doc.blocks[-1]
    assert item.marker == "1."
    assert item.source_text.startswith("Beide Seiten")


def test_bullets_are_list_items_numbered_short_lines_headings() -> None:
    text = "水素について\n\n・水素\n・アンモニア\n\n1. 日時\n\n1月15日に開催します。\n"
    doc = read_text(text, lines="paragraphs")
    assert [(b.kind.value, b.marker) for b in doc.blocks] == [
        ("title", ""),
        ("list_item", "・"),
        ("list_item", "・"),
        ("heading", "1."),
        ("paragraph", ""),
    ]


def test_json_keeps_markers_and_new_kinds() -> None:
    from toolkit.model import document_from_dict, document_to_dict

    doc = read_text("Startseite > Presse\n\nTreffen in Nagoya\n\n1. Beide Seiten begrüßten es.\n")
    again = document_from_dict(document_to_dict(doc))
    assert again == doc
    assert again.blocks[0].kind.value == "furniture"
    assert again.blocks[-1].marker == "1."


def test_date_line_inside_a_wrapped_block_stands_alone() -> None:
    text = (
        "内堀知事がドイツを訪問\n2026年1月15日\n\n"
        "内堀知事は、1月12日から16日まで、ドイツのノルトライン＝ヴェストファーレン州を\n"
        "訪問し、州首相と会談しました。会談では、水素分野での協力を一層進めることで一致し\n"
        "ました。今後は両地域の企業による共同実証を進めていきます。\n"
    )
    doc = read_text(text)
    assert doc.meta["lines"] == "wrapped (auto)"
    assert [b.kind.value for b in doc.blocks] == ["title", "dateline", "paragraph"]
    assert doc.title == "内堀知事がドイツを訪問"
