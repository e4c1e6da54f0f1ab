"""Instructions a command executes, counted by valgrind's callgrind: the same figure on
every run, however busy the machine (the benchmarks' timings are not)."""

from __future__ import annotations

import re
import shutil
import subprocess


def instructions(argv: list[str], env: dict[str, str]) -> int | None:
    """What `argv` executes, start to exit; None without valgrind or when it failed."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    run = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    found = re.search(r"Collected : (\d+)", run.stderr)
    return int(found.group(1)) if run.returncode == 0 and found else None
