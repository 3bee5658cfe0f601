"""The interface's words: every message in German, Japanese and English, placeholders alike."""

from __future__ import annotations

import re
import string
from pathlib import Path

from toolkit.resources import template_dir
from toolkit.web.i18n import MESSAGES, pick_language, translator


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_three_languages_with_the_same_placeholders() -> None:
    for key, texts in MESSAGES.items():
        assert all(t.strip() for t in texts), key
        assert _fields(texts[0]) == _fields(texts[1]) == _fields(texts[2]), key


def test_every_key_the_templates_use_exists() -> None:
    used = set()
    for template in Path(template_dir(), "web").glob("*.j2"):
        used |= set(re.findall(r"\bt\([\"']([a-z_.-]+)[\"']", template.read_text(encoding="utf-8")))
    dynamic = {k for k in used if k.endswith(".")}  # t("status." ~ seg.status)
    assert used - dynamic <= set(MESSAGES)
    for prefix in dynamic:
        assert any(k.startswith(prefix) for k in MESSAGES), prefix


def test_language_choice() -> None:
    assert pick_language("ja", "de", "en") == "ja"
    assert pick_language(None, "en", "ja") == "en"
    assert pick_language("xx", None, "ja-JP,ja;q=0.9,en;q=0.8") == "ja"
    assert pick_language(None, None, "fr-FR") == "de"
    assert translator("ja")("job.progress", done=3, total=10) == "10文中3文完了"
