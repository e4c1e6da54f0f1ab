"""A walk through a tree: answer, back, change an earlier answer, transcript.

State is two things: the answers given (by question id, so they survive going back
and changing course) and the cursor (the node on screen). The path is derived: from
the start, follow the answers. Changing an earlier answer keeps every later answer
whose question is still on the new path.

The chain the answers lead along is kept up to date as answers change, not rebuilt:
an answer cuts it after its question and follows recorded answers from there, so a
replay of N answers costs O(N) whatever the tree's shape (it was O(N^2) and worse: a
3,000-question chain took 40 s to check its one example).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date

import msgspec

from advice.kinds import AnswerError as AnswerError  # where it has always been imported from
from advice.kinds import Date
from advice.model import Question, Recommendation, Tree
from advice.schedule import ScheduledStep, plan


class MissingTarget(AnswerError):
    """An answer that leads to a node the tree does not have (the checker's ADV007)."""


class Step(msgspec.Struct, frozen=True):
    """One answered question on the path."""

    question: Question
    value: str  # answer id, or the value typed for an input question

    @property
    def label(self) -> str:
        """What to show for the answer: its label, or the value typed (escaped)."""
        return self.question.kind.label(self.question, self.value)


class Session:
    def __init__(self, tree: Tree, today: date, answers: dict[str, str] | None = None) -> None:
        self.tree = tree
        self.today = today
        self.answers: dict[str, str] = dict(answers or {})
        # The chain (node ids from the start, following recorded answers), each id's
        # place on it, for each date fact the places of the date questions giving it,
        # and those (place, fact) in chain order: kept in step with `answers` by _cut()
        # and _extend(), each step O(1) amortized.
        self._chain: list[str] = [tree.start]
        self._place: dict[str, int] = {tree.start: 0}
        self._dates: dict[str, list[int]] = {}
        self._date_order: list[tuple[int, str]] = []
        self._extend()
        self.cursor = self._chain[-1] if answers else tree.start

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

    def _cut(self, place: int) -> None:
        """Forget the chain after `place` (an answer there changed)."""
        for node_id in self._chain[place + 1 :]:
            del self._place[node_id]
        del self._chain[place + 1 :]
        while self._date_order and self._date_order[-1][0] >= place:
            self._dates[self._date_order.pop()[1]].pop()

    def _extend(self) -> None:
        """Follow recorded answers from the end of the chain as far as they go."""
        chain, place = self._chain, self._place
        while True:
            last = chain[-1]
            node = self.tree.nodes.get(last)
            if not isinstance(node, Question) or last not in self.answers:
                return
            target = node.kind.next(node, self.answers[last])
            if target is None or target not in self.tree.nodes or target in place:
                return  # a stale answer or a cycle in an unchecked tree: stop here
            if isinstance(node.kind, Date):
                self._dates.setdefault(node.fact_name, []).append(len(chain) - 1)
                self._date_order.append((len(chain) - 1, node.fact_name))
            place[target] = len(chain)
            chain.append(target)

    def _record(self, question_id: str, stored: str) -> None:
        """Set an answer of a question on the chain; the chain follows it."""
        if self.answers.get(question_id) == stored:
            return
        self.answers[question_id] = stored
        self._cut(self._place.get(question_id, 0))  # off the chain: rebuild it whole
        self._extend()

    def chain(self) -> list[str]:
        """Node ids from the start, following recorded answers as far as they go."""
        return list(self._chain)

    def on_path(self, node_id: str) -> bool:
        """True if `node_id` is on the chain (a question answered or the one after)."""
        return node_id in self._place

    def path(self) -> list[str]:
        """Node ids from the start up to and including the cursor."""
        end = self._place.get(self.cursor)
        return self._chain[: end + 1] if end is not None else list(self._chain)

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
        for name in self._dates:
            day = self.fact(name)
            if day is not None:
                out[name] = day
        return out

    def fact(self, name: str) -> date | None:
        """The date fact `name` as last given before the cursor (None if not given);
        a lookup, not a walk of the path, so date answers replay in linear time."""
        if name == "today":
            return self.today
        places = self._dates.get(name)
        end = self._place.get(self.cursor, len(self._chain) - 1)
        if not places:
            return None
        i = bisect_left(places, end) - 1  # the last date question before the cursor
        if i < 0:
            return None
        return date.fromisoformat(self.answers[self._chain[places[i]]])

    def values(self) -> dict[str, str]:
        """What the user typed on the current path, for placeholders: a text answer
        under its fact name; a date answer under `<fact>_date` ("Friday 20 November")
        and `<fact>_when` ("yesterday", "on Monday", "last week": said on the day the
        step is done), so the ready texts never ask for a date already given and never
        call it "last week" when it was not."""
        out = {}
        said_on = self.send_day()
        for s in self.transcript():
            out.update(s.question.kind.values(s.question, s.value, said_on))
        return out

    def send_day(self) -> date:
        """The day the ready texts will be used: the step's first day still to come
        (the call on Tuesday, the email a week on), else today. A deadline ("by
        Saturday") can be met today, so it does not count."""
        steps = self.schedule()
        coming = [s.date for s in steps if not (s.by or s.passed) and s.date >= self.today]
        return min(coming, default=self.today)

    def schedule(self) -> list[ScheduledStep]:
        node = self.current
        return plan(node.schedule, self.facts()) if isinstance(node, Recommendation) else []

    # -- moving -----------------------------------------------------------------------
    def normalize(self, question: Question, value: str) -> str:
        """Check an answer for a question; returns the value to store (its kind reads
        it: advice.kinds)."""
        return question.kind.parse(question, value, self)

    def answer(self, value: str) -> Question | Recommendation:
        """Answer the question on screen and move to the node it leads to."""
        node = self.current
        if not isinstance(node, Question):
            raise AnswerError(f"'{node.id}' is a recommendation; there is nothing to answer")
        stored = self.normalize(node, value)
        target = node.kind.next(node, stored)
        if target is None or target not in self.tree.nodes:
            raise MissingTarget(f"'{value}' leads to '{target}', which is not in the tree")
        self._record(node.id, stored)
        self.cursor = target if target in self._place else node.id
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
        if node_id not in self._place:
            raise AnswerError(f"'{node_id}' is not on the current path")
        self.cursor = node_id

    def change(self, question_id: str, value: str) -> Question | Recommendation:
        """Change an earlier answer; later answers that still apply are kept and the
        cursor moves as far along the new path as the answers go."""
        node = self.tree.nodes.get(question_id)
        if not isinstance(node, Question) or question_id not in self._place:
            raise AnswerError(f"'{question_id}' is not a question on the current path")
        self._record(question_id, self.normalize(node, value))
        self.drop_impossible_dates()
        self.cursor = self._chain[-1]
        return self.current

    def drop_impossible_dates(self) -> None:
        """A later date answer that a changed one made impossible (the decision now
        before the interview) is dropped, so the walk asks it again."""
        known: dict[str, date] = {}
        for node_id in self.chain():
            node = self.tree.nodes[node_id]
            given = self.answers.get(node_id)
            if not isinstance(node, Question) or not isinstance(node.kind, Date) or given is None:
                continue
            day = date.fromisoformat(given)
            base = known.get(node.floor) if node.floor else None
            if base is not None and day < base:
                del self.answers[node_id]
                self._cut(self._place[node_id])  # the chain now ends at this question
                return
            known[node.fact_name] = day

    def restart(self) -> None:
        self.answers.clear()
        self._cut(0)
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
                if new.kind is not old.kind:
                    raise AnswerError(f"'{qid}' no longer asks the same way")
                kept[qid] = probe.normalize(new, value)
            except AnswerError:
                if isinstance(old, Question):
                    dropped.append(Step(old, value))
        moved = Session(tree, self.today, kept)
        if moved.on_path(self.cursor):
            moved.cursor = self.cursor
        return moved, dropped
