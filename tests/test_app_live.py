"""The app over time: live reload (--watch) with real saves of the tree file, and saved
sessions (continue or start over, a changed tree, a corrupt save, an unwritable folder).
Waits are bounded and generous; nothing asserts on timing."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from advice.app.advice_app import AdviceApp
from advice.app.screens.error import ErrorScreen
from advice.app.screens.help import HelpScreen
from advice.app.screens.picker import PickerScreen
from advice.app.screens.question import QuestionScreen
from advice.app.screens.recommendation import RecommendationScreen
from advice.check import check_file
from advice.tracker import Tracker
from tests.support import TODAY
from tests.support.app import (
    APP_DATA,
    FOLLOW_UP,
    drive,
    make_app,
    notes,
    question_id,
    shown_text,
)

TIMEOUT = 30.0  # seconds: a bound, not an expectation (polls are 0.05 s apart)
SAVED_AT = datetime(2026, 11, 19, 12, 0, tzinfo=UTC)


async def wait_for(pilot: Pilot[None], ready: Callable[[], bool], what: str) -> None:
    for _ in range(int(TIMEOUT / 0.05)):
        if ready():
            await pilot.pause()  # let the screen that is ready finish composing
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def copy_tree(folder: Path) -> Path:
    shutil.copy(APP_DATA / "sources.yaml", folder / "sources.yaml")
    return Path(shutil.copy(FOLLOW_UP, folder / "follow-up.yaml"))


def test_watch_reloads_on_save_keeps_answers_shows_problems_and_comes_back(
    tmp_path: Path,
) -> None:
    tree = copy_tree(tmp_path)
    text = tree.read_text(encoding="utf-8")
    reworded = text.replace("Did they say when they would decide?", "Did they give a date?")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "timeframe"
        tree.write_text(reworded, encoding="utf-8")
        kept = "Reloaded follow-up.yaml; your answers are kept."
        await wait_for(pilot, lambda: kept in notes(app), "the reload")
        await pilot.pause()
        assert "Did they give a date?" in shown_text(app)
        assert question_id(app) == "timeframe"
        assert "I'm thinking of calling them" in shown_text(app)  # the answer, in the crumbs

        # Broken while a dialog is open: the dialog stays; closing it shows the problems.
        await pilot.press("question_mark")
        tree.write_text(reworded.replace("goto: dont-call", "goto: dont-cal"), encoding="utf-8")
        await wait_for(pilot, lambda: any("has problems now" in n for n in notes(app)), "break")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ErrorScreen)
        assert "ADV007" in shown_text(app) and "dont-cal" in shown_text(app)

        tree.write_text(reworded, encoding="utf-8")  # fixed: back where it was
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen), "the fix")
        assert question_id(app) == "timeframe"
        assert "I'm thinking of calling them" in shown_text(app)

        # The answer given is gone from the tree: dropped, said, asked again.
        tree.write_text(reworded.replace("want-to-call", "thinking-of-calling"), "utf-8")
        await wait_for(pilot, lambda: any("no longer fit" in n for n in notes(app)), "a drop")
        await pilot.pause()
        assert question_id(app) == "situation"
        dropped = [n for n in notes(app) if "no longer fit" in n]
        assert dropped == [
            "Reloaded follow-up.yaml. These answers no longer fit and were dropped: "
            '"Where are you with this interview?" -> "I\'m thinking of calling them"'
        ]
        assert app.is_running

    drive(make_app(tree, answers={"situation": "want-to-call"}, watch=True), script)


def test_watch_in_the_picker_reloads_the_list(tmp_path: Path) -> None:
    tree = copy_tree(tmp_path)
    shutil.copy(APP_DATA / "markup.yaml", tmp_path / "markup.yaml")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, PickerScreen)
        text = tree.read_text(encoding="utf-8")
        tree.write_text(text.replace("title: After the interview", "title: Renamed"), "utf-8")

        def shows_new_title() -> bool:
            listed = app.screen.query(OptionList)
            return bool(listed) and "Renamed" in str(listed.first().get_option_at_index(0).prompt)

        await wait_for(pilot, shows_new_title, "the picker to show the new title")
        await pilot.press("enter")
        assert question_id(app) == "situation"

    drive(make_app(tmp_path, watch=True), script)


def test_watch_on_a_folder_sees_a_new_tree_file_and_a_deleted_one(tmp_path: Path) -> None:
    copy_tree(tmp_path)  # one tree: the app opens it, no picker

    def picker_lists(app: AdviceApp, count: int) -> Callable[[], bool]:
        def ready() -> bool:
            listed = app.screen.query(OptionList)
            on_picker = isinstance(app.screen, PickerScreen) and bool(listed)
            return on_picker and listed.first().option_count == count

        return ready

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "situation"
        added = Path(shutil.copy(APP_DATA / "markup.yaml", tmp_path / "markup.yaml"))
        said = "New tree: markup.yaml (press t to pick it)."
        await wait_for(pilot, lambda: said in notes(app), "the new tree to be noticed")
        await pilot.press("t")
        await wait_for(pilot, picker_lists(app, 2), "the picker with both trees")
        added.unlink()
        await wait_for(pilot, picker_lists(app, 1), "the picker without the deleted tree")
        assert "markup.yaml was removed." in notes(app)
        await pilot.press("enter")
        assert question_id(app) == "situation"

    drive(make_app(tmp_path, watch=True), script)


def make_followup(tree_path: Path, name: str, answers: list[str]) -> None:
    """A follow-up written by another process (the CLI, another window): the tracker."""
    result = check_file(tree_path)
    assert result.tree is not None
    with Tracker.open() as tracker:
        walk = tracker.open_walk(
            tracker.create(name, result.tree, tree_path), result.tree, tree_path, TODAY
        )
        for value in answers:
            walk.session.answer(value)
        tracker.save(walk)


def stored(name: str) -> dict[str, str]:
    with Tracker.open() as tracker:
        row = tracker.get(name)
        return dict(json.loads(row.answers))


def test_the_picker_opens_a_trees_only_follow_up_where_it_stood(tmp_path: Path) -> None:
    make_followup(FOLLOW_UP, "Acme", ["just-interviewed", "2026-11-20"])

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        assert question_id(app) == "interviewer"  # no dialog: where it stood, and said
        assert "Continuing Acme: 2 answers" in notes(app)
        await pilot.press("escape")
        assert question_id(app) == "interview-date"

    drive(make_app(APP_DATA), script)
    with Tracker.open() as tracker:
        assert tracker.get("Acme").cursor == "interview-date"  # saved at once


def test_one_tree_with_a_follow_up_opens_it_and_a_changed_tree_drops_what_is_gone(
    tmp_path: Path,
) -> None:
    tree = copy_tree(tmp_path)
    make_followup(tree, "Acme", ["want-to-call", "no-timeframe"])
    text = tree.read_text(encoding="utf-8")
    tree.write_text(text.replace("no-timeframe", "no-date"), encoding="utf-8")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "timeframe"
        said = "\n".join(notes(app))
        assert "Continuing Acme: 1 answer" in said
        assert "no longer fit and were dropped" in said
        assert "that answer is no longer offered" in said

    drive(make_app(tree), script)


def test_a_corrupt_database_is_said_set_aside_and_the_app_goes_on(tmp_path: Path) -> None:
    data = Path(os.environ["ADVICE_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    (data / "advice.db").write_bytes(b"\x00garbage [@click=app.quit]x[/]{" * 100)

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "situation"
        [said] = notes(app)
        assert "could not be read" in said and "a new one started" in said
        await pilot.press("3")
        assert isinstance(app.screen, RecommendationScreen)

    drive(make_app(FOLLOW_UP), script)
    [aside] = data.glob("advice.corrupt-*.db")
    assert aside.read_bytes().startswith(b"\x00garbage")
    assert stored(f"After the interview {TODAY:%a} {TODAY.day} {TODAY:%b}") != {}


@pytest.mark.parametrize(
    "garbage",
    [
        b'{"version": 1, "tree": "follow-up", "answers": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"version": 1, "tree": "follow-up", "n": ' + b"7" * 5000 + b"}",
        b"fifo",
    ],
    ids=["nested-100000-deep", "a-5000-digit-number", "a-fifo"],
)
def test_a_hostile_old_save_is_set_aside_and_the_app_starts(tmp_path: Path, garbage: bytes) -> None:
    """These exited 70 (or hung, for a FIFO) at every start until the file was deleted."""
    sessions = Path(os.environ["ADVICE_DATA_DIR"]) / "sessions"
    sessions.mkdir(parents=True)
    save_file = sessions / "follow-up.json"
    if garbage == b"fifo":
        os.mkfifo(save_file)
    else:
        save_file.write_bytes(garbage)

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await wait_for(pilot, lambda: bool(notes(app)), "the message")
        assert question_id(app) == "situation"
        [said] = notes(app)
        assert said.startswith("the saved session was unreadable (")
        await pilot.press("3")
        assert isinstance(app.screen, RecommendationScreen)

    drive(make_app(FOLLOW_UP), script)
    [aside] = save_file.parent.glob("follow-up.corrupt-*.json")
    assert not os.path.lexists(save_file)
    if garbage != b"fifo":
        assert aside.read_bytes() == garbage


def test_a_follow_up_saved_meanwhile_elsewhere_is_not_overwritten(tmp_path: Path) -> None:
    """Two windows on one follow-up: the app's next save finds the other's and says so."""
    make_followup(FOLLOW_UP, "Acme", ["want-to-call"])

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "timeframe"
        with Tracker.open() as other:  # another window saves it meanwhile
            tree = app.workspace.entries[0].loaded
            assert tree is not None
            walk = other.open_walk(other.get("Acme"), tree, FOLLOW_UP, TODAY)
            walk.session.back()
            walk.session.answer("waiting")
            other.save(walk)
        theirs = stored("Acme")
        await pilot.press("1")
        await pilot.press("escape")
        said = [n for n in notes(app) if "not being saved" in n]
        assert len(said) == 1, notes(app)
        assert "was changed by another window or command" in said[0]
        assert "it was not overwritten" in said[0]
        assert stored("Acme") == theirs

    drive(make_app(FOLLOW_UP), script)


def test_an_unwritable_data_folder_is_said_once_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ADVICE_DATA_DIR", str(blocker / "data"))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("1", "enter")
        await pilot.press(*"Lee", "enter")
        assert isinstance(app.screen, RecommendationScreen)
        await pilot.press("escape")
        said = [n for n in notes(app) if "not being saved" in n]
        assert len(said) == 1, notes(app)
        assert said[0].startswith("Your answers are not being saved: could not create")

    drive(make_app(FOLLOW_UP, resume=True), script)
