"""The words printed on handouts and briefing packs, in German and Japanese (``labels.toml``).

They live in a data file so that the office can adjust the wording to protocol and to the
partner's usage without touching code; each label is a pair ``(German, Japanese)``.
"""

from __future__ import annotations

from pathlib import Path

import tomllib

__all__ = ["HANDOUT", "PACK", "Pair", "bilingual", "joined"]

Pair = tuple[str, str]  # (German, Japanese)


def _load() -> dict[str, dict[str, Pair]]:
    with (Path(__file__).parent / "labels.toml").open("rb") as f:
        tables = tomllib.load(f)
    return {
        section: {key: (str(value[0]), str(value[1])) for key, value in table.items()}
        for section, table in tables.items()
    }


_TABLES = _load()
HANDOUT: dict[str, Pair] = _TABLES["handout"]  # the parallel-text handout and its QA appendix
PACK: dict[str, Pair] = _TABLES["pack"]  # the briefing pack


def joined(pair: Pair) -> str:
    """Return the label as one line: "QA-Bericht · 品質チェック"."""
    return " · ".join(pair)


def bilingual(pair: Pair) -> tuple[tuple[str, str], tuple[str, str]]:
    """Return the label as parts tagged with their language, for markup that sets ``lang``."""
    return ((pair[0], "de"), (pair[1], "ja"))
