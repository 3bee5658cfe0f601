"""Start-up and first page of `dejakit serve`, against `dejakit --help` in the same run.

Timed as whole processes, best of ``--repeat`` rounds (the commands alternate round by round,
so load on the machine hits them alike):

* help  — ``python -m toolkit --help`` (the CLI's own start);
* start — ``python -m toolkit serve`` until its port answers (goal: under 2 s);
* first — the first page (``GET /``) of a fresh server (goal: under 200 ms);
* next  — the same page again (templates compiled, nothing left to load).

    .venv/bin/python bench/serve_speed.py [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _help() -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "toolkit", "--help"], cwd=ROOT, check=True, capture_output=True
    )
    return time.perf_counter() - start


def _serve(home: Path) -> tuple[float, float, float]:
    """Return (start-up, first page, next page) of one fresh `dejakit serve`, in seconds."""
    port = _free_port()
    env = dict(os.environ, DEJAKIT_MEMORY=str(home / "memory.sqlite"), HOME=str(home))
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:  # the port answers once uvicorn listens
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.05):
                    break
            except OSError:
                if process.poll() is not None or time.perf_counter() - start > 30:
                    raise RuntimeError("dejakit serve did not start") from None
                time.sleep(0.005)
        up = time.perf_counter() - start
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            t0 = time.perf_counter()
            client.get("/").raise_for_status()
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            client.get("/").raise_for_status()
            again = time.perf_counter() - t0
        return up, first, again
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {
        "help": float("inf"),
        "start": float("inf"),
        "first": float("inf"),
        "next": float("inf"),
    }
    with tempfile.TemporaryDirectory() as home:
        for _ in range(args.repeat):
            results["help"] = min(results["help"], _help())
            up, first, again = _serve(Path(home))
            results["start"] = min(results["start"], up)
            results["first"] = min(results["first"], first)
            results["next"] = min(results["next"], again)
    ratios = {"start_vs_help": results["start"] / results["help"]}
    goals = {"start": 2.0, "first": 0.2}
    if args.json:
        print(json.dumps({"seconds": results, "ratios": ratios, "goals": goals}, indent=2))
        return 0
    for name, seconds in results.items():
        goal = f"   (goal < {goals[name] * 1000:.0f} ms)" if name in goals else ""
        print(f"{name:6s} {seconds * 1000:7.1f} ms{goal}")
    print(f"serve start-up = {ratios['start_vs_help']:.1f} × dejakit --help")
    return 0 if results["start"] < goals["start"] and results["first"] < goals["first"] else 1


if __name__ == "__main__":
    sys.exit(main())
