"""The LibreTranslate engine against a real HTTP server speaking the LibreTranslate API."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.engines.libretranslate import LibreTranslateEngine, ServerSettings
from toolkit.errors import EngineError
from toolkit.ingest import read_text
from toolkit.pipeline import translate_document

TABLE = {"Wasserstoff aus Fukushima.": ["福島の水素。", "福島産の水素。"], "Titel": ["タイトル"]}


class Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, object]]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(self, status: int, body: object) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/languages":
            self._reply(
                200,
                [
                    {"code": "de", "name": "German", "targets": ["en", "ja"]},
                    {"code": "ja", "name": "Japanese", "targets": ["de", "en"]},
                ],
            )
        else:
            self._reply(404, {"error": "not found"})

    def do_POST(self) -> None:
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Handler.requests.append(payload)
        if payload.get("api_key") == "wrong":
            self._reply(403, {"error": "Invalid API key"})
            return
        texts = payload["q"]
        options = [TABLE.get(t, [f"<{t}>"]) for t in texts]
        answer: dict[str, object] = {"translatedText": [o[0] for o in options]}
        if payload.get("alternatives"):
            answer["alternatives"] = [o[1 : 1 + payload["alternatives"]] for o in options]
        self._reply(200, answer)


@pytest.fixture
def server() -> Iterator[str]:
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_batches_go_as_q_arrays(server: str) -> None:
    engine = LibreTranslateEngine(ServerSettings(url=server, batch_size=2))
    [leg] = engine.route("de", "ja")
    out = leg.translate(["Titel", "Wasserstoff aus Fukushima.", "Neu."], n_best=2)
    assert [t.text for t in out] == ["タイトル", "福島の水素。", "<Neu.>"]
    assert [h.text for h in out[1].hypotheses] == ["福島の水素。", "福島産の水素。"]
    assert [r["q"] for r in Handler.requests] == [["Titel", "Wasserstoff aus Fukushima."], ["Neu."]]
    assert Handler.requests[0]["alternatives"] == 1


def test_pipeline_over_the_server(server: str) -> None:
    doc = read_text("Titel\n\nWasserstoff aus Fukushima.\n")
    out = translate_document(
        doc, target_lang="ja", engine=LibreTranslateEngine(ServerSettings(url=server))
    )
    assert [s.target for s in out.segments()] == ["タイトル", "福島の水素。"]


def test_missing_pair_is_named(server: str) -> None:
    with pytest.raises(EngineError, match="does not offer de→fr"):
        LibreTranslateEngine(ServerSettings(url=server)).route("de", "fr")


def test_unreachable_server_is_one_clear_error() -> None:
    engine = LibreTranslateEngine(ServerSettings(url="http://127.0.0.1:9", timeout=5))
    with pytest.raises(EngineError, match="can't reach the translation server"):
        engine.route("de", "ja")


def test_cli_with_a_server_and_a_bad_key(server: str, tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Titel\n\nWasserstoff aus Fukushima.\n", encoding="utf-8")
    out = tmp_path / "out.json"
    runner = CliRunner()
    ok = runner.invoke(
        cli,
        [
            "translate",
            str(source),
            "--to",
            "ja",
            "--engine",
            "libretranslate",
            "--server",
            server,
            "-o",
            str(out),
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert "2 machine-translated" in ok.output
    bad = runner.invoke(
        cli,
        [
            "translate",
            str(source),
            "--to",
            "ja",
            "--engine",
            "libretranslate",
            "--server",
            server,
            "--api-key",
            "wrong",
            "--no-glossary",
            "--memory",
            str(tmp_path / "m.sqlite"),
            "-o",
            str(tmp_path / "x.json"),
        ],
    )
    assert bad.exit_code == 1
    assert "403 Invalid API key; check --api-key" in bad.output
