"""The home screen with 1,000 follow-ups vs the app's start on one tree with none.

    python benchmarks/bench_home.py

Both are `advice --today 2026-11-20` on the shipped tree through its command line,
headless, exiting at their first frame (startup_target.py), timed as whole processes in
interleaved pairs (the median of the pairs' ratios, as bench_startup does): one with a
data folder holding 1,000 follow-ups (made through the tracker, as bench_status makes
them), which opens on the home screen; one with an empty data folder, which opens on
the first question. Where valgrind is installed, the instructions each executes too.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "startup_target.py"
GOAL = 1.15
# As on a user's machine (bench_startup.py says why): bytecode cached.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def command() -> list[str]:
    return [sys.executable, str(TARGET), "advice"]


def once(env: dict[str, str]) -> float:
    start = time.perf_counter()
    run = subprocess.run(command(), capture_output=True, timeout=60, env=env)
    assert b"first-frame" in run.stdout, run.stderr.decode()
    return time.perf_counter() - start


def instructions(env: dict[str, str]) -> int | None:
    from counting import instructions as count

    return count([sys.executable, str(TARGET), "advice"], env)


def main(runs: int = 21) -> list[tuple[str, float, float, str]]:
    sys.path.insert(0, str(HERE))
    from bench_status import FOLLOW_UPS, make_follow_ups

    with tempfile.TemporaryDirectory() as tmp:
        full, empty = Path(tmp) / "full", Path(tmp) / "empty"
        make_follow_ups(full)
        empty.mkdir()
        home = {**ENV, "ADVICE_DATA_DIR": str(full)}
        first = {**ENV, "ADVICE_DATA_DIR": str(empty)}
        once(home), once(first)  # warm the file cache, the bytecode and the tree cache
        ours, base = [], []
        for _ in range(runs):
            base.append(once(first))
            ours.append(once(home))
        assert not any(empty.iterdir()), "the first question's start wrote to the data folder"
        ratio = statistics.median(o / b for o, b in zip(ours, base, strict=True))
        results = [
            (
                f"home screen with {FOLLOW_UPS} follow-ups / the app's start on one tree "
                "(first question), launch to exit after the first frame",
                ratio,
                GOAL,
                f"median of {runs} pairs; medians {statistics.median(ours):.3f}s vs "
                f"{statistics.median(base):.3f}s",
            )
        ]
        ours_i, base_i = instructions(home), instructions(first)
        if ours_i and base_i:
            results.append(
                (
                    f"home screen with {FOLLOW_UPS} follow-ups, instructions (callgrind)",
                    ours_i / base_i,
                    GOAL,
                    f"{ours_i / base_i:.3f}: {ours_i / 1e6:.0f}M vs {base_i / 1e6:.0f}M",
                )
            )
    return results


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
