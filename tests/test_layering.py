"""The package's layers, read from the import statements (every one, lazy and TYPE_CHECKING too).

A module may import from its own layer and the layers below it, never from above: the stages
(ingest, segment, glossary, terms, engines, memory) know nothing of the pipeline, the pipeline
nothing of rendering, rendering nothing of packs, and only the command line sits on top. The
command line and the benchmarks use the public API (`toolkit`'s root) and nothing else.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "toolkit"

# Lowest first. Each top-level module or subpackage of toolkit/ is in exactly one layer.
LAYERS: tuple[frozenset[str], ...] = (
    # the bottom: the data model, errors, settings and the helpers every stage shares
    frozenset(
        {
            "errors",
            "version",
            "model",
            "limits",
            "japanese",
            "contacts",
            "textfile",
            "fileio",
            "resources",
            "localize",
            "tomlfile",
            "findings",
            "registry",
        }
    ),
    frozenset({"ingest", "segment", "glossary", "terms", "engines", "memory"}),  # the stages
    frozenset({"pipeline", "qa", "search"}),  # join the stages; check and search the result
    frozenset({"render"}),  # handouts: PDF, DOCX, HTML
    frozenset({"pack", "review", "exchange"}),  # packs, review files, TMX/XLIFF
    # the public API (toolkit/__init__.py, "") and what faces the user
    frozenset({"", "__main__", "cli", "doctor", "web"}),
)
# Units that may import only the package root (the public API) besides themselves.
PUBLIC_API_ONLY = frozenset({"cli"})


def _layer_of(unit: str) -> int:
    for level, units in enumerate(LAYERS):
        if unit in units:
            return level
    raise AssertionError(
        f"toolkit/{unit} is in no layer; add it to LAYERS in tests/test_layering.py"
    )


def _unit(path: Path, package: Path) -> str:
    """Return the top-level unit of a module: "ingest" for toolkit/ingest/docx.py, "" for root."""
    parts = path.relative_to(package).with_suffix("").parts
    if parts == ("__init__",):
        return ""
    return parts[0]


def _imports(path: Path, package: Path) -> Iterator[tuple[int, str]]:
    """Yield (line, imported unit of toolkit) for every import in the module at `path`."""
    rel = path.relative_to(package).with_suffix("").parts
    home = rel[:-1]  # the package the module sits in (for a __init__, the package itself)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = home[: len(home) - (node.level - 1)]
            target = (*base, *(node.module.split(".") if node.module else ()))
            yield node.lineno, target[0] if target else ""
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield from _absolute(node.lineno, node.module)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield from _absolute(node.lineno, alias.name)


def _absolute(line: int, module: str) -> Iterator[tuple[int, str]]:
    parts = module.split(".")
    if parts[0] == "toolkit":
        yield line, parts[1] if len(parts) > 1 else ""


def _violations(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        unit = _unit(path, package)
        level = _layer_of(unit)
        for line, target in _imports(path, package):
            if target == unit:
                continue
            where = f"toolkit/{path.relative_to(package)}:{line}"
            if unit in PUBLIC_API_ONLY and target != "":
                found.append(f"{where}: the {unit} imports toolkit.{target}; use toolkit's API")
            elif _layer_of(target) > level:
                found.append(f"{where}: toolkit/{unit} imports toolkit/{target or '__init__'}")
    return found


def test_no_module_imports_a_higher_layer() -> None:
    assert _violations(PACKAGE) == []


def test_the_check_sees_a_bad_import(tmp_path: Path) -> None:
    # The rule must bite: a stage that imports the renderer, lazily inside a function.
    (tmp_path / "ingest").mkdir()
    (tmp_path / "ingest" / "bad.py").write_text(
        "def f():\n    from ..render import render_document\n", encoding="utf-8"
    )
    (tmp_path / "cli").mkdir()
    (tmp_path / "cli" / "bad.py").write_text("from ..pack import build_pack\n", encoding="utf-8")
    (tmp_path / "render").mkdir()
    (tmp_path / "render" / "ok.py").write_text("from ..model import Document\n", encoding="utf-8")
    assert _violations(tmp_path) == [
        "toolkit/cli/bad.py:1: the cli imports toolkit.pack; use toolkit's API",
        "toolkit/ingest/bad.py:2: toolkit/ingest imports toolkit/render",
    ]


@pytest.mark.parametrize("path", sorted((ROOT / "bench").glob("*.py")), ids=lambda p: p.name)
def test_benchmarks_use_only_the_public_api(path: Path) -> None:
    """The root's names, or the command line itself (`toolkit.cli.cli`): both are public."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            top = node.module.split(".")[0]
            private = [a.name for a in node.names if a.name.startswith("_")]
            command_line = node.module == "toolkit.cli" and [a.name for a in node.names] == ["cli"]
            if (
                (node.module.startswith("toolkit.") and not command_line)
                or top == "tests"
                or private
            ):
                bad.append(f"{path.name}:{node.lineno}: from {node.module} import …")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(("toolkit.", "tests")):
                    bad.append(f"{path.name}:{node.lineno}: import {alias.name}")
    assert bad == []
