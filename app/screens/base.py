"""What every full screen of the app does alike: the too-small message as the terminal
is resized, and the reloaded tree shown when it comes back from under a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from advice.app.widgets.chrome import show_too_small

if TYPE_CHECKING:
    from advice.app.advice_app import AdviceApp

    _Base = Screen[None]
else:
    _Base = object


class AppScreen(_Base):
    """A full screen of AdviceApp (its compose yields too_small_message first), mixed in
    before Screen (`class WalkScreen(AppScreen, Screen[None])`): not a Screen class of
    its own, as Textual spends ~2M instructions of every start making each one (its
    reactives, bindings and CSS names, merged over its whole MRO). Textual finds the
    handlers below through the MRO all the same."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # mypy sees AppScreen as a Screen: a new `class X(AppScreen)` without Screen
        # would pass it and fail only when shown.
        if not issubclass(cls, Screen):
            raise TypeError(f"{cls.__name__}: write class {cls.__name__}(AppScreen, Screen[None])")

    @property
    def advice_app(self) -> AdviceApp:
        from advice.app.advice_app import AdviceApp

        assert isinstance(self.app, AdviceApp)
        return self.app

    def on_resize(self) -> None:
        show_too_small(self)

    def on_screen_resume(self) -> None:
        self.advice_app.show_reloaded(self)  # a tree reloaded while a dialog was open
