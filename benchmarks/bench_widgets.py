"""Our hand-made widgets against the Textual widgets they replace, in instructions
(callgrind): AnswerList vs OptionList, KeyBar vs Footer, Breadcrumb vs a Static.

    python benchmarks/bench_widgets.py          # needs valgrind; about 3 minutes
    python benchmarks/bench_widgets.py --one VARIANT [PRESSES]   # one run, no valgrind

Each run is a whole process: a small app whose screen holds the question text of the
shipped tree's first question (a Static) and the widget under test, with the app's own
stylesheets (so both sides parse the same CSS), exiting at its first frame. A widget's
cost is its run minus the run without it ("none"): creating, styling, laying out and
drawing it, and removing it at exit. The Textual modules of every variant are imported
in every run, so an import is not counted as drawing; what importing OptionList or
Footer would add to the app's start is printed apart ("imports"). Per key press: the
list focused, `down` pressed PRESSES times under Pilot, minus the same presses on the
screen without the list (Pilot's own cost), divided by PRESSES.

The answers are the ones the app shows (QuestionScreen.answer_list: the same Content,
key numbers included); the OptionList gets them as its prompts and the app's
`#answers` rules (border, margins, width), so both look alike.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONHASHSEED"] = "0"  # the same count on every run of a variant
PRESSES = 20
FRAME_VARIANTS = ["none", "answers", "options", "keybar", "footer", "breadcrumb", "static"]


def _app(variant: str, imports: bool = True) -> Any:
    """The app of one variant (imports here: the child pays for them, not the driver)."""
    from textual.app import App, ComposeResult
    from textual.content import Content
    from textual.widgets import Static

    if imports:  # every variant imports what any variant uses (see the docstring)
        from textual.widgets import Footer, OptionList  # noqa: F401

    from advice.app.advice_app import HERE as APP
    from advice.app.catalog import load_catalog
    from advice.app.screens.question import QuestionScreen
    from advice.app.styles import styles_path
    from advice.app.widgets.breadcrumb import Breadcrumb
    from advice.app.widgets.keybar import KeyBar
    from advice.session import Session

    entry = load_catalog(None)[0]
    assert entry.loaded is not None
    session = Session(entry.loaded, date(2026, 11, 20))
    screen = QuestionScreen(entry, session)
    question = screen.question
    answers = screen.answer_list()  # the app's own labels and highlight

    class Bench(App[None]):
        CSS_PATH = [
            APP / "advice_app.tcss",
            APP / "widgets" / "widgets.tcss",
            styles_path("question.tcss"),
        ]

        def compose(self) -> ComposeResult:
            yield Static(Content(question.text), id="question-text", classes="part")
            if variant == "answers":
                yield answers
            elif variant == "options":
                from textual.widgets import OptionList

                yield OptionList(*answers.labels, id="answers", classes="part", markup=False)
            elif variant == "keybar":
                yield KeyBar()
            elif variant == "footer":
                from textual.widgets import Footer

                yield Footer()
            elif variant == "breadcrumb":
                yield Breadcrumb([], screen.here_label(), session.tree.title, session.today)
            elif variant == "static":  # the breadcrumb's two lines as plain text
                top = f"advice · {session.tree.title}"
                yield Static(Content(f"{top}\nStep 1  {screen.here_label()}"), id="crumbs")

        def on_mount(self) -> None:
            if variant in ("answers", "options"):
                self.query_one("#answers").focus()

    return Bench


def one(variant: str, presses: int) -> None:
    """One run (the child process)."""
    sys.path.insert(0, str(HERE.parent))
    from startup_target import exit_on_first_frame

    imports = variant != "none-without-imports"
    if presses == 0 and not variant.startswith("keys-"):
        app_class = _app(variant.removesuffix("-without-imports"), imports)
        exit_on_first_frame(app_class)().run(headless=True, size=(100, 30))
        return

    async def press() -> None:
        app = _app(variant.removeprefix("keys-"))()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(presses):
                await pilot.press("down")
                await pilot.pause()

    asyncio.run(press())


def instructions(*args: str) -> int:
    from counting import instructions as count

    found = count([sys.executable, str(HERE), "--one", *args], ENV)
    assert found is not None, f"bench_widgets.py needs valgrind, and --one {' '.join(args)} failed"
    return found


def main() -> list[tuple[str, str]]:
    subprocess.run([sys.executable, str(HERE), "--one", "none"], check=True, env=ENV)
    frame = {v: instructions(v, "0") for v in FRAME_VARIANTS}
    frame["none-without-imports"] = instructions("none-without-imports", "0")
    keys = {
        (v, n): instructions(f"keys-{v}", str(n))
        for v in ("none", "answers", "options")
        for n in (0, PRESSES)
    }

    def per_press(v: str) -> float:
        own = keys[(v, PRESSES)] - keys[(v, 0)]
        pilot = keys[("none", PRESSES)] - keys[("none", 0)]
        return (own - pilot) / PRESSES

    def cost(v: str) -> float:
        return (frame[v] - frame["none"]) / 1e6

    imports = (frame["none"] - frame["none-without-imports"]) / 1e6
    return [
        ("AnswerList, mount to exit", f"{cost('answers'):.1f}M"),
        ("OptionList, mount to exit", f"{cost('options'):.1f}M"),
        ("AnswerList, a key press (down)", f"{per_press('answers') / 1e6:.2f}M"),
        ("OptionList, a key press (down)", f"{per_press('options') / 1e6:.2f}M"),
        ("KeyBar, mount to exit", f"{cost('keybar'):.1f}M"),
        ("Footer, mount to exit", f"{cost('footer'):.1f}M"),
        ("Breadcrumb, mount to exit", f"{cost('breadcrumb'):.1f}M"),
        ("Static of the same two lines, mount to exit", f"{cost('static'):.1f}M"),
        ("importing OptionList and Footer (not imported at the app's start)", f"{imports:.1f}M"),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    else:
        for name, figure in main():
            print(f"{name}: {figure}")
