"""The print fonts and the font preflight: every character must have a glyph before we print.

WeasyPrint only logs a missing glyph and prints tofu (or falls back to whatever font fontconfig
finds, which may not embed cleanly). The preflight resolves the chosen families to font files the
way WeasyPrint does (fontconfig, ``fc-match``), reads their character maps with fontTools (once
per process) and names every character none of them can draw, with the segment it sits in.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError

__all__ = [
    "SANS",
    "SERIF",
    "FontStack",
    "Missing",
    "check_glyphs",
    "find_missing",
    "font_coverage",
    "font_file",
]


@dataclass(frozen=True, slots=True)
class FontStack:
    """A Latin family and the Japanese family that set one kind of text."""

    latin: str
    cjk: str

    @property
    def families(self) -> tuple[str, str]:
        """Return both family names, Latin first."""
        return (self.latin, self.cjk)


# templates/parallel.css names the same families; tests/render/test_fonts.py keeps them in step.
SERIF = FontStack("Noto Serif", "Noto Serif CJK JP")  # running text
SANS = FontStack("Noto Sans", "Noto Sans CJK JP")  # headings, labels, page margins

_PACKAGES = {"Noto Serif CJK JP": "fonts-noto-cjk", "Noto Sans CJK JP": "fonts-noto-cjk"}


@dataclass(frozen=True, slots=True)
class Missing:
    """A character no font of its stack can draw, and where it first occurs."""

    char: str
    where: str

    def __str__(self) -> str:
        name = unicodedata.name(self.char, "")
        shown = self.char if self.char.isprintable() else ""
        label = f"U+{ord(self.char):04X} {shown}".rstrip()
        return f"{label} ({name.lower()}) in {self.where}" if name else f"{label} in {self.where}"


@functools.cache
def font_file(family: str) -> tuple[Path, int]:
    """Return the font file and face index fontconfig resolves `family` (regular) to."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise RenderError("fc-match: not found; install fontconfig (apt-get install fontconfig)")
    result = subprocess.run(
        [fc_match, "-f", "%{file}\n%{index}\n%{family}", f"{family}:style=Regular"],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) < 3:
        raise RenderError(f"fc-match {family!r}: failed ({result.stderr.strip() or 'no output'})")
    path, index, families = lines[0], lines[1], lines[2].split(",")
    if family not in families:
        package = _PACKAGES.get(family, "fonts-noto-core")
        raise RenderError(
            f"font {family!r}: not installed (fontconfig offers {families[0]!r}); "
            f"install it (apt-get install {package})"
        )
    return Path(path), int(index or 0)


@functools.cache
def font_coverage(family: str) -> frozenset[int]:
    """Return the code points `family` has glyphs for (read once per process)."""
    from fontTools.ttLib import TTFont

    path, index = font_file(family)
    try:
        font = TTFont(str(path), fontNumber=index, lazy=True)
        try:
            cmap = font.getBestCmap() or {}
        finally:
            font.close()
    except Exception as exc:  # fontTools raises many kinds on a broken file
        raise RenderError(f"{path}: can't read the font's character map ({exc})") from None
    return frozenset(cmap)


def _ignorable(char: str) -> bool:
    """Return whether `char` needs no glyph: white space, controls, format characters."""
    if char.isspace():
        return True
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def find_missing(
    items: Iterable[tuple[str, str, FontStack]],
) -> list[Missing]:
    """Return the characters of `items` ((where, text, stack)) their stack can't draw.

    Each character is reported once, at its first occurrence.
    """
    seen: set[str] = set()
    missing: list[Missing] = []
    coverage: dict[FontStack, frozenset[int]] = {}
    for where, text, stack in items:
        if stack not in coverage:
            coverage[stack] = font_coverage(stack.latin) | font_coverage(stack.cjk)
        covered = coverage[stack]
        for char in dict.fromkeys(text):
            if char in seen or ord(char) in covered or _ignorable(char):
                continue
            seen.add(char)
            missing.append(Missing(char, where))
    return missing


def check_glyphs(items: Iterable[tuple[str, str, FontStack]], *, path: Path) -> None:
    """Raise `RenderError` naming the characters of `items` no chosen font can draw."""
    missing = find_missing(items)
    if not missing:
        return
    shown = "; ".join(str(m) for m in missing[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    families = ", ".join(dict.fromkeys(f for s in (SERIF, SANS) for f in s.families))
    raise RenderError(
        f"{path}: no print font has a glyph for {shown}{more}; replace or remove these "
        f"characters in the source or translation (the handout prints only with {families})"
    )
