"""German hyphenation as LibreOffice does it: libhyphen on Debian's patterns, compounds first.

pyphen (WeasyPrint's own hyphenator) misreads the German pattern files („Ener-gie-be-da-rfs“,
„Zu-sam-me-n-a-r-beit“); libhyphen, which reads the same ``hyph_de_DE.dic`` (Debian
``hyphen-de``), gets them right („ener-gie-be-darfs“). Patterns alone still miss some joints of
compounds („kli-maf-reund-li-cher“), so a word is first split at its joints by a small lexicon of
compound elements (``de_parts.txt`` plus the glossary's German words), and each part is
hyphenated alone. Names, brands, URLs, e-mail addresses and words with digits are never
hyphenated. `soft_hyphenate` puts U+00AD at the points; the stylesheet sets ``hyphens:
manual``, so a hyphen shows only where a line breaks and the text stays whole words.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import itertools
import re
from collections.abc import Collection, Iterable
from pathlib import Path

from ..errors import ToolkitError

__all__ = [
    "MIN_LEFT",
    "MIN_RIGHT",
    "MIN_WORD",
    "SOFT_HYPHEN",
    "hyphen_points",
    "hyphenation_available",
    "known_word",
    "soft_hyphenate",
]

SOFT_HYPHEN = "\u00ad"
# A typesetter's limits: words of 6+ letters, 3 letters at least on each side of a break.
MIN_WORD, MIN_LEFT, MIN_RIGHT = 6, 3, 3
PATTERN_FILES = (
    Path("/usr/share/hyphen/hyph_de_DE.dic"),
    Path("/usr/share/hyphen/hyph_de.dic"),
)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
# Stretches never hyphenated: URLs, e-mail addresses, words with digits, dots or inner capitals
# (brands: „NRW.Energy4Climate“, „eMobility“), all-capital abbreviations.
_UNTOUCHABLE = re.compile(
    r"\S+@\S+|(?:https?://|www\.)\S+|\S*[A-Za-zÄÖÜäöüß]\d\S*|\S*\d[A-Za-zÄÖÜäöüß]\S*"
    r"|\w+\.\w+(?:\.\w+)*|\b\w*[a-zäöüß][A-ZÄÖÜ]\w*|\b[A-ZÄÖÜ]{2,}\w*"
)
_FUGEN = ("s", "es", "n", "en", "er", "e", "")
_ENDINGS = ("", "e", "n", "s", "en", "er", "es", "em", "ern", "ens", "in", "innen", "nen", "r")


class _Hyphenator:
    """libhyphen loaded with one pattern file."""

    def __init__(self, lib: ctypes.CDLL, patterns: Path) -> None:
        lib.hnj_hyphen_load.restype = ctypes.c_void_p
        lib.hnj_hyphen_load.argtypes = [ctypes.c_char_p]
        lib.hnj_hyphen_hyphenate2.restype = ctypes.c_int
        lib.hnj_hyphen_hyphenate2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.hnj_hyphen_hyphenate2.argtypes += [ctypes.c_char_p, ctypes.c_char_p]
        lib.hnj_hyphen_hyphenate2.argtypes += [ctypes.c_void_p] * 3
        self._lib = lib
        self._dict = lib.hnj_hyphen_load(str(patterns).encode())
        if not self._dict:
            raise OSError(f"{patterns}: libhyphen can't read the patterns")
        # The file's first line names its encoding (ISO8859-1 for Debian's German patterns).
        first = patterns.read_bytes().split(b"\n", 1)[0].strip().decode("ascii", "replace")
        self._encoding = "utf-8" if first.upper() == "UTF-8" else "latin-1"

    def points(self, word: str) -> list[int]:
        """Return the offsets in `word` after which the patterns allow a break."""
        try:
            raw = word.lower().encode(self._encoding)
        except UnicodeEncodeError:
            return []
        if self._encoding == "utf-8" and len(raw) != len(word):
            return []  # byte offsets would not be character offsets
        hyphens = ctypes.create_string_buffer(len(raw) + 5)
        rep, pos, cut = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
        self._lib.hnj_hyphen_hyphenate2(
            self._dict, raw, len(raw), hyphens, None, ctypes.byref(rep), ctypes.byref(pos),
            ctypes.byref(cut),
        )  # fmt: skip
        return [i + 1 for i, flag in enumerate(hyphens.raw[: len(raw) - 1]) if flag & 1]


@functools.cache
def _hyphenator() -> _Hyphenator | None:
    name = ctypes.util.find_library("hyphen") or "libhyphen.so.0"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    for patterns in PATTERN_FILES:
        if patterns.is_file():
            try:
                return _Hyphenator(lib, patterns)
            except OSError:
                continue
    return None


def hyphenation_available() -> bool:
    """Return whether libhyphen and the German patterns are installed."""
    return _hyphenator() is not None


@functools.cache
def _lexicon() -> frozenset[str]:
    """Return the known compound elements: ``de_parts.txt`` and the glossary's German words."""
    words = {
        line.strip().lower()
        for line in (Path(__file__).with_name("de_parts.txt")).read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    try:
        from ..glossary.load import default_glossary
        from ..glossary.model import NAME_TYPES

        entries = default_glossary().entries
        names = {w.lower() for e in entries if e.type in NAME_TYPES for w in _WORD.findall(e.de)}
        # „Fukushima“ in the term „REIF Fukushima“ is a name, not a compound element.
        for entry in entries:
            if entry.type == "term":
                found = {w.lower() for w in _WORD.findall(entry.de) if len(w) >= 4}
                words.update(found - names)
    except ToolkitError:  # a broken glossary must not stop printing
        pass
    return frozenset(words)


def _known(part: str, *, last: bool) -> bool:
    lexicon = _lexicon()
    if last:
        return any(part.endswith(e) and part[: len(part) - len(e)] in lexicon for e in _ENDINGS)
    return any(part.endswith(f) and part[: len(part) - len(f)] in lexicon for f in _FUGEN)


@functools.cache
def _joints(word: str) -> tuple[int, ...]:
    """Return the offsets of the joints of compound `word` (lower case), or () when unknown."""
    n = len(word)
    # best[i]: the fewest parts that make up word[:i] (None: can't), with their joints
    best: list[tuple[int, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(4, n + 1):
        for start in range(0, end - 3):
            prev = best[start]
            if prev is None or (start and start < 4):
                continue
            if not _known(word[start:end], last=end == n):
                continue
            joints = (*prev, start) if start else prev
            current = best[end]
            if current is None or len(joints) < len(current):
                best[end] = joints
    found = best[n]
    return found if found else ()


def known_word(word: str) -> bool:
    """Return whether `word` is a known German word or a compound of known elements."""
    lower = word.lower()
    return _known(lower, last=True) or bool(_joints(lower))


@functools.cache
def hyphen_points(word: str) -> tuple[int, ...]:
    """Return where `word` (letters only) may break: its compound joints, then the patterns."""
    hyphenator = _hyphenator()
    if hyphenator is None or len(word) < MIN_WORD:
        return ()
    lower = word.lower()
    joints = _joints(lower)
    points: set[int] = set(joints)
    bounds = (0, *joints, len(word))
    for start, end in itertools.pairwise(bounds):
        part = lower[start:end]
        points.update(start + p for p in hyphenator.points(part) if 2 <= p <= len(part) - 2)
    return tuple(sorted(p for p in points if MIN_LEFT <= p <= len(word) - MIN_RIGHT))


def soft_hyphenate(
    text: str, *, keep: Iterable[tuple[int, int]] = (), names: Collection[str] = ()
) -> str:
    """Return `text` with soft hyphens where its German words may break.

    Nothing is inserted inside the `keep` spans (protected units), inside a word in `names`
    (persons, places, organisations, brands), a URL, an e-mail address or a brand-like word.
    """
    if _hyphenator() is None or not text:
        return text
    blocked = [(m.start(), m.end()) for m in _UNTOUCHABLE.finditer(text)]
    blocked.extend(keep)
    out: list[str] = []
    at = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < MIN_WORD or word in names:
            continue
        start, end = match.span()
        if any(s < end and start < e for s, e in blocked):
            continue
        points = hyphen_points(word)
        if not points:
            continue
        out.append(text[at:start])
        last = 0
        for p in points:
            out.append(word[last:p] + SOFT_HYPHEN)
            last = p
        out.append(word[last:])
        at = end
    out.append(text[at:])
    return "".join(out)
