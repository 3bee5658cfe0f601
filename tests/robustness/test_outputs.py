"""Where outputs can't go, and many writers at once: one clear line, nothing lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.robustness.test_faults import _rows, _tmx
from toolkit.errors import RenderError
from toolkit.fileio import atomic_path, remove_stale_temporaries, write_bytes_atomic
from toolkit.memory import TranslationMemory

SOURCE = SAMPLES / "pm-wasserstoff-de.txt"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return env


def _translate(output: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "toolkit", "translate", str(SOURCE), "--to", "ja"]
    cmd += ["--engine", "none", "-q", "-o", str(output)]
    return subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload, no-any-return]


def _one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("suffix", [".json", ".pdf"])
def test_output_on_a_full_device(tmp_path: Path, suffix: str) -> None:
    link = tmp_path / f"full{suffix}"  # the CLI wants a known suffix: name /dev/full by a link
    link.symlink_to("/dev/full")
    line = _one_clear_line(_translate(link))
    assert str(link) in line
    assert "No space left on device" in line
    assert link.is_symlink()  # nothing replaced
    assert Path("/dev/full").is_char_device()


def test_output_in_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a folder")
    line = _one_clear_line(_translate(blocker / "sub" / "out.json"))
    assert "can't create the output folder" in line


def test_output_in_a_read_only_folder_keeps_the_previous_file(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    previous = folder / "out.json"
    previous.write_text("previous", encoding="utf-8")
    # Root ignores permission bits; the immutable attribute stops root too.
    immutable = os.geteuid() == 0 and shutil.which("chattr") is not None
    if immutable:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    try:
        line = _one_clear_line(_translate(previous))
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)
    assert str(folder) in line
    assert "Permission denied" in line or "Operation not permitted" in line
    assert previous.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in folder.iterdir()) == ["out.json"]


def test_file_size_limit_mid_write_keeps_the_previous_file(tmp_path: Path) -> None:
    # RLIMIT_FSIZE stands in for a disk that fills up while the PDF is written.
    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF previous")
    with TranslationMemory(os.environ["DEJAKIT_MEMORY"]):  # the memory exists before
        pass

    def limit() -> None:  # pragma: no cover - runs in the child
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    line = _one_clear_line(_translate(out, preexec_fn=limit))
    assert str(out) in line
    assert out.read_bytes() == b"%PDF previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_atomic_write_error_keeps_previous_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    target.write_text("old")

    def fail_midway() -> None:
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        fail_midway()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_stale_temporaries_of_dead_processes_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".x.pdf.{dead.stdout.strip()}.abc123.tmp"
    stale.write_bytes(b"partial")
    mine = tmp_path / f".x.pdf.{os.getpid()}.abc123.tmp"
    mine.write_bytes(b"in progress")
    assert remove_stale_temporaries(target) == [stale]
    assert mine.exists()


def test_directory_as_output_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="is a directory"), atomic_path(tmp_path):
        pass


def test_four_importers_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite"
    files = [_tmx(tmp_path / f"t{i}.tmx", 1000, f"Quelle{i}") for i in range(4)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "toolkit", "memory", "import", str(f), "--memory", str(db)],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
        assert "busy" not in err
        assert "1000 added" in out or "2000 added" in out
    rows = _rows(db)
    assert len(rows) == 4 * 2000
    for i in range(4):
        assert (
            "de",
            "ja",
            f"Quelle{i} Satz Nummer 999 über Wasserstoff.",
            f"Quelle{i}の水素に関する文999。",
        ) in rows
