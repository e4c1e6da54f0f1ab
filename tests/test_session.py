from __future__ import annotations

from pathlib import Path

import pytest

from advice.check import check_file
from advice.loader import load_text
from advice.model import Tree
from advice.session import AnswerError, Session
from tests.conftest import DATA, TODAY

BRANCHY = """
id: b
title: Branchy
start: a
nodes:
  a:
    question: A?
    answers:
      - {id: x, label: X, goto: b}
      - {id: y, label: Y, goto: c}
  b:
    question: B?
    answers:
      - {id: one, label: One, goto: d}
      - {id: two, label: Two, goto: r2}
  c:
    question: C?
    answers:
      - {id: one, label: One (c), goto: b}
      - {id: two, label: Two (c), goto: r2}
  d:
    question: When?
    input: date
    fact: when
    goto: r1
  r1: {recommend: R1, text: T, because: [{source: s, quote: q}],
       when: [{action: Do it, of: when, days: 1, avoid: [saturday, sunday, monday]}]}
  r2: {recommend: R2, text: T, because: [{source: s, quote: q}]}
"""


@pytest.fixture
def tree() -> Tree:
    result = load_text(BRANCHY, "b.yaml", Tree)
    assert result.diagnostics == []
    return result.value


def test_walk_to_a_recommendation_with_transcript(tree: Tree) -> None:
    s = Session(tree, TODAY)
    s.answer("x")
    s.answer("one")
    s.answer("2026-11-20")  # a Friday
    assert s.cursor == "r1" and s.finished
    assert [(st.question.id, st.label) for st in s.transcript()] == [
        ("a", "X"),
        ("b", "One"),
        ("d", "2026-11-20"),
    ]
    # Friday + 1 = Saturday; Saturday, Sunday and Monday are avoided -> Tuesday
    assert [st.date.isoformat() for st in s.schedule()] == ["2026-11-24"]


def test_back_keeps_the_answer_and_answering_again_moves_on(tree: Tree) -> None:
    s = Session.replay(tree, ["x", "two"], TODAY)
    assert s.cursor == "r2"
    assert s.back() and s.cursor == "b"
    assert s.answers["b"] == "two"  # shown as the current choice
    assert s.back() and s.cursor == "a"
    assert not s.back()
    s.answer("x")
    assert s.cursor == "b"  # one step at a time, not straight to the end


def test_change_keeps_later_answers_that_still_apply(tree: Tree) -> None:
    s = Session.replay(tree, ["x", "two"], TODAY)
    s.change("a", "y")  # a -> c now; c has no answer yet
    assert s.cursor == "c"
    s.answer("one")  # c -> b, whose answer 'two' still applies
    assert s.cursor == "b"
    s.change("c", "one")
    assert s.cursor == "r2"  # the kept answer of b carried the path on
    assert [st.question.id for st in s.transcript()] == ["a", "c", "b"]


def test_change_rejects_questions_off_the_path(tree: Tree) -> None:
    s = Session.replay(tree, ["x"], TODAY)
    with pytest.raises(AnswerError, match="not a question on the current path"):
        s.change("c", "one")


def test_unknown_answer_lists_valid_ids(tree: Tree) -> None:
    s = Session(tree, TODAY)
    with pytest.raises(AnswerError, match="valid: x, y"):
        s.answer("z")


def test_date_inputs_accept_words_and_reject_nonsense(tree: Tree) -> None:
    s = Session.replay(tree, ["x", "one"], TODAY)
    with pytest.raises(AnswerError, match="not a date"):
        s.answer("someday")
    s.answer("yesterday")
    assert s.answers["d"] == "2026-11-19"


def test_goto_breadcrumb_and_restart(tree: Tree) -> None:
    s = Session.replay(tree, ["x", "two"], TODAY)
    s.goto("a")
    assert s.cursor == "a" and s.answers == {"a": "x", "b": "two"}
    with pytest.raises(AnswerError):
        s.goto("c")
    s.restart()
    assert s.cursor == "a" and s.answers == {}


def test_resume_from_saved_answers_goes_as_far_as_they_go(tree: Tree) -> None:
    s = Session(tree, TODAY, answers={"a": "y", "c": "two", "b": "one"})
    assert s.cursor == "r2"
    stale = Session(tree, TODAY, answers={"a": "gone"})
    assert stale.cursor == "a"


def test_on_tree_keeps_answers_that_still_fit_and_returns_the_dropped(tmp_path: Path) -> None:
    """Live reload: the walk moves to the edited tree; gone or changed answers drop."""
    source = DATA / "app" / "follow-up.yaml"
    old = check_file(source).tree
    assert old is not None
    session = Session(old, TODAY, {"situation": "want-to-call", "timeframe": "no-timeframe"})
    session.goto("timeframe")  # looking at an earlier question
    edited = tmp_path / "follow-up.yaml"
    (tmp_path / "sources.yaml").write_bytes((DATA / "app" / "sources.yaml").read_bytes())
    edited.write_text(source.read_text(encoding="utf-8").replace("no-timeframe", "none"), "utf-8")
    new = check_file(edited).tree
    assert new is not None
    moved, dropped = session.on_tree(new)
    assert moved.tree is new and moved.answers == {"situation": "want-to-call"}
    assert moved.cursor == "timeframe"
    assert [(s.question.id, s.label) for s in dropped] == [("timeframe", "No, they gave no date")]
    same, none = moved.on_tree(new)
    assert same.answers == moved.answers and none == []


def test_a_date_answer_fills_its_placeholder_in_the_ready_texts(shipped_tree: Tree) -> None:
    from advice.summary import session_json

    s = Session.replay(shipped_tree, ["just-interviewed", "monday", "email"], TODAY)
    assert s.values()["interview_date"] == "Monday 16 November"
    texts = session_json(s, None)["node"]["templates"]
    assert texts and all("[Date of the interview]" not in t["text"] for t in texts)
    # Said the way a person says it on Friday the 20th: "on Monday", not the full date.
    assert any("your time on Monday;" in t["text"] for t in texts)
