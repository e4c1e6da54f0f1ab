"""Question kinds as types: a choice, a date, a text (issue 17).

A question's `input` field (absent, `date` or `text`) picks its kind, and the kind
knows everything that differs between them: how to read what a person typed or a save
holds into the value stored, how to say a stored value to people, where the walk goes
next, how its ways on show in routes and graphs, and what `walk --json` says of it. The
engine and the front ends call the kind instead of switching on `input`, as GOV.UK
Smart Answers' question classes (MultipleChoiceQuestion, DateQuestion, ...) do.

The kinds hold no state: one instance each, and every method takes the question. The
YAML format is unchanged; `Question.kind` (advice.model) is `kind_of(question)`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import msgspec

from advice.diagnostics import AdviceError
from advice.escape import shown
from advice.model import Loc, Question

if TYPE_CHECKING:  # making a Protocol class is ~1.7M instructions of the app's start
    from typing import Protocol

    class Facts(Protocol):
        """What reading a date needs of a walk (a Session): today, and the date facts
        given so far on the path."""

        today: date

        def fact(self, name: str) -> date | None: ...


class AnswerError(AdviceError):
    """An answer the current question does not accept."""


class Way(msgspec.Struct, frozen=True):
    """One way on from a question: its answer id (None: any value typed), the node it
    leads to, how routes and graphs label it, and where it is written."""

    answer: str | None
    target: str
    label: str
    loc: Loc


class Kind:
    """What every kind knows; the defaults are those of a typed value (Date, Text)."""

    name: str  # the `input` value that picks it ("choice" for none)

    def parse(self, q: Question, value: str, facts: Facts) -> str:
        """What a person typed (or an id a script gives) -> the value to store; raises
        AnswerError with one line saying why not."""
        raise NotImplementedError

    def restore(self, q: Question, saved: str, facts: Facts) -> str:
        """A saved value -> the value to store, re-checked as if typed now."""
        return self.parse(q, saved, facts)

    def next(self, q: Question, stored: str) -> str | None:
        """Where the walk goes after this answer (None: nowhere written)."""
        return q.goto

    def ways(self, q: Question) -> list[Way]:
        """Every way on, in order (a typed value has one, whatever is typed)."""
        return [Way(None, q.goto, self.way_label(q, None), q.loc)] if q.goto else []

    def way_label(self, q: Question, answer: str | None) -> str:
        """How a way on shows in `advice paths` and graphs."""
        return f"(any {self.name})"

    def path_answer(self, stored: str) -> str | None:
        """A stored value as a step of a route: the answer id, None for a typed value
        (any value goes the same way)."""
        return None

    def said(self, q: Question, stored: str) -> str:
        """The answer as written: the choice's label, or the value as typed (raw: a
        save's record of it, for messages that escape it themselves)."""
        return stored

    def label(self, q: Question, stored: str) -> str:
        """The answer on screen (transcript, breadcrumbs): a typed value is outside
        text, so it is escaped and kept to one line."""
        return shown(stored, one_line=True)

    def in_full(self, q: Question, stored: str) -> str:
        """The answer as "why this step" says it."""
        return self.label(q, stored)

    def said_back(self, q: Question, stored: str) -> str | None:
        """What the plain walk says back after the answer, when it reads it as something
        the person may not have typed (a day); None: nothing to say."""
        return None

    def values(self, q: Question, stored: str, said_on: date) -> dict[str, str]:
        """Placeholder values this answer gives the ready texts, said as of `said_on`."""
        return {}

    def default_note(self, q: Question, facts: Facts) -> str | None:
        """How the plain prompt spells out the default beside it (None: as it is)."""
        return None


class Choice(Kind):
    """Pick one of the question's answers (no `input`)."""

    name = "choice"

    def parse(self, q: Question, value: str, facts: Facts) -> str:
        if q.answer(value) is None:
            valid = ", ".join(a.id for a in q.answers)
            raise AnswerError(f"'{value}' is not an answer to '{q.id}'; valid: {valid}")
        return value

    def next(self, q: Question, stored: str) -> str | None:
        found = q.answer(stored)
        return found.goto if found else None

    def ways(self, q: Question) -> list[Way]:
        return [Way(a.id, a.goto, a.label, a.loc) for a in q.answers]

    def way_label(self, q: Question, answer: str | None) -> str:
        found = q.answer(answer) if answer is not None else None
        return found.label if found else answer or ""

    def path_answer(self, stored: str) -> str | None:
        return stored

    def said(self, q: Question, stored: str) -> str:
        found = q.answer(stored)
        return found.label if found else stored

    def label(self, q: Question, stored: str) -> str:
        return self.said(q, stored)  # the tree's own words, checked when loaded


class Typed(Kind):
    """A value the person types (a date or a text) rather than picks."""

    def hint(self, q: Question) -> str:
        """The line under the app's input field."""
        return "Type your answer. Enter to go on."


class Text(Typed):
    """Any text, kept under the question's fact name for the ready texts."""

    name = "text"

    def parse(self, q: Question, value: str, facts: Facts) -> str:
        if not value.strip():
            raise AnswerError(f"'{q.id}' needs some text")
        return value.strip()

    def values(self, q: Question, stored: str, said_on: date) -> dict[str, str]:
        return {q.fact_name: stored}


class Date(Typed):
    """A day, stored as YYYY-MM-DD: read as people write it (advice.dates), counted from
    `relative_to`, never before `relative_to`/`not_before`, and never after today for a
    `past` question. advice.dates is imported only when a date is asked: the first
    screen of a tree asks a choice."""

    name = "date"

    def day(self, q: Question, value: str, facts: Facts) -> date:
        """The day `value` means for this question, before the floor is checked."""
        from advice.dates import DateInputError, parse_date

        base = facts.fact(q.relative_to) if q.relative_to else None
        try:
            return parse_date(value, facts.today, base, q.past)
        except DateInputError as exc:
            raise AnswerError(str(exc)) from None

    def parse(self, q: Question, value: str, facts: Facts) -> str:
        from advice.dates import long_date

        day = self.day(q, value, facts)
        floor = facts.fact(q.floor) if q.floor else None
        if floor is not None and day < floor:  # a decision before the interview
            raise AnswerError(
                f"{long_date(day)} is before the {q.floor} "
                f"({long_date(floor)}); give a day on or after it"
            )
        return day.isoformat()

    def restore(self, q: Question, saved: str, facts: Facts) -> str:
        stored = self.parse(q, saved, facts)
        if stored != saved:  # a saved date is ISO; anything else was saved by another kind
            raise AnswerError(f"'{saved}' was not saved as a date")
        return stored

    def in_full(self, q: Question, stored: str) -> str:
        from advice.dates import long_date

        return long_date(date.fromisoformat(stored))  # "Monday 16 November 2026"

    def said_back(self, q: Question, stored: str) -> str | None:
        return self.in_full(q, stored)  # "1" or "friday" has no other echo there

    def values(self, q: Question, stored: str, said_on: date) -> dict[str, str]:
        # "<fact>_date" and "<fact>_when", said on the day the step is done, so the ready
        # texts never ask for a date already given and never call it "last week" when
        # it was not.
        from advice.dates import in_text, spoken

        day = date.fromisoformat(stored)
        on_day = max(said_on, day)
        return {
            f"{q.fact_name}_date": in_text(day, on_day),
            f"{q.fact_name}_when": spoken(day, on_day),
        }

    def hint(self, q: Question) -> str:
        from advice.dates import help_for

        return f"Type {help_for(q.past)}. Enter to go on."

    def default_note(self, q: Question, facts: Facts) -> str | None:
        if not q.default:
            return None
        try:
            day = self.day(q, q.default, facts)
        except AnswerError:
            return None
        return f"{day:%A} {day.isoformat()}"


CHOICE = Choice()
DATE = Date()
TEXT = Text()
_BY_INPUT: dict[str | None, Kind] = {None: CHOICE, "date": DATE, "text": TEXT}


def kind_of(q: Question) -> Kind:
    """The kind of a question, from its `input` field."""
    return _BY_INPUT[q.input]
