"""The app: which screen shows what, the details the user typed, theme and help.

The screens do the showing; the engine's Session does the walking. The app keeps
what lasts for the whole run: the trees on offer, one session per tree (switching
trees and back resumes), the user's details for the ready texts, and "today".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from advice.app.catalog import TreeEntry, load_catalog, load_entry
from advice.app.widgets.chrome import MIN_HEIGHT, MIN_WIDTH
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from advice.diagnostics import AdviceError
from advice.model import Tree
from advice.session import Session

THEMES = {"dark": "textual-dark", "light": "textual-light"}


class AdviceApp(App[None]):
    TITLE = "advice"
    CSS_PATH = ["advice_app.tcss", "widgets/widgets.tcss"]
    # Screens get these classes; the CSS hides the content below the minimum size.
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall")]
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(
        self,
        entries: list[TreeEntry],
        today: date | None = None,
        theme_name: str = "dark",
        blink: bool = True,
        resume: bool = False,
        preset: dict[str, dict[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.entries = entries
        # --resume: continue each tree's saved session and save after every move.
        self.resume = resume
        self.digests: dict[str, str] = {}
        # Answers to start a tree with, by tree id (a saved session, a test's state).
        self.preset = dict(preset or {})
        self.today = today or date.today()
        self.blink = blink
        self.theme = THEMES.get(theme_name, THEMES["dark"])
        # Placeholder values (name -> text) from the "Your details" form, for every tree.
        self.details: dict[str, str] = {}
        self.sessions: dict[str, Session] = {}

    @classmethod
    def from_path(cls, path: str | None, today: date | None = None, **options: Any) -> AdviceApp:
        """The app on a tree file, a folder of trees, or (None) the shipped trees;
        `options` as for the constructor."""
        return cls(load_catalog(path), today, **options)

    # -- starting and moving between trees ------------------------------------------
    def on_mount(self) -> None:
        self.push_screen(self.first_screen())

    def first_screen(self) -> Screen[None]:
        if len(self.entries) == 1:
            return self.screen_for_entry(self.entries[0])
        from advice.app.screens.picker import PickerScreen

        return PickerScreen(self.entries)

    def screen_for_entry(self, entry: TreeEntry) -> Screen[None]:
        """The error screen for a broken tree, else where its session stands."""
        tree = entry.loaded
        if tree is None:
            from advice.app.screens.error import ErrorScreen

            return ErrorScreen(entry)
        key = str(entry.path.resolve())
        session = self.sessions.get(key)
        if session is None and tree.id in self.preset:
            session = Session(tree, self.today, self.preset.pop(tree.id))
        elif session is None and self.resume:
            session = self.resumed(entry, tree)
        elif session is None or session.tree is not tree:
            answers = session.answers if session else None
            session = Session(tree, self.today, self.kept_answers(tree, answers))
        self.sessions[key] = session
        return self.screen_for_session(entry, session)

    def resumed(self, entry: TreeEntry, tree: Tree) -> Session:
        """The saved session of this tree (what no longer fits is dropped, and said)."""
        from advice.saves import resume, tree_hash

        try:
            self.digests[str(entry.path.resolve())] = tree_hash(entry.path)
            found = resume(tree, entry.path, self.today)
        except AdviceError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            return Session(tree, self.today)
        for line in found.messages:
            self.notify(line, severity="warning", markup=False, timeout=10)
        self.details.update({k: v for k, v in found.filled.items() if k not in self.details})
        return found.session

    def save_session(self, entry: TreeEntry, session: Session) -> None:
        """With --resume, keep the walk on disk after each move; a failure is said once
        per move and never stops the walk."""
        if not self.resume:
            return
        from advice.saves import save

        try:
            save(
                session,
                entry.path,
                self.details,
                digest=self.digests.get(str(entry.path.resolve())),
            )
        except AdviceError as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False, timeout=8)

    @staticmethod
    def kept_answers(tree: Tree, answers: dict[str, str] | None) -> dict[str, str] | None:
        """Answers from before a reload, for questions the tree still has."""
        if not answers:
            return None
        return {k: v for k, v in answers.items() if k in tree.nodes}

    def screen_for_session(self, entry: TreeEntry, session: Session) -> Screen[None]:
        if session.finished:
            from advice.app.screens.recommendation import RecommendationScreen

            return RecommendationScreen(entry, session)
        from advice.app.screens.question import QuestionScreen

        return QuestionScreen(entry, session)

    def open_entry(self, entry: TreeEntry) -> None:
        self.switch_screen(self.screen_for_entry(entry))

    def reload_entry(self, entry: TreeEntry) -> None:
        """Check the file again and show it (the error screen's `r`)."""
        fresh = load_entry(entry.path)
        self.entries = [fresh if e.path == entry.path else e for e in self.entries]
        self.open_entry(fresh)

    def show(self, entry: TreeEntry, session: Session) -> None:
        """Show where the session stands now (after an answer, back, goto, restart)."""
        from advice.app.screens.question import QuestionScreen

        self.save_session(entry, session)
        here = self.screen
        if isinstance(here, QuestionScreen) and here.session is session and not session.finished:
            # Question to question: update in place. Until it runs, keys typed ahead
            # find the screen stale (its shown node is not the cursor) and are ignored.
            self.call_later(here.show_current)
            return
        self.switch_screen(self.screen_for_session(entry, session))

    # -- app-wide actions -------------------------------------------------------------
    def action_switch_tree(self) -> None:
        from advice.app.screens.picker import PickerScreen

        self.switch_screen(PickerScreen(self.entries))

    def action_help(self) -> None:
        from advice.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES["light"] if self.theme == THEMES["dark"] else THEMES["dark"]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: each action of the screen on show, then the app's."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Switch tree", "Pick another tree", self.action_switch_tree)
        yield SystemCommand("Toggle light/dark", "Switch the theme", self.action_toggle_theme)
        yield SystemCommand("Help", "What the keys do", self.action_help)
        yield from super().get_system_commands(screen)
