"""The engine registry: an engine is one entry; adding one is a new file and one line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.engines import registry
from toolkit.engines.registry import EngineEntry, EngineOptions, make_engine, register_engine
from toolkit.errors import ConfigError

TOY_ENGINE = '''\
"""A toy engine: upper-cases every text (stands in for a new engine module)."""

from toolkit.engines.fake import FakeEngine


def build(options, source, target):
    return FakeEngine(fallback=str.upper)
'''


@pytest.fixture
def toy_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    (tmp_path / "toy_engine_mod.py").write_text(TOY_ENGINE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "toy_engine_mod", raising=False)
    with registry.ENGINES.restored():
        # The one registry line a new engine needs:
        register_engine(EngineEntry("toy", "upper-cases everything", "toy_engine_mod:build"))
        yield "toy"


def test_builtin_engines_are_registered() -> None:
    assert registry.engine_names()[:4] == ("auto", "argos", "libretranslate", "none")
    assert make_engine("none", "de", "ja", EngineOptions()) is None


def test_unknown_engine_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown engine 'deepl'; use one of auto, argos"):
        make_engine("deepl", "de", "ja", EngineOptions())


def test_libretranslate_without_server_names_the_fix() -> None:
    with pytest.raises(ConfigError, match="--server URL"):
        make_engine("libretranslate", "de", "ja", EngineOptions())


def test_a_new_engine_is_one_file_and_one_line(toy_engine: str, tmp_path: Path) -> None:
    source = tmp_path / "kurz-de.txt"
    source.write_text("Wasserstoff verbindet Düsseldorf und Fukushima.\n", encoding="utf-8")
    out = tmp_path / "kurz.json"
    result = CliRunner().invoke(
        cli, ["translate", str(source), "--to", "ja", "--engine", toy_engine, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    targets = [s["target"] for b in data["blocks"] for s in b["segments"]]
    assert targets
    assert all(t and t.isupper() for t in targets), targets
    assert "toy" in CliRunner().invoke(cli, ["translate", "--help"]).output
