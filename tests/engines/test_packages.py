from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.engines.conftest import package_files
from toolkit.cli import cli
from toolkit.engines.packages import (
    describe_routes,
    download_route,
    find_route,
    install_package,
    installed_packages,
    remove_package,
)
from toolkit.errors import EngineError


def test_install_through_argos_and_route_via_english(tmp_path: Path) -> None:
    for file in package_files("copy"):
        install_package(file)
    names = sorted(p.name for p in installed_packages())
    assert names == [
        "dejakit-test-copy-de_en",
        "dejakit-test-copy-en_de",
        "dejakit-test-copy-en_ja",
        "dejakit-test-copy-ja_en",
    ]
    route = find_route("de", "ja")
    assert [(p.from_code, p.to_code) for p in route] == [("de", "en"), ("en", "ja")]
    assert describe_routes()[0].startswith("de→ja via en (dejakit-test-copy-de_en 0.1.0")


def test_missing_leg_is_named() -> None:
    install_package(package_files("copy")[0])  # de→en only
    with pytest.raises(EngineError, match=r"needs en→ja via en"):
        find_route("de", "ja")
    assert "de→ja: missing en→ja" in describe_routes()


def test_remove(tmp_path: Path) -> None:
    install_package(package_files("copy")[0])
    removed = remove_package("de_en")
    assert removed.name == "dejakit-test-copy-de_en"
    assert installed_packages() == []
    with pytest.raises(EngineError, match="no installed package"):
        remove_package("de_en")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "not a zip archive"),
        (None, "no readable metadata.json"),
    ],
)
def test_bad_package_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    file = tmp_path / "bad.argosmodel"
    if content is None:
        with zipfile.ZipFile(file, "w") as archive:
            archive.writestr("pkg/model/model.bin", b"x")
    else:
        file.write_bytes(content)
    with pytest.raises(EngineError, match=message):
        install_package(file)
    assert installed_packages() == []


def test_download_offline_says_what_to_do() -> None:
    # Port 9 (discard) on loopback refuses: the same as a machine without network.
    with pytest.raises(EngineError) as caught:
        download_route("de", "ja", index_url="http://127.0.0.1:9/index.json")
    message = str(caught.value)
    assert "translate-de_en-*.argosmodel" in message
    assert "translate-en_ja-*.argosmodel" in message
    assert "dejakit models install" in message


def test_models_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["models", "install", *map(str, package_files("copy"))])
    assert result.exit_code == 0, result.output
    assert "de→ja via en" in result.output
    listed = runner.invoke(cli, ["models", "list"])
    assert "dejakit-test-copy-en_ja" in listed.output
    assert "ja→de via en" in listed.output
    removed = runner.invoke(cli, ["models", "remove", "dejakit-test-copy-en_ja"])
    assert removed.exit_code == 0
    listed = runner.invoke(cli, ["models", "list"])
    assert "de→ja: missing en→ja" in listed.output
    bad = runner.invoke(cli, ["models", "install", str(tmp_path / "nope.argosmodel")])
    assert bad.exit_code == 1
    assert bad.output.strip().startswith("Error: ")
    assert "no such file" in bad.output


def test_models_list_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom toolkit.cli import cli\n"
        "try:\n    cli(['models', 'list'])\nexcept SystemExit:\n    pass\n"
        "bad = [m for m in ('torch', 'argostranslate.translate', 'ctranslate2', 'stanza')"
        " if m in sys.modules]\nassert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
