"""A step in the app: press an answer's number key, until the next screen is drawn.
Median over many steps of walks through a generated 1,000-node tree, under Pilot.

    python benchmarks/bench_step.py

What is timed: from the key press reaching the app to the first frame Textual draws
that shows the next question (or the recommendation). Frames are caught where the
app hands them to the terminal driver (App._display; headless, the driver then
drops them), so Pilot's own waiting is not counted: `pilot.pause()` waits in 20 ms
slices until the process is idle and then forces one more frame, which made the
old wall-clock measure (step minus a key that does nothing) 20 ms coarse, coarser
than the goal. Also printed: the CPU time a step costs beyond a key that does
nothing, which no waiting can blur.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write

from advice.app.advice_app import AdviceApp
from advice.app.screens.question import QuestionScreen
from advice.app.screens.walk import WalkScreen

GOAL_MS = 16.0


class FrameClock(AdviceApp):
    """The app, noting when each frame is handed to the driver and what it shows."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.frames: list[tuple[float, str | None]] = []

    def _display(self, screen: Any, renderable: Any) -> None:
        super()._display(screen, renderable)
        if renderable is not None and not self._batch_count:
            shown = screen.shown_id if isinstance(screen, WalkScreen) else None
            self.frames.append((time.perf_counter(), shown))


async def steps(path: Path, walks: int = 12) -> tuple[list[float], list[float], list[float]]:
    """Per step: ms from the key press to the first frame showing the next node; CPU
    ms of the step; CPU ms of a key bound to nothing, pressed right after."""
    entries = AdviceApp.from_path(str(path), date(2026, 11, 20)).entries
    app = FrameClock(entries, date(2026, 11, 20), blink=False)
    app.animation_level = "none"
    latency: list[float] = []
    cpu: list[float] = []
    idle_cpu: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for walk in range(walks):
            choice = str(walk % 2 + 1)  # alternate first and second answers
            while isinstance(app.screen, QuestionScreen):
                before = app.screen.session.cursor
                app.frames.clear()
                start, start_cpu = time.perf_counter(), time.process_time()
                await pilot.press(choice)  # posts the key at once, then waits
                await pilot.pause()
                cpu.append((time.process_time() - start_cpu) * 1000)
                after = app.screen.session.cursor  # type: ignore[attr-defined]
                assert after != before
                drawn = next(t for t, shown in app.frames if shown == after)
                latency.append((drawn - start) * 1000)
                start_cpu = time.process_time()
                await pilot.press("z")  # bound to nothing
                await pilot.pause()
                idle_cpu.append((time.process_time() - start_cpu) * 1000)
            await pilot.press("r")  # restart for the next walk
            await pilot.pause()
    return latency, cpu, idle_cpu


def main() -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ADVICE_CACHE_DIR"] = str(Path(tmp) / "cache")
        # Every walk in the app is a follow-up, saved at each move: not the user's.
        os.environ["ADVICE_DATA_DIR"] = str(Path(tmp) / "data")
        path = write(1_000, Path(tmp))
        latency, cpu, idle_cpu = asyncio.run(steps(path))
    median = statistics.median
    step_ms = median(latency)
    own_cpu = median(cpu) - median(idle_cpu)
    return [
        (
            f"a step in the app (answer key to the next question drawn), 1,000 nodes "
            f"/ {GOAL_MS:g} ms",
            step_ms / GOAL_MS,
            1.0,
            f"median {step_ms:.1f} ms over {len(latency)} steps (90th percentile "
            f"{statistics.quantiles(latency, n=10)[-1]:.1f} ms); CPU per step beyond a "
            f"key that does nothing {own_cpu:.1f} ms",
        )
    ]


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
