"""Argos Translate packages: find the installed ones, build routes, install, download, remove.

Uses `argostranslate.package` (a light import: no torch). The packages folder is resolved at call
time — ``$ARGOS_PACKAGES_DIR``, else Argos' own setting — so a changed environment is honoured
even after argostranslate was imported. Argos has no direct de↔ja packages: a route is a direct
package when one exists, else two legs through English.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EngineError

__all__ = [
    "PIVOT",
    "InstalledPackage",
    "describe_routes",
    "download_route",
    "find_route",
    "install_package",
    "installed_packages",
    "packages_dir",
    "remove_package",
]

LOGGER = logging.getLogger(__name__)
PIVOT = "en"
INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
DOWNLOAD_TIMEOUT = 30


@dataclass(frozen=True, slots=True)
class InstalledPackage:
    """An installed Argos package, as far as dejakit needs to know it."""

    name: str  # folder name, e.g. "translate-de_en-1_0"
    path: Path
    from_code: str
    to_code: str
    version: str
    tokenizer: str  # "sentencepiece" or "bpe"
    target_prefix: str = ""

    @property
    def model_dir(self) -> Path:
        """Return the CTranslate2 model folder."""
        return self.path / "model"

    @property
    def fingerprint(self) -> str:
        """Return what identifies this exact model: name, version, model file size and time."""
        model = self.model_dir / "model.bin"
        stat = model.stat() if model.exists() else None
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}" if stat else "missing"
        return f"{self.from_code}-{self.to_code}:{self.name}@{self.version}:{stamp}"


def packages_dir() -> Path:
    """Return the folder Argos packages are installed in."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env)
    from argostranslate import settings

    return Path(settings.package_data_dir)


def installed_packages() -> list[InstalledPackage]:
    """Return the installed translation packages, newest version first per language pair."""
    folder = packages_dir()
    if not folder.is_dir():
        return []
    found: list[InstalledPackage] = []
    for path in sorted(folder.iterdir()):
        metadata = path / "metadata.json"
        if not metadata.is_file():
            continue
        try:
            data = json.loads(metadata.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            LOGGER.warning("%s: unreadable package metadata (%s); skipped", metadata, exc)
            continue
        if data.get("type", "translate") != "translate" or not data.get("from_code"):
            continue
        tokenizer = "sentencepiece" if (path / "sentencepiece.model").exists() else "bpe"
        found.append(
            InstalledPackage(
                name=path.name,
                path=path,
                from_code=str(data["from_code"]),
                to_code=str(data["to_code"]),
                version=str(data.get("package_version", "")),
                tokenizer=tokenizer,
                target_prefix=str(data.get("target_prefix", "")),
            )
        )
    found.sort(key=lambda p: (p.from_code, p.to_code, _version_key(p.version)), reverse=True)
    return found


def find_route(
    source: str, target: str, packages: Sequence[InstalledPackage] | None = None
) -> list[InstalledPackage]:
    """Return the packages that translate `source` to `target`: one direct, or two via English.

    Raises EngineError naming the missing legs.
    """
    packages = installed_packages() if packages is None else packages
    best: dict[tuple[str, str], InstalledPackage] = {}
    for pkg in packages:
        best.setdefault((pkg.from_code, pkg.to_code), pkg)
    if (source, target) in best:
        return [best[(source, target)]]
    legs = [(source, PIVOT), (PIVOT, target)]
    missing = [f"{a}→{b}" for a, b in legs if (a, b) not in best]
    if missing:
        raise EngineError(
            f"no installed Argos model for {source}→{target} (needs {' and '.join(missing)}"
            f" via {PIVOT}); install .argosmodel files with `dejakit models install FILE` "
            f"or, online, `dejakit models download {source} {target}`"
        )
    return [best[leg] for leg in legs]


def describe_routes(packages: Sequence[InstalledPackage] | None = None) -> list[str]:
    """Return one line per de↔ja direction: the route, or what it lacks."""
    packages = installed_packages() if packages is None else packages
    lines = []
    for source, target in (("de", "ja"), ("ja", "de")):
        try:
            route = find_route(source, target, packages)
        except EngineError:
            have = {(p.from_code, p.to_code) for p in packages}
            lacking = [
                f"{a}→{b}" for a, b in ((source, PIVOT), (PIVOT, target)) if (a, b) not in have
            ]
            lines.append(f"{source}→{target}: missing {', '.join(lacking)}")
            continue
        via = f" via {PIVOT}" if len(route) > 1 else " direct"
        names = ", ".join(f"{p.name} {p.version}".strip() for p in route)
        lines.append(f"{source}→{target}{via} ({names})")
    return lines


def install_package(file: Path) -> InstalledPackage:
    """Install the ``.argosmodel`` file at `file` (offline) and return the installed package."""
    metadata = _check_package_file(file)
    target = packages_dir()
    target.mkdir(parents=True, exist_ok=True)
    import argostranslate.package
    from argostranslate import settings

    # install_from_path extracts into the folder Argos computed at import; point it at ours.
    previous = settings.package_data_dir
    settings.package_data_dir = target
    try:
        argostranslate.package.install_from_path(file)
    except Exception as exc:  # argostranslate raises bare Exception
        shutil.rmtree(target / str(metadata["folder"]), ignore_errors=True)  # no half package
        raise EngineError(f"{file}: can't install ({exc})") from None
    finally:
        settings.package_data_dir = previous
    for pkg in installed_packages():
        if pkg.name == metadata["folder"]:
            return pkg
    raise EngineError(f"{file}: installed, but not found in {target}; check the folder")


def remove_package(name: str) -> InstalledPackage:
    """Remove the installed package whose folder is `name` (or ``from_to`` like ``de_en``)."""
    for pkg in installed_packages():
        if name in (pkg.name, f"{pkg.from_code}_{pkg.to_code}", f"{pkg.from_code}-{pkg.to_code}"):
            shutil.rmtree(pkg.path)
            return pkg
    names = ", ".join(p.name for p in installed_packages()) or "none installed"
    raise EngineError(f"no installed package {name!r}; installed: {names}")


def download_route(source: str, target: str, *, index_url: str = INDEX_URL) -> list[Path]:
    """Download and install the packages a `source`→`target` route needs (needs the network)."""
    legs = [(source, target)]
    try:
        index = _fetch_json(index_url)
    except OSError as exc:
        wanted = [f"translate-{source}_{PIVOT}", f"translate-{PIVOT}_{target}"]
        raise EngineError(
            f"can't reach the Argos package index ({exc}); offline, fetch "
            f"{' and '.join(w + '-*.argosmodel' for w in wanted)} on a machine with internet "
            "(https://www.argosopentech.com/argospm/index/), carry them over and run "
            "`dejakit models install FILE.argosmodel` for each"
        ) from None
    available = {(str(m.get("from_code")), str(m.get("to_code"))): m for m in index}
    if (source, target) not in available:
        legs = [(source, PIVOT), (PIVOT, target)]
    installed: list[Path] = []
    for leg in legs:
        meta = available.get(leg)
        if meta is None:
            raise EngineError(f"the Argos index has no package for {leg[0]}→{leg[1]}")
        links = list(meta.get("links") or [])
        if not links:
            raise EngineError(f"the Argos index lists no download for {leg[0]}→{leg[1]}")
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / f"translate-{leg[0]}_{leg[1]}.argosmodel"
            try:
                with (
                    urllib.request.urlopen(links[0], timeout=DOWNLOAD_TIMEOUT) as response,
                    open(file, "wb") as out,
                ):
                    shutil.copyfileobj(response, out)
            except (OSError, urllib.error.URLError) as exc:
                raise EngineError(f"download of {links[0]} failed ({exc})") from None
            installed.append(install_package(file).path)
    return installed


def _fetch_json(url: str) -> list[dict[str, Any]]:
    with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT) as response:
        data = json.loads(response.read().decode("utf-8"))
    if not isinstance(data, list):
        raise OSError(f"unexpected index format at {url}")
    return data


def _check_package_file(file: Path) -> dict[str, Any]:
    """Return the metadata of the package file, or raise EngineError saying what is wrong."""
    if not file.is_file():
        raise EngineError(f"{file}: no such file")
    if not zipfile.is_zipfile(file):
        raise EngineError(
            f"{file}: not an Argos package (not a zip archive, or cut short in copying); "
            "copy the .argosmodel file again"
        )
    try:
        with zipfile.ZipFile(file) as archive:
            metadata, folder = _read_package_archive(file, archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise EngineError(
            f"{file}: the package is damaged ({exc}); copy the .argosmodel file again"
        ) from None
    if not metadata.get("from_code") or not metadata.get("to_code"):
        raise EngineError(f"{file}: metadata.json lacks from_code/to_code")
    metadata["folder"] = folder
    return dict(metadata)


def _read_package_archive(file: Path, archive: zipfile.ZipFile) -> tuple[dict[str, Any], str]:
    """Return the metadata and top folder of an open package, every member's CRC checked.

    A file damaged on the USB stick is refused here, before anything is extracted; otherwise
    Argos would leave a half-extracted package behind that fails only at translation time.
    """
    names = archive.namelist()
    folders = {n.split("/")[0] for n in names if "/" in n}
    if len(folders) != 1 or any(n.startswith("/") or ".." in n.split("/") for n in names):
        raise EngineError(f"{file}: not an Argos package (expected one top-level folder)")
    folder = folders.pop()
    try:
        metadata = json.loads(archive.read(f"{folder}/metadata.json"))
    except (KeyError, ValueError):
        raise EngineError(f"{file}: not an Argos package (no readable metadata.json)") from None
    if not isinstance(metadata, dict):
        raise EngineError(f"{file}: not an Argos package (metadata.json is not an object)")
    if f"{folder}/model/model.bin" not in names:
        raise EngineError(f"{file}: not an Argos package (no model/model.bin)")
    bad = archive.testzip()  # reads every member: a CRC mismatch names the damaged one
    if bad is not None:
        raise EngineError(
            f"{file}: the package is damaged ({bad} fails its checksum); copy it again"
        )
    return metadata, folder


def _version_key(version: str) -> tuple[int, ...]:
    parts = []
    for part in version.replace("_", ".").split("."):
        parts.append(int(part) if part.isdigit() else 0)
    return tuple(parts)
