"""The follow-ups: where each stands, its next step and date (overdue and due today
said in words), overdue first. Open one, start one, rename, archive (undo), delete.

It reads the database's rows only (advice.home); a tree is loaded when one is opened.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from advice.app.screens.base import AppScreen
from advice.app.styles import styles_path
from advice.app.widgets.chrome import TopBar, too_small_message
from advice.app.widgets.keybar import KeyBar
from advice.app.widgets.rows import RowList
from advice.catalog import TreeEntry
from advice.diagnostics import AdviceError
from advice.escape import shown
from advice.home import HomeLine
from advice.workspace import short_date

DUE_WORDS = {"overdue": "OVERDUE", "today": "DUE TODAY", "later": "", "none": ""}


def row_text(line: HomeLine) -> tuple[Content, Content]:
    """Two lines: the name and where it stands; the next step with its date, marked."""
    # The name is the user's text: written out (\x1b), or a terminal escape in it is sent.
    top = Content.assemble(
        (shown(line.name, one_line=True), "bold"), "  ·  ", (line.standing, "italic")
    )
    parts: list[str | tuple[str, str]] = ["   "]
    word = DUE_WORDS[line.due]
    if word:
        parts += [(word, "bold reverse" if line.due == "overdue" else "bold underline"), " "]
    if line.day is not None:
        parts.append(f"{short_date(line.day)}: ")
    parts.append(line.next)
    return top, Content.assemble(*parts)


class HomeScreen(AppScreen, Screen[None]):
    STYLES = styles_path("home.tcss")
    AUTO_FOCUS = "#followups"
    BINDINGS = [
        Binding("enter", "open", "Open", priority=True),
        Binding("n", "new", "New"),
        Binding("r", "rename", "Rename"),
        Binding("a", "archive", "Archive"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo", show=False),
        Binding("v", "toggle_archived", "Archived"),
        Binding("escape", "back", "Back", show=False),
        Binding("t", "app.switch_tree", "Trees", show=False),
    ]

    def __init__(self, archived: bool = False) -> None:
        super().__init__()
        self.archived = archived  # showing the archived ones (to bring one back)
        self.lines: list[HomeLine] = []
        self.undo_archive: int | None = None  # the row `u` brings back

    def heading(self) -> str:
        if self.archived:
            return "Archived follow-ups (a brings one back, v the open ones)"
        due = [line.due for line in self.lines]
        counts = f"{len(due)} open, {due.count('overdue')} overdue, {due.count('today')} due today"
        return f"Your follow-ups ({counts})" if due else "Your follow-ups"

    def empty_text(self) -> str:
        if self.archived:
            return "No archived follow-ups. v shows the open ones."
        return "No follow-ups yet. Press n to start one (one per interview)."

    def compose(self) -> ComposeResult:
        workspace = self.advice_app.workspace
        self.lines = workspace.home_lines(self.archived)
        yield from too_small_message(self)
        yield TopBar("follow-ups", workspace.today)
        yield Static(Content(self.heading()), id="home-heading")
        yield Static(Content(self.empty_text()), id="home-empty")
        yield RowList(self.lines, row_text, id="followups")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_empty()

    def show_empty(self) -> None:
        # Classes, not `display`: an inline style would beat the too-small rule's.
        self.query_one("#home-empty").set_class(bool(self.lines), "-off")
        self.query_one("#followups").set_class(not self.lines, "-off")

    def refresh_list(self, keep: int | None = None) -> None:
        """Read the rows again (after a change); `keep`: the row to highlight."""
        self.lines = self.advice_app.workspace.home_lines(self.archived)
        self.advice_app.tell(self.advice_app.workspace.db.said())
        rows: RowList[HomeLine] = self.query_one(RowList)
        ids = [line.row_id for line in self.lines]
        at = ids.index(keep) if keep in ids else min(rows.highlighted, len(ids) - 1)
        rows.set_rows(self.lines, max(at, 0))
        self.query_one("#home-heading", Static).update(Content(self.heading()))
        self.query_one("#home-empty", Static).update(Content(self.empty_text()))
        self.show_empty()
        self.refresh_bindings()

    def chosen(self) -> HomeLine | None:
        if not self.lines:
            return None
        return self.lines[self.query_one(RowList).highlighted]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "rename", "archive", "delete"):
            return self.chosen() is not None
        if action == "undo":
            return self.undo_archive is not None
        if action == "new":
            return not self.archived
        return True

    # -- actions ----------------------------------------------------------------------
    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.action_open()

    def action_open(self) -> None:
        line = self.chosen()
        if line is None:
            return
        app, workspace = self.advice_app, self.advice_app.workspace
        row = workspace.db.row(line.row_id)
        if row is None:
            self.notify("That follow-up was deleted meanwhile.", severity="warning")
            self.refresh_list()
            return
        entry, notices = workspace.open_followup(row)
        app.tell(notices)
        if entry is not None:
            app.switch_screen(app.screen_for_entry(entry))

    def action_back(self) -> None:
        """Back to the walk on show before, if there was one."""
        app = self.advice_app
        entry = next(
            (e for e in app.entries if app.workspace.key_of(e) == app.workspace.current), None
        )
        if entry is not None:
            app.switch_screen(app.screen_for_entry(entry))

    def action_new(self) -> None:
        trees = [e for e in self.advice_app.entries if e.loaded is not None]
        if not trees:
            self.notify("No tree here loads: fix its problems first.", severity="error")
            return
        if len(trees) == 1:
            self.ask_name(trees[0])
            return
        from advice.app.screens.choose import ChooseScreen

        titles = [e.loaded.title for e in trees if e.loaded is not None]
        self.app.push_screen(
            ChooseScreen("A new follow-up of which tree?", titles),
            lambda picked: None if picked is None else self.ask_name(trees[picked]),
        )

    def ask_name(self, entry: TreeEntry) -> None:
        from advice.app.screens.ask import TextScreen

        workspace = self.advice_app.workspace
        tree = entry.loaded
        assert tree is not None
        app = self.advice_app

        def check(name: str) -> str | None:
            try:
                notices = workspace.start_new(entry, name)
            except AdviceError as exc:
                return str(exc)
            app.tell(notices)
            return None

        def named(name: str | None) -> None:
            if name is not None:
                app.switch_screen(app.screen_for_entry(entry))

        self.app.push_screen(
            TextScreen(
                "New follow-up",
                "Its name (the company and the job, say):",
                workspace.new_name(tree, {}),
                check,
            ),
            named,
        )

    def action_rename(self) -> None:
        line = self.chosen()
        if line is None:
            return
        from advice.app.screens.ask import TextScreen

        workspace = self.advice_app.workspace

        def check(name: str) -> str | None:
            row = workspace.db.row(line.row_id)
            if row is None:
                return "That follow-up was deleted meanwhile."
            try:
                workspace.rename(row, name)
            except AdviceError as exc:
                return str(exc)
            return None

        def renamed(name: str | None) -> None:
            if name is not None:
                row = workspace.db.row(line.row_id)  # the name as kept: spaces tidied
                self.notify(f"Renamed {line.name} to {row.name if row else name}.")
                self.refresh_list(keep=line.row_id)

        self.app.push_screen(TextScreen("Rename", "The new name:", line.name, check), renamed)

    def action_archive(self) -> None:
        line = self.chosen()
        row = self.advice_app.workspace.db.row(line.row_id) if line else None
        if line is None or row is None:
            return
        try:
            self.advice_app.workspace.archive(row, archived=not self.archived)
        except AdviceError as exc:
            self.notify(str(exc), severity="error")
            return
        if self.archived:
            self.notify(f"Brought back {line.name}.")
            self.undo_archive = None
        else:
            self.notify(f"Archived {line.name}. Press u to undo.", timeout=10)
            self.undo_archive = line.row_id
        self.refresh_list()

    def action_undo(self) -> None:
        row_id, self.undo_archive = self.undo_archive, None
        row = self.advice_app.workspace.db.row(row_id) if row_id is not None else None
        if row is None:
            return
        self.advice_app.workspace.archive(row, archived=False)
        self.notify(f"{row.name} is back.")
        self.refresh_list(keep=row.id)

    def action_delete(self) -> None:
        line = self.chosen()
        if line is None:
            return
        from advice.app.screens.ask import ConfirmScreen

        def answered(yes: bool | None) -> None:
            row = self.advice_app.workspace.db.row(line.row_id)
            if not yes or row is None:
                return
            try:
                self.advice_app.workspace.delete(row)
            except AdviceError as exc:
                self.notify(str(exc), severity="error")
                return
            self.notify(f"Deleted {line.name}.")
            self.refresh_list()

        name = shown(line.name, one_line=True)
        text = f"{name}: its answers and steps are gone for good (archive keeps them)."
        self.app.push_screen(ConfirmScreen("Delete this follow-up?", text), answered)

    def action_toggle_archived(self) -> None:
        self.archived = not self.archived
        self.undo_archive = None
        self.refresh_list()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Open", "Open the follow-up highlighted", self.action_open)
        yield SystemCommand("New follow-up", "Start a follow-up for an interview", self.action_new)
        yield SystemCommand("Rename", "Rename the follow-up highlighted", self.action_rename)
        yield SystemCommand("Archive", "Archive the follow-up highlighted", self.action_archive)
        yield SystemCommand("Delete", "Delete the follow-up highlighted", self.action_delete)
        yield SystemCommand(
            "Archived", "Show the archived ones, or the open", self.action_toggle_archived
        )
