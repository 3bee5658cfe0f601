"""What the build verifies: the conversion is exact, the copies are right, the packages install.

* :func:`check_equivalence`: CTranslate2 (float32 conversion) scores and decodes as torch does.
* :func:`measure_accuracy`: the exact-copy rate and kept placeholders of the int8 model.
* :func:`check_install`: argostranslate installs every package and reads its metadata back.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ctranslate2
import sentencepiece as spm

from .corpus import PLACEHOLDERS
from .network import TinyTransformer
from .package import PACKAGE_VERSION, package_name

MIN_ACCURACY = 95.0  # percent of exact copies the build insists on


@dataclass
class Equivalence:
    """How closely CTranslate2 (float32 conversion) reproduces the torch model."""

    sentences: int
    max_abs_log_prob_diff: float
    greedy_agree: int


def check_equivalence(
    model: TinyTransformer,
    sp: spm.SentencePieceProcessor,
    model_dir: Path,
    sentences: Sequence[str],
) -> Equivalence:
    """Compare per-token log-probabilities (``score_batch``) and greedy outputs."""
    translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="float32")
    bos, eos = sp.bos_id(), sp.eos_id()
    pieces = [sp.encode(s, out_type=str) for s in sentences]
    ids = [sp.encode(s) for s in sentences]
    scored = translator.score_batch(pieces, pieces)
    max_diff = 0.0
    for seq, result in zip(ids, scored, strict=True):
        reference = model.token_log_probs(seq, seq, bos, eos)
        if len(reference) != len(result.log_probs):
            raise RuntimeError("CTranslate2 scored a different number of tokens than torch")
        diffs = [abs(a - b) for a, b in zip(reference, result.log_probs, strict=True)]
        max_diff = max(max_diff, *diffs)
    agree = 0
    results = translator.translate_batch(pieces, beam_size=1, max_decoding_length=256)
    for seq, result in zip(ids, results, strict=True):
        torch_out = model.greedy(seq, bos, eos)
        agree += [sp.piece_to_id(p) for p in result.hypotheses[0]] == torch_out
    return Equivalence(len(sentences), max_diff, agree)


@dataclass
class Accuracy:
    label: str
    total: int = 0
    exact: int = 0
    placeholders_total: int = 0
    placeholders_kept: int = 0
    sentences_losing_placeholders: int = 0
    by_language: dict[str, list[int]] = field(default_factory=dict)

    @property
    def percent(self) -> float:
        return 100.0 * self.exact / max(1, self.total)


def _placeholders_in(text: str) -> list[str]:
    found: list[str] = []
    for token in PLACEHOLDERS:
        found.extend([token] * text.count(token))
    return found


def measure_accuracy(
    translator: ctranslate2.Translator,
    sp: spm.SentencePieceProcessor,
    sentences: Sequence[str],
    languages: Sequence[str],
    label: str,
    **options: object,
) -> Accuracy:
    """Exact-copy rate of ``translate_batch(**options)``, decoded with SentencePiece."""
    pieces = [sp.encode(s, out_type=str) for s in sentences]
    results = translator.translate_batch(pieces, **options)
    acc = Accuracy(label)
    for text, lang, result in zip(sentences, languages, results, strict=True):
        output = sp.decode_pieces(result.hypotheses[0])
        ok = output == text
        acc.total += 1
        acc.exact += ok
        counts = acc.by_language.setdefault(lang, [0, 0])
        counts[0] += ok
        counts[1] += 1
        wanted = _placeholders_in(text)
        got = _placeholders_in(output)
        kept = sum(min(wanted.count(t), got.count(t)) for t in set(wanted))
        acc.placeholders_total += len(wanted)
        acc.placeholders_kept += kept
        acc.sentences_losing_placeholders += kept < len(wanted) or len(got) > len(wanted)
    return acc


@dataclass
class InstallCheck:
    installed: list[str]
    copies: dict[str, bool]
    metadata_ok: bool


_ARGOS_DIRS = (
    ("ARGOS_PACKAGES_DIR", "packages"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
)


def check_install(packages: Sequence[Path], probe: str) -> InstallCheck:
    """Install every package with argostranslate into a throw-away directory, check what
    ``get_installed_packages()`` reads back, and copy ``probe`` with each package through its
    installed files (tokenizer + CTranslate2 model)."""
    if "argostranslate.settings" in sys.modules:
        raise RuntimeError("argostranslate was imported before its directories were set")
    saved = {var: os.environ.get(var) for var, _ in _ARGOS_DIRS}
    with tempfile.TemporaryDirectory(prefix="dejakit-argos-") as tmp:
        try:
            # argostranslate.settings reads these at import time and creates the directories.
            for var, sub in _ARGOS_DIRS:
                os.environ[var] = str(Path(tmp) / sub)
            import argostranslate.package as argos_package

            for path in packages:
                argos_package.install_from_path(path)
            installed = argos_package.get_installed_packages()
            copies: dict[str, bool] = {}
            metadata_ok = True
            for pkg in installed:
                name = pkg.package_path.name
                kind = "copy" if "-copy-" in name else "untrained"
                metadata_ok &= (
                    name == package_name(kind, pkg.from_code, pkg.to_code)
                    and pkg.package_version == PACKAGE_VERSION
                    and pkg.type == "translate"
                )
                translator = ctranslate2.Translator(
                    str(pkg.package_path / "model"), device="cpu", compute_type="int8"
                )
                tokens = pkg.tokenizer.encode(probe)
                output = translator.translate_batch([tokens], beam_size=2)[0].hypotheses[0]
                copies[name] = pkg.tokenizer.lazy_processor().decode(output) == probe
        finally:
            for var, value in saved.items():
                if value is None:
                    os.environ.pop(var, None)
                else:
                    os.environ[var] = value
    names = sorted(pkg.package_path.name for pkg in installed)
    return InstallCheck(names, copies, metadata_ok and len(names) == len(packages))
