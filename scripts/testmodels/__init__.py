"""Build tiny, real Argos Translate packages for dejakit's test suite.

Real Argos models are hundreds of megabytes and cannot be downloaded in CI, so this package makes
small stand-ins *from nothing*, fully offline and deterministically. One module per step, in the
order :func:`testmodels.build.build` runs them:

1. ``corpus`` writes a made-up German/English/Japanese corpus from the templates and word lists
   in ``wordlists`` (numbers, dates such as „15. Januar 2026“ and 2026年1月15日, e-mail addresses,
   URLs, phone numbers, quotes, technical terms) with placeholder tokens ``⟦1⟧`` … ``⟦32⟧`` in
   varied positions, and trains one SentencePiece model on it (identity normalisation, byte
   fallback, every placeholder a single piece).
2. ``network`` is a small pre-norm Transformer in torch (d_model 128, 4 heads, 2+2 layers);
   ``train`` teaches it a *copy task* (the output reproduces the input) for a minute or two.
3. ``convert`` writes the weights into a ``ctranslate2`` ``TransformerSpec`` through a small
   ``Converter`` subclass (int8); ``checks`` verifies that CTranslate2 scores token sequences
   exactly as the torch model does (float32 conversion) and decodes the same outputs.
4. ``package`` packages the trained network four times (de→en, en→ja, ja→en, en→de; only the
   metadata differs) as ``copy`` packages, and an untrained, randomly initialised network of
   the same shape four times as ``untrained`` packages, into ``tests/models/``.
5. ``checks`` measures the copy accuracy on held-out sentences and installs every package with
   argostranslate; ``report`` writes ``tests/models/README.md`` from ``README.md.tmpl``.

Run it with ``.venv/bin/python scripts/build_test_models.py`` (a few minutes on 2 CPU cores);
``--steps`` shortens the training, ``--output-dir`` writes somewhere other than ``tests/models/``.
Importing this package is light: torch, ctranslate2 and sentencepiece load with the step modules.
"""
