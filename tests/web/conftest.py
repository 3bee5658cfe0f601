"""The web page under test: an in-process app for request tests, a real server for the browser.

Both use the project's copy-trained Argos packages (as the CLI tests do) and a memory file of
their own; the browser is Debian's Chromium driven by Playwright (never a downloaded browser).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from tests.conftest import ROOT
from tests.engines.conftest import copy_packages, use_copy
from toolkit.web import Access, WebConfig, create_app

__all__ = ["LiveServer", "copy_packages", "csrf", "use_copy"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
UPLOAD_LIMIT = 200_000  # bytes: small, so the oversized-upload test stays quick


def csrf(client: httpx.Client | TestClient) -> str:
    """Return the client's CSRF token (the cookie the first page set)."""
    if "dejakit_csrf" not in client.cookies:
        client.get("/")
    return str(client.cookies["dejakit_csrf"])


@pytest.fixture
def memory_path(tmp_path: Path) -> Path:
    return tmp_path / "memory.sqlite"


def make_client(memory_path: Path, tmp_path: Path, access: Access | None = None) -> TestClient:
    """Return a client of a fresh app on `memory_path` (enter it to run the app's lifespan)."""
    config = WebConfig(memory_path=memory_path, workspace_root=tmp_path, access=access or Access())
    return TestClient(create_app(config), base_url="http://127.0.0.1")


@pytest.fixture
def client(use_copy: Path, memory_path: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client of the app with the copy models, an empty memory, this machine only."""
    with make_client(memory_path, tmp_path) as c:
        yield c


def upload(client: httpx.Client | TestClient, text: str, name: str = "release.txt") -> str:
    """Upload `text` as file `name`; return the document's URL."""
    response = client.post(
        "/documents",
        data={"csrf_token": csrf(client), "source_lang": "auto"},
        files={"file": (name, text.encode("utf-8"), "text/plain")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def translate(client: httpx.Client | TestClient, doc_url: str, target: str = "ja") -> str:
    """Translate the document at `doc_url`; wait for the job; return the parallel view's URL."""
    response = client.post(
        f"{doc_url}/translate",
        data={"csrf_token": csrf(client), "target_lang": target},
        follow_redirects=False,
    )
    assert response.status_code == 303
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = client.get(f"{doc_url}/job", follow_redirects=False)
        if page.status_code == 303:
            assert page.headers["location"].endswith("/translation")
            return f"{doc_url}/translation"
        assert "fehlgeschlagen" not in page.text, page.text
        time.sleep(0.1)
    raise AssertionError("translation did not finish in 60 s")


@dataclass
class LiveServer:
    """A `dejakit serve` process on a free port of this machine."""

    url: str
    memory: Path
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(packages: Path, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
        ARGOS_PACKAGES_DIR=str(packages),
        DEJAKIT_MEMORY=str(home / "memory.sqlite"),
        DEJAKIT_MAX_INPUT_BYTES=str(UPLOAD_LIMIT),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    return env


def start_server(packages: Path, home: Path, *args: str) -> LiveServer:
    """Start ``dejakit serve`` with `args` and wait until it answers."""
    port = free_port()
    log = home / "serve.log"
    with log.open("wb") as stderr:  # the child keeps its own copy of the file
        process = subprocess.Popen(
            [sys.executable, "-m", "toolkit", "serve", "--port", str(port), *args],
            cwd=home,
            env=server_env(packages, home),
            stderr=stderr,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(log.read_text(encoding="utf-8", errors="replace"))
        try:
            httpx.get(f"{url}/login", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    return LiveServer(url, home / "memory.sqlite", process)


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module")
def live_server(
    copy_packages: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """A real `dejakit serve` (uvicorn) with the copy models and a memory of its own."""
    server = start_server(copy_packages, tmp_path_factory.mktemp("web-home"))
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Folder for screenshots: $DEJAKIT_SCREENSHOTS when set (to look at them), else temp."""
    folder = Path(os.environ.get("DEJAKIT_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def segment_ids(html: str) -> list[str]:
    """Return the segment ids of a parallel view, in order."""
    return re.findall(r'name="segment" value="([^"]+)"', html)
