"""`advice` alone starts the app without advice.cli and argparse (advice.entry), and
reads its options exactly as the full parser does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from advice.cli import build_parser
from advice.entry import app_options
from tests.support import start_probe

READ_QUICKLY = [
    [],
    ["--today", "2026-11-20"],
    ["--resume"],
    ["--watch", "--today", "2026-02-28", "--resume"],
    ["--today", "2026-11-20", "--today", "20261121"],  # the last wins; fromisoformat's forms
]


@pytest.mark.parametrize("argv", READ_QUICKLY)
def test_the_quick_reading_is_the_parsers(argv: list[str]) -> None:
    options = app_options(argv)
    assert options is not None
    parsed = build_parser().parse_args(argv)
    assert parsed.path is None and parsed.theme == "dark"
    assert options == {
        k: v for k in ("today", "resume", "watch") if (v := getattr(parsed, k)) not in (None, False)
    }


@pytest.mark.parametrize(
    "argv",
    [
        ["interview-follow-up"],  # a path or tree id: the parser tells it from a command
        ["list"],
        ["--help"],
        ["--theme", "light"],
        ["--res"],  # an abbreviation argparse allows
        ["--today"],
        ["--today", "not-a-date"],
        ["--today=2026-11-20"],
        ["--resume", "--bogus"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert app_options(argv) is None


def test_the_apps_start_imports_neither_argparse_nor_the_cli() -> None:
    """As the start-up benchmark starts it (through advice.entry.main, to its first
    frame): the ~13M instructions of advice.cli and argparse stay out of issue 17's
    first-frame count, and so do the text field and the top and too-small bars (~3M
    each), as the first question is a choice and has neither bar."""
    out = start_probe(
        "sorted(m for m in ('argparse', 'advice.cli', "
        "'advice.app.widgets.field', 'advice.app.widgets.bars') "
        "if m in sys.modules), 'advice.app.advice_app' in sys.modules"
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[] True", out.stdout


GC_PROBE = """
import gc, sys
from advice import entry
from advice.app import advice_app

class Probe(advice_app.AdviceApp):
    seen = []

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and screen.children and not self.seen:
            self.seen.append(gc.isenabled())
            self.set_timer(0.3, self.later)

    def later(self):
        self.seen.append(gc.isenabled())
        self.exit()

advice_app.AdviceApp = Probe
run = Probe.run
Probe.run = lambda self, **_: run(self, headless=True, size=(100, 30))
sys.argv = ["advice", "--today", "2026-11-20"]
entry.main()
print(Probe.seen)
"""


def test_the_collector_is_off_until_the_first_frame_and_back_on_after() -> None:
    """app/main.py turns the cyclic collector off after gc.freeze() (its passes over the
    first screen's objects cost ~5M instructions); AdviceApp.on_mount turns it back on
    once the first frame is drawn. A walk must not go on without it."""
    out = subprocess.run(
        [sys.executable, "-c", GC_PROBE], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[False, True]", out.stdout
