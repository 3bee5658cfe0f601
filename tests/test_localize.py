from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from toolkit.localize import (
    find_amounts,
    find_dates,
    find_numbers,
    find_quantities,
    format_date_for,
    localize_number,
    localize_quotes,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        ("15. Januar 2026", "de", "2026年1月15日"),
        ("Donnerstag, 15. Januar 2026", "de", "2026年1月15日（木）"),
        ("am 3. März", "de", "3月3日"),
        ("15.01.2026", "de", "2026年1月15日"),
        ("vom 1. bis 6. März", "de", "3月1日から6日まで"),
        ("16. bis 19. November 2026", "de", "2026年11月16日～19日"),
        ("2026年1月15日（木）", "ja", "Donnerstag, 15. Januar 2026"),
        ("令和8年5月1日", "ja", "1. Mai 2026"),
        ("3月1日から6日まで", "ja", "vom 1. bis 6. März"),
    ],
)
def test_dates(text: str, lang: str, target: str) -> None:
    [found] = find_dates(text, lang)
    assert found.target == target


def test_invalid_dates_are_not_dates() -> None:
    assert find_dates("am 31. Februar 2026", "de") == []


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        ("4,5 Millionen Euro", "de", "450万ユーロ"),
        ("3 Mio. Euro", "de", "300万ユーロ"),
        ("300.000 Euro", "de", "30万ユーロ"),
        ("1,2 Mrd. Euro", "de", "12億ユーロ"),
        ("300万ユーロ", "ja", "3 Millionen Euro"),
        ("5億3000万円", "ja", "530 Millionen Yen"),
        ("1,000円", "ja", "1.000 Yen"),
    ],
)
def test_amounts(text: str, lang: str, target: str) -> None:
    [found] = find_amounts(text, lang)
    assert found.target == target


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        ("10 MW", "de", "10MW"),
        ("30 Prozent", "de", "30％"),
        ("2,5 %", "de", "2.5％"),
        ("1.200 Nm³", "de", "1,200Nm³"),
        ("30％", "ja", "30 Prozent"),
        ("20トン", "ja", "20 t"),
    ],
)
def test_quantities(text: str, lang: str, target: str) -> None:
    [found] = find_quantities(text, lang)
    assert found.target == target


def test_numbers_whose_writing_differs() -> None:
    assert [f.target for f in find_numbers("1.200 und 4,5 und 2026", "de")] == ["1,200", "4.5"]
    assert [f.target for f in find_numbers("1,000.5と3.5と2026", "ja")] == ["1.000,5", "3,5"]
    assert find_numbers("NRW.Energy4Climate 2.0", "de") == []


def test_number_round_trip() -> None:
    assert localize_number("1.000,5", "de", "ja") == "1,000.5"
    assert localize_number("1,000.5", "ja", "de") == "1.000,5"
    assert parse_number("１，２００", "ja") == Decimal(1200)


def test_date_formats() -> None:
    date = dt.date(2026, 11, 24)
    assert format_date_for(date, "ja", weekday=True) == "2026年11月24日（火）"
    assert format_date_for(date, "de", weekday=True) == "Dienstag, 24. November 2026"


def test_quotes() -> None:
    assert localize_quotes("„Gut.“ sagt er", "ja") == "「Gut.」 sagt er"
    assert localize_quotes("知事は「良い」と述べた", "de") == "知事は„良い“と述べた"
