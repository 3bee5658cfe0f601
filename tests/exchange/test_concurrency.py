"""Imports under stress: two processes at once, and a process killed in the middle."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT
from toolkit.exchange import write_tmx
from toolkit.memory import TranslationMemory, TranslationUnit


def big_tmx(path: Path, prefix: str, n: int) -> Path:
    write_tmx(
        [
            TranslationUnit("de", "ja", f"{prefix} Satz Nummer {i}.", f"{prefix}の文{i}。")
            for i in range(n)
        ],
        path,
    )
    return path


def start_import(tmx: Path, memory: Path, *, capture: bool = True) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "toolkit", "memory", "import", str(tmx), "--memory", str(memory)],
        env=env,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
    )


def test_two_processes_importing_at_once_lose_nothing(tmp_path: Path) -> None:
    memory = tmp_path / "tm.sqlite"
    TranslationMemory(memory).close()
    a = start_import(big_tmx(tmp_path / "a.tmx", "A", 1500), memory)
    b = start_import(big_tmx(tmp_path / "b.tmx", "B", 1500), memory)
    for proc in (a, b):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    with TranslationMemory(memory) as store:
        # each TMX unit serves both directions
        assert store.stats().units == {"de→ja": 3000, "ja→de": 3000}


def test_killed_import_is_all_or_nothing(tmp_path: Path) -> None:
    memory = tmp_path / "tm.sqlite"
    with TranslationMemory(memory) as store:
        store.add([TranslationUnit("de", "ja", "Vorher.", "以前。")])
    tmx = big_tmx(tmp_path / "big.tmx", "K", 2000)
    # How long a whole import takes here, to spread the kills over it.
    start = time.monotonic()
    start_import(tmx, tmp_path / "timing.sqlite", capture=False).wait(timeout=120)
    duration = time.monotonic() - start
    rng = random.Random(13)
    outcomes = set()
    for _ in range(20):
        proc = start_import(tmx, memory, capture=False)
        time.sleep(rng.uniform(0.0, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        db = sqlite3.connect(memory)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = db.execute("SELECT count(*) FROM versions").fetchone()[0]
        db.close()
        assert count in (1, 1 + 4000), count
        outcomes.add(count)
        if count > 1:  # the import completed before the kill: start again from before
            with TranslationMemory(memory) as store:
                store._db.execute("DELETE FROM versions WHERE source <> 'Vorher.'")
    assert 1 in outcomes, "no kill landed during an import"
