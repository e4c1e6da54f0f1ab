"""Helpers for the app tests: build the real app on a fixture tree, drive it with
Pilot, read what it shows."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from rich.cells import cell_len
from rich.style import Style
from textual import events
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from advice.app.advice_app import AdviceApp
from advice.app.screens.question import QuestionScreen
from advice.model import Question
from tests.support import DATA, TODAY

APP_DATA = DATA / "app"
FOLLOW_UP = APP_DATA / "follow-up.yaml"
MARKUP = APP_DATA / "markup.yaml"
# Every text field holds markup-like text and an emoji (test_app_reliability.py).
EVERYTHING = DATA / "markup" / "everything.yaml"

Script = Callable[[Pilot[None], AdviceApp], Awaitable[None]]
A = TypeVar("A", bound=App[None])
Size = tuple[int, int]

# The follow-up tree's answers that reach the thank-you recommendation.
THANK_YOU = {
    "situation": "just-interviewed",
    "interview-date": "2026-11-20",
    "interviewer": "Ms Lee",
}


def make_app(
    path: Path | None = FOLLOW_UP,
    theme_name: str = "dark",
    resume: bool = False,
    answers: dict[str, str] | None = None,
    watch: bool = False,
) -> AdviceApp:
    """The app as a user starts it, with today fixed and nothing that moves on its own;
    `answers` start the follow-up tree part-way (the walk itself is tested with keys)."""
    where = str(path) if path else None
    preset = {"follow-up": answers} if answers else None
    app = AdviceApp.from_path(
        where,
        TODAY,
        theme_name=theme_name,
        blink=False,
        resume=resume,
        preset=preset,
        watch=watch,
        watch_interval=0.05,  # polls are cheap; the tests wait less
    )
    app.animation_level = "none"
    return app


def notes(app: AdviceApp) -> list[str]:
    """The notifications shown so far, oldest first."""
    return [n.message for n in app._notifications]


def shown_text(app: AdviceApp) -> str:
    """Every Static on the current screen, and the top bar and line of answers, as the
    plain text they render."""
    shown = app.screen.query("Static, Breadcrumb")
    return "\n".join(str(w.render()) for w in shown if w.display)


def drawn(widget: Widget, row: int = 0) -> str:
    """The widget's first line as it is drawn on screen, padding included (so a cell
    here is a click offset): Textual's render cache, which a widget that did not
    refresh after a change still holds (unlike calling render())."""
    return drawn_strip(widget, row).text


def drawn_lines(widget: Widget) -> list[str]:
    """Every line of the widget as drawn (see drawn), border and padding included."""
    width, height = widget.outer_size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


def drawn_strip(widget: Widget, row: int = 0) -> Strip:
    return widget.render_lines(Region(0, row, widget.size.width, 1))[0]


def style_at(widget: Widget, x: int) -> Style:
    """The style drawn at cell x of the widget's first line."""
    cell = 0
    for segment in drawn_strip(widget):
        if cell <= x < cell + segment.cell_length:
            return segment.style or Style()
        cell += segment.cell_length
    raise AssertionError(f"nothing drawn at {x}")


def cells_before(text: str, part: str) -> int:
    """The cell where `part` starts in a drawn line (wide characters take two)."""
    return cell_len(text[: text.index(part)])


async def press_answer(pilot: Pilot[None], app: AdviceApp, answer_id: str) -> None:
    """Press the number key of the answer `answer_id` to the question on screen."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen), screen
    question = screen.session.tree.nodes[screen.shown_id]
    assert isinstance(question, Question)
    ids = [a.id for a in question.answers]
    assert ids.index(answer_id) < 9, (question.id, answer_id)
    await pilot.press(str(ids.index(answer_id) + 1))
    await pilot.pause()


async def walk_to(pilot: Pilot[None], app: AdviceApp, node_id: str) -> None:
    """Press the keys a person would to reach `node_id`, following the first of the
    tree's own examples that ends there: a number key for a choice, the text and Enter
    for a value. Driven by the tree's examples, the tests keep up when the tree changes."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen), screen
    tree = screen.session.tree
    example = next(e for e in tree.examples if e.expect == node_id)
    for given in example.answers:
        screen = app.screen
        assert isinstance(screen, QuestionScreen), (node_id, given, screen)
        question = tree.nodes[screen.shown_id]
        assert isinstance(question, Question)
        if question.answers:
            await press_answer(pilot, app, given)
        else:
            await pilot.press("ctrl+a", "ctrl+k", *given, "enter")
            await pilot.pause()


def drive(
    app: A, script: Callable[[Pilot[None], A], Awaitable[None]], size: Size = (100, 30)
) -> None:
    """Run `app` (ours, or a test's harness app) headless at `size` and let `script`
    press keys and look."""

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await script(pilot, app)

    asyncio.run(run())


def question_id(app: AdviceApp) -> str:
    assert isinstance(app.screen, QuestionScreen), type(app.screen).__name__
    return app.screen.question.id


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste into the focused field, as a terminal does (one event, not a key per letter:
    key presses cost a pause each)."""
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await pilot.pause()


async def replace_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press("home", "ctrl+k")
    await paste(pilot, text)
