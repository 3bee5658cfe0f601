"""The TOML layer: values from tomllib, the line of every table and key from a real parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import PackError
from toolkit.tomlfile import Problems, read_toml, scan_lines, top_table


def test_lines_of_tables_keys_and_array_tables() -> None:
    text = (
        'title = "x"\n\n[pack]\nname = "a"\n\n'
        "[[day]]\ndate = 2026-03-02\n\n[[day]]\ndate = 2026-03-03\n"
    )
    lines = scan_lines(text)
    assert lines[("", 0)] == {"": 1, "title": 1}
    assert lines[("pack", 0)] == {"": 3, "name": 4}
    assert lines[("day", 0)] == {"": 6, "date": 7}
    assert lines[("day", 1)] == {"": 9, "date": 10}


def test_an_indented_nested_array_is_not_a_table_header() -> None:
    text = "[t]\nmatrix = [\n  [1, 2],\n  [3, 4]\n]\nafter = 1\n"
    lines = scan_lines(text)
    assert set(lines) == {("", 0), ("t", 0)}
    assert lines[("t", 0)] == {"": 1, "matrix": 2, "after": 6}


def test_triple_quotes_inside_a_one_line_string_keep_later_keys() -> None:
    text = '[t]\na = \'say """ here\'\nb = """one\ntwo"""\nc = 3\n'
    lines = scan_lines(text)
    assert lines[("t", 0)] == {"": 1, "a": 2, "b": 3, "c": 5}


def test_dotted_and_quoted_keys() -> None:
    text = '[t]\nsite.name = "x"\n"quoted key" = 1\n[t.sub]\nk = 2\n'
    lines = scan_lines(text)
    assert lines[("t", 0)]["site"] == 2
    assert lines[("t.site", 0)]["name"] == 2
    assert lines[("t", 0)]["quoted key"] == 3
    assert lines[("t.sub", 0)] == {"": 4, "k": 5}


def test_unknown_key_after_tricky_lines_is_reported_at_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text('note = \'a """ b\'\nlist = [\n  [1],\n]\ntitel = "typo"\n', encoding="utf-8")
    problems = Problems(path)
    top_table(read_toml(path, PackError, "manifest"), problems).check_keys(
        ["note", "list", "title"]
    )
    with pytest.raises(PackError, match=r"x\.toml:5: .*unknown key 'titel'; did you mean 'title'"):
        problems.raise_if_any(PackError)


def test_lang_keys_name_both_languages() -> None:
    from toolkit.tomlfile import lang_keys

    assert lang_keys("title", "note") == ("title_de", "title_ja", "note_de", "note_ja")
    assert lang_keys("to", plain=True) == ("to", "to_de", "to_ja")
