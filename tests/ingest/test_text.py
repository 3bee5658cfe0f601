from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from toolkit.errors import IngestError
from toolkit.ingest import read_document, read_text
from toolkit.model import BlockKind

RELEASE = """\
Pressemitteilung

NRW und Fukushima vertiefen Zusammenarbeit bei Wasserstoff und
Ammoniak

Ministerin Neubaur unterzeichnet erweiterte Absichtserklärung.

Düsseldorf, 15. Januar 2026

Das Land Nordrhein-Westfalen und die Präfektur Fukushima bauen ihre seit 2014
bestehende Partnerschaft aus. Es geht z. B. um Elektrolyse, u. a. mit
NRW.Energy4Climate.

„Wasserstoff ist der Schlüssel“, sagt Ministerin Mona Neubaur bei der
Unterzeichnung in Fukushima.

Nächste Schritte

- Eine gemeinsame Arbeitsgruppe
  trifft sich zweimal im Jahr.
- Ein Workshop im Herbst.

Pressekontakt
Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie
Telefon: +49 211 61772-204
E-Mail: presse@wirtschaft-beispiel.nrw.de
"""

RELEASE_JA = """\
報道発表資料

福島県とNRW州が水素分野の協力を拡大

知事が州経済大臣と覚書に署名

2026年1月15日

福島県は、ドイツ・ノルトライン＝ヴェストファーレン州との水素分野における
協力を拡大します。両地域は2014年から再生可能エネルギー分野で連携してきました。

内堀雅雄知事は「水素は福島の未来を支えるエネルギーです。」と述べました。

【お問い合わせ先】
福島県 商工労働部 産業振興課
電話：024-521-7283
メール：energy@pref-beispiel.fukushima.jp
"""


def kinds(doc) -> list[str]:
    return [b.kind.value for b in doc.blocks]


def test_press_release_structure() -> None:
    doc = read_text(RELEASE)
    assert kinds(doc) == [
        "kicker",
        "title",
        "subtitle",
        "dateline",
        "paragraph",
        "quote",
        "heading",
        "list_item",
        "list_item",
        "contact",
    ]
    assert doc.source_lang == "de"
    assert doc.title == "NRW und Fukushima vertiefen Zusammenarbeit bei Wasserstoff und Ammoniak"
    assert doc.date == dt.date(2026, 1, 15)
    quote = doc.blocks[5]
    assert quote.speaker == "Ministerin Mona Neubaur"


def test_hard_wrapped_lines_are_joined() -> None:
    doc = read_text(RELEASE)
    paragraph = doc.blocks[4]
    assert [s.source for s in paragraph.segments] == [
        "Das Land Nordrhein-Westfalen und die Präfektur Fukushima bauen ihre seit 2014 "
        "bestehende Partnerschaft aus.",
        "Es geht z. B. um Elektrolyse, u. a. mit NRW.Energy4Climate.",
    ]
    assert doc.blocks[7].source_text == "Eine gemeinsame Arbeitsgruppe trifft sich zweimal im Jahr."


def test_contact_block_keeps_its_lines() -> None:
    contact = read_text(RELEASE).blocks[-1]
    assert contact.kind is BlockKind.CONTACT
    assert contact.source_text.split("\n") == [
        "Pressekontakt",
        "Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie",
        "Telefon: +49 211 61772-204",
        "E-Mail: presse@wirtschaft-beispiel.nrw.de",
    ]


def test_nothing_is_lost() -> None:
    doc = read_text(RELEASE)
    read = "".join(b.source_text for b in doc.blocks)
    bullets = re.compile(r"^- ", re.MULTILINE)
    assert sorted(re.sub(r"\s", "", read)) == sorted(re.sub(r"\s", "", bullets.sub("", RELEASE)))


def test_japanese_release() -> None:
    doc = read_text(RELEASE_JA)
    assert doc.source_lang == "ja"
    assert kinds(doc) == [
        "kicker",
        "title",
        "subtitle",
        "dateline",
        "paragraph",
        "quote",
        "contact",
    ]
    assert doc.date == dt.date(2026, 1, 15)
    paragraph = doc.blocks[4]
    # Japanese wraps join without a space.
    assert paragraph.segments[0].source.startswith(
        "福島県は、ドイツ・ノルトライン＝ヴェストファーレン州との水素分野における協力"
    )
    assert len(paragraph.segments) == 2
    assert doc.blocks[5].speaker == "内堀雅雄知事"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Wasser-", "stoff ist gut"], "Wasserstoff ist gut"),
        (["Die Wasserstoff-", "Strategie"], "Die Wasserstoff-Strategie"),
        (["eins", "zwei"], "eins zwei"),
    ],
)
def test_german_line_joins(lines: list[str], expected: str) -> None:
    from toolkit.ingest.press import join_lines

    assert join_lines(lines, "de") == expected


def test_reiwa_and_weekday_dates() -> None:
    from toolkit.ingest.press import find_date

    assert find_date("令和8年1月15日（木）") == dt.date(2026, 1, 15)
    assert find_date("２０２６年１月１５日") == dt.date(2026, 1, 15)
    assert find_date("Düsseldorf, 3. März 2026") == dt.date(2026, 3, 3)
    assert find_date("31. Februar 2026") is None


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    with pytest.raises(IngestError, match="empty"):
        read_document(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(IngestError, match="binary"):
        read_document(path)


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_text("x")
    with pytest.raises(IngestError, match="unsupported input type"):
        read_document(path)


def test_legacy_encodings(tmp_path: Path) -> None:
    sjis = tmp_path / "sjis.txt"
    sjis.write_bytes(RELEASE_JA.encode("cp932"))
    assert read_document(sjis).title == "福島県とNRW州が水素分野の協力を拡大"
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(RELEASE.encode("utf-16"))
    assert read_document(utf16).blocks[0].kind is BlockKind.KICKER
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Größere Übung\n\nText für Düsseldorf.".encode("cp1252"))
    assert read_document(latin).title == "Größere Übung"


def test_control_characters_are_removed() -> None:
    doc = read_text("Titel\x0b mit\x00 Steuerzeichen\n\nText.")
    assert doc.title == "Titel mit Steuerzeichen"
