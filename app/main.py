"""Start the app from the command line's arguments."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `advice` alone starts without argparse (advice.entry)
    import argparse
    from datetime import date


def run_app(args: argparse.Namespace) -> int:
    return run(
        args.path,
        args.today,
        theme=getattr(args, "theme", "dark"),
        resume=getattr(args, "resume", False),
        watch=getattr(args, "watch", False),
        case=getattr(args, "case", None),
    )


def run(
    path: str | None,
    today: date | None,
    *,
    theme: str = "dark",
    resume: bool = False,
    watch: bool = False,
    case: str | None = None,
) -> int:
    from advice.app.advice_app import AdviceApp

    if case is not None:  # a name that cannot be one: one line, before the screen
        from advice.tracker import check_name

        case = check_name(case)

    # What is imported by now (Textual and our modules, ~40,000 objects) lives until the
    # process ends: the cyclic collector need not walk it again, at its passes during
    # the start (~2M instructions) nor above all at exit, where Python's shutdown walks
    # every object (~56M, 5% of a start: docs/performance.md). Objects made from here
    # on are collected as usual, once the first frame is drawn: until then the collector
    # is off (AdviceApp.on_mount turns it back on), as its passes over the first
    # screen's new objects were ~5M instructions of the start to that frame.
    gc.freeze()
    gc.disable()

    # A missing path is an AdviceError here, before the screen is taken over.
    app = AdviceApp.from_path(path, today, theme_name=theme, resume=resume, watch=watch, case=case)
    app.run()
    return app.return_code or 0
