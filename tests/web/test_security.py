"""Shared-instance safety: sign-in, CSRF on every form, upload limits, no request path on the
file system, document text escaped, loopback by default."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from starlette.routing import Route
from starlette.testclient import TestClient

from tests.web.conftest import (
    UPLOAD_LIMIT,
    csrf,
    make_client,
    start_server,
    stop_server,
    translate,
    upload,
)
from toolkit import TranslationMemory
from toolkit.cli import cli
from toolkit.web import Access, load_access
from toolkit.web.security import csrf_ok, is_loopback
from toolkit.web.workspace import display_name

HOSTILE = (
    "Pressemitteilung <script>alert('x')</script>\n\n"
    'Ein Bild <img src=x onerror="alert(1)"> und ein Link <a href="javascript:alert(2)">hier</a>.\n'
)


def post_routes(client: TestClient, doc_id: str) -> list[str]:
    routes = [r for r in client.app.routes if isinstance(r, Route)]  # type: ignore[attr-defined]
    return [r.path.replace("{doc_id}", doc_id) for r in routes if "POST" in (r.methods or ())]


def test_every_form_needs_the_csrf_token(client: TestClient) -> None:
    doc_url = translate(client, upload(client, "Pressemitteilung\n")).rsplit("/", 1)[0]
    paths = post_routes(client, doc_url.rsplit("/", 1)[1])
    assert len(paths) >= 8
    assert f"{doc_url}/approve" in paths
    for path in paths:  # the cookie is there: only the form field is missing
        response = client.post(path, data={"segment": "b1.s1", "target": "x", "reviewer": "E"})
        assert response.status_code == 403, path
        assert "Formular ist abgelaufen" in response.text
    wrong = client.post("/documents", data={"csrf_token": "forged", "text": "Hallo."})
    assert wrong.status_code == 403


def test_csrf_token_of_another_browser_is_refused(client: TestClient) -> None:
    token = csrf(client)
    client.cookies.clear()
    response = client.post("/documents", data={"csrf_token": token, "text": "Hallo Welt."})
    assert response.status_code == 403
    assert not csrf_ok(None, token)
    assert not csrf_ok(token, None)
    assert csrf_ok(token, token)


def test_document_text_is_escaped_everywhere(client: TestClient) -> None:
    doc_url = upload(client, HOSTILE, name="<i>fett<i>.txt")
    for url in (doc_url, translate(client, doc_url), "/"):
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
        assert "&lt;script&gt;" in html or url == "/"
        assert "<i>fett" not in html
        assert "&lt;i&gt;fett&lt;i&gt;.txt" in html
    headers = client.get(doc_url).headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\win.ini.txt", "win.ini.txt"),
        ("/abs/path/.hidden.md", "hidden.md"),
        ("a\x00b\u202e.txt", "ab.txt"),
        ("", "text.txt"),
    ],
)
def test_uploaded_names_are_only_shown(raw: str, shown: str) -> None:
    assert display_name(raw) == shown


def test_path_traversal_name_stays_in_the_workspace(client: TestClient, tmp_path: Path) -> None:
    victim = tmp_path.parent / "escaped.txt"
    doc_url = upload(client, "Hallo Welt.\n", name=f"../../../{victim.name}")
    assert not victim.exists()
    assert "<h1>escaped.txt</h1>" in client.get(doc_url).text
    stored = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert stored == ["upload.txt"]


def test_oversized_upload_is_refused(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    web = client.app.state.web  # type: ignore[attr-defined]
    monkeypatch.setattr(web, "max_upload", UPLOAD_LIMIT)
    big = ("Ein Satz. " * (UPLOAD_LIMIT // 10 + 10)).encode()
    response = client.post(
        "/documents",
        data={"csrf_token": csrf(client)},
        files={"file": ("gross.txt", big, "text/plain")},
    )
    assert response.status_code == 413
    assert "zu groß" in response.text


def test_body_far_above_the_limit_is_cut_off_before_parsing(client: TestClient) -> None:
    web = client.app.state.web  # type: ignore[attr-defined]
    size = web.max_upload + 2 * 1024 * 1024
    response = client.post(
        "/documents",
        content=b"x" * size,
        headers={"content-type": "multipart/form-data; boundary=zzz"},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("programm.exe", b"MZ\x90\x00"),
        ("bild.png", b"\x89PNG\r\n"),
        ("fake.docx", b"not a zip at all"),
        ("binary.txt", b"abc\x00\x00\x00def"),
    ],
)
def test_wrong_type_is_refused(client: TestClient, name: str, data: bytes) -> None:
    response = client.post(
        "/documents", data={"csrf_token": csrf(client)}, files={"file": (name, data, "x/y")}
    )
    assert response.status_code == 415
    assert "Dateityp wird nicht unterstützt" in response.text


def test_unknown_ids_are_not_found(client: TestClient) -> None:
    for url in ("/documents/../../etc/passwd", "/documents/" + "0" * 32, "/documents/abc"):
        assert client.get(url).status_code == 404
    assert client.get("/jobs/nope").status_code == 404
    assert client.get("/packs/" + "0" * 32 + "/pdf").status_code == 404


def test_reviewer_form_redirects_only_inside(client: TestClient) -> None:
    for back in ("https://evil.example/", "//evil.example/", "/documents/x//evil"):
        response = client.post(
            "/reviewer",
            data={"csrf_token": csrf(client), "reviewer": "E", "back": back},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/"


def test_foreign_host_header_is_refused_on_loopback(client: TestClient) -> None:
    # DNS rebinding: a page at evil.example resolving to 127.0.0.1 sends Host: evil.example
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_other_hosts_need_a_token(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--token-file" in result.output
    short = tmp_path / "short.token"
    short.write_text("abc\n")
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--token-file", str(short)])
    assert result.exit_code == 1
    assert "at least 16" in result.output
    assert is_loopback("127.0.0.1")
    assert is_loopback("::1")
    assert is_loopback("localhost")
    assert not is_loopback("0.0.0.0")
    assert not is_loopback("192.0.2.7")


def test_served_with_a_token_file_asks_for_it(copy_packages: Path, tmp_path: Path) -> None:
    token = tmp_path / "team.token"
    token.write_text("team-0123456789abcdef\n")
    server = start_server(copy_packages, tmp_path, "--token-file", str(token))
    try:
        first = httpx.get(server.url + "/", follow_redirects=False)
        assert first.status_code == 303
        assert first.headers["location"] == "/login"
        bearer = {"authorization": "Bearer team-0123456789abcdef"}
        assert httpx.get(server.url + "/", headers=bearer).status_code == 200
    finally:
        stop_server(server)


def test_users_file_format_errors_name_the_line(tmp_path: Path) -> None:
    users = tmp_path / "users.txt"
    users.write_text("# team\nErika Muster: erika-0123456789abcdef\nohne Doppelpunkt\n")
    with pytest.raises(Exception, match=r"users.txt:3: expected 'name: token'"):
        load_access(None, users)


def test_sign_in_is_required_and_names_the_reviewer(
    use_copy: Path, memory_path: Path, tmp_path: Path
) -> None:
    users = tmp_path / "users.txt"
    users.write_text("Erika Muster: erika-0123456789abcdef\nTaro Yamada: taro-0123456789abcdef\n")
    with make_client(memory_path, tmp_path, load_access(None, users)) as client:
        first = client.get("/", follow_redirects=False)
        assert first.status_code == 303
        assert first.headers["location"] == "/login"
        assert client.post("/documents", data={}).status_code == 401
        assert client.get("/static/web.css").status_code == 200
        token = csrf(client)
        wrong = client.post("/login", data={"csrf_token": token, "token": "guess-guess-guess"})
        assert wrong.status_code == 401
        assert "nicht gültig" in wrong.text
        client.post("/login", data={"csrf_token": token, "token": "taro-0123456789abcdef"})
        assert "Angemeldet als Taro Yamada" in client.get("/").text
        doc_url = translate(client, upload(client, "Pressemitteilung\n")).rsplit("/", 1)[0]
        client.post(
            f"{doc_url}/approve",
            data={"csrf_token": token, "segment": "b1.s1", "target": "報道発表", "reviewer": "X"},
        )
    with TranslationMemory(memory_path) as memory:
        assert memory.history("Pressemitteilung", "de", "ja")[0].reviewer == "Taro Yamada"


def test_bearer_token_works_for_scripts(use_copy: Path, memory_path: Path, tmp_path: Path) -> None:
    access = Access({"team-0123456789abcdef": ""})
    with make_client(memory_path, tmp_path, access) as client:
        assert client.get("/doctor", follow_redirects=False).status_code == 303
        ok = client.get("/doctor", headers={"authorization": "Bearer team-0123456789abcdef"})
        assert ok.status_code == 200
