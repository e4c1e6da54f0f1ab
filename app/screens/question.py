"""A question: pick an answer (arrows + Enter, 1-9, mouse) or type a date or text."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static

from advice.app.screens.walk import WalkScreen
from advice.app.styles import add_styles, styles_path
from advice.app.widgets.answers import AnswerList
from advice.app.widgets.breadcrumb import Breadcrumb
from advice.app.widgets.keybar import KeyBar
from advice.kinds import Choice, Typed
from advice.model import Question
from advice.session import AnswerError

INPUT_STYLES = styles_path("question-input.tcss")


class QuestionScreen(WalkScreen):
    STYLES = styles_path("question.tcss")
    # Focus the answers as the screen is made (Textual's default focuses the first
    # focusable widget, and moving focus after costs a restyle).
    AUTO_FOCUS = "#answers, #answer-input"
    BINDINGS = [
        Binding("1", "pick(1)", "Pick", key_display="1-9"),
        *(Binding(str(n), f"pick({n})", f"Pick {n}", show=False) for n in range(2, 10)),
    ]

    @property
    def question(self) -> Question:
        node = self.session.tree.nodes[self.shown_id]
        assert isinstance(node, Question)
        return node

    def compose_body(self) -> ComposeResult:
        # Straight on the screen, which scrolls (the bars are docked): a scrolling
        # container around them was ~4 ms of every start (benchmarks/README.md).
        yield from self.body_widgets()

    def body_widgets(self) -> ComposeResult:
        """The question's widgets, each of class `part` (replaced together)."""
        q = self.question
        yield Static(Content(q.text), id="question-text", classes="part")
        if q.help:
            yield Static(Content(q.help), id="question-help", classes="part")
        # The screen's shape follows the kind, a list to pick from or a field to type
        # in: the engine knows the kinds but draws nothing.
        if isinstance(q.kind, Choice):
            yield self.answer_list()
        else:
            yield from self.compose_input()

    async def show_current(self) -> None:
        """Show the session's next question on this same screen.

        The top bar, footer and styles stay; a choice after a choice only updates the
        texts and the answer list; other changes replace the question's widgets."""
        if not self.is_attached or self.session.finished:
            return
        was_choice = self.session.tree.nodes[self.shown_id]
        self.shown_id = self.session.cursor
        q = self.question
        crumbs = self.query_one(Breadcrumb)
        same_shape = (
            isinstance(was_choice, Question)
            and isinstance(was_choice.kind, Choice)
            and isinstance(q.kind, Choice)
            and bool(was_choice.help) == bool(q.help)
        )
        with self.app.batch_update():
            crumbs.show_steps(self.session.transcript(), self.here_label())
            if same_shape:
                self.query_one("#question-text", Static).update(Content(q.text))
                if q.help:
                    self.query_one("#question-help", Static).update(Content(q.help))
                fresh = self.answer_list()
                self.query_one("#answers", AnswerList).set_labels(fresh.labels, fresh.highlighted)
            else:
                await self.query(".part").remove()
                await self.mount_all(list(self.body_widgets()), before=self.query_one(KeyBar))
        self.scroll_home(animate=False)
        self.focus_answer()

    def answer_list(self) -> AnswerList:
        q = self.question
        previous = self.session.answers.get(q.id)
        labels = []
        for n, a in enumerate(q.answers, 1):
            key = f"{n}  " if n <= 9 else "   "
            mark = ("  ← your answer", "italic") if a.id == previous else ""
            labels.append(Content.assemble((key, "bold"), a.label, mark))
        ids = [a.id for a in q.answers]
        highlighted = ids.index(previous) if previous in ids else 0
        return AnswerList(labels, highlighted, hanging=3, id="answers", classes="part")

    def compose_input(self) -> ComposeResult:
        q = self.question
        kind = q.kind
        assert isinstance(kind, Typed)
        # Imported, as its styles are added, when the first typed question shows: the
        # first question is a choice, and a Widget class costs ~2M to make.
        from advice.app.widgets.field import TextField

        add_styles(self.app.stylesheet, INPUT_STYLES)
        value = self.session.answers.get(q.id, q.default or "")
        yield TextField(
            value=value, id="answer-input", classes="part", select_on_focus=True, compact=True
        )
        yield Static("", id="input-error", classes="part")
        yield Static(Content(kind.hint(q)), id="input-hint", classes="part")

    def scroll_to_center(self, widget: Widget, *args: Any, **kwargs: Any) -> Any:
        # Textual scrolls a newly focused widget that does not fit to its top, hiding
        # the question above a long list; the list shows its highlight itself.
        if isinstance(widget, AnswerList):
            return None
        return super().scroll_to_center(widget, *args, **kwargs)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Number keys pick answers; an input question types them instead.
        if action == "pick":
            return isinstance(self.question.kind, Choice)
        return True

    def on_mount(self) -> None:
        self.focus_answer()

    def focus_answer(self) -> None:
        for widget in self.query(Input):
            widget.cursor_blink = self.advice_app.blink
        focus = self.query("#answers, #answer-input")
        if focus:
            focus.first().focus()

    # -- answering --------------------------------------------------------------------
    def give(self, value: str) -> None:
        """Answer, or change an earlier answer: then go as far as later answers apply."""
        if self.stale():
            return
        q = self.question
        previous = self.session.answers.get(q.id)
        if previous is not None and previous != self.session.normalize(q, value):
            self.session.change(q.id, value)
        else:
            self.session.answer(value)
        self.show_session()

    def action_pick(self, number: int) -> None:
        if self.stale():
            return
        q = self.question
        if isinstance(q.kind, Choice) and 1 <= number <= len(q.answers):
            self.give(q.answers[number - 1].id)

    # Handlers by name rather than @on(..., "#id"): the screen has one answer list and
    # one input, and each @on selector is parsed by Textual's CSS parser at import.
    def on_answer_list_selected(self, event: AnswerList.Selected) -> None:
        if self.stale():
            return
        self.give(self.question.answers[event.index].id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.stale():
            return
        value = event.value.strip() or (self.question.default or "")
        try:
            self.give(value)
        except AnswerError as exc:
            self.query_one("#input-error", Static).update(Content(str(exc)))
            event.input.add_class("-invalid-answer")
