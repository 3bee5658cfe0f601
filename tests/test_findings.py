"""Findings: one printed form and one JSON shape for a line, a page or a package part."""

from __future__ import annotations

from toolkit.findings import Finding, count_checks


def test_a_line_of_a_text_file_prints_like_a_compiler_message() -> None:
    finding = Finding(file="g.toml", line=4, severity="warning", message="check the spelling")
    assert str(finding) == "g.toml:4: warning: check the spelling"
    assert finding.as_json() == {
        "file": "g.toml",
        "line": 4,
        "severity": "warning",
        "message": "check the spelling",
    }


def test_a_page_and_a_part_stand_where_the_line_would() -> None:
    page = Finding(file="a.pdf", page=2, check="short-page", message="20% full", excerpt="Anlage")
    assert str(page) == "a.pdf:p.2: error: short-page: 20% full — 'Anlage'"
    part = Finding(file="a.docx", part="word/styles.xml", check="order", message="<w:rPr>: …")
    assert str(part) == "a.docx:word/styles.xml: error: order: <w:rPr>: …"
    assert part.as_json() == {
        "file": "a.docx",
        "part": "word/styles.xml",
        "severity": "error",
        "check": "order",
        "message": "<w:rPr>: …",
    }


def test_a_file_without_a_place() -> None:
    assert str(Finding(file="a.toml", message="no such file")) == "a.toml: error: no such file"


def test_counts_by_check() -> None:
    findings = [
        Finding(file="a", check="unit", message="x"),
        Finding(file="a", check="unit", message="y"),
        Finding(file="a", check="hyphen", message="z"),
    ]
    assert count_checks(findings) == {"unit": 2, "hyphen": 1}
