from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advice.check import check_file
from advice.library import shipped_dir
from advice.loader import load_text
from advice.model import Question, Tree
from advice.session import AnswerError, Session
from tests.support import DATA, TODAY

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
    from advice.view import RecommendationView, walk_view

    s = Session.replay(shipped_tree, ["just-interviewed", "monday", "email"], TODAY)
    assert s.values()["interview_date"] == "Monday 16 November"
    node = walk_view(s, None).node
    assert isinstance(node, RecommendationView)
    texts = [t.text for t in node.templates]
    assert texts and all("[Date of the interview]" not in t for t in texts)
    # Said the way a person says it on Friday the 20th: "on Monday", not the full date.
    assert any("your time on Monday;" in t for t in texts)


DATES = """
id: dates
title: Dates
start: met
nodes:
  met:
    question: When did you meet?
    input: date
    fact: met
    goto: kind
  kind:
    question: Which way?
    answers:
      - {id: one, label: One, goto: heard}
      - {id: two, label: Two, goto: again}
  again:
    question: When did you meet again?
    input: date
    fact: met
    goto: heard
  heard:
    question: When will they decide?
    input: date
    fact: decide
    relative_to: met
    goto: r
  r: {recommend: R, text: T, because: [{source: s, quote: q}],
      when: [{action: Call, of: decide, days: 1}]}
"""


def test_a_later_date_counts_from_the_date_on_the_path_now() -> None:
    """The chain is kept up to date, not rebuilt: after a change, a back and an answer
    given again, the dates are those of the path on screen, the last one given wins."""
    loaded = load_text(DATES, "dates.yaml", Tree)
    assert loaded.diagnostics == []
    tree = loaded.value
    s = Session.replay(tree, ["2026-11-02", "one", "3 days"], TODAY)
    assert s.answers["heard"] == "2026-11-05"  # 3 days after 2 November
    s.change("kind", "two")  # the path now goes through a second meeting
    assert s.cursor == "again"
    s.answer("2026-11-10")
    assert s.cursor == "heard" and s.facts() == {"today": TODAY, "met": date(2026, 11, 10)}
    assert s.chain() == ["met", "kind", "again", "heard", "r"]  # heard's answer still leads on
    s.answer("3 days")  # now counted from the second meeting
    assert s.answers["heard"] == "2026-11-13" and s.cursor == "r"
    assert s.facts() == {"today": TODAY, "met": date(2026, 11, 10), "decide": date(2026, 11, 13)}
    s.goto("again")  # looking back: only dates before the cursor count
    assert s.facts() == {"today": TODAY, "met": date(2026, 11, 2)}
    s.restart()
    assert s.facts() == {"today": TODAY} and s.chain() == ["met"]


def rebuilt(session: Session) -> tuple[list[str], dict[str, date]]:
    """The chain and the facts worked out from scratch from the answers and cursor, as
    Session did before it kept them up to date."""
    tree, ids = session.tree, [session.tree.start]
    while True:
        node = tree.nodes.get(ids[-1])
        if not isinstance(node, Question) or node.id not in session.answers:
            break
        value = session.answers[node.id]
        found = node.answer(value) if node.input is None else None
        target = node.goto if node.input is not None else (found.goto if found else None)
        if target is None or target not in tree.nodes or target in ids:
            break
        ids.append(target)
    facts = {"today": session.today}
    for node_id in ids[: ids.index(session.cursor)]:
        node = tree.nodes[node_id]
        if isinstance(node, Question) and node.input == "date":
            facts[node.fact_name] = date.fromisoformat(session.answers[node_id])
    return ids, facts


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["answer", "back", "change", "goto", "restart"]), st.integers(0, 50)
        ),
        max_size=40,
    )
)
def test_the_chain_kept_up_to_date_is_the_chain_rebuilt(moves: list[tuple[str, int]]) -> None:
    """Any mix of answers, backs, changes, jumps and restarts on the shipped tree."""
    tree = check_file(shipped_dir() / "interview-follow-up.yaml").tree
    assert tree is not None
    s = Session(tree, TODAY)
    for move, n in moves:
        chain = s.chain()
        questions = [q for q in chain if isinstance(tree.nodes[q], Question)]
        if move == "back":
            s.back()
        elif move == "restart":
            s.restart()
        elif move == "goto":
            s.goto(chain[n % len(chain)])
        elif move in ("answer", "change") and questions:
            qid = s.cursor if move == "answer" else questions[n % len(questions)]
            node = tree.nodes[qid]
            if not isinstance(node, Question):
                continue
            value = (
                node.answers[n % len(node.answers)].id
                if node.input is None
                else ("2026-11-0" + str(1 + n % 9) if node.input == "date" else f"text {n}")
            )
            with contextlib.suppress(AnswerError):  # a date the tree's rules refuse
                if move == "answer":
                    s.answer(value)
                else:
                    s.change(qid, value)
        assert (s.chain(), s.facts()) == rebuilt(s)
        assert s.path() == s.chain()[: s.chain().index(s.cursor) + 1]
