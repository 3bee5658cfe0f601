"""Terminology that holds: protected items, n-best reranking, fallbacks, and a record of each.

For every segment of a job:

1. the glossary hits and protected items are found; protected items become placeholders;
2. the route runs with n-best lists; after each leg the hypothesis is chosen that keeps every
   placeholder exactly once and contains the most required terms (the English pivot term on the
   pivot leg, the Japanese or German term on the last one), the model's order breaking ties;
3. segments whose placeholders did not survive are translated again unprotected (fallback);
4. segments still missing a required term are translated again with that term protected too,
   its target form put in place (a Japanese noun does not inflect, so this is safe for ja);
5. placeholders are replaced by the target forms, quotation marks localized, and each term and
   item recorded as verified, enforced (and how) or violated — never silently wrong.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import cast

from ..engines.base import Hypothesis, Leg, Progress, Translation, run_route
from ..glossary import find_terms
from ..glossary.model import Entry, Glossary, TermHit, ja_key
from ..japanese import KATAKANA
from ..localize import amount_value, localize_quotes
from ..model import CheckStatus, Lang, TermCheck
from .entities import Protected, find_protected
from .protect import mask, placeholders_intact, unmask

__all__ = ["ENFORCER_VERSION", "TermEnforcer"]

LOGGER = logging.getLogger(__name__)
ENFORCER_VERSION = "terms/4"  # bump when the output or its cached form changes


@dataclass
class _Job:
    """One segment on its way through the enforcement stages."""

    text: str
    target: str
    protected: list[Protected]
    terms: list[TermHit]
    original: list[Protected] = field(default_factory=list)  # protected items before fallback
    masked: str = ""
    forced: set[int] = field(default_factory=set)  # indexes of terms protected as placeholders
    soft: set[int] = field(default_factory=set)  # terms only checked, never forced
    reranked: set[int] = field(default_factory=set)  # terms that needed a lower-ranked hypothesis
    how: str = "placeholder"
    result: Translation | None = None

    def targets(self) -> list[str]:
        """Return what the placeholders stand for, in placeholder order."""
        spans = self.spans()
        return [target for _, _, target in spans]

    def pivot_forms(self) -> list[str]:
        """Return the English forms of the placeholders, for the pivot text."""
        items = [(p.start, p.pivot) for p in self.protected]
        items += [(self.terms[i].start, self.terms[i].entry.en) for i in self.forced]
        return [form for _, form in sorted(items)]

    def spans(self) -> list[tuple[int, int, str]]:
        """Return (start, end, target form) of every span that is a placeholder now."""
        items = [(p.start, p.end, p.target) for p in self.protected]
        for i in sorted(self.forced):
            hit = self.terms[i]
            items.append((hit.start, hit.end, hit.target_form()))
        return sorted(items)


class TermEnforcer:
    """Translate through a route while holding the output to `glossary`."""

    def __init__(self, glossary: Glossary, *, n_best: int = 4, year: int | None = None) -> None:
        self.glossary = glossary
        self.n_best = n_best
        self.year = year

    @property
    def version(self) -> str:
        """Return what identifies the terminology and the algorithm, for the cache key."""
        return f"{ENFORCER_VERSION}:{self.glossary.version}:nbest={self.n_best}"

    def translate(
        self,
        legs: Sequence[Leg],
        texts: Sequence[str],
        *,
        source: str,
        target: str,
        progress: Progress | None = None,
    ) -> list[Translation]:
        """Return one Translation per text, with a TermCheck for every term and item."""
        jobs = [self._prepare(text, source, target) for text in texts]
        # Stage 1: everything protected, n-best reranked on every leg.
        self._run(legs, jobs, [j.masked for j in jobs], target, progress)
        # Stage 2: placeholders lost -> translate without protection.
        broken = [
            j
            for j in jobs
            if j.result is not None
            and j.result.text is not None
            and not placeholders_intact(j.result.text, len(j.spans()))
        ]
        if broken:
            LOGGER.info("%d segments lost placeholders; translating them unprotected", len(broken))
            for job in broken:
                job.protected, job.how = [], "fallback"
            self._run(legs, broken, [j.text for j in broken], target, None)
        # Stage 3: a required term still missing -> protect it as well.
        missing = [
            j
            for j in jobs
            if j.result is not None and not j.result.failed and self._missing_terms(j, target)
        ]
        if missing:
            earlier = [(j.result, j.protected, j.how) for j in missing]
            for job in missing:
                job.forced = set(self._missing_terms(job, target))
                # Placeholders again: the protected items come back under protection too.
                job.protected, job.how = job.original, "placeholder"
                spans = job.spans()
                job.masked = mask(job.text, [(s, e) for s, e, _ in spans]).text
            self._run(legs, missing, [j.masked for j in missing], target, None)
            for job, (result, protected, how) in zip(missing, earlier, strict=True):
                text = job.result.text if job.result else None
                if text is None or not placeholders_intact(text, len(job.spans())):
                    # Keep the earlier output as it was; the checks report what is missing.
                    job.forced, job.result, job.protected, job.how = set(), result, protected, how
        return [self._finish(job, source, target) for job in jobs]

    def _prepare(self, text: str, source: str, target: str) -> _Job:
        hits = find_terms(text, cast(Lang, source), self.glossary)
        protected = find_protected(text, source, target, hits, year=self.year)
        covered = [(p.start, p.end) for p in protected]
        terms = [
            h
            for h in hits
            if h.entry.type in ("term", "title")
            and not any(s <= h.start and h.end <= e for s, e in covered)
        ]
        job = _Job(text=text, target=target, protected=protected, terms=terms, original=protected)
        # Left to the model and only checked: a title beside a name the glossary doesn't know,
        # and a term whose equivalent depends on a context the text doesn't decide.
        job.soft = {
            i
            for i, hit in enumerate(terms)
            if hit.review or _beside_unknown_name(text, hit, source)
        }
        job.masked = mask(text, [(p.start, p.end) for p in protected]).text
        return job

    def _run(
        self,
        legs: Sequence[Leg],
        jobs: Sequence[_Job],
        inputs: Sequence[str],
        target: str,
        progress: Progress | None,
    ) -> None:
        choose = self._chooser(jobs, len(legs), target)
        results = run_route(legs, inputs, n_best=self.n_best, choose=choose, progress=progress)
        for job, result in zip(jobs, results, strict=True):
            job.result = result

    def _chooser(
        self, jobs: Sequence[_Job], leg_count: int, target: str
    ) -> Callable[[int, Leg, Sequence[str], Sequence[Translation]], list[int]]:
        alive = list(range(len(jobs)))

        def choose(
            index: int, leg: Leg, inputs: Sequence[str], outs: Sequence[Translation]
        ) -> list[int]:
            nonlocal alive
            picks: list[int] = []
            for position, out in zip(alive, outs, strict=True):
                job = jobs[position]
                picks.append(
                    self._pick(job, leg.target, out.hypotheses, final=index == leg_count - 1)
                )
            alive = [p for p, out in zip(alive, outs, strict=True) if not out.failed]
            return picks

        return choose

    def _pick(self, job: _Job, lang: str, hypotheses: Sequence[Hypothesis], *, final: bool) -> int:
        """Return the index of the hypothesis to keep for `job` after a leg into `lang`."""
        if len(hypotheses) <= 1:
            return 0
        count = len(job.spans())
        wanted = [i for i in range(len(job.terms)) if i not in job.forced]

        def score(item: tuple[int, Hypothesis]) -> tuple[bool, int, int]:
            rank, hyp = item
            intact = placeholders_intact(hyp.text, count)
            present = sum(self._has(hyp.text, lang, job.terms[i]) for i in wanted)
            return intact, present, -rank

        best = max(enumerate(hypotheses), key=score)[0]
        if best > 0 and score((best, hypotheses[best]))[1] > score((0, hypotheses[0]))[1]:
            job.reranked.update(
                i
                for i in wanted
                if self._has(hypotheses[best].text, lang, job.terms[i])
                and not self._has(hypotheses[0].text, lang, job.terms[i])
            )
        return best

    def _missing_terms(self, job: _Job, target: str) -> list[int]:
        text = job.result.text if job.result else None
        if text is None:
            return []
        restored = unmask(text, job.targets())
        return [
            i
            for i, hit in enumerate(job.terms)
            if i not in job.forced and i not in job.soft and not self._has(restored, target, hit)
        ]

    def _has(self, text: str, lang: str, hit: TermHit) -> bool:
        """Return whether `text` in `lang` contains the required form of the term `hit`."""
        entry = hit.entry
        if lang == "en" and hit.context and hit.target_form() != entry.equivalent(_other(hit)):
            return True  # the context chose another term: its English is not this entry's
        if lang == "en":
            # Whole words, plural allowed: "hydrogen(s)", not "hydrogenic".
            pattern = r"(?<!\w)" + re.escape(entry.en) + r"(?:s|es)?(?!\w)"
            return bool(entry.en) and re.search(pattern, text, re.IGNORECASE) is not None
        if lang not in ("de", "ja"):
            return False
        found = _hits(text, lang, self.glossary)
        if not hit.context or hit.target_form() == _term_form(entry, lang):
            return any(h.entry.id == entry.id for h in found)
        # The context chose another form (首相 of a Land: Ministerpräsident): that one counts.
        wanted = _fold(hit.target_form(), lang)
        forms = (h.entry.forms(cast(Lang, lang)) for h in found)
        return any(wanted in (_fold(f, lang) for f in group) for group in forms)

    def _finish(self, job: _Job, source: str, target: str) -> Translation:
        result = job.result or Translation()
        if result.failed:
            return result
        text = result.text or ""
        intact = placeholders_intact(text, len(job.spans()))
        final = localize_quotes(unmask(text, job.targets()), target).strip()
        checks: list[TermCheck] = []
        for item in job.protected:
            status: CheckStatus = (
                "enforced"
                if intact and item.target in final and _same_value(item, source, target)
                else "violated"
            )
            checks.append(
                TermCheck(item.kind, item.source, item.target, status, item.entry, "placeholder")
            )
        if job.how == "fallback":
            # Protection failed: whatever was protected is only checked now.
            for item in find_protected(
                job.text,
                source,
                target,
                find_terms(job.text, cast(Lang, source), self.glossary),
                year=self.year,
            ):
                present = item.target in final
                checks.append(
                    TermCheck(
                        item.kind,
                        item.source,
                        item.target,
                        "enforced" if present else "violated",
                        item.entry,
                        "fallback",
                    )
                )
        for i, hit in enumerate(job.terms):
            expected = hit.target_form()
            if i in job.forced:
                # Forced inside a compound, the wording around the term needs a look.
                status, how = "enforced", "compound" if hit.in_compound else "placeholder"
            elif not self._has(final, target, hit):
                status, how = "violated", "soft" if i in job.soft else ""
            elif i in job.reranked:
                status, how = "enforced", "rerank"
            else:
                status, how = "verified", ""
            checks.append(TermCheck("term", hit.form, expected, status, hit.entry.id, how))
        hypotheses = (Hypothesis(final, result.hypotheses[0].score), *result.hypotheses[1:])
        flags = result.flags + (("fallback",) if job.how == "fallback" else ())
        pivot = tuple(unmask(text, job.pivot_forms()) for text in result.pivot)
        return Translation(hypotheses, flags=flags, pivot=pivot, checks=tuple(checks))


_NAME_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]+")
_KATAKANA_BEFORE = re.compile(f"[{KATAKANA}・＝]$")


def _beside_unknown_name(text: str, hit: TermHit, source: str) -> bool:
    """Return whether a title stands with a name the glossary doesn't know („Dr. Brandt“).

    Forcing its form would tear it from the name (博士 before カタリーナ・ブラント): such a
    title is left to the model and only checked.
    """
    if hit.entry.type != "title":
        return False
    if source == "de":
        return bool(_NAME_AFTER.match(text, hit.end))
    return bool(_KATAKANA_BEFORE.search(text[: hit.start]))


def _same_value(item: Protected, source: str, target: str) -> bool:
    """Return whether a protected amount's target form has the value of its source.

    The target form comes from the localizer; read back by an independent parser, a sum
    whose scale went wrong (10億円 as „1 Million Yen“) is never recorded as enforced.
    """
    if item.kind != "amount":
        return True
    return amount_value(item.source, source) == amount_value(item.target, target)


def _other(hit: TermHit) -> Lang:
    """Return the language a hit's equivalent is in (the other one)."""
    return "ja" if hit.lang == "de" else "de"


def _term_form(entry: Entry, lang: str) -> str:
    return entry.ja if lang == "ja" else entry.de


def _fold(form: str, lang: str) -> str:
    return ja_key(form) if lang == "ja" else form.casefold()


def _hits(text: str, lang: str, glossary: Glossary) -> list[TermHit]:
    """Return the glossary hits of a hypothesis; each is scored against several terms."""
    cache: dict[tuple[str, str], list[TermHit]] = glossary.memo("enforce.hits", dict)
    key = (lang, text)
    if key not in cache:
        if len(cache) > 50_000:
            cache.clear()
        cache[key] = find_terms(text, cast(Lang, lang), glossary)
    return cache[key]
