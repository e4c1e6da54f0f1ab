"""What keeps `advice status` within 1.3x of a bare start in a plain install
(benchmarks/bench_status.py): it imports neither re, contextlib nor platformdirs. Run
without `site` (-S), as the development venv's editable finder imports re and
contextlib into every process, and with advice found in this tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ADVICE, ROOT

AVOIDED = ["contextlib", "platformdirs", "re", "typing"]


# Elsewhere platformdirs finds the folder, and without `site` it cannot be imported.
@pytest.mark.skipif(sys.platform != "linux", reason="advice.datadir's shortcut is Linux's")
def test_status_imports_neither_re_contextlib_nor_platformdirs(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADVICE_", "XDG_"))}
    env["HOME"] = str(tmp_path)  # the user data folder, found as a user's is
    made = subprocess.run(
        [ADVICE, "walk", "interview-follow-up", "--case", "Acme", "--json", "--today",
         "2026-11-20", "--answer", "just-interviewed", "--answer", "yesterday",
         "--answer", "email"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    probe = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "sys.argv = ['advice', 'status', '--today', '2026-11-21']\n"
        "from advice.entry import main\n"
        "assert main() == 0\n"
        f"print(sorted(m for m in {AVOIDED!r} if m in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-S", "-c", probe], capture_output=True, text=True, timeout=60,
        env=env,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("OVERDUE 2026-11-20  Acme: ")
    assert out.stderr == "[]\n"
