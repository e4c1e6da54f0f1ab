"""What the question and recommendation screens share: the tree, its session, the
top bar and breadcrumb, and the moves (back, go to an earlier question, restart)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from advice.app.catalog import TreeEntry
from advice.app.widgets.breadcrumb import Breadcrumb
from advice.app.widgets.chrome import show_too_small, too_small_message
from advice.app.widgets.keybar import KeyBar
from advice.session import AnswerError, Session

if TYPE_CHECKING:
    from advice.app.advice_app import AdviceApp


class WalkScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,backspace", "back", "Back", key_display="esc"),
        Binding("r", "restart", "Restart"),
        Binding("t", "switch_tree", "Trees", show=False),
    ]

    def __init__(self, entry: TreeEntry, session: Session) -> None:
        super().__init__()
        self.entry = entry
        self.session = session
        self.shown_id = session.cursor  # the node this screen was made for

    def stale(self) -> bool:
        """A key or click that arrives while this screen is being replaced (typing
        ahead) must not act on the session, which has moved on already."""
        return not self.is_active or self.session.cursor != self.shown_id

    @property
    def advice_app(self) -> AdviceApp:
        from advice.app.advice_app import AdviceApp

        assert isinstance(self.app, AdviceApp)
        return self.app

    def here_label(self) -> str:
        if self.session.finished:
            return "Your next step"
        if self.session.cursor == self.session.tree.start:
            return "Your answers show here; click one to change it"  # step 1 says how
        return "This question"

    def on_resize(self) -> None:
        show_too_small(self)

    def compose(self) -> ComposeResult:
        yield from too_small_message(self)
        yield Breadcrumb(
            self.session.transcript(),
            self.here_label(),
            self.session.tree.title,
            self.session.today,
        )
        yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_screen_resume(self) -> None:
        self.advice_app.refresh_stale(self)  # the tree was reloaded while a dialog was open

    def show_session(self) -> None:
        self.advice_app.show(self.entry, self.session)

    # -- moves ------------------------------------------------------------------------
    def action_back(self) -> None:
        if self.stale():
            return
        if self.session.back():
            self.show_session()
        else:
            self.notify("This is the first question.", severity="warning")

    def action_restart(self) -> None:
        self.session.restart()
        self.show_session()

    def action_switch_tree(self) -> None:
        self.advice_app.action_switch_tree()

    def on_breadcrumb_selected(self, message: Breadcrumb.Selected) -> None:
        if self.stale():
            return
        try:
            self.session.goto(message.node_id)
        except AnswerError as exc:  # the path changed under the click: say so, stay
            self.notify(str(exc), severity="error", markup=False)
            return
        self.show_session()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Back", "Go back one question", self.action_back)
        yield SystemCommand(
            "Restart", "Start this tree again from the first question", self.action_restart
        )
