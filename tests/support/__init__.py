"""What the tests share, each fact once: where things are, the fixed today, and the
real console script. Test modules import from here (and its modules), never from one
another (tests/test_tooling.py holds that)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
DATA = ROOT / "tests" / "data"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT_NAME: str = PYPROJECT["project"]["name"]  # what `pip install` takes
# The four articles are their authors' work, kept beside the repository, not in it
# (README: "Where the advice comes from"); ADVICE_SOURCES_DIR points elsewhere.
SOURCES = Path(os.environ.get("ADVICE_SOURCES_DIR") or ROOT.parent / "shared" / "sources")
NO_SOURCES = f"the article texts are not at {SOURCES}"
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason=NO_SOURCES)

TODAY = date(2026, 11, 20)  # a Friday

# The installed console script, as users run it (beside this Python when not on PATH).
ADVICE = shutil.which("advice") or str(Path(sys.executable).parent / "advice")


def run(
    *args: str, cwd: Path | None = None, stdin: str = "", data_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`advice ARGS` as a user runs it; `data_dir`: where saved walks go."""
    env = None
    if data_dir is not None:
        env = {**os.environ, "ADVICE_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [ADVICE, *args], capture_output=True, text=True, timeout=60, input=stdin, env=env, cwd=cwd
    )


def answers(values: list[str]) -> list[str]:
    """`--answer` before each value, as `advice walk` and `export` take them."""
    return [a for v in values for a in ("--answer", v)]


def start_probe(at_exit: str) -> subprocess.CompletedProcess[str]:
    """The app started as the start-up benchmark starts it (benchmarks/startup_target.py,
    to its first frame), printing the Python expression `at_exit` as the process ends:
    what a start imported or compiled. Its value is the last line of stdout."""
    target = ROOT / "benchmarks" / "startup_target.py"
    probe = (
        "import atexit, runpy, sys\n"
        f"atexit.register(lambda: print({at_exit}))\n"
        "sys.argv = ['startup_target.py', 'advice']\n"
        f"runpy.run_path({str(target)!r}, run_name='__main__')\n"
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
