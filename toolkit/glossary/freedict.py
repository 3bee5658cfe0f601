"""Offline dictionary look-ups in the FreeDict dictionaries Debian installs for dictd.

``dict-freedict-jpn-deu`` (from JMdict/WaDoku), ``dict-freedict-deu-eng`` and
``dict-freedict-jpn-eng`` put ``freedict-*.index`` (headword, offset, length in base64) and
``freedict-*.dict.dz`` (dictzip: gzip in independently compressed chunks) under
``/usr/share/dictd``. An entry is read with the index and the dictzip chunk table, so nothing is
decompressed but what is looked up; German → Japanese reads the Japanese–German dictionary
backwards (there is no German–Japanese FreeDict). The files stay where Debian put them.

    books = Dictionaries.open()               # GlossaryError naming the apt command if missing
    books.ja_to_de(["水素"])                    # {"水素": ["Wasserstoff", "Hydrogen", …]}
    books.de_to_ja(["Wasserstoff"])            # {"wasserstoff": ["水素", …]}
"""

from __future__ import annotations

import bisect
import os
import re
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import GlossaryError

__all__ = ["DICT_DIR", "PACKAGES", "DictFile", "Dictionaries"]

DICT_DIR = Path("/usr/share/dictd")
PACKAGES = ("dict-freedict-jpn-deu", "dict-freedict-deu-eng", "dict-freedict-jpn-eng")
_B64 = {
    c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}
_GENDER = re.compile(r"\((?:m|f|n|pl|adj|adv|v)\)\s*")
_SENSE = re.compile(r"\(\d+\)\s*")
_PAREN = re.compile(r"\([^()]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}")


def _number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64[char]
    return value


class DictFile:
    """One dictd dictionary: entries found through its index, read chunk by chunk."""

    def __init__(self, stem: Path) -> None:
        self.name = stem.name
        self._index = stem.with_name(stem.name + ".index")
        self._data = stem.with_name(stem.name + ".dict.dz")
        self._chunks = self._chunk_table()

    def places(self, words: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
        """Return (offset, size) of the entries of each of `words` (any case), one index pass."""
        wanted = {w.casefold() for w in words}
        found: dict[str, list[tuple[int, int]]] = {}
        with self._index.open(encoding="utf-8") as handle:
            for line in handle:
                word, _, rest = line.partition("\t")
                key = word.casefold()
                if key in wanted:
                    offset, _, size = rest.rstrip("\n").partition("\t")
                    found.setdefault(key, []).append(
                        (_number(offset), _number(size.split("\t")[0]))
                    )
        return found

    def entries(self, words: Iterable[str]) -> dict[str, list[str]]:
        """Return the entry texts of each of `words` that is a headword (any case)."""
        return {
            key: [self.read(o, s) for o, s in places] for key, places in self.places(words).items()
        }

    def _chunk_table(self) -> tuple[int, int, list[int]]:
        """Return (chunk length, data start, compressed chunk sizes) from the dictzip header."""
        with self._data.open("rb") as handle:
            head = handle.read(12)
            if head[:2] != b"\x1f\x8b" or not head[3] & 4:
                raise GlossaryError(f"{self._data}: not a dictzip file; reinstall the package")
            extra_len = struct.unpack("<H", head[10:12])[0]
            extra = handle.read(extra_len)
            flags, position = head[3], 12 + extra_len
            i = 0
            chunk_len, sizes = 0, []
            while i + 4 <= len(extra):
                sub, length = extra[i : i + 2], struct.unpack("<H", extra[i + 2 : i + 4])[0]
                if sub == b"RA":
                    _, chunk_len, count = struct.unpack("<HHH", extra[i + 4 : i + 10])
                    sizes = list(struct.unpack(f"<{count}H", extra[i + 10 : i + 10 + 2 * count]))
                i += 4 + length
            for flag in (8, 16):  # file name, comment: zero-terminated
                if flags & flag:
                    while handle.read(1) not in (b"\x00", b""):
                        position += 1
                    position += 1
            if flags & 2:
                position += 2
        if not sizes:
            raise GlossaryError(f"{self._data}: no dictzip chunk table; reinstall the package")
        return chunk_len, position, sizes

    def read(self, offset: int, size: int) -> str:
        """Return the entry text at `offset` (of the uncompressed data), `size` bytes long."""
        chunk_len, start, sizes = self._chunks
        first, last = offset // chunk_len, (offset + size - 1) // chunk_len
        out = bytearray()
        with self._data.open("rb") as handle:
            handle.seek(start + sum(sizes[:first]))
            for n in range(first, last + 1):
                out += zlib.decompressobj(-15).decompress(handle.read(sizes[n]))
        skip = offset - first * chunk_len
        return bytes(out[skip : skip + size]).decode("utf-8", "replace")

    def search(self, words: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """Return, per German word, the (headword, entry) pairs whose text names it.

        One pass over the whole decompressed dictionary (there is no reverse index).
        """
        import gzip

        wanted = sorted({w for w in words if w}, key=len, reverse=True)
        if not wanted:
            return {}
        raw = gzip.decompress(self._data.read_bytes())
        bounds: list[tuple[int, int, str]] = []  # (offset, size, headword), entry by entry
        with self._index.open(encoding="utf-8") as handle:
            for line in handle:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3 and not parts[0].startswith("00-database"):
                    bounds.append((_number(parts[1]), _number(parts[2]), parts[0]))
        bounds.sort()
        starts = [b[0] for b in bounds]
        pattern = re.compile(
            r"(?<![\w-])(" + "|".join(map(re.escape, wanted)) + r")(?![\w-])", re.IGNORECASE
        )
        found: dict[str, list[tuple[str, str]]] = {}
        seen: set[tuple[str, int]] = set()
        # The index counts bytes: searched as latin-1 (one char per byte), offsets stay bytes.
        text = raw.decode("latin-1")
        encoded = re.compile(pattern.pattern.encode().decode("latin-1"), re.IGNORECASE)
        for match in encoded.finditer(text):
            at = bisect.bisect_right(starts, match.start()) - 1
            if at < 0:
                continue
            offset, size, headword = bounds[at]
            key = match.group(1).encode("latin-1").decode("utf-8", "replace").casefold()
            if match.start() >= offset + size or (key, offset) in seen:
                continue
            seen.add((key, offset))
            entry = raw[offset : offset + size].decode("utf-8", "replace")
            found.setdefault(key, []).append((headword, entry))
        return found


@dataclass
class Dictionaries:
    """The FreeDict dictionaries that `glossary suggest` draws on."""

    jpn_deu: DictFile
    deu_eng: DictFile | None
    jpn_eng: DictFile | None

    @classmethod
    def open(cls, folder: Path | None = None) -> Dictionaries:
        """Return the dictionaries in `folder` ($DEJAKIT_DICT_DIR, else /usr/share/dictd)."""
        base = folder or Path(os.environ.get("DEJAKIT_DICT_DIR") or DICT_DIR)
        stem = base / "freedict-jpn-deu"
        if not stem.with_name(stem.name + ".index").is_file():
            raise GlossaryError(
                f"{base}: the FreeDict Japanese–German dictionary is not installed; install it "
                f"with: apt-get install {' '.join(PACKAGES)}"
            )

        def optional(name: str) -> DictFile | None:
            path = base / name
            return DictFile(path) if path.with_name(name + ".index").is_file() else None

        return cls(DictFile(stem), optional("freedict-deu-eng"), optional("freedict-jpn-eng"))

    def ja_to_de(self, words: Iterable[str]) -> dict[str, list[str]]:
        """Return German equivalents of Japanese `words`, the first sense first."""
        return {k: _senses(v) for k, v in self.jpn_deu.entries(words).items()}

    def ja_to_en(self, words: Iterable[str]) -> dict[str, list[str]]:
        """Return English equivalents of Japanese `words`."""
        if self.jpn_eng is None:
            return {}
        return {k: _senses(v) for k, v in self.jpn_eng.entries(words).items()}

    def de_to_en(self, words: Iterable[str]) -> dict[str, list[str]]:
        """Return English equivalents of German `words`."""
        if self.deu_eng is None:
            return {}
        out: dict[str, list[str]] = {}
        for key, entries in self.deu_eng.entries(words).items():
            found: list[str] = []
            for entry in entries:
                for line in entry.splitlines()[1:]:
                    line = _PAREN.sub("", line).strip()
                    if line and not line.startswith(("see:", "Note:", "Synonym", '"')):
                        line = re.sub(r"\s+([,;])", r"\1", line)
                        found += [p.strip() for p in re.split(r"[;,]", line) if p.strip()]
            out[key] = list(dict.fromkeys(found))
        return out

    def de_to_ja(self, words: Iterable[str]) -> dict[str, list[str]]:
        """Return, per German word, Japanese headwords that give it as a main equivalent.

        The Japanese–German dictionary read backwards: a headword counts where the word is
        among its first three equivalents; common words (JMdict's news1/ichi1) come first.
        """
        out: dict[str, list[str]] = {}
        for key, hits in self.jpn_deu.search(words).items():
            ranked = []
            for headword, entry in hits:
                senses = [s.casefold() for s in _senses([entry])[:3]]
                if key in senses:
                    ranked.append((senses.index(key), _priority(entry), len(headword), headword))
            out[key] = list(dict.fromkeys(h for *_, h in sorted(ranked)))
        return out


def _priority(entry: str) -> str:
    """Return "0" for a common word (JMdict's news1/ichi1 marks), else "1"."""
    return "0" if "[news1]" in entry or "[ichi1]" in entry else "1"


def _senses(entries: list[str]) -> list[str]:
    """Return the equivalents listed in dictd `entries`, in order, without grammar notes."""
    out: list[str] = []
    for entry in entries:
        for line in entry.splitlines()[1:]:
            line = re.sub(r"^\d+\.\s*", "", line.strip())  # "2. putting in place, …"
            if not line or (line.startswith("(") and line.endswith(")") and "," not in line):
                continue  # a part-of-speech line: (noun (common) (futsuumeishi))
            line = re.sub(
                r"\{[^}]*\}[^(,;]*(?=\()", "", line
            )  # "{エナジー}Energie(f) …": a spelling
            line = re.sub(r"\(?Note:[^()]*\)?", "", line)  # "word usually written using kana"
            line = _SENSE.sub("; ", _GENDER.sub("", line))
            line = _PAREN.sub("", line)
            for part in re.split(r"[;,]", line):
                part = " ".join(part.split()).strip(" .")
                if part and any(c.isalpha() for c in part):
                    out.append(part)
    return list(dict.fromkeys(out))
