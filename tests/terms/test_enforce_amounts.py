"""A protected sum whose target form has another value is never recorded as enforced."""

from __future__ import annotations

import pytest

from toolkit.terms.enforce import _same_value
from toolkit.terms.entities import Protected, find_protected


@pytest.mark.parametrize(
    ("source", "lang", "target", "same"),
    [
        ("10億円", "ja", "1 Milliarde Yen", True),
        ("10億円", "ja", "1 Million Yen", False),
        ("1兆円", "ja", "1 Billion Yen", True),
        ("1兆円", "ja", "1.000 Milliarden Yen", True),
        ("1兆円", "ja", "1 Milliarde Yen", False),
        ("4,5 Mio. Euro", "de", "450万ユーロ", True),
        ("4,5 Mio. Euro", "de", "45万ユーロ", False),
    ],
)
def test_amount_value_is_checked(source: str, lang: str, target: str, same: bool) -> None:
    item = Protected(0, len(source), "amount", source, target, target)
    assert _same_value(item, lang, "de" if lang == "ja" else "ja") is same


def test_found_amounts_keep_their_value() -> None:
    for text, lang in (("予算は10億円と1兆円。", "ja"), ("Es kostet 4,5 Mio. Euro.", "de")):
        other = "de" if lang == "ja" else "ja"
        items = [p for p in find_protected(text, lang, other, []) if p.kind == "amount"]
        assert items
        assert all(_same_value(p, lang, other) for p in items)
