"""The memory page: TMX/XLIFF import in one transaction, conflicts shown, TMX export."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.testclient import TestClient

from tests.conftest import SAMPLES
from tests.web.conftest import csrf
from toolkit import TranslationMemory

TMX = SAMPLES / "pm-wasserstoff-de.tmx"


def _import(client: TestClient, *files: tuple[str, bytes]) -> str:
    response = client.post(
        "/memory/import",
        data={"csrf_token": csrf(client)},
        files=[("files", (name, data, "application/x-tmx+xml")) for name, data in files],
    )
    assert response.status_code == 200, response.text
    return response.text


def test_import_shows_counts_then_conflicts(client: TestClient, memory_path: Path) -> None:
    page = _import(client, ("wasserstoff.tmx", TMX.read_bytes()))
    assert "wasserstoff.tmx: " in page
    assert "aktualisiert 0, unverändert 0, Widersprüche 0" in page
    with TranslationMemory(memory_path) as memory:
        assert memory.lookup(["Pressemitteilung"], "de", "ja") == {
            "Pressemitteilung": "プレスリリース"
        }
    other = TMX.read_text(encoding="utf-8").replace(
        "<seg>プレスリリース</seg>", "<seg>報道発表資料</seg>", 1
    )
    other = re.sub(r'<prop type="x-dejakit-origin">[^<]*</prop>', "", other)
    page = _import(client, ("anders.tmx", other.encode()))
    assert "Widersprüche 1" in page
    assert "報道発表資料" in page  # the conflict table shows both versions
    assert "プレスリリース" in page
    assert "(tmx:anders.tmx)" in page  # where it came from: the uploaded name


def test_a_broken_file_stops_the_whole_import(client: TestClient, memory_path: Path) -> None:
    response = client.post(
        "/memory/import",
        data={"csrf_token": csrf(client)},
        files=[
            ("files", ("gut.tmx", TMX.read_bytes(), "application/x-tmx+xml")),
            ("files", ("kaputt.tmx", b"<tmx><body><tu>", "application/x-tmx+xml")),
        ],
    )
    assert response.status_code == 400
    assert "kaputt.tmx" in response.text
    with TranslationMemory(memory_path) as memory:
        assert memory.stats().versions == 0


def test_export_downloads_tmx(client: TestClient) -> None:
    _import(client, ("wasserstoff.tmx", TMX.read_bytes()))
    response = client.post(
        "/memory/export", data={"csrf_token": csrf(client), "direction": "de-ja"}
    )
    assert response.status_code == 200
    assert "memory.de-ja.tmx" in response.headers["content-disposition"]
    assert "<seg>プレスリリース</seg>" in response.text
    wrong = client.post("/memory/export", data={"csrf_token": csrf(client), "direction": "x"})
    assert wrong.status_code == 400


def test_wrong_type_is_refused(client: TestClient) -> None:
    response = client.post(
        "/memory/import",
        data={"csrf_token": csrf(client)},
        files=[("files", ("notizen.txt", b"Hallo", "text/plain"))],
    )
    assert response.status_code == 415
