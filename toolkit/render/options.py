"""How a handout is laid out and printed: one frozen value that every renderer reads.

`RenderOptions` travels through ``render_document(doc, path, options=...)``, in the `RenderJob`
every writer gets, to the HTML, PDF and DOCX renderers alike, so a layout means the same thing in
every output format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from ..errors import ConfigError
from ..model import Lang

__all__ = [
    "DEFAULT_NOTICE",
    "FIRSTS",
    "LAYOUTS",
    "PAPERS",
    "PDF_VARIANTS",
    "PDF_VARIANT_NAMES",
    "First",
    "Layout",
    "Orientation",
    "Paper",
    "PdfVariant",
    "RenderOptions",
    "render_options_from_names",
]

Layout = Literal["side-by-side", "interleaved", "target-only"]
First = Literal["source", "target", "de", "ja"]
Paper = Literal["a4", "letter"]
Orientation = Literal["portrait", "landscape"]
PdfVariant = Literal["pdf/ua-1", "pdf/a-3u", "none"]

LAYOUTS: tuple[Layout, ...] = get_args(Layout)
FIRSTS: tuple[First, ...] = get_args(First)
PAPERS: tuple[Paper, ...] = get_args(Paper)
PDF_VARIANTS: tuple[PdfVariant, ...] = get_args(PdfVariant)
# The short names the CLI takes, for the PDF flavours WeasyPrint writes.
PDF_VARIANT_NAMES: dict[str, PdfVariant] = {"ua": "pdf/ua-1", "a3u": "pdf/a-3u", "none": "none"}

DEFAULT_NOTICE = "Arbeitsübersetzung – 仮訳"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """The layout, paper and marking of a parallel-text handout (defaults: A4 side by side)."""

    layout: Layout = "side-by-side"
    first: First = "source"  # which language comes first (left column, or first paragraph)
    paper: Paper = "a4"
    orientation: Orientation = "portrait"
    pivot_column: bool = False  # add the English pivot text for interpreters
    notice: str = DEFAULT_NOTICE  # footer line on every page; "" for none
    classification: str = ""  # e.g. "VS – NUR FÜR DEN DIENSTGEBRAUCH", top and bottom
    pdf_variant: PdfVariant = "pdf/ua-1"  # tagged PDF/UA-1, archival PDF/A-3u, or plain
    author: str = ""  # issuer, for the document metadata
    keywords: tuple[str, ...] = ()  # extra keywords for the document metadata
    keep_furniture: bool = False  # print site furniture (breadcrumbs, labels) read with the text

    def __post_init__(self) -> None:
        for name, value, allowed in (
            ("layout", self.layout, LAYOUTS),
            ("first", self.first, FIRSTS),
            ("paper", self.paper, PAPERS),
            ("orientation", self.orientation, get_args(Orientation)),
            ("pdf_variant", self.pdf_variant, PDF_VARIANTS),
        ):
            if value not in allowed:
                raise ConfigError(
                    f"render option {name}={value!r} is unknown; use one of {', '.join(allowed)}"
                )
        for name, text in (("notice", self.notice), ("classification", self.classification)):
            if "\n" in text or "\r" in text:
                raise ConfigError(f"render option {name} has a line break; give one line of text")

    def source_first(self, source_lang: Lang) -> bool:
        """Return whether the source language comes first for a document in `source_lang`."""
        return self.first in ("source", source_lang)


def render_options_from_names(
    *,
    layout: str = "side-by-side",
    first: str = "source",
    paper: str = "a4",
    landscape: bool = False,
    pivot_column: bool = False,
    notice: str = DEFAULT_NOTICE,
    classification: str = "",
    pdf_variant: str = "ua",
    author: str = "",
    keep_furniture: bool = False,
) -> RenderOptions:
    """Return the `RenderOptions` that the user-facing option names give (``--layout``,
    ``--landscape``, ``--pdf-variant ua``, … of ``dejakit translate`` and the web page's form).

    Raises `ConfigError` naming the option when a value is not one of its choices.
    """
    if pdf_variant not in PDF_VARIANT_NAMES:
        raise ConfigError(
            f"render option pdf_variant={pdf_variant!r} is unknown; "
            f"use one of {', '.join(PDF_VARIANT_NAMES)}"
        )
    return RenderOptions(
        layout=layout,  # type: ignore[arg-type]  # __post_init__ checks every choice
        first=first,  # type: ignore[arg-type]
        paper=paper,  # type: ignore[arg-type]
        orientation="landscape" if landscape else "portrait",
        pivot_column=pivot_column,
        notice=notice.strip(),
        classification=classification.strip(),
        pdf_variant=PDF_VARIANT_NAMES[pdf_variant],
        keep_furniture=keep_furniture,
        author=author.strip(),
    )
