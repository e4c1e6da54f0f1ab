"""Start-up: `advice` on the shipped trees vs a bare Textual app, both headless, both
exiting once their first screen is drawn (see startup_target.py), timed as whole
processes, in interleaved pairs.

    python benchmarks/bench_startup.py

Where valgrind is installed, it also prints the ratio of instructions the two
processes execute (callgrind): the same figure on every run, however busy the
machine, so a change of a few per cent shows even when the timings' noise hides it.

Never in the user's real data folder: each case gets a temporary ADVICE_DATA_DIR, one
with no database (a first run) and one with a database holding one follow-up of the
shipped tree, made through the real `advice walk` (every returning user's start: the
app opens that follow-up where it stood).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup_target import STOP_AT_FIRST_FRAME

TARGET = Path(__file__).resolve().parent / "startup_target.py"
# The day the app starts on (startup_target.py's --today): the follow-up is made on it.
TODAY = "2026-11-20"


# As on a user's machine, where pip compiled every module at install: this sandbox sets
# PYTHONDONTWRITEBYTECODE, which would recompile our (editable) modules at every start
# but not Textual's (compiled by pip).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def with_followup(folder: Path) -> Path:
    """`folder` holding a database with one follow-up, made by the real console script
    as a user makes one, standing at its third question."""
    advice = Path(sys.executable).parent / "advice"
    subprocess.run(
        [
            *(str(advice), "walk", "interview-follow-up", "--case", "Acme"),
            *("--answer", "just-interviewed", "--answer", "yesterday", "--today", TODAY),
        ],
        check=True,
        capture_output=True,
        timeout=60,
        env=ENV | {"ADVICE_DATA_DIR": str(folder)},
    )
    return folder


def once(which: str, env: dict[str, str]) -> tuple[float, float]:
    """(launch to exit, launch to first frame) in seconds, for one process."""
    launched, start = time.time(), time.perf_counter()
    run = subprocess.run(
        [sys.executable, str(TARGET), which], check=True, capture_output=True, timeout=60, env=env
    )
    whole = time.perf_counter() - start
    first = float(run.stdout.decode().split("first-frame ")[1].split()[0]) - launched
    return whole, first


def paired(ours: list[float], bare: list[float]) -> float:
    # Each pair runs back to back, so a slow spell of a shared machine slows both
    # sides of it: the median of the pairs' ratios is steadier than a ratio of medians.
    return statistics.median(o / b for o, b in zip(ours, bare, strict=True))


def instructions(which: str, env: dict[str, str], stop: bool = False) -> int | None:
    """Instructions one start executes, counted by valgrind; None without valgrind.
    `stop`: up to the first frame only (no shutdown of Textual or Python)."""
    from counting import instructions as count

    return count(
        [sys.executable, str(TARGET), which], (env | {STOP_AT_FIRST_FRAME: "1"}) if stop else env
    )


def main(runs: int = 31) -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as one:
        cases = [
            ("", ENV | {"ADVICE_DATA_DIR": empty}),
            (", one follow-up", ENV | {"ADVICE_DATA_DIR": str(with_followup(Path(one)))}),
        ]
        results = []
        for case, env in cases:
            results += measure(case, env, runs)
        return results


def measure(case: str, env: dict[str, str], runs: int) -> list[tuple[str, float, float, str]]:
    """The lines of one case: `case` is "" (no database: the lines as they always
    were, for benchmarks/run.py and the README's history) or what the folder holds."""
    once("bare", env), once("advice", env)  # warm the OS file cache and the tree cache
    bare, ours = [], []
    for _ in range(runs):
        bare.append(once("bare", env))
        ours.append(once("advice", env))
    whole = paired([o[0] for o in ours], [b[0] for b in bare])
    first = paired([o[1] for o in ours], [b[1] for b in bare])
    b = statistics.median(b[0] for b in bare)
    o = statistics.median(o[0] for o in ours)
    bf = statistics.median(b[1] for b in bare)
    of = statistics.median(o[1] for o in ours)
    results = [
        (
            f"start-up{case}, launch to exit after the first screen is drawn, advice / bare "
            "Textual app",
            whole,
            1.15,
            f"median of {runs} pairs; medians {o:.3f}s vs {b:.3f}s; launch to first frame "
            f"alone {first:.2f}x ({of:.3f}s vs {bf:.3f}s)",
        )
    ]
    ours_i, bare_i = instructions("advice", env), instructions("bare", env)
    ours_f = instructions("advice", env, stop=True)
    bare_f = instructions("bare", env, stop=True)
    if ours_i and bare_i and ours_f and bare_f:
        results.append(
            (
                f"start-up{case}, instructions executed (callgrind), advice / bare Textual app",
                ours_i / bare_i,
                1.15,
                f"{ours_i / bare_i:.3f}: {ours_i / 1e6:.0f}M vs {bare_i / 1e6:.0f}M; "
                f"to the first frame alone {ours_f / bare_f:.3f} ({ours_f / 1e6:.0f}M vs "
                f"{bare_f / 1e6:.0f}M); the same on every run",
            )
        )
        # The goal is the first frame's (issue 18): a line of its own, so that
        # benchmarks/run.py holds it too.
        results.append(
            (
                f"start-up{case}, instructions to the first frame (callgrind), advice / bare "
                "Textual app",
                ours_f / bare_f,
                1.15,
                f"{ours_f / 1e6:.1f}M vs {bare_f / 1e6:.1f}M",
            )
        )
    return results


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
