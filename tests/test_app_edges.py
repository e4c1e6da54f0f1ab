"""Rough edges a new user hit in the app (issue 15), on the shipped tree, with keys."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from advice.app.advice_app import AdviceApp
from advice.app.screens.recommendation import RecommendationScreen
from textual.pilot import Pilot
from textual.widgets import Static

from tests.app_support import make_app

Script = Callable[[Pilot[None], AdviceApp], Awaitable[None]]


def drive(script: Script, size: tuple[int, int] = (100, 30)) -> None:
    """The app on the shipped trees, as `advice` starts it."""

    async def run() -> None:
        async with make_app(None).run_test(size=size) as pilot:
            await pilot.pause()
            await script(pilot, pilot.app)  # type: ignore[arg-type]

    asyncio.run(run())


async def to_one_more_message(pilot: Pilot[None], app: AdviceApp) -> RecommendationScreen:
    """ "I called, left a message, and nobody called back" -> "One": a step with two
    ready texts (the voicemail script, the message for the person who answers)."""
    await pilot.press("6", "1")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, RecommendationScreen)
    assert str(screen.query_one("#rec-title", Static).render()) == "Leave one more message at most"
    return screen


def test_the_recommendation_scrolls_with_keys_after_the_terminal_was_too_small() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        screen = await to_one_more_message(pilot, app)
        body = screen.query_one("#rec-body")
        assert body.max_scroll_y > 0
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.press("pagedown")
        assert body.scroll_y > 0
        await pilot.press("home", "down")
        assert body.scroll_y == 1
        await pilot.press("end")
        assert body.scroll_y == body.max_scroll_y

    drive(script)


def test_the_answers_take_arrow_keys_after_the_terminal_was_too_small() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.press("down", "enter")  # the second answer: thinking of calling
        assert "Do you want to call them?" in str(
            app.screen.query_one("#question-text", Static).render()
        )

    drive(script)
