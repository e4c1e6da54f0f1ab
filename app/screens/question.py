"""A question: pick an answer (arrows + Enter, 1-9, mouse) or type a date or text."""

from __future__ import annotations

from advice.app.screens.walk import WalkScreen
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from advice.model import Question
from advice.schedule import HELP as DATE_HELP
from advice.session import AnswerError

INPUT_HINTS = {
    "date": f"Type {DATE_HELP}. Enter to go on.",
    "text": "Type your answer. Enter to go on.",
}


class QuestionScreen(WalkScreen):
    CSS_PATH = "question.tcss"
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
        q = self.question
        with VerticalScroll(id="question-body"):
            yield Static(Content(q.text), id="question-text")
            if q.help:
                yield Static(Content(q.help), id="question-help")
            if q.input is None:
                yield self.answer_list()
            else:
                yield from self.compose_input()

    def answer_list(self) -> OptionList:
        q = self.question
        previous = self.session.answers.get(q.id)
        options = []
        for n, a in enumerate(q.answers, 1):
            key = f"{n}  " if n <= 9 else "   "
            mark = ("  ← your answer", "italic") if a.id == previous else ""
            options.append(Option(Content.assemble((key, "bold"), a.label, mark)))
        answers = OptionList(*options, id="answers")
        ids = [a.id for a in q.answers]
        answers.highlighted = ids.index(previous) if previous in ids else 0
        return answers

    def compose_input(self) -> ComposeResult:
        q = self.question
        assert q.input is not None
        value = self.session.answers.get(q.id, q.default or "")
        yield Input(value=value, id="answer-input", select_on_focus=False, compact=True)
        yield Static("", id="input-error")
        yield Static(Content(INPUT_HINTS[q.input]), id="input-hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Number keys pick answers; an input question types them instead.
        if action == "pick":
            return self.question.input is None
        return True

    def on_mount(self) -> None:
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
        if q.input is None and 1 <= number <= len(q.answers):
            self.give(q.answers[number - 1].id)

    @on(OptionList.OptionSelected, "#answers")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if self.stale():
            return
        self.give(self.question.answers[event.option_index].id)

    @on(Input.Submitted, "#answer-input")
    def typed(self, event: Input.Submitted) -> None:
        if self.stale():
            return
        value = event.value.strip() or (self.question.default or "")
        try:
            self.give(value)
        except AnswerError as exc:
            self.query_one("#input-error", Static).update(Content(str(exc)))
            event.input.add_class("-invalid-answer")
