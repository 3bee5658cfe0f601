"""Conversion of the torch network into a CTranslate2 model, through a ``Converter`` subclass.

``_load()`` fills a ``TransformerSpec`` built from the same shape; ``Converter.convert()``
validates it, quantises it (``float32`` for the equivalence checks, ``int8`` for the packages)
and saves ``model.bin`` with the shared vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import cast

import numpy as np
import numpy.typing as npt
import torch
from ctranslate2.converters.converter import Converter
from ctranslate2.specs import attention_spec, common_spec, transformer_spec
from torch import nn

from .network import (
    LAYER_NORM_EPS,
    NUM_HEADS,
    NUM_LAYERS,
    Attention,
    DecoderLayer,
    EncoderLayer,
    FeedForward,
    TinyTransformer,
)


def _np(tensor: torch.Tensor) -> npt.NDArray[np.float32]:
    # A copy: ModelSpec.optimize() quantises arrays in place, which must not touch the model.
    return tensor.detach().to(torch.float32).cpu().numpy().copy()


def _set_layer_norm(spec: common_spec.LayerNormSpec, module: nn.LayerNorm) -> None:
    spec.gamma = _np(module.weight)
    spec.beta = _np(module.bias)


def _set_linear(spec: common_spec.LinearSpec, *modules: nn.Linear) -> None:
    """Set ``spec`` to one linear layer, or several fused along the output dimension."""
    spec.weight = np.concatenate([_np(m.weight) for m in modules], axis=0)
    spec.bias = np.concatenate([_np(m.bias) for m in modules], axis=0)


def _set_attention(
    spec: attention_spec.MultiHeadAttentionSpec, module: Attention, *, self_attention: bool
) -> None:
    _set_layer_norm(spec.layer_norm, module.norm)
    if self_attention:
        _set_linear(spec.linear[0], module.q, module.k, module.v)
    else:
        _set_linear(spec.linear[0], module.q)
        _set_linear(spec.linear[1], module.k, module.v)
    _set_linear(spec.linear[-1], module.out)


def _set_ffn(spec: transformer_spec.FeedForwardSpec, module: FeedForward) -> None:
    _set_layer_norm(spec.layer_norm, module.norm)
    _set_linear(spec.linear_0, module.w1)
    _set_linear(spec.linear_1, module.w2)


class TinyTransformerConverter(Converter):  # type: ignore[misc]  # ctranslate2 has no types
    """Writes a :class:`TinyTransformer` into a CTranslate2 ``TransformerSpec``."""

    def __init__(self, model: TinyTransformer, vocabulary: Sequence[str]) -> None:
        self.model = model
        self.vocabulary = list(vocabulary)

    def _load(self) -> transformer_spec.TransformerSpec:
        model = self.model
        spec = transformer_spec.TransformerSpec.from_config(
            (NUM_LAYERS, NUM_LAYERS),
            NUM_HEADS,
            pre_norm=True,
            activation=common_spec.Activation.RELU,
        )
        spec.config.layer_norm_epsilon = LAYER_NORM_EPS
        # The source ends with </s>, as in training: the model copies it to stop, which makes
        # the end of the output as certain as every other token (important for beam search,
        # whose length normalisation otherwise favours truncated hypotheses).
        spec.config.add_source_eos = True
        # Embeddings are multiplied by sqrt(d_model) (spec default scale_embeddings=True) and
        # the position encodings are left unset, so CTranslate2 generates the sinusoids that
        # sinusoidal_positions() reproduces.
        encoder, decoder = spec.encoder, spec.decoder
        encoder.embeddings[0].weight = _np(model.embedding.weight)
        decoder.embeddings.weight = _np(model.embedding.weight)
        decoder.projection.weight = _np(model.output_weight())  # aliased when tied
        _set_layer_norm(encoder.layer_norm, model.encoder_norm)
        _set_layer_norm(decoder.layer_norm, model.decoder_norm)
        enc_layers = cast(Sequence[EncoderLayer], model.encoder_layers)
        dec_layers = cast(Sequence[DecoderLayer], model.decoder_layers)
        for layer_spec, enc_layer in zip(encoder.layer, enc_layers, strict=True):
            _set_attention(layer_spec.self_attention, enc_layer.self_attn, self_attention=True)
            _set_ffn(layer_spec.ffn, enc_layer.ffn)
        for layer_spec, dec_layer in zip(decoder.layer, dec_layers, strict=True):
            _set_attention(layer_spec.self_attention, dec_layer.self_attn, self_attention=True)
            _set_attention(layer_spec.attention, dec_layer.cross_attn, self_attention=False)
            _set_ffn(layer_spec.ffn, dec_layer.ffn)
        spec.register_source_vocabulary(self.vocabulary)
        spec.register_target_vocabulary(self.vocabulary)
        return spec


def convert(
    model: TinyTransformer, vocabulary: Sequence[str], output_dir: Path, quantization: str
) -> None:
    """Write `model` as a CTranslate2 model into `output_dir`, quantised to `quantization`."""
    TinyTransformerConverter(model, vocabulary).convert(
        str(output_dir), quantization=quantization, force=True
    )
