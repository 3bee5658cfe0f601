"""German hyphenation: libhyphen on Debian's patterns, compounds split at their joints first."""

from __future__ import annotations

import pytest

from toolkit.render.hyphenate import (
    SOFT_HYPHEN,
    hyphen_points,
    hyphenation_available,
    soft_hyphenate,
)

pytestmark = pytest.mark.skipif(
    not hyphenation_available(), reason="libhyphen0 and hyphen-de are not installed"
)


def _hyphenated(word: str) -> str:
    out = word
    for point in reversed(hyphen_points(word)):
        out = out[:point] + "-" + out[point:]
    return out


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # the words pyphen gets wrong (issue 11), as libhyphen and the joint finder set them
        ("Energiebedarfs", "Ener-gie-be-darfs"),
        ("Gemeinschaftsstand", "Gemein-schafts-stand"),
        ("Zusammenarbeit", "Zusam-men-ar-beit"),
        ("Chemieunternehmen", "Che-mie-un-ter-neh-men"),
        # libhyphen alone: kli-maf-reund-li-cher; the joint klima|freundlich comes first
        ("klimafreundlicher", "kli-ma-freund-li-cher"),
        ("Wasserstoffstrategie", "Was-ser-stoff-stra-te-gie"),
    ],
)
def test_points_are_right(word: str, expected: str) -> None:
    assert _hyphenated(word) == expected


def test_short_words_and_edges_are_left_alone() -> None:
    assert hyphen_points("Wasser") == (3,)  # 3 letters at least on each side
    assert hyphen_points("Anteil") == ()
    assert all(3 <= p <= len("Zusammenarbeit") - 3 for p in hyphen_points("Zusammenarbeit"))


def test_soft_hyphens_never_in_names_brands_addresses_or_units() -> None:
    text = (
        "Gouverneur Uchibori besuchte Düsseldorf und NRW.Energy4Climate "
        "(fukushima@energy4climate-beispiel.nrw, www.energieagentur.nrw) am 20. November."
    )
    out = soft_hyphenate(
        text, keep=[(text.index("20."), len(text) - 1)], names={"Uchibori", "Düsseldorf"}
    )
    for word in (
        "Uchibori",
        "Düsseldorf",
        "NRW.Energy4Climate",
        "energy4climate-beispiel.nrw",
        "www.energieagentur.nrw",
        "November",
    ):
        assert word in out
    assert f"Gou{SOFT_HYPHEN}ver{SOFT_HYPHEN}neur" in out
    assert out.replace(SOFT_HYPHEN, "") == text


def test_compound_parts_from_the_glossary_are_not_names() -> None:
    # "Fukushima" stands in the glossary term "REIF Fukushima": still a name, not a part
    assert hyphen_points("Fukushima") == hyphen_points("Fukushima")  # patterns only
    out = soft_hyphenate("Fukushima", names={"Fukushima"})
    assert SOFT_HYPHEN not in out
