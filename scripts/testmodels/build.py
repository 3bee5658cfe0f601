"""The build: corpus, tokenizer, training, conversion, checks, packages and README, in order.

:func:`main` is the command line of ``scripts/build_test_models.py`` (and of
``python -m testmodels`` with ``scripts/`` on the path).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import ctranslate2
import torch

from .checks import MIN_ACCURACY, check_equivalence, check_install, measure_accuracy
from .convert import convert
from .corpus import make_corpus
from .network import TinyTransformer
from .package import KINDS, LEGS, package_path, write_package
from .report import BuildFacts, format_accuracy, write_readme
from .train import TRAIN_STEPS, train_copy_model

DESCRIPTION = "Build tiny, real Argos Translate packages for dejakit's test suite."
REPO_ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_OUTPUT_DIR = REPO_ROOT / "tests" / "models"
SEED = 20260115


def build(output_dir: Path, steps: int) -> bool:
    """Build everything into ``output_dir``; False if a quality check failed."""
    started = time.perf_counter()
    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)

    print("corpus and SentencePiece ...", flush=True)
    corpus = make_corpus(rng, seed=SEED)
    sp, vocabulary, sp_model = corpus.sp, corpus.vocabulary, corpus.sp_model
    test_sentences, test_languages = corpus.test_sentences, corpus.test_languages

    untrained = TinyTransformer(sp.get_piece_size(), tied_output=False)
    untrained.eval()
    model = TinyTransformer(sp.get_piece_size())
    print(f"training the copy model ({steps} steps) ...", flush=True)
    log = train_copy_model(model, corpus.sequences, sp.bos_id(), sp.eos_id(), steps, rng)

    with tempfile.TemporaryDirectory(prefix="dejakit-models-") as tmp_name:
        tmp = Path(tmp_name)
        print("converting and verifying ...", flush=True)
        probe = test_sentences[:24]
        convert(model, vocabulary, tmp / "copy-f32", "float32")
        convert(untrained, vocabulary, tmp / "untrained-f32", "float32")
        eq_copy = check_equivalence(model, sp, tmp / "copy-f32", probe)
        eq_untrained = check_equivalence(untrained, sp, tmp / "untrained-f32", probe[:8])
        for eq in (eq_copy, eq_untrained):
            if eq.max_abs_log_prob_diff > 1e-3 or eq.greedy_agree != eq.sentences:
                raise RuntimeError(f"CTranslate2 does not reproduce the torch model: {eq}")
        convert(model, vocabulary, tmp / "copy", "int8")
        convert(untrained, vocabulary, tmp / "untrained", "int8")

        print("measuring ...", flush=True)
        translator = ctranslate2.Translator(str(tmp / "copy"), device="cpu", compute_type="int8")
        accuracies = [
            measure_accuracy(translator, sp, test_sentences, test_languages, "greedy", beam_size=1),
            measure_accuracy(
                translator, sp, test_sentences, test_languages, "beam_size=2", beam_size=2
            ),
            measure_accuracy(
                translator,
                sp,
                test_sentences,
                test_languages,
                "argostranslate options",
                beam_size=4,
                num_hypotheses=1,
                length_penalty=0.2,
                replace_unknowns=True,
                max_batch_size=32,
                batch_type="tokens",
                return_scores=True,
            ),
        ]
        bad = translator.translate_batch(
            [sp.encode(s, out_type=str) for s in test_sentences], beam_size=1
        )
        garbage = ctranslate2.Translator(str(tmp / "untrained"), device="cpu", compute_type="int8")
        garbage_out = garbage.translate_batch(
            [sp.encode(s, out_type=str) for s in test_sentences], beam_size=1
        )
        untrained_texts = [sp.decode_pieces(r.hypotheses[0]) for r in garbage_out]

        shutil.rmtree(output_dir / "copy", ignore_errors=True)
        shutil.rmtree(output_dir / "untrained", ignore_errors=True)
        built: list[Path] = []
        for kind in KINDS:
            for leg in LEGS:
                path = package_path(output_dir, kind, leg[0], leg[2])
                write_package(path, kind, leg, tmp / kind, sp_model)
                built.append(path)
        model_bin_sizes = {kind: (tmp / kind / "model.bin").stat().st_size for kind in KINDS}

    print("installing with argostranslate ...", flush=True)
    install = check_install(built, test_sentences[1])
    sizes = {str(p.relative_to(output_dir)): p.stat().st_size for p in built}
    for kind, size in model_bin_sizes.items():
        sizes[f"{kind}: model/model.bin, unzipped"] = size
    (output_dir / "heldout-sentences.txt").write_text(
        "".join(s + "\n" for s in test_sentences), encoding="utf-8"
    )
    failures = [
        (s, sp.decode_pieces(r.hypotheses[0]))
        for s, r in zip(test_sentences, bad, strict=True)
        if sp.decode_pieces(r.hypotheses[0]) != s
    ]
    facts = BuildFacts(
        accuracies=accuracies,
        sizes=sizes,
        training=log,
        equivalence_copy=eq_copy,
        equivalence_untrained=eq_untrained,
        num_test=len(test_sentences),
        untrained_exact=sum(o == s for o, s in zip(untrained_texts, test_sentences, strict=True)),
        untrained_mean_len=sum(len(r.hypotheses[0]) for r in garbage_out) / len(garbage_out),
        input_mean_len=sum(len(sp.encode(s)) for s in test_sentences) / len(test_sentences),
        untrained_examples=[(test_sentences[i], untrained_texts[i][:120]) for i in (0, 1, 2)],
        greedy_misses=failures,
        installed=install.installed,
        install_metadata_ok=install.metadata_ok,
        install_copies_ok=all(ok for name, ok in install.copies.items() if "-copy-" in name),
        underscore_sentences=sum("_" in s for s in test_sentences),
        total_seconds=time.perf_counter() - started,
    )
    write_readme(output_dir, facts)

    print(f"\ndone in {facts.total_seconds:.0f} s (training {log.seconds:.0f} s)")
    for name, size in sizes.items():
        print(f"  {name}: {size / 1e6:.2f} MB")
    print(f"  equivalence copy: {eq_copy}\n  equivalence untrained: {eq_untrained}")
    for acc in accuracies:
        print("  " + format_accuracy(acc))
    print(f"  installed: {install.installed}")
    print(f"  install copies: {install.copies}")
    for src, out in failures[:10]:
        print(f"  MISS {src!r}\n    -> {out!r}")
    problems = [
        f"{acc.label}: {acc.percent:.1f} % < {MIN_ACCURACY} %"
        for acc in accuracies
        if acc.percent < MIN_ACCURACY
    ]
    if not facts.install_metadata_ok:
        problems.append("installed metadata does not read back as written")
    if not facts.install_copies_ok:
        problems.append("an installed copy package does not copy the probe sentence")
    for problem in problems:
        print(f"FAILED CHECK: {problem}", file=sys.stderr)
    return not problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=DEFAULT_OUTPUT_DIR,
        help="where to write copy/, untrained/ and README.md (%(default)s)",
    )
    parser.add_argument(
        "--steps", type=int, default=TRAIN_STEPS, help="copy-task training steps (%(default)s)"
    )
    args = parser.parse_args(argv)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    return 0 if build(args.output_dir, args.steps) else 1
