"""Term benchmark: `glossary scan` over the development corpus, scored against its terms.tsv.

Every document of ``<corpus>/docs`` (header lines up to the first blank line removed) is read
and scanned with the shipped glossaries, as ``dejakit glossary scan`` does. ``terms.tsv`` lists
the terms a careful reader marks, per file, with their equivalents. Scored per language:

* recall — a listed term (one row's form in one file, alternatives `` / `` as one) counts as
  found when one hit covers an occurrence of it;
* wrong hits — a hit whose span is a listed term (give or take a German ending) but whose
  equivalent is none of the equivalents terms.tsv gives for that form, or a hit inside a longer
  listed term whose equivalents don't contain the hit's equivalent (大臣 → Minister inside
  副大臣 → Vizeminister; a name inside a longer name is not wrong: ドイツ in ドイツ外務省);
  as a share of all hits;
* review — hits the scan leaves to a reviewer because their context can't decide.

    .venv/bin/python bench/term_eval.py [--corpus ../shared/corpus] [--json] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit import TermHit, default_glossary, read_text, scan_document  # noqa: E402

NAME_TYPES = frozenset({"person", "organisation", "place"})
_JOINERS = frozenset(" \t\n\u3000・･＝=゠")


def ja_key_map(text: str) -> tuple[str, list[int], list[int]]:
    """Return `text` NFKC-normalised without spaces and ・＝ joiners, with each char's offsets."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, original in enumerate(text):
        for char in unicodedata.normalize("NFKC", original):
            if char not in _JOINERS:
                chars.append(char)
                starts.append(i)
                ends.append(i + 1)
    return "".join(chars), starts, ends


def ja_key(text: str) -> str:
    return ja_key_map(text)[0]


CORPORA = (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus"))


@dataclass
class Score:
    """Counts for one document or one language."""

    terms: int = 0
    found: int = 0
    hits: int = 0
    wrong: int = 0
    review: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_list: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.terms += other.terms
        self.found += other.found
        self.hits += other.hits
        self.wrong += other.wrong
        self.review += other.review

    def recall(self) -> float:
        return 100.0 * self.found / self.terms if self.terms else 100.0

    def wrong_share(self) -> float:
        return 100.0 * self.wrong / self.hits if self.hits else 0.0


def _corpus(arg: str | None) -> Path:
    for path in [Path(arg)] if arg else list(CORPORA):
        if (path / "terms.tsv").is_file():
            return path
    raise SystemExit("no corpus found: give --corpus PATH (a folder with terms.tsv and docs/)")


def _body(path: Path) -> str:
    """Return the text of a corpus file without its SOURCE/PUBLISHER/KIND/LICENSE header."""
    text = path.read_text(encoding="utf-8")
    _head, sep, rest = text.partition("\n\n")
    return rest if sep else text


def _alternatives(cell: str) -> list[str]:
    return [a.strip() for a in cell.split(" / ") if a.strip()]


def _read_terms(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "terms.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _find_de(form: str, text: str) -> list[tuple[int, int]]:
    """Return the spans of `form` in German `text`: any case, any whitespace between words."""
    words = [re.escape(w) for w in form.split()]
    pattern = re.compile(r"\s+".join(words), re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def _find_ja(form: str, text: str) -> list[tuple[int, int]]:
    key, starts, ends = ja_key_map(text)
    needle = ja_key(form)
    spans = []
    at = key.find(needle)
    while needle and at >= 0:
        spans.append((starts[at], ends[at + len(needle) - 1]))
        at = key.find(needle, at + 1)
    return spans


def _equivalents(hit: TermHit) -> list[str]:
    """Return what the scan proposes for `hit` in the other language (main form first)."""
    if hit.context:  # the context decided: that form only
        return [hit.target_form()]
    entry = hit.entry
    if hit.lang == "de":
        return [entry.ja, *entry.ja_variants]
    return [entry.de, *entry.de_variants]


def _needs_review(hit: TermHit) -> bool:
    return hit.review


def _same(proposed: str, expected: str, other: str) -> bool:
    """Return whether `proposed` and `expected` (forms in language `other`) name the same."""
    if other == "ja":
        a, b = ja_key(proposed), ja_key(expected)
        return a == b or (len(a) > 1 and len(b) > 1 and (a in b or b in a))
    a, b = _fold(proposed), _fold(expected)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    # gender and inflection: Ministerpräsident / Ministerpräsidentin, Gouverneur(in); or one
    # is the other made more specific: Gouverneur / Gouverneur von Tokio
    return long_.startswith(short) and (len(long_) - len(short) <= 3 or long_[len(short)] == " ")


def _contains(proposed: str, expected: str, other: str) -> bool:
    if other == "ja":
        return ja_key(proposed) in ja_key(expected)
    stem = _fold(proposed)
    stem = stem[: max(4, len(stem) - 2)]
    return stem in _fold(expected)


def score_document(
    path: Path, rows: list[dict[str, str]], glossary: object
) -> tuple[Score, list[dict[str, object]]]:
    """Return the score of one corpus document and its hits (for --json)."""
    lang = path.name[:2]
    other = "ja" if lang == "de" else "de"
    text = _body(path)
    doc = read_text(text, lang=lang, source_name=path.name)  # type: ignore[arg-type]
    per_segment = scan_document(doc, glossary)  # type: ignore[arg-type]
    find = _find_de if lang == "de" else _find_ja
    # terms listed for this file: (segment id, start, end) per occurrence of any alternative
    listed: dict[tuple[str, ...], list[tuple[str, int, int]]] = {}
    equivalents: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if path.name not in [f.strip() for f in row["files"].split(";")]:
            continue
        forms = tuple(_alternatives(row[lang]))
        for form in forms:
            equivalents[_fold(form) if lang == "de" else ja_key(form)] += _alternatives(row[other])
        spots = listed.setdefault(forms, [])
        for segment in doc.segments():
            for form in forms:
                for start, end in find(form, segment.source):
                    spots.append((segment.id, start, end))
    score = Score()
    covered: set[tuple[str, int, int]] = set()
    hits_out: list[dict[str, object]] = []
    for segment in doc.segments():
        hits = per_segment.get(segment.id, [])
        score.hits += len(hits)
        for hit in hits:
            proposed = _equivalents(hit)
            verdict = _judge(hit, proposed, segment.id, listed, equivalents, lang, other)
            if _needs_review(hit):
                score.review += 1
            elif verdict:
                score.wrong += 1
                score.wrong_list.append(f"{hit.form} → {proposed[0]} ({verdict})")
            hits_out.append(
                {
                    "segment": segment.id,
                    "form": hit.form,
                    "entry": hit.entry.id,
                    "equivalent": proposed[0],
                    "review": _needs_review(hit),
                    "wrong": verdict,
                }
            )
            for spots in listed.values():
                for spot in spots:
                    if spot[0] == segment.id and hit.start <= spot[1] and spot[2] <= hit.end:
                        covered.add(spot)
    for forms, spots in listed.items():
        if not spots:
            continue  # the form is not in the text as written (a typo kept by the corpus)
        score.terms += 1
        if any(spot in covered for spot in spots):
            score.found += 1
        else:
            score.missed.append(" / ".join(forms))
    return score, hits_out


def _judge(
    hit: TermHit,
    proposed: list[str],
    segment_id: str,
    listed: dict[tuple[str, ...], list[tuple[str, int, int]]],
    equivalents: dict[str, list[str]],
    lang: str,
    other: str,
) -> str:
    """Return why `hit` is wrong against the listed terms, or "" when nothing contradicts it."""
    slack = 3 if lang == "de" else 0
    for forms, spots in listed.items():
        for seg, start, end in spots:
            if seg != segment_id:
                continue
            text_key = forms[0]
            expected = [
                e for f in forms for e in equivalents[_fold(f) if lang == "de" else ja_key(f)]
            ]
            if (
                hit.start <= start
                and end <= hit.end
                and hit.end - hit.start - (end - start) <= slack
            ):
                if not any(_same(p, e, other) for p in proposed for e in expected):
                    return f"terms.tsv: {text_key} = {' / '.join(dict.fromkeys(expected))}"
            elif start <= hit.start and hit.end <= end and (hit.start, hit.end) != (start, end):
                if hit.entry.type in NAME_TYPES:
                    continue  # a name inside a longer name stays itself (ドイツ in ドイツ外務省)
                if not any(_contains(p, e, other) for p in proposed for e in expected):
                    return f"inside {text_key} = {' / '.join(dict.fromkeys(expected))}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="corpus folder (default: ../shared/corpus)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list missed terms, wrong hits")
    args = parser.parse_args()
    corpus = _corpus(args.corpus)
    rows = _read_terms(corpus)
    glossary = default_glossary()
    totals = {"de": Score(), "ja": Score()}
    docs: list[tuple[str, Score]] = []
    details: dict[str, object] = {}
    for path in sorted((corpus / "docs").glob("*.txt")):
        score, hits = score_document(path, rows, glossary)
        totals[path.name[:2]].add(score)
        docs.append((path.name, score))
        details[path.name] = {
            "terms": score.terms,
            "found": score.found,
            "hits": score.hits,
            "wrong": score.wrong,
            "review": score.review,
            "missed": score.missed,
            "wrong_hits": score.wrong_list,
            "hit_list": hits,
        }
    if args.json:
        summary = {
            lang: {
                "terms": s.terms,
                "found": s.found,
                "recall": round(s.recall(), 2),
                "hits": s.hits,
                "wrong": s.wrong,
                "wrong_share": round(s.wrong_share(), 2),
                "review": s.review,
            }
            for lang, s in totals.items()
        }
        print(
            json.dumps(
                {"glossary": glossary.version, "totals": summary, "documents": details},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(
        f"{'document':<62} {'terms':>5} {'found':>5} {'recall':>7} {'hits':>5} "
        f"{'wrong':>5} {'review':>6}"
    )
    for name, s in docs:
        print(
            f"{name[:62]:<62} {s.terms:>5} {s.found:>5} {s.recall():>6.1f}% {s.hits:>5} "
            f"{s.wrong:>5} {s.review:>6}"
        )
        if args.misses:
            for miss in s.missed:
                print(f"    missed: {miss}")
            for wrong in s.wrong_list:
                print(f"    wrong:  {wrong}")
    for lang, s in totals.items():
        print(
            f"{lang}: recall {s.recall():.1f}% ({s.found}/{s.terms}), wrong hits "
            f"{s.wrong_share():.2f}% ({s.wrong}/{s.hits}), for review {s.review} "
            f"(glossary {glossary.version})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
