"""The next step: what, when, why (quotes), where the sources disagree, ready texts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from advice.app.screens.walk import WalkScreen
from advice.app.styles import styles_path
from advice.app.widgets.quote import quote_blocks
from advice.bylines import OTHER_VIEW, OUR_READING, THIS_STEP
from advice.catalog import plan_filename
from advice.diagnostics import AdviceError
from advice.export import to_markdown
from advice.fileio import atomic_write
from advice.model import Recommendation
from advice.view import RecommendationView, WalkView, reviewed_note, step_text, walk_view
from advice.workspace import done_marks, short_date

if TYPE_CHECKING:
    from advice.tracker import TrackedStep


class RecommendationScreen(WalkScreen):
    STYLES = styles_path("recommendation.tcss")
    BINDINGS = [
        Binding("c", "copy_text", "Copy"),
        Binding("s", "save_plan", "Save"),
        Binding("d", "details", "Details"),
        # Not in the key bar (at 60 columns it would push out Help): the button under
        # the step's text, the help and the palette say it.
        Binding("w", "why", "Why", show=False),
        # Marking dated steps done (app/screens/marking.py): x today, o on a day typed.
        Binding("x", "mark_done", "Done"),
        Binding("o", "mark_done_on", "Done on", show=False),
        Binding("u", "undo_done", "Undo done", show=False),
    ]
    KEYBAR_SPARE = ("mark_done",)  # at 60 columns Help stays in the key bar instead
    # The done marks as drawn (by step key), for x / o / u to see another process's marks.
    drawn_done: dict[tuple[str, int], date | None] | None = None

    def here_label(self) -> str:
        return "Your next step"

    def current_view(self) -> WalkView:
        """The same view `advice walk --json` prints and the export is made from."""
        sources = self.entry.result.sources
        return walk_view(self.session, sources, self.advice_app.details)

    def next_step(self) -> RecommendationView:
        """The walk view's node: this screen is only shown at a recommendation."""
        node = self.current_view().node
        assert isinstance(node, RecommendationView)
        return node

    def compose_body(self) -> ComposeResult:
        node = self.next_step()
        with VerticalScroll(id="rec-body"), Horizontal(id="rec-panes"):
            with Vertical(id="rec-main"):
                yield Static("Your next step", classes="kicker")
                yield Static(Content(node.title), id="rec-title")
                yield Static(Content(node.text), id="rec-text")
                if node.our_reading:
                    reading = Content.assemble((f"{OUR_READING}: ", "bold"), node.our_reading)
                    yield Static(reading, id="rec-reading")
                yield Button("Why this step (w)", id="why", compact=True)
                yield from self.compose_when(node)
                yield Static(THIS_STEP, classes="section")
                yield from quote_blocks(node.citations)
                yield from self.compose_disagreements(node)
                if note := reviewed_note(self.session.tree):
                    yield Static(Content(note), classes="kicker", id="rec-reviewed")
            if node.templates:
                with Vertical(id="rec-side"):
                    yield from self.compose_templates(node)

    def compose_when(self, node: RecommendationView) -> ComposeResult:
        if node.schedule:
            yield Static("When", classes="section")
            done = {s.key: s.done_on for s in self.tracked()}
            self.drawn_done = done
            for step in node.schedule:
                line = step_text(step, long=True)
                on = done.get((self.shown_id, step.step))
                if on is not None:  # said in words: a colour alone would not say it
                    line = f"Done {short_date(on)}: {line}"
                classes = "when-step -past" if step.past or on else "when-step"
                yield Static(Content(line), classes=classes)
                if step.late_note:
                    yield Static(Content(step.late_note), classes="when-note")

    def compose_disagreements(self, node: RecommendationView) -> ComposeResult:
        """Each other view once, with its own quotes only: the step's side is above."""
        for d in node.disagreements:
            yield Static(OTHER_VIEW, classes="section")
            yield Static(Content(d.summary), classes="disagree-summary")
            yield from quote_blocks(d.citations)

    def compose_templates(self, node: RecommendationView) -> ComposeResult:
        labels = self.session.tree.placeholders
        for i, t in enumerate(node.templates):
            yield Static(Content(t.title), classes="section")
            text = Content(t.text.rstrip("\n"))
            for name in t.missing:  # unfilled placeholders stand out until filled in
                word = f"[{labels.get(name, name)}]"
                text = text.highlight_regex(re.escape(word), style="reverse")
            yield Static(text, classes="template-text", id=f"template-{i}")
            with Horizontal(classes="template-buttons"):
                yield Button("Copy (c)", id=f"copy-{i}", classes="copy", compact=True)
                yield Button("Your details (d)", classes="details", compact=True)

    def on_mount(self) -> None:
        self.query_one("#rec-body").focus()

    # -- actions ----------------------------------------------------------------------
    @property
    def recommendation(self) -> Recommendation:
        node = self.session.tree.nodes[self.shown_id]
        assert isinstance(node, Recommendation)
        return node

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("copy_text", "details"):
            return bool(self.recommendation.templates)
        if action in ("mark_done", "mark_done_on", "undo_done"):
            # Served, nothing is kept; a step with no date is nothing to mark.
            return bool(self.recommendation.schedule) and not self.advice_app.workspace.served
        return True

    def tracked(self) -> list[TrackedStep]:
        """The dated steps, each with the day it was marked done (None: still to do)."""
        return self.advice_app.workspace.steps(self.entry, self.session)

    def action_mark_done(self) -> None:
        if not self.stale():
            from advice.app.screens.marking import mark_done

            mark_done(self, ask_day=False)

    def action_mark_done_on(self) -> None:
        if not self.stale():
            from advice.app.screens.marking import mark_done

            mark_done(self, ask_day=True)

    def action_undo_done(self) -> None:
        if not self.stale():
            from advice.app.screens.marking import undo_done

            undo_done(self)

    def action_copy_text(self) -> None:
        """`c`: the ready text in view; with several in view (or none), ask which."""
        if self.stale():
            return
        texts = self.next_step().templates
        if not texts:
            self.notify("This step has no ready text to copy.", severity="warning")
            return
        shown = self.texts_in_view()
        if len(texts) == 1 or len(shown) == 1:
            self.copy_text(shown[0] if len(shown) == 1 else 0)
            return
        from advice.app.screens.choose import ChooseScreen

        titles = [t.title for t in texts]
        first = shown[0] if shown else 0
        self.app.push_screen(
            ChooseScreen("Copy which ready text?", titles, first),
            lambda picked: None if picked is None else self.copy_text(picked),
        )

    def texts_in_view(self) -> list[int]:
        """The ready texts the user is looking at: the one whose button has the focus,
        else those with at least half their lines inside the scrolled view (a border
        line at the edge is not a text on screen)."""
        focused = self.focused
        if isinstance(focused, Button) and focused.has_class("copy"):
            return [self.copy_index(focused)]
        view = self.query_one("#rec-body").region
        shown = []
        for i, block in enumerate(self.query(".template-text")):
            rows = block.region.intersection(view).height
            if rows and rows * 2 >= block.region.height:
                shown.append(i)
        return shown

    @staticmethod
    def copy_index(button: Button) -> int:
        return int((button.id or "copy-0").rsplit("-", 1)[1])

    def copy_text(self, index: int) -> None:
        text = self.next_step().templates[index]
        self.app.copy_to_clipboard(text.text)
        self.notify(f"Copied: {text.title}", markup=False)

    @on(Button.Pressed, ".copy")
    def copy_pressed(self, event: Button.Pressed) -> None:
        if not self.stale():
            self.copy_text(self.copy_index(event.button))

    @on(Button.Pressed, "#why")
    def why_pressed(self) -> None:
        self.action_why()

    @on(Button.Pressed, ".details")
    def details_pressed(self) -> None:
        self.action_details()

    def action_details(self) -> None:
        if self.stale():
            return
        from advice.app.screens.details import DetailsScreen

        labels = self.session.tree.placeholders
        answered = {k: v for k, v in self.session.values().items() if k in labels}
        self.app.push_screen(
            DetailsScreen(labels, self.advice_app.details, answered), self.details_saved
        )

    def details_saved(self, values: dict[str, str] | None) -> None:
        if values is not None:
            self.advice_app.details.update(values)
            self.show_session()  # draw the texts again with the new details

    def action_why(self) -> None:
        if self.stale():
            return
        from advice.app.screens.why import WhyScreen

        self.app.push_screen(WhyScreen(self.next_step().why))

    def action_save_plan(self) -> None:
        if self.stale():
            return
        default = plan_filename(self.session.tree.id)
        if self.advice_app.served:
            self.download_plan(default)
            return
        from advice.app.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(default, self.write_plan))

    def plan_markdown(self) -> str:
        """The plan as saved with `s`: its steps marked done say so, as on screen."""
        return to_markdown(self.current_view(), done_marks(self.tracked()))

    def download_plan(self, name: str) -> None:
        """In a browser tab (advice serve) the plan goes to the visitor as a download:
        a path typed into a served app would name a file on the server's disk."""
        import io

        self.app.deliver_text(
            io.StringIO(self.plan_markdown()),
            save_filename=name,
            mime_type="text/markdown",
            encoding="utf-8",
        )
        self.notify(f"Your browser is downloading the plan as {name}", markup=False)

    def write_plan(self, path: str) -> bool:
        """Write the plan; False (and a message) when the file cannot be written."""
        from pathlib import Path

        target = Path(path).expanduser()
        try:
            atomic_write(target, self.plan_markdown())
        except AdviceError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=8)
            return False
        self.notify(f"Saved the plan to {target}", markup=False)
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield from super().palette_commands()
        yield SystemCommand(
            "Why this step", "Your answers, each date's rule and the quotes", self.action_why
        )
        yield SystemCommand("Save plan", "Save this plan as Markdown", self.action_save_plan)
        if self.recommendation.schedule and not self.advice_app.workspace.served:
            yield SystemCommand("Done", "Mark a dated step done today", self.action_mark_done)
            yield SystemCommand(
                "Done on", "Mark a dated step done on a day", self.action_mark_done_on
            )
            yield SystemCommand(
                "Undo done", "A step marked done is to do again", self.action_undo_done
            )
        if self.recommendation.templates:
            yield SystemCommand("Copy text", "Copy the ready text", self.action_copy_text)
            yield SystemCommand("Your details", "Fill in names for the texts", self.action_details)
