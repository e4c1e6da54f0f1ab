"""AppScreen is mixed in before Screen, not a Screen class of its own (docs/performance.md,
"Widget classes"): a screen that forgets Screen is refused where it is written."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from advice.app.screens.base import AppScreen
from advice.app.screens.error import ErrorScreen
from advice.app.screens.picker import PickerScreen
from advice.app.screens.question import QuestionScreen


def test_a_screen_without_screen_among_its_bases_is_refused() -> None:
    with pytest.raises(TypeError, match=r"class Lost\(AppScreen, Screen\[None\]\)"):

        class Lost(AppScreen):  # type: ignore[misc]
            pass


def test_the_apps_screens_are_textual_screens_with_the_shared_handlers() -> None:
    for cls in (QuestionScreen, PickerScreen, ErrorScreen):
        assert issubclass(cls, Screen) and issubclass(cls, AppScreen)
        mro = cls.__mro__
        assert mro.index(AppScreen) < mro.index(Screen)  # its on_resize comes first
