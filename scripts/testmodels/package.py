"""Packaging: one network and tokenizer become an ``.argosmodel`` per leg and kind.

An ``.argosmodel`` is a zip with one top-level directory (the installed directory name) holding
``metadata.json``, ``model/`` (the CTranslate2 model), ``sentencepiece.model`` and ``README.md``;
this is what ``argostranslate.package.install_from_path`` extracts. Entries are sorted and
carry a fixed timestamp, so rebuilding gives identical archives.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

PACKAGE_VERSION = "0.1.0"
ARGOS_VERSION = "1.11"

# (from_code, from_name, to_code, to_name) of a leg.
Leg = tuple[str, str, str, str]

# The four legs dejakit uses.
LEGS: tuple[Leg, ...] = (
    ("de", "German", "en", "English"),
    ("en", "English", "ja", "Japanese"),
    ("ja", "Japanese", "en", "English"),
    ("en", "English", "de", "German"),
)
KINDS = ("copy", "untrained")

# Fixed timestamp for every zip entry, so that rebuilding gives identical archives.
ZIP_DATE_TIME = (2026, 1, 15, 0, 0, 0)


def package_name(kind: str, from_code: str, to_code: str) -> str:
    """Name of the installed package directory (and the ``code`` in metadata.json)."""
    return f"dejakit-test-{kind}-{from_code}_{to_code}"


def package_path(output_dir: Path, kind: str, from_code: str, to_code: str) -> Path:
    """Where the `.argosmodel` file of `kind` for `from_code`→`to_code` goes."""
    return output_dir / kind / f"translate-{from_code}_{to_code}-test_{kind}.argosmodel"


_KIND_DESCRIPTIONS = {
    "copy": "copies its input to the output (trained on a copy task); NOT a translation model",
    "untrained": "random-initialised weights, produces garbage; NOT a translation model",
}


def _package_readme(kind: str, leg: Leg) -> str:
    from_code, from_name, to_code, to_name = leg
    return (
        f"# {package_name(kind, from_code, to_code)}\n\n"
        f"Test package for dejakit ({from_name} → {to_name} metadata only): the model "
        f"{_KIND_DESCRIPTIONS[kind]}.\n\n"
        "Built from nothing by scripts/build_test_models.py in the dejakit repository; see "
        "tests/models/README.md there.\n"
    )


def _metadata(kind: str, leg: Leg) -> dict[str, object]:
    from_code, from_name, to_code, to_name = leg
    name = package_name(kind, from_code, to_code)
    return {
        "package_version": PACKAGE_VERSION,
        "argos_version": ARGOS_VERSION,
        "type": "translate",
        "code": name,
        "name": name,
        "from_code": from_code,
        "from_name": from_name,
        "to_code": to_code,
        "to_name": to_name,
        "description": f"dejakit TEST model: {_KIND_DESCRIPTIONS[kind]}.",
        "links": [],
        "dejakit_test_model": kind,
    }


def _zip_entry(zf: zipfile.ZipFile, arcname: str, data: bytes) -> None:
    info = zipfile.ZipInfo(arcname, date_time=ZIP_DATE_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data, compresslevel=9)


def write_package(
    path: Path,
    kind: str,
    leg: Leg,
    model_dir: Path,
    sp_model: bytes,
) -> None:
    """Write an .argosmodel: a zip with one top-level directory holding metadata.json,
    model/ (the CTranslate2 model), sentencepiece.model and README.md."""
    root = package_name(kind, leg[0], leg[2])
    files: dict[str, bytes] = {
        "metadata.json": (
            json.dumps(_metadata(kind, leg), indent=2, ensure_ascii=False) + "\n"
        ).encode(),
        "sentencepiece.model": sp_model,
        "README.md": _package_readme(kind, leg).encode(),
    }
    for file in sorted(model_dir.iterdir()):
        files[f"model/{file.name}"] = file.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for arcname in sorted(files):
            _zip_entry(zf, f"{root}/{arcname}", files[arcname])
