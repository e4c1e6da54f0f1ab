"""One start-up of either the advice app or a bare Textual app, headless, exiting as soon
as the first screen has been drawn. bench_startup.py times this script as a whole
process (interpreter start and imports included), the way a user feels it.

    python benchmarks/startup_target.py advice|bare
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any


async def _exit_after_first_paint(pilot: Any) -> None:
    await pilot.pause()  # the first screen has been composed and drawn
    pilot.app.exit()


def main(which: str) -> None:
    if which == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Static

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Static("hello")

        app: Any = Bare()
    else:
        from advice.app.advice_app import AdviceApp

        app = AdviceApp.from_path(None, date(2026, 11, 20))  # as `advice` does
    app.run(headless=True, size=(100, 30), auto_pilot=_exit_after_first_paint)


if __name__ == "__main__":
    main(sys.argv[1])
