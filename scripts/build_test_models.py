"""Build tiny, real Argos Translate packages for dejakit's test suite.

Real Argos models are hundreds of megabytes and cannot be downloaded in CI, so this script makes
small stand-ins *from nothing*, fully offline and deterministically:

1. It writes a made-up German/English/Japanese corpus from templates (numbers, dates such as
   „15. Januar 2026“ and 2026年1月15日, e-mail addresses, URLs, phone numbers, quotes, technical
   terms) with placeholder tokens ``⟦1⟧`` … ``⟦32⟧`` in varied positions.
2. It trains one SentencePiece model on it (identity normalisation, byte fallback, every
   placeholder a single piece).
3. It builds a small pre-norm Transformer in torch (d_model 128, 4 heads, 2+2 layers) and trains
   it for a minute or two on a *copy task* (the output reproduces the input).
4. It writes the weights into a ``ctranslate2`` ``TransformerSpec`` through a small
   ``Converter`` subclass (int8) and checks that CTranslate2 scores token sequences exactly as
   the torch model does (float32 conversion) and decodes the same outputs.
5. It packages the trained network four times (de→en, en→ja, ja→en, en→de; only the metadata
   differs) as ``copy`` packages, and an untrained, randomly initialised network of the same
   shape four times as ``untrained`` packages, into ``tests/models/``.
6. It measures the copy accuracy on held-out sentences and writes ``tests/models/README.md``.

Run it with ``.venv/bin/python scripts/build_test_models.py`` (a few minutes on 2 CPU cores).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import ctranslate2
import numpy as np
import sentencepiece as spm
import torch
from ctranslate2.converters.converter import Converter
from ctranslate2.specs import attention_spec, common_spec, transformer_spec
from torch import nn

# The toolkit's placeholder format: U+27E6, a number, U+27E7.  These MUST match the placeholders
# dejakit puts into the text it sends to the engine, or they stop being single SentencePiece
# pieces and the copy model no longer reproduces them reliably.
PLACEHOLDERS = [f"⟦{i}⟧" for i in range(1, 33)]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT_DIR = REPO_ROOT / "tests" / "models"

PACKAGE_VERSION = "0.1.0"
ARGOS_VERSION = "1.11"
SEED = 20260115

# (from_code, from_name, to_code, to_name) of the four legs dejakit uses.
LEGS: tuple[tuple[str, str, str, str], ...] = (
    ("de", "German", "en", "English"),
    ("en", "English", "ja", "Japanese"),
    ("ja", "Japanese", "en", "English"),
    ("en", "English", "de", "German"),
)
KINDS = ("copy", "untrained")

# Network shape.
D_MODEL = 128
NUM_HEADS = 4
NUM_LAYERS = 2
FFN_DIM = 512
LAYER_NORM_EPS = 1e-5

# SentencePiece.
SP_VOCAB_SIZE = 1000
MAX_PIECES = 128  # training lines longer than this (in pieces) are dropped

# Copy-task training.
SP_CORPUS_LINES = 3000  # template sentences the SentencePiece model is trained on
TEMPLATE_LINES = 16000  # copy-task lines from the templates ...
RANDOM_PIECE_LINES = 4000  # ... made of random vocabulary pieces ...
RANDOM_TEXT_LINES = 8000  # ... and random words, kana/kanji, symbols (byte-fallback pieces)
TRAIN_STEPS = 1600
TOKENS_PER_BATCH = 1200
PEAK_LR = 3e-3
WARMUP_STEPS = 100
CURRICULUM_START = 12  # pieces
CURRICULUM_FRACTION = 0.4  # of the steps, until all lengths are allowed
NUM_TEST_SENTENCES = 240
MIN_ACCURACY = 95.0  # percent of exact copies the build insists on

# Fixed timestamp for every zip entry, so that rebuilding gives identical archives.
ZIP_DATE_TIME = (2026, 1, 15, 0, 0, 0)


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fillers:
    """Slot fillers for the sentence templates."""

    companies_de: Sequence[str]
    companies_en: Sequence[str]
    companies_ja: Sequence[str]
    cities_de: Sequence[str]
    cities_en: Sequence[str]
    cities_ja: Sequence[str]
    people_de: Sequence[str]
    people_en: Sequence[str]
    people_ja: Sequence[str]
    terms_de: Sequence[str]
    terms_en: Sequence[str]
    terms_ja: Sequence[str]
    emails: Sequence[str]
    urls: Sequence[str]


_ALL_FILLERS: dict[str, list[str]] = {
    "companies_de": [
        "Rheinwerk Energie GmbH",
        "Hanse Medizintechnik AG",
        "Nordstrom Wasserstoff GmbH",
        "Düsseldorfer Ammoniak-Terminal",
        "Brennstoffzellen-Zentrum NRW",
        "Stadtwerke Köln",
        "Ruhr Chemie AG",
        "Elbe Logistik GmbH",
        "Bayer Pharma AG",
        "Siemens Energy",
        "Thyssenkrupp Nucera",
        "Uniper SE",
        "Fraunhofer-Institut",
        "Mittelstand Digital GmbH",
        "Helios Kliniken",
        "Carl Zeiss Meditec",
        "Linde Gas",
        "Evonik Industries",
    ],
    "companies_en": [
        "Northern Hydrogen Ltd",
        "Pacific Ammonia Corp.",
        "MedTech Partners Inc.",
        "Fuel Cell Systems",
        "Green Steel Alliance",
        "Harbor Energy",
        "Apex Diagnostics",
        "Blue Ocean Logistics",
        "Summit Robotics",
        "Clearwater Pharma",
        "Atlas Grid Services",
        "Brightline Batteries",
        "Vector Medical Devices",
        "Horizon Electrolysis",
    ],
    "companies_ja": [
        "東洋水素株式会社",
        "日本アンモニア協会",
        "大阪医療技術センター",
        "北海道電力",
        "三菱重工",
        "トヨタ自動車",
        "川崎重工業",
        "京都大学",
        "東京ガス",
        "住友化学",
        "日立製作所",
        "横浜港湾局",
        "名古屋燃料電池研究所",
        "神戸製鋼所",
    ],
    "cities_de": [
        "Düsseldorf",
        "Köln",
        "Hamburg",
        "München",
        "Berlin",
        "Essen",
        "Duisburg",
        "Bremen",
        "Stuttgart",
        "Frankfurt am Main",
        "Leipzig",
        "Dortmund",
        "Bonn",
        "Aachen",
        "Kiel",
    ],
    "cities_en": [
        "Düsseldorf",
        "Tokyo",
        "Osaka",
        "London",
        "Rotterdam",
        "Yokohama",
        "Kobe",
        "Cologne",
        "Munich",
        "Hamburg",
        "Nagoya",
        "Sapporo",
        "Boston",
        "Singapore",
    ],
    "cities_ja": [
        "東京",
        "大阪",
        "横浜",
        "神戸",
        "名古屋",
        "札幌",
        "福岡",
        "京都",
        "デュッセルドルフ",
        "ケルン",
        "ハンブルク",
        "ミュンヘン",
        "ベルリン",
        "仙台",
    ],
    "people_de": [
        "Dr. Anna Schmidt",
        "Prof. Klaus Becker",
        "Frau Müller",
        "Herr Yamamoto",
        "Jürgen Weiß",
        "Sabine Krüger",
        "Dr. Thomas Vogel",
        "Petra Hoffmann",
        "Lukas Schäfer",
        "Frau Dr. Özdemir",
        "Herr Tanaka",
        "Maria Fischer",
    ],
    "people_en": [
        "Dr. Emily Carter",
        "Prof. Hiroshi Sato",
        "Ms. Jane Miller",
        "Mr. Kenji Watanabe",
        "Sarah O'Neill",
        "David Brown",
        "Dr. Laura Chen",
        "Michael Schmidt",
        "Yuki Nakamura",
        "Tom Baker",
        "Dr. Priya Patel",
    ],
    "people_ja": [
        "田中",
        "山本",
        "佐藤",
        "鈴木",
        "高橋",
        "伊藤",
        "渡辺",
        "中村",
        "小林",
        "加藤",
        "シュミット",
        "ミュラー",
    ],
    "terms_de": [
        "Wasserstoff",
        "Ammoniak",
        "Medizintechnik",
        "Brennstoffzelle",
        "Elektrolyseur",
        "grüner Wasserstoff",
        "Energiewende",
        "Batteriespeicher",
        "Offshore-Windkraft",
        "Kreislaufwirtschaft",
        "Digitalisierung",
        "Lieferkette",
        "Fachkräftemangel",
        "Wasserstoffwirtschaft",
        "Medizinprodukteverordnung",
        "Ammoniakspaltung",
    ],
    "terms_en": [
        "hydrogen",
        "ammonia",
        "medical technology",
        "fuel cell",
        "electrolyser",
        "green hydrogen",
        "energy transition",
        "battery storage",
        "offshore wind",
        "circular economy",
        "digitalisation",
        "supply chain",
        "skills shortage",
        "hydrogen economy",
        "medical device regulation",
        "ammonia cracking",
    ],
    "terms_ja": [
        "水素",
        "アンモニア",
        "医療技術",
        "燃料電池",
        "水電解装置",
        "グリーン水素",
        "エネルギー転換",
        "蓄電池",
        "洋上風力",
        "循環経済",
        "デジタル化",
        "サプライチェーン",
        "人手不足",
        "水素社会",
        "医療機器規制",
        "アンモニア分解",
    ],
    "emails": [
        "info@rheinwerk-energie.de",
        "anna.schmidt@example.de",
        "kontakt@h2-nrw.de",
        "press@northern-hydrogen.co.uk",
        "j.miller@medtech-partners.com",
        "sales@example.com",
        "tanaka@toyo-suiso.co.jp",
        "k_yamamoto@example.jp",
        "office@duesseldorf-japan.de",
        "support@apex-diagnostics.com",
        "m.fischer@bonn-energy.de",
        "info@osaka-medtech.jp",
    ],
    "urls": [
        "https://www.rheinwerk-energie.de/wasserstoff",
        "https://example.com/reports/2026",
        "https://www.h2-nrw.de/events?id=42",
        "http://intranet.example.de/docs/anleitung.pdf",
        "https://www.toyo-suiso.co.jp/news/2026/01/15",
        "www.medtech-partners.com",
        "https://github.com/example/dejakit",
        "https://www.ammonia-terminal.de/en/faq",
        "https://osaka-medtech.jp/seminar_2026.html",
        "https://www.duesseldorf.de/japan",
    ],
}

_MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_TEMPLATES_DE = [
    "Die {company} in {city} investiert {money} Euro in {term}.",
    "Am {date} findet in {city} ein Treffen zum Thema {term} statt.",
    "Bitte wenden Sie sich an {email} oder rufen Sie {phone} an.",
    "Weitere Informationen finden Sie unter {url}.",
    "„{term_cap} ist die Zukunft“, sagte {person} von der {company}.",
    "Der Umsatz stieg um {pct} Prozent auf {money} Euro.",
    "{person} leitet seit {year} die Abteilung {term_cap} in {city}.",
    "Die Delegation aus {city} besucht am {date} die {company}.",
    "Laut {company} sinken die Kosten für {term} bis {year} um {pct} Prozent.",
    "Anmeldung bis zum {date} unter {url} oder per E-Mail an {email}.",
    "Tel.: {phone}, Fax: {phone}, E-Mail: {email}",
    "Die Anlage produziert täglich {num} Tonnen {term}.",
    "Wir danken {person} für die Unterstützung beim Projekt „{term_cap}“.",
    "Seit dem {date} gilt die neue Regelung für {term}.",
    "Es wurden {num} Anträge geprüft, davon {num2} genehmigt.",
    "Frage: Wie viel {term} braucht {city} im Jahr {year}?",
    "Vorsicht! Der Termin am {date} um {time} Uhr wurde verschoben.",
    "Der Vertrag mit der {company} läuft bis {year}.",
]
_TEMPLATES_EN = [
    "{company} will invest {money} dollars in {term} in {city}.",
    "On {date}, a meeting on {term} will take place in {city}.",
    "Please contact {email} or call {phone}.",
    "More information is available at {url}.",
    '"{term_cap} is the future," said {person} of {company}.',
    "Revenue rose by {pct} percent to {money} euros.",
    "{person} has headed the {term} department in {city} since {year}.",
    "The delegation from {city} will visit {company} on {date}.",
    "According to {company}, the cost of {term} will fall by {pct}% by {year}.",
    "Register by {date} at {url} or by e-mail to {email}.",
    "Phone: {phone}, e-mail: {email}",
    "The plant produces {num} tonnes of {term} per day.",
    "We thank {person} for supporting the '{term}' project.",
    "The new rules for {term} have applied since {date}.",
    "{num} applications were reviewed and {num2} were approved.",
    "Question: how much {term} will {city} need in {year}?",
    "Note: the meeting on {date} at {time} has been postponed.",
    "The contract with {company} runs until {year}.",
]
_TEMPLATES_JA = [
    "{company}は{city}で{term}に{money}円を投資する。",
    "{date}に{city}で{term}に関する会議が開催されます。",
    "お問い合わせは{email}または{phone}までお願いします。",
    "詳しくは{url}をご覧ください。",
    "「{term}は未来だ」と{company}の{person}氏は述べた。",
    "売上高は{pct}％増の{money}円となった。",
    "{person}氏は{year}年から{city}で{term}部門を率いている。",
    "{city}からの代表団が{date}に{company}を訪問する。",
    "{company}によると、{term}のコストは{year}年までに{pct}％下がる。",
    "{date}までに{url}または{email}でお申し込みください。",
    "電話：{phone}、メール：{email}",
    "この施設は毎日{num}トンの{term}を生産している。",
    "「{term}」プロジェクトへのご支援に対し、{person}様に感謝いたします。",
    "{date}から{term}に関する新しい規則が適用されている。",
    "{num}件の申請が審査され、{num2}件が承認された。",
    "質問：{year}年に{city}はどのくらいの{term}を必要とするか？",
    "注意：{date}{time}からの会議は延期されました。",
    "{company}との契約は{year}年まで有効です。",
]

# Rarely used kanji and symbols that the SentencePiece model never sees: the copy model must
# reproduce them through byte-fallback pieces.
_RARE_CHARS = "鱈鰻鰯麒麟鬱齟齬罠薔薇顰蹙檸檬蝙蝠躊躇髑髏饂飩憂鬱ǅǲ™€‰†‡♪♫☀☂★✓"


def _split_fillers(rng: random.Random) -> tuple[Fillers, Fillers]:
    """Split every filler list into a training part and a held-out part (about 1/4)."""
    train: dict[str, list[str]] = {}
    test: dict[str, list[str]] = {}
    for key, values in _ALL_FILLERS.items():
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
        date = f"{day}. {_MONTHS_DE[month - 1]} {year}"
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
                f"{day} {_MONTHS_EN[month - 1]} {year}",
                f"{_MONTHS_EN[month - 1]} {day}, {year}",
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
        text = text[:pos] + rng.choice(_RARE_CHARS) + text[pos:]
    return text


def make_sentences(
    count: int, fillers: Fillers, rng: random.Random, *, placeholders: bool, rare_rate: float
) -> list[str]:
    """Generate ``count`` template sentences, a third per language."""
    templates = {"de": _TEMPLATES_DE, "en": _TEMPLATES_EN, "ja": _TEMPLATES_JA}
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


# --------------------------------------------------------------------------------------------
# SentencePiece
# --------------------------------------------------------------------------------------------


def train_sentencepiece(lines: Sequence[str]) -> bytes:
    """Train the shared SentencePiece model and return its serialised bytes."""
    spm.set_random_generator_seed(SEED)
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


# --------------------------------------------------------------------------------------------
# The torch model (mirrors CTranslate2's pre-norm TransformerSpec exactly)
# --------------------------------------------------------------------------------------------


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
    def __init__(self) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(D_MODEL, eps=LAYER_NORM_EPS)
        self.w1 = nn.Linear(D_MODEL, FFN_DIM)
        self.w2 = nn.Linear(FFN_DIM, D_MODEL)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = x + self.w2(torch.relu(self.w1(self.norm(x))))
        return out


class EncoderLayer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.self_attn = Attention()
        self.ffn = FeedForward()

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.ffn(self.self_attn(x, None, mask))
        return out


class DecoderLayer(nn.Module):
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


# --------------------------------------------------------------------------------------------
# Copy-task training
# --------------------------------------------------------------------------------------------


@dataclass
class TrainingLog:
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


# --------------------------------------------------------------------------------------------
# Conversion to CTranslate2
# --------------------------------------------------------------------------------------------


def _np(tensor: torch.Tensor) -> np.ndarray:
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
    TinyTransformerConverter(model, vocabulary).convert(
        str(output_dir), quantization=quantization, force=True
    )


# --------------------------------------------------------------------------------------------
# Verification and evaluation
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Packaging
# --------------------------------------------------------------------------------------------


def package_name(kind: str, from_code: str, to_code: str) -> str:
    """Name of the installed package directory (and the ``code`` in metadata.json)."""
    return f"dejakit-test-{kind}-{from_code}_{to_code}"


def package_path(output_dir: Path, kind: str, from_code: str, to_code: str) -> Path:
    return output_dir / kind / f"translate-{from_code}_{to_code}-test_{kind}.argosmodel"


_KIND_DESCRIPTIONS = {
    "copy": "copies its input to the output (trained on a copy task); NOT a translation model",
    "untrained": "random-initialised weights, produces garbage; NOT a translation model",
}


def _package_readme(kind: str, leg: tuple[str, str, str, str]) -> str:
    from_code, from_name, to_code, to_name = leg
    return (
        f"# {package_name(kind, from_code, to_code)}\n\n"
        f"Test package for dejakit ({from_name} → {to_name} metadata only): the model "
        f"{_KIND_DESCRIPTIONS[kind]}.\n\n"
        "Built from nothing by scripts/build_test_models.py in the dejakit repository; see "
        "tests/models/README.md there.\n"
    )


def _metadata(kind: str, leg: tuple[str, str, str, str]) -> dict[str, object]:
    from_code, from_name, to_code, to_name = leg
    name = package_name(kind, from_code, to_code)
    return {
        "package_version": PACKAGE_VERSION,
        "argos_version": ARGOS_VERSION,
        "type": "translate",
        "code": name,
        "name": name,
        "from_code": from_code,
        "from_name": from_name,
        "to_code": to_code,
        "to_name": to_name,
        "description": f"dejakit TEST model: {_KIND_DESCRIPTIONS[kind]}.",
        "links": [],
        "dejakit_test_model": kind,
    }


def _zip_entry(zf: zipfile.ZipFile, arcname: str, data: bytes) -> None:
    info = zipfile.ZipInfo(arcname, date_time=ZIP_DATE_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data, compresslevel=9)


def write_package(
    path: Path,
    kind: str,
    leg: tuple[str, str, str, str],
    model_dir: Path,
    sp_model: bytes,
) -> None:
    """Write an .argosmodel: a zip with one top-level directory holding metadata.json,
    model/ (the CTranslate2 model), sentencepiece.model and README.md."""
    root = package_name(kind, leg[0], leg[2])
    files: dict[str, bytes] = {
        "metadata.json": (
            json.dumps(_metadata(kind, leg), indent=2, ensure_ascii=False) + "\n"
        ).encode(),
        "sentencepiece.model": sp_model,
        "README.md": _package_readme(kind, leg).encode(),
    }
    for file in sorted(model_dir.iterdir()):
        files[f"model/{file.name}"] = file.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for arcname in sorted(files):
            _zip_entry(zf, f"{root}/{arcname}", files[arcname])


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


# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------


def _fmt_acc(acc: Accuracy) -> str:
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


def write_readme(output_dir: Path, facts: BuildFacts) -> None:
    log = facts.training
    eq_copy, eq_untrained = facts.equivalence_copy, facts.equivalence_untrained
    size_rows = "\n".join(f"| `{name}` | {size:,} bytes |" for name, size in facts.sizes.items())
    acc_rows = "\n".join(_fmt_acc(a) for a in facts.accuracies)
    untrained_examples = "\n".join(
        f"    {src!r}\n      -> {out!r}" for src, out in facts.untrained_examples
    )
    misses = "\n".join(f"    {src!r}\n      -> {out!r}" for src, out in facts.greedy_misses)
    installed = "\n".join(f"* `{name}`" for name in facts.installed)
    minutes = facts.total_seconds / 60
    text = f"""# Test models

Small but real [Argos Translate](https://github.com/argosopentech/argos-translate) packages
(`.argosmodel`: a zip holding `metadata.json`, a CTranslate2 model in `model/`, and
`sentencepiece.model`) for dejakit's tests. They are **not translation models**: they exist so
that the tests can run the real argostranslate / CTranslate2 / SentencePiece code paths offline,
in seconds, without downloading hundreds of megabytes.

* `copy/`: the model reproduces its input (output == input, placeholders included);
  installed as `dejakit-test-copy-<from>_<to>`.
* `untrained/`: random-initialised weights, garbage output (exercises fallback paths);
  installed as `dejakit-test-untrained-<from>_<to>`.

Each kind exists for the four legs **de→en, en→ja, ja→en, en→de**:
`<kind>/translate-<from>_<to>-test_<kind>.argosmodel`. Within a kind the four packages hold the
same network and tokenizer; only `metadata.json` (`from_code`/`to_code`, language names,
`code`/`name` = installed directory name) and the package README differ. `metadata.json`
also has `package_version` {PACKAGE_VERSION}, `argos_version` {ARGOS_VERSION}, a
`description` saying it is a test model and `"dejakit_test_model": "copy"` or `"untrained"`.

`heldout-sentences.txt` holds the {facts.num_test} held-out sentences the figures below
were measured on (one per line; German, English and Japanese; most with placeholders).

## Rebuild

    .venv/bin/python scripts/build_test_models.py

It needs only the project's virtualenv (torch, ctranslate2, sentencepiece, argostranslate) and
no network. The last build took {minutes:.1f} minutes on 2 CPU cores (about 2.5 minutes when
nothing else runs on the machine). The build is deterministic (fixed seeds, 2 torch threads,
fixed zip timestamps): on the same machine and library versions it reproduces the packages
byte for byte; another CPU may give slightly different floating-point results and so a
slightly different (but equally good) copy model. Rebuilding rewrites this README with the
new figures.

## How they are made

1. **Corpus**: German, English and Japanese sentences generated from templates (see
   `_TEMPLATES_DE`/`_EN`/`_JA` in the script): numbers, dates (`15. Januar 2026`,
   `2026年1月15日`), e-mail addresses, URLs, phone numbers (`+49 211 61772-0`), quotes („…“,
   「…」) and terms such as Wasserstoff, Ammoniak, Medizintechnik, Brennstoffzelle, hydrogen,
   ammonia, 水素, アンモニア, 医療技術. A quarter of every filler list (companies, cities,
   people, terms, e-mails, URLs) is held out for the test sentences.
2. **SentencePiece**: unigram, {SP_VOCAB_SIZE} pieces, trained on {SP_CORPUS_LINES} template
   lines, with `normalization_rule_name="identity"` (full-width characters survive;
   SentencePiece still collapses repeated, leading and trailing spaces), `byte_fallback=True`
   (any character, e.g. a kanji never seen in training, becomes UTF-8 byte pieces and can be
   copied), and the placeholders `⟦1⟧` … `⟦32⟧` as `user_defined_symbols`, so each is a single
   piece. They must match dejakit's placeholder format (`PLACEHOLDERS` in the script).
3. **Network**: a pre-norm Transformer written in torch: d_model {D_MODEL}, {NUM_HEADS} heads,
   {NUM_LAYERS} encoder + {NUM_LAYERS} decoder layers, FFN {FFN_DIM}, ReLU, one embedding matrix
   shared by encoder, decoder and (copy model only) output projection, embeddings scaled by
   sqrt(d_model), CTranslate2's built-in sinusoidal position encodings, and `</s>` appended
   to the source (`add_source_eos`), so that the model copies it to stop.
4. **Copy training**: {log.steps} AdamW steps of about {TOKENS_PER_BATCH} tokens
   ({log.examples:,} lines, {log.seconds:.0f} s, final loss {log.final_loss:.4f}) on
   {TEMPLATE_LINES:,} template lines (0–4 placeholders each: separate words, glued to words,
   or anywhere in Japanese; some with rare characters), {RANDOM_PIECE_LINES:,} lines of random
   vocabulary pieces and {RANDOM_TEXT_LINES:,} lines of random words, kana, kanji and symbols.
   A length curriculum (at first only lines of up to {CURRICULUM_START} pieces, growing to
   {MAX_PIECES}) lets the attention learn to align within a few hundred steps.
5. **Conversion**: the weights go into `ctranslate2.specs.TransformerSpec` through a small
   `Converter` subclass, saved with int8 quantisation. The untrained packages hold a network of
   the same shape straight from its random initialisation, but with a separate random output
   projection (with a tied one, a random network just repeats `<s>`, i.e. outputs nothing).
6. **Packaging**: a zip with one top-level directory (the installed directory name) holding
   `metadata.json`, `model/`, `sentencepiece.model` and `README.md`; this is what
   `argostranslate.package.install_from_path` extracts into its packages directory.

## Measured facts (last build)

Build time {facts.total_seconds:.0f} s, of which {log.seconds:.0f} s training.

| file | size |
|---|---|
{size_rows}

CTranslate2 (float32 conversion) against the torch model on {eq_copy.sentences} sentences:
per-token log-probabilities (`score_batch`) differ by at most
{eq_copy.max_abs_log_prob_diff:.1e} (copy) and {eq_untrained.max_abs_log_prob_diff:.1e}
(untrained, {eq_untrained.sentences} sentences); greedy outputs are identical for
{eq_copy.greedy_agree}/{eq_copy.sentences} and {eq_untrained.greedy_agree}/{eq_untrained.sentences}.

Copy model (int8) through `ctranslate2.Translator(model_dir, device="cpu",
compute_type="int8")` and the package's SentencePiece model, on the {facts.num_test}
held-out sentences (exact match of the decoded text; input mean
{facts.input_mean_len:.0f} pieces):

| decoding | exact copies | by language | placeholders kept |
|---|---|---|---|
{acc_rows}

The last row uses the options argostranslate 1.11 passes to `translate_batch` (beam 4,
`length_penalty=0.2`, `replace_unknowns=True`, `max_batch_size=32`, `batch_type="tokens"`).

Greedy misses:

{misses}

Untrained model, greedy: {facts.untrained_exact}/{facts.num_test} exact copies, mean output
length {facts.untrained_mean_len:.0f} pieces (CTranslate2 stops at `max_decoding_length`, 256
by default, unless `</s>` comes first). The garbage mixes random pieces, so it can contain
stray placeholders, control characters and U+FFFD (from stray byte pieces). Examples (first
120 characters):

{untrained_examples}

Installed with `argostranslate.package.install_from_path` into a temporary packages directory,
`argostranslate.package.get_installed_packages()` lists:

{installed}

Their metadata reads back as written (directory name, codes, `package_version`, `type`):
{"yes" if facts.install_metadata_ok else "NO"}. Every copy package, used through its installed
files (`pkg.tokenizer` and `model/`), reproduces a probe sentence:
{"yes" if facts.install_copies_ok else "NO"}.

## Using them in tests

* Point argostranslate at a temporary directory **before importing it** (its `settings`
  module reads the environment at import time and creates the directories):
  `ARGOS_PACKAGES_DIR`, `XDG_DATA_HOME`, `XDG_CONFIG_HOME`, `XDG_CACHE_HOME`.
* Install either the copy or the untrained packages into one packages directory, not both:
  both kinds declare the same language pairs, and argostranslate would pick whichever it
  lists first. `argostranslate.translate` also keeps a process-wide cache of translations per
  `from-to` pair (`installed_translates`) that survives `get_installed_languages.cache_clear()`.
* argostranslate's SentencePiece decoding replaces every `_` with a space, so a copied
  `k_yamamoto@example.jp` comes back as `k yamamoto@example.jp` through
  `argostranslate.translate` ({facts.underscore_sentences} held-out sentences contain `_`).
  It also drops one leading space, and SentencePiece collapses repeated spaces.
* `argostranslate.translate` splits text into sentences before translating. By default
  (`ARGOS_CHUNK_TYPE` unset) that is MiniSBD, which downloads an ONNX model from GitHub on the
  first translation; these packages carry no splitter. Offline, either replace
  `argostranslate.translate.MiniSBDSentencizer` (e.g. with pytest's `monkeypatch.setattr`,
  before the first `get_installed_languages()`) by a class taking the package and whose
  `split_sentences(text)` returns `[text]`, or set `ARGOS_CHUNK_TYPE=SPACY` after seeding
  `$XDG_CACHE_HOME/argos-translate/spacy/` with `spacy.blank("xx").to_disk(...)` and an empty
  `senter/model` file (otherwise importing `argostranslate.sbd` downloads `xx_sent_ud_sm`).
  `ARGOS_CHUNK_TYPE=NONE` does not work in 1.11: every package is silently skipped.
"""
    (output_dir / "README.md").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def build(output_dir: Path, steps: int) -> bool:
    """Build everything into ``output_dir``; False if a quality check failed."""
    started = time.perf_counter()
    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)

    print("corpus and SentencePiece ...", flush=True)
    train_fillers, test_fillers = _split_fillers(rng)
    sp_lines = make_sentences(SP_CORPUS_LINES, train_fillers, rng, placeholders=True, rare_rate=0.0)
    sp_model = train_sentencepiece(sp_lines)
    sp = spm.SentencePieceProcessor(model_proto=sp_model)
    vocabulary = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    lines = make_sentences(TEMPLATE_LINES, train_fillers, rng, placeholders=True, rare_rate=0.15)
    lines += [random_piece_line(sp, rng) for _ in range(RANDOM_PIECE_LINES)]
    lines += [random_text_line(rng) for _ in range(RANDOM_TEXT_LINES)]
    sequences = [ids for ids in (sp.encode(line) for line in lines) if 0 < len(ids) <= MAX_PIECES]
    seen = set(lines)
    test_rng = random.Random(SEED + 1)
    test_sentences = [
        s
        for s in make_sentences(
            NUM_TEST_SENTENCES + 30, test_fillers, test_rng, placeholders=True, rare_rate=0.2
        )
        if s not in seen and len(sp.encode(s)) <= MAX_PIECES
    ][:NUM_TEST_SENTENCES]
    test_languages = [("de", "en", "ja")[i % 3] for i in range(len(test_sentences))]

    untrained = TinyTransformer(sp.get_piece_size(), tied_output=False)
    untrained.eval()
    model = TinyTransformer(sp.get_piece_size())
    print(f"training the copy model ({steps} steps) ...", flush=True)
    log = train_copy_model(model, sequences, sp.bos_id(), sp.eos_id(), steps, rng)

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
        print("  " + _fmt_acc(acc))
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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


if __name__ == "__main__":
    sys.exit(main())
