"""The web page in a real browser (Debian's Chromium through Playwright), against a real
``dejakit serve``: the flows an office worker goes through, with the mouse and keyboard only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES
from tests.render.conftest import pdf_fonts, pdftotext
from tests.web.conftest import UPLOAD_LIMIT, LiveServer
from toolkit import TranslationMemory

pytestmark = pytest.mark.usefixtures("live_server")
PlaywrightTimeoutError = pytest.importorskip("playwright.sync_api").TimeoutError

EDITED = "報道発表資料（確認済み）"


@pytest.fixture
def page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    """A fresh browser session (own cookies) on the start page, in German."""
    context = browser.new_context(
        locale="de-DE", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:  # an alert() would mean injected script ran
        dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    opened.dialogs = dialogs
    opened.goto(live_server.url + "/")
    yield opened
    context.close()


def upload_sample(page: Any, name: str = "pm-wasserstoff-de.txt") -> None:
    page.get_by_label("Datei (.txt, .md, .docx, .html)").set_input_files(SAMPLES / name)
    page.get_by_role("button", name="Einlesen").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{32}$"))


def row(page: Any, segment_id: str) -> Any:
    """Return the parallel view's row (form) of `segment_id`."""
    return page.locator(f'form[id="seg-{segment_id}"]')


def translate(page: Any) -> None:
    page.get_by_role("button", name="Übersetzen", exact=True).click()
    page.wait_for_url(re.compile(r"/translation$"), timeout=60_000)


def test_upload_translate_approve_download(
    page: Any, live_server: LiveServer, shots: Path, tmp_path: Path
) -> None:
    page.screenshot(path=shots / "01-upload.png")
    upload_sample(page)
    assert page.get_by_text("Abschnitte: 15, Sätze: 36, Sprache: Deutsch").is_visible()
    assert page.locator("tr.kind-title .kind").inner_text() == "Titel"
    page.screenshot(path=shots / "02-read.png")
    translate(page)
    assert page.locator(".badge[data-status=machine]").count() == 36
    page.screenshot(path=shots / "03-parallel.png")

    page.get_by_label("Ihr Name").fill("Erika Muster")
    page.get_by_label("Übersetzung von Satz b1.s1").fill(EDITED)
    row(page, "b1.s1").get_by_role("button", name="Freigeben").click()
    page.wait_for_url(re.compile(r"saved=b1\.s1"))
    assert page.get_by_role("status").inner_text().startswith("Satz b1.s1 wurde freigegeben")
    assert row(page, "b1.s1").locator(".badge").inner_text() == "freigegeben"
    assert "freigegeben von Erika Muster" in row(page, "b1.s1").inner_text()
    page.screenshot(path=shots / "04-approved.png")

    page.get_by_label("Format", exact=True).select_option("pdf")
    page.get_by_label("Einstufung").fill("VS – NUR FÜR DEN DIENSTGEBRAUCH")
    with page.expect_download() as info:
        page.get_by_role("button", name="Herunterladen").click()
    pdf = tmp_path / info.value.suggested_filename
    info.value.save_as(pdf)
    assert pdf.name == "pm-wasserstoff-de.ja.pdf"
    fonts = pdf_fonts(pdf)
    assert fonts
    assert all(f["emb"] == "yes" for f in fonts)
    text = re.sub(r"\s+", "", pdftotext(pdf))  # Japanese phrases come out space-separated
    assert EDITED in text
    assert "Nordrhein-WestfalenundFukushimavertiefen" in text
    assert "VS–NURFÜRDENDIENSTGEBRAUCH" in text

    with TranslationMemory(live_server.memory) as memory:
        served = memory.history("Pressemitteilung", "de", "ja")[0]
    assert (served.target, served.kind, served.reviewer) == (EDITED, "approved", "Erika Muster")
    assert page.dialogs == []


def tab_to(page: Any, selector: str, limit: int = 250) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def choose_with_space(page: Any, path: Path, attempts: int = 3) -> None:
    """Open the focused file input's chooser with Space and choose `path`.

    A chooser that is coming opens within a second. On a loaded CI machine Chromium now and
    then loses the keystroke (CI run of stop 18: 30 s without a chooser), so a lost press is
    pressed again, from the same focused input, instead of being waited on longer."""
    for _ in range(attempts):
        assert page.evaluate("document.activeElement.id") == "file"
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press("Space")
        except PlaywrightTimeoutError:
            continue
        chooser.value.set_files(path)
        assert page.evaluate("document.activeElement.files[0].name") == path.name
        return
    raise AssertionError(f"Space on the file input opened no chooser in {attempts} presses")


def test_keyboard_only(page: Any, live_server: LiveServer, shots: Path) -> None:
    tab_to(page, "#file")
    choose_with_space(page, SAMPLES / "pm-wasserstoff-de.txt")
    tab_to(page, "form.card button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{32}$"))
    tab_to(page, "form.card button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/translation$"), timeout=60_000)
    tab_to(page, "#reviewer")
    page.keyboard.type("Taro Yamada")
    tab_to(page, 'textarea[id="t-b4.s1"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("2026年3月3日、デュッセルドルフ")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Freigeben"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"saved=b4\.s1"))
    assert row(page, "b4.s1").locator(".badge").inner_text() == "freigegeben"
    page.screenshot(path=shots / "05-keyboard.png")
    with TranslationMemory(live_server.memory) as memory:
        served = memory.history("Düsseldorf, 3. März 2026", "de", "ja")[0]
    assert (served.target, served.kind, served.reviewer) == (
        "2026年3月3日、デュッセルドルフ",
        "approved",
        "Taro Yamada",
    )


def test_hostile_uploads(page: Any, live_server: LiveServer, tmp_path: Path) -> None:
    text = (
        "Pressemitteilung <script>alert('x')</script>\n\nEin Bild <img src=x onerror=alert(1)>.\n"
    )
    page.get_by_label("Datei (.txt, .md, .docx, .html)").set_input_files(
        {"name": "../../../../tmp/evil<b>.txt", "mimeType": "text/plain", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Einlesen").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{32}$"))
    assert page.get_by_role("heading", level=1).inner_text() == "evil<b>.txt"
    assert page.get_by_text("<script>alert('x')</script>", exact=False).count() == 1
    assert page.locator("main script, main img").count() == 0
    assert not Path("/tmp/evil<b>.txt").exists()
    translate(page)
    assert page.locator("main script, main img").count() == 0
    assert page.dialogs == []

    page.goto(live_server.url + "/")
    page.get_by_label("Datei (.txt, .md, .docx, .html)").set_input_files(
        {"name": "gross.txt", "mimeType": "text/plain", "buffer": b"Satz. " * UPLOAD_LIMIT}
    )
    page.get_by_role("button", name="Einlesen").click()
    assert "larger than the limit" in page.content() or "zu groß" in page.content()

    page.goto(live_server.url + "/")
    page.get_by_label("Datei (.txt, .md, .docx, .html)").set_input_files(
        {"name": "rechnung.pdf.exe", "mimeType": "application/x-msdownload", "buffer": b"MZ"}
    )
    page.get_by_role("button", name="Einlesen").click()
    assert (
        page.get_by_role("alert")
        .inner_text()
        .startswith("Dieser Dateityp wird nicht unterstützt: rechnung.pdf.exe.")
    )


def test_two_reviewers_at_once_lose_nothing(
    browser: Any, page: Any, live_server: LiveServer
) -> None:
    upload_sample(page)
    translate(page)
    other = browser.new_context(locale="de-DE").new_page()
    other.goto(page.url)
    forms = []
    for tab, name, seg in ((page, "Anna Beispiel", "b5.s1"), (other, "Ben Muster", "b6.s1")):
        tab.get_by_label("Ihr Name").fill(name)
        tab.get_by_label(f"Übersetzung von Satz {seg}").fill(f"{name}の訳")
        forms.append((tab, seg))
    # both submit before either waits: the server handles the two approvals together
    for tab, seg in forms:
        tab.evaluate(f"document.getElementById('seg-{seg}').requestSubmit()")
    for tab, seg in forms:
        tab.wait_for_url(re.compile(rf"saved={re.escape(seg)}"))
    page.reload()
    for _, seg in forms:  # each session sees both approvals
        assert row(page, seg).locator(".badge").inner_text() == "freigegeben"
    with TranslationMemory(live_server.memory) as memory:
        approved = {
            u.segment_id: (u.target, u.reviewer)
            for u in memory.versions()
            if u.kind == "approved" and u.segment_id in ("b5.s1", "b6.s1")
        }
    assert approved == {
        "b5.s1": ("Anna Beispielの訳", "Anna Beispiel"),
        "b6.s1": ("Ben Musterの訳", "Ben Muster"),
    }
    other.context.close()


def test_interface_in_japanese_and_english(page: Any, live_server: LiveServer, shots: Path) -> None:
    upload_sample(page)
    translate(page)
    page.get_by_role("link", name="日本語").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("対訳")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert "機械翻訳" in page.locator(".counts").inner_text()
    page.screenshot(path=shots / "06-japanese.png")
    page.goto(live_server.url + "/search?q=Wasserstoff")
    assert page.get_by_role("cell", name="水素", exact=True).count() >= 1
    page.screenshot(path=shots / "07-search-ja.png")
    page.get_by_role("link", name="English").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Search the glossary and the memory"
    page.goto(live_server.url + "/doctor")
    assert page.get_by_role("heading", level=1).inner_text() == "System status"
    page.get_by_role("link", name="Deutsch").click()
    page.screenshot(path=shots / "08-doctor-de.png")


def test_pack_from_upload(page: Any, live_server: LiveServer, tmp_path: Path, shots: Path) -> None:
    page.get_by_role("link", name="Besuchsmappe").click()
    page.get_by_label("Beschreibung der Mappe").set_input_files(SAMPLES / "pack.toml")
    page.get_by_label("Dokumente, die pack.toml nennt").set_input_files(
        [SAMPLES / "pm-wasserstoff-de.txt", SAMPLES / "mou-nrw-fukushima-2026.toml"]
    )
    page.get_by_role("button", name="Mappe erstellen").click()
    page.get_by_text("Die Mappe ist fertig.").wait_for(timeout=120_000)
    page.screenshot(path=shots / "09-pack.png")
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF zum Drucken").click()
    pdf = tmp_path / "pack.pdf"
    info.value.save_as(pdf)
    assert "Delegationsreise nach Japan" in pdftotext(pdf)


def test_without_javascript(browser: Any, live_server: LiveServer) -> None:
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_label("… oder Text hier einfügen").fill("Pressekontakt\n\nDas Land baut aus.\n")
    page.get_by_role("button", name="Einlesen").click()
    page.get_by_role("button", name="Übersetzen", exact=True).click()
    page.wait_for_url(re.compile(r"/translation$"), timeout=60_000)  # the job page reloads
    page.get_by_label("Ihr Name").fill("Erika Muster")
    page.get_by_role("button", name="OK").click()  # without the script the name is saved first
    page.get_by_label("Übersetzung von Satz b2.s1").fill("州は拡大する。")
    row(page, "b2.s1").get_by_role("button", name="Freigeben").click()
    page.wait_for_url(re.compile(r"saved=b2\.s1"))
    assert "freigegeben von Erika Muster" in row(page, "b2.s1").inner_text()
    context.close()


UNLABELLED = """[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
               && !(e.tagName === 'BUTTON' && e.textContent.trim()))
  .map(e => e.outerHTML.slice(0, 80))"""


def test_every_field_is_labelled(page: Any, live_server: LiveServer) -> None:
    upload_sample(page)
    urls = [page.url, page.url + "/translation"]
    translate(page)
    for path in ("/", "/pack", "/search?q=Wasserstoff", "/reviews", "/memory", "/doctor"):
        urls.append(live_server.url + path)
    for url in urls:
        page.goto(url)
        assert page.evaluate(UNLABELLED) == [], url
        assert page.locator("h1").count() == 1, url
        assert page.locator("html").get_attribute("lang") == "de"
