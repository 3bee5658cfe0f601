from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from toolkit.cli import cli

RELEASE = """\
Pressemitteilung

Neue Brennstoffzellen für Fukushima

Düsseldorf, 2. Februar 2026

Ein Konsortium aus Nordrhein-Westfalen liefert Brennstoffzellen. Die Anlage geht im Mai in Betrieb.

Pressekontakt
Telefon: +49 211 61772-204
E-Mail: presse@wirtschaft-beispiel.nrw.de
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="de"><seg>Neue Brennstoffzellen für Fukushima</seg></tuv>
<tuv xml:lang="ja"><seg>福島に新しい燃料電池</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def release(tmp_path: Path) -> Path:
    path = tmp_path / "pm-brennstoffzellen-de.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


def test_unseen_release_is_reported_untranslated(
    runner: CliRunner, release: Path, tmp_path: Path
) -> None:
    outputs = [tmp_path / f"out.{ext}" for ext in ("pdf", "docx", "html", "json")]
    args = ["translate", str(release), "--to", "ja", "--engine", "none"]
    for output in outputs:
        args += ["-o", str(output)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert all(p.stat().st_size > 0 for p in outputs)
    assert "8 segments: 8 untranslated" in result.output
    assert "untranslated" in result.output
    data = json.loads(outputs[-1].read_text(encoding="utf-8"))
    origins = [s["origin"] for b in data["blocks"] for s in b["segments"]]
    assert origins == [None] * 8
    assert data["target_lang"] == "ja"


def test_memory_import_then_translate_uses_it(
    runner: CliRunner, release: Path, tmp_path: Path
) -> None:
    tmx = tmp_path / "approved.tmx"
    tmx.write_text(TMX, encoding="utf-8")
    memory = tmp_path / "tm.sqlite"
    result = runner.invoke(cli, ["memory", "import", str(tmx), "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output  # one unit, both directions
    out = tmp_path / "out.json"
    result = runner.invoke(
        cli, ["translate", str(release), "--to", "ja", "--memory", str(memory), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "1 from memory" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["blocks"][1]["segments"][0]["target"] == "福島に新しい燃料電池"

    stats = runner.invoke(cli, ["memory", "stats", "--memory", str(memory), "--json"])
    assert json.loads(stats.output)["units"] == {"de→ja": 1, "ja→de": 1}
    exported = tmp_path / "export.tmx"
    result = runner.invoke(
        cli, ["memory", "export", str(exported), "--memory", str(memory), "--direction", "ja-de"]
    )
    assert result.exit_code == 0
    assert "1 units" in result.output
    assert "福島に新しい燃料電池" in exported.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\x00\x01\x02\x03PK\x03\x04" * 50, "binary"),
    ],
)
def test_bad_input_is_one_clear_line(
    runner: CliRunner, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out.pdf"
    result = runner.invoke(cli, ["translate", str(path), "--to", "ja", "-o", str(out)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: ")
    assert message in lines[0]
    assert not out.exists()


def test_bad_tmx_leaves_the_memory_alone(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.tmx"
    good.write_text(TMX, encoding="utf-8")
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>", encoding="utf-8")
    memory = tmp_path / "tm.sqlite"
    result = runner.invoke(cli, ["memory", "import", str(good), str(bad), "--memory", str(memory)])
    assert result.exit_code == 1
    assert "bad.tmx:1: not well-formed XML" in result.output
    assert not memory.exists()


def test_segment_json(runner: CliRunner, release: Path) -> None:
    result = runner.invoke(cli, ["segment", str(release), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [b["kind"] for b in data["blocks"]] == [
        "kicker",
        "title",
        "dateline",
        "paragraph",
        "contact",
    ]
    assert data["blocks"][3]["segments"][1]["source"] == "Die Anlage geht im Mai in Betrieb."


def test_segment_text_listing(runner: CliRunner, release: Path) -> None:
    result = runner.invoke(cli, ["segment", str(release)])
    assert result.exit_code == 0
    assert "b4.s2  Die Anlage geht im Mai in Betrieb." in result.output


def test_doctor_reports_each_check(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["doctor"])
    assert "Japanese serif font (Noto Serif CJK JP)" in result.output
    assert "HarfBuzz subsetting" in result.output


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
    return found


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_has_help(runner: CliRunner, command: tuple[str, ...]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 3


def test_default_output_name(
    runner: CliRunner, release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = runner.invoke(cli, ["translate", str(release), "--to", "ja", "-q"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert (work / "pm-brennstoffzellen-de.ja.pdf").exists()


def test_readme_commands_exist() -> None:
    # Every `make X` the README tells a user to type is a Makefile target, and every
    # `dejakit CMD [SUB]` it shows is a command of the CLI.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, flags=re.MULTILINE))
    made = set(re.findall(r"\bmake ([a-z][\w-]*)", readme))
    assert {"demo", "test"} <= made
    assert made <= targets, f"README names make targets the Makefile lacks: {made - targets}"
    code = "\n".join(re.findall(r"```.*?```|`[^`\n]+`", readme, flags=re.DOTALL))
    shown = set(re.findall(r"\bdejakit ([a-z]+)(?: ([a-z]+))?", code))
    assert len(shown) >= 8
    for command, sub in shown:
        group = cli.commands.get(command)
        assert group is not None, f"README shows `dejakit {command}`, which does not exist"
        subcommands = getattr(group, "commands", None)
        if subcommands and sub and not sub.startswith(("de", "ja")):
            assert sub in subcommands, f"README shows `dejakit {command} {sub}`"
