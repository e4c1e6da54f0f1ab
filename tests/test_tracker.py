"""advice/tracker.py: follow-ups as walks, on a real database and the shipped tree."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from advice.errors import AdviceError
from advice.library import shipped_dir
from advice.model import Recommendation, Tree
from advice.saves import save
from advice.session import Session
from advice.tracker import Conflict, NameTaken, Tracker, Walk, what_changed
from tests.support import TODAY

TREE_PATH = shipped_dir() / "interview-follow-up.yaml"
EMAIL = ["just-interviewed", "2026-11-19", "email"]


@pytest.fixture
def tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Tracker:
    monkeypatch.setenv("ADVICE_DATA_DIR", str(tmp_path / "data"))
    return Tracker.open()


def walked(tracker: Tracker, tree: Tree, name: str, answers: list[str]) -> Walk:
    walk = tracker.open_walk(tracker.create(name, tree, TREE_PATH), tree, TREE_PATH, TODAY)
    for value in answers:
        walk.session.answer(value)
    tracker.save(walk)
    return walk


def test_a_follow_up_keeps_its_walk_and_details(tracker: Tracker, shipped_tree: Tree) -> None:
    walk = walked(tracker, shipped_tree, "Acme, data analyst", [])
    walk.session.answer(EMAIL[0])
    walk.filled["company"] = "Acme"
    tracker.save(walk)
    again = tracker.open_walk(tracker.get("acme, DATA analyst"), shipped_tree, TREE_PATH, TODAY)
    assert again.session.answers == walk.session.answers
    assert again.session.cursor == walk.session.cursor
    assert again.filled == {"company": "Acme"}
    assert again.dropped == []
    assert tracker.get("Acme, data analyst").next_action == f"Answer: {again.session.current.text}"


def test_the_next_step_moves_on_when_one_is_marked_done(
    tracker: Tracker, shipped_tree: Tree
) -> None:
    walk = walked(tracker, shipped_tree, "Acme", EMAIL)
    steps = tracker.steps(walk)
    assert steps and isinstance(walk.session.current, Recommendation)
    first = steps[0]
    assert (walk.row.next_action, walk.row.next_date) == (
        first.step.action,
        first.step.date.isoformat(),
    )
    row = tracker.mark_done(walk, first, date(2026, 11, 20))
    [marked] = [s for s in tracker.steps(walk) if s.key == first.key]
    assert marked.done_on == date(2026, 11, 20)
    following = steps[1] if len(steps) > 1 else None
    assert row.next_action == (following.step.action if following else None)
    assert tracker.next_step(walk) == following
    row = tracker.undo_done(walk, marked)
    assert row.next_action == first.step.action


def test_changing_an_answer_says_which_dates_moved(tracker: Tracker, shipped_tree: Tree) -> None:
    walk = walked(tracker, shipped_tree, "Acme", EMAIL)
    before = tracker.steps(walk)
    walk.session.change(walk.session.path()[1], "2026-11-18")  # the interview a day earlier
    tracker.save(walk)
    after = tracker.steps(walk)
    lines = what_changed(before, after)
    old, new = before[0].step.date, after[0].step.date
    assert old != new
    assert lines[0] == (
        f"{after[0].step.action} moved from {old:%a} {old.day} {old:%b} to "
        f"{new:%a} {new.day} {new:%b}"
    )
    assert what_changed(after, after) == []
    assert what_changed(before, []) == [f"No longer a step: {s.step.action}" for s in before]


def test_two_follow_ups_of_one_tree_are_kept_apart(tracker: Tracker, shipped_tree: Tree) -> None:
    walked(tracker, shipped_tree, "Acme", EMAIL)
    walked(tracker, shipped_tree, "Globex", [*EMAIL[:2], "handwritten"])
    a = tracker.open_walk(tracker.get("Acme"), shipped_tree, TREE_PATH, TODAY)
    g = tracker.open_walk(tracker.get("Globex"), shipped_tree, TREE_PATH, TODAY)
    assert a.session.cursor != g.session.cursor
    assert a.session.answers[a.session.path()[-2]] == "email"
    assert g.session.answers[g.session.path()[-2]] == "handwritten"


def test_a_save_over_another_windows_save_is_refused(tracker: Tracker, shipped_tree: Tree) -> None:
    walk = walked(tracker, shipped_tree, "Acme", [])
    other = tracker.open_walk(tracker.get("Acme"), shipped_tree, TREE_PATH, TODAY)
    other.session.answer(EMAIL[0])
    tracker.save(other)
    walk.session.answer("waiting")
    with pytest.raises(Conflict, match="not overwritten"):
        tracker.save(walk)
    kept = tracker.open_walk(tracker.get("Acme"), shipped_tree, TREE_PATH, TODAY)
    assert list(kept.session.answers.values()) == [EMAIL[0]]


def test_a_step_marked_elsewhere_does_not_block_this_windows_saves(
    tracker: Tracker, shipped_tree: Tree
) -> None:
    """`advice done` in another terminal changes the row, not the walk: the open window's
    next move is saved (and the mark kept); a walk changed elsewhere is still refused."""
    walk = walked(tracker, shipped_tree, "Acme", EMAIL)
    elsewhere = Tracker.open()
    theirs = elsewhere.open_walk(elsewhere.get("Acme"), shipped_tree, TREE_PATH, TODAY)
    first = elsewhere.steps(theirs)[0]
    elsewhere.mark_done(theirs, first, TODAY)
    walk.filled["company"] = "Acme"
    tracker.save(walk)  # not refused
    kept = tracker.open_walk(tracker.get("Acme"), shipped_tree, TREE_PATH, TODAY)
    assert kept.filled == {"company": "Acme"}
    [marked] = [s for s in tracker.steps(kept) if s.key == first.key]
    assert marked.done_on == TODAY
    assert tracker.get("Acme").next_action != first.step.action
    theirs = elsewhere.open_walk(elsewhere.get("Acme"), shipped_tree, TREE_PATH, TODAY)
    theirs.filled["company"] = "Globex"
    elsewhere.save(theirs)  # the walk itself, written elsewhere
    walk.filled["company"] = "Initech"
    with pytest.raises(Conflict, match="not overwritten"):
        tracker.save(walk)


def test_rename_archive_delete(tracker: Tracker, shipped_tree: Tree) -> None:
    walked(tracker, shipped_tree, "Acme", [])
    walked(tracker, shipped_tree, "Globex", [])
    with pytest.raises(NameTaken):
        tracker.rename(tracker.get("Acme"), "GLOBEX")
    tracker.rename(tracker.get("Acme"), "Acme, analyst")
    tracker.archive(tracker.get("Globex"))
    assert [r.name for r in tracker.all()] == ["Acme, analyst"]
    tracker.unarchive(tracker.get("Globex"))
    assert tracker.delete(tracker.get("Globex"))
    assert [r.name for r in tracker.all(archived=True)] == ["Acme, analyst"]
    with pytest.raises(AdviceError, match="no follow-up named 'Globex'; there are: 'Acme"):
        tracker.get("Globex")


def test_old_json_saves_are_imported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped_tree: Tree
) -> None:
    monkeypatch.setenv("ADVICE_DATA_DIR", str(tmp_path / "data"))
    session = Session.replay(shipped_tree, EMAIL, TODAY)
    written = save(session, TREE_PATH, {"company": "Acme", "position": "data analyst"})
    with Tracker.open() as tracker:
        assert any("imported 1 saved walk" in m for m in tracker.messages)
        walk = tracker.open_walk(tracker.get("Acme, data analyst"), shipped_tree, TREE_PATH, TODAY)
        assert walk.session.answers == session.answers
        assert walk.filled["position"] == "data analyst"
        assert walk.row.next_action == tracker.steps(walk)[0].step.action
    assert not written.exists()
    assert written.with_name(written.name + ".imported").exists()
    with Tracker.open() as tracker:  # not again
        assert tracker.messages == []
        assert len(tracker.all()) == 1


def test_a_backup_restores_elsewhere_and_clashes_are_refused(
    tmp_path: Path, tracker: Tracker, shipped_tree: Tree
) -> None:
    walk = walked(tracker, shipped_tree, "Acme", EMAIL)
    tracker.mark_done(walk, tracker.steps(walk)[0], TODAY)
    walked(tracker, shipped_tree, "Globex", [])
    data = json.loads(json.dumps(tracker.backup()))  # through JSON, as the file is
    with Tracker.open(tmp_path / "elsewhere.db") as other:
        assert other.restore(data) == ["restored 2 follow-up(s)"]
        moved = other.open_walk(other.get("Acme"), shipped_tree, TREE_PATH, TODAY)
        assert moved.session.answers == walk.session.answers
        assert moved.row.uid == walk.row.uid  # calendar ids survive the move
        assert other.steps(moved)[0].done_on == TODAY
        assert other.restore(data)[1] == "already here, unchanged: 'Acme', 'Globex'"
        changed = other.open_walk(other.get("Globex"), shipped_tree, TREE_PATH, TODAY)
        changed.session.answer("waiting")
        other.save(changed)
        other.delete(other.get("Acme"))
        with pytest.raises(AdviceError, match=r"already here with different answers.*'Globex'"):
            other.restore(data)
        assert [r.name for r in other.all()] == ["Globex"]  # all or nothing: Acme not added
        with pytest.raises(AdviceError, match="not a backup"):
            other.restore({"followups": []})


def test_answers_the_edited_tree_no_longer_offers_are_dropped_and_said(
    tracker: Tracker, shipped_tree: Tree
) -> None:
    import msgspec

    from advice.model import Question

    walk = walked(tracker, shipped_tree, "Acme", EMAIL)
    asked = walk.session.path()[-2]  # the question answered "email"
    question = shipped_tree.nodes[asked]
    assert isinstance(question, Question)
    fewer = msgspec.structs.replace(
        question, answers=tuple(a for a in question.answers if a.id != "email")
    )
    edited = msgspec.structs.replace(shipped_tree, nodes={**shipped_tree.nodes, asked: fewer})
    email = question.answer("email")
    assert email is not None
    again = tracker.open_walk(tracker.get("Acme"), edited, TREE_PATH, TODAY)
    said = f'"{question.text}" -> "{email.label}": that answer is no longer offered'
    assert again.dropped == [said]
    assert asked not in again.session.answers
    assert again.session.cursor == asked  # asked again
