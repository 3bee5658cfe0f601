from __future__ import annotations

import re

import pytest

from tests.terms.conftest import ScriptedLeg, copy
from toolkit.glossary import Glossary
from toolkit.terms import TermEnforcer

TEXT = (
    "Ministerin Mona Neubaur besucht am 3. März 2026 die Präfektur Fukushima; "
    "Wasserstoff und Ammoniak stehen im Mittelpunkt. Fragen an presse@nrw-beispiel.de."
)


def route(first=copy, second=copy) -> list[ScriptedLeg]:
    return [ScriptedLeg("de", "en", first), ScriptedLeg("en", "ja", second)]


def checks_by_source(result) -> dict[str, tuple[str, str]]:
    return {c.source: (c.status, c.how) for c in result.checks}


def test_copy_route_delivers_every_item_in_japanese_form(glossary: Glossary) -> None:
    [result] = TermEnforcer(glossary).translate(route(), [TEXT], source="de", target="ja")
    text = result.text
    assert text is not None
    assert "モナ・ノイバウアー大臣" in text
    assert "2026年3月3日" in text
    assert "福島県" in text
    assert "水素" in text
    assert "アンモニア" in text
    assert "presse@nrw-beispiel.de" in text
    assert "⟦" not in text
    statuses = checks_by_source(result)
    assert statuses["Ministerin Mona Neubaur"] == ("enforced", "placeholder")
    assert statuses["Wasserstoff"] == ("enforced", "placeholder")  # a copy model can't
    assert all(status != "violated" for status, _ in statuses.values())


def test_placeholders_reach_the_model(glossary: Glossary) -> None:
    legs = route()
    TermEnforcer(glossary).translate(legs, [TEXT], source="de", target="ja")
    first_input = legs[0].seen[0][0]
    assert re.findall(r"⟦\d+⟧", first_input) == ["⟦1⟧", "⟦2⟧", "⟦3⟧", "⟦4⟧"]
    assert "presse@" not in first_input
    assert "Wasserstoff" in first_input  # terms are not masked on the first try


def drop(text: str) -> list[str]:
    return [text.replace("⟦2⟧", "")]


def duplicate(text: str) -> list[str]:
    return [text.replace("⟦1⟧", "⟦1⟧ ⟦1⟧")]


def mangle(text: str) -> list[str]:
    return [re.sub(r"⟦(\d+)⟧", r"[\1]", text)]


@pytest.mark.parametrize("broken", [drop, duplicate, mangle], ids=["drop", "duplicate", "mangle"])
def test_broken_placeholders_fall_back_and_are_reported(glossary: Glossary, broken) -> None:
    legs = route(first=broken)
    [result] = TermEnforcer(glossary).translate(legs, [TEXT], source="de", target="ja")
    assert "fallback" in result.flags
    assert "⟦" not in (result.text or "")
    # The fallback went to the model unprotected, and every item was checked afterwards.
    assert any("presse@nrw-beispiel.de" in text for batch in legs[0].seen for text in batch)
    fallback = [c for c in result.checks if c.how == "fallback"]
    assert fallback
    # The copied German date is not the Japanese form: reported, not hidden.
    date = next(c for c in fallback if c.kind == "date")
    assert date.status == "violated"
    email = next(c for c in fallback if c.kind == "email")
    assert email.status == "enforced"


def test_reordered_placeholders_are_fine(glossary: Glossary) -> None:
    def swap(text: str) -> list[str]:
        return [text.replace("⟦1⟧", "§").replace("⟦2⟧", "⟦1⟧").replace("§", "⟦2⟧")]

    [result] = TermEnforcer(glossary).translate(route(first=swap), [TEXT], source="de", target="ja")
    assert "fallback" not in result.flags
    assert result.text is not None
    assert result.text.index("2026年3月3日") < result.text.index("モナ・ノイバウアー大臣")


def test_n_best_reranking_prefers_the_required_terms(glossary: Glossary) -> None:
    def english(text: str) -> list[str]:
        return ["Hydrogenic stuff.", "We need hydrogen."]

    def japanese(text: str) -> list[str]:
        return ["ハイドロジェンが必要です。", "水素が必要です。"]

    [result] = TermEnforcer(glossary).translate(
        route(english, japanese), ["Wir brauchen Wasserstoff."], source="de", target="ja"
    )
    assert result.text == "水素が必要です。"
    assert result.pivot == ("We need hydrogen.", "水素が必要です。")
    assert checks_by_source(result)["Wasserstoff"] == ("enforced", "rerank")


def test_best_hypothesis_with_the_term_is_verified(glossary: Glossary) -> None:
    legs = route(lambda t: ["We need hydrogen."], lambda t: ["水素が必要です。"])
    [result] = TermEnforcer(glossary).translate(
        legs, ["Wir brauchen Wasserstoff."], source="de", target="ja"
    )
    assert checks_by_source(result)["Wasserstoff"] == ("verified", "")


def test_a_term_the_model_never_produces_is_forced(glossary: Glossary) -> None:
    def stubborn(text: str) -> list[str]:
        return [text if "⟦" in text else "ハイドロジェンが必要です。"]

    [result] = TermEnforcer(glossary).translate(
        route(second=stubborn), ["Wir brauchen Wasserstoff."], source="de", target="ja"
    )
    assert result.text is not None
    assert "水素" in result.text
    assert checks_by_source(result)["Wasserstoff"] == ("enforced", "placeholder")


def test_a_term_that_cannot_be_had_is_violated(glossary: Glossary) -> None:
    def hopeless(text: str) -> list[str]:
        return ["ハイドロジェンが必要です。"]  # loses placeholders and the term, always

    [result] = TermEnforcer(glossary).translate(
        route(second=hopeless), ["Wir brauchen Wasserstoff."], source="de", target="ja"
    )
    assert checks_by_source(result)["Wasserstoff"] == ("violated", "")


def test_japanese_to_german_names_and_titles(glossary: Glossary) -> None:
    [result] = TermEnforcer(glossary).translate(
        [ScriptedLeg("ja", "en", copy), ScriptedLeg("en", "de", copy)],
        ["内堀知事は2026年3月3日（火）に水素について話した。"],
        source="ja",
        target="de",
    )
    assert result.text is not None
    assert "Gouverneur Uchibori" in result.text
    assert "Dienstag, 3. März 2026" in result.text
    assert "Wasserstoff" in result.text


def test_quotes_are_localized(glossary: Glossary) -> None:
    [result] = TermEnforcer(glossary).translate(
        route(), ["„Wasserstoff ist wichtig“, sagt sie."], source="de", target="ja"
    )
    assert result.text is not None
    assert result.text.startswith("「水素 ist wichtig」")
