"""A walk through a tree: answer, back, change an earlier answer, transcript.

State is two things: the answers given (by question id, so they survive going back
and changing course) and the cursor (the node on screen). The path is derived: from
the start, follow the answers. Changing an earlier answer keeps every later answer
whose question is still on the new path.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import msgspec

from advice.diagnostics import AdviceError
from advice.model import Question, Recommendation, Tree
from advice.schedule import DateInputError, ScheduledStep, parse_date, plan


class AnswerError(AdviceError):
    """An answer the current question does not accept."""


class MissingTarget(AnswerError):
    """An answer that leads to a node the tree does not have (the checker's ADV007)."""


class Step(msgspec.Struct, frozen=True):
    """One answered question on the path."""

    question: Question
    value: str  # answer id, or the value typed for an input question

    @property
    def label(self) -> str:
        """What to show for the answer: its label, or the value typed."""
        if self.question.input is not None:
            return self.value
        found = self.question.answer(self.value)
        return found.label if found else self.value


class Session:
    def __init__(self, tree: Tree, today: date, answers: dict[str, str] | None = None) -> None:
        self.tree = tree
        self.today = today
        self.answers: dict[str, str] = dict(answers or {})
        self.cursor = tree.start
        if answers:
            self.cursor = self.chain()[-1]

    @classmethod
    def replay(cls, tree: Tree, answers: Iterable[str], today: date) -> Session:
        """Answer from the start, in order (as `advice walk --answer` and examples do)."""
        session = cls(tree, today)
        for value in answers:
            session.answer(value)
        return session

    # -- where we are -----------------------------------------------------------------
    @property
    def current(self) -> Question | Recommendation:
        return self.tree.nodes[self.cursor]

    @property
    def finished(self) -> bool:
        return isinstance(self.current, Recommendation)

    def _next(self, question: Question, value: str) -> str | None:
        if question.input is not None:
            return question.goto
        found = question.answer(value)
        return found.goto if found else None

    def chain(self) -> list[str]:
        """Node ids from the start, following recorded answers as far as they go."""
        ids = [self.tree.start]
        while True:
            node = self.tree.nodes.get(ids[-1])
            if not isinstance(node, Question) or node.id not in self.answers:
                return ids
            target = self._next(node, self.answers[node.id])
            if target is None or target not in self.tree.nodes or target in ids:
                return ids  # a stale answer or a cycle in an unchecked tree: stop here
            ids.append(target)

    def path(self) -> list[str]:
        """Node ids from the start up to and including the cursor."""
        ids = self.chain()
        return ids[: ids.index(self.cursor) + 1] if self.cursor in ids else ids

    def transcript(self) -> list[Step]:
        """The answered questions before the cursor, in order."""
        steps = []
        for node_id in self.path()[:-1]:
            node = self.tree.nodes[node_id]
            assert isinstance(node, Question)
            steps.append(Step(node, self.answers[node_id]))
        return steps

    def facts(self) -> dict[str, date]:
        """Dates the user gave on the current path, plus today."""
        out = {"today": self.today}
        for step in self.transcript():
            if step.question.input == "date":
                out[step.question.fact_name] = date.fromisoformat(step.value)
        return out

    def values(self) -> dict[str, str]:
        """What the user typed on the current path, for placeholders: a text answer
        under its fact name, a date answer under `<fact>_date` ("Friday 20 November")
        so the ready texts never ask for a date already given."""
        out = {}
        for s in self.transcript():
            if s.question.input == "text":
                out[s.question.fact_name] = s.value
            elif s.question.input == "date":
                day = date.fromisoformat(s.value)
                out[f"{s.question.fact_name}_date"] = f"{day:%A} {day.day} {day:%B}"
        return out

    def schedule(self) -> list[ScheduledStep]:
        node = self.current
        return plan(node.schedule, self.facts()) if isinstance(node, Recommendation) else []

    # -- moving -----------------------------------------------------------------------
    def normalize(self, question: Question, value: str) -> str:
        """Check an answer for a question; returns the value to store."""
        if question.input == "date":
            base = self.facts().get(question.relative_to) if question.relative_to else None
            try:
                return parse_date(value, self.today, base, question.past).isoformat()
            except DateInputError as exc:
                raise AnswerError(str(exc)) from None
        if question.input == "text":
            if not value.strip():
                raise AnswerError(f"'{question.id}' needs some text")
            return value.strip()
        if question.answer(value) is None:
            valid = ", ".join(a.id for a in question.answers)
            raise AnswerError(f"'{value}' is not an answer to '{question.id}'; valid: {valid}")
        return value

    def answer(self, value: str) -> Question | Recommendation:
        """Answer the question on screen and move to the node it leads to."""
        node = self.current
        if not isinstance(node, Question):
            raise AnswerError(f"'{node.id}' is a recommendation; there is nothing to answer")
        stored = self.normalize(node, value)
        target = self._next(node, stored)
        if target is None or target not in self.tree.nodes:
            raise MissingTarget(f"'{value}' leads to '{target}', which is not in the tree")
        self.answers[node.id] = stored
        self.cursor = target if target in self.chain() else node.id
        return self.current

    def back(self) -> bool:
        """Go back one question; its answer is kept (shown as the current choice)."""
        ids = self.path()
        if len(ids) < 2:
            return False
        self.cursor = ids[-2]
        return True

    def goto(self, node_id: str) -> None:
        """Jump to a question already on the path (a breadcrumb click)."""
        if node_id not in self.chain():
            raise AnswerError(f"'{node_id}' is not on the current path")
        self.cursor = node_id

    def change(self, question_id: str, value: str) -> Question | Recommendation:
        """Change an earlier answer; later answers that still apply are kept and the
        cursor moves as far along the new path as the answers go."""
        node = self.tree.nodes.get(question_id)
        if not isinstance(node, Question) or question_id not in self.chain():
            raise AnswerError(f"'{question_id}' is not a question on the current path")
        self.answers[question_id] = self.normalize(node, value)
        self.cursor = self.chain()[-1]
        return self.current

    def restart(self) -> None:
        self.answers.clear()
        self.cursor = self.tree.start

    def on_tree(self, tree: Tree) -> tuple[Session, list[Step]]:
        """This walk on an edited version of its tree (live reload): answers whose
        question is still there, asks the same way and still accepts them are kept, and
        the cursor stays put if it is still on the path. Also returns the answers
        dropped, as steps of the old tree (their question and label, to tell the user)."""
        kept: dict[str, str] = {}
        dropped: list[Step] = []
        probe = Session(tree, self.today)
        for qid, value in self.answers.items():
            old = self.tree.nodes.get(qid)
            new = tree.nodes.get(qid)
            try:
                if not isinstance(new, Question) or not isinstance(old, Question):
                    raise AnswerError(f"'{qid}' is no longer a question")
                if new.input != old.input:
                    raise AnswerError(f"'{qid}' no longer asks the same way")
                kept[qid] = probe.normalize(new, value)
            except AnswerError:
                if isinstance(old, Question):
                    dropped.append(Step(old, value))
        moved = Session(tree, self.today, kept)
        if self.cursor in moved.chain():
            moved.cursor = self.cursor
        return moved, dropped
