"""Snapshots of every screen at 80x24 and 120x40 (pytest-textual-snapshot).

Fixture trees only (the shipped tree changes); today is fixed, the cursor does not
blink and nothing animates. Update with `pytest --snapshot-update`, then look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.app_support import APP_DATA, FOLLOW_UP, MARKUP, THANK_YOU, make_app
from tests.conftest import DATA

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Compare = Callable[..., bool]


# name: (tree file or folder, keys, answers to start with: the walk is tested by keys)
Shot = tuple[Path, tuple[str, ...], Any]
SCREENS: dict[str, Shot] = {
    "picker": (APP_DATA, (), None),
    "question_with_help": (FOLLOW_UP, (), None),
    "question": (FOLLOW_UP, (), {"situation": "want-to-call"}),
    "input_question": (FOLLOW_UP, (), {"situation": "just-interviewed"}),
    "recommendation": (FOLLOW_UP, (), THANK_YOU),
    "details": (FOLLOW_UP, ("d",), THANK_YOU),
    "help": (FOLLOW_UP, ("question_mark",), None),
    "error": (DATA / "bad" / "adv007_missing_target.yaml", (), None),
}
# States of the screens above: one size is enough.
STATES: dict[str, Shot] = {
    "input_error": (FOLLOW_UP, ("1", "home", "ctrl+k", "x", "enter"), None),
    "save_plan": (FOLLOW_UP, ("s",), THANK_YOU),
    "markup": (MARKUP, ("1",), None),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Compare, screen: str, size: tuple[int, int]) -> None:
    path, keys, answers = SCREENS[screen]
    assert snap_compare(make_app(path, answers=answers), press=keys, terminal_size=size)


@pytest.mark.parametrize("state", list(STATES))
def test_state(snap_compare: Compare, state: str) -> None:
    path, keys, answers = STATES[state]
    assert snap_compare(make_app(path, answers=answers), press=keys, terminal_size=(80, 24))


def test_too_small(snap_compare: Compare) -> None:
    assert snap_compare(make_app(FOLLOW_UP), terminal_size=(50, 12))


def test_light_theme(snap_compare: Compare) -> None:
    assert snap_compare(make_app(FOLLOW_UP, theme_name="light"), terminal_size=(80, 24))
