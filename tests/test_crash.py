"""An unexpected error in the real `advice` command: one line, a log file, exit 70.

To force a bug without a test hook in our code, a sitecustomize module (found through
PYTHONPATH, loaded by Python at start-up) makes the standard library's json.dumps
raise; `advice walk --json` then fails exactly as a real bug would.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from advice import crash
from tests.support import ADVICE

BREAK_JSON = """
import json

def dumps(*args, **kwargs):
    raise RuntimeError("simulated failure\\nsecond line \\x1b[31m")

json.dumps = dumps
"""


def run_broken(tmp_path: Path, state: Path, *args: str) -> subprocess.CompletedProcess[str]:
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(BREAK_JSON, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(hook), crash.STATE_ENV: str(state)}
    return subprocess.run(
        [ADVICE, *args], capture_output=True, text=True, timeout=30, env=env, cwd=tmp_path
    )


def test_unexpected_error_is_one_line_and_a_log(tmp_path: Path) -> None:
    state = tmp_path / "state"
    out = run_broken(tmp_path, state, "walk", "interview-follow-up", "--json")
    assert out.returncode == crash.EXIT_CODE == 70
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 1, lines
    logs = list((state / "log").glob("crash-*.log"))
    assert len(logs) == 1
    assert lines[0] == (
        "advice: unexpected error: RuntimeError: simulated failure second line [31m; "
        f"details in {logs[0]}; please report it to the maintainers with that file"
    )
    details = logs[0].read_text(encoding="utf-8")
    assert details.startswith("advice 0.1.0 crashed at ")
    assert "command: " in details and "walk interview-follow-up --json" in details
    assert "Traceback (most recent call last):" in details
    assert 'advice/cli.py", line' in details and "_run_walk" in details
    assert details.rstrip().endswith("RuntimeError: simulated failure\nsecond line \x1b[31m")


def test_log_folder_that_cannot_be_made_still_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    out = run_broken(tmp_path, blocker, "walk", "interview-follow-up", "--json")
    assert out.returncode == 70
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("advice: unexpected error: RuntimeError: simulated failure")
    assert f"the details could not be saved in {blocker / 'log'}" in lines[0]
    assert "please report this line to the maintainers" in lines[0]


def test_expected_problems_stay_exit_1_without_a_log(tmp_path: Path) -> None:
    state = tmp_path / "state"
    out = run_broken(tmp_path, state, "walk", "no-such-tree", "--json")
    assert out.returncode == 1
    assert out.stderr.startswith("advice: no tree 'no-such-tree'")
    assert not state.exists()


def test_log_dir_follows_the_platform_unless_overridden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(crash.STATE_ENV, raising=False)
    assert crash.log_dir().parts[-2:] in {("advice", "log"), ("advice", "Logs"), ("Logs", "advice")}
    monkeypatch.setenv(crash.STATE_ENV, "/somewhere")
    assert crash.log_dir() == Path("/somewhere/log")
