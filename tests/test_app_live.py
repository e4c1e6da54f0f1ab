"""The app over time: live reload (--watch) with real saves of the tree file, and saved
sessions (continue or start over, a changed tree, a corrupt save, an unwritable folder).
Waits are bounded and generous; nothing asserts on timing."""

from __future__ import annotations

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
from advice.app.screens.resume import ContinueScreen
from advice.check import check_file
from advice.saves import save
from advice.session import Session
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


def write_save(tree_path: Path, answers: dict[str, str]) -> Path:
    result = check_file(tree_path)
    assert result.tree is not None
    return save(Session(result.tree, TODAY, answers), tree_path, {}, now=SAVED_AT)


def test_the_picker_offers_to_continue_keys_and_mouse(tmp_path: Path) -> None:
    save_file = write_save(
        FOLLOW_UP, {"situation": "just-interviewed", "interview-date": "2026-11-20"}
    )

    async def start_over(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, PickerScreen)
        offer = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "continue where you left off (2 answers, saved 19 Nov 2026" in offer
        assert "continue" not in str(app.screen.query_one(OptionList).get_option_at_index(1).prompt)
        await pilot.press("enter")
        assert isinstance(app.screen, ContinueScreen)
        assert "2 answers" in shown_text(app)
        assert await pilot.click("#start-over")
        await pilot.pause()
        assert question_id(app) == "situation"
        await pilot.press("3")  # saved as it goes from now on
        assert isinstance(app.screen, RecommendationScreen)
        await pilot.press("t")
        offer = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "continue" not in offer  # opened in this run: switching back resumes

    async def go_on(pilot: Pilot[None], app: AdviceApp) -> None:
        offer = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "(1 answer, saved " in offer
        await pilot.press("enter", "c")
        assert isinstance(app.screen, RecommendationScreen)
        assert "Keep looking meanwhile" in shown_text(app)

    async def with_resume(pilot: Pilot[None], app: AdviceApp) -> None:
        offer = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "continue where you left off (1 answer, saved " in offer
        await pilot.press("enter")  # --resume continues without asking
        assert "Keep looking meanwhile" in shown_text(app)

    drive(make_app(APP_DATA), start_over)
    assert '"waiting"' in save_file.read_text(encoding="utf-8")
    drive(make_app(APP_DATA), go_on)
    drive(make_app(APP_DATA, resume=True), with_resume)


def test_one_tree_with_a_save_asks_at_start_and_a_changed_tree_drops_what_is_gone(
    tmp_path: Path,
) -> None:
    tree = copy_tree(tmp_path)
    write_save(tree, {"situation": "want-to-call", "timeframe": "no-timeframe"})
    text = tree.read_text(encoding="utf-8")
    tree.write_text(text.replace("no-timeframe", "no-date"), encoding="utf-8")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, ContinueScreen)
        await pilot.press("escape")  # escape continues: the choice that loses nothing
        assert question_id(app) == "timeframe"
        said = "\n".join(notes(app))
        assert "no longer fit and were dropped" in said
        assert '"Did they say when they would decide?" -> "No, they gave no date"' in said
        assert "that answer is no longer offered" in said

    drive(make_app(tree), script)


def test_a_corrupt_save_is_said_set_aside_and_the_app_goes_on(tmp_path: Path) -> None:
    save_file = write_save(FOLLOW_UP, {"situation": "waiting"})
    save_file.write_bytes(b"\x00garbage [@click=app.quit]x[/]{")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "situation"  # no offer: there is nothing to continue
        [said] = notes(app)
        assert said.startswith("the saved session was unreadable (not JSON")
        await pilot.press("3")
        assert isinstance(app.screen, RecommendationScreen)

    drive(make_app(FOLLOW_UP), script)
    [aside] = save_file.parent.glob("follow-up.corrupt-*.json")
    assert aside.read_bytes() == b"\x00garbage [@click=app.quit]x[/]{"
    assert not save_file.exists()  # without --resume nothing new was saved


@pytest.mark.parametrize(
    "garbage",
    [
        b'{"version": 1, "tree": "follow-up", "answers": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"version": 1, "tree": "follow-up", "n": ' + b"7" * 5000 + b"}",
        b"fifo",
    ],
    ids=["nested-100000-deep", "a-5000-digit-number", "a-fifo"],
)
def test_a_hostile_save_is_set_aside_and_the_app_starts(
    tmp_path: Path, garbage: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """These exited 70 (or hung, for a FIFO) at every start until the file was deleted."""
    monkeypatch.setenv("ADVICE_DATA_DIR", str(tmp_path / "data"))
    save_file = write_save(FOLLOW_UP, {"situation": "waiting"})
    save_file.unlink()
    if garbage == b"fifo":
        os.mkfifo(save_file)
    else:
        save_file.write_bytes(garbage)

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await wait_for(pilot, lambda: bool(notes(app)), "the message")
        assert question_id(app) == "situation"  # no offer: there is nothing to continue
        [said] = notes(app)
        assert said.startswith("the saved session was unreadable (")
        await pilot.press("3")
        assert isinstance(app.screen, RecommendationScreen)

    drive(make_app(FOLLOW_UP), script)
    [aside] = save_file.parent.glob("follow-up.corrupt-*.json")
    assert not os.path.lexists(save_file)
    if garbage != b"fifo":
        assert aside.read_bytes() == garbage


def test_a_save_written_meanwhile_by_another_walk_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two walks of one tree at once: the app's next save finds the other's and says so."""
    monkeypatch.setenv("ADVICE_DATA_DIR", str(tmp_path / "data"))
    write_save(FOLLOW_UP, {"situation": "want-to-call"})

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "timeframe"  # --resume continued the save
        theirs = write_save(FOLLOW_UP, {"situation": "waiting"})  # another walk saves
        before = theirs.read_bytes()
        await pilot.press("1")
        await pilot.pause()
        said = [n for n in notes(app) if "not being saved" in n]
        assert len(said) == 1, notes(app)
        assert "was changed by another walk of this tree" in said[0]
        assert "it was not overwritten" in said[0]
        assert theirs.read_bytes() == before

    drive(make_app(FOLLOW_UP, resume=True), script)


def test_an_unwritable_save_folder_is_said_once_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ADVICE_DATA_DIR", str(blocker))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("1", "enter")
        await pilot.press(*"Lee", "enter")
        assert isinstance(app.screen, RecommendationScreen)
        await pilot.press("escape")
        said = [n for n in notes(app) if "not being saved" in n]
        assert len(said) == 1, notes(app)
        assert said[0].startswith("Your answers are not being saved: could not write")

    drive(make_app(FOLLOW_UP, resume=True), script)
