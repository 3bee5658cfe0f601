"""Form values → the toolkit's own option values, checked the way the command line checks them.

The download form carries the same choices as ``dejakit translate``'s handout options (same
names, same allowed values, same defaults); `RenderOptions` itself refuses anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import (
    DEFAULT_NOTICE,
    FIRSTS,
    LAYOUTS,
    PAPERS,
    ConfigError,
    Lang,
    RenderOptions,
    writer_entries,
)
from ..model import LANGS
from ..render.options import render_options_from_names
from ..render.registry import DOCX_MEDIA_TYPE

__all__ = [
    "FIRSTS",
    "LAYOUTS",
    "PAPERS",
    "REVIEW_FORMATS",
    "Download",
    "download_formats",
    "download_from_form",
    "lang_from_form",
    "render_options_from_form",
]

# The review files, which go through export_review and the memory rather than a writer.
REVIEW_FORMATS: dict[str, tuple[str, str]] = {
    "review": (".review.docx", DOCX_MEDIA_TYPE),
    "xliff": (".xlf", "application/xliff+xml"),
}


def download_formats() -> dict[str, tuple[str, str]]:
    """Return format name → (file suffix, media type): every output format, then review files.

    Read from the writer registry on each call, so a format registered by a plugin (see
    CONTRIBUTING.md) is offered on the page as on the command line.
    """
    handouts = {e.name: (e.suffixes[0], e.media_type) for e in writer_entries()}
    return {**handouts, **REVIEW_FORMATS}


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
    formats = download_formats()
    if fmt not in formats:
        raise ConfigError(f"format={fmt!r}: use one of {', '.join(formats)}")
    return Download(fmt, render_options_from_form(form), bool(form.get("qa_appendix")))
