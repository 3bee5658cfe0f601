"""Date lines: what dates a release, and what is only a date in a sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit.ingest import read_text
from toolkit.ingest.dateline import parse_dateline
from toolkit.localize import first_date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("15. Januar 2026", "2026-01-15"),
        ("8. Oktober 2019", "2019-10-08"),
        ("Düsseldorf, 15.01.2026", "2026-01-15"),
        ("Frankfurt am Main, 3. März 2026", "2026-03-03"),
        ("MÜNCHEN, 15. Januar 2026", "2026-01-15"),
        ("15.1.2026", "2026-01-15"),
        ("Donnerstag, 15. Januar 2026", "2026-01-15"),
        ("Datum 17.04.2026", "2026-04-17"),
        ("Pressemitteilung vom 27.10.2025", "2025-10-27"),
        ("26.07.2025 - Artikel", "2025-07-26"),
        ("14.03.2025, 12:22 Uhr", "2025-03-14"),
        ("2017/5/11", "2017-05-11"),
        ("2026年1月15日", "2026-01-15"),
        ("2026年1月15日（木）", "2026-01-15"),
        ("令和8年1月15日", "2026-01-15"),
        ("令和元年5月29日", "2019-05-29"),
        ("平成31年3月19日", "2019-03-19"),
        ("昭和64年1月7日", "1989-01-07"),
        ("発表日：2026年1月15日 14時00分", "2026-01-15"),
        ("2026(令和8)年1月15日(木)", "2026-01-15"),
        ("Pressemitteilung Nr. 123/2026 vom 15.01.2026", "2026-01-15"),
        ("Datum: 15.01.2026 | Uhrzeit: 10:30", "2026-01-15"),
        ("令和8年1月15日（2026年1月15日）", "2026-01-15"),
        ("公開日 2026.01.15", "2026-01-15"),
    ],
)
def test_date_lines(line: str, date: str) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert found.date.isoformat() == date
    assert not found.updated


@pytest.mark.parametrize(
    "line",
    [
        "Am 15. Januar 2026 unterzeichneten beide Seiten die Erklärung.",
        "日独外相共同声明 2026年1月15日",
        "写真（2026年1月15日）",
        "1月15日、知事は州首相と会談しました。",
        "Wasserstofftag am 15. Januar",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_dateline(line) is None


def test_update_date_is_marked() -> None:
    found = parse_dateline("更新日：令和8年1月20日")
    assert found is not None
    assert found.updated


def test_first_date_reads_every_form() -> None:
    assert first_date("平成26（2014）年10月29日（水曜）") == dt.date(2014, 10, 29)
    assert first_date("Stand: 2026/01/15") == dt.date(2026, 1, 15)


def test_document_date_is_the_release_date_not_the_update_date() -> None:
    text = (
        "更新日：令和8年2月3日\n\n知事のドイツ訪問の結果について\n\n発表日：令和8年1月20日\n\n"
        "知事は、1月12日から16日まで、ドイツを訪問しました。\n"
    )
    assert read_text(text).date == dt.date(2026, 1, 20)


def test_document_date_is_never_an_event_date_in_the_body() -> None:
    text = (
        "共同宣言の調印について\n\n"
        "徳島県とニーダーザクセン州は、新たな共同宣言に調印します。\n\n"
        "1 調印日時\n\n2026年1月15日（木）午後3時\n\n2 場所\n\n州迎賓館\n"
    )
    doc = read_text(text)
    assert doc.date is None
    assert [b.source_text for b in doc.blocks if b.kind.value == "heading"] == ["調印日時", "場所"]


def test_date_line_as_first_line_is_not_the_title() -> None:
    text = (
        "20.09.2025\n\nGeneralkonsul besucht das Wasserstoffzentrum\n\n"
        "Der Generalkonsul war am Montag zu Gast in Pfeffenhausen.\n"
    )
    doc = read_text(text)
    assert doc.title == "Generalkonsul besucht das Wasserstoffzentrum"
    assert doc.date == dt.date(2025, 9, 20)


def test_date_in_the_title_dates_a_release_without_date_line() -> None:
    doc = read_text(
        "Senatorin reist nach Japan (02.04.2026)\n\nDie Senatorin besucht Osaka und Kobe.\n"
    )
    assert doc.date == dt.date(2026, 4, 2)


def test_date_opening_the_first_paragraph() -> None:
    text = (
        "Treffen der Gesundheitsminister in Japan\n\n13. September 2025. Auf Einladung des "
        "japanischen Ministers trafen sich die Gesundheitsminister der G7 in Kobe.\n"
    )
    assert read_text(text).date == dt.date(2025, 9, 13)


@pytest.mark.parametrize(
    "line", ["Berlin, den 15. Januar 2026", "Stuttgart/Tokio, 15. Januar 2026"]
)
def test_place_forms(line: str) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert found.date == dt.date(2026, 1, 15)


@pytest.mark.parametrize("lines", ["auto", "wrapped", "paragraphs"])
def test_date_line_alone_is_no_list_item(lines: str) -> None:
    text = (
        "Ministerin empfängt Delegation\n\n8. Oktober 2019\n\n"
        "Die Ministerin hat eine Delegation empfangen.\n"
    )
    doc = read_text(text, lines=lines)  # type: ignore[arg-type]
    assert [b.kind.value for b in doc.blocks] == ["title", "dateline", "paragraph"]
    assert doc.blocks[1].marker == ""
    assert doc.date == dt.date(2019, 10, 8)
