"""Quotes and their speakers: the whole person, title and name."""

from __future__ import annotations

import pytest

from toolkit.ingest import read_text
from toolkit.ingest.speakers import People, find_speaker, is_quote
from toolkit.model import BlockKind


def quotes(text: str) -> list[tuple[str, str | None]]:
    doc = read_text(text)
    return [(b.source_text[:20], b.speaker) for b in doc.blocks if b.kind is BlockKind.QUOTE]


def test_speaker_after_the_quote_keeps_titles() -> None:
    text = (
        "Strahlentherapie: Kliniken in Essen und Kyoto arbeiten zusammen\n\n"
        "„Die Partnerschaft bringt beiden Seiten neue Verfahren“, sagte Prof. Dr. Wolfgang "
        "Sauerwein bei der Unterzeichnung in Kyoto.\n"
    )
    assert quotes(text) == [("„Die Partnerschaft b", "Prof. Dr. Wolfgang Sauerwein")]


def test_surname_is_completed_from_the_first_mention() -> None:
    text = (
        "Staatssekretärin besucht Messe\n\n"
        "Wirtschaftsstaatssekretärin Katrin Beispiel hat am Montag den Gemeinschaftsstand des "
        "Landes besucht.\n\n"
        "„Die Medizintechnik ist eine unserer stärksten Branchen“, sagte Beispiel.\n\n"
        "„Wir müssen die Fachkräfte von morgen heute ausbilden“, so die Staatssekretärin weiter.\n"
    )
    assert quotes(text) == [
        ("„Die Medizintechnik ", "Wirtschaftsstaatssekretärin Katrin Beispiel"),
        ("„Wir müssen die Fach", "Wirtschaftsstaatssekretärin Katrin Beispiel"),
    ]


def test_speaker_before_the_quote_with_apposition() -> None:
    text = (
        "Kongress in Saarbrücken\n\n"
        "Marie Beispiel, Ministerin für Energie in Luxemburg: „Wasserstoff kennt keine "
        "Grenzen. Wir bauen die Netze gemeinsam.“\n"
    )
    assert quotes(text)[0][1] == "Marie Beispiel, Ministerin für Energie in Luxemburg"


def test_quote_without_opening_mark() -> None:
    text = (
        "Besuch in Nagoya\n\nDie Zusammenarbeit ist ein Gewinn für beide Regionen“, sagte "
        "Ministerin Anna Beispiel.\n"
    )
    assert quotes(text) == [("Die Zusammenarbeit i", "Ministerin Anna Beispiel")]


def test_partial_quote_beside_a_speech_verb() -> None:
    text = (
        "Terminal in Brunsbüttel\n\n"
        "Das Terminal biete „überzeugende und tragfähige Perspektiven“, unterstrich "
        "Ministerpräsident Max Beispiel nach der Kabinettssitzung.\n"
    )
    assert quotes(text)[0][1] == "Ministerpräsident Max Beispiel"


def test_pull_quote_without_marks_is_signed_by_the_next_line() -> None:
    text = (
        "Treffen der Gesundheitsminister\n\n"
        "Es ist ein gutes Signal, dass wir beim Kampf gegen resistente Keime an einem Strang "
        "ziehen. Ich freue mich auf die Zusammenarbeit.\n\n"
        "Bundesgesundheitsminister Max Beispiel\n\n"
        "Die Minister berieten zwei Tage lang in Kobe.\n"
    )
    doc = read_text(text)
    assert [b.kind for b in doc.blocks[1:4]] == [
        BlockKind.QUOTE,
        BlockKind.QUOTE,
        BlockKind.PARAGRAPH,
    ]
    assert doc.blocks[1].speaker == "Bundesgesundheitsminister Max Beispiel"


def test_title_in_quotation_marks_is_no_quote() -> None:
    assert not is_quote(
        "Anlass ist die Aufführung der „9. Sinfonie in d-Moll op. 125“ von Beethoven.", "de"
    )
    assert not is_quote("「製造業における人工知能」をテーマに開催されました。", "ja")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("内堀雅雄福島県知事は「水素は県の未来です。」と述べました。", "内堀雅雄福島県知事"),
        ("その後知事は、記者団に対し、「協定に署名しました。」と語った。", "知事"),
        ("「連携を強化したい。」と州首相は話した。", "州首相"),
    ],
)
def test_japanese_speakers(text: str, who: str) -> None:
    assert is_quote(text, "ja")
    assert find_speaker(text, "ja") == who


def test_japanese_title_is_completed_from_the_fullest_mention() -> None:
    people = People(["内堀雅雄知事は、1月15日にドイツを訪問しました。"])
    assert find_speaker("知事は「水素は重要です。」と述べました。", "ja", people) == "内堀雅雄知事"


def test_speaker_labels_and_comment_headings() -> None:
    text = (
        "共同宣言の調印について\n\n"
        "徳島県とニーダーザクセン州は、新たな共同宣言に調印しました。\n\n"
        "調印者コメント\n\n【後藤田知事】\n\n新たな共同宣言に調印でき、大変嬉しく思います。\n\n"
        "今後も幅広い分野で交流を深めてまいります。\n\n【ヴァイル州首相】\n\n"
        "両地域の友情はこれからも続きます。\n"
    )
    found = [(b.source_text[:8], b.speaker) for b in read_text(text).blocks if b.speaker]
    assert found == [
        ("【後藤田知事】", "後藤田知事"),
        ("新たな共同宣言に", "後藤田知事"),
        ("今後も幅広い分野", "後藤田知事"),
        ("【ヴァイル州首相", "ヴァイル州首相"),
        ("両地域の友情はこ", "ヴァイル州首相"),
    ]


def test_quote_over_two_paragraphs_takes_the_speaker_named_at_its_end() -> None:
    text = (
        "Besuch in Tokio\n\n"
        "„Japan ist unser wichtigster Partner in Asien. Wir wollen mehr gemeinsam forschen.\n\n"
        "Deshalb reisen wir im Herbst mit einer Delegation nach Tokio“, sagte Ministerin Anna "
        "Beispiel.\n"
    )
    assert [speaker for _, speaker in quotes(text)] == ["Ministerin Anna Beispiel"] * 2


def test_japanese_speaker_after_an_adverbial() -> None:
    assert find_speaker("会談で州首相は「日本企業は重要です。」と述べました。", "ja") == "州首相"
