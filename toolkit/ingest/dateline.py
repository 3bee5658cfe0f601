"""Date lines: a line that dates the release, alone or with a place, a label or a time.

„15. Januar 2026“, „Düsseldorf, 15.01.2026“, „Donnerstag, 15.1.2026“, „Datum 17.04.2018“,
„Pressemitteilung vom 27.10.2014“, „26.07.2018 - Artikel“, „14.03.2014, 12:22 Uhr“, „2017/5/11“,
„発表日：令和元年5月29日“, „平成31年3月19日“, „2024年1月10日 14時00分“. A date inside a sentence or
a heading is not a date line: what is left of the line besides the date must be a place, a
label, a weekday or a time. The dates themselves are read by `toolkit.localize.first_date`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..localize import DE_MONTHS, DE_WEEKDAYS, first_date

__all__ = ["Dateline", "parse_dateline"]


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a date line says: its date, and whether it is only the page's update date."""

    date: dt.date
    updated: bool  # "更新日", "Stand", "aktualisiert": the page changed then, not the release


_DATE_TEXT = re.compile(
    r"(?:(?:" + "|".join(DE_WEEKDAYS) + r"),?\s+(?:den\s+)?)?"
    r"(?:\d{1,2}\.\s?(?:\d{1,2}\.\s?|(?:" + "|".join(DE_MONTHS) + r")\s+)\d{4}"
    r"|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}"
    r"|(?:(?:令和|平成|昭和)\s?(?:\d{1,2}|元)|\d{4})(?:[（(][^)）]{1,8}[)）])?\s?年\s?\d{1,2}\s?月"
    r"\s?\d{1,2}\s?日(?:[（(][月火水木金土日](?:曜日?)?[)）])?)"
)
# What may stand beside the date on a date line (after the date is taken out).
_LABELS = re.compile(
    r"^(?:datum|stand|vom|am|den|pressemitteilung|presseinformation|pressemeldung|"
    r"medieninformation|meldung|artikel|erstveröffentlichung|veröffentlicht|aktuell|"
    r"aktualisiert|zuletzt|geändert|uhr|uhrzeit|zeit|nr|nummer|pm|\d{1,4}|\d{1,2}[:.]\d{2}|発表日|発表|更新日|更新|公開日|掲載日|"
    r"作成日|日付|記事|印刷|報道発表日|(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?|press|release|news|date|"
    r"published|updated)$",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"更新|stand\b|aktualisiert|geändert|updated", re.IGNORECASE)
# "Düsseldorf, …", "Frankfurt am Main, …", "MÜNCHEN": a place before the date.
_PLACE = re.compile(
    r"^[A-ZÄÖÜ][\w.-]+(?:(?:\s+(?:am|an der|im|in der)\s+|\s*/\s*)[A-ZÄÖÜ][\w.-]+)?$"
)
_WORD_BREAK = re.compile(r"[\s,;|()（）、\-–—/]+|(?<!\d)[:：]|[:：](?!\d)")
_SEPARATORS = " \t,.;:|/-–—()（）：、・\u3000"


def parse_dateline(text: str) -> Dateline | None:
    """Return what the line `text` dates, or None when it is not a date line."""
    line = " ".join(text.split())
    if not line or len(line) > 90 or line.endswith(("。", "!", "?")):
        return None
    match = _DATE_TEXT.search(line)
    if match is None:
        return None
    date = first_date(match.group(0))
    if date is None:
        return None
    before, after = line[: match.start()], line[match.end() :]
    rest = _DATE_TEXT.sub(" ", before + " " + after)  # a second date: 令和8年…（2026年…）
    words = [w.rstrip(".") for w in _WORD_BREAK.split(rest) if w.rstrip(".")]
    place = re.sub(r"[\s,]+(?:den|am)$", "", before.strip(_SEPARATORS)).strip(_SEPARATORS)
    if place and _PLACE.match(place) and not after.strip(_SEPARATORS):
        return Dateline(date, updated=False)
    if all(_LABELS.match(w) or w.rstrip(".") in DE_WEEKDAYS for w in words):
        return Dateline(date, updated=bool(_UPDATED.search(line)))
    return None
