"""Rough edges a new user hit in the app (issue 15), on the shipped tree, with keys."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from advice.app.advice_app import AdviceApp
from advice.app.screens.choose import ChooseScreen
from advice.app.screens.recommendation import RecommendationScreen
from textual.pilot import Pilot
from textual.widgets import Button, Static

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


VOICEMAIL = "Hello [Interviewer's name], this is [Your name]."
MESSAGE = "Could you please tell [Interviewer's name] that [Your name] called?"


def test_c_copies_the_ready_text_in_view_when_it_is_the_second() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        screen = await to_one_more_message(pilot, app)
        # Wide: the texts are beside the advice; a few lines down the first has gone
        # up out of view and the second is whole.
        await pilot.press(*["down"] * 12)
        assert screen.query_one("#rec-body").scroll_y == 12
        await pilot.press("c")
        assert app.screen is screen  # nothing to ask
        assert app.clipboard.startswith(MESSAGE)
        await pilot.press("home", "c")  # at the top both show: which one?
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("1")
        assert app.clipboard.startswith(VOICEMAIL)

    drive(script, size=(120, 40))


def test_c_asks_which_text_when_both_are_in_view_or_neither() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        screen = await to_one_more_message(pilot, app)
        await pilot.press("end", "c")  # both texts fill the bottom of the screen
        assert isinstance(app.screen, ChooseScreen)
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert labels == ["1  Voicemail script", "2  Message for the person who answers"]
        await pilot.press("2")
        assert app.screen is screen
        assert app.clipboard.startswith(MESSAGE)
        await pilot.press("home", "c")  # at the top neither shows: ask, esc copies nothing
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("down", "enter")
        assert app.clipboard.startswith(MESSAGE)
        app.copy_to_clipboard("")
        await pilot.press("c", "escape")
        assert app.screen is screen and app.clipboard == ""

    drive(script)
