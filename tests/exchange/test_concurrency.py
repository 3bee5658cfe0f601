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
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    with TranslationMemory(memory) as store:
        # each TMX unit serves both directions
        assert store.stats().units == {"de→ja": 3000, "ja→de": 3000}


def test_killed_import_is_all_or_nothing(tmp_path: Path) -> None:
    memory = tmp_path / "tm.sqlite"
    with TranslationMemory(memory) as store:
        store.add([TranslationUnit("de", "ja", "Vorher.", "以前。")])
    n = 4000
    tmx = big_tmx(tmp_path / "big.tmx", "K", n)
    tiny = big_tmx(tmp_path / "tiny.tmx", "T", 1)
    # Kill between the moment a tiny import would be done (start-up, reading) and the moment
    # the big one is: most kills then land inside the write transaction.
    begin = _timed(tiny, tmp_path / "t1.sqlite")
    end = _timed(tmx, tmp_path / "t2.sqlite")
    rng = random.Random(13)
    outcomes = []
    for _ in range(20):
        proc = start_import(tmx, memory, capture=False)
        time.sleep(rng.uniform(begin * 0.9, end))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        db = sqlite3.connect(memory)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = db.execute("SELECT count(*) FROM versions").fetchone()[0]
        db.close()
        assert count in (1, 1 + 2 * n), count  # each TMX unit serves both directions
        outcomes.append(count)
        if count > 1:  # the import finished before the kill: start again from before
            with TranslationMemory(memory) as store:
                store._db.execute("DELETE FROM versions WHERE source <> 'Vorher.'")
    assert outcomes.count(1) >= 3, outcomes  # the test says nothing if every import finished


def _timed(tmx: Path, memory: Path) -> float:
    start = time.monotonic()
    assert start_import(tmx, memory, capture=False).wait(timeout=120) == 0
    return time.monotonic() - start
