"""Copy-task training: teach a :class:`TinyTransformer` to reproduce its input."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import torch
from torch import nn

from .corpus import MAX_PIECES
from .network import TinyTransformer

TRAIN_STEPS = 1600
TOKENS_PER_BATCH = 1200
PEAK_LR = 3e-3
WARMUP_STEPS = 100
CURRICULUM_START = 12  # pieces
CURRICULUM_FRACTION = 0.4  # of the steps, until all lengths are allowed


@dataclass
class TrainingLog:
    """What the training did, for the README: steps, time, lines seen and losses."""

    steps: int = 0
    seconds: float = 0.0
    examples: int = 0
    final_loss: float = float("nan")
    losses: list[tuple[int, float]] = field(default_factory=list)


class CurriculumSampler:
    """Draws batches of about TOKENS_PER_BATCH tokens of sequences of similar length.

    Early batches hold only short sequences (the attention learns to align positions much
    faster on them); the length limit grows linearly to MAX_PIECES over ``ramp_steps``.
    """

    def __init__(self, sequences: Sequence[list[int]], ramp_steps: int, rng: random.Random) -> None:
        self.by_length: dict[int, list[list[int]]] = {}
        for seq in sequences:
            self.by_length.setdefault(len(seq), []).append(seq)
        self.ramp_steps = ramp_steps
        self.rng = rng

    def batch(self, step: int) -> list[list[int]]:
        ramp = min(1.0, step / max(1, self.ramp_steps))
        limit = round(CURRICULUM_START + (MAX_PIECES - CURRICULUM_START) * ramp)
        lengths = [n for n in self.by_length if n <= limit]
        weights = [len(self.by_length[n]) for n in lengths]
        length = self.rng.choices(lengths, weights)[0]
        # neighbouring lengths share the batch so that there is little padding
        pool = [s for n in range(length, length + 4) for s in self.by_length.get(n, [])]
        count = max(1, TOKENS_PER_BATCH // (length + 4))
        return [self.rng.choice(pool) for _ in range(count)]


def _pad(rows: Sequence[Sequence[int]], pad: int) -> torch.Tensor:
    width = max(len(r) for r in rows)
    return torch.tensor([list(r) + [pad] * (width - len(r)) for r in rows])


def train_copy_model(
    model: TinyTransformer,
    sequences: Sequence[list[int]],
    bos: int,
    eos: int,
    steps: int,
    rng: random.Random,
) -> TrainingLog:
    """Teach ``model`` to reproduce its input (teacher forcing, cross-entropy)."""
    pad = 0  # <unk>: never a real input here, and masked out of the loss and the attention
    optimizer = torch.optim.AdamW(
        model.parameters(), lr=PEAK_LR, betas=(0.9, 0.98), weight_decay=0.0
    )

    def lr_at(step: int) -> float:
        if step < WARMUP_STEPS:
            return PEAK_LR * (step + 1) / WARMUP_STEPS
        progress = (step - WARMUP_STEPS) / max(1, steps - WARMUP_STEPS)
        return PEAK_LR * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * progress)))

    log = TrainingLog()
    start = time.perf_counter()
    sampler = CurriculumSampler(sequences, int(steps * CURRICULUM_FRACTION), rng)
    model.train()
    running = 0.0
    for step in range(steps):
        batch = sampler.batch(step)
        src = _pad([[*seq, eos] for seq in batch], pad)
        src_pad = src == pad
        tgt_in = _pad([[bos, *seq] for seq in batch], pad)
        gold = _pad([[*seq, eos] for seq in batch], -100)
        for group in optimizer.param_groups:
            group["lr"] = lr_at(step)
        logits = model(src, src_pad, tgt_in)
        loss = nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), gold.reshape(-1), ignore_index=-100
        )
        optimizer.zero_grad()
        loss.backward()  # type: ignore[no-untyped-call]
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        log.examples += len(batch)
        loss_value = float(loss.detach())
        running = 0.9 * running + 0.1 * loss_value if step else loss_value
        if (step + 1) % 100 == 0 or step + 1 == steps:
            log.losses.append((step + 1, running))
            print(
                f"  step {step + 1:5d}/{steps}  loss {running:.4f}  "
                f"lr {lr_at(step):.2e}  {time.perf_counter() - start:5.1f}s",
                flush=True,
            )
    model.eval()
    log.steps = steps
    log.seconds = time.perf_counter() - start
    log.final_loss = running
    return log
