"""One start-up of either the advice app or a bare Textual app, headless, exiting as soon
as the first screen has been drawn. bench_startup.py times this script as a whole
process (interpreter start, imports and shutdown included), the way a user feels it.

    python benchmarks/startup_target.py advice|bare

The advice side goes through `advice`'s console script (advice.entry.main), as a user
starts it. "Drawn" is the first frame the app hands to its terminal driver (App._display) that
shows the first screen's content, for both apps alike. An earlier version waited
with Pilot's `pause()`, which polls in 20 ms slices until the process is idle: that
quantized both sides by 20 ms on a ~60 ms phase.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

# Set (to anything): the process ends at its first frame, for bench_startup.py's count of
# the start without the exit.
STOP_AT_FIRST_FRAME = "ADVICE_BENCH_STOP_AT_FIRST_FRAME"


def exit_on_first_frame(cls: type) -> type:
    """`cls` that exits once a frame of a screen with content has been drawn."""

    class FirstFrame(cls):  # type: ignore[valid-type, misc]
        _is_exiting_now = False

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is not None and not self._batch_count and screen.children:
                if not self._is_exiting_now:
                    # For bench_startup.py: when the first screen was drawn (wall clock).
                    print(f"first-frame {time.time():.6f}", flush=True)
                    if os.environ.get(STOP_AT_FIRST_FRAME):
                        os._exit(0)  # the start alone: no Textual or Python shutdown
                self._is_exiting_now = True
                self.exit()

    return FirstFrame


def main(which: str) -> None:
    if which == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Static

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Static("hello")

        exit_on_first_frame(Bare)().run(headless=True, size=(100, 30))
    else:
        # `advice` itself, through its command line: only made headless, at this size,
        # and to exit at its first frame.
        from advice import entry
        from advice.app import advice_app

        advice_app.AdviceApp = exit_on_first_frame(advice_app.AdviceApp)  # type: ignore[misc]
        run = advice_app.AdviceApp.run
        advice_app.AdviceApp.run = lambda self, **_: run(self, headless=True, size=(100, 30))  # type: ignore[method-assign]
        sys.argv = ["advice", "--today", "2026-11-20"]
        sys.exit(entry.main())


if __name__ == "__main__":
    main(sys.argv[1])
