"""Form values → the toolkit's own option values, checked the way the command line checks them.

The download form carries the same choices as ``dejakit translate``'s handout options (same
names, same allowed values, same defaults); `RenderOptions` itself refuses anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import DEFAULT_NOTICE, FIRSTS, LAYOUTS, PAPERS, ConfigError, Lang, RenderOptions
from ..model import LANGS
from ..render.options import render_options_from_names

__all__ = [
    "FIRSTS",
    "FORMATS",
    "LAYOUTS",
    "PAPERS",
    "Download",
    "download_from_form",
    "lang_from_form",
    "render_options_from_form",
]

# format key → (file suffix, media type); the review files go through export_review
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": (".pdf", "application/pdf"),
    "docx": (
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "html": (".html", "text/html; charset=utf-8"),
    "json": (".json", "application/json"),
    "review": (
        ".review.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xliff": (".xlf", "application/xliff+xml"),
}


@dataclass(frozen=True, slots=True)
class Download:
    """What the download form asks for."""

    format: str
    options: RenderOptions
    qa_appendix: bool


def _text(form: Mapping[str, object], key: str, default: str = "") -> str:
    value = form.get(key, default)
    if not isinstance(value, str):
        raise ConfigError(f"form field {key!r} must be text")
    return value.strip()


def lang_from_form(form: Mapping[str, object], key: str, *, optional: bool = False) -> Lang | None:
    """Return the language field `key` ("de" / "ja"; "" means none when `optional`)."""
    value = _text(form, key)
    if optional and value in ("", "auto"):
        return None
    if value not in LANGS:
        raise ConfigError(f"form field {key}={value!r}: use one of {', '.join(LANGS)}")
    return value  # checked against LANGS


def render_options_from_form(form: Mapping[str, object]) -> RenderOptions:
    """Return the `RenderOptions` the download form names (the CLI's names and defaults)."""
    return render_options_from_names(
        layout=_text(form, "layout", "side-by-side"),
        first=_text(form, "first", "source"),
        paper=_text(form, "paper", "a4"),
        landscape=bool(form.get("landscape")),
        pivot_column=bool(form.get("pivot_column")),
        notice=_text(form, "notice", DEFAULT_NOTICE),
        classification=_text(form, "classification"),
        pdf_variant=_text(form, "pdf_variant", "ua"),
        author=_text(form, "author"),
    )


def download_from_form(form: Mapping[str, object]) -> Download:
    """Return the format and options the download form names."""
    fmt = _text(form, "format", "pdf")
    if fmt not in FORMATS:
        raise ConfigError(f"format={fmt!r}: use one of {', '.join(FORMATS)}")
    return Download(fmt, render_options_from_form(form), bool(form.get("qa_appendix")))
