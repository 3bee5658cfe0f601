"""The Word styles of the pack and fact-sheet DOCX: its whole type, so one style restyles it.

As in the handouts (`toolkit.render.docxstyles`), fonts live in the styles, each language has a
body style ("Body German", "Body Japanese") with the other paragraph kinds based on it ("Small
Japanese", "List German" with Word numbering …), Japanese is justified with kinsoku, headings,
day headings and the label rows of tables are kept with the next paragraph, and tables use a
table style with light horizontal rules. The contents use Word's "toc 1" and "toc 2" styles.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..render.docxstyles import BODY_STYLES, SANS, SERIF, language_styles, marks
from ..render.ooxml import Look, paragraph_style, table_style

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["BLUE", "FACT_SIZE", "RED", "fact_styles", "pack_styles"]

BLUE = "1F3A5F"
RED = "8A1F11"
GRAY = "555555"
FACT_SIZE = 7.5  # pt: the fact sheet's type, small enough for one page (as its PDF)


def pack_styles(document: Document, *, text_width: float, compact: bool = False) -> None:
    """Define the pack's styles; `text_width` (mm) places right-aligned tab stops.

    `compact`: tighter cells for a fact sheet on its own.
    """
    body = 9.5
    paragraph_style(
        document,
        "Normal",
        Look(fonts=SERIF, lang="de", size=body, space_after=0, line_spacing=1.0),
        base=None,
    )
    language_styles(
        document,
        sizes={"de": body, "ja": 9.0},
        space_after=1,
        kinds={
            "Name": Look(bold=True),
            "Small": Look(size=body - 1.5, color=GRAY, space_after=0),
            "Note": Look(size=body - 1.5, color=RED, space_after=0),
            "Cover Marking": Look(fonts=SANS, bold=True, color=RED),
            # narrow glossary cells: justified short entries would be stretched apart
            "Term": Look(align="left"),
            # a photo caption in a document's table: smaller, upright in Japanese
            "Caption": Look(size=body - 1, italic=True),
        },
    )
    paragraph_style(  # Japanese has no italics: its captions stay upright
        document, "Caption Japanese", Look(size=body - 1, italic=False), base=BODY_STYLES["ja"]
    )
    heading = Look(fonts=SANS, color=BLUE, keep_next=True, bold=True, hyphenate=False)
    for name, size, before, after in (
        ("Title", 24.0, 6.0, 6.0),
        ("Heading 1", 15.0, 0.0, 8.0),
        ("Heading 2", 12.0, 10.0, 6.0),
        ("Heading 3", 10.5, 8.0, 4.0),
    ):
        look = replace(heading, size=size, space_before=before, space_after=after)
        paragraph_style(document, name, look, base="Normal")
    paragraph_style(
        document,
        "Contents Heading",
        Look(outline=9),  # body text level: not listed in its own contents
        base="Heading 1",
    )
    paragraph_style(
        document,
        "Caption",
        Look(fonts=SANS, size=8, color=GRAY, bold=False, keep_next=True, space_after=2),
    )
    for name in ("Table Heading", "Day Heading", "Row Heading"):
        paragraph_style(
            document,
            name,
            Look(
                fonts=SANS,
                size=body - 1,
                bold=True,
                color=BLUE,
                keep_next=True,
                space_after=0,
            ),
        )
    for level, indent in ((1, 0.0), (2, 5.0)):
        paragraph_style(
            document,
            f"toc {level}",
            Look(
                indent=indent,
                tab_right=text_width,
                tab_leader="dot",
                space_after=2,
                bold=level == 1,
            ),
        )
    paragraph_style(document, "Header", Look(fonts=SANS, size=7.5, color=GRAY, align="center"))
    paragraph_style(
        document, "Footer", Look(fonts=SANS, size=7.5, color=GRAY, tab_right=text_width)
    )
    paragraph_style(
        document, "Marking", Look(fonts=SANS, size=8.5, bold=True, color=RED, align="center")
    )
    paragraph_style(document, "Table Text", Look(size=8.5, space_after=0))
    fact_styles(document)
    marks(document)
    table_style(document, "Light Rules", rules="BFBFBF", margins=(0.4 if compact else 0.6, 1.5))


def fact_styles(document: Document) -> None:
    """Add the fact sheet's smaller styles: "Fact Body <Language>", "Fact List …", "Fact Label".

    They are based on the body and list styles, so a font changed there changes them too.
    """
    for lang, language in (("de", "German"), ("ja", "Japanese")):
        # Noto's single line is ~1.4 em, Noto CJK's ~1.45 em: a little under it reads well
        spacing = 0.85 if lang == "ja" else 0.95
        look = Look(size=FACT_SIZE, line_spacing=spacing, space_after=0)
        paragraph_style(document, f"Fact Body {language}", look, base=f"Body {language}")
        paragraph_style(document, f"Fact List {language}", look, base=f"List {language}")
    paragraph_style(document, "Fact Label", Look(size=FACT_SIZE - 0.5), base="Row Heading")
    # the fact sheet's title: listed in the contents like other Heading 2 (its outline level)
    paragraph_style(document, "Fact Heading", Look(size=10, space_before=2), base="Heading 2")
