"""Where the user's data lives: $ADVICE_DATA_DIR, else the platform's user data folder.

A module of its own, importing nothing of ours: `advice status` reads the database
without loading the engine, so finding the folder must cost nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DIR = "ADVICE_DATA_DIR"


def data_dir() -> Path:
    """$ADVICE_DATA_DIR, else the platform's user data folder (platformdirs)."""
    override = os.environ.get(ENV_DIR, "").strip()
    if override:
        return Path(override)
    import platformdirs  # only without the override: tests and benchmarks skip it

    return Path(platformdirs.user_data_dir("advice"))
