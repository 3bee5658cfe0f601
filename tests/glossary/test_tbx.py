from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from toolkit.errors import ExchangeError
from toolkit.glossary import Glossary, default_glossary, read_tbx, write_tbx

TBX_UTF16 = """<?xml version="1.0" encoding="UTF-16"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd" [
  <!ENTITY xxe SYSTEM "file://{secret}">
]>
<martif type="TBX-Basic" xml:lang="de-DE">
<martifHeader><fileDesc><sourceDesc><p>From a CAT tool</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="c1">
  <descrip type="subjectField">Energie</descrip>
  <descripGrp><descrip type="definition">Leichtestes Element &xxe;</descrip></descripGrp>
  <langSet xml:lang="de-DE">
    <tig><term>Wasserstoff</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>H2</term><termNote type="termType">abbreviation</termNote></tig>
    <ntig><termGrp><term>Wasserstof</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
  </langSet>
  <langSet xml:lang="ja-JP">
    <tig><term>水素&xxe;</term></tig>
    <tig><term>ハイドロジェン</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="en-GB"><tig><term>hydrogen</term></tig></langSet>
</termEntry>
<termEntry id="c2">
  <langSet xml:lang="de"><tig><term>Nur Deutsch</term></tig></langSet>
</termEntry>
</body></text>
</martif>
"""

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c1">
  <langSec xml:lang="de"><termSec><term>Ammoniak</term></termSec></langSec>
  <langSec xml:lang="ja"><termSec><term>アンモニア</term></termSec>
    <note>NH3</note></langSec>
</conceptEntry>
</body></text>
</tbx>
"""


def test_round_trip_keeps_everything(tmp_path: Path, mini: Glossary) -> None:
    path = tmp_path / "mini.tbx"
    assert write_tbx(mini, path) == len(mini)
    entries, skipped = read_tbx(path)
    assert skipped == 0
    assert [e.content() for e in entries] == [e.content() for e in mini]


def test_round_trip_of_the_shipped_glossaries(tmp_path: Path) -> None:
    glossary = default_glossary()
    path = tmp_path / "all.tbx"
    write_tbx(glossary, path)
    entries, _ = read_tbx(path)
    assert [e.content() for e in entries] == [e.content() for e in glossary]


def test_export_is_tbx_basic_with_de_ja_en(tmp_path: Path, mini: Glossary) -> None:
    path = tmp_path / "mini.tbx"
    write_tbx(mini, path)
    data = path.read_bytes()
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE martif")
    root = etree.fromstring(data)
    assert root.tag == "martif"
    assert root.get("type") == "TBX-Basic"
    first = root.find("text/body/termEntry")
    assert first is not None
    langs = [ls.get("{http://www.w3.org/XML/1998/namespace}lang") for ls in first.iter("langSet")]
    assert langs == ["de", "ja", "en"]
    statuses = [n.text for n in first.iter("termNote") if n.get("type") == "administrativeStatus"]
    assert "deprecatedTerm-admn-sts" in statuses  # forbidden_ja ハイドロジェン


def test_utf16_with_doctype_never_resolves_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "cat.tbx"
    path.write_bytes(TBX_UTF16.format(secret=secret).encode("utf-16"))
    entries, skipped = read_tbx(path)
    assert skipped == 1  # the concept without Japanese
    (entry,) = entries
    assert (entry.de, entry.ja, entry.en) == ("Wasserstoff", "水素", "hydrogen")
    assert entry.abbr == "H2"
    assert entry.forbidden_de == ("Wasserstof",)
    assert entry.forbidden_ja == ("ハイドロジェン",)
    assert entry.domain == "Energie"
    assert entry.note == "Leichtestes Element"
    assert all("TOP SECRET" not in str(value) for value in entry.content().values())


def test_tbx_v3(tmp_path: Path) -> None:
    path = tmp_path / "v3.tbx"
    path.write_text(TBX_V3, encoding="utf-8")
    entries, _ = read_tbx(path)
    assert [(e.de, e.ja, e.note, e.type) for e in entries] == [
        ("Ammoniak", "アンモニア", "NH3", "term")
    ]


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        (
            '<?xml version="1.0"?>\n<martif>\n<text>\n</martif>\n',
            r"bad\.tbx:\d+: not well-formed XML",
        ),
        ('<?xml version="1.0"?>\n<tmx version="1.4"/>\n', r"bad\.tbx:2: root element is <tmx>"),
    ],
)
def test_errors(tmp_path: Path, text: str, pattern: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExchangeError, match=pattern):
        read_tbx(path)
