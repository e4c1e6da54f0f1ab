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


async def steps(path: Path, walks: int = 12) -> list[float]:
    app = AdviceApp.from_path(str(path), date(2026, 11, 20), blink=False)
    app.animation_level = "none"
    times: list[float] = []
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
            await pilot.press("r")  # restart for the next walk
            await pilot.pause()
    return times


def main() -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ADVICE_CACHE_DIR"] = str(Path(tmp) / "cache")
        path = write(1_000, Path(tmp))
        times = asyncio.run(steps(path))
    median_ms = statistics.median(times) * 1000
    return [
        (
            f"a step in the app (key press to next screen drawn), 1,000 nodes / {GOAL_MS:g} ms",
            median_ms / GOAL_MS,
            1.0,
            f"median {median_ms:.1f}ms over {len(times)} steps",
        )
    ]


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
