"""Start the app from the command line's arguments."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    from advice.app.advice_app import AdviceApp

    case = getattr(args, "case", None)
    if case is not None:  # a name that cannot be one: one line, before the screen
        from advice.tracker import check_name

        case = check_name(case)
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
