"""A translated document for the renderer tests, and readers that check what a reader gets."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from toolkit.engines import FakeEngine
from toolkit.ingest import read_text
from toolkit.model import BlockKind, Document
from toolkit.pipeline import translate_document

SOURCE = """\
Pressemitteilung

Wasserstoff verbindet NRW und Fukushima

Düsseldorf, 15. Januar 2026

Das Land und die Präfektur bauen ihre Partnerschaft aus. Ammoniak dient als Träger.

„Wasserstoff ist der Schlüssel“, sagt Ministerin Mona Neubaur.

Ein Satz ohne Übersetzung.

Pressekontakt
Telefon: +49 211 61772-204
E-Mail: presse@wirtschaft-beispiel.nrw.de
"""

JAPANESE = {
    "Pressemitteilung": "プレスリリース",
    "Wasserstoff verbindet NRW und Fukushima": "水素がNRW州と福島をつなぐ",
    "Düsseldorf, 15. Januar 2026": "デュッセルドルフ、2026年1月15日",
    "Das Land und die Präfektur bauen ihre Partnerschaft aus.": (
        "州と県はパートナーシップを拡大します。"
    ),
    "Ammoniak dient als Träger.": "アンモニアは水素キャリアとして機能します。",
    "„Wasserstoff ist der Schlüssel“, sagt Ministerin Mona Neubaur.": (
        "「水素こそが鍵です」とモナ・ノイバウアー大臣は述べました。"
    ),
    "Pressekontakt": "報道関係のお問い合わせ",
    "Telefon: +49 211 61772-204": "電話：+49 211 61772-204",
    "E-Mail: presse@wirtschaft-beispiel.nrw.de": "メール：presse@wirtschaft-beispiel.nrw.de",
}


@pytest.fixture
def translated() -> Document:
    """A German release with Japanese for every segment but one."""
    doc = read_text(SOURCE, source_name="release.txt")
    return translate_document(doc, target_lang="ja", engine=FakeEngine(JAPANESE))


def pdftotext(path: Path, *, raw: bool = False) -> str:
    """Return the text poppler extracts from `path`: in its reading order, or with `raw` in
    the order the content stream draws it (WeasyPrint draws row by row, cell by cell)."""
    return subprocess.run(
        ["pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """Return the fonts `pdffonts` lists for `path` (name, type, emb)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type words..., encoding, emb, sub, uni, object, id
        fonts.append({"name": parts[0], "type": " ".join(parts[1:-6]), "emb": parts[-5]})
    return fonts


# ---- a realistic handout: the hydrogen release with its approved Japanese ----

HOSTILE = "<link rel=attachment href=file:///etc/passwd> {{ 7*7 }} </td><script>alert(1)</script>"


def sample_document(with_pivots: bool = True) -> Document:
    """Return samples/pm-wasserstoff-de.txt translated from its approved TMX (3 pages A4).

    With `with_pivots`, every block but the kicker and the contact has English pivot text.
    """
    from tests.conftest import SAMPLES
    from toolkit.exchange.tmx import read_tmx
    from toolkit.ingest import read_document
    from toolkit.memory import TranslationMemory

    doc = read_document(SAMPLES / "pm-wasserstoff-de.txt")
    with TranslationMemory(":memory:") as memory:
        memory.add(read_tmx(SAMPLES / "pm-wasserstoff-de.tmx")[0])
        doc = translate_document(doc, target_lang="ja", memory=memory, engine=None)
    if not with_pivots:
        return doc
    skip = {BlockKind.KICKER, BlockKind.CONTACT}
    pivots = {
        s.id: f"Pivot {s.id}: the English text an interpreter reads."
        for b in doc.blocks
        if b.kind not in skip
        for s in b.segments
    }
    return doc.with_targets({}, "ja", pivots=pivots)


@pytest.fixture(scope="session")
def sample_doc() -> Document:
    """The hydrogen release, translated, with pivots (session-wide: it is immutable)."""
    return sample_document()


WEB_PAGE = """\
<html lang="de"><head><title>Ministerin eröffnet Wasserstofftage</title></head><body><main>
<p class="breadcrumb">Startseite › Presse › Wasserstofftage</p>
<article>
<h1>Ministerin eröffnet Wasserstofftage in Düsseldorf</h1>
<p>Düsseldorf, 12. Februar 2026 – Die Wirtschaftsministerin hat heute die Wasserstofftage
eröffnet. Rund dreihundert Fachleute aus Deutschland und Japan beraten zwei Tage lang über
Transport und Speicherung.</p>
<figure><img src="a.jpg" alt=""><figcaption>Die Ministerin bei der Eröffnung im
Kongresszentrum</figcaption></figure>
<p>Im Mittelpunkt stehen Ammoniak als Träger und der Ausbau der Häfen am Rhein.</p>
<p><a href="/presse">Zurück zur Übersicht</a></p>
</article></main></body></html>
"""

WEB_JAPANESE = {
    "Ministerin eröffnet Wasserstofftage in Düsseldorf": "大臣、デュッセルドルフで水素デーを開幕",
    "Düsseldorf, 12. Februar 2026 – Die Wirtschaftsministerin hat heute die Wasserstofftage "
    "eröffnet.": "デュッセルドルフ、2026年2月12日――経済大臣は本日、水素デーを開幕しました。",
    "Rund dreihundert Fachleute aus Deutschland und Japan beraten zwei Tage lang über Transport "
    "und Speicherung.": "日独の専門家約300人が2日間にわたり、輸送と貯蔵について議論します。",
    "Die Ministerin bei der Eröffnung im Kongresszentrum": "コングレスセンターでの開会式に臨む大臣",
    "Im Mittelpunkt stehen Ammoniak als Träger und der Ausbau der Häfen am Rhein.": (
        "中心となるのは、キャリアとしてのアンモニアとライン川沿いの港湾整備です。"
    ),
}
WEB_FURNITURE = ("Startseite › Presse", "Zurück zur Übersicht")  # kept as read, untranslated
WEB_CAPTION = ("Die Ministerin bei der Eröffnung", "コングレスセンターでの開会式に臨む大臣")


def web_page_document(tmp_path: Path) -> Document:
    """Return `WEB_PAGE` (a breadcrumb, a figure caption, a back link) read and translated."""
    from toolkit.ingest import read_document

    path = tmp_path / "page.html"
    path.write_text(WEB_PAGE, encoding="utf-8")
    doc = read_document(path)
    kinds = {b.kind for b in doc.blocks}
    assert {BlockKind.FURNITURE, BlockKind.CAPTION} <= kinds, "the reader changed: fix the page"
    return translate_document(doc, target_lang="ja", engine=FakeEngine(WEB_JAPANESE))


def hostile_document() -> Document:
    """Return a release whose text tries to inject markup, a template and a file attachment."""
    text = f"Angriff\n\n{HOSTILE}\n\nNormaler Satz.\n"
    return translate_document(
        read_text(text, source_name="hostile.txt"),
        target_lang="ja",
        engine=FakeEngine(fallback=lambda t: t + " 訳"),
    )


def pdf_catalog(path: Path) -> Any:
    """Return the document catalog (``/Root``) of the PDF at `path`, untyped for tests."""
    from pypdf import PdfReader

    return PdfReader(path).trailer["/Root"]


def pdf_page_texts(path: Path, *, raw: bool = False) -> list[str]:
    """Return the text of each page of `path`, as poppler extracts it (see `pdftotext`)."""
    return pdftotext(path, raw=raw).split("\f")[:-1]


def pdf_column_lines(
    path: Path, page: int, left: float, right: float, top: float = 0.08, bottom: float = 0.92
) -> list[str]:
    """Return the text lines poppler finds on `page` in a box given as fractions of the page.

    The default height leaves out the running head and foot.
    """
    from pypdf import PdfReader

    box = PdfReader(path).pages[page - 1].mediabox
    width, height = float(box.width), float(box.height)
    out = subprocess.run(
        [
            "pdftotext",
            "-enc",
            "UTF-8",
            "-f",
            str(page),
            "-l",
            str(page),
            "-x",
            str(int(width * left)),
            "-y",
            str(int(height * top)),
            "-W",
            str(int(width * (right - left))),
            "-H",
            str(int(height * (bottom - top))),
            str(path),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.strip() for line in out.replace("\f", "").splitlines() if line.strip()]


def soffice_to_pdf(paths: list[Path], outdir: Path) -> list[Path]:
    """Convert DOCX files to PDF with LibreOffice headless (one process for all of them)."""
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return [outdir / f"{p.stem}.pdf" for p in paths]


def docx_pages(pdf: Path, *, top_mm: float = 20.0, bottom_mm: float = 20.0) -> list[Any]:
    """Return (fill, body lines) per page of a PDF LibreOffice made of a DOCX.

    The running header and footer are the lines in the top or bottom 30 mm that recur at the
    same height on another page (page numbers aside); the fill is how far down the text
    area (`top_mm` and `bottom_mm` from the edges) the last body line reaches.
    """
    import re
    from collections import Counter

    from toolkit.render.pdftext import read_pdf_layout

    mm = 72 / 25.4
    pages = read_pdf_layout(pdf)

    def running(page: Any, line: Any) -> bool:
        return bool(line.y1 < 30 * mm or line.y0 > page.height - 30 * mm)

    def key(line: Any) -> tuple[int, str]:
        return round(line.y0), re.sub(r"\d+", "#", line.text)

    counts = Counter(key(ln) for p in pages for ln in p.lines if running(p, ln))
    out = []
    for page in pages:
        body = [ln for ln in page.lines if not (running(page, ln) and counts[key(ln)] > 1)]
        top, bottom = top_mm * mm, page.height - bottom_mm * mm
        fill = (max((ln.y1 for ln in body), default=top) - top) / (bottom - top)
        out.append((fill, body))
    return out


def starts_chapter(body: list[Any]) -> bool:
    """Return whether a page whose body lines are `body` opens with a chapter heading."""
    return any(line.bold_sans and line.size >= 11.5 for line in body[:3])
