"""The app: which screen shows what, notifications, theme, help and the palette.

What lasts for the whole run (the trees, their walks, saves, reloads) is the
workspace's (advice.workspace); the app turns what it says into screens and notices.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from advice.app.styles import prepare
from advice.app.widgets.chrome import MIN_HEIGHT, MIN_WIDTH
from advice.catalog import TreeEntry, catalog_path, load_catalog
from advice.escape import shown
from advice.workspace import Notice, Workspace

if TYPE_CHECKING:
    from advice.app.live import FilesSaved, Watcher

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
        case: str | None = None,
    ) -> None:
        super().__init__()
        # The trees, their walks and follow-ups (advice.workspace): the app shows them.
        self.workspace = Workspace(
            entries, today, folder=folder, resume=resume, preset=preset, case=case
        )
        self.watcher: Watcher | None = None
        if watch:  # reload a tree when its file or sources.yaml is saved
            from advice.app.live import Watcher

            watched = [folder] if folder else [e.path for e in entries]
            self.watcher = Watcher(watched, watch_interval)
        # The one line an unexpected error leaves on the terminal (see _handle_exception).
        self.crash_line: str | None = None
        # While the first screen is made, what is said waits (app/start.py says why).
        self._held: list[Notice] | None = None
        self.blink = blink
        self.theme = THEMES.get(theme_name, THEMES["dark"])

    @classmethod
    def from_path(cls, path: str | None, today: date | None = None, **options: Any) -> AdviceApp:
        """The app on a tree file, a folder of trees, or (None) the shipped trees;
        `options` as for the constructor."""
        entries = load_catalog(path)
        where = catalog_path(path)
        return cls(entries, today, folder=where if where.is_dir() else None, **options)

    @property
    def entries(self) -> list[TreeEntry]:
        return self.workspace.entries

    @property
    def details(self) -> dict[str, str]:
        """The placeholder values from the details form, for every tree."""
        return self.workspace.details

    @property
    def served(self) -> bool:
        """In a browser tab (advice serve): the plan is a download; see Workspace.served."""
        return self.is_web

    def tell(self, notices: Iterable[Notice]) -> None:
        """Show what the workspace says (at start: after the first frame)."""
        if self._held is not None:
            self._held += notices
            return
        for n in notices:
            self.notify(n.text, title=n.title, severity=n.severity, timeout=n.timeout)

    # -- screens get their size classes before they are first styled ------------------
    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(screen, Screen):
            prepare(self, screen)
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        if isinstance(screen, Screen):
            prepare(self, screen)
        return super().switch_screen(screen)

    # -- starting and moving between trees ------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        """The first screen is the base of the stack: no blank default screen under it
        that Textual would also compose, style and lay out at start."""
        from advice.app.start import default_screen

        return default_screen(self)

    def on_mount(self) -> None:
        self.call_after_refresh(gc.enable)  # off since the start (app/main.py run)
        if self.watcher is not None:
            self.watcher.start(self)

    def on_unmount(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()

    def picker(self) -> Screen[None]:
        from advice.app.screens.picker import PickerScreen

        return PickerScreen(self.entries)

    def screen_for_entry(self, entry: TreeEntry) -> Screen[None]:
        """The error screen for a broken tree, else where its walk stands."""
        tree = entry.loaded
        if tree is None:
            from advice.app.screens.error import ErrorScreen

            return ErrorScreen(entry)
        from advice.app.screens.walk import walk_screen

        session, notices = self.workspace.session_for(entry, tree)
        self.tell(notices)
        return walk_screen(entry, session)

    def open_entry(self, entry: TreeEntry) -> None:
        """A tree picked from the list: where its walk stands."""
        self.switch_screen(self.screen_for_entry(entry))

    # -- live reload (the screens' side: app/live.py) --------------------------------
    def on_files_saved(self, message: FilesSaved) -> None:
        from advice.app.live import files_saved

        files_saved(self, message.paths)

    def reload_entry(self, entry: TreeEntry) -> None:
        """Check the file again and show it (the error screen's `r`)."""
        self.tell(self.workspace.reload(entry, say=False)[1])
        self.show_reloaded(self.screen)

    def show_reloaded(self, screen: Screen[Any]) -> None:
        """Show the reloaded tree where `screen` was made for an older check."""
        entry = getattr(screen, "entry", None)
        if isinstance(entry, TreeEntry) and not self.workspace.is_outdated(entry):
            return  # the usual case (each screen's first show): no more imports
        from advice.app.live import show_reloaded

        show_reloaded(self, screen)

    # -- unexpected errors ------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """A bug: the details go to a crash log (advice.crash) and the terminal gets one
        line after exit instead of Textual's traceback; exit code crash.EXIT_CODE.
        Textual still records the error, so under Pilot the test sees it raised."""
        from rich.text import Text

        from advice import crash

        if self.crash_line is None:
            self.crash_line = f"advice: {crash.report(error)}"
        super()._handle_exception(error)
        self._exit_renderables[:] = [Text(self.crash_line or "")]
        self._return_code = crash.EXIT_CODE

    # -- app-wide actions -------------------------------------------------------------
    def action_switch_tree(self) -> None:
        self.switch_screen(self.picker())

    def action_home(self) -> None:
        """The follow-ups (none to show when served: the walks are not kept)."""
        if self.workspace.served:
            self.notify("Follow-ups are not kept in a browser tab.", severity="warning")
            return
        from advice.app.screens.home import HomeScreen

        self.switch_screen(HomeScreen())

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
        if not self.workspace.served:
            yield SystemCommand(
                "Follow-ups", "Every follow-up: open, start, rename, archive", self.action_home
            )
        yield SystemCommand("Toggle light/dark", "Switch the theme", self.action_toggle_theme)
        yield SystemCommand("Help", "What the keys do", self.action_help)
        yield from super().get_system_commands(screen)
