"""Sums of money with scale words keep their value in both directions (issue 10)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from toolkit.localize import amount_value, find_amounts, format_amount

# (German, Japanese): each must become the other, whichever side is the source.
PAIRS = [
    ("3.000 Euro", "3,000ユーロ"),
    ("30.000 Euro", "3万ユーロ"),
    ("4,5 Millionen Euro", "450万ユーロ"),
    ("1 Million Euro", "100万ユーロ"),
    ("530 Millionen Yen", "5億3000万円"),
    ("1 Milliarde Yen", "10億円"),
    ("1,25 Milliarden Euro", "12億5000万ユーロ"),
    ("2 Milliarden Yen", "20億円"),
    ("1 Billion Yen", "1兆円"),
    ("2,5 Billionen Yen", "2兆5000億円"),
    ("1.234.567 Euro", "123万4567ユーロ"),
]


@pytest.mark.parametrize(("de", "ja"), PAIRS)
def test_amount_de_to_ja(de: str, ja: str) -> None:
    assert [f.target for f in find_amounts(de, "de")] == [ja]


@pytest.mark.parametrize(("de", "ja"), PAIRS)
def test_amount_ja_to_de(de: str, ja: str) -> None:
    (found,) = find_amounts(ja, "ja")
    assert found.target == de
    assert amount_value(found.target, "de") == amount_value(ja, "ja")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3 Tausend Euro", 3_000),
        ("3 Tsd. Euro", 3_000),
        ("4,5 Mio. Euro", 4_500_000),
        ("4,5 Millionen", 4_500_000),
        ("1 Million", 1_000_000),
        ("7 Mrd. Yen", 7_000_000_000),
        ("1 Milliarde", 10**9),
        ("3 Milliarden", 3 * 10**9),
        ("2 Bio. Yen", 2 * 10**12),
        ("1 Billion", 10**12),
        ("4 Billionen", 4 * 10**12),
    ],
)
def test_german_scales(text: str, value: int) -> None:
    assert amount_value(text, "de") == value
    ja = find_amounts(text + (" Euro" if "Euro" not in text and "Yen" not in text else ""), "de")
    assert ja
    assert amount_value(ja[0].target, "ja") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5千円", 5_000),
        ("3万円", 30_000),
        ("450万ユーロ", 4_500_000),
        ("10億円", 10**9),
        ("5億3000万円", 530_000_000),
        ("1兆円", 10**12),
        ("1兆2000億円", 1_200_000_000_000),
        ("1,500億円", 150_000_000_000),
    ],
)
def test_japanese_scales(text: str, value: int) -> None:
    assert amount_value(text, "ja") == value
    (found,) = find_amounts(text, "ja")
    assert amount_value(found.target, "de") == value


def test_german_form_is_exact() -> None:
    # three decimals at most keep the value; beyond that the whole number is written
    assert format_amount(Decimal(1_234_000_000), "de") == "1,234 Milliarden"
    assert format_amount(Decimal(1_234_567_891), "de") == "1.234.567.891"
    assert format_amount(Decimal(999), "de") == "999"
