"""The README's pictures show the shipped tree as the app draws it today.

Its SVGs are the snapshots of this module (the shipped tree, not the fixture trees of
test_app_snapshots.py), so they fail like any snapshot when the screen changes: update
with `pytest tests/test_readme_pictures.py --snapshot-update` and look at them. Its PNG of
the browser comes with a record of the screen's text it was taken from (beside it, as
JSON); the app must still draw that text for the same answers at the same size, or the
picture is older than the screen it shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from advice.check import check_file
from advice.session import Session
from tests.support import ROOT, TODAY
from tests.support.pictures import BROWSER_SHOT, screen_lines, shipped_app

README = ROOT / "README.md"
SNAPSHOTS = Path("tests/__snapshots__/test_readme_pictures")
BROWSER_RECORD = BROWSER_SHOT.with_suffix(".json")
REFRESH_BROWSER_SHOT = "ADVICE_SCREENSHOTS=docs pytest tests/test_serve_browser.py"
Compare = Callable[..., bool]

# name: (answers as `advice walk --answer` takes them, terminal size). The README shows
# each at the size it names; one picture per screen a reader should see first.
PICTURES: dict[str, tuple[list[str], tuple[int, int]]] = {
    "question-80x24": (["want-to-call"], (80, 24)),
    "recommendation-120x40": (["just-interviewed", "yesterday", "email"], (120, 40)),
}


def readme_images() -> dict[str, str]:
    """Every picture the README shows, as a path from the repository's root: its alt text."""
    found = re.findall(r"!\[([^\]]*)\]\(([^)\s]+)\)", README.read_text(encoding="utf-8"))
    return {unquote(path): alt for alt, path in found}


# The home screen's follow-ups (name, answers): three interviews this week and a call.
FOLLOW_UPS = [
    ("Acme, data analyst", ["just-interviewed", "2026-11-16", "email"]),
    ("Globex, support lead", ["just-interviewed", "yesterday", "handwritten"]),
    ("Initech, tester", ["just-interviewed", "today", "email"]),
    ("Umbrella, QA lead", ["want-to-call"]),
]


def make_follow_ups() -> None:
    """FOLLOW_UPS of the shipped tree, through the tracker, in the test's data folder."""
    from advice.library import shipped_dir
    from advice.tracker import Tracker
    from tests.support.walks import TREE

    path = shipped_dir() / f"{TREE}.yaml"
    tree = check_file(path).tree
    assert tree is not None
    with Tracker.open() as tracker:
        for name, answers in FOLLOW_UPS:
            walk = tracker.open_walk(tracker.create(name, tree, path), tree, path, TODAY)
            walk.session = Session.replay(tree, answers, TODAY)
            tracker.save(walk)


@pytest.mark.parametrize("picture", list(PICTURES))
def test_readme_picture(snap_compare: Compare, picture: str) -> None:
    answers, size = PICTURES[picture]
    assert snap_compare(shipped_app(answers), terminal_size=size)


def test_readme_home_picture(snap_compare: Compare) -> None:
    """The home screen, as `advice` opens with the follow-ups of a busy week."""
    make_follow_ups()
    assert snap_compare(shipped_app([]), terminal_size=(80, 24))


def test_the_readme_shows_only_these_pictures() -> None:
    """No fixture tree's snapshot (which a reader would take for the real tree), and
    every picture one whose age a test checks."""
    ours = {str(SNAPSHOTS / f"test_readme_picture[{name}].svg") for name in PICTURES}
    ours.add(str(SNAPSHOTS / "test_readme_home_picture.svg"))
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
