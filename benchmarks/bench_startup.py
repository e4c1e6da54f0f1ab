"""Start-up: `advice` on the shipped trees vs a bare Textual app, both headless, both
exiting once their first screen is drawn (see startup_target.py), timed as whole
processes, in interleaved pairs.

    python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = Path(__file__).resolve().parent / "startup_target.py"


# As on a user's machine, where pip compiled every module at install: this sandbox sets
# PYTHONDONTWRITEBYTECODE, which would recompile our (editable) modules at every start
# but not Textual's (compiled by pip).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(which: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(TARGET), which], check=True, capture_output=True, timeout=60, env=ENV
    )
    return time.perf_counter() - start


def main(runs: int = 15) -> list[tuple[str, float, float, str]]:
    once("bare"), once("advice")  # warm the OS file cache and the tree cache
    bare, ours = [], []
    for _ in range(runs):
        bare.append(once("bare"))
        ours.append(once("advice"))
    # Each pair runs back to back, so a slow spell of a shared machine slows both
    # sides of it: the median of the pairs' ratios is steadier than a ratio of medians.
    ratio = statistics.median(o / b for o, b in zip(ours, bare, strict=True))
    b, o = statistics.median(bare), statistics.median(ours)
    return [
        (
            "start-up to first screen, advice / bare Textual app",
            ratio,
            1.15,
            f"median of {runs} pairs; medians {o:.2f}s vs {b:.2f}s",
        )
    ]


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
