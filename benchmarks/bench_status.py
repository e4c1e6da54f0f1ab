"""`advice status` with 1,000 follow-ups vs a bare `python -c "import sqlite3"`.

    python benchmarks/bench_status.py

Both are whole processes, timed from launch to exit in interleaved pairs (the median of
the pairs' ratios, as bench_startup does), `advice status` through its console script as
a user runs it. Where valgrind is installed, the instructions each executes too: the
same figure on every run, however busy the machine.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

FOLLOW_UPS = 1000
GOAL = 1.3
# As on a user's machine (bench_startup.py says why): bytecode cached.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def make_follow_ups(data: Path, count: int = FOLLOW_UPS) -> None:
    """`count` follow-ups of the shipped tree, each walked to a dated step (interview
    days spread over a year), written through the tracker as the app and CLI do."""
    os.environ["ADVICE_DATA_DIR"] = str(data)
    from advice.cache import checked
    from advice.library import shipped_dir
    from advice.tracker import Tracker

    path = shipped_dir() / "interview-follow-up.yaml"
    tree = checked(path).tree
    assert tree is not None
    today = date(2026, 11, 20)
    with Tracker.open() as tracker:
        for i in range(count):
            walk = tracker.open_walk(tracker.create(f"Company {i}", tree, path), tree, path, today)
            interview = today - timedelta(days=i % 365)
            for value in ("just-interviewed", interview.isoformat(), "email"):
                walk.session.answer(value)
            tracker.save(walk, digest="bench")


def command(which: str) -> list[str]:
    if which == "bare":
        return [sys.executable, "-c", "import sqlite3"]
    advice = shutil.which("advice") or str(Path(sys.executable).parent / "advice")
    return [advice, "status", "--today", "2026-11-20"]


def once(which: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command(which), check=True, capture_output=True, timeout=60, env=env)
    return time.perf_counter() - start


def instructions(which: str, env: dict[str, str]) -> int | None:
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    run = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *command(which)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    found = re.search(r"Collected : (\d+)", run.stderr)
    return int(found.group(1)) if run.returncode == 0 and found else None


def main(runs: int = 31) -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        make_follow_ups(data)
        env = {**ENV, "ADVICE_DATA_DIR": str(data)}
        lines = subprocess.run(command("advice"), capture_output=True, text=True, env=env)
        assert lines.stdout.count("\n") == FOLLOW_UPS, lines.stderr
        once("bare", env), once("advice", env)  # warm the file cache and the bytecode
        bare, ours = [], []
        for _ in range(runs):
            bare.append(once("bare", env))
            ours.append(once("advice", env))
        ratio = statistics.median(o / b for o, b in zip(ours, bare, strict=True))
        results = [
            (
                f"`advice status`, {FOLLOW_UPS} follow-ups, launch to exit / python -c 'import "
                "sqlite3'",
                ratio,
                GOAL,
                f"median of {runs} pairs; medians {statistics.median(ours) * 1000:.1f} ms vs "
                f"{statistics.median(bare) * 1000:.1f} ms",
            )
        ]
        ours_i, bare_i = instructions("advice", env), instructions("bare", env)
        if ours_i and bare_i:
            results.append(
                (
                    f"`advice status`, {FOLLOW_UPS} follow-ups, instructions (callgrind)",
                    ours_i / bare_i,
                    GOAL,
                    f"{ours_i / bare_i:.3f}: {ours_i / 1e6:.1f}M vs {bare_i / 1e6:.1f}M",
                )
            )
    return results


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
