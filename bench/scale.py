"""How time and peak memory grow with the input: 1×, 10×, 100× a sample release, and 5 MB.

Each run is a fresh ``python -m toolkit translate SAMPLE --engine none`` process (memory only,
no model: what is measured is reading, segmenting, the memory lookup, QA and writing), its
peak RSS taken from the kernel (``os.wait4`` rusage) and its wall time from the clock. Growth
ratios are printed against the 1× run of the same kind: linear growth means time and memory
ratios no larger than the size ratio.

Three series:

- ``docx+json``: the release written as Word and JSON, 1×, 10×, 100× and 5 MB;
- ``pdf``: the release as PDF, 1×, 10×, 50× (WeasyPrint holds every page until it writes:
  memory grows with pages, so the page limit refuses, before layout, a 5 MB release: that run
  is the last line);
- ``long-line``: one Japanese line without 。 through the copy models (tests/models/copy),
  at --long-line lengths (default 2,500, 10,000 and 50,000 characters): it is split into
  bounded segments at read, so time grows with the length.

    .venv/bin/python bench/scale.py [--quick] [--long-line 2500,10000,50000] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "pm-wasserstoff-de.txt"
JA_SAMPLE = ROOT / "samples" / "pr-fukushima-ja.txt"
COPY_MODELS = ROOT / "tests" / "models" / "copy"


def scaled_release(factor: float, folder: Path) -> Path:
    """Write the sample release with its body repeated to `factor` × its size; return it."""
    text = SAMPLE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    want = int(len(text.encode("utf-8")) * factor)
    parts = [head]
    size = len(head.encode("utf-8"))
    while size < want:
        parts.append(body.strip())
        size += len(body.encode("utf-8")) + 2
    path = folder / f"release-{factor:g}x.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def long_line(chars: int, folder: Path) -> Path:
    """Write a Japanese release whose body is one line of `chars` characters without 。.

    The line is clauses of the sample release drawn at random (seeded) and joined with 、, so
    no two pieces of it are alike: the translation cache can't shortcut the run.
    """
    text = "".join(JA_SAMPLE.read_text(encoding="utf-8").split())
    clauses = [c for c in re.split(r"[。、]", text) if len(c) > 3]
    rng = random.Random(chars)
    parts: list[str] = []
    size = 0
    while size < chars:
        clause = rng.choice(clauses)
        parts.append(clause)
        size += len(clause) + 1
    line = "、".join(parts)[:chars]
    path = folder / f"line-{chars}.txt"
    path.write_text(f"見出し\n\n{line}\n", encoding="utf-8")
    return path


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Run the CLI with `args`; return (seconds, peak RSS in MB, exit code, last stderr line)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    last = err.strip().splitlines()[-1] if err.strip() else ""
    return seconds, usage.ru_maxrss / 1024, proc.returncode, last


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["DEJAKIT_MEMORY"] = str(home / "memory.sqlite")
    env["ARGOS_PACKAGES_DIR"] = str(home / "argos")
    env["HOME"] = str(home)
    return env


def install_copy_models(env: dict[str, str]) -> None:
    for model in sorted(COPY_MODELS.glob("*.argosmodel")):
        subprocess.run(
            [sys.executable, "-m", "toolkit", "models", "install", str(model)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def series(
    name: str, runs: list[tuple[str, Path, list[str]]], env: dict[str, str]
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    base: dict[str, object] | None = None
    for label, path, args in runs:
        seconds, rss, code, last = run([*args], env)
        size = path.stat().st_size
        row: dict[str, object] = {
            "series": name,
            "input": label,
            "bytes": size,
            "seconds": round(seconds, 2),
            "peak_rss_mb": round(rss, 1),
            "exit": code,
        }
        if code != 0:
            row["message"] = last[:160]
        if base is None and code == 0:
            base = row
        elif base is not None:
            row["size_ratio"] = round(size / int(str(base["bytes"])), 1)
            row["time_ratio"] = round(seconds / float(str(base["seconds"])), 1)
            row["rss_ratio"] = round(rss / float(str(base["peak_rss_mb"])), 2)
        rows.append(row)
        print(_line(row), flush=True)
    return rows


def _line(row: dict[str, object]) -> str:
    ratios = ""
    if "size_ratio" in row:
        ratios = (
            f"  size ×{row['size_ratio']:<7} time ×{row['time_ratio']:<6} RSS ×{row['rss_ratio']}"
        )
    text = (
        f"{row['series']:<10} {row['input']:<8} {int(str(row['bytes'])):>10,} B "
        f"{float(str(row['seconds'])):>7.2f} s {float(str(row['peak_rss_mb'])):>7.1f} MB "
        f"exit {row['exit']}{ratios}"
    )
    if "message" in row:
        text += f"\n           → {row['message']}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="Skip 100×, 5 MB and the 50× PDF.")
    parser.add_argument("--long-line", default="2500,10000,50000", help="Lengths ('' to skip).")
    parser.add_argument("--json", action="store_true", help="Print the rows as JSON too.")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="dejakit-scale-") as tmp:
        folder = Path(tmp)
        env = environment(folder)
        factors: list[float] = [1, 10] if args.quick else [1, 10, 100]
        docs = [(f"{f:g}×", scaled_release(f, folder)) for f in factors]
        if not args.quick:
            five = 5_000_000 / SAMPLE.stat().st_size
            docs.append(("5 MB", scaled_release(five, folder)))
        out = folder / "out"
        rows += series(
            "docx+json",
            [
                (
                    label,
                    p,
                    [
                        "translate",
                        str(p),
                        "--to",
                        "ja",
                        "--engine",
                        "none",
                        "-q",
                        "-o",
                        str(out / f"{p.stem}.docx"),
                        "-o",
                        str(out / f"{p.stem}.json"),
                    ],
                )
                for label, p in docs
            ],
            env,
        )
        pdf_docs = [(f"{f:g}×", scaled_release(f, folder)) for f in (1, 10, 50)]
        if args.quick:
            pdf_docs = pdf_docs[:2]
        else:
            pdf_docs.append(docs[-1])
        rows += series(
            "pdf",
            [
                (
                    label,
                    p,
                    [
                        "translate",
                        str(p),
                        "--to",
                        "ja",
                        "--engine",
                        "none",
                        "-q",
                        "-o",
                        str(out / f"{p.stem}.pdf"),
                    ],
                )
                for label, p in pdf_docs
            ],
            env,
        )
        lengths = [int(n) for n in args.long_line.split(",") if n.strip()]
        if lengths:
            install_copy_models(env)
            rows += series(
                "long-line",
                [
                    (
                        f"{n:,}",
                        long_line(n, folder),
                        [
                            "translate",
                            "--to",
                            "de",
                            "-q",
                            str(long_line(n, folder)),
                            "--engine",
                            "argos",
                            "--threads",
                            "1",
                            "-o",
                            str(out / f"line-{n}.json"),
                        ],
                    )
                    for n in lengths
                ],
                env,
            )
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
