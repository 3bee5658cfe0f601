from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import ExchangeError
from toolkit.exchange import read_tmx, write_tmx
from toolkit.memory import TranslationUnit

TMX = """<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="Trados" creationtoolversion="1" segtype="sentence" o-tmf="x"
        adminlang="en-US" srclang="de-DE" datatype="plaintext"/>
<body>
<tu changedate="20260110T120000Z">
  <tuv xml:lang="de-DE"><seg>Wasserstoff ist <bpt i="1">&lt;b&gt;</bpt>wichtig<ept i="1"
    >&lt;/b&gt;</ept>.</seg></tuv>
  <tuv xml:lang="ja-JP"><seg>水素は重要です。</seg></tuv>
</tu>
<tu><tuv lang="DE"><seg>Alt &amp; neu</seg></tuv><tuv lang="JA"><seg>新旧</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Nur Deutsch</seg></tuv>
    <tuv xml:lang="en"><seg>Only English</seg></tuv></tu>
</body>
</tmx>
"""


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16"])
def test_read_real_world_tmx(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "tm.tmx"
    path.write_bytes(TMX.format(encoding=encoding).encode(encoding.lower()))
    units, skipped = read_tmx(path)
    assert skipped == 1
    pairs = {(u.source_lang, u.source, u.target) for u in units}
    assert pairs == {
        ("de", "Wasserstoff ist wichtig.", "水素は重要です。"),
        ("ja", "水素は重要です。", "Wasserstoff ist wichtig."),
        ("de", "Alt & neu", "新旧"),
        ("ja", "新旧", "Alt & neu"),
    }


def test_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    path = tmp_path / "evil.tmx"
    path.write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{secret}">]>
<tmx version="1.4"><header srclang="de"/><body>
<tu><tuv xml:lang="de"><seg>A &xxe;</seg></tuv><tuv xml:lang="ja"><seg>B</seg></tuv></tu>
</body></tmx>"""
    )
    units, _ = read_tmx(path)
    assert all("TOP SECRET" not in u.source + u.target for u in units)


def test_broken_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx>\n<body>\n<tu>\n</tmx>\n')
    with pytest.raises(ExchangeError, match=r"broken\.tmx:\d+: not well-formed XML"):
        read_tmx(path)


def test_not_tmx(tmp_path: Path) -> None:
    path = tmp_path / "x.tmx"
    path.write_text('<?xml version="1.0"?><xliff/>')
    with pytest.raises(ExchangeError, match="not <tmx>"):
        read_tmx(path)


def test_round_trip(tmp_path: Path) -> None:
    units = [
        TranslationUnit("de", "ja", "Wasserstoff & <Ammoniak>", "水素と<アンモニア>", origin="t"),
        TranslationUnit("de", "ja", "Zweiter Satz.", "二つ目の文。"),
    ]
    path = tmp_path / "out.tmx"
    assert write_tmx(units, path) == 2
    back, skipped = read_tmx(path)
    assert skipped == 0
    assert [(u.source, u.target) for u in back if u.source_lang == "de"] == [
        (u.source, u.target) for u in units
    ]


def test_export_header_and_unit_dates_follow_tmx_14b(tmp_path: Path) -> None:
    from lxml import etree

    from toolkit import __version__

    unit = TranslationUnit(
        "de",
        "ja",
        "Pressemitteilung",
        "報道発表資料",
        origin="review:r.review.docx",
        updated_at="2026-03-01T09:30:00+00:00",
        kind="approved",
        reviewer="K. Sato",
        created_at="2026-02-01T08:00:00+00:00",
    )
    path = tmp_path / "out.tmx"
    write_tmx([unit], path)
    root = etree.parse(str(path)).getroot()
    header = root.find("header")
    assert header is not None
    assert {
        k: header.get(k)
        for k in ("creationtool", "creationtoolversion", "o-tmf", "datatype", "segtype", "srclang")
    } == {
        "creationtool": "dejakit",
        "creationtoolversion": __version__,
        "o-tmf": "dejakit",
        "datatype": "plaintext",
        "segtype": "sentence",
        "srclang": "de",
    }
    tu = root.find("body/tu")
    assert tu is not None
    assert (tu.get("creationdate"), tu.get("changedate")) == (
        "20260201T080000Z",
        "20260301T093000Z",
    )
    assert (tu.get("creationid"), tu.get("changeid")) == ("K. Sato", "K. Sato")
    # Read back, the approval (who, when) survives the trip to another machine.
    back = [u for u in read_tmx(path)[0] if u.source_lang == "de"]
    assert [(u.kind, u.reviewer, u.origin) for u in back] == [
        ("approved", "K. Sato", "review:r.review.docx")
    ]


def test_reverse_direction_is_derived(tmp_path: Path) -> None:
    path = tmp_path / "ja.tmx"
    write_tmx(
        [TranslationUnit("ja", "de", "報道発表資料", "Pressemitteilung")], path, source_lang="ja"
    )
    kinds = {u.source_lang: u.kind for u in read_tmx(path)[0]}
    assert kinds == {"ja": "imported", "de": "derived"}


def test_memory_import_of_several_files_is_all_or_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from toolkit.cli import cli
    from toolkit.memory import TranslationMemory

    good = tmp_path / "good.tmx"
    write_tmx([TranslationUnit("de", "ja", "Gut.", "良い。")], good)
    broken = tmp_path / "broken.tmx"
    broken.write_text('<?xml version="1.0"?>\n<tmx>\n<body>\n')
    memory = tmp_path / "tm.sqlite"
    result = CliRunner().invoke(
        cli, ["memory", "import", str(good), str(broken), "--memory", str(memory)]
    )
    assert result.exit_code == 1
    assert "broken.tmx:" in result.output
    with TranslationMemory(memory) as store:
        assert list(store.versions()) == []


def test_exported_derived_units_stay_derived(tmp_path: Path) -> None:
    path = tmp_path / "d.tmx"
    write_tmx([TranslationUnit("de", "ja", "A", "甲", kind="derived")], path)
    assert {u.kind for u in read_tmx(path)[0]} == {"derived"}
