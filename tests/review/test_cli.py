from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import SAMPLES
from tests.review.test_docx import edit_with_python_docx
from toolkit.cli import cli


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_review_loop_on_the_command_line(tmp_path: Path) -> None:
    memory = str(tmp_path / "tm.sqlite")
    release = tmp_path / "release.txt"
    release.write_text((SAMPLES / "pm-erneuerbare-de.txt").read_text(encoding="utf-8"))
    code, out = run("memory", "import", str(SAMPLES / "pm-wasserstoff-de.tmx"), "--memory", memory)
    assert code == 0, out
    review = tmp_path / "out" / "release.review.docx"
    code, out = run(
        "translate",
        str(release),
        "--to",
        "ja",
        "-o",
        str(review),
        "--memory",
        memory,
        "--engine",
        "none",
        "--no-glossary",
    )
    assert code == 0, out
    assert f"wrote {review}" in out
    ids = ["b2.s1", "b3.s1", "b3.s2"]
    edit_with_python_docx(review, {i: f"査読訳{i}。" for i in ids}, ("b4.s1", "Name prüfen."))
    code, out = run("review", "import", str(review), "--reviewer", "K. Sato", "--memory", memory)
    assert code == 0, out
    assert "3 segments changed, 1 comment; 3 approved into the memory" in out
    assert "  + 査読訳b2.s1。" in out
    code, out = run(
        "translate",
        str(release),
        "--to",
        "ja",
        "-o",
        str(tmp_path / "v2.json"),
        "--memory",
        memory,
        "--engine",
        "none",
        "--no-glossary",
    )
    assert code == 0, out
    assert "3 from memory (approved)" in out
    assert "since the review of" in out


def test_mismatching_ids_give_one_line_and_exit_1(tmp_path: Path) -> None:
    import docx

    memory = str(tmp_path / "tm.sqlite")
    review = tmp_path / "r.review.docx"
    code, out = run(
        "review",
        "export",
        str(SAMPLES / "pm-erneuerbare-de.txt"),
        "--to",
        "ja",
        "-o",
        str(review),
        "--memory",
        memory,
        "--engine",
        "none",
        "--no-glossary",
    )
    assert code == 0, out
    opened = docx.Document(str(review))
    row = opened.tables[0].rows[2]
    row.cells[0].text = "b77.s1"  # LibreOffice keeps no lock: the id cell was typed over
    opened.save(str(review))
    code, out = run("review", "import", str(review), "--reviewer", "K. Sato", "--memory", memory)
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    assert "segment ids don't match" in lines[0]
    assert "unknown: b77.s1" in lines[0]
    assert "Traceback" not in out


def test_memory_conflicts_command(tmp_path: Path) -> None:
    memory = str(tmp_path / "tm.sqlite")
    tmx = [str(p) for p in sorted(SAMPLES.glob("*.tmx"))]
    code, out = run("memory", "import", *tmx, "--memory", memory)
    assert code == 0, out
    code, listing = run("memory", "conflicts", "--memory", memory)
    assert code == 0
    assert listing.strip().endswith("1 conflict")
    assert "„Pressekontakt“" in listing
    code, out = run("memory", "history", "Pressemitteilung", "--memory", memory)
    assert out.splitlines()[0].startswith("* プレスリリース  (imported")
    assert "報道発表資料  (derived" in out
