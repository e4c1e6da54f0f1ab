"""The Workspace (advice/workspace.py) on its own: no Textual, no Pilot. Real copies of
the shipped tree, real save files in a temporary data folder; what the user would be
told is checked as the Notices the app would show."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from advice.catalog import TreeEntry, load_catalog, load_entry
from advice.library import SOURCES_FILE, shipped_dir
from advice.model import Question, Tree
from advice.records import FollowUpRow
from advice.saves import ENV_DIR, load
from advice.session import Session
from advice.tracker import Tracker
from advice.workspace import Notice, Workspace
from tests.support import TODAY

SHIPPED = shipped_dir() / "interview-follow-up.yaml"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_DIR, str(folder))
    return folder


def copy_shipped(tmp_path: Path, name: str = SHIPPED.name) -> Path:
    """The shipped tree, and its sources beside it, in a folder of its own."""
    folder = tmp_path / "trees"
    folder.mkdir(exist_ok=True)
    shutil.copy(SHIPPED.parent / SOURCES_FILE, folder / SOURCES_FILE)
    return Path(shutil.copy(SHIPPED, folder / name))


def one_tree(path: Path, **options: bool) -> Workspace:
    return Workspace([load_entry(path)], TODAY, **options)


def loaded(entry: TreeEntry) -> Tree:
    assert entry.loaded is not None, entry.problems
    return entry.loaded


def start(ws: Workspace) -> tuple[TreeEntry, Session]:
    """The first tree's walk, as the app opens it; nothing to say about it."""
    entry = ws.entries[0]
    session, notices = ws.session_for(entry, loaded(entry))
    assert notices == []
    return entry, session


def walk(session: Session, steps: int) -> None:
    """Answer `steps` questions: each choice's first answer, today for a date."""
    for _ in range(steps):
        node = session.current
        assert isinstance(node, Question)
        session.answer(node.answers[0].id if node.input is None else TODAY.isoformat())


def start_question(tree: Tree) -> Question:
    node = tree.nodes[tree.start]
    assert isinstance(node, Question)
    return node


def saved_answers(tree: Tree) -> dict[str, str] | None:
    found = load(tree.id).saved
    return None if found is None else found.answers


def test_a_reload_carries_the_walk_and_drops_the_answers_that_no_longer_fit(
    tmp_path: Path,
) -> None:
    path = copy_shipped(tmp_path)
    ws = one_tree(path)
    entry, session = start(ws)
    walk(session, 3)
    first = start_question(session.tree)
    text = path.read_text(encoding="utf-8")

    # Reworded: every answer still fits; the walk is on the new tree, where it was.
    assert text.count(f"question: {first.text}\n") == 1
    path.write_text(text.replace(f"question: {first.text}\n", "question: Where now?\n"), "utf-8")
    fresh, notices = ws.reload(entry)
    assert notices == [Notice(f"Reloaded {entry.name}; your answers are kept.")]
    assert ws.entries == [fresh] and ws.is_outdated(entry) and not ws.is_outdated(fresh)
    moved = ws.sessions[ws.key_of(fresh)]
    assert start_question(moved.tree).text == "Where now?"
    assert (moved.answers, moved.cursor) == (session.answers, session.cursor)

    # The first answer given is renamed (everywhere, examples too): dropped, and said.
    chosen = first.answers[0]
    renamed = re.sub(rf"(?<![\w-]){re.escape(chosen.id)}(?![\w-])", f"{chosen.id}-2", text)
    path.write_text(renamed, "utf-8")
    fresh, notices = ws.reload(fresh)
    tree = loaded(fresh)
    dropped = f'"Where now?" -> "{chosen.label}"'  # as the walk showed it
    assert notices == [
        Notice(
            f"Reloaded {entry.name}. These answers no longer fit and were dropped: {dropped}",
            "warning",
            timeout=10,
        )
    ]
    now = ws.sessions[ws.key_of(fresh)]
    assert now.tree is tree and tree.start not in now.answers and now.cursor == tree.start


def test_a_broken_reload_keeps_the_walk_for_when_the_file_is_fixed(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    ws = one_tree(path)
    entry, session = start(ws)
    walk(session, 2)
    text = path.read_text(encoding="utf-8")
    target = start_question(session.tree).answers[0].goto
    path.write_text(text.replace(f"goto: {target}\n", "goto: nowhere-at-all\n", 1), "utf-8")

    broken, notices = ws.reload(entry)
    assert broken.loaded is None and any("nowhere-at-all" in p for p in broken.problems)
    said = f"{entry.name} has problems now; fix them and save (your answers are kept)."
    assert notices == [Notice(said, "error", timeout=8)]
    assert ws.sessions[ws.key_of(entry)] is session  # kept as it was
    assert ws.reload(broken, say=False)[1] == []  # the user asked: nothing more to say

    path.write_text(text, "utf-8")
    fixed, notices = ws.reload(broken)
    assert notices == [Notice(f"Reloaded {entry.name}; your answers are kept.")]
    moved = ws.sessions[ws.key_of(fixed)]
    assert moved.tree is loaded(fixed)
    assert (moved.answers, moved.cursor) == (session.answers, session.cursor)


def test_following_a_folder_lists_a_new_tree_file_and_drops_a_deleted_one(
    tmp_path: Path,
) -> None:
    path = copy_shipped(tmp_path)
    folder = path.parent
    ws = Workspace(load_catalog(str(folder)), TODAY, folder=folder)
    [first] = ws.entries
    added = copy_shipped(tmp_path, "another.yaml")

    notices = ws.follow_folder({added}, shown={first.path})
    assert notices == [Notice("New tree: another.yaml (press t to pick it).")]
    assert [e.path for e in ws.entries] == sorted([added, path])
    assert ws.follow_folder({added}, shown=set()) == []  # nothing new the second time

    added.unlink()
    assert ws.follow_folder({added}, shown=set(), on_picker=True) == [
        Notice("another.yaml was removed.")
    ]
    assert ws.entries == [first]

    # A file on show stays listed (its screen says it is gone); so does the last one.
    copy_shipped(tmp_path, "another.yaml")
    assert ws.follow_folder({added}, shown=set(), on_picker=True) == [
        Notice("New tree: another.yaml.")
    ]
    added.unlink()
    path.unlink()
    assert ws.follow_folder({added, path}, shown={added}) == [Notice(f"{first.name} was removed.")]
    assert [e.path for e in ws.entries] == [added]
    assert ws.follow_folder({added}, shown=set()) == []
    assert [e.path for e in ws.entries] == [added]


def stored(name: str) -> FollowUpRow:
    with Tracker.open() as tracker:
        return tracker.get(name)


NAME = f"{loaded(load_entry(SHIPPED)).title} {TODAY:%a} {TODAY.day} {TODAY:%b}"


def test_every_move_is_saved_and_another_run_continues_it(tmp_path: Path, data_dir: Path) -> None:
    path = copy_shipped(tmp_path)
    first = one_tree(path)
    entry, session = start(first)
    assert first.record_move(entry, session) == [] and not data_dir.exists()  # nothing yet
    walk(session, 3)
    first.details["interviewer"] = "Ms Lee"
    assert first.record_move(entry, session) == []
    assert json.loads(stored(NAME).answers) == session.answers  # named: title and day

    again = one_tree(path, resume=True)  # --resume: accepted, and the default now
    resumed, notices = again.session_for(again.entries[0], loaded(again.entries[0]))
    assert notices == [Notice(f"Continuing {NAME}: 3 answers", timeout=6)]
    assert (resumed.answers, resumed.cursor) == (session.answers, session.cursor)
    assert again.details == {"interviewer": "Ms Lee"}


def test_named_from_the_details_and_a_second_one_is_made_unique(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    ws = one_tree(path)
    tree = loaded(ws.entries[0])
    assert ws.new_name(tree, {"company": " Acme ", "position": "data analyst"}) == (
        "Acme, data analyst"
    )
    entry, session = start(ws)
    walk(session, 1)
    ws.record_move(entry, session)
    assert ws.new_name(tree, {}) == f"{NAME} (2)"


def test_two_runs_on_one_follow_up_the_second_is_refused_and_said_once(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    first = one_tree(path)
    entry, mine = start(first)
    walk(mine, 1)
    assert first.record_move(entry, mine) == []
    other = one_tree(path)
    theirs, _ = other.session_for(other.entries[0], loaded(other.entries[0]))
    walk(mine, 1)
    assert first.record_move(entry, mine) == []  # this one saves first
    walk(theirs, 1)

    [refused] = other.record_move(entry, theirs)
    assert (refused.severity, refused.title) == ("error", "Not saved")
    assert refused.text.startswith("Your answers are not being saved: ")
    assert "was changed by another window or command" in refused.text
    assert "it was not overwritten" in refused.text
    assert other.record_move(entry, theirs) == []  # said once, not at every move
    assert json.loads(stored(NAME).answers) == mine.answers


def test_a_changed_answer_says_which_dates_moved(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    ws = one_tree(path)
    entry, session = start(ws)
    walk(session, 3)
    assert ws.record_move(entry, session) == []
    ws.mark_done(entry, session, ws.steps(entry, session)[0], TODAY)
    assert ws.steps(entry, session)[0].done_on == TODAY
    date_question = next(q for q in session.transcript() if q.question.input is not None)
    session.change(date_question.question.id, (TODAY - timedelta(days=1)).isoformat())
    [said] = ws.record_move(entry, session)
    assert said.title == "Your dates changed"
    assert re.fullmatch(r".+ moved from \w{3} \d+ \w{3} to \w{3} \d+ \w{3}", said.text)


def test_served_writes_nothing_and_reads_nothing(tmp_path: Path, data_dir: Path) -> None:
    path = copy_shipped(tmp_path)
    ws = one_tree(path, served=True)
    entry, session = start(ws)
    walk(session, 2)
    assert ws.record_move(entry, session) == []
    assert not data_dir.exists()

    saver = one_tree(path)  # a follow-up there, written by someone else
    entry, other = start(saver)
    walk(other, 2)
    saver.record_move(entry, other)
    assert ws.db.rows() == [] and not ws.opens_home()
    fresh = one_tree(path, served=True)
    assert start(fresh)[1].answers == {}


def test_the_home_list_reads_rows_overdue_first(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    tree = loaded(load_entry(path))
    with Tracker.open() as tracker:
        for name, days_ago in [("Later", 0), ("Overdue", 5), ("Today", 1), ("Started", None)]:
            case = tracker.open_walk(tracker.create(name, tree, path), tree, path, TODAY)
            case.session.answer("just-interviewed")
            if days_ago is not None:
                case.session.answer((TODAY - timedelta(days=days_ago)).isoformat())
                case.session.answer("email")
            tracker.save(case)
    ws = one_tree(path)
    assert ws.opens_home()
    lines = ws.home_lines()
    assert [(h.name, h.due) for h in lines] == [
        ("Overdue", "overdue"),
        ("Today", "today"),
        ("Later", "later"),
        ("Started", "none"),
    ]
    assert [h.standing for h in lines] == ["plan ready"] * 3 + ["question 2"]
    assert lines[0].next.startswith("Email")


def test_the_workspace_imports_no_textual() -> None:
    probe = (
        "import advice.workspace, sys; "
        "assert not any(m.startswith('textual') for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith('textual'))"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)


def test_the_home_list_reads_rows_only_even_when_a_tree_file_is_gone(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    ws = one_tree(path)
    entry, session = start(ws)
    walk(session, 3)
    ws.record_move(entry, session)
    path.unlink()  # the tree it walks is gone: the list still reads, from the rows alone
    again = Workspace([load_entry(SHIPPED)], TODAY)
    [line] = again.home_lines()
    assert (line.name, line.standing) == (NAME, "plan ready")
    assert again.home_lines(archived=True) == []
