"""Crashes and kills at random points: the memory stays intact, outputs are old or new.

Each test runs the real CLI in a child process and sends SIGKILL or SIGINT at random moments
of its run (times drawn from the length of an undisturbed run, seeded so a failure can be
replayed). Afterwards: ``PRAGMA integrity_check`` is ok, an import is there entirely or not at
all, an output file is the previous one or a complete new one, and no temporary file is left.

The memory import is cheap: 20 kills per signal always. A PDF run takes seconds, so
``DEJAKIT_FAULT_RUNS`` sets the kills per signal for translate and pack (default 2 to keep the
suite short; the acceptance run used 20: ``DEJAKIT_FAULT_RUNS=20 pytest tests/robustness``).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, SAMPLES
from toolkit.memory import TranslationMemory

RUNS = int(os.environ.get("DEJAKIT_FAULT_RUNS", "2"))
IMPORT_RUNS = max(20, RUNS)
SIGNALS = [signal.SIGKILL, signal.SIGINT]
PACK_NAME = "delegationsreise-japan-2026-03"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return env


def _cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "toolkit", *map(str, args)]


def _timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=_env(), cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - start


def _run_and_kill(cmd: list[str], cwd: Path, delay: float, sig: signal.Signals) -> int | None:
    """Run `cmd`, send `sig` after `delay` seconds; return its exit code (None if killed)."""
    proc = subprocess.Popen(
        cmd, env=_env(), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        assert b"Traceback" not in err or (sig == signal.SIGINT and b"KeyboardInterrupt" in err)
        return None
    proc.communicate()
    return proc.returncode


def _kill_points(
    seed: str, duration: float, runs: int = RUNS
) -> list[tuple[signal.Signals, float]]:
    """Return (signal, delay) pairs: a third anywhere in the run, the rest in its last 40%.

    The end of a run is where files are written: the moments a crash can do harm.
    """
    rng = random.Random(seed)
    return [
        (
            sig,
            rng.uniform(0.05, duration * 1.1) if i % 3 == 0 else rng.uniform(0.6, 1.05) * duration,
        )
        for sig in SIGNALS
        for i in range(runs)
    ]


def _leftovers(folder: Path, expected: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in expected)


def _tmx(path: Path, count: int, tag: str) -> Path:
    units = "".join(
        f'<tu><tuv xml:lang="de"><seg>{tag} Satz Nummer {i} über Wasserstoff.</seg></tuv>'
        f'<tuv xml:lang="ja"><seg>{tag}の水素に関する文{i}。</seg></tuv></tu>\n'
        for i in range(count)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="de" '
        f'adminlang="de" datatype="plaintext" segtype="sentence" o-tmf="x" creationtool="t" '
        f'creationtoolversion="1"/><body>\n{units}</body></tmx>\n',
        encoding="utf-8",
    )
    return path


def _rows(db: Path) -> set[tuple[str, str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT source_lang, target_lang, source, target FROM versions")
        return {tuple(r) for r in rows}
    finally:
        conn.close()


def test_memory_import_killed_is_all_or_nothing(tmp_path: Path) -> None:
    pristine = tmp_path / "pristine.sqlite"
    with TranslationMemory(pristine) as store:
        from toolkit.exchange import read_tmx

        store.add(read_tmx(SAMPLES / "pm-wasserstoff-de.tmx")[0])
    tmx = _tmx(tmp_path / "big.tmx", 1500, "Import")
    work = tmp_path / "work"
    work.mkdir()
    db = work / "memory.sqlite"
    before = _rows(pristine)
    shutil.copy(pristine, db)
    duration = _timed(_cli("memory", "import", tmx, "--memory", db), tmp_path)
    after = _rows(db)
    assert len(after) == len(before) + 3000
    outcomes = {"old": 0, "new": 0}
    for sig, delay in _kill_points("memory-import", duration, IMPORT_RUNS):
        db.unlink()
        shutil.copy(pristine, db)
        _run_and_kill(_cli("memory", "import", tmx, "--memory", db), tmp_path, delay, sig)
        rows = _rows(db)
        assert rows in (before, after), f"{sig.name} after {delay:.2f}s: partial import"
        outcomes["old" if rows == before else "new"] += 1
        with TranslationMemory(db):  # opening recovers the WAL; closing removes it
            pass
        assert _leftovers(work, {"memory.sqlite"}) == []
    assert outcomes["old"] > 0


def _pdf_state(path: Path, old_digest: str, needle: str) -> str:
    from pypdf import PdfReader

    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() == old_digest:
        return "old"
    assert data.rstrip().endswith(b"%%EOF"), "a partial PDF"
    text = "".join(page.extract_text() or "" for page in PdfReader(path).pages[:1])
    assert needle in text.replace("\n", " ")
    return "new"


def test_translate_over_an_existing_pdf_killed(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    pdf = out_dir / "x.pdf"
    old_cmd = _cli("translate", SAMPLES / "pr-fukushima-ja.txt", "--to", "de", "-o", pdf)
    subprocess.run([*old_cmd, "--engine", "none", "-q"], env=_env(), check=True, timeout=300)
    old_digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    cmd = _cli(
        "translate",
        SAMPLES / "pm-wasserstoff-de.txt",
        "--to",
        "ja",
        "-o",
        pdf,
        "-q",
        "--engine",
        "none",
    )
    backup = tmp_path / "old.pdf"
    shutil.copy(pdf, backup)
    duration = _timed(cmd, tmp_path)
    assert _pdf_state(pdf, old_digest, "Wasserstoff") == "new"
    outcomes = {"old": 0, "new": 0}
    for sig, delay in _kill_points("translate-pdf", duration):
        shutil.copy(backup, pdf)
        _run_and_kill(cmd, tmp_path, delay, sig)
        outcomes[_pdf_state(pdf, old_digest, "Wasserstoff")] += 1
        assert _leftovers(out_dir, {"x.pdf"}) == []
    assert outcomes["old"] > 0


def test_pack_killed_leaves_old_or_new_files(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    for name in ("pack.toml", "mou-nrw-fukushima-2026.toml", "pm-wasserstoff-de.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    out = tmp_path / "out"
    cmd = _cli("pack", folder / "pack.toml", "-o", out, "--engine", "none", "-q")
    duration = _timed(cmd, tmp_path)
    pdf, docx_file = out / f"{PACK_NAME}.pdf", out / f"{PACK_NAME}.docx"
    old = {p: p.read_bytes() for p in (pdf, docx_file)}
    digests = {p: hashlib.sha256(b).hexdigest() for p, b in old.items()}
    for sig, delay in _kill_points("pack", duration):
        for path, data in old.items():
            path.write_bytes(data)
        _run_and_kill(cmd, tmp_path, delay, sig)
        _pdf_state(pdf, digests[pdf], "Delegation")
        import docx

        docx.Document(str(docx_file))  # old or new, it opens
        assert _leftovers(out, {pdf.name, docx_file.name}) == []
