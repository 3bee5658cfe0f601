"""Engine failures stay local and say why: server messages, one bad batch, damaged models."""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner

from tests.engines.conftest import package_files
from toolkit.cli import cli
from toolkit.engines.libretranslate import LibreTranslateEngine, ServerSettings, server_message
from toolkit.errors import EngineError
from toolkit.ingest import read_text
from toolkit.pipeline import translate_document
from toolkit.qa import check_document

MINISBD = (
    "Cannot translate text: Failed to download model: "
    "HTTPSConnectionPool(host='raw.githubusercontent.com', port=443): Max retries exceeded"
)


class Server(BaseHTTPRequestHandler):
    """A LibreTranslate stand-in: fails as told, translates the rest as <text>."""

    mode: ClassVar[str] = "ok"
    poison: ClassVar[str] = "GIFT"
    requests: ClassVar[list[list[str]]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        languages = [{"code": "de", "targets": ["ja"]}, {"code": "ja", "targets": ["de"]}]
        self._send(200, json.dumps(languages).encode(), "application/json")

    def do_POST(self) -> None:
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        texts: list[str] = payload["q"]
        Server.requests.append(texts)
        if Server.mode == "json-500":
            self._send(500, json.dumps({"error": MINISBD}).encode(), "application/json")
        elif Server.mode == "html-502":
            page = (
                b"<html><head><title>502 Bad Gateway</title><style>body{}</style></head>"
                b"<body><h1>502 Bad Gateway</h1><p>upstream &amp; worker died</p></body></html>"
            )
            self._send(502, page, "text/html")
        elif Server.mode == "poison" and any(Server.poison in t for t in texts):
            self._send(
                500,
                json.dumps({"error": "Cannot translate text: boom"}).encode(),
                "application/json",
            )
        else:
            out = {"translatedText": [f"<{t}>" for t in texts]}
            self._send(200, json.dumps(out, ensure_ascii=False).encode(), "application/json")


@pytest.fixture
def server() -> Iterator[str]:
    Server.mode, Server.requests = "ok", []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Server)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_server_message_is_shown_in_the_cli(server: str, tmp_path: Path) -> None:
    Server.mode = "json-500"
    src = tmp_path / "pm.txt"
    src.write_text("Titel\n\nWasserstoff aus Fukushima.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "translate",
            str(src),
            "--to",
            "ja",
            "--engine",
            "libretranslate",
            "--server",
            server,
            "--no-glossary",
            "-o",
            str(tmp_path / "x.json"),
            "--memory",
            str(tmp_path / "m.sqlite"),
        ],
    )
    assert result.exit_code == 1
    assert "500" in result.output
    assert "Failed to download model" in result.output
    assert "Traceback" not in result.output


def test_html_error_page_becomes_its_text(server: str) -> None:
    Server.mode = "html-502"
    [leg] = LibreTranslateEngine(ServerSettings(url=server)).route("de", "ja")
    with pytest.raises(
        EngineError, match=r"502 502 Bad Gateway 502 Bad Gateway upstream & worker died"
    ):
        leg.translate(["Hallo."])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '{"error": "Invalid request: missing q parameter"}',
            "Invalid request: missing q parameter",
        ),
        ('{"detail": [{"msg": "field required"}]}', '[{"msg": "field required"}]'),
        ("Internal Server Error", "Internal Server Error"),
        ("", ""),
        ("x" * 1000, "x" * 299 + "…"),
    ],
)
def test_server_message(body: str, expected: str) -> None:
    assert server_message(body) == expected


def test_one_failing_text_fails_alone(server: str) -> None:
    Server.mode = "poison"
    [leg] = LibreTranslateEngine(ServerSettings(url=server, batch_size=8)).route("de", "ja")
    texts = [f"Satz {i}." for i in range(12)]
    texts[5] = "Ein GIFT Satz."
    out = leg.translate(texts)
    assert [t.failed for t in out] == [i == 5 for i in range(12)]
    assert "boom" in out[5].error
    assert out[6].text == "<Satz 6.>"


def test_a_server_failing_everything_stops_the_job(server: str) -> None:
    Server.mode = "json-500"
    [leg] = LibreTranslateEngine(ServerSettings(url=server, batch_size=4)).route("de", "ja")
    with pytest.raises(EngineError, match="Failed to download model"):
        leg.translate(["a", "b", "c"])


def test_argos_batch_failure_fails_only_its_segments(
    use_copy_models: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from toolkit.engines.argos import ArgosEngine, ArgosLeg, EngineSettings

    original = ArgosLeg._translate_batch

    def flaky(self: ArgosLeg, translator: Any, batch: list[list[str]], n_best: int) -> Any:
        if any("GIFT" in "".join(tokens) for tokens in batch):
            raise RuntimeError("CUDA out of memory (simulated)")
        return original(self, translator, batch, n_best)

    monkeypatch.setattr(ArgosLeg, "_translate_batch", flaky)
    doc = read_text(
        "Titel\n\nDie Ministerin reist nach Japan. Ein GIFT Satz. Die Delegation fliegt heute.\n",
        lang="de",
    )
    engine = ArgosEngine(EngineSettings(intra_threads=1, beam_size=1))
    out = translate_document(doc, target_lang="ja", engine=engine)
    by_source = {s.source: s for s in out.segments()}
    bad = by_source["Ein GIFT Satz."]
    assert bad.target is None
    assert "failed" in bad.flags
    assert all(s.target for s in out.segments() if s is not bad)
    issues = check_document(out)
    assert any(i.segment_id == bad.id and "engine failed" in i.message for i in issues)


def _damaged_copy(tmp_path: Path) -> Path:
    good = package_files("copy")[0]
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = next(i for i in archive.infolist() if i.filename.endswith("model/model.bin"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 1000
    for i in range(start, start + 64):
        data[i] ^= 0xA5
    bad = tmp_path / good.name
    bad.write_bytes(bytes(data))
    return bad


def test_damaged_argosmodel_is_refused_at_install(tmp_path: Path) -> None:
    from toolkit.engines.packages import install_package, packages_dir

    bad = _damaged_copy(tmp_path)
    with pytest.raises(EngineError, match=r"damaged.*copy .*again"):
        install_package(bad)
    assert not packages_dir().exists() or list(packages_dir().iterdir()) == []


def test_truncated_argosmodel_one_line_in_cli(tmp_path: Path) -> None:
    good = package_files("copy")[0]
    cut = tmp_path / good.name
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    result = CliRunner().invoke(cli, ["models", "install", str(cut)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "copy the .argosmodel file again" in result.output
