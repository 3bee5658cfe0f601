"""Broken and hostile Word files: each refused with its own clear IngestError, before parsing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from toolkit.errors import IngestError
from toolkit.ingest import read_document
from toolkit.ingest.docx import check_docx_package
from toolkit.limits import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip(path: Path, members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p, d: p.write_bytes(b""), "empty"),
        (
            lambda p, d: p.write_bytes(d.read_bytes()[: len(d.read_bytes()) // 2]),
            "truncated|damaged",
        ),
        (lambda p, d: p.write_bytes(b"Hallo, ich bin ein Text.\n" * 10), "not a Word document"),
        (lambda p, d: p.write_bytes(OLE_MAGIC + b"\x00" * 1024), "password-protected"),
        (
            lambda p, d: _zip(p, {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<x/>"}),
            "no main part",
        ),
        (
            lambda p, d: _zip(p, {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}),
            "Excel workbook",
        ),
        (
            lambda p, d: _zip(p, {"[Content_Types].xml": b"<T/>", "ppt/presentation.xml": b"<p/>"}),
            "PowerPoint",
        ),
        (lambda p, d: _zip(p, {"readme.txt": b"hallo"}), "not a Word document"),
    ],
    ids=["empty", "truncated", "not-zip", "ole-encrypted", "no-main-part", "xlsx", "pptx", "zip"],
)
def test_broken_docx_refused(tmp_path: Path, plain_docx: Path, make: object, message: str) -> None:
    path = tmp_path / "broken.docx"
    make(path, plain_docx)  # type: ignore[operator]
    with pytest.raises(IngestError, match=message) as info:
        read_document(path)
    assert str(path) in str(info.value)


def test_corrupted_member_is_an_ingest_error(tmp_path: Path, plain_docx: Path) -> None:
    data = bytearray(plain_docx.read_bytes())
    with zipfile.ZipFile(plain_docx) as archive:
        info = archive.getinfo("word/document.xml")
    # Flip bytes inside the compressed data of the main part: the CRC no longer matches.
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    for i in range(start, start + 20):
        data[i] ^= 0x5A
    path = tmp_path / "bitrot.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(IngestError, match=r"bitrot\.docx"):
        read_document(path)


def test_zip_bomb_ratio_refused_before_parsing(tmp_path: Path, plain_docx: Path) -> None:
    with zipfile.ZipFile(plain_docx) as src:
        members = {n: src.read(n) for n in src.namelist()}
    members["word/media/bomb.bin"] = b"\0" * (20 * 1024 * 1024)  # 20 MB of zeros: ~1000:1
    path = _zip(tmp_path / "bomb.docx", members)
    assert path.stat().st_size < 200_000
    with pytest.raises(IngestError, match=r"compressed .*:1.*docx_ratio.*DEJAKIT_MAX_DOCX_RATIO"):
        read_document(path)


def test_unpacked_size_limit(
    tmp_path: Path, plain_docx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEJAKIT_MAX_DOCX_UNPACKED_BYTES", "10000")
    with pytest.raises(IngestError, match="DEJAKIT_MAX_DOCX_UNPACKED_BYTES"):
        read_document(plain_docx)
    monkeypatch.delenv("DEJAKIT_MAX_DOCX_UNPACKED_BYTES")
    assert read_document(plain_docx).title == "Wasserstoff aus Fukushima"


def test_ratio_only_counts_for_large_members(tmp_path: Path) -> None:
    # A 500 kB part of repeated XML compresses ~500:1 and is still a normal Word file.
    members = {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": b'<w:document xmlns:w="urn:w">'
        + b"<w:p/>" * 90_000
        + b"</w:document>",
    }
    path = _zip(tmp_path / "normal.docx", members)
    check_docx_package(path, Limits())


def test_stored_docx_reads(tmp_path: Path, plain_docx: Path) -> None:
    with zipfile.ZipFile(plain_docx) as src:
        members = {n: src.read(n) for n in src.namelist()}
    path = _zip(tmp_path / "stored.docx", members, method=zipfile.ZIP_STORED)
    assert read_document(path).title == "Wasserstoff aus Fukushima"
