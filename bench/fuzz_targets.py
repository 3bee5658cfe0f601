"""Fuzz targets: every reader and loader fed arbitrary bytes, and a mutator to make them.

Shared by the Hypothesis tests (tests/robustness/test_fuzz.py) and the long run
(bench/fuzz.py). A target returns normally or raises a `ToolkitError`; any other exception is
an escape, i.e. a bug. Targets also check that reading is lossless where the format allows.
"""

from __future__ import annotations

import random
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from toolkit import Glossary, Lang, ToolkitError

__all__ = ["TARGETS", "Escape", "make_input", "mutate", "run_target", "seed_inputs"]

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

# Characters that break parsers: markup, quoting, TOML syntax, controls, surrogates, bidi.
NASTY = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    "\n",
    "\r",
    "\t",
    "\\",
    "#",
    "*",
    "`",
    "\x00",
    "\x0b",
    "\x1f",
    "\x7f",
    "\x85",
    "\u2028",
    "\ud800",
    "\udfff",
    "\ufeff",
    "\u202e",
    "\u200b",
    "。",
    "「",
    "」",
    "ｱ",
    "\u3000",
    "&lol;",
    "<!DOCTYPE x [<!ENTITY a 'b'>]>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    '"""',
    "'''",
    "\\u",
    "%",
    "\u0301",
    "😀",
    "\uffff",
]


class Escape(Exception):
    """A target raised something other than a ToolkitError (or broke its invariant)."""


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _visible(text: str) -> str:
    return re.sub(r"\s", "", text)


def _text_reader(suffix: str) -> Callable[[bytes, Path], None]:
    def target(data: bytes, folder: Path) -> None:
        from toolkit import decode_text, read_document, sanitize_text

        path = _write(folder, f"in{suffix}", data)
        doc = read_document(path)
        if suffix == ".txt":
            # Lossless: every visible character of the (sanitised) input is in a segment.
            expected = _visible(sanitize_text(decode_text(data, path), "x"))
            got = _visible("".join(s.source for s in doc.segments()))
            if unicodedata.normalize("NFC", got) != unicodedata.normalize("NFC", expected):
                raise Escape(f"text reader lost or changed characters: {expected!r} → {got!r}")

    return target


def _docx(data: bytes, folder: Path) -> None:
    from toolkit import read_document

    read_document(_write(folder, "in.docx", data))


def _tmx(data: bytes, folder: Path) -> None:
    from toolkit import read_tmx

    read_tmx(_write(folder, "in.tmx", data))


def _tbx(data: bytes, folder: Path) -> None:
    from toolkit import read_tbx

    read_tbx(_write(folder, "in.tbx", data))


def _csv(data: bytes, folder: Path) -> None:
    from toolkit import read_glossary_csv

    read_glossary_csv(_write(folder, "in.csv", data))


def _glossary(data: bytes, folder: Path) -> None:
    from toolkit import load_glossaries

    load_glossaries([_write(folder, "in.toml", data)])


def _manifest(data: bytes, folder: Path) -> None:
    from toolkit import read_manifest

    for name in ("mou-nrw-fukushima-2026.toml", "pm-wasserstoff-de.txt"):
        target = folder / name
        if not target.exists():
            target.write_bytes((SAMPLES / name).read_bytes())
    read_manifest(_write(folder, "pack.toml", data), glossary=_glossary_cache())


def _glossary_cache() -> Glossary:
    from toolkit import default_glossary

    return default_glossary()


def _mou(data: bytes, folder: Path) -> None:
    from toolkit import read_document

    read_document(_write(folder, "mou.toml", data))  # an MoU summary: the MoU reader


def _segment(data: bytes, folder: Path) -> None:
    from toolkit import split_text

    text = data.decode("utf-8", "replace")
    langs: tuple[Lang, ...] = ("de", "ja")
    for lang in langs:
        if "".join(split_text(text, lang)) != text:
            raise Escape(f"segmenter lost text ({lang}): {text!r}")


TARGETS: dict[str, Callable[[bytes, Path], None]] = {
    "txt": _text_reader(".txt"),
    "md": _text_reader(".md"),
    "html": _text_reader(".html"),
    "docx": _docx,
    "tmx": _tmx,
    "tbx": _tbx,
    "csv": _csv,
    "glossary": _glossary,
    "manifest": _manifest,
    "mou": _mou,
    "segment": _segment,
}


def run_target(name: str, data: bytes, folder: Path | None = None) -> str:
    """Feed `data` to target `name`; return "ok" or "refused"; raise Escape on a bug."""
    with tempfile.TemporaryDirectory(prefix="dejakit-fuzz-") as tmp:
        try:
            TARGETS[name](data, folder or Path(tmp))
        except ToolkitError:
            return "refused"
        except Escape:
            raise
        except RecursionError as exc:  # also a bug, but say which
            raise Escape(f"{name}: RecursionError: {exc}") from exc
        except Exception as exc:
            raise Escape(f"{name}: {type(exc).__name__}: {exc}") from exc
    return "ok"


def _small_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Wasserstoff aus Fukushima", style="Title")
    document.add_paragraph("Die Ministerin reist nach Japan. 福島県と協力する。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Kontakt"
    table.rows[0].cells[1].text = "presse@example.org"
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_with_main(xml: bytes) -> bytes:
    src = zipfile.ZipFile(BytesIO(_small_docx()))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = xml if item.filename == "word/document.xml" else src.read(item.filename)
            dst.writestr(item.filename, data)
    return out.getvalue()


def seed_inputs() -> dict[str, list[bytes]]:
    """Return valid inputs per target, from the samples: the mutator starts from these."""

    def read(name: str) -> bytes:
        return (SAMPLES / name).read_bytes()

    tmx = [read(p.name) for p in sorted(SAMPLES.glob("*.tmx"))[:2]]
    tbx = (
        '<?xml version="1.0"?><!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'
        '<martif type="TBX-Basic"><text><body><termEntry id="c1">'
        '<langSet xml:lang="de"><tig><term>Wasserstoff</term></tig></langSet>'
        '<langSet xml:lang="ja"><tig><term>水素</term></tig></langSet></termEntry>'
        "</body></text></martif>"
    ).encode()
    docx_main = zipfile.ZipFile(BytesIO(_small_docx())).read("word/document.xml")
    return {
        "txt": [read("pm-wasserstoff-de.txt"), read("pr-fukushima-ja.txt")],
        "md": [read("pm-medizintechnik-de.md")],
        "html": [b"<html><body><h1>Titel</h1><p>Ein Satz. Noch einer.</p></body></html>"],
        "docx": [_small_docx(), _docx_with_main(docx_main)],
        "tmx": tmx,
        "tbx": [tbx],
        "csv": ['de,ja\nWasserstoff,水素\n"Brennstoff, Zelle",燃料電池\n'.encode()],
        "glossary": [(ROOT / "glossaries" / "energy.toml").read_bytes()[:4000]],
        "manifest": [read("pack.toml")],
        "mou": [read("mou-nrw-fukushima-2026.toml")],
        "segment": [read("pr-fukushima-ja.txt"), read("pm-wasserstoff-de.txt")[:1500]],
    }


_SEEDS: dict[str, list[bytes]] = {}


def make_input(name: str, rng: random.Random) -> bytes:
    """Return a generated input for target `name`: a seed, mutated (DOCX: inside or outside)."""
    if not _SEEDS:
        _SEEDS.update(seed_inputs())
    seed = rng.choice(_SEEDS[name])
    if name == "docx" and rng.random() < 0.7:
        # Mostly edit the main part and zip it again: a byte flip in the zip only tests CRCs.
        main = zipfile.ZipFile(BytesIO(seed)).read("word/document.xml")
        return _docx_with_main(mutate(main, rng))
    return mutate(seed, rng, binary=name == "docx")


def mutate(data: bytes, rng: random.Random, *, binary: bool = False) -> bytes:
    """Return `data` changed by 1–4 random edits (cut, insert nasty text, repeat, flip)."""
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3, 4))):
        op = rng.randrange(6)
        pos = rng.randrange(len(out) + 1)
        if op == 0 and out:  # delete a range
            end = min(len(out), pos + rng.randint(1, 64))
            del out[pos:end]
        elif op == 1:  # insert something nasty
            text = rng.choice(NASTY)
            out[pos:pos] = text.encode("utf-8", "surrogatepass")
        elif op == 2 and out:  # repeat a range
            end = min(len(out), pos + rng.randint(1, 32))
            out[pos:pos] = out[pos:end] * rng.randint(2, 20)
        elif op == 3 and out and binary:  # flip bytes
            for i in range(pos, min(len(out), pos + rng.randint(1, 8))):
                out[i] ^= rng.randrange(1, 256)
        elif op == 4:  # truncate
            out = out[:pos]
        else:  # random bytes
            out[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(out)
