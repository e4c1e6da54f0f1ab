"""Walks of the shipped tree through the real `advice walk --json`."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from advice.model import Tree
from advice.routes import all_paths
from tests.support import ADVICE, TODAY

TREE = "interview-follow-up"


def advice(*args: str, stdin: str | None = None) -> str:
    """`advice ARGS`'s output; it must succeed, without a traceback."""
    out = subprocess.run([ADVICE, *args], capture_output=True, text=True, timeout=60, input=stdin)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    return out.stdout


def walk(*answers: str) -> dict[str, Any]:
    """The node these answers reach, on TODAY."""
    args = [a for ans in answers for a in ("--answer", ans)]
    data: dict[str, Any] = json.loads(
        advice("walk", TREE, *args, "--today", TODAY.isoformat(), "--json")
    )
    return data["node"]


def every_path(tree: Tree) -> list[list[str]]:
    """Answers for one walk to the end of each path (a date for each date question)."""
    out = []
    for path in all_paths(tree):
        out.append([answer or "yesterday" for _, answer in path.steps])
    return out


def walk_on(today: str, *answers: str) -> subprocess.CompletedProcess[str]:
    """`advice walk TREE --json` with these answers on the day `today`."""
    args = [a for value in answers for a in ("--answer", value)]
    return subprocess.run(
        [ADVICE, "walk", TREE, *args, "--today", today, "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )


def node(today: str, *answers: str) -> dict[str, Any]:
    out = walk_on(today, *answers)
    assert out.returncode == 0, out.stderr
    found: dict[str, Any] = json.loads(out.stdout)["node"]
    return found


def refused(today: str, *answers: str) -> str:
    """The one line a refused answer gives: exit 1, no traceback, nothing on stdout."""
    out = walk_on(today, *answers)
    assert out.returncode == 1, out.stdout
    assert "Traceback" not in out.stderr and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    return out.stderr
