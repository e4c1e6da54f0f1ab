"""The last resort for bugs: one clear line for the user, the details in a log file.

Expected problems are AdviceError (one line, exit 1). Anything else is a bug in advice:
the CLI and the app catch it at the top, call `report()`, show its line and exit with
EXIT_CODE. The log holds the traceback and versions so the report can be acted on.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

import platformdirs

STATE_ENV = "ADVICE_STATE_DIR"  # tests and portable installs point this elsewhere
EXIT_CODE = 70  # EX_SOFTWARE (sysexits.h): an internal software error
_MAX_SHOWN = 300  # characters of the error message on the one line


def log_dir() -> Path:
    """Where crash logs go: $ADVICE_STATE_DIR/log, else the platform's user log folder."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override) / "log"
    return Path(platformdirs.user_log_dir("advice", appauthor=False))


def _one_line(text: str) -> str:
    # Newlines and escape sequences from the error must not split or drive the terminal.
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= _MAX_SHOWN else flat[: _MAX_SHOWN - 3] + "..."


def _details(exc: BaseException) -> str:
    from advice import __version__

    head = [
        f"advice {__version__} crashed at {datetime.now().isoformat(timespec='seconds')}",
        f"python {platform.python_version()} on {platform.platform()}",
        f"command: {' '.join(sys.argv)}",
        "",
    ]
    return "\n".join(head) + "".join(traceback.format_exception(exc))


def report(exc: BaseException) -> str:
    """Write the details of an unexpected error to a new log file; return the line to show."""
    what = _one_line(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"crash-{stamp}-{os.getpid()}.log"
        with path.open("x", encoding="utf-8", errors="backslashreplace") as f:
            f.write(_details(exc))
    except OSError as log_exc:
        reason = log_exc.strerror or str(log_exc)
        return (
            f"unexpected error: {what}; the details could not be saved in {folder} "
            f"({reason}); please report this line to the maintainers"
        )
    return (
        f"unexpected error: {what}; details in {path}; "
        "please report it to the maintainers with that file"
    )
