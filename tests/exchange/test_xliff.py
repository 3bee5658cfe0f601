from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import ExchangeError
from toolkit.exchange.xliff import read_xliff_units

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a.docx" source-language="de-DE" target-language="ja-JP" datatype="x-docx">
<body>
<trans-unit id="1"><source>Wasserstoff ist wichtig.</source>
  <target state="translated">水素は重要です。</target></trans-unit>
<trans-unit id="2"><source>Offen.</source><target state="needs-translation"></target></trans-unit>
<trans-unit id="3"><source>Kopie.</source><target state="translated">Kopie.</target></trans-unit>
</body></file></xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ja" trgLang="de">
<file id="f1"><unit id="u1"><segment state="final"><source>報道発表資料</source>
<target>Pressemitteilung</target></segment></unit>
<unit id="u2"><segment state="initial"><source>未訳</source></segment></unit></file></xliff>
"""


def test_a_cat_tools_xliff_12_is_imported_with_its_direction(tmp_path: Path) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    units, skipped = read_xliff_units(path)
    assert skipped == 2
    assert {(u.source_lang, u.source, u.target, u.kind) for u in units} == {
        ("de", "Wasserstoff ist wichtig.", "水素は重要です。", "imported"),
        ("ja", "水素は重要です。", "Wasserstoff ist wichtig.", "derived"),
    }
    assert {u.origin for u in units} == {"xliff:a.xlf"}


def test_xliff_20_direction_comes_from_the_root(tmp_path: Path) -> None:
    path = tmp_path / "b.xliff"
    path.write_text(XLIFF20, encoding="utf-8")
    units, skipped = read_xliff_units(path)
    assert skipped == 1
    assert [(u.source_lang, u.kind) for u in units] == [("ja", "imported"), ("de", "derived")]


def test_other_languages_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.xlf"
    path.write_text(XLIFF12.replace("ja-JP", "fr-FR"), encoding="utf-8")
    with pytest.raises(ExchangeError, match=r"c\.xlf:3: languages de-DE→fr-FR"):
        read_xliff_units(path)


def test_our_files_parse_with_translate_toolkit(tmp_path: Path) -> None:
    """translate-toolkit's own XLIFF classes read what we write, ids and targets intact."""
    from translate.storage import xliff, xliff2

    from toolkit import read_text
    from toolkit.exchange.xliff import write_xliff

    doc = read_text("Erster Satz. Zweiter Satz.\n", source_name="x.txt", lang="de")
    doc = doc.with_targets({"b1.s1": ("最初の文。", "engine")}, "ja")
    for version, store_class in (("2.1", xliff2.Xliff2File), ("1.2", xliff.xlifffile)):
        path = tmp_path / f"x-{version}.xlf"
        write_xliff([(doc, "dk-000000000000")], path, version=version)
        store = store_class.parsefile(str(path))  # type: ignore[no-untyped-call]
        # translate-toolkit prefixes 1.2 ids with "file\x04" and names a 2.x segment
        # "unit::segment" when the segment has an id
        ids = [u.getid().split("\x04")[-1].split("::")[0] for u in store.units]
        units = dict(zip(ids, (str(u.target or "") for u in store.units), strict=True))
        assert units == {"b1.s1": "最初の文。", "b1.s2": ""}, version
