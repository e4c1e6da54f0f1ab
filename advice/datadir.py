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
