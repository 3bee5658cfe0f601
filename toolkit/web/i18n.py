"""The web page's words in German, Japanese and English (``messages.toml``), and how a request picks its language.

A ``?ui=de`` link sets the language (kept in a cookie); otherwise the browser's
Accept-Language decides; German is the fallback (the office that runs this is in Germany or
in Japan, and German staff are the larger group).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from ..tomlfile import tomllib

__all__ = ["UI_COOKIE", "UI_LANGS", "pick_language", "translator"]

UI_LANGS = ("de", "ja", "en")
UI_COOKIE = "dejakit_ui"


def _load_messages() -> dict[str, tuple[str, str, str]]:
    """Read ``messages.toml``: one table per key with its German, Japanese and English text."""
    with (Path(__file__).parent / "messages.toml").open("rb") as f:
        tables = tomllib.load(f)
    return {key: (m["de"], m["ja"], m["en"]) for key, m in tables.items()}


# key: (German, Japanese, English); the texts live in a data file translators can edit
MESSAGES: dict[str, tuple[str, str, str]] = _load_messages()


def pick_language(query: str | None, cookie: str | None, accept: str) -> str:
    """Return the interface language: the query's, the cookie's, or the browser's first."""
    for choice in (query, cookie):
        if choice in UI_LANGS:
            return choice
    for part in accept.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in UI_LANGS:
            return code
    return "de"


def translator(lang: str) -> Callable[..., str]:
    """Return ``t(key, **values)`` giving the message `key` in `lang`, filled in."""
    index = UI_LANGS.index(lang) if lang in UI_LANGS else 0

    def t(key: str, **values: object) -> str:
        texts: Mapping[str, tuple[str, str, str]] = MESSAGES
        text = texts[key][index] if key in texts else key
        return text.format(**values) if values else text

    return t
