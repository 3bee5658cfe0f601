"""Main-content extractors on saved release pages: which one keeps the release, drops the site?

The pages are the project's own (``tests/ingest/pages/*.html``): a Land press page and a
consulate page with the markup such sites use — cookie banner, header with logo and navigation,
breadcrumbs, a sidebar, share and print links, footer — around an article with ``h1``, ``time``,
a teaser, a ``figure``/``figcaption``, a ``blockquote`` with its speaker, a list, a sub-heading
and an ``address``. For each extractor the bench prints which article parts it keeps (it should
keep all), which site parts it lets through (it should keep none) and the time per page.

* readability-lxml — ``Document(html).summary()`` (Mozilla Readability's scoring);
* trafilatura — ``trafilatura.extract(html)`` (skipped with a note when it is not installed:
  it is not a dejakit dependency).

    .venv/bin/python bench/html_extractors.py [--repeat 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "ingest" / "pages"

# What a reader of each page must get (article) and must not get (site), as text snippets.
EXPECTED: dict[str, dict[str, dict[str, str]]] = {
    "land_de.html": {
        "article": {
            "kicker": "Pressemitteilung",
            "title (h1)": "vereinbaren enge Zusammenarbeit beim Wasserstoff",
            "date (time)": "15. Januar 2026",
            "teaser": "Elektrolyseure gemeinsam erproben",
            "caption (figcaption)": "bei der Unterzeichnung in Nagoya",
            "body": "Absichtserklärung über die Zusammenarbeit",
            "quote (blockquote)": "Aichi ist einer der stärksten",
            "speaker (footer)": "Wirtschaftsministerin Anna Beispiel",
            "sub-heading (h2)": "Nächste Schritte",
            "list item": "Austausch von Fachleuten",
            "contact (address)": "presse@ministerium-beispiel.de",
        },
        "site": {
            "cookie banner": "verwendet Cookies",
            "navigation": "Themen",
            "breadcrumb": "Brotkrümel",
            "sidebar": "Neue Förderrichtlinie",
            "share links": "Teilen",
            "footer": "Impressum",
        },
    },
    "consulate_ja.html": {
        "article": {
            "title (h1)": "経済大臣表敬",
            "date (time)": "令和8年1月15日",
            "caption (figcaption)": "会談に臨む総領事",
            "body": "州経済省を訪問し",
            "list item": "水素分野での協力",
            "quote (blockquote)": "欠かせないパートナー",
            "speaker (cite)": "州経済大臣</",
            "sub-heading (h2)": "関連情報",
            "contact (address)": "0211-555-0000",
        },
        "site": {
            "site name": "在デュッセルドルフ日本国総領事館</p>",
            "navigation": "査証",
            "font size": "文字サイズ",
            "breadcrumb": "表敬訪問</div>",
            "cookie notice": "クッキー",
            "side menu": "広報文化</a>",
            "share links": "シェア",
            "footer": "サイトポリシー",
        },
    },
}


def _readability(html: str) -> str:
    from readability import Document

    return str(Document(html).summary(html_partial=True))


def _trafilatura(html: str) -> str:
    import trafilatura

    return str(trafilatura.extract(html, output_format="xml", include_comments=False) or "")


def _extractors() -> dict[str, Callable[[str], str] | str]:
    found: dict[str, Callable[[str], str] | str] = {"readability-lxml": _readability}
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        found["trafilatura"] = "not installed (pip install trafilatura to compare)"
    else:
        found["trafilatura"] = _trafilatura
    return found


def _has(output: str, snippet: str) -> bool:
    """Return whether `snippet` survives in the extractor's output (markup or text)."""
    if "<" in snippet:  # a snippet with markup: the text must end an element there
        text = snippet.split("<")[0]
        return bool(re.search(re.escape(text) + r"\s*<", output))
    plain = re.sub(r"<[^>]+>", " ", output)
    return snippet in " ".join(plain.split()) or snippet in output


def run(repeat: int) -> dict[str, dict[str, object]]:
    """Return, per extractor and page, the parts kept and lost and the time per page."""
    results: dict[str, dict[str, object]] = {}
    for name, extract in _extractors().items():
        if isinstance(extract, str):
            results[name] = {"skipped": extract}
            continue
        pages: dict[str, object] = {}
        for page, expected in EXPECTED.items():
            html = (PAGES / page).read_text(encoding="utf-8")
            start = time.perf_counter()
            for _ in range(repeat):
                output = extract(html)
            seconds = (time.perf_counter() - start) / repeat
            article = expected["article"]
            site = expected["site"]
            pages[page] = {
                "article_lost": [k for k, v in article.items() if not _has(output, v)],
                "site_kept": [k for k, v in site.items() if _has(output, v)],
                "article_total": len(article),
                "site_total": len(site),
                "ms": round(seconds * 1000, 2),
            }
        results[name] = pages
    return results


def main() -> int:
    """Print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(args.repeat)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    for name, pages in results.items():
        if "skipped" in pages:
            print(f"{name}: skipped — {pages['skipped']}")
            continue
        for page, info in pages.items():
            assert isinstance(info, dict)
            kept = info["article_total"] - len(info["article_lost"])
            print(
                f"{name:<17} {page:<18} article kept {kept}/{info['article_total']}  "
                f"site let through {len(info['site_kept'])}/{info['site_total']}  "
                f"{info['ms']} ms/page"
            )
            if info["article_lost"]:
                print(f"{'':<18} lost: {', '.join(info['article_lost'])}")
            if info["site_kept"]:
                print(f"{'':<18} let through: {', '.join(info['site_kept'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
