"""What the plan tests share: the fixture tree and the real console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ADVICE = shutil.which("advice") or str(Path(sys.executable).parent / "advice")
PLAN = Path(__file__).parent / "data" / "plan"
TREE = PLAN / "follow-up.yaml"
TODAY = "2026-11-20"  # a Friday
# waiting; interviewed Thursday; decision "in three days" = Sunday; call on day four.
THREE_DAYS = ["waiting", "2026-11-19", "gave-date", "3 days"]


def run(
    *args: str, stdin: str = "", data_dir: Path | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ADVICE_DATA_DIR"}
    if data_dir is not None:
        env["ADVICE_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [ADVICE, *args], capture_output=True, text=True, timeout=60, input=stdin, env=env, cwd=cwd
    )


def answers(values: list[str]) -> list[str]:
    return [a for v in values for a in ("--answer", v)]
