"""Start the app from the command line's arguments."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    from advice.app.advice_app import AdviceApp

    app = AdviceApp(path=args.path, today=args.today)
    app.run()
    return app.return_code or 0
