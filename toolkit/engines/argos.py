"""The Argos engine: installed Argos packages run by our own CTranslate2 loop.

`argostranslate.translate` is not used on the hot path: importing it costs seconds (torch, stanza,
spaCy), its default sentence splitter downloads a model, and it translates one call at a time.
Here every segment of a job goes through ``Translator.translate_batch`` in one batched pass per
leg, tokenized with the package's SentencePiece model, with the decoding options Argos uses
(beam 4, length penalty 0.2, unknowns replaced), so the output is the one Argos would give.
Only this module imports ctranslate2 and sentencepiece.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..errors import EngineError
from .base import Hypothesis, Leg, Progress, Translation
from .packages import InstalledPackage, find_route, installed_packages

__all__ = ["ArgosEngine", "ArgosLeg", "EngineSettings"]

LOGGER = logging.getLogger(__name__)

# What separates the pieces of a segment that was split before the model's input limit.
_JOINERS = {"ja": "", "zh": ""}
_BYTE_PIECE = re.compile(r"<0x[0-9A-Fa-f]{2}>$")
_BREAK_PIECES = ("▁,", ",", "▁;", ";", "、", "。", "▁.", ".", "▁–", "▁-")


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """How the models run. The decoding defaults are Argos Translate's own."""

    beam_size: int = 4
    length_penalty: float = 0.2
    device: str = "auto"  # auto | cpu | cuda
    compute_type: str = "auto"  # auto: int8 on CPU, int8_float16 on CUDA
    inter_threads: int = 1
    intra_threads: int = 0  # 0: CTranslate2 picks (all cores)
    max_batch_tokens: int = 4096  # per internal batch, counted in tokens
    chunk_size: int = 256  # segments per translate_batch call (progress granularity)
    max_input_tokens: int = 1024  # CTranslate2 truncates silently beyond this: we split
    max_decoding_length: int = 256  # a hypothesis this long was cut off: flagged

    @property
    def split_at(self) -> int:
        """Return the input length (tokens) above which a segment is split.

        Below the input limit, and low enough that an output of about the input's length
        stays under the decoding limit.
        """
        return min(self.max_input_tokens, self.max_decoding_length * 3 // 4)

    def key(self) -> str:
        """Return the settings that change the output, for the cache key."""
        return (
            f"beam={self.beam_size};lp={self.length_penalty};ct={self.resolved_compute_type()};"
            f"maxin={self.max_input_tokens};maxdec={self.max_decoding_length}"
        )

    def resolved_device(self) -> str:
        """Return ``cuda`` when asked for or (auto) when a CUDA device exists, else ``cpu``."""
        if self.device != "auto":
            return self.device
        import ctranslate2

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"

    def resolved_compute_type(self) -> str:
        """Return the CTranslate2 compute type to load the model with."""
        if self.compute_type != "auto":
            return self.compute_type
        return "int8_float16" if self.resolved_device() == "cuda" else "int8"


@dataclass(frozen=True, slots=True)
class _Piece:
    """The model's output for one piece of a segment."""

    hypotheses: tuple[Hypothesis, ...] = ()
    truncated: bool = False
    error: str = ""
    word_start: bool = True  # the piece's input began a word (a space goes before it)


_TRANSLATORS: dict[tuple[str, str, str, int, int], Any] = {}
_LOCK = threading.Lock()


def _translator(package: InstalledPackage, settings: EngineSettings) -> Any:
    """Return a loaded CTranslate2 Translator for `package` (loaded once per process)."""
    import ctranslate2

    device = settings.resolved_device()
    compute = settings.resolved_compute_type()
    key = (str(package.model_dir), device, compute, settings.inter_threads, settings.intra_threads)
    with _LOCK:
        if key not in _TRANSLATORS:
            try:
                _TRANSLATORS[key] = ctranslate2.Translator(
                    str(package.model_dir),
                    device=device,
                    compute_type=compute,
                    inter_threads=settings.inter_threads,
                    intra_threads=settings.intra_threads,
                )
            except (RuntimeError, ValueError) as exc:
                raise EngineError(
                    f"{package.path}: the model can't be loaded ({exc}); reinstall the package"
                ) from None
        return _TRANSLATORS[key]


class ArgosLeg:
    """One installed Argos package translating a batch of texts."""

    def __init__(self, package: InstalledPackage, settings: EngineSettings) -> None:
        if package.tokenizer != "sentencepiece":
            raise EngineError(
                f"{package.path}: uses a BPE tokenizer; dejakit runs SentencePiece packages "
                "(all current Argos packages); install a newer version of this package"
            )
        self.package = package
        self.settings = settings
        self.source = package.from_code
        self.target = package.to_code
        self._sp: Any = None

    @property
    def fingerprint(self) -> str:
        """Return the model's identity and the output-relevant settings."""
        return f"{self.package.fingerprint};{self.settings.key()}"

    def _processor(self) -> Any:
        if self._sp is None:
            import sentencepiece

            self._sp = sentencepiece.SentencePieceProcessor(
                model_file=str(self.package.path / "sentencepiece.model")
            )
        return self._sp

    def tokenize(self, text: str) -> list[str]:
        """Return the SentencePiece pieces of `text` as the model sees them."""
        return list(self._processor().encode(text, out_type=str))

    def detokenize(self, pieces: Sequence[str]) -> str:
        """Return text from output pieces, as Argos does, but keeping underscores.

        (argostranslate turns every ``_`` into a space; an e-mail address or a file name with
        one would be damaged.)
        """
        text: str = self._processor().decode_pieces(list(pieces)).replace("▁", " ")
        prefix = self.package.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text[1:] if text.startswith(" ") else text

    def translate(
        self, texts: Sequence[str], *, n_best: int = 1, progress: Progress | None = None
    ) -> list[Translation]:
        """Translate `texts` in batched passes; failures are per text, never the whole job."""
        translator = _translator(self.package, self.settings)
        # Long segments are cut into pieces the model accepts, translated, and joined again.
        pieces: list[list[str]] = []
        owner: list[int] = []
        flags: list[set[str]] = [set() for _ in texts]
        for i, text in enumerate(texts):
            tokens = self.tokenize(text) if text.strip() else []
            chunks = _split_tokens(tokens, self.settings.split_at)
            if len(chunks) > 1:
                flags[i].add("split")
            for chunk in chunks:
                pieces.append(chunk)
                owner.append(i)
        # Calls go out in length order: each call's batches then hold similar lengths and
        # little padding, as one call over the whole job would (CTranslate2 sorts per call).
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        outputs: list[_Piece | None] = [None] * len(pieces)
        step = max(1, self.settings.chunk_size)
        for start in range(0, len(order), step):
            chosen = order[start : start + step]
            batch = [pieces[i] for i in chosen]
            for i, out, tokens in zip(
                chosen, self._run(translator, batch, n_best), batch, strict=True
            ):
                outputs[i] = replace(out, word_start=not tokens or tokens[0].startswith("▁"))
            if progress is not None:
                done = min(start + step, len(order))
                progress(done * len(texts) // max(1, len(order)), len(texts))
        return _assemble(texts, owner, [o for o in outputs if o is not None], flags, self.target)

    def _run(self, translator: Any, batch: list[list[str]], n_best: int) -> list[_Piece]:
        """Translate one batch; on a RuntimeError (e.g. out of memory) retry in halves."""
        nonempty = [i for i, tokens in enumerate(batch) if tokens]
        # Empty input gives empty output, without asking the model.
        results = [_Piece(hypotheses=(Hypothesis("", 0.0),)) for _ in batch]
        if not nonempty:
            return results
        try:
            out = self._translate_batch(translator, [batch[i] for i in nonempty], n_best)
        except RuntimeError as exc:
            if len(nonempty) == 1:
                LOGGER.warning("%s→%s: a segment failed: %s", self.source, self.target, exc)
                results[nonempty[0]] = _Piece(error=f"model error: {exc}")
                return results
            half = len(batch) // 2
            LOGGER.info("batch of %d failed (%s); retrying in halves", len(batch), exc)
            return self._run(translator, batch[:half], n_best) + self._run(
                translator, batch[half:], n_best
            )
        for i, hyps in zip(nonempty, out, strict=True):
            results[i] = hyps
        return results

    def _translate_batch(
        self, translator: Any, batch: list[list[str]], n_best: int
    ) -> list[_Piece]:
        prefix = self.package.target_prefix
        num = max(1, n_best)
        raw = translator.translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            replace_unknowns=True,
            max_batch_size=self.settings.max_batch_tokens,
            batch_type="tokens",
            beam_size=max(num, self.settings.beam_size),
            num_hypotheses=num,
            length_penalty=self.settings.length_penalty,
            max_decoding_length=self.settings.max_decoding_length,
            return_scores=True,
        )
        limit = self.settings.max_decoding_length
        pieces: list[_Piece] = []
        for result in raw:
            pairs = list(zip(result.hypotheses, result.scores, strict=True))
            pieces.append(
                _Piece(
                    hypotheses=tuple(Hypothesis(self.detokenize(t), s) for t, s in pairs),
                    # A best hypothesis as long as the decoding limit was cut off, not finished.
                    truncated=len(pairs[0][0]) >= limit,
                )
            )
        return pieces


def _split_tokens(tokens: list[str], limit: int) -> list[list[str]]:
    """Return `tokens` cut into pieces of at most `limit`, preferably after punctuation.

    Never between two byte pieces (``<0xE6>``…): that could cut a character in half.
    """
    if len(tokens) <= limit:
        return [tokens]
    chunks: list[list[str]] = []
    start = 0
    while len(tokens) - start > limit:
        window = tokens[start : start + limit + 1]
        allowed = [
            i
            for i in range(1, min(limit, len(window) - 1) + 1)
            if not (_BYTE_PIECE.match(window[i - 1]) and _BYTE_PIECE.match(window[i]))
        ]
        punctuation = [i for i in allowed if window[i - 1] in _BREAK_PIECES and i > limit // 2]
        cut = max(punctuation or allowed or [limit])
        chunks.append(tokens[start : start + cut])
        start += cut
    chunks.append(tokens[start:])
    return chunks


def _assemble(
    texts: Sequence[str],
    owner: list[int],
    outputs: list[_Piece],
    flags: list[set[str]],
    target: str,
) -> list[Translation]:
    """Join the pieces of split segments again and turn them into Translations."""
    parts: list[list[_Piece]] = [[] for _ in texts]
    for i, out in zip(owner, outputs, strict=True):
        parts[i].append(out)
    joiner = _JOINERS.get(target, " ")
    translations: list[Translation] = []
    for i, pieces in enumerate(parts):
        if any(p.truncated for p in pieces):
            flags[i].add("truncated")
        errors = [p.error for p in pieces if p.error]
        if errors:
            translations.append(Translation(flags=tuple(sorted(flags[i])), error=errors[0]))
            continue
        if not pieces:  # empty input gives empty output
            hyps: tuple[Hypothesis, ...] = (Hypothesis("", 0.0),)
        elif len(pieces) == 1:
            hyps = pieces[0].hypotheses
        else:  # a split segment keeps the best of each piece
            text = pieces[0].hypotheses[0].text
            for piece in pieces[1:]:
                # Cut inside a word, the pieces join without a space.
                text += (joiner if piece.word_start else "") + piece.hypotheses[0].text
            score = sum(p.hypotheses[0].score for p in pieces)
            hyps = (Hypothesis(text, score),)
        translations.append(Translation(hypotheses=hyps, flags=tuple(sorted(flags[i]))))
    return translations


class ArgosEngine:
    """Installed Argos packages, found at call time, run with CTranslate2."""

    name = "argos"

    def __init__(self, settings: EngineSettings | None = None) -> None:
        self.settings = settings or EngineSettings()

    def route(self, source: str, target: str) -> list[Leg]:
        """Return the legs for `source`→`target`: direct, or through English."""
        return [ArgosLeg(pkg, self.settings) for pkg in find_route(source, target)]

    def available(self, source: str, target: str) -> bool:
        """Return whether installed packages cover `source`→`target`."""
        try:
            find_route(source, target, installed_packages())
        except EngineError:
            return False
        return True
