"""The `advice` console script: `advice status` and the app on the shipped trees are
answered here, everything else by advice.cli.

`advice status` is meant for a shell prompt or a daily reminder, so it must start about
as fast as Python itself (the goal: within 1.3x of `python -c "import sqlite3"`,
benchmarks/bench_status.py). Importing advice.cli and building its parser was more
than that by itself; this module imports nothing until it knows the command.

The app on the shipped trees (`advice`, with `--today D`, `--resume`, `--watch`) starts
here too: importing advice.cli and argparse and building the parser cost it ~13M
instructions, 1.3% of its start to the first frame (issue 17: within 1.15x of a bare
Textual app; docs/performance.md).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's (a tenth of `advice status`); mypy reads it as true
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import TracebackType

TYPE_CHECKING = False  # not typing's: `advice status` imports no typing
if TYPE_CHECKING:
    from typing import Any


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["status"]:
        # The process prints and exits, and frees nothing worth a pass of the collector:
        # those passes (over the imports' objects, then the thousand rows sqlite3 hands
        # back) were a fifth of what the command adds to a bare start (bench_status.py).
        import gc

        gc.disable()
        from advice.status import parse_quick

        quick = parse_quick(args[1:])
        if quick is not None:
            return _status(*quick)
        gc.enable()  # the full command line, as every other command runs
    app = app_options(args)
    if app is not None:
        return _app(app)
    from advice.cli import main as cli_main

    return cli_main()


def app_options(args: list[str]) -> dict[str, Any] | None:
    """`advice [--today YYYY-MM-DD] [--resume] [--watch]` read without argparse: the
    options of advice.app.main.run. None for anything else (a path, a command, --help,
    --theme, an abbreviation, a bad date): then advice.cli's parser answers, with its
    usual messages. The dates are those the parser takes (date.fromisoformat)."""
    options: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("--resume", "--watch"):
            options[arg[2:]] = True
        elif arg == "--today" and i + 1 < len(args):
            from datetime import date

            try:
                options["today"] = date.fromisoformat(args[i + 1])
            except ValueError:
                return None
            i += 1
        else:
            return None
        i += 1
    return options


def _app(options: dict[str, Any]) -> int:
    from advice.app.main import run

    with escaped_output():
        return guarded(lambda: run(None, options.pop("today", None), **options))


def _status(today: object, as_json: bool) -> int:
    from datetime import date

    from advice.status import run_status

    assert today is None or isinstance(today, date)
    with escaped_output():
        return guarded(lambda: run_status(today, as_json))


def guarded(command: Callable[[], int]) -> int:
    """Run a command as every command runs (advice.cli too): its exit code; an
    AdviceError is one line and exit 1, Ctrl-C 130, and a bug one line naming the crash
    log (advice.crash) and exit 70, never a traceback."""
    from advice.errors import AdviceError

    try:
        return command()
    except AdviceError as exc:
        print(f"advice: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # a bug: one line for the user, the traceback in a log
        from advice import crash

        print(f"advice: {crash.report(exc)}", file=sys.stderr)
        return crash.EXIT_CODE


class escaped_output:
    """Every line a command prints may hold something from outside (a file name, a
    value typed or saved, text of a tree that failed to load): standard output and error
    escape control characters, once, here (advice.escape). The app draws through
    Textual's own stream, which this does not touch. A class, not contextlib's
    decorator: importing contextlib was 2.7M instructions, a sixth of what `advice status`
    adds to a bare start (bench_status.py)."""

    def __enter__(self) -> None:
        from advice.escape import EscapingWriter

        self.before = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = (
            s if s is None or isinstance(s, EscapingWriter) else EscapingWriter(s)
            for s in self.before
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                try:  # noqa: SIM105 - contextlib is what this module does without
                    stream.flush()
                except (OSError, ValueError):
                    pass
        sys.stdout, sys.stderr = self.before


if __name__ == "__main__":
    sys.exit(main())
