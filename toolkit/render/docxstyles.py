"""The Word styles of the handout DOCX: all of its type, so one style change restyles it.

Fonts live in the styles (``w:rFonts`` with the East Asian font, and ``w:lang``), never on runs.
Each language has a body style ("Body German", "Body Japanese", "Body English" for the pivot)
and styles based on it for the other block kinds ("Quote Japanese", "List German" …): changing
the body style's font changes every paragraph of that language. Japanese is justified with
kinsoku; lists are Word numbering (``numbering.xml``), not typed bullets; headings and the
column labels are kept with the next paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import fonts
from .ooxml import (
    Look,
    bullet_numbering,
    character_style,
    keep_short_lines,
    paragraph_style,
    table_style,
)
from .options import DEFAULT_NOTICE as NOTICE

if TYPE_CHECKING:
    from docx.document import Document

__all__ = [
    "BODY_STYLES",
    "EAST_ASIAN_FONT",
    "HEADING_EAST_ASIAN_FONT",
    "HEADING_FONT",
    "LATIN_FONT",
    "NOTICE",
    "handout_styles",
    "language_styles",
    "style_lang",
]

SERIF = fonts.SERIF.families  # running text
SANS = fonts.SANS.families  # headings, labels, page margins
LATIN_FONT, EAST_ASIAN_FONT = SERIF
HEADING_FONT, HEADING_EAST_ASIAN_FONT = SANS
LANG_NAMES = {"de": "German", "ja": "Japanese", "en": "English"}
BODY_STYLES = {lang: f"Body {name}" for lang, name in LANG_NAMES.items()}
GRAY = "555555"


def style_lang(name: str) -> str:
    """Return the language a style's text is tagged with ("Quote Japanese" -> "ja")."""
    for lang, language in LANG_NAMES.items():
        if name.endswith(language):
            return lang
    return "de"  # the shared styles (headings, captions) are German, kana and kanji Japanese


def language_styles(
    document: Document,
    *,
    sizes: dict[str, float],
    space_after: float,
    kinds: dict[str, Look],
    bullets: bool = True,
    leading: float = 1.0,
) -> None:
    """Add "Body <Language>" for de, ja, en (`sizes` in pt) and a style per kind on each.

    `kinds` maps a kind ("Quote") to what its style adds to the body style; "List" styles
    number with a bullet ("•", "・" in Japanese) when `bullets`. Justified lines that end in a
    line break are not spread out. `leading` scales the line
    spacing (1.15 of single in Latin text, 1.3 in Japanese).
    """
    keep_short_lines(document)
    for lang, language in LANG_NAMES.items():
        if lang not in sizes:
            continue
        ja = lang == "ja"
        paragraph_style(
            document,
            BODY_STYLES[lang],
            Look(
                fonts=SERIF,
                lang=lang,
                size=sizes[lang],
                space_after=space_after,
                line_spacing=round((1.3 if ja else 1.15) * leading, 3),
                justify=ja,
                hyphenate=not ja,
                color="3A3A3A" if lang == "en" else None,
            ),
        )
        for kind, look in kinds.items():
            paragraph_style(document, f"{kind} {language}", look, base=BODY_STYLES[lang])
        if bullets:
            number = bullet_numbering(document, "・" if ja else "•", indent=5, hanging=4)
            paragraph_style(
                document, f"List {language}", Look(numbering=number), base=BODY_STYLES[lang]
            )


def handout_styles(document: Document, *, layout: str, text_width: float) -> None:
    """Define the handout's styles for `layout`; `text_width` (mm) places the footer's tab."""
    # Paragraphs in the flow need room between blocks; in a table, the rows space them.
    after = {"side-by-side": 3.0, "interleaved": 2.0}.get(layout, 8.0)
    paragraph_style(
        document,
        "Normal",
        Look(fonts=SERIF, lang="de", size=10, space_after=0, line_spacing=1.0),
        base=None,
    )
    language_styles(
        document,
        sizes={"de": 10, "ja": 9.5, "en": 8.5},
        space_after=after,
        kinds={
            "Quote": Look(indent=3.5),
            "Subtitle": Look(italic=True),  # Japanese: bold below
            "Dateline": Look(size=9),
            # lines ended by line breaks: justified, Japanese ones would be spread out
            "Contact": Look(size=8.5, align="left"),
            "Caption": Look(size=8.5, italic=True),  # Japanese: upright below
            # site text kept on request (breadcrumbs, labels): small, grey, out of the way
            "Furniture": Look(
                fonts=SANS, size=7.5, color=GRAY, align="left", hyphenate=False, space_after=1
            ),
            "Translation": Look(indent=3.5, rule_left="C8C8C8", space_after=8),
        },
    )
    paragraph_style(
        document, "Subtitle Japanese", Look(italic=False, bold=True), base=BODY_STYLES["ja"]
    )
    paragraph_style(
        document, "Caption Japanese", Look(size=8.5, italic=False), base=BODY_STYLES["ja"]
    )
    heading = Look(
        fonts=SANS, bold=True, color="111111", keep_next=True, space_after=4, hyphenate=False
    )
    for name, size, before in (
        ("Title", 15.0, 0.0),
        ("Heading 1", 11.5, 8.0),
        ("Heading 2", 10.5, 6.0),
        ("Heading 3", 10.0, 4.0),
    ):
        paragraph_style(
            document, name, _with(heading, size=size, space_before=before), base="Normal"
        )
    paragraph_style(
        document,
        "Heading English",
        Look(bold=True, keep_next=True),
        base=BODY_STYLES["en"],
    )
    paragraph_style(
        document, "Kicker", Look(fonts=SANS, size=8, caps=True, color=GRAY, keep_next=True)
    )
    paragraph_style(document, "Caption", Look(fonts=SANS, size=9, bold=False, color=GRAY))
    paragraph_style(document, "Column Label", Look(bold=True, keep_next=True), base="Caption")
    paragraph_style(document, "Header", Look(fonts=SANS, size=7.5, color=GRAY, align="center"))
    paragraph_style(
        document, "Footer", Look(fonts=SANS, size=7.5, color=GRAY, tab_right=text_width)
    )
    paragraph_style(
        document, "Marking", Look(fonts=SANS, size=9, bold=True, color="111111", align="center")
    )
    paragraph_style(document, "Table Text", Look(size=8.5, space_after=0))
    paragraph_style(
        document, "Table Heading", Look(fonts=SANS, size=8.5, bold=True, keep_next=True)
    )
    marks(document)
    table_style(document, "Parallel Text", rules=None, margins=(0.8, 2.5))
    table_style(document, "Light Rules", rules="BFBFBF", margins=(0.8, 1.5))


def marks(document: Document) -> None:
    """Add the character styles that mark untranslated text (yellow, labelled)."""
    character_style(document, "Untranslated", Look(italic=True, highlight="yellow"))
    character_style(document, "Untranslated Label", Look(fonts=SANS, bold=True, highlight="yellow"))


def _with(look: Look, **changes: float) -> Look:
    from dataclasses import replace

    return replace(look, **changes)  # type: ignore[arg-type]
