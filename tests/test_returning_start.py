"""A returning user's start (one follow-up, opened where it stood) draws its first frame
before what can wait (issue 18, docs/performance.md's database budget): the notices of
the start, the tree file's digest (hashlib loads OpenSSL), json. Each still happens,
just after the first frame, and a move saves the digest as before."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from advice.saves import tree_hash
from advice.tracker import Tracker

TODAY = "2026-11-20"

PROBE = """
import sys
from advice import entry
from advice.app import advice_app

LATER = ('hashlib', 'json')

class Probe(advice_app.AdviceApp):
    seen = []

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and screen.children and not self.seen:
            notes = [n.message for n in self._notifications]
            self.seen.append((sorted(m for m in LATER if m in sys.modules), notes,
                              sorted(self.workspace._digests.values())))
            self.set_timer(0.3, self.later)

    def later(self):
        notes = [n.message for n in self._notifications]
        self.seen.append((notes, sorted(self.workspace._digests.values())))
        self.exit()

advice_app.AdviceApp = Probe
run = Probe.run
Probe.run = lambda self, **_: run(self, headless=True, size=(100, 30))
sys.argv = ["advice", "--today", "%s"]
entry.main()
print(repr(Probe.seen))
"""


def advice(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "advice"
    return subprocess.run(
        [str(script), *args], capture_output=True, text=True, timeout=60, env=os.environ
    )


def test_the_first_frame_waits_for_nothing_that_can_come_after() -> None:
    made = advice(
        "walk", "interview-follow-up", "--case", "Acme", "--today", TODAY, "--json",
        *("--answer", "just-interviewed", "--answer", "yesterday"),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    out = subprocess.run(
        [sys.executable, "-c", PROBE % TODAY],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ,
    )
    assert out.returncode == 0, out.stderr
    first, later = ast.literal_eval(out.stdout.strip().splitlines()[-1])
    assert first == ([], [], [])
    notes, digests = later
    assert notes == ["Continuing Acme: 2 answers"]
    with Tracker.open(import_saves=False) as tracker:
        [row] = tracker.all()
    assert digests == [row.tree_hash] == [tree_hash(Path(row.tree_path))]
