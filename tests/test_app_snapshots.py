"""Snapshots of every screen at 80x24 and 120x40 (pytest-textual-snapshot).

Fixture trees only (the shipped tree changes); today is fixed, the cursor does not
blink and nothing animates. Update with `pytest --snapshot-update`, then look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from tests.app_support import APP_DATA, FOLLOW_UP, MARKUP, make_app
from tests.conftest import DATA

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Compare = Callable[..., bool]


async def to_thank_you(pilot: Pilot[None]) -> None:
    await pilot.press("1", "enter")
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste("Ms Lee"))
    await pilot.pause()
    await pilot.press("enter")


SCREENS: dict[str, tuple[Path, tuple[str, ...], Any]] = {
    # name: (tree file or folder, keys, what to do before the keys)
    "picker": (APP_DATA, (), None),
    "question_with_help": (FOLLOW_UP, (), None),
    "question": (FOLLOW_UP, ("2",), None),
    "input_question": (FOLLOW_UP, ("1",), None),
    "input_error": (FOLLOW_UP, ("1", "home", "ctrl+k", "x", "enter"), None),
    "recommendation": (FOLLOW_UP, (), to_thank_you),
    "details": (FOLLOW_UP, ("d",), to_thank_you),
    "save_plan": (FOLLOW_UP, ("s",), to_thank_you),
    "help": (FOLLOW_UP, ("question_mark",), None),
    "error": (DATA / "bad" / "adv007_missing_target.yaml", (), None),
    "markup": (MARKUP, ("1",), None),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Compare, screen: str, size: tuple[int, int]) -> None:
    path, keys, before = SCREENS[screen]
    assert snap_compare(make_app(path), press=keys, terminal_size=size, run_before=before)


def test_too_small(snap_compare: Compare) -> None:
    assert snap_compare(make_app(FOLLOW_UP), terminal_size=(50, 12))


def test_light_theme(snap_compare: Compare) -> None:
    assert snap_compare(make_app(FOLLOW_UP, theme_name="light"), terminal_size=(80, 24))
