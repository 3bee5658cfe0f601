"""The test-model builder (scripts/testmodels/) writes the packages committed in tests/models/.

Training takes minutes, so these tests check the cheap, deterministic steps: packaging a
committed network again gives the committed archive byte for byte, and the corpus is a function
of the seed.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from testmodels.corpus import PLACEHOLDERS, _split_fillers, make_sentences
from testmodels.package import KINDS, LEGS, Leg, package_name, package_path, write_package

from tests.conftest import ROOT

MODELS = ROOT / "tests" / "models"


def _extract_network(committed: Path, root: str, folder: Path) -> bytes:
    """Unpack `model/` of `committed` into `folder`; return its ``sentencepiece.model``."""
    folder.mkdir()
    with zipfile.ZipFile(committed) as zf:
        for name in zf.namelist():
            if name.startswith(f"{root}/model/"):
                (folder / name.rsplit("/", 1)[1]).write_bytes(zf.read(name))
        return zf.read(f"{root}/sentencepiece.model")


@pytest.mark.parametrize("kind", KINDS)
def test_packaging_the_committed_network_gives_the_committed_archive(
    kind: str, tmp_path: Path
) -> None:
    leg = LEGS[0]
    committed = package_path(MODELS, kind, leg[0], leg[2])
    sp_model = _extract_network(committed, package_name(kind, leg[0], leg[2]), tmp_path / "model")
    rebuilt = tmp_path / "rebuilt.argosmodel"
    write_package(rebuilt, kind, leg, tmp_path / "model", sp_model)
    assert rebuilt.read_bytes() == committed.read_bytes()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("leg", LEGS, ids=lambda leg: f"{leg[0]}_{leg[2]}")
def test_committed_package_has_the_metadata_and_readme_the_builder_writes(
    kind: str, leg: Leg, tmp_path: Path
) -> None:
    root = package_name(kind, leg[0], leg[2])
    (tmp_path / "model").mkdir()  # no network: only the metadata are compared here
    rebuilt = tmp_path / "rebuilt.argosmodel"
    write_package(rebuilt, kind, leg, tmp_path / "model", b"")
    with (
        zipfile.ZipFile(package_path(MODELS, kind, leg[0], leg[2])) as committed,
        zipfile.ZipFile(rebuilt) as new,
    ):
        assert new.namelist() == [n for n in committed.namelist() if "/model/" not in n]
        for member in ("metadata.json", "README.md"):
            assert new.read(f"{root}/{member}") == committed.read(f"{root}/{member}")


def test_corpus_is_a_function_of_the_seed() -> None:
    def draw(seed: int) -> list[str]:
        rng = random.Random(seed)
        fillers, _ = _split_fillers(rng)
        return make_sentences(60, fillers, rng, placeholders=True, rare_rate=0.2)

    first = draw(7)
    assert draw(7) == first
    assert draw(8) != first
    assert any(token in line for line in first for token in PLACEHOLDERS)


def test_held_out_fillers_are_not_trained_on() -> None:
    train, test = _split_fillers(random.Random(1))
    for key in ("companies_de", "terms_ja", "emails", "urls"):
        held_out = set(getattr(test, key))
        assert held_out
        assert held_out.isdisjoint(getattr(train, key))
