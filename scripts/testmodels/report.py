"""The README of ``tests/models/``: what was built, how, and what the build measured.

The text lives in ``README.md.tmpl`` beside this module (``string.Template``: ``${name}`` is a
value, ``$$`` a dollar sign); :func:`write_readme` fills in the figures of one build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template

from .checks import Accuracy, Equivalence
from .corpus import (
    MAX_PIECES,
    RANDOM_PIECE_LINES,
    RANDOM_TEXT_LINES,
    SP_CORPUS_LINES,
    SP_VOCAB_SIZE,
    TEMPLATE_LINES,
)
from .network import D_MODEL, FFN_DIM, NUM_HEADS, NUM_LAYERS
from .package import ARGOS_VERSION, PACKAGE_VERSION
from .train import CURRICULUM_START, TOKENS_PER_BATCH, TrainingLog

README_TEMPLATE = Path(__file__).with_name("README.md.tmpl")


def format_accuracy(acc: Accuracy) -> str:
    """Return `acc` as a row of the README's accuracy table (also printed by the build)."""
    langs = ", ".join(f"{lang} {ok}/{n}" for lang, (ok, n) in sorted(acc.by_language.items()))
    return (
        f"| {acc.label} | {acc.exact}/{acc.total} ({acc.percent:.1f} %) | {langs} | "
        f"{acc.placeholders_kept}/{acc.placeholders_total} "
        f"({acc.sentences_losing_placeholders} sentences lose or gain one) |"
    )


@dataclass
class BuildFacts:
    """What the build measured, for the README."""

    accuracies: list[Accuracy]
    sizes: dict[str, int]
    training: TrainingLog
    equivalence_copy: Equivalence
    equivalence_untrained: Equivalence
    num_test: int
    untrained_exact: int
    untrained_mean_len: float
    input_mean_len: float
    untrained_examples: list[tuple[str, str]]
    greedy_misses: list[tuple[str, str]]
    installed: list[str]
    install_copies_ok: bool
    install_metadata_ok: bool
    underscore_sentences: int
    total_seconds: float


def _examples(pairs: list[tuple[str, str]]) -> str:
    return "\n".join(f"    {src!r}\n      -> {out!r}" for src, out in pairs)


def render_readme(facts: BuildFacts) -> str:
    """Return the README text for the build that measured `facts`."""
    log = facts.training
    eq_copy, eq_untrained = facts.equivalence_copy, facts.equivalence_untrained
    values = {
        # what the build is made of
        "package_version": PACKAGE_VERSION,
        "argos_version": ARGOS_VERSION,
        "sp_vocab_size": SP_VOCAB_SIZE,
        "sp_corpus_lines": SP_CORPUS_LINES,
        "template_lines": f"{TEMPLATE_LINES:,}",
        "random_piece_lines": f"{RANDOM_PIECE_LINES:,}",
        "random_text_lines": f"{RANDOM_TEXT_LINES:,}",
        "curriculum_start": CURRICULUM_START,
        "max_pieces": MAX_PIECES,
        "tokens_per_batch": TOKENS_PER_BATCH,
        "d_model": D_MODEL,
        "num_heads": NUM_HEADS,
        "num_layers": NUM_LAYERS,
        "ffn_dim": FFN_DIM,
        # what this build measured
        "minutes": f"{facts.total_seconds / 60:.1f}",
        "total_seconds": f"{facts.total_seconds:.0f}",
        "steps": log.steps,
        "examples": f"{log.examples:,}",
        "training_seconds": f"{log.seconds:.0f}",
        "final_loss": f"{log.final_loss:.4f}",
        "size_rows": "\n".join(
            f"| `{name}` | {size:,} bytes |" for name, size in facts.sizes.items()
        ),
        "eq_copy_sentences": eq_copy.sentences,
        "eq_copy_max_diff": f"{eq_copy.max_abs_log_prob_diff:.1e}",
        "eq_copy_greedy_agree": eq_copy.greedy_agree,
        "eq_untrained_sentences": eq_untrained.sentences,
        "eq_untrained_max_diff": f"{eq_untrained.max_abs_log_prob_diff:.1e}",
        "eq_untrained_greedy_agree": eq_untrained.greedy_agree,
        "num_test": facts.num_test,
        "input_mean_len": f"{facts.input_mean_len:.0f}",
        "accuracy_rows": "\n".join(format_accuracy(a) for a in facts.accuracies),
        "greedy_misses": _examples(facts.greedy_misses),
        "untrained_exact": facts.untrained_exact,
        "untrained_mean_len": f"{facts.untrained_mean_len:.0f}",
        "untrained_examples": _examples(facts.untrained_examples),
        "installed": "\n".join(f"* `{name}`" for name in facts.installed),
        "install_metadata_ok": "yes" if facts.install_metadata_ok else "NO",
        "install_copies_ok": "yes" if facts.install_copies_ok else "NO",
        "underscore_sentences": facts.underscore_sentences,
    }
    template = Template(README_TEMPLATE.read_text(encoding="utf-8"))
    return template.substitute(values)


def write_readme(output_dir: Path, facts: BuildFacts) -> None:
    """Write ``README.md`` into `output_dir` for the build that measured `facts`."""
    (output_dir / "README.md").write_text(render_readme(facts), encoding="utf-8")
