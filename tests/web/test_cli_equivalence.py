"""The web page and the command line, given the same input and options, print the same text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from tests.conftest import SAMPLES
from tests.render.conftest import pdftotext
from tests.web.conftest import csrf, translate, upload
from toolkit.cli import cli

OPTIONS = {
    "layout": "interleaved",
    "first": "target",
    "paper": "letter",
    "classification": "VS – NUR FÜR DEN DIENSTGEBRAUCH",
    "notice": "Entwurf – 草案",
}


@pytest.mark.parametrize("sample", ["pm-wasserstoff-de.txt", "pm-medizintechnik-de.md"])
def test_same_pdf_text_from_web_and_cli(
    client: TestClient, memory_path: Path, tmp_path: Path, sample: str
) -> None:
    source = tmp_path / sample  # the CLI reads the file under the name the browser uploads
    shutil.copy(SAMPLES / sample, source)
    target = "de" if sample.endswith("-ja.txt") else "ja"
    cli_pdf = tmp_path / "cli.pdf"
    args = ["translate", str(source), "--to", target, "-o", str(cli_pdf), "-q"]
    args += ["--memory", str(memory_path), "--landscape"]
    for key, value in OPTIONS.items():
        args += [f"--{key}", value]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output

    doc_url = upload(client, source.read_text(encoding="utf-8"), name=sample)
    translate(client, doc_url, target)
    response = client.post(
        f"{doc_url}/download",
        data={"csrf_token": csrf(client), "format": "pdf", "landscape": "1", **OPTIONS},
    )
    assert response.status_code == 200
    web_pdf = tmp_path / "web.pdf"
    web_pdf.write_bytes(response.content)
    cli_text, web_text = pdftotext(cli_pdf), pdftotext(web_pdf)
    assert "VS – NUR FÜR DEN DIENSTGEBRAUCH" in web_text
    assert web_text == cli_text
