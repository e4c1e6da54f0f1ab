"""advice.kinds directly: each kind parses, describes and routes its own answers.

The choice and date questions are the shipped tree's (found by what they are, not by
id); the shipped tree asks no text, so the text question is a test tree's."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import msgspec
import pytest

from advice.check import check_file
from advice.dates import help_for, long_date
from advice.kinds import CHOICE, DATE, TEXT, AnswerError, Choice, Date, Text, Way, kind_of
from advice.model import Question, Tree
from advice.routes import all_paths
from advice.session import Session
from advice.view import _question_view as question_view
from tests.support import DATA, TODAY

INTERVIEW = date(2026, 11, 16)  # the Monday before TODAY: the day every walk here gives


def questions(tree: Tree, kind: type) -> list[Question]:
    found = [q for q in tree.questions() if isinstance(q.kind, kind)]
    assert found, f"the tree asks no {kind.__name__}"
    return found


def first(tree: Tree, kind: type, **fields: object) -> Question:
    """The first question of `kind` whose fields are as given (truthy for True)."""
    for q in questions(tree, kind):
        if all((getattr(q, k) if v is True else getattr(q, k) == v) for k, v in fields.items()):
            return q
    raise AssertionError(f"no {kind.__name__} question with {fields}")


def session_at(tree: Tree, question_id: str) -> Session:
    """A walk standing at `question_id`, by the first route to it: every choice as the
    route takes it, every date before it the interview day."""
    for path in all_paths(tree):
        ids = [qid for qid, _ in path.steps]
        if question_id in ids:
            steps = path.steps[: ids.index(question_id)]
            session = Session.replay(
                tree, [a if a is not None else INTERVIEW.isoformat() for _, a in steps], TODAY
            )
            assert session.cursor == question_id
            return session
    raise AssertionError(f"no route reaches {question_id}")


@pytest.fixture
def text_tree() -> Tree:
    result = check_file(DATA / "plan" / "follow-up.yaml")
    assert result.tree is not None
    return result.tree


def test_the_input_field_picks_the_kind(shipped_tree: Tree, text_tree: Tree) -> None:
    for q in [*shipped_tree.questions(), *text_tree.questions()]:
        expected = {None: Choice, "date": Date, "text": Text}[q.input]
        assert isinstance(q.kind, expected), q.id
        assert q.kind is kind_of(q)  # one instance per kind: `is` compares kinds
    assert (CHOICE.name, DATE.name, TEXT.name) == ("choice", "date", "text")


# -- choice -----------------------------------------------------------------------------


def test_a_choice_takes_its_answer_ids_and_goes_where_each_leads(shipped_tree: Tree) -> None:
    q = shipped_tree.nodes[shipped_tree.start]
    assert isinstance(q, Question) and isinstance(q.kind, Choice)
    session = Session(shipped_tree, TODAY)
    for a in q.answers:
        assert q.kind.parse(q, a.id, session) == a.id
        assert q.kind.next(q, a.id) == a.goto
        assert q.kind.label(q, a.id) == q.kind.said(q, a.id) == q.kind.in_full(q, a.id)
        assert q.kind.label(q, a.id) == a.label
        assert q.kind.path_answer(a.id) == a.id
        assert q.kind.said_back(q, a.id) is None  # the list showed it: nothing to say
        assert q.kind.values(q, a.id, TODAY) == {}
    with pytest.raises(AnswerError, match=f"is not an answer to '{q.id}'; valid: "):
        q.kind.parse(q, "no-such-answer", session)
    with pytest.raises(AnswerError):
        q.kind.parse(q, q.answers[0].label, session)  # the label is not the id
    assert q.kind.next(q, "no-such-answer") is None


def test_a_choice_shows_one_way_per_answer(shipped_tree: Tree) -> None:
    for q in questions(shipped_tree, Choice):
        assert q.kind.ways(q) == [Way(a.id, a.goto, a.label, a.loc) for a in q.answers]
        assert list(msgspec.to_builtins(question_view(q))["answers"]) == [
            {"id": a.id, "label": a.label} for a in q.answers
        ]
        assert q.kind.default_note(q, Session(shipped_tree, TODAY)) is None


# -- date -------------------------------------------------------------------------------


def test_a_past_date_counts_back_from_today_and_refuses_a_later_day(shipped_tree: Tree) -> None:
    q = first(shipped_tree, Date, past=True, relative_to=None, not_before=None)
    session = session_at(shipped_tree, q.id)
    assert q.kind.parse(q, "yesterday", session) == (TODAY - timedelta(days=1)).isoformat()
    assert q.kind.parse(q, "3 days", session) == (TODAY - timedelta(days=3)).isoformat()
    assert q.kind.parse(q, " 2026-11-16 ", session) == "2026-11-16"
    with pytest.raises(AnswerError, match="is after today"):
        q.kind.parse(q, (TODAY + timedelta(days=1)).isoformat(), session)
    with pytest.raises(AnswerError, match="not a date"):
        q.kind.parse(q, "whenever", session)


def test_a_date_relative_to_a_fact_counts_from_it_and_not_before_it(shipped_tree: Tree) -> None:
    q = first(shipped_tree, Date, relative_to=True, past=False)
    session = session_at(shipped_tree, q.id)
    assert session.fact(q.relative_to or "") == INTERVIEW
    assert q.kind.parse(q, "3 days", session) == (INTERVIEW + timedelta(days=3)).isoformat()
    before = (INTERVIEW - timedelta(days=1)).isoformat()
    with pytest.raises(AnswerError, match=f"is before the {q.relative_to}"):
        q.kind.parse(q, before, session)


def test_not_before_refuses_an_earlier_day_but_counts_from_today(shipped_tree: Tree) -> None:
    q = first(shipped_tree, Date, not_before=True)
    session = session_at(shipped_tree, q.id)
    assert session.fact(q.not_before or "") == INTERVIEW
    assert q.kind.parse(q, "3 days", session) == (TODAY + timedelta(days=3)).isoformat()
    with pytest.raises(AnswerError, match=f"is before the {q.not_before}"):
        q.kind.parse(q, (INTERVIEW - timedelta(days=2)).isoformat(), session)


def test_a_date_is_said_as_a_day_and_fills_the_texts(shipped_tree: Tree) -> None:
    q = first(shipped_tree, Date, past=True)
    stored = INTERVIEW.isoformat()
    assert q.kind.label(q, stored) == stored == q.kind.said(q, stored)
    assert q.kind.in_full(q, stored) == long_date(INTERVIEW) == "Monday 16 November 2026"
    assert q.kind.said_back(q, stored) == long_date(INTERVIEW)
    assert q.kind.path_answer(stored) is None
    assert q.kind.next(q, stored) == q.goto
    assert q.kind.values(q, stored, TODAY) == {
        f"{q.fact_name}_date": "Monday 16 November",
        f"{q.fact_name}_when": "on Monday",  # said on Friday the 20th
    }
    assert q.kind.values(q, stored, date(2026, 11, 17))[f"{q.fact_name}_when"] == "yesterday"


def test_a_saved_date_comes_back_only_as_it_was_saved(shipped_tree: Tree) -> None:
    q = first(shipped_tree, Date, past=True, relative_to=None, not_before=None)
    session = session_at(shipped_tree, q.id)
    assert q.kind.restore(q, "2026-11-16", session) == "2026-11-16"
    # A word a person may type is not a saved date: the question was another kind then.
    with pytest.raises(AnswerError):
        q.kind.restore(q, "yesterday", session)
    with pytest.raises(AnswerError):
        q.kind.restore(q, (TODAY + timedelta(days=2)).isoformat(), session)


def test_a_date_default_is_spelled_out_and_the_hint_fits_past_days(shipped_tree: Tree) -> None:
    q = first(shipped_tree, Date, default="today")
    assert isinstance(q.kind, Date)
    session = session_at(shipped_tree, q.id)
    assert q.kind.default_note(q, session) == "Friday 2026-11-20"
    no_default = first(shipped_tree, Date, default=None)
    assert q.kind.default_note(no_default, session) is None
    assert q.kind.hint(q) == f"Type {help_for(q.past)}. Enter to go on."
    assert q.past and "ago" in q.kind.hint(q) and "in 3 days" not in q.kind.hint(q)


def test_a_date_has_one_way_on_whatever_the_day(shipped_tree: Tree) -> None:
    for q in questions(shipped_tree, Date):
        assert q.goto is not None
        assert q.kind.ways(q) == [Way(None, q.goto, "(any date)", q.loc)]
        assert q.kind.way_label(q, None) == "(any date)"
        view = msgspec.to_builtins(question_view(q))
    assert (view["input"], view["default"]) == ("date", q.default)


# -- text -------------------------------------------------------------------------------


def test_a_text_is_kept_trimmed_and_fills_its_fact(text_tree: Tree) -> None:
    q = first(text_tree, Text)
    session = Session(text_tree, TODAY)
    assert q.kind.parse(q, "  Sam Lee \n", session) == "Sam Lee"
    for blank in ("", "   ", "\n\t"):
        with pytest.raises(AnswerError, match=f"'{q.id}' needs some text"):
            q.kind.parse(q, blank, session)
    assert q.kind.restore(q, " Sam ", session) == "Sam"  # re-checked as if typed
    assert q.kind.values(q, "Sam Lee", TODAY) == {q.fact_name: "Sam Lee"}
    assert q.kind.said_back(q, "Sam Lee") is None
    assert q.kind.ways(q) == [Way(None, q.goto or "", "(any text)", q.loc)]
    view = msgspec.to_builtins(question_view(q))
    assert (view["input"], view["default"]) == ("text", q.default)
    assert q.kind.hint(q) == "Type your answer. Enter to go on."


def test_a_typed_text_is_outside_text_on_screen_but_kept_as_typed(text_tree: Tree) -> None:
    q = first(text_tree, Text)
    typed = "Sam\x1b[31m Lee\nthe second"
    assert q.kind.said(q, typed) == typed  # a save keeps what was typed
    shown = q.kind.label(q, typed)
    assert "\x1b" not in shown and "\n" not in shown and "Sam" in shown
    assert q.kind.in_full(q, typed) == shown


def test_an_input_the_format_lacks_is_refused_and_no_kind_is_guessed(
    tmp_path: Path, text_tree: Tree
) -> None:
    """The loader refuses an `input` it does not know (ADV004) and drops the field: the
    question loads as a choice (with no answers: ADV010), never as an unknown kind."""
    asked = first(text_tree, Text)
    tree = tmp_path / "t.yaml"
    tree.write_text(
        (DATA / "plan" / "follow-up.yaml")
        .read_text(encoding="utf-8")
        .replace("input: text", "input: number"),
        encoding="utf-8",
    )
    result = check_file(tree)
    codes = {d.code for d in result.diagnostics}
    assert {"ADV004", "ADV010"} <= codes, [str(d) for d in result.diagnostics]
    assert result.tree is not None
    q = result.tree.nodes[asked.id]
    assert isinstance(q, Question) and q.input is None and q.kind is CHOICE
