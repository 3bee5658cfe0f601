from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import SAMPLES
from toolkit.cli import cli


def test_translate_with_models_then_qa(use_copy: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "pm.json"
    result = runner.invoke(
        cli, ["translate", str(SAMPLES / "pm-wasserstoff-de.txt"), "--to", "ja", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "36 machine-translated" in result.output
    # The copy models write German into the Japanese column: QA must not pass that.
    assert "QA: 0 critical" not in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    # de→ja went through English: the pivot text is kept per segment.
    assert all(s["pivot"] for b in data["blocks"] for s in b["segments"])

    report = runner.invoke(cli, ["qa", str(out), "--json"])
    assert report.exit_code == 0, report.output
    parsed = json.loads(report.output)
    assert parsed["segments"] == 36
    assert parsed["summary"]["severity"].get("critical", 0) > 0
    # Terms, names and amounts all arrived; what is critical is the German left in the
    # Japanese column, and a month written „Mai“ there (no 5月) with it.
    critical = [i for i in parsed["issues"] if i["severity"] == "critical"]
    assert {i["check"] for i in critical} == {"script", "numbers"}, critical
    script = {i["segment"] for i in critical if i["check"] == "script"}
    assert all(i["segment"] in script for i in critical if i["check"] == "numbers")
    assert len(script) >= 25


def test_strict_fails_on_critical_issues(tmp_path: Path) -> None:
    runner = CliRunner()
    source = tmp_path / "neu.txt"
    source.write_text("Neue Meldung\n\nEin Satz, den niemand übersetzt hat.\n", encoding="utf-8")
    out = tmp_path / "neu.pdf"
    result = runner.invoke(
        cli,
        ["translate", str(source), "--to", "ja", "--engine", "none", "--strict", "-o", str(out)],
    )
    assert result.exit_code == 2
    assert out.exists()  # the handout is written; the exit code tells the pipeline
    assert "QA: 2 critical" in result.output
    report = runner.invoke(cli, ["qa", str(source), "--to", "ja", "--engine", "none", "--strict"])
    assert report.exit_code == 2
    assert "untranslated" in report.output


def test_qa_appendix_in_outputs(tmp_path: Path) -> None:
    runner = CliRunner()
    source = tmp_path / "neu.txt"
    source.write_text("Neue Meldung\n\nEin Satz.\n", encoding="utf-8")
    html = tmp_path / "neu.html"
    result = runner.invoke(
        cli,
        [
            "translate",
            str(source),
            "--to",
            "ja",
            "--engine",
            "none",
            "--qa-appendix",
            "-o",
            str(html),
        ],
    )
    assert result.exit_code == 0, result.output
    text = html.read_text(encoding="utf-8")
    assert "QA-Bericht" in text
    assert "not translated" in text


def test_qa_needs_a_target_language(tmp_path: Path) -> None:
    source = tmp_path / "neu.txt"
    source.write_text("Titel\n\nText.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["qa", str(source)])
    assert result.exit_code == 2
    assert "--to" in result.output


def test_qa_on_a_broken_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"blocks": 3}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["qa", str(bad)])
    assert result.exit_code == 1
    assert "not a document written by `dejakit translate`" in result.output
