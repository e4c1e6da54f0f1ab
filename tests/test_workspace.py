"""The Workspace (advice/workspace.py) on its own: no Textual, no Pilot. Real copies of
the shipped tree, real save files in a temporary data folder; what the user would be
told is checked as the Notices the app would show."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from advice.catalog import TreeEntry, load_catalog, load_entry
from advice.library import SOURCES_FILE, shipped_dir
from advice.model import Question, Tree
from advice.saves import ENV_DIR, load, save
from advice.session import Session
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


def test_resume_continues_the_save_another_run_wrote(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    first = one_tree(path, resume=True)
    entry, session = start(first)
    walk(session, 3)
    first.details["interviewer"] = "Ms Lee"
    assert first.record_move(entry, session) == []
    assert saved_answers(session.tree) == session.answers

    again = one_tree(path, resume=True)
    _, resumed = start(again)
    assert (resumed.answers, resumed.cursor) == (session.answers, session.cursor)
    assert again.details == {"interviewer": "Ms Lee"}
    # --resume continues without asking, though the save is offered in the list.
    assert again.find_saves() == [] and not again.asks_first(again.entries[0], opened=True)


def test_two_walks_on_one_save_the_second_is_refused_and_said_once(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    one, other = one_tree(path, resume=True), one_tree(path, resume=True)
    (entry, mine), (_, theirs) = start(one), start(other)
    walk(mine, 1)
    assert one.record_move(entry, mine) == []
    walk(theirs, 2)

    [refused] = other.record_move(entry, theirs)
    assert (refused.severity, refused.title) == ("error", "Not saved")
    assert refused.text.startswith("Your answers are not being saved: ")
    assert "was changed by another walk of this tree" in refused.text
    assert "it was not overwritten" in refused.text
    assert other.record_move(entry, theirs) == []  # said once, not at every move
    assert saved_answers(mine.tree) == mine.answers


def test_served_writes_nothing_and_offers_nothing(tmp_path: Path, data_dir: Path) -> None:
    path = copy_shipped(tmp_path)
    ws = one_tree(path, resume=True, served=True)
    entry, session = start(ws)
    walk(session, 2)
    assert not ws.saves_walks(entry) and ws.record_move(entry, session) == []
    assert not data_dir.exists()

    save(session, path)  # a save there, written by someone else
    assert ws.find_saves() == [] and ws.offered == {} and not ws.has_offer(entry, opened=True)


def test_continue_a_save_or_start_over(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    entry = load_entry(path)
    earlier = Session(loaded(entry), TODAY)
    walk(earlier, 3)
    save(earlier, path, {"interviewer": "Ms Lee"})

    # Continue: the saved walk, and it is saved from now on.
    ws = Workspace([entry], TODAY)
    assert not ws.saves_walks(entry) and ws.find_saves() == []
    assert ws.has_offer(entry) and ws.asks_first(entry)
    assert ws.offer_lines()[path].startswith("continue where you left off (3 answers, saved ")
    latest, notices = ws.take_offer(entry, go_on=True)
    assert notices == [] and latest is entry
    session = ws.sessions[ws.key_of(entry)]
    assert (session.answers, session.cursor) == (earlier.answers, earlier.cursor)
    assert ws.details == {"interviewer": "Ms Lee"} and ws.saves_walks(entry)
    assert not ws.asks_first(entry) and ws.offer_lines() == {}
    session.back()
    assert ws.record_move(entry, session) == []
    assert saved_answers(session.tree) == session.answers

    # Start over: a fresh walk, which replaces the save at its first move.
    ws = Workspace([entry], TODAY)
    ws.find_saves()
    ws.take_offer(entry, go_on=False)
    fresh = ws.sessions[ws.key_of(entry)]
    assert fresh.answers == {} and ws.details == {}
    assert saved_answers(fresh.tree) == session.answers  # not yet
    walk(fresh, 1)
    assert ws.record_move(entry, fresh) == []
    assert saved_answers(fresh.tree) == fresh.answers


def test_the_workspace_imports_no_textual() -> None:
    probe = (
        "import advice.workspace, sys; "
        "assert not any(m.startswith('textual') for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith('textual'))"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
