"""Dates, numbers, amounts, quantities and quotation marks, in each language's own form.

„15. Januar 2026“ ↔ 2026年1月15日, „Donnerstag, 15. Januar 2026“ ↔ 2026年1月15日（木）, „1.000,5“ ↔
1,000.5, „4,5 Millionen Euro“ / „3 Mio. Euro“ ↔ 450万ユーロ / 300万ユーロ, „30 Prozent“ ↔ 30％,
„…“ ↔ 「…」. Babel formats the dates and numbers (CLDR data); the finders return spans in the
original text so protected items can be replaced by placeholders and put back.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "DE_MONTHS",
    "DE_MONTH_NUMBERS",
    "DE_SCALES",
    "DE_SCALE_WORDS",
    "JA_ERAS",
    "JA_SCALES",
    "Found",
    "amount_value",
    "find_amounts",
    "find_dates",
    "find_numbers",
    "find_quantities",
    "first_date",
    "format_amount",
    "format_date_for",
    "localize_number",
    "localize_quotes",
    "parse_number",
]


@dataclass(frozen=True, slots=True)
class Found:
    """A span of text with its form in the other language."""

    start: int
    end: int
    kind: str  # date | amount | quantity
    text: str
    target: str  # the same thing written the target language's way
    date: dt.date | None = None  # for dates: the date (year 2000 or the default if not written)
    year_given: bool = True
    last_day: int | None = None  # for a range of days („1. bis 6. März“): the last one

    @classmethod
    def of(
        cls,
        match: re.Match[str],
        kind: str,
        target: str,
        date: dt.date | None = None,
        year_given: bool = True,
        last_day: int | None = None,
    ) -> Found:
        """Return the span `match` found, of `kind`, written `target` in the other language."""
        start, end = match.span()
        return cls(start, end, kind, match.group(0), target, date, year_given, last_day)


DE_MONTHS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)
# Month name -> number, with the Austrian „Jänner“ read as January.
DE_MONTH_NUMBERS = {name: i + 1 for i, name in enumerate(DE_MONTHS)} | {"Jänner": 1}
_MONTH_NAMES = "|".join(DE_MONTH_NUMBERS)
DE_WEEKDAYS = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
JA_WEEKDAYS = "月火水木金土日"

_DE_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_JA_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_DE_DATE = re.compile(
    r"(?:(?P<wd>" + "|".join(DE_WEEKDAYS) + r"),?\s+(?:den\s+)?)?"
    r"(?P<d>\d{1,2})\.\s?(?P<m>" + _MONTH_NAMES + r")(?:\s+(?P<y>\d{4}))?\b"
)
# „vom 1. bis 6. März 2026“, „1.–6. März“ ↔ 3月1日から6日まで, 3月1日～6日
_DE_RANGE = re.compile(
    r"(?P<vom>[Vv]om\s+)?(?P<d1>\d{1,2})\.\s?(?:bis(?:\s+zum)?|–|-)\s?(?P<d>\d{1,2})\.\s?"
    r"(?P<m>" + _MONTH_NAMES + r")(?:\s+(?P<y>\d{4}))?\b"
)
_JA_RANGE = re.compile(
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d1>\d{1,2})日(?:[（(][月火水木金土日][）)])?"
    r"(?:(?P<kara>から)|[～〜~ー－-])(?P<d>\d{1,2})日(?:[（(][月火水木金土日][）)])?(?P<made>まで)?"
)
_DE_NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b")
# Japanese era names and the year before each era's first year (令和元年 = 2019).
JA_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_ERA = r"(?P<era>令和|平成|昭和)\s?(?P<era_y>\d{1,2}|元)"
_JA_DATE = re.compile(
    # 2026年, 令和8年, 平成26(2014)年, 2024(令和6)年 — the bracketed form is a gloss of the other
    r"(?:(?:(?P<y>\d{4})(?:[（(](?:令和|平成|昭和)\s?(?:\d{1,2}|元)[）)])?|"
    + _ERA
    + r"(?:[（(]\d{4}[）)])?)\s?年\s?)?(?P<m>\d{1,2})\s?月\s?(?P<d>\d{1,2})\s?日"
    r"(?:[（(](?P<wd>[月火水木金土日])(?:曜日?)?[）)])?"
)
# 2017/5/11, 2026/01/15, 2026.01.15: how Japanese sites (and their German pages) date a release.
_SLASH_DATE = re.compile(
    r"(?<![\d/.])(?P<y>\d{4})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/]|\.\d)"
)

DE_SCALES = {
    "tausend": Decimal(10**3),
    "tsd.": Decimal(10**3),
    "million": Decimal(10**6),
    "millionen": Decimal(10**6),
    "mio.": Decimal(10**6),
    "milliarde": Decimal(10**9),
    "milliarden": Decimal(10**9),
    "mrd.": Decimal(10**9),
    "billion": Decimal(10**12),
    "billionen": Decimal(10**12),
    "bio.": Decimal(10**12),
}
# Longest first, so the alternation never stops at „Million“ in „Millionen“.
DE_SCALE_WORDS = (
    "Tausend",
    "Tsd\\.",
    "Millionen",
    "Million",
    "Mio\\.",
    "Milliarden",
    "Milliarde",
    "Mrd\\.",
    "Billionen",
    "Billion",
    "Bio\\.",
)
_CURRENCIES_DE = {
    "euro": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "yen": "JPY",
    "jpy": "JPY",
    "us-dollar": "USD",
    "dollar": "USD",
    "usd": "USD",
}
_CURRENCY_JA = {"EUR": "ユーロ", "JPY": "円", "USD": "ドル"}
_CURRENCY_DE = {"EUR": "Euro", "JPY": "Yen", "USD": "US-Dollar"}
_JA_CURRENCIES = {"ユーロ": "EUR", "円": "JPY", "米ドル": "USD", "ドル": "USD"}
JA_SCALES = {
    "兆": Decimal(10**12),
    "億": Decimal(10**8),
    "万": Decimal(10**4),
    "千": Decimal(10**3),
}

_DE_AMOUNT = re.compile(
    r"(?P<num>"
    + _DE_NUMBER
    + r")\s?(?P<scale>"
    + "|".join(DE_SCALE_WORDS)
    + r")?\s?(?P<cur>Euro|EUR|€|Yen|JPY|US-Dollar|Dollar|USD)\b"
)
_JA_AMOUNT = re.compile(
    r"(?P<parts>(?:(?:" + _JA_NUMBER + r")[兆億万千])*(?:" + _JA_NUMBER + r")?)"
    r"(?P<cur>ユーロ|円|米ドル|ドル)"
)
UNITS = (
    "MWh",
    "GWh",
    "TWh",
    "kWh",
    "MWp",
    "GWp",
    "MW",
    "GW",
    "kW",
    "Nm³",
    "m³",
    "km",
    "kg",
    "ppm",
    "°C",
    "t",
    "%",
)
_UNITS = "|".join(re.escape(u) for u in UNITS)
# A number, then its unit (not the start of a longer word: "5 t" but not "5 tausend")
_DE_QUANTITY = re.compile(rf"(?P<num>{_DE_NUMBER})\s?(?P<unit>Prozent|{_UNITS})(?![\w³])")
_JA_QUANTITY = re.compile(rf"(?P<num>{_JA_NUMBER})\s?(?P<unit>％|{_UNITS}|トン)(?![\w³])")


def parse_number(text: str, lang: str) -> Decimal | None:
    """Return the value of a number written the `lang` way („1.000,5“ / 1,000.5)."""
    text = unicodedata.normalize("NFKC", text).strip()
    # German groups with dots and marks decimals with a comma; Japanese the other way round.
    text = text.replace(".", "").replace(",", ".") if lang == "de" else text.replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def localize_number(text: str, source: str, target: str) -> str:
    """Return the number `text` (written the `source` way) written the `target` way."""
    value = parse_number(text, source)
    if value is None:
        return text
    locale = "de_DE" if target == "de" else "ja_JP"
    grouping = len(text.replace(".", "").replace(",", "")) > 4 or any(c in text for c in ".,")
    return _format(value, locale, grouping)


def _format(value: Decimal, locale: str, grouping: bool = True) -> str:
    decimals = max(0, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    pattern = "#,##0" if grouping else "0"
    if decimals:
        pattern += "." + "#" * decimals
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=locale)


def format_date_for(date: dt.date, lang: str, *, weekday: bool, year: bool = True) -> str:
    """Return `date` as a press release in `lang` writes it."""
    from babel.dates import format_date

    if lang == "ja":
        text = format_date(date, "y年M月d日" if year else "M月d日", locale="ja")
        return text + (f"（{format_date(date, 'EEE', locale='ja')}）" if weekday else "")
    text = format_date(date, "d. MMMM y" if year else "d. MMMM", locale="de")
    return f"{format_date(date, 'EEEE', locale='de')}, {text}" if weekday else text


def find_dates(text: str, lang: str, *, default_year: int | None = None) -> list[Found]:
    """Return the calendar dates in `text` with their form in the other language.

    A date without a year („am 3. März“) takes `default_year` to name its weekday; without one
    it is written without a year in the other language too.
    """
    target = "ja" if lang == "de" else "de"
    found = _find_ranges(text, lang, default_year)
    patterns = (_DE_DATE, _DE_NUMERIC_DATE) if lang == "de" else (_JA_DATE,)
    for pattern in patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month_name = groups["m"]
            month = int(month_name) if month_name.isdigit() else DE_MONTH_NUMBERS[month_name]
            if groups.get("era"):
                era_year = groups["era_y"]
                year: int | None = JA_ERAS[groups["era"]] + (
                    1 if era_year == "元" else int(era_year)
                )
            else:
                year = int(groups["y"]) if groups.get("y") else None
            try:
                date = dt.date(year or default_year or 2000, month, int(groups["d"]))
            except ValueError:
                continue
            if any(f.start < match.end() and match.start() < f.end for f in found):
                continue
            target_text = format_date_for(
                date, target, weekday=bool(groups.get("wd")), year=year is not None
            )
            found.append(Found.of(match, "date", target_text, date, year is not None))
    return sorted(found, key=lambda f: f.start)


def _find_ranges(text: str, lang: str, default_year: int | None) -> list[Found]:
    """Return day ranges within one month („vom 1. bis 6. März“ ↔ 3月1日から6日まで)."""
    from babel.dates import format_date

    found: list[Found] = []
    pattern = _DE_RANGE if lang == "de" else _JA_RANGE
    for match in pattern.finditer(text):
        groups = match.groupdict()
        month = DE_MONTH_NUMBERS[groups["m"]] if lang == "de" else int(groups["m"])
        year = int(groups["y"]) if groups.get("y") else None
        try:
            first = dt.date(year or default_year or 2000, month, int(groups["d1"]))
            last = dt.date(year or default_year or 2000, month, int(groups["d"]))
        except ValueError:
            continue
        if lang == "de":
            start = format_date(first, "y年M月d日" if year else "M月d日", locale="ja")
            bounded = bool(groups.get("vom"))
            target = f"{start}から{last.day}日まで" if bounded else f"{start}～{last.day}日"
        else:
            end = format_date(last, "d. MMMM y" if year else "d. MMMM", locale="de")
            words = bool(groups.get("kara"))
            target = f"vom {first.day}. bis {end}" if words else f"{first.day}.–{end}"
        found.append(Found.of(match, "date", target, first, year is not None, last.day))
    return found


_ISO_DATE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")


def first_date(text: str) -> dt.date | None:
    """Return the first full calendar date (with a year) in `text`.

    German („15. Januar 2026“, „Donnerstag, 15.1.2026“), Japanese (2026年1月15日（木）, 令和/平成/
    昭和 years), ISO (2026-01-15) or slashed (2026/1/15).
    """
    text = unicodedata.normalize("NFKC", text)
    found = [
        (f.start, f.date)
        for lang in ("de", "ja")
        for f in find_dates(text, lang)
        if f.date is not None and f.year_given
    ]
    for pattern in (_ISO_DATE, _SLASH_DATE):
        for match in pattern.finditer(text):
            try:
                day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            except ValueError:
                continue
            found.append((match.start(), day))
    return min(found, key=lambda item: item[0])[1] if found else None


def find_amounts(text: str, lang: str) -> list[Found]:
    """Return the sums of money in `text` with their form in the other language."""
    found: list[Found] = []
    if lang == "de":
        for match in _DE_AMOUNT.finditer(text):
            value = parse_number(match.group("num"), "de")
            if value is None:
                continue
            scale = DE_SCALES.get((match.group("scale") or "").lower(), Decimal(1))
            currency = _CURRENCIES_DE[match.group("cur").lower()]
            target = format_amount(value * scale, "ja") + _CURRENCY_JA[currency]
            found.append(Found.of(match, "amount", target))
        return found
    for match in _JA_AMOUNT.finditer(text):
        value = _ja_value(match.group("parts"))
        if value is None:
            continue
        currency = _JA_CURRENCIES[match.group("cur")]
        target = format_amount(value, "de") + " " + _CURRENCY_DE[currency]
        found.append(Found.of(match, "amount", target))
    return found


def find_quantities(text: str, lang: str) -> list[Found]:
    """Return numbers with units („10 MW“, „30 Prozent“, 30％) and their other-language form."""
    found: list[Found] = []
    target = "ja" if lang == "de" else "de"
    pattern = _DE_QUANTITY if lang == "de" else _JA_QUANTITY
    for match in pattern.finditer(text):
        number = localize_number(match.group("num"), lang, target)
        unit = match.group("unit")
        if target == "ja":
            unit = {"Prozent": "％", "%": "％"}.get(unit, unit)
            rendered = f"{number}{unit}"  # Japanese sets no space before a unit
        else:
            unit = {"％": "Prozent", "%": "Prozent", "トン": "t"}.get(unit, unit)
            rendered = f"{number} {unit}"
        found.append(Found.of(match, "quantity", rendered))
    return found


_DE_GROUPED = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)(?![\w.,]\d)")
_JA_GROUPED = re.compile(r"(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d.,]\d)")


def find_numbers(text: str, lang: str) -> list[Found]:
    """Return the numbers whose writing differs between the languages („1.000,5“ ↔ 1,000.5).

    Plain integers (20, 2026) read the same in both and are not listed.
    """
    target = "ja" if lang == "de" else "de"
    pattern = _DE_GROUPED if lang == "de" else _JA_GROUPED
    return [
        Found.of(m, "number", localize_number(m.group(0), lang, target))
        for m in pattern.finditer(text)
    ]


def localize_quotes(text: str, lang: str) -> str:
    """Return `text` with quotation marks in `lang`'s style (German „…“, Japanese 「…」)."""
    if lang == "ja":
        text = re.sub(r"[„“\"»](.+?)[“”\"«]", r"「\1」", text)
        return text.replace("‚", "『").replace("‘", "』")
    text = re.sub(r"「(.+?)」", r"„\1“", text)
    return re.sub(r"『(.+?)』", r"‚\1‘", text)


def _ja_amount(value: Decimal) -> str:
    """Return `value` in Japanese myriad units: 4500000 -> 450万, 530000000 -> 5億3000万."""
    if value < 10**4:
        return _format(value.normalize(), "ja_JP")
    whole = int(value)
    fraction = value - whole
    parts: list[str] = []
    for unit, size in (("兆", 10**12), ("億", 10**8), ("万", 10**4)):
        count, whole = divmod(whole, size)
        if count:
            # the count of one unit stays below 10,000 (above 兆 it may not): no grouping
            parts.append(f"{count}{unit}")
    if whole or fraction:
        parts.append(_format((whole + fraction).normalize(), "ja_JP", grouping=False))
    return "".join(parts)


def _ja_value(parts: str) -> Decimal | None:
    """Return the value of a Japanese number with 兆/億/万/千 units (5億3000万 -> 530000000)."""
    if not parts:
        return None
    total = Decimal(0)
    for number, unit in re.findall(r"([\d,]+(?:\.\d+)?)([兆億万千]?)", parts):
        value = parse_number(number, "ja")
        if value is None:
            return None
        total += value * JA_SCALES.get(unit, Decimal(1))
    return total


# ---------------------------------------------------------------- amounts with scale words

_DE_COMPACT = (
    (Decimal(10**12), "Billion", "Billionen"),
    (Decimal(10**9), "Milliarde", "Milliarden"),
    (Decimal(10**6), "Million", "Millionen"),
)
_DE_SCALED = re.compile(
    r"(?P<num>" + _DE_NUMBER + r")(?:\s?(?P<scale>" + "|".join(DE_SCALE_WORDS) + r"))?"
)


def format_amount(value: Decimal, lang: str) -> str:
    """Return `value` as a `lang` release writes a sum, exactly: „1 Milliarde“, 5億3000万.

    German uses Babel's long compact forms (CLDR: „1 Milliarde“, „4,5 Millionen“, „2 Billionen“)
    where at most three decimals keep the value exact, else the whole number („1.234.567“).
    Japanese counts in myriads (万 億 兆) and writes the rest in the next smaller one
    (5億3000万), which CLDR's compact form (5.3億) doesn't.
    """
    value = value.normalize()
    if lang == "ja":
        return _ja_amount(value)
    for size, _, _ in _DE_COMPACT:
        major = (value / size).normalize()
        if value >= size and -min(0, major.as_tuple().exponent) <= 3:  # type: ignore[operator]
            from babel.numbers import format_compact_decimal

            return format_compact_decimal(
                major * size, format_type="long", locale="de_DE", fraction_digits=3
            )
    return _format(value, "de_DE")


def amount_value(text: str, lang: str) -> Decimal | None:
    """Return the value of the first number in `text` with its scale word or unit, or None.

    „1 Milliarde Yen“ → 1000000000, „4,5 Mio. Euro“ → 4500000, 5億3000万円 → 530000000.
    """
    if lang == "ja":
        match = re.search(r"(?:(?:" + _JA_NUMBER + r")[兆億万千]?)+", text)
        return _ja_value(match.group(0)) if match else None
    found = _DE_SCALED.search(text)
    if found is None:
        return None
    value = parse_number(found.group("num"), "de")
    if value is None:
        return None
    scale = DE_SCALES.get((found.group("scale") or "").lower(), Decimal(1))
    return (value * scale).normalize()
