"""The shipped tree as the app draws it: for the README's pictures and the browser's."""

from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console

from advice.app.advice_app import AdviceApp
from advice.check import check_file
from advice.library import shipped_dir
from advice.session import Session
from tests.support import TODAY
from tests.support.walks import TREE

BROWSER_SHOT = Path("docs/serve-browser.png")


class ServedApp(AdviceApp):
    """The app as a browser tab runs it (advice serve): what it draws differs (no step
    to mark done: nothing is kept for a visitor), so the browser's text is drawn so."""

    @property
    def served(self) -> bool:
        return True


def shipped_app(answers: list[str], served: bool = False) -> AdviceApp:
    """The app on the shipped trees, as `advice --today` starts it, walked to `answers`
    (replayed as the plain walk does); nothing blinks or moves. `served`: as in a tab."""
    tree = check_file(shipped_dir() / f"{TREE}.yaml").tree
    assert tree is not None
    walked = Session.replay(tree, answers, TODAY).answers if answers else None
    cls = ServedApp if served else AdviceApp
    app = cls.from_path(None, TODAY, blink=False, preset={TREE: walked} if walked else None)
    app.animation_level = "none"
    return app


def screen_lines(answers: list[str], size: tuple[int, int]) -> list[str]:
    """The characters the app draws in a browser tab for these answers at this size, one
    string a row, without trailing spaces (as a terminal's buffer reads back)."""

    async def draw() -> list[str]:
        app = shipped_app(answers, served=True)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            # What App.export_screenshot renders, as text instead of SVG.
            console = Console(width=size[0], height=size[1], file=io.StringIO(), record=True)
            console.print(app.screen._compositor.render_update(full=True))
            return [line.rstrip() for line in console.export_text().splitlines()]

    # In a thread of its own: a caller may be running an event loop (Playwright's).
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, draw()).result()
