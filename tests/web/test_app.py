"""The web page's document flow through HTTP requests: upload, read, translate, approve,
download; the memory and the outputs are the CLI's."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.conftest import SAMPLES
from tests.render.conftest import pdftotext
from tests.web.conftest import csrf, segment_ids, translate, upload
from toolkit import TranslationMemory
from toolkit.web.jobs import JobCancelled, JobRunner

RELEASE = (
    "Pressemitteilung\n\nWasserstoff verbindet NRW und Fukushima\n\n"
    "Das Land baut die Partnerschaft aus. Ammoniak dient als Träger.\n"
)


def test_read_view_shows_blocks_kinds_and_sentences(client: TestClient) -> None:
    page = client.get(upload(client, RELEASE))
    assert page.status_code == 200
    assert "Abschnitte: 3, Sätze: 4, Sprache: Deutsch" in page.text
    for kind in ("Dachzeile", "Titel", "Absatz"):
        assert kind in page.text
    assert "Ammoniak dient als Träger." in page.text


def test_pasted_text_is_read_like_a_file(client: TestClient) -> None:
    response = client.post(
        "/documents",
        data={"csrf_token": csrf(client), "text": RELEASE, "source_lang": "de"},
        follow_redirects=True,
    )
    assert "Sätze: 4" in response.text


def test_translate_approve_and_the_memory_holds_the_reviewer(
    client: TestClient, memory_path: Path
) -> None:
    view = client.get(translate(client, upload(client, RELEASE)))
    assert segment_ids(view.text) == ["b1.s1", "b2.s1", "b3.s1", "b3.s2"]
    assert 'data-status="machine"' in view.text
    doc_url = view.url.path.rsplit("/", 1)[0]
    response = client.post(
        f"{doc_url}/approve",
        data={
            "csrf_token": csrf(client),
            "segment": "b1.s1",
            "target": "プレスリリース",
            "reviewer": "Erika Muster",
        },
    )
    assert response.status_code == 200
    assert "Satz b1.s1 wurde freigegeben" in response.text
    assert "freigegeben von Erika Muster" in response.text
    assert response.text.count('data-status="approved"') == 1
    with TranslationMemory(memory_path) as memory:
        served = memory.history("Pressemitteilung", "de", "ja")[0]
    assert (served.target, served.kind, served.reviewer) == (
        "プレスリリース",
        "approved",
        "Erika Muster",
    )
    assert served.document == "release.txt"
    assert served.segment_id == "b1.s1"
    assert served.origin == "web"
    # the next translation of the same text takes the approval from the memory
    again = client.get(translate(client, upload(client, RELEASE)))
    assert again.text.count('data-status="approved"') == 1


def test_approval_needs_a_reviewer_name(client: TestClient) -> None:
    doc_url = translate(client, upload(client, RELEASE)).rsplit("/", 1)[0]
    response = client.post(
        f"{doc_url}/approve",
        data={"csrf_token": csrf(client), "segment": "b1.s1", "target": "x", "reviewer": " "},
    )
    assert response.status_code == 400
    assert "Namen" in response.text


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("pdf", lambda p: "Wasserstoff" in pdftotext(p)),
        ("docx", lambda p: p.read_bytes().startswith(b"PK")),
        ("html", lambda p: "<html" in p.read_text(encoding="utf-8")),
        ("json", lambda p: json.loads(p.read_text(encoding="utf-8"))["target_lang"] == "ja"),
        ("review", lambda p: p.read_bytes().startswith(b"PK")),
        ("xliff", lambda p: "urn:oasis:names:tc:xliff" in p.read_text(encoding="utf-8")),
    ],
)
def test_downloads(client: TestClient, tmp_path: Path, fmt: str, check: object) -> None:
    doc_url = translate(client, upload(client, RELEASE)).rsplit("/", 1)[0]
    response = client.post(
        f"{doc_url}/download",
        data={"csrf_token": csrf(client), "format": fmt, "layout": "interleaved"},
    )
    assert response.status_code == 200
    assert "release.ja" in response.headers["content-disposition"]
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(response.content)
    assert check(out)  # type: ignore[operator]


def test_unknown_render_option_is_refused(client: TestClient) -> None:
    doc_url = translate(client, upload(client, RELEASE)).rsplit("/", 1)[0]
    response = client.post(
        f"{doc_url}/download",
        data={"csrf_token": csrf(client), "format": "pdf", "layout": "sideways"},
    )
    assert response.status_code == 400
    assert "sideways" in response.text


def test_search_finds_glossary_and_memory(client: TestClient, memory_path: Path) -> None:
    from toolkit import TranslationMemory

    with TranslationMemory(memory_path) as memory:
        memory.approve(
            "Der Wasserstoff kommt aus Fukushima.",
            "水素は福島から来る。",
            "de",
            "ja",
            reviewer="Erika Muster",
        )
    page = client.get("/search", params={"q": "wasserstoff"})
    assert page.status_code == 200
    assert "水素" in page.text  # the glossary entry
    assert "水素は福島から来る。" in page.text
    assert "freigegeben von Erika Muster" in page.text
    assert "Keine Treffer" in client.get("/search", params={"q": "Zzyzx"}).text


def test_doctor_page_lists_the_checks(client: TestClient) -> None:
    page = client.get("/doctor?ui=en")
    assert page.status_code == 200
    assert "WeasyPrint" in page.text
    assert "CTranslate2" in page.text


def test_interface_language_follows_the_switch_and_the_browser(client: TestClient) -> None:
    assert "文書のアップロード" in client.get("/?ui=ja").text
    assert "文書のアップロード" in client.get("/").text  # kept in a cookie
    client.cookies.clear()
    page = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert "Upload a document" in page.text


def test_pack_manifest_naming_a_file_outside_is_refused(client: TestClient, tmp_path: Path) -> None:
    # the workspace lies in tmp_path: <tmp_path>/dejakit-web-…/<id>/pack.toml
    (tmp_path / "secret.txt").write_text("Geheimer Vermerk.\n", encoding="utf-8")
    manifest = (SAMPLES / "pack.toml").read_text(encoding="utf-8")
    manifest = manifest.replace('"pm-wasserstoff-de.txt"', '"../../secret.txt"')
    response = client.post(
        "/packs",
        data={"csrf_token": csrf(client)},
        files=[
            ("manifest", ("pack.toml", manifest.encode(), "text/plain")),
            (
                "documents",
                (
                    "mou-nrw-fukushima-2026.toml",
                    (SAMPLES / "mou-nrw-fukushima-2026.toml").read_bytes(),
                    "text/plain",
                ),
            ),
        ],
        follow_redirects=False,
    )
    assert response.status_code == 303
    job_url = response.headers["location"]
    deadline = time.monotonic() + 60
    while (state := client.get("/jobs/" + job_url.rsplit("/", 1)[1]).json())["state"] in (
        "queued",
        "running",
    ):
        assert time.monotonic() < deadline, "the pack job did not end in 60 s"
        time.sleep(0.2)
    assert state["state"] == "failed", state
    assert "secret.txt: names a file outside the uploaded files" in state["error"], state
    assert str(tmp_path) not in state["error"]
    response = client.get(job_url)
    assert "secret.txt: names a file outside the uploaded files" in response.text
    assert str(tmp_path) not in response.text


def test_job_can_be_cancelled_between_batches() -> None:
    runner = JobRunner(workers=1)
    started = threading.Event()

    def work(progress):
        for done in range(1000):
            progress(done, 1000)
            started.set()
            time.sleep(0.01)
        return "finished"

    job = runner.submit("translate", "x", work)
    assert started.wait(5)
    assert runner.cancel(job.id)
    deadline = time.monotonic() + 5
    while not job.finished and time.monotonic() < deadline:
        time.sleep(0.01)
    assert job.state == "cancelled"
    assert job.result is None
    assert not runner.cancel(job.id)  # already over
    runner.shutdown()
    with pytest.raises(JobCancelled):
        job.progress(1, 2)


def test_job_page_shows_progress_and_cancel(client: TestClient) -> None:
    doc_url = upload(client, RELEASE)
    web = client.app.state.web  # type: ignore[attr-defined]
    record = web.workspace.get(doc_url.rsplit("/", 1)[1])
    gate = threading.Event()

    def work(progress):
        progress(3, 10)
        gate.wait(10)
        progress(10, 10)

    record.job_id = web.jobs.submit("translate", record.id, work).id
    time.sleep(0.1)
    page = client.get(f"{doc_url}/job")
    assert "Sätze: 3 von 10" in page.text
    assert 'http-equiv="refresh"' in page.text
    state = client.get(f"/jobs/{record.job_id}").json()
    assert (state["state"], state["done"], state["total"]) == ("running", 3, 10)
    client.post(f"{doc_url}/cancel", data={"csrf_token": csrf(client)})
    gate.set()
    time.sleep(0.2)
    assert "abgebrochen" in client.get(f"{doc_url}/job").text


def test_reviewed_xliff_comes_back_through_the_page(client: TestClient, memory_path: Path) -> None:
    doc_url = translate(client, upload(client, RELEASE)).rsplit("/", 1)[0]
    xliff = client.post(
        f"{doc_url}/download", data={"csrf_token": csrf(client), "format": "xliff"}
    ).text
    reviewed = re.sub(r"<target>[^<]*</target>", "<target>報道発表</target>", xliff, count=1)
    assert reviewed != xliff
    for dry_run, expected in (
        ("1", "freigegeben würden: 1"),
        ("", "freigegebene Übersetzungen: 1"),
    ):
        response = client.post(
            "/reviews/import",
            data={"csrf_token": csrf(client), "reviewer": "K. Sato", "dry_run": dry_run},
            files={"file": ("release.ja.xlf", reviewed.encode(), "application/xliff+xml")},
        )
        assert response.status_code == 200, response.text
        assert expected in response.text
        assert "<ins>報道発表</ins>" in response.text
    with TranslationMemory(memory_path) as memory:
        served = memory.history("Pressemitteilung", "de", "ja")[0]
    assert (served.target, served.kind, served.reviewer) == ("報道発表", "approved", "K. Sato")
    assert served.origin == "review:release.ja.xlf"  # the reviewer's file, not our stored name


def test_review_file_that_was_never_sent_is_refused(client: TestClient) -> None:
    response = client.post(
        "/reviews/import",
        data={"csrf_token": csrf(client), "reviewer": "K. Sato"},
        files={"file": ("fremd.xlf", b"<xliff/>", "application/xliff+xml")},
    )
    assert response.status_code == 400
    assert "fremd.xlf" in response.text
    assert "upload" not in response.text


def test_download_keeps_a_japanese_file_name(client: TestClient) -> None:
    doc_url = upload(client, "Pressemitteilung\n", name="報道発表.txt")
    doc_url = translate(client, doc_url).rsplit("/", 1)[0]
    response = client.post(f"{doc_url}/download", data={"csrf_token": csrf(client)})
    disposition = response.headers["content-disposition"]
    assert "filename*=utf-8''%E5%A0%B1%E9%81%93%E7%99%BA%E8%A1%A8.ja.pdf" in disposition


def test_finished_jobs_are_forgotten_beyond_the_limit() -> None:
    runner = JobRunner(workers=1, keep=2)
    jobs = [runner.submit("translate", "x", lambda progress: None) for _ in range(3)]
    deadline = time.monotonic() + 5
    while not all(j.finished for j in jobs) and time.monotonic() < deadline:
        time.sleep(0.01)
    runner.submit("translate", "x", lambda progress: None)
    assert runner.get(jobs[0].id) is None
    assert runner.get(jobs[2].id) is jobs[2]
    runner.shutdown()


def test_approval_is_checked_against_the_glossary_again(client: TestClient) -> None:
    doc_url = translate(client, upload(client, "Wasserstoff ist wichtig.\n")).rsplit("/", 1)[0]
    response = client.post(
        f"{doc_url}/approve",
        data={
            "csrf_token": csrf(client),
            "segment": "b1.s1",
            "target": "ハイドロジェンは重要だ。",  # not the glossary's 水素
            "reviewer": "Erika Muster",
        },
    )
    assert "is a forbidden rendering of &#39;Wasserstoff&#39;" in response.text
    web = client.app.state.web  # type: ignore[attr-defined]
    record = web.workspace.get(doc_url.rsplit("/", 1)[1])
    assert {i.check for i in record.issues if i.segment_id == "b1.s1"} == {"term"}
    assert next(record.translated.segments()).checks == ()
