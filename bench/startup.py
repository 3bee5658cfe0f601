"""Start-up of the command line: `dejakit --help` against a bare Python start, same run.

The CLI must answer at once (heavy libraries load only in the commands that use them).
Timed as whole processes, best of ``--repeat`` runs each:

* python — ``python -c pass`` (the floor any Python CLI pays);
* click  — ``python -c "import click"`` (the CLI framework alone);
* help   — ``python -m toolkit --help``;
* version — ``python -m toolkit --version``.

    .venv/bin/python bench/startup.py [--repeat 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = {
    "python": [sys.executable, "-c", "pass"],
    "click": [sys.executable, "-c", "import click"],
    "help": [sys.executable, "-m", "toolkit", "--help"],
    "version": [sys.executable, "-m", "toolkit", "--version"],
}


def _best(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    # Alternate the commands round by round so load on the machine hits them alike.
    results = {name: float("inf") for name in COMMANDS}
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            results[name] = min(results[name], _best(command, 1))
    ratios = {
        "help_vs_python": results["help"] / results["python"],
        "help_vs_click": results["help"] / results["click"],
    }
    if args.json:
        print(json.dumps({"seconds": results, "ratios": ratios}, indent=2))
        return 0
    for name, seconds in results.items():
        print(f"{name:8s} {seconds * 1000:7.1f} ms")
    print(
        f"dejakit --help: {ratios['help_vs_python']:.1f}x a bare Python start, "
        f"{ratios['help_vs_click']:.1f}x importing click"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
