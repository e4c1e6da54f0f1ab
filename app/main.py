"""Start the app from the command line's arguments."""

from __future__ import annotations

import argparse
import gc


def run_app(args: argparse.Namespace) -> int:
    from advice.app.advice_app import AdviceApp

    case = getattr(args, "case", None)
    if case is not None:  # a name that cannot be one: one line, before the screen
        from advice.tracker import check_name

        case = check_name(case)

    # What is imported by now (Textual and our modules, ~40,000 objects) lives until the
    # process ends: the cyclic collector need not walk it again, at its passes during
    # the start (~2M instructions) nor above all at exit, where Python's shutdown walks
    # every object (~56M, 5% of a start: docs/performance.md). Objects made from here
    # on are collected as usual.
    gc.freeze()

    # A missing path is an AdviceError here, before the screen is taken over.
    app = AdviceApp.from_path(
        args.path,
        args.today,
        theme_name=getattr(args, "theme", "dark"),
        resume=getattr(args, "resume", False),
        watch=getattr(args, "watch", False),
        case=case,
    )
    app.run()
    return app.return_code or 0
