"""argostranslate.translate itself, run offline: the reference dejakit's engine must equal.

The alternative bench/translate_speed.py measures against, and the reference of
tests/engines/test_equivalence.py.

argostranslate 1.11 splits sentences with MiniSBD, which downloads a model on first use, and it
reads its packages folder once, at import. `reference_translator` points it at `packages` and
gives every installed translation an offline sentence splitter (dejakit's own segmenter), then
returns ``argostranslate.translate.translate`` — the function Argos users call.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from toolkit import split_text


class OfflineSplitter:
    """Argos' sentencizer interface over dejakit's lossless segmenter."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in ("de", "ja") else "de"

    def split_sentences(self, text: str) -> list[str]:
        """Return the sentences of `text`, trimmed as Argos' own splitters return them."""
        return [s.strip() for s in split_text(text, self.lang) if s.strip()]  # type: ignore[arg-type]


def reference_translator(packages: Path) -> Callable[[str, str, str], str]:
    """Return argostranslate.translate.translate, reading `packages`, offline."""
    from argostranslate import settings

    settings.package_data_dir = packages
    settings.package_dirs = [packages]
    import argostranslate.translate as argos_translate

    argos_translate.installed_translates.clear()
    argos_translate.get_installed_languages.cache_clear()
    argos_translate.get_installed_languages()
    for installed in argos_translate.installed_translates:
        underlying = installed.cached_translation.underlying
        underlying.sentencizer = OfflineSplitter(underlying.pkg.from_code)
    return argos_translate.translate  # type: ignore[no-any-return]
