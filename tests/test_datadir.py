"""advice.datadir finds the data folder on Linux without importing platformdirs (for
`advice status`'s start): it must give platformdirs' answer, whatever the environment."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = (
    "import advice.datadir as d, platformdirs, sys\n"
    "print(d._xdg_data_folder()); print(d.data_folder())\n"
    "print(platformdirs.user_data_dir('advice'))\n"
    "print('platformdirs' in sys.modules)\n"
)
CASES = {
    "home": {"HOME": "/home/sam"},
    "home with a trailing slash": {"HOME": "/home/sam/"},
    "xdg": {"HOME": "/home/sam", "XDG_DATA_HOME": "/data/sam"},
    "xdg with a trailing slash": {"HOME": "/home/sam", "XDG_DATA_HOME": "/data/sam/"},
    "relative xdg": {"HOME": "/home/sam", "XDG_DATA_HOME": "data"},
    "empty xdg": {"HOME": "/home/sam", "XDG_DATA_HOME": ""},
    "relative home": {"HOME": "sam"},
}


@pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is for Linux only")
@pytest.mark.parametrize("case", CASES)
def test_the_shortcut_gives_platformdirs_answer(case: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADVICE_", "XDG_", "HOME"))}
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, **CASES[case]},
    )
    assert out.returncode == 0, out.stderr
    shortcut, folder, theirs, _ = out.stdout.splitlines()
    assert folder == theirs
    assert shortcut in (theirs, "None")
    if case != "relative home":
        assert shortcut == theirs  # the usual cases take the shortcut


def test_status_finds_the_folder_without_platformdirs() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADVICE_", "XDG_"))}
    probe = "import advice.datadir as d, sys; d.data_folder(); print('platformdirs' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
        env={**env, "HOME": "/home/sam"},
    )  # fmt: skip
    assert out.stdout == ("False\n" if sys.platform == "linux" else "True\n"), out.stderr
