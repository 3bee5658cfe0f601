"""The web page's private folder: generated names, checked ids, bounded size."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import IngestError
from toolkit.web.workspace import (
    UploadRejected,
    Workspace,
    check_inside,
    download_name,
    store_upload,
)


def test_old_folders_are_dropped_with_their_records(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path, keep=3)
    ids = [workspace.new_folder()[0] for _ in range(5)]
    assert sorted(p.name for p in workspace.root.iterdir()) == sorted(ids[2:])
    workspace.remove()
    assert not workspace.root.exists()


def test_ids_must_be_32_hex_digits(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    for bad in ("..", "../x", "A" * 32, "0" * 31, "0" * 32 + "/"):
        assert workspace.get(bad) is None


def test_store_upload_generates_names(tmp_path: Path) -> None:
    first, shown = store_upload(b"Hallo.", "../../a.txt", tmp_path, limit=100, suffixes=(".txt",))
    second, _ = store_upload(b"Hallo.", "a.txt", tmp_path, limit=100, suffixes=(".txt",))
    assert (first.name, second.name, shown) == ("upload.txt", "upload1.txt", "a.txt")
    with pytest.raises(UploadRejected):
        store_upload(b"x" * 101, "a.txt", tmp_path, limit=100, suffixes=(".txt",))


def test_check_inside(tmp_path: Path) -> None:
    check_inside(tmp_path / "a" / ".." / "b.txt", tmp_path)
    with pytest.raises(IngestError, match="outside"):
        check_inside(tmp_path / ".." / "b.txt", tmp_path)
    (tmp_path / "link.txt").symlink_to("/etc/hostname")
    with pytest.raises(IngestError, match="outside"):
        check_inside(tmp_path / "link.txt", tmp_path)


def test_download_name() -> None:
    assert download_name("Pressemitteilung März.docx", ".ja.pdf") == "Pressemitteilung März.ja.pdf"
    assert download_name("報道発表.txt", ".de.docx") == "報道発表.de.docx"
    assert download_name('"".txt', ".pdf") == "document.pdf"
