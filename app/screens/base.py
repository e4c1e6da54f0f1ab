"""What every full screen of the app does alike: the too-small message as the terminal
is resized, and the reloaded tree shown when it comes back from under a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from advice.app.widgets.chrome import show_too_small

if TYPE_CHECKING:
    from advice.app.advice_app import AdviceApp


class AppScreen(Screen[None]):
    """A full screen of AdviceApp (its compose yields too_small_message first)."""

    @property
    def advice_app(self) -> AdviceApp:
        from advice.app.advice_app import AdviceApp

        assert isinstance(self.app, AdviceApp)
        return self.app

    def on_resize(self) -> None:
        show_too_small(self)

    def on_screen_resume(self) -> None:
        self.advice_app.show_reloaded(self)  # a tree reloaded while a dialog was open
