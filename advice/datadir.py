"""Where the user's data lives: $ADVICE_DATA_DIR, else the platform's user data folder.

A module of its own, importing nothing of ours: `advice status` reads the database
without loading the engine, so finding the folder must cost nothing.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not typing's: `advice status` imports neither typing nor pathlib
if TYPE_CHECKING:
    from pathlib import Path

ENV_DIR = "ADVICE_DATA_DIR"
DB_NAME = "advice.db"  # the follow-ups database (advice/store.py), in data_folder()


def data_folder() -> str:
    """$ADVICE_DATA_DIR, else the platform's user data folder (platformdirs), as text."""
    override = os.environ.get(ENV_DIR, "").strip()
    if override:
        return override
    return _xdg_data_folder() or _platformdirs_folder()


def _platformdirs_folder() -> str:
    import platformdirs

    return str(platformdirs.user_data_dir("advice"))


def _xdg_data_folder() -> str | None:
    """platformdirs' answer on Linux in the usual case, without importing it: importing
    platformdirs (4.14) was 62M instructions, more than a bare Python start, and so 2.4x
    for `advice status` as a user runs it (benchmarks/bench_status.py). Its rule there:
    $XDG_DATA_HOME/advice when that is an absolute path, else ~/.local/share/advice with
    an absolute $HOME. Anything else (another platform, Android, no usable HOME) is
    None: platformdirs answers. tests/test_datadir.py holds the two to the same answer."""
    if (
        sys.platform != "linux"
        or hasattr(sys, "getandroidapilevel")
        or "ANDROID_DATA" in os.environ
    ):
        return None
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "advice")
    if not os.path.isabs(os.environ.get("HOME", "")):
        return None
    return os.path.join(os.path.expanduser("~/.local/share"), "advice")


def data_dir() -> Path:
    """data_folder() as a Path."""
    from pathlib import Path

    return Path(data_folder())


def json_saves_waiting() -> bool:
    """Whether JSON saves of an earlier version wait to be imported (tracker.py does
    it): a look at one folder, so `advice status` only pays for the import when due."""
    try:
        names = os.listdir(os.path.join(data_folder(), "sessions"))
    except OSError:
        return False
    return any(n.endswith(".json") and ".corrupt-" not in n for n in names)
