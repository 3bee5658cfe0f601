"""The torch Transformer: a pre-norm network that mirrors CTranslate2's ``TransformerSpec``.

Every detail CTranslate2 fixes is reproduced here, so that the converted model scores and decodes
exactly as the torch one: embeddings scaled by sqrt(d_model), CTranslate2's own sinusoidal
positions, pre-norm residual blocks, ReLU, and ``</s>`` appended to the source.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
from torch import nn

# Network shape.
D_MODEL = 128
NUM_HEADS = 4
NUM_LAYERS = 2
FFN_DIM = 512
LAYER_NORM_EPS = 1e-5


def sinusoidal_positions(length: int, depth: int) -> torch.Tensor:
    """CTranslate2's built-in position encodings (``generate_sinusoidal_position_encoding``).

    Positions count from 1, the timescale increment is log(10000) / (depth/2 - 1), and the
    sines and cosines are concatenated (not interleaved).
    """
    half = depth // 2
    timescales = torch.exp(
        torch.arange(half, dtype=torch.float32) * -(math.log(10000.0) / (half - 1))
    )
    scaled = torch.arange(1, length + 1, dtype=torch.float32)[:, None] * timescales[None, :]
    return torch.cat([torch.sin(scaled), torch.cos(scaled)], dim=-1)


class Attention(nn.Module):
    """Multi-head attention with a pre-norm on the queries and the residual added inside."""

    def __init__(self) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(D_MODEL, eps=LAYER_NORM_EPS)
        self.q = nn.Linear(D_MODEL, D_MODEL)
        self.k = nn.Linear(D_MODEL, D_MODEL)
        self.v = nn.Linear(D_MODEL, D_MODEL)
        self.out = nn.Linear(D_MODEL, D_MODEL)

    def forward(
        self, x: torch.Tensor, memory: torch.Tensor | None, mask: torch.Tensor
    ) -> torch.Tensor:
        """``mask`` is boolean, True where attention is allowed, broadcastable to (B, H, T, S)."""
        h = self.norm(x)
        keys_in = h if memory is None else memory
        batch, t_len, _ = h.shape
        s_len = keys_in.shape[1]
        head_dim = D_MODEL // NUM_HEADS
        q = self.q(h).view(batch, t_len, NUM_HEADS, head_dim).transpose(1, 2)
        k = self.k(keys_in).view(batch, s_len, NUM_HEADS, head_dim).transpose(1, 2)
        v = self.v(keys_in).view(batch, s_len, NUM_HEADS, head_dim).transpose(1, 2)
        context = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        context = context.transpose(1, 2).reshape(batch, t_len, D_MODEL)
        out: torch.Tensor = x + self.out(context)
        return out


class FeedForward(nn.Module):
    """Position-wise ReLU feed-forward block, pre-norm, with the residual added inside."""

    def __init__(self) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(D_MODEL, eps=LAYER_NORM_EPS)
        self.w1 = nn.Linear(D_MODEL, FFN_DIM)
        self.w2 = nn.Linear(FFN_DIM, D_MODEL)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = x + self.w2(torch.relu(self.w1(self.norm(x))))
        return out


class EncoderLayer(nn.Module):
    """Self-attention, then feed-forward."""

    def __init__(self) -> None:
        super().__init__()
        self.self_attn = Attention()
        self.ffn = FeedForward()

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.ffn(self.self_attn(x, None, mask))
        return out


class DecoderLayer(nn.Module):
    """Causal self-attention, attention over the encoder output, then feed-forward."""

    def __init__(self) -> None:
        super().__init__()
        self.self_attn = Attention()
        self.cross_attn = Attention()
        self.ffn = FeedForward()

    def forward(
        self,
        x: torch.Tensor,
        memory: torch.Tensor,
        self_mask: torch.Tensor,
        memory_mask: torch.Tensor,
    ) -> torch.Tensor:
        x = self.self_attn(x, None, self_mask)
        out: torch.Tensor = self.ffn(self.cross_attn(x, memory, memory_mask))
        return out


class TinyTransformer(nn.Module):
    """Pre-norm Transformer with one embedding matrix shared by encoder and decoder.

    The output projection is that matrix too (``tied_output``), except for the untrained
    model: with tied weights a random network keeps repeating its input token (``<s>``, which
    decodes to an empty string); a separate random projection gives varied garbage instead.
    """

    def __init__(self, vocab_size: int, *, tied_output: bool = True) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, D_MODEL)
        nn.init.normal_(self.embedding.weight, std=D_MODEL**-0.5)
        self.output: nn.Linear | None = None
        if not tied_output:
            self.output = nn.Linear(D_MODEL, vocab_size, bias=False)
            nn.init.normal_(self.output.weight, std=D_MODEL**-0.5)
        self.encoder_layers = nn.ModuleList(EncoderLayer() for _ in range(NUM_LAYERS))
        self.decoder_layers = nn.ModuleList(DecoderLayer() for _ in range(NUM_LAYERS))
        self.encoder_norm = nn.LayerNorm(D_MODEL, eps=LAYER_NORM_EPS)
        self.decoder_norm = nn.LayerNorm(D_MODEL, eps=LAYER_NORM_EPS)
        self.register_buffer("positions", sinusoidal_positions(1024, D_MODEL), persistent=False)

    def output_weight(self) -> torch.Tensor:
        return self.embedding.weight if self.output is None else self.output.weight

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        positions: torch.Tensor = self.positions  # type: ignore[assignment]
        out: torch.Tensor = self.embedding(ids) * math.sqrt(D_MODEL) + positions[: ids.shape[1]]
        return out

    def encode(self, src: torch.Tensor, src_pad: torch.Tensor) -> torch.Tensor:
        mask = ~src_pad[:, None, None, :]
        x = self.embed(src)
        for layer in self.encoder_layers:
            x = layer(x, mask)
        out: torch.Tensor = self.encoder_norm(x)
        return out

    def decode(
        self, tgt_in: torch.Tensor, memory: torch.Tensor, src_pad: torch.Tensor
    ) -> torch.Tensor:
        """Logits for every decoder position (causal)."""
        t_len = tgt_in.shape[1]
        causal = torch.ones(t_len, t_len, dtype=torch.bool, device=tgt_in.device).tril()
        memory_mask = ~src_pad[:, None, None, :]
        x = self.embed(tgt_in)
        for layer in self.decoder_layers:
            x = layer(x, memory, causal, memory_mask)
        logits: torch.Tensor = self.decoder_norm(x) @ self.output_weight().T
        return logits

    def forward(
        self, src: torch.Tensor, src_pad: torch.Tensor, tgt_in: torch.Tensor
    ) -> torch.Tensor:
        return self.decode(tgt_in, self.encode(src, src_pad), src_pad)

    @torch.no_grad()
    def greedy(self, src_ids: Sequence[int], bos: int, eos: int, max_len: int = 256) -> list[int]:
        src = torch.tensor([[*src_ids, eos]])  # CTranslate2 appends </s> (add_source_eos)
        src_pad = torch.zeros_like(src, dtype=torch.bool)
        memory = self.encode(src, src_pad)
        out = [bos]
        for _ in range(max_len):
            logits = self.decode(torch.tensor([out]), memory, src_pad)[0, -1]
            token = int(logits.argmax())
            if token == eos:
                break
            out.append(token)
        return out[1:]

    @torch.no_grad()
    def token_log_probs(
        self, src_ids: Sequence[int], tgt_ids: Sequence[int], bos: int, eos: int
    ) -> list[float]:
        """Log-probability of each target token and of the final </s> (like score_batch)."""
        src = torch.tensor([[*src_ids, eos]])  # CTranslate2 appends </s> (add_source_eos)
        src_pad = torch.zeros_like(src, dtype=torch.bool)
        tgt_in = torch.tensor([[bos, *tgt_ids]])
        gold = torch.tensor([*tgt_ids, eos])
        log_probs = torch.log_softmax(self(src, src_pad, tgt_in)[0], dim=-1)
        return [float(x) for x in log_probs.gather(1, gold[:, None])[:, 0]]
