"""The app: which screen shows what, the details the user typed, theme and help.

The screens do the showing; the engine's Session does the walking. The app keeps
what lasts for the whole run: the trees on offer, one session per tree (switching
trees and back resumes), the user's details for the ready texts, and "today".
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from advice.app.catalog import TreeEntry, catalog_path, load_catalog, load_entry
from advice.app.styles import add_styles
from advice.app.widgets.chrome import MIN_HEIGHT, MIN_WIDTH
from advice.diagnostics import AdviceError
from advice.escape import shown
from advice.model import Tree
from advice.session import Session

if TYPE_CHECKING:
    from advice.app.live import FilesSaved, Watcher
    from advice.saves import SavedSession, Seen

HERE = Path(__file__).parent
THEMES = {"dark": "textual-dark", "light": "textual-light"}


class AdviceApp(App[None]):
    TITLE = "advice"
    # App-wide files (absolute: a subclass elsewhere, as in benchmarks/, finds them);
    # each screen adds its own when first shown (see app/styles.py).
    CSS_PATH = [HERE / "advice_app.tcss", HERE / "widgets" / "widgets.tcss"]
    # Screens get these classes; the CSS hides the content below the minimum size.
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall")]
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        # Its own binding, shown as F1 where a text field takes the "?" as typing (the
        # key bar shows an action's first binding that works on the screen).
        Binding("f1", "help", "Help", key_display="F1"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every message goes through here (screens and widgets call the app's): what it
        says may hold a file name, a value typed or saved, so it is escaped (and shown
        literally: never markup)."""
        super().notify(
            shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False
        )

    def __init__(
        self,
        entries: list[TreeEntry],
        today: date | None = None,
        theme_name: str = "dark",
        blink: bool = True,
        resume: bool = False,
        preset: dict[str, dict[str, str]] | None = None,
        watch: bool = False,
        watch_interval: float | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.entries = entries
        # The folder the trees were listed from (None for one file): with --watch, a
        # tree file added to it joins the list and a deleted one leaves it.
        self.folder = folder
        # --resume: continue each tree's saved session and save after every move.
        self.resume = resume
        self.digests: dict[str, str] = {}
        # Trees (by resolved path) whose walk is saved as it goes: all with --resume,
        # else those the user chose to continue (or start over) from a save.
        self.saving: set[str] = set()
        # Readable saves found at start, by tree id: the picker offers to continue them.
        self.saves: dict[str, SavedSession] = {}
        # What this run last read or wrote of each tree's save (by tree id): a save
        # another walk wrote meanwhile is refused and said, not overwritten.
        self.seen: dict[str, Seen] = {}
        self.save_failed = False  # an unwritable save folder is said once, not per move
        # --watch: reload a tree when its file or sources.yaml is saved.
        self.watcher: Watcher | None = None
        if watch:
            from advice.app.live import Watcher

            watched = [folder] if folder is not None else [e.path for e in entries]
            self.watcher = Watcher(watched, watch_interval)
        # The one line an unexpected error leaves on the terminal (see _handle_exception).
        self.crash_line: str | None = None
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
        entries = load_catalog(path)
        where = catalog_path(path)
        return cls(entries, today, folder=where if where.is_dir() else None, **options)

    @property
    def served(self) -> bool:
        """In a browser tab (advice serve): nothing is written to the server's disk for
        a visitor. The plan is a download; walks are neither saved nor offered from a
        save, as every visitor would share one save folder, each other's walks in it."""
        return self.is_web

    # -- screens get their size classes before they are first styled ------------------
    def size_classes(self) -> list[str]:
        """The breakpoint classes for the terminal's size now, as Textual sets them."""
        width, height = self.size
        found = []
        for size, points in (
            (width, self.HORIZONTAL_BREAKPOINTS),
            (height, self.VERTICAL_BREAKPOINTS),
        ):
            found += [name for at, name in sorted(points or [], reverse=True) if size >= at][:1]
        return found

    def prepare(self, screen: Screen[Any]) -> None:
        """Before a screen is first styled: its stylesheet, and its size classes (set
        only on its first resize, they would style it all once more)."""
        add_styles(self.stylesheet, getattr(screen, "STYLES", None))
        screen.add_class(*self.size_classes(), update=False)

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(screen, Screen):
            self.prepare(screen)
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        if isinstance(screen, Screen):
            self.prepare(screen)
        return super().switch_screen(screen)

    # -- starting and moving between trees ------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        """The first screen is the base of the stack: no blank default screen under it
        that Textual would also compose, style and lay out at start."""
        if len(self.entries) == 1:
            first = self.screen_for_entry(self.entries[0])
        else:
            self.find_saves()  # the picker says which trees can be continued
            first = self.picker()
        self.prepare(first)
        # What push_screen does for every other screen; without it Textual cannot
        # switch_screen away from the base screen.
        first._push_result_callback(first, None)
        return first

    def on_mount(self) -> None:
        if len(self.entries) == 1:
            # The first question needs no save: it is drawn first, a save is offered
            # just after (reading saves imports and reads files: ~5 ms of start-up).
            self.call_after_refresh(self.offer_to_continue)
        if self.watcher is not None:
            self.watcher.start(self)

    def offer_to_continue(self) -> None:
        self.find_saves()
        if self.offers_continue(self.entries[0], opened=True):
            self.ask_continue(self.entries[0])

    def on_unmount(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()

    def picker(self) -> Screen[None]:
        from advice.app.screens.picker import PickerScreen

        return PickerScreen(self.entries, self.continue_lines())

    def key_of(self, entry: TreeEntry) -> str:
        return str(entry.path.resolve())

    def current(self, entry: TreeEntry) -> TreeEntry:
        """The latest check of this entry's file (it changes on reload)."""
        return next((e for e in self.entries if e.path == entry.path), entry)

    def is_stale(self, entry: TreeEntry) -> bool:
        return self.current(entry) is not entry

    def screen_for_entry(self, entry: TreeEntry) -> Screen[None]:
        """The error screen for a broken tree, else where its session stands."""
        tree = entry.loaded
        if tree is None:
            from advice.app.screens.error import ErrorScreen

            return ErrorScreen(entry)
        key = self.key_of(entry)
        session = self.sessions.get(key)
        if session is None and tree.id in self.preset:
            session = Session(tree, self.today, self.preset.pop(tree.id))
        elif session is None and self.resume and not self.served:
            session = self.resumed(entry, tree)
        elif session is None:
            session = Session(tree, self.today)
        elif session.tree is not tree:
            session = self.carried(entry, session, tree)
        self.sessions[key] = session
        return self.screen_for_session(entry, session)

    def resumed(self, entry: TreeEntry, tree: Tree) -> Session:
        """The saved session of this tree (what no longer fits is dropped, and said)."""
        from advice.saves import resume, tree_hash

        try:
            self.digests[self.key_of(entry)] = tree_hash(entry.path)
            found = resume(tree, entry.path, self.today, seen=self.seen_of(tree.id))
        except AdviceError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            return Session(tree, self.today)
        for line in found.messages:
            self.notify(line, severity="warning", markup=False, timeout=10)
        self.details.update({k: v for k, v in found.filled.items() if k not in self.details})
        return found.session

    def save_session(self, entry: TreeEntry, session: Session) -> None:
        """With --resume (or a continued save), keep the walk on disk after each move.
        A failure is said once (until a save works again) and never stops the walk."""
        if self.served or (not self.resume and self.key_of(entry) not in self.saving):
            return
        from advice.saves import save

        try:
            save(
                session,
                entry.path,
                self.details,
                digest=self.digests.get(self.key_of(entry)),
                seen=self.seen_of(session.tree.id),
            )
        except AdviceError as exc:
            if not self.save_failed:
                self.notify(
                    f"Your answers are not being saved: {exc}. The walk goes on.",
                    title="Not saved",
                    severity="error",
                    markup=False,
                    timeout=10,
                )
            self.save_failed = True
        else:
            self.save_failed = False

    # -- saved sessions: the offer to continue ----------------------------------------
    def seen_of(self, tree_id: str) -> Seen:
        from advice.saves import Seen

        return self.seen.setdefault(tree_id, Seen())

    def find_saves(self) -> None:
        """Read the saves of the trees on offer; an unreadable one is set aside (by
        advice.saves) and said, and the app goes on. None in a browser tab."""
        if self.served:
            return
        from advice.saves import load

        for tree_id in sorted({e.loaded.id for e in self.entries if e.loaded is not None}):
            try:
                found = load(tree_id, seen=self.seen_of(tree_id))
            except AdviceError as exc:
                self.notify(str(exc), severity="error", markup=False, timeout=10)
                continue
            if found.message:
                self.notify(found.message, severity="warning", markup=False, timeout=10)
            if found.saved is not None:
                self.saves[tree_id] = found.saved

    def can_continue(self, entry: TreeEntry, opened: bool = False) -> bool:
        """A tree with a save, not opened yet in this run (`opened`: only just now)."""
        tree = entry.loaded
        if tree is None or tree.id not in self.saves:
            return False
        return opened or self.key_of(entry) not in self.sessions

    def offers_continue(self, entry: TreeEntry, opened: bool = False) -> bool:
        """Ask before opening: not with --resume, which continues without asking."""
        return not self.resume and self.can_continue(entry, opened)

    def saved_summary(self, tree_id: str) -> str:
        """`3 answers, saved 20 Nov 2026 14:05` (local time) for a tree's save."""
        from datetime import datetime

        saved = self.saves[tree_id]
        count = len(saved.answers)
        try:
            when = datetime.fromisoformat(saved.saved_at).astimezone()
            stamp = f", saved {when:%d %b %Y %H:%M}"
        except ValueError:
            stamp = ""
        return f"{count} answer{'s' if count != 1 else ''}{stamp}"

    def continue_lines(self) -> dict[Path, str]:
        """For the picker: the trees that can be continued, and how far they went."""
        return {
            e.path: f"continue where you left off ({self.saved_summary(e.loaded.id)})"
            for e in self.entries
            if e.loaded is not None and self.can_continue(e)
        }

    def ask_continue(self, entry: TreeEntry) -> None:
        from advice.app.screens.resume import ContinueScreen

        tree = entry.loaded
        assert tree is not None
        self.push_screen(
            ContinueScreen(tree.title, f"Your walk so far: {self.saved_summary(tree.id)}"),
            lambda go_on: self.continue_or_start_over(entry, bool(go_on)),
        )

    def continue_or_start_over(self, entry: TreeEntry, go_on: bool) -> None:
        """Either way the walk is saved from now on (starting over replaces the save
        at the first move)."""
        from advice.saves import tree_hash

        entry = self.current(entry)
        tree = entry.loaded
        if tree is None:  # broken meanwhile (live reload): its problems show
            self.switch_screen(self.screen_for_entry(entry))
            return
        key = self.key_of(entry)
        self.saving.add(key)
        self.saves.pop(tree.id, None)
        if go_on:
            self.sessions[key] = self.resumed(entry, tree)
        else:
            self.sessions[key] = Session(tree, self.today)
            with contextlib.suppress(AdviceError):
                self.digests[key] = tree_hash(entry.path)
        self.switch_screen(self.screen_for_entry(entry))

    # -- live reload ------------------------------------------------------------------
    def carried(self, entry: TreeEntry, session: Session, tree: Tree) -> Session:
        """The walk on the reloaded tree; dropped answers are said."""
        moved, dropped = session.on_tree(tree)
        if dropped:
            gone = "; ".join(f'"{s.question.text}" -> "{s.label}"' for s in dropped)
            self.notify(
                f"Reloaded {entry.name}. These answers no longer fit and were dropped: {gone}",
                severity="warning",
                markup=False,
                timeout=10,
            )
        return moved

    def refresh_entry(self, entry: TreeEntry, say: bool = True) -> TreeEntry:
        """Check the file again; the walk moves over to the new tree, answers kept
        where they still fit. A broken file keeps the walk for when it is fixed.
        `say`: tell the user what happened (not needed when they pressed `r`)."""
        from advice.saves import tree_hash

        fresh = load_entry(entry.path)
        self.entries = [fresh if e.path == entry.path else e for e in self.entries]
        name = entry.name
        tree = fresh.loaded
        key = self.key_of(fresh)
        if tree is None:
            if not say:
                return fresh
            self.notify(
                f"{name} has problems now; fix them and save (your answers are kept).",
                severity="error",
                markup=False,
                timeout=8,
            )
            return fresh
        if key in self.digests:
            with contextlib.suppress(AdviceError):
                self.digests[key] = tree_hash(fresh.path)
        session = self.sessions.get(key)
        if session is None:
            if say:
                self.notify(f"Reloaded {name}.", markup=False)
            return fresh
        moved = self.carried(fresh, session, tree)
        self.sessions[key] = moved
        if say and moved.answers == session.answers:
            kept = "; your answers are kept" if session.answers else ""
            self.notify(f"Reloaded {name}{kept}.", markup=False)
        return fresh

    def on_files_saved(self, message: FilesSaved) -> None:
        from advice.app.live import affected

        self.follow_folder(message.paths)
        for entry in list(self.entries):
            if affected(entry.path, message.paths):
                self.refresh_entry(entry)
        self.refresh_stale(self.screen)

    def follow_folder(self, saved: set[Path]) -> None:
        """A tree file new in the watched folder joins the list; a deleted one leaves
        it, unless a screen shows it (its error screen then says the file is gone)."""
        from advice.library import tree_files

        if self.folder is None:
            return
        listed = set(tree_files(self.folder)) if self.folder.is_dir() else set()
        known = {e.path for e in self.entries}
        shown = {s.entry.path for s in self.screen_stack if hasattr(s, "entry")}
        added = [load_entry(path) for path in sorted(listed - known)]
        gone = [e for e in self.entries if e.path in saved - listed and e.path not in shown]
        if len(gone) == len(self.entries) and not added:
            return  # the folder is empty now: keep the list (each entry says its file is gone)
        if not added and not gone:
            return
        kept = [e for e in self.entries if e not in gone]
        self.entries = sorted([*kept, *added], key=lambda e: e.path)
        for entry in added:
            hint = "" if self.screen_is_picker() else " (press t to pick it)"
            self.notify(f"New tree: {entry.name}{hint}.", markup=False)
        for entry in gone:
            self.notify(f"{entry.name} was removed.", markup=False)

    def screen_is_picker(self) -> bool:
        from advice.app.screens.picker import PickerScreen

        return isinstance(self.screen, PickerScreen)

    def refresh_stale(self, screen: Screen[Any]) -> None:
        """Show the reloaded tree where the screen on show was made for an older check.
        Under a dialog nothing changes until it closes (the screen below is resumed)."""
        entry = getattr(screen, "entry", None)
        if isinstance(entry, TreeEntry) and not self.is_stale(entry):
            return  # the usual case, first: it needs no screen modules imported
        from advice.app.screens.error import ErrorScreen
        from advice.app.screens.picker import PickerScreen

        if isinstance(screen, PickerScreen):
            if screen.entries is not self.entries:
                self.switch_screen(self.picker())
            return
        entry = getattr(screen, "entry", None)
        if not isinstance(entry, TreeEntry) or not self.is_stale(entry):
            return
        fresh = self.current(entry)
        if isinstance(screen, ErrorScreen):
            if fresh.loaded is None:
                screen.show_problems(fresh)  # still broken: the new list, in place
            else:
                self.open_entry(fresh)  # fixed (a save may be offered to continue)
            return
        self.switch_screen(self.screen_for_entry(fresh))

    def screen_for_session(self, entry: TreeEntry, session: Session) -> Screen[None]:
        if session.finished:
            from advice.app.screens.recommendation import RecommendationScreen

            return RecommendationScreen(entry, session)
        from advice.app.screens.question import QuestionScreen

        return QuestionScreen(entry, session)

    def open_entry(self, entry: TreeEntry) -> None:
        if self.offers_continue(entry):
            self.ask_continue(entry)
            return
        self.switch_screen(self.screen_for_entry(entry))

    def reload_entry(self, entry: TreeEntry) -> None:
        """Check the file again and show it (the error screen's `r`)."""
        self.refresh_entry(entry, say=False)
        self.refresh_stale(self.screen)

    def show(self, entry: TreeEntry, session: Session) -> None:
        """Show where the session stands now (after an answer, back, goto, restart)."""
        from advice.app.screens.question import QuestionScreen

        if self.is_stale(entry):  # the tree was reloaded under a dialog: show the new one
            self.switch_screen(self.screen_for_entry(self.current(entry)))
            return
        self.save_session(entry, session)
        here = self.screen
        if isinstance(here, QuestionScreen) and here.session is session and not session.finished:
            # Question to question: update in place. Until it runs, keys typed ahead
            # find the screen stale (its shown node is not the cursor) and are ignored.
            self.call_later(here.show_current)
            return
        self.switch_screen(self.screen_for_session(entry, session))

    # -- unexpected errors ------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """A bug: the details go to a crash log (advice.crash) and the terminal gets one
        line after exit instead of Textual's traceback; exit code crash.EXIT_CODE.
        Textual still records the error, so under Pilot the test sees it raised."""
        from rich.text import Text

        from advice import crash

        first = self.crash_line is None
        if first:
            self.crash_line = f"advice: {crash.report(error)}"
        super()._handle_exception(error)
        self._exit_renderables[:] = [Text(self.crash_line or "")]
        self._return_code = crash.EXIT_CODE

    # -- app-wide actions -------------------------------------------------------------
    def action_switch_tree(self) -> None:
        self.switch_screen(self.picker())

    def action_help(self) -> None:
        from advice.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES["light"] if self.theme == THEMES["dark"] else THEMES["dark"]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette: each action of the screen on show, then the app's."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Switch tree", "Pick another tree", self.action_switch_tree)
        yield SystemCommand("Toggle light/dark", "Switch the theme", self.action_toggle_theme)
        yield SystemCommand("Help", "What the keys do", self.action_help)
        yield from super().get_system_commands(screen)
