"""The README's pictures show the shipped tree as the app draws it today.

Its SVGs are the snapshots of this module (the shipped tree, not the fixture trees of
test_app_snapshots.py), so they fail like any snapshot when the screen changes: update
with `pytest tests/test_readme_pictures.py --snapshot-update` and look at them. Its PNG of
the browser comes with a record of the screen's text it was taken from (beside it, as
JSON); the app must still draw that text for the same answers at the same size, or the
picture is older than the screen it shows.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from rich.console import Console

from advice.app.advice_app import AdviceApp
from advice.check import check_file
from advice.library import shipped_dir
from advice.session import Session
from tests.conftest import ROOT, TODAY

README = ROOT / "README.md"
SNAPSHOTS = Path("tests/__snapshots__/test_readme_pictures")
BROWSER_SHOT = Path("docs/serve-browser.png")
BROWSER_RECORD = BROWSER_SHOT.with_suffix(".json")
REFRESH_BROWSER_SHOT = "ADVICE_SCREENSHOTS=docs pytest tests/test_serve_browser.py"
TREE = "interview-follow-up"
Compare = Callable[..., bool]

# name: (answers as `advice walk --answer` takes them, terminal size). The README shows
# each at the size it names; one picture per screen a reader should see first.
PICTURES: dict[str, tuple[list[str], tuple[int, int]]] = {
    "question-80x24": (["want-to-call"], (80, 24)),
    "recommendation-120x40": (["just-interviewed", "yesterday", "email"], (120, 40)),
}


def shipped_app(answers: list[str]) -> AdviceApp:
    """The app on the shipped trees, as `advice --today` starts it, walked to `answers`
    (replayed as the plain walk does); nothing blinks or moves."""
    tree = check_file(shipped_dir() / f"{TREE}.yaml").tree
    assert tree is not None
    walked = Session.replay(tree, answers, TODAY).answers if answers else None
    app = AdviceApp.from_path(None, TODAY, blink=False, preset={TREE: walked} if walked else None)
    app.animation_level = "none"
    return app


def screen_lines(answers: list[str], size: tuple[int, int]) -> list[str]:
    """The characters the app draws for these answers at this size, one string a row,
    without trailing spaces (as a terminal's buffer reads back)."""

    async def draw() -> list[str]:
        app = shipped_app(answers)
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


def readme_images() -> dict[str, str]:
    """Every picture the README shows, as a path from the repository's root: its alt text."""
    found = re.findall(r"!\[([^\]]*)\]\(([^)\s]+)\)", README.read_text(encoding="utf-8"))
    return {unquote(path): alt for alt, path in found}


@pytest.mark.parametrize("picture", list(PICTURES))
def test_readme_picture(snap_compare: Compare, picture: str) -> None:
    answers, size = PICTURES[picture]
    assert snap_compare(shipped_app(answers), terminal_size=size)


def test_the_readme_shows_only_these_pictures() -> None:
    """No fixture tree's snapshot (which a reader would take for the real tree), and
    every picture one whose age a test checks."""
    ours = {str(SNAPSHOTS / f"test_readme_picture[{name}].svg") for name in PICTURES}
    images = readme_images()
    assert images, "README.md shows no picture"
    for image in images:
        assert image in ours | {str(BROWSER_SHOT)}, f"README.md shows {image}"
        assert (ROOT / image).is_file(), f"README.md shows {image}, which is not there"
    for name, (_, (width, height)) in PICTURES.items():
        # Each is shown, and its alt text names the size it is taken at.
        image = str(SNAPSHOTS / f"test_readme_picture[{name}].svg")
        assert image in images, f"README.md does not show {image}"
        assert f"{width}x{height}" in images[image]


def test_the_browser_picture_shows_todays_screen() -> None:
    record: dict[str, Any] = json.loads((ROOT / BROWSER_RECORD).read_text(encoding="utf-8"))
    assert record["today"] == TODAY.isoformat()
    drawn = screen_lines(record["answers"], tuple(record["size"]))
    assert drawn == record["screen"], (
        f"{BROWSER_SHOT} is older than the screen it shows: run {REFRESH_BROWSER_SHOT}"
    )
