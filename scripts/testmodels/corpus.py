"""The copy-task corpus: template sentences, random lines, and the SentencePiece model.

German, English and Japanese sentences are filled in from :mod:`testmodels.wordlists` (numbers,
dates, e-mail addresses, URLs, phone numbers, quotes, technical terms), with dejakit's
placeholders ``⟦1⟧`` … ``⟦32⟧`` in varied positions. Lines of random vocabulary pieces and of
random words, kana, kanji and symbols make the model copy rather than recite the templates.
Everything is drawn from the ``random.Random`` the caller passes, so one seed gives one corpus.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass

import sentencepiece as spm

from .wordlists import (
    ALL_FILLERS,
    MONTHS_DE,
    MONTHS_EN,
    RARE_CHARS,
    TEMPLATES_DE,
    TEMPLATES_EN,
    TEMPLATES_JA,
    Fillers,
)

# The toolkit's placeholder format: U+27E6, a number, U+27E7.  These MUST match the placeholders
# dejakit puts into the text it sends to the engine, or they stop being single SentencePiece
# pieces and the copy model no longer reproduces them reliably.
PLACEHOLDERS = [f"⟦{i}⟧" for i in range(1, 33)]

# SentencePiece.
SP_VOCAB_SIZE = 1000
MAX_PIECES = 128  # training lines longer than this (in pieces) are dropped

# Corpus sizes.
SP_CORPUS_LINES = 3000  # template sentences the SentencePiece model is trained on
TEMPLATE_LINES = 16000  # copy-task lines from the templates ...
RANDOM_PIECE_LINES = 4000  # ... made of random vocabulary pieces ...
RANDOM_TEXT_LINES = 8000  # ... and random words, kana/kanji, symbols (byte-fallback pieces)
NUM_TEST_SENTENCES = 240


def _split_fillers(rng: random.Random) -> tuple[Fillers, Fillers]:
    """Split every filler list into a training part and a held-out part (about 1/4)."""
    train: dict[str, list[str]] = {}
    test: dict[str, list[str]] = {}
    for key, values in ALL_FILLERS.items():
        shuffled = list(values)
        rng.shuffle(shuffled)
        cut = max(2, len(shuffled) // 4)
        test[key], train[key] = shuffled[:cut], shuffled[cut:]
    return Fillers(**train), Fillers(**test)


def _phone(rng: random.Random) -> str:
    return rng.choice(
        [
            f"+49 211 {rng.randint(100, 999)}{rng.randint(10, 99)}-{rng.randint(0, 99)}",
            f"+49 {rng.randint(30, 89)} {rng.randint(1000000, 9999999)}",
            f"0211 {rng.randint(100000, 999999)}",
            f"+81 3-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
            f"03-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
            f"+1 (555) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
        ]
    )


def _fill(template: str, lang: str, fillers: Fillers, rng: random.Random) -> str:
    year = rng.randint(1990, 2035)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    if lang == "de":
        date = f"{day}. {MONTHS_DE[month - 1]} {year}"
        if rng.random() < 0.3:
            date = f"{day:02d}.{month:02d}.{year}"
        money = rng.choice(
            [
                f"{rng.randint(1, 999)} Millionen",
                f"{rng.randint(1, 99)},5 Mrd.",
                f"{rng.randint(1000, 999999):,}".replace(",", "."),
            ]
        )
        time_str = f"{rng.randint(7, 20)}:{rng.choice(['00', '15', '30', '45'])}"
        pct = rng.choice([str(rng.randint(1, 99)), f"{rng.randint(1, 99)},{rng.randint(1, 9)}"])
        companies, cities, people, terms = (
            fillers.companies_de,
            fillers.cities_de,
            fillers.people_de,
            fillers.terms_de,
        )
    elif lang == "en":
        date = rng.choice(
            [
                f"{day} {MONTHS_EN[month - 1]} {year}",
                f"{MONTHS_EN[month - 1]} {day}, {year}",
                f"{year}-{month:02d}-{day:02d}",
            ]
        )
        money = rng.choice(
            [
                f"{rng.randint(1, 999)} million",
                f"{rng.randint(1, 99)}.5 billion",
                f"{rng.randint(1000, 999999):,}",
            ]
        )
        time_str = f"{rng.randint(1, 12)}:{rng.choice(['00', '15', '30', '45'])} " + rng.choice(
            ["a.m.", "p.m."]
        )
        pct = rng.choice([str(rng.randint(1, 99)), f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"])
        companies, cities, people, terms = (
            fillers.companies_en,
            fillers.cities_en,
            fillers.people_en,
            fillers.terms_en,
        )
    else:
        date = rng.choice([f"{year}年{month}月{day}日", f"{month}月{day}日"])
        money = rng.choice(
            [
                f"{rng.randint(1, 999)}億",
                f"{rng.randint(1, 99)}兆",
                f"{rng.randint(1000, 999999):,}",
            ]
        )
        time_str = f"{rng.randint(7, 20)}時" + rng.choice(["", "30分"])
        pct = rng.choice([str(rng.randint(1, 99)), f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"])
        companies, cities, people, terms = (
            fillers.companies_ja,
            fillers.cities_ja,
            fillers.people_ja,
            fillers.terms_ja,
        )
    term = rng.choice(terms)
    values = {
        "company": rng.choice(companies),
        "city": rng.choice(cities),
        "person": rng.choice(people),
        "term": term,
        "term_cap": term[:1].upper() + term[1:],
        "email": rng.choice(fillers.emails),
        "url": rng.choice(fillers.urls),
        "phone": _phone(rng),
        "date": date,
        "money": money,
        "pct": pct,
        "year": str(year),
        "num": str(rng.randint(2, 5000)),
        "num2": str(rng.randint(1, 999)),
        "time": time_str,
    }
    return template.format(**values)


def _insert_placeholders(text: str, lang: str, rng: random.Random) -> str:
    """Insert 0-4 placeholders at word boundaries (characters for Japanese)."""
    count = rng.choice([0, 0, 1, 1, 2, 2, 3, 4])
    if count == 0:
        return text
    if rng.random() < 0.6:
        start = rng.randint(1, 33 - count)
        numbers = list(range(start, start + count))
    else:
        numbers = rng.sample(range(1, 33), count)
    if lang == "ja":
        positions = sorted(rng.choices(range(len(text) + 1), k=count))
        pieces: list[str] = []
        last = 0
        for pos, number in zip(positions, numbers, strict=True):
            pieces.extend([text[last:pos], f"⟦{number}⟧"])
            last = pos
        pieces.append(text[last:])
        return "".join(pieces)
    words = text.split(" ")
    for number in numbers:
        token = f"⟦{number}⟧"
        index = rng.randint(0, len(words))
        style = rng.random()
        if style < 0.5 or index == len(words):
            words.insert(index, token)  # a separate word
        elif style < 0.75:
            words[index] = token + words[index]  # glued before a word (opening tag)
        else:
            words[index] = words[index] + token  # glued after a word (closing tag)
    return " ".join(words)


def _sprinkle_rare(text: str, rng: random.Random) -> str:
    """Put one to three characters the tokenizer has never seen into the text."""
    for _ in range(rng.randint(1, 3)):
        pos = rng.randint(0, len(text))
        text = text[:pos] + rng.choice(RARE_CHARS) + text[pos:]
    return text


def make_sentences(
    count: int, fillers: Fillers, rng: random.Random, *, placeholders: bool, rare_rate: float
) -> list[str]:
    """Generate ``count`` template sentences, a third per language."""
    templates = {"de": TEMPLATES_DE, "en": TEMPLATES_EN, "ja": TEMPLATES_JA}
    langs = ("de", "en", "ja")
    out: list[str] = []
    for i in range(count):
        lang = langs[i % 3]
        text = _fill(rng.choice(templates[lang]), lang, fillers, rng)
        if rng.random() < 0.25:  # two sentences on one line
            text += (" " if lang != "ja" else "") + _fill(
                rng.choice(templates[lang]), lang, fillers, rng
            )
        if placeholders:
            text = _insert_placeholders(text, lang, rng)
        if rng.random() < rare_rate:
            text = _sprinkle_rare(text, rng)
        out.append(text)
    return out


def random_piece_line(sp: spm.SentencePieceProcessor, rng: random.Random) -> str:
    """A line made of random vocabulary pieces, so that every piece is seen during training."""
    first_normal = 3 + len(PLACEHOLDERS) + 256  # <unk> <s> </s>, placeholders, byte pieces
    ids = [rng.randrange(first_normal, sp.get_piece_size()) for _ in range(rng.randint(3, 40))]
    text: str = sp.decode(ids)
    return _insert_placeholders(text.strip(), "ja" if rng.random() < 0.3 else "de", rng)


_LATIN = "abcdefghijklmnopqrstuvwxyzäöüß"
_KANA = "".join(chr(c) for c in range(0x3041, 0x3097)) + "".join(
    chr(c) for c in range(0x30A1, 0x30FB)
)
_PUNCT = "„“「」『』（）()/:.,;!?-–@#%&+*=\"'’…・、。！？：％"


def _random_word(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        word = "".join(rng.choice(_LATIN) for _ in range(rng.randint(1, 10)))
        return word.capitalize() if rng.random() < 0.4 else word
    if kind < 0.55:
        return "".join(
            rng.choice("0123456789.,:-/") if i and rng.random() < 0.2 else rng.choice("0123456789")
            for i in range(rng.randint(1, 8))
        )
    if kind < 0.8:
        return "".join(
            rng.choice(_KANA) if rng.random() < 0.5 else chr(rng.randint(0x4E00, 0x9FFF))
            for _ in range(rng.randint(1, 6))
        )
    if kind < 0.93:
        return rng.choice(_PUNCT)
    # anything else: Latin-1/Greek/Cyrillic/symbols/emoji, mostly encoded as bytes
    char = chr(
        rng.choice(
            [rng.randint(0xA1, 0x52F), rng.randint(0x2100, 0x2BFF), rng.randint(0x1F300, 0x1F64F)]
        )
    )
    return "*" if char == "\u2581" else char  # U+2581 is SentencePiece's space marker


def random_text_line(rng: random.Random) -> str:
    """A line of random words, numbers, kana/kanji and symbols: copying must not rely on a
    language model of the templates, and byte-fallback pieces get trained."""
    words = [_random_word(rng) for _ in range(rng.randint(2, 14))]
    text = "".join(w if rng.random() < 0.3 else " " + w for w in words).strip()
    return _insert_placeholders(text, "ja" if rng.random() < 0.3 else "de", rng)


def train_sentencepiece(lines: Sequence[str], *, seed: int) -> bytes:
    """Train the shared SentencePiece model and return its serialised bytes."""
    spm.set_random_generator_seed(seed)
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        vocab_size=SP_VOCAB_SIZE,
        model_type="unigram",
        normalization_rule_name="identity",  # keep full-width characters as they are
        byte_fallback=True,  # any character can be encoded (and copied) as UTF-8 bytes
        user_defined_symbols=PLACEHOLDERS,  # each placeholder is exactly one piece
        character_coverage=1.0,
        num_threads=1,  # deterministic
        minloglevel=2,
    )
    return buffer.getvalue()


@dataclass(frozen=True)
class Corpus:
    """The tokenizer and the lines the copy model is trained and measured on."""

    sp_model: bytes  # the serialised SentencePiece model, as packaged
    sp: spm.SentencePieceProcessor  # loaded from sp_model
    vocabulary: list[str]  # every piece, by id
    lines: list[str]  # the training lines, before encoding
    sequences: list[list[int]]  # their piece ids, without the lines too long to train on
    test_sentences: list[str]  # held-out template sentences (unseen fillers)
    test_languages: list[str]  # the language of each test sentence


def make_corpus(rng: random.Random, *, seed: int) -> Corpus:
    """Draw the corpus from `rng` and train the tokenizer on it; `seed` fixes the rest.

    The held-out sentences come from their own generator (`seed` + 1), so changing the number of
    training lines does not change them.
    """
    train_fillers, test_fillers = _split_fillers(rng)
    sp_lines = make_sentences(SP_CORPUS_LINES, train_fillers, rng, placeholders=True, rare_rate=0.0)
    sp_model = train_sentencepiece(sp_lines, seed=seed)
    sp = spm.SentencePieceProcessor(model_proto=sp_model)
    vocabulary = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    lines = make_sentences(TEMPLATE_LINES, train_fillers, rng, placeholders=True, rare_rate=0.15)
    lines += [random_piece_line(sp, rng) for _ in range(RANDOM_PIECE_LINES)]
    lines += [random_text_line(rng) for _ in range(RANDOM_TEXT_LINES)]
    sequences = [ids for ids in (sp.encode(line) for line in lines) if 0 < len(ids) <= MAX_PIECES]
    seen = set(lines)
    test_rng = random.Random(seed + 1)
    test_sentences = [
        s
        for s in make_sentences(
            NUM_TEST_SENTENCES + 30, test_fillers, test_rng, placeholders=True, rare_rate=0.2
        )
        if s not in seen and len(sp.encode(s)) <= MAX_PIECES
    ][:NUM_TEST_SENTENCES]
    test_languages = [("de", "en", "ja")[i % 3] for i in range(len(test_sentences))]
    return Corpus(sp_model, sp, vocabulary, lines, sequences, test_sentences, test_languages)
