"""Snapshots of every screen at 80x24 and 120x40 (pytest-textual-snapshot).

Fixture trees only (the shipped tree changes); today is fixed, the cursor does not
blink and nothing animates. Update with `pytest --snapshot-update`, then look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support import DATA, TODAY
from tests.support.app import APP_DATA, FOLLOW_UP, MARKUP, THANK_YOU, make_app

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
    "why": (FOLLOW_UP, ("w",), THANK_YOU),
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


@pytest.fixture
def follow_ups() -> None:
    """Follow-ups of the fixture tree: overdue, due today, later, and one at a question;
    made through the Tracker, in the test's own data folder (tests/conftest.py)."""
    from datetime import timedelta

    from advice.check import check_file
    from advice.tracker import Tracker

    tree = check_file(FOLLOW_UP).tree
    assert tree is not None
    made = [
        ("Acme, data analyst", 0),
        ("Globex, support lead", 4),
        ("Initech, tester", 1),
        ("Umbrella [b]bold?[/b]", None),
    ]
    with Tracker.open() as tracker:
        for name, days_ago in made:
            walk = tracker.open_walk(tracker.create(name, tree, FOLLOW_UP), tree, FOLLOW_UP, TODAY)
            if days_ago is None:
                walk.session.answer("want-to-call")
            else:
                for value in ("just-interviewed", str(TODAY - timedelta(days=days_ago)), "Ms Lee"):
                    walk.session.answer(value)
            tracker.save(walk)


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Compare, follow_ups: None, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(FOLLOW_UP), terminal_size=size)
