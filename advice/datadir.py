"""Where the user's data lives: $ADVICE_DATA_DIR, else the platform's user data folder.

A module of its own, importing nothing of ours: `advice status` reads the database
without loading the engine, so finding the folder must cost nothing.
"""

from __future__ import annotations

import os

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
    import platformdirs  # only without the override: tests and benchmarks skip it

    return str(platformdirs.user_data_dir("advice"))


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
