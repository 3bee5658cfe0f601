from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES
from toolkit.cli import cli
from toolkit.glossary import load_glossary, read_tbx


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", ["check", "scan", "import", "export"])
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, ["glossary", command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_check_clean_file(runner: CliRunner, mini_path: Path) -> None:
    result = runner.invoke(cli, ["glossary", "check", str(mini_path)])
    assert result.exit_code == 0, result.output
    assert "0 errors, 1 warnings" in result.stderr


def test_check_shipped_glossaries_by_default(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["glossary", "check"])
    assert result.exit_code == 0, result.output
    assert "5 files: 0 errors" in result.stderr


def test_check_reports_one_line_per_issue_and_fails(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[glossary]\nid = "bad"\n\n[[entry]]\nde = "Wasserstoff"\nja = "水素"\ntype = "term"\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["glossary", "check", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:4: error: entry 1 'Wasserstoff': no English pivot term; add en = \"…\""
    ]
    result = runner.invoke(cli, ["glossary", "check", "--json", str(path)])
    assert result.exit_code == 1
    (issue,) = json.loads(result.stdout)
    assert issue == {
        "file": str(path),
        "line": 4,
        "severity": "error",
        "message": "entry 1 'Wasserstoff': no English pivot term; add en = \"…\"",
    }


def test_scan_lists_every_hit(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["glossary", "scan", str(SAMPLES / "pm-wasserstoff-de.txt")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(
        line.startswith('b3.s1:0: "Ministerin" = Ministerin → 大臣 / Minister (title, protocol:')
        for line in lines
    )
    assert any('"Elektrolyseur" (in a compound) = Elektrolyseur → ' in line for line in lines)
    assert lines[-1].startswith(f"{SAMPLES / 'pm-wasserstoff-de.txt'}: ")
    assert " hits of " in lines[-1]


def test_scan_json_with_own_glossary(runner: CliRunner, mini_path: Path) -> None:
    result = runner.invoke(
        cli,
        [
            "glossary",
            "scan",
            str(SAMPLES / "pr-fukushima-ja.txt"),
            "--glossary",
            str(mini_path),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["lang"] == "ja"
    assert data["glossary_version"] == load_glossary(mini_path).version
    first = data["hits"][0]
    assert set(first) == {
        *("segment", "start", "end", "form", "in_compound", "entry"),
        *("context", "equivalent", "review"),  # who is meant, and what that makes of the term
    }
    assert {h["entry"]["de"] for h in data["hits"]} >= {
        "Masao Uchibori",
        "Gouverneur",
        "Wasserstoff",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan", "nope.txt"], "nope.txt: no such file"),
        (["scan", "{sample}", "--glossary", "nope.toml"], "nope.toml: no such glossary file"),
        (["import", "terms.xlsx", "-o", "{out}"], "unsupported glossary type '.xlsx'"),
        (["import", "{csv}", "-o", "out.csv"], "the output must be a .toml file"),
        (["export", "-o", "out.docx"], "unsupported output type '.docx'"),
    ],
)
def test_errors_are_one_line(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    csv = tmp_path / "terms.csv"
    csv.write_text("Wasserstoff,水素\n", encoding="utf-8")
    values = {
        "sample": str(SAMPLES / "pm-wasserstoff-de.txt"),
        "out": str(tmp_path / "o.toml"),
        "csv": str(csv),
    }
    result = runner.invoke(cli, ["glossary", *[a.format(**values) for a in args]])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_import_csv_then_check(runner: CliRunner, tmp_path: Path) -> None:
    csv = tmp_path / "partner.csv"
    csv.write_text("source,target\nWasserstoff,水素\nAmmoniak,アンモニア\n", encoding="utf-8")
    out = tmp_path / "partner.toml"
    result = runner.invoke(cli, ["glossary", "import", str(csv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{out}: 2 entries from {csv}" in result.stdout
    assert "2 entries have no English pivot term" in result.stdout
    assert [e.de for e in load_glossary(out)] == ["Wasserstoff", "Ammoniak"]
    result = runner.invoke(cli, ["glossary", "import", str(csv), "-o", str(out)])
    assert result.exit_code == 1
    assert "already exists; give --force" in result.stderr
    result = runner.invoke(cli, ["glossary", "import", str(csv), "-o", str(out), "--force"])
    assert result.exit_code == 0
    result = runner.invoke(cli, ["glossary", "check", str(out)])
    assert result.exit_code == 1  # the CSV had no English
    assert "no English pivot term" in result.stdout


def test_import_ja_de_csv(runner: CliRunner, tmp_path: Path) -> None:
    csv = tmp_path / "ja.csv"
    csv.write_text("水素,Wasserstoff\n", encoding="utf-8")
    out = tmp_path / "ja.toml"
    result = runner.invoke(
        cli, ["glossary", "import", str(csv), "-o", str(out), "--direction", "ja-de"]
    )
    assert result.exit_code == 0, result.output
    assert [(e.de, e.ja) for e in load_glossary(out)] == [("Wasserstoff", "水素")]


def test_export_and_import_tbx(runner: CliRunner, tmp_path: Path, mini_path: Path) -> None:
    tbx = tmp_path / "mini.tbx"
    result = runner.invoke(
        cli, ["glossary", "export", "--glossary", str(mini_path), "-o", str(tbx)]
    )
    assert result.exit_code == 0, result.output
    assert "entries (de, ja, en)" in result.stdout
    assert len(read_tbx(tbx)[0]) == len(load_glossary(mini_path))
    out = tmp_path / "again.toml"
    result = runner.invoke(cli, ["glossary", "import", str(tbx), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [e.content() for e in load_glossary(out)] == [
        e.content() for e in load_glossary(mini_path)
    ]


def test_export_csv_and_merged_toml(runner: CliRunner, tmp_path: Path) -> None:
    csv = tmp_path / "all.csv"
    result = runner.invoke(cli, ["glossary", "export", "-o", str(csv), "--direction", "ja-de"])
    assert result.exit_code == 0, result.output
    assert "rows (ja-de)" in result.stdout
    assert "水素,Wasserstoff" in csv.read_text(encoding="utf-8").splitlines()
    merged = tmp_path / "all.toml"
    result = runner.invoke(cli, ["glossary", "export", "-o", str(merged)])
    assert result.exit_code == 0, result.output
    assert len(load_glossary(merged)) > 300


def test_check_a_folder(runner: CliRunner, tmp_path: Path, mini_path: Path) -> None:
    result = runner.invoke(cli, ["glossary", "check", str(mini_path.parent)])
    assert result.exit_code == 0, result.output
    assert "1 files: 0 errors" in result.stderr
