"""What the question and recommendation screens share: the tree, its session, the
top bar and breadcrumb, and the moves (back, go to an earlier question, restart)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from advice.app.screens.base import AppScreen
from advice.app.widgets.breadcrumb import Breadcrumb
from advice.app.widgets.chrome import too_small_message
from advice.app.widgets.keybar import KeyBar
from advice.catalog import TreeEntry
from advice.session import AnswerError, Session

if TYPE_CHECKING:
    pass


def walk_screen(entry: TreeEntry, session: Session) -> WalkScreen:
    """The screen for where the walk stands: its question, or its recommendation."""
    if session.finished:
        from advice.app.screens.recommendation import RecommendationScreen

        return RecommendationScreen(entry, session)
    from advice.app.screens.question import QuestionScreen

    return QuestionScreen(entry, session)


class WalkScreen(AppScreen, Screen[None]):
    BINDINGS = [
        Binding("escape,backspace", "back", "Back", key_display="esc"),
        Binding("r", "restart", "Restart"),
        Binding("t", "switch_tree", "Trees", show=False),
        # Not in the key bar (room): the help and the palette say it.
        Binding("h", "app.home", "Follow-ups", show=False),
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

    def here_label(self) -> str:
        if self.session.finished:
            return "Your next step"
        if self.session.cursor == self.session.tree.start:
            return "Your answers show here; click one to change it"  # step 1 says how
        return "This question"

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

    def show_session(self) -> None:
        """After a move (answer, back, goto, restart): save the walk if it is saved,
        and show where it stands now."""
        from advice.app.screens.question import QuestionScreen

        app, workspace = self.advice_app, self.advice_app.workspace
        if workspace.is_outdated(self.entry):  # reloaded under a dialog: the new tree
            app.switch_screen(app.screen_for_entry(workspace.latest(self.entry)))
            return
        app.tell(workspace.record_move(self.entry, self.session))
        here = app.screen
        if (
            isinstance(here, QuestionScreen)
            and here.session is self.session
            and not here.session.finished
        ):
            # Question to question: update in place. Until it runs, keys typed ahead
            # find the screen stale (its shown node is not the cursor) and are ignored.
            app.call_later(here.show_current)
            return
        app.switch_screen(walk_screen(self.entry, self.session))

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
