"""The extension points, used as CONTRIBUTING.md says: a new engine, a new input format and a
new output format are one new module each plus one registry line, and the command line then
offers them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from toolkit import (
    EngineEntry,
    ReaderEntry,
    WriterEntry,
    register_engine,
    register_reader,
    register_writer,
)
from toolkit.cli import cli
from toolkit.engines import registry as engines
from toolkit.ingest import registry as readers
from toolkit.render import registry as writers

TOY_ENGINE = '''\
"""A toy engine: upper-cases every text."""

from toolkit import FakeEngine


def build(options, source, target):
    return FakeEngine(fallback=str.upper)
'''

TOY_READER = '''\
"""SubRip subtitles (.srt): each cue's text is one block; cue numbers and timings are dropped."""

import re

from toolkit import RawBlock

_TIMING = re.compile(r"^\\d{2}:\\d{2}:\\d{2},\\d{3} --> \\d{2}:\\d{2}:\\d{2},\\d{3}")


def split_raw_blocks(text):
    blocks = []
    lines, start = [], 0
    for no, line in enumerate([*text.split("\\n"), ""], start=1):
        if line.strip().isdigit() and not lines or _TIMING.match(line):
            continue
        if line.strip():
            start = start if lines else no
            lines.append(line.strip())
        elif lines:
            blocks.append(RawBlock(lines=tuple(lines), line_no=start))
            lines = []
    return blocks
'''

TOY_WRITER = '''\
"""Markdown (.md): the parallel text as a two-column table, the handout's notice below it."""


def write_markdown(doc, path, job):
    lines = [f"| {doc.source_lang} | {doc.target_lang} |", "| --- | --- |"]
    lines += [f"| {s.source} | {s.target or ''} |" for s in doc.segments()]
    if job.options.notice:
        lines += ["", job.options.notice]
    path.write_text("\\n".join(lines) + "\\n", encoding="utf-8")
'''

SUBTITLES = """\
1
00:00:01,000 --> 00:00:04,000
Wasserstoff aus Fukushima

2
00:00:04,500 --> 00:00:09,000
Die Delegation besucht am Dienstag
das Forschungsinstitut in Koriyama.
"""


@pytest.fixture
def toy_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Write the three new modules, and register them as a contributor would (one line each)."""
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "toy_engine.py").write_text(TOY_ENGINE, encoding="utf-8")
    (plugins / "srt_reader.py").write_text(TOY_READER, encoding="utf-8")
    (plugins / "md_writer.py").write_text(TOY_WRITER, encoding="utf-8")
    monkeypatch.syspath_prepend(str(plugins))
    for name in ("toy_engine", "srt_reader", "md_writer"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with engines.ENGINES.restored(), readers.READERS.restored(), writers.WRITERS.restored():
        register_engine(EngineEntry("toy", "upper-cases everything", "toy_engine:build"))
        register_reader(ReaderEntry("srt", (".srt",), "srt_reader:split_raw_blocks"))
        register_writer(
            WriterEntry(
                "markdown", (".md",), "md_writer:write_markdown", media_type="text/markdown"
            )
        )
        yield


def test_a_new_engine_and_a_new_format_work_from_the_command_line(
    toy_modules: None, tmp_path: Path
) -> None:
    source = tmp_path / "film-de.srt"
    source.write_text(SUBTITLES, encoding="utf-8")
    out = tmp_path / "film.json"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "translate",
            str(source),
            "--to",
            "ja",
            "--engine",
            "toy",
            "--no-glossary",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source_lang"] == "de"
    sources = [s["source"] for b in data["blocks"] for s in b["segments"]]
    targets = [s["target"] for b in data["blocks"] for s in b["segments"]]
    assert sources == [
        "Wasserstoff aus Fukushima",
        "Die Delegation besucht am Dienstag das Forschungsinstitut in Koriyama.",
    ]
    assert targets == [s.upper() for s in sources]
    assert "toy" in runner.invoke(cli, ["translate", "--help"]).output


def test_an_unregistered_suffix_names_the_registered_ones(
    toy_modules: None, tmp_path: Path
) -> None:
    source = tmp_path / "film.vtt"
    source.write_text("WEBVTT\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["segment", str(source)])
    assert result.exit_code == 1
    assert "unsupported input type '.vtt'" in result.output
    assert ".srt" in result.output


def _translate_subtitles(tmp_path: Path, output: Path, *options: str) -> Result:
    source = tmp_path / "film-de.srt"
    source.write_text(SUBTITLES, encoding="utf-8")
    arguments = ["translate", str(source), "--to", "ja", "--engine", "toy", "--no-glossary"]
    return CliRunner().invoke(cli, [*arguments, *options, "-o", str(output)])


def test_a_new_output_format_works_from_the_command_line(toy_modules: None, tmp_path: Path) -> None:
    out = tmp_path / "film.md"
    result = _translate_subtitles(tmp_path, out, "--notice", "Arbeitsübersetzung")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines() == [
        "| de | ja |",
        "| --- | --- |",
        "| Wasserstoff aus Fukushima | WASSERSTOFF AUS FUKUSHIMA |",
        "| Die Delegation besucht am Dienstag das Forschungsinstitut in Koriyama. "
        "| DIE DELEGATION BESUCHT AM DIENSTAG DAS FORSCHUNGSINSTITUT IN KORIYAMA. |",
        "",
        "Arbeitsübersetzung",
    ]


def test_an_unregistered_output_suffix_names_the_registered_ones(
    toy_modules: None, tmp_path: Path
) -> None:
    result = _translate_subtitles(tmp_path, tmp_path / "film.odt")
    assert result.exit_code == 1
    assert "unknown output type '.odt'" in result.output
    assert ".md" in result.output
    assert not (tmp_path / "film.odt").exists()


def test_a_new_output_format_is_offered_on_the_web_page(toy_modules: None) -> None:
    from toolkit.web.forms import download_formats, download_from_form

    formats = download_formats()
    assert formats["markdown"] == (".md", "text/markdown")
    assert list(formats)[:4] == ["pdf", "docx", "html", "json"]
    assert list(formats)[-2:] == ["review", "xliff"]  # review files stay last
    assert download_from_form({"format": "markdown"}).format == "markdown"
