"""Reading is lossless: all blocks joined, furniture and list markers included, give the input
back (whitespace and the hyphen of a word broken across a hard wrap aside) — on the real
releases of the corpus and on generated texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.ingest import read_text
from toolkit.model import Document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = next(
    (p for p in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")) if p.is_dir()),
    None,
)


def squash(text: str) -> str:
    """Return `text` without whitespace and without hyphens before a lower-case letter.

    A word hyphenated across a hard wrap ("Wasser-" / "stoff") is joined without its hyphen:
    the one change reading makes besides whitespace.
    """
    return re.sub(r"-(?=[a-zäöüß])", "", re.sub(r"\s+", "", text))


def joined(doc: Document) -> str:
    return "".join(b.marker + b.source_text for b in doc.blocks)


def corpus_files() -> list[Path]:
    return sorted((CORPUS / "docs").glob("*.txt")) if CORPUS else []


@pytest.mark.skipif(CORPUS is None, reason="the corpus (../shared/corpus) is not checked out")
@pytest.mark.parametrize("lines", ["auto", "wrapped", "paragraphs"])
def test_corpus_is_read_losslessly(lines: str) -> None:
    for path in corpus_files():
        body = path.read_text(encoding="utf-8").partition("\n\n")[2]
        lang = "ja" if path.name.startswith("ja") else "de"
        doc = read_text(body, lang=lang, source_name=path.name, lines=lines)  # type: ignore[arg-type]
        assert squash(joined(doc)) == squash(body), path.name


LINES = [
    "Pressemitteilung",
    "Startseite > Presse > Meldungen",
    "Düsseldorf, 15.01.2026",
    "2026/1/15",
    "令和8年1月15日",
    "1.",
    "(2)",
    "① 日時",
    "- Teilen",
    "• Ein Punkt der Liste",
    "„Wir freuen uns“, sagte Ministerin Anna Beispiel.",
    "Bundesgesundheitsminister Max Beispiel",
    "【知事】",
    "知事は「協力を進めます。」と述べました。",
    "Telefon: 0211 555-1234",
    "担当課：",
    "© Staatskanzlei",
    "写真（2026年1月15日）",
    "Die Ministerin bei der Unterzeichnung © Staatskanzlei",
    "Anlässlich des 35. Jubiläums kam sie zum 10. Mal nach Nagoya.",
]
WORDS = st.text(
    alphabet=st.sampled_from(list("abcdefgÄÖÜäöüß .,:;!?„“「」。、（）()-–•12345678")),
    max_size=40,
)
LINE = st.one_of(st.sampled_from(LINES), WORDS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(LINE, min_size=1, max_size=14),
    breaks=st.lists(st.sampled_from(["\n", "\n\n", "\n \n"]), min_size=14, max_size=14),
    lang=st.sampled_from(["de", "ja"]),
    convention=st.sampled_from(["auto", "wrapped", "paragraphs"]),
)
def test_generated_texts_are_read_losslessly(
    lines: list[str], breaks: list[str], lang: str, convention: str
) -> None:
    text = "".join(line + brk for line, brk in zip(lines, breaks, strict=False))
    if not re.search(r"\w", text):
        return  # an empty text is refused, not read
    doc = read_text(text, lang=lang, lines=convention)  # type: ignore[arg-type]
    assert squash(joined(doc)) == squash(text)
