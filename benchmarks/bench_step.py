"""A step in the app: press an answer's number key, until the next screen is drawn.
Median over many steps of walks through a generated 1,000-node tree, under Pilot.

    python benchmarks/bench_step.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from advice.app.advice_app import AdviceApp
from advice.app.screens.question import QuestionScreen
from generate import write

GOAL_MS = 16.0


async def steps(path: Path, walks: int = 12) -> tuple[list[float], list[float]]:
    """Times of steps, and of key presses that do nothing (Pilot's own cost of a press
    and of waiting until the app is idle), taken in turn."""
    app = AdviceApp.from_path(str(path), date(2026, 11, 20), blink=False)
    app.animation_level = "none"
    times: list[float] = []
    idle: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for walk in range(walks):
            choice = str(walk % 2 + 1)  # alternate first and second answers
            while isinstance(app.screen, QuestionScreen):
                before = app.screen.session.cursor
                start = time.perf_counter()
                await pilot.press(choice)
                await pilot.pause()  # the next question (or recommendation) is drawn
                assert app.screen.session.cursor != before
                times.append(time.perf_counter() - start)
                start = time.perf_counter()
                await pilot.press("z")  # bound to nothing
                await pilot.pause()
                idle.append(time.perf_counter() - start)
            await pilot.press("r")  # restart for the next walk
            await pilot.pause()
    return times, idle


def main() -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ADVICE_CACHE_DIR"] = str(Path(tmp) / "cache")
        path = write(1_000, Path(tmp))
        times, idle = asyncio.run(steps(path))
    step_ms = statistics.median(times) * 1000
    idle_ms = statistics.median(idle) * 1000
    own_ms = step_ms - idle_ms
    return [
        (
            f"a step in the app (answer key to next question drawn, minus a key that does "
            f"nothing), 1,000 nodes / {GOAL_MS:g} ms",
            own_ms / GOAL_MS,
            1.0,
            f"median step {step_ms:.0f}ms, idle key {idle_ms:.0f}ms, over {len(times)} steps",
        )
    ]


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
