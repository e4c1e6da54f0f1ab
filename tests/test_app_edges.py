"""Rough edges a new user hit in the app (issue 15), on the shipped tree, with keys."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from advice.app.advice_app import AdviceApp
from advice.app.screens.choose import ChooseScreen
from advice.app.screens.details import DetailsScreen
from advice.app.screens.export import ExportScreen
from advice.app.screens.help import HelpScreen
from advice.app.screens.picker import PickerScreen
from advice.app.screens.question import QuestionScreen
from advice.app.screens.recommendation import RecommendationScreen
from advice.app.widgets.keybar import KeyBar
from advice.library import shipped_dir
from advice.loader import load_tree
from advice.model import Question, Tree
from advice.routes import all_paths
from tests.support import DATA
from tests.support import run as run_advice
from tests.support.app import (
    cells_before,
    drawn,
    drive,
    make_app,
    notes,
    shown_text,
    walk_to,
)


async def to_one_more_message(pilot: Pilot[None], app: AdviceApp) -> RecommendationScreen:
    """ "I called, left a message, and nobody called back" -> "One": a step with two
    ready texts (the voicemail script, the message for the person who answers)."""
    await walk_to(pilot, app, "one-more-message")
    screen = app.screen
    assert isinstance(screen, RecommendationScreen)
    assert str(screen.query_one("#rec-title", Static).render()) == "Leave one more message at most"
    return screen


def test_the_recommendation_scrolls_with_keys_after_the_terminal_was_too_small() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        screen = await to_one_more_message(pilot, app)
        body = screen.query_one("#rec-body")
        assert body.max_scroll_y > 0
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.press("pagedown")
        assert body.scroll_y > 0
        await pilot.press("home", "down")
        assert body.scroll_y == 1
        await pilot.press("end")
        assert body.scroll_y == body.max_scroll_y

    drive(make_app(None), script)


def test_the_answers_take_arrow_keys_after_the_terminal_was_too_small() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        first = screen.session.tree.nodes[screen.shown_id]
        assert isinstance(first, Question)
        then = screen.session.tree.nodes[first.answers[1].goto]
        assert isinstance(then, Question)
        await pilot.press("down", "enter")  # the second answer
        assert str(app.screen.query_one("#question-text", Static).render()) == then.text

    drive(make_app(None), script)


VOICEMAIL = "Hello [Interviewer's name], this is [Your name]."
MESSAGE = "Could you please tell [Interviewer's name] that [Your name] called?"


def rows_in_view(screen: RecommendationScreen) -> list[tuple[int, int]]:
    """Each ready text's (rows inside the scrolled view, rows in all), read off the
    screen's geometry (not the screen's own rule, which the test checks)."""
    view = screen.query_one("#rec-body").region
    blocks = screen.query(".template-text")
    return [(b.region.intersection(view).height, b.region.height) for b in blocks]


def test_c_copies_the_ready_text_in_view_when_it_is_the_second() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        screen = await to_one_more_message(pilot, app)

        # Scroll down, a line at a time, until the first text has mostly gone up out of
        # view and the second is whole: `c` copies that one without asking.
        def only_the_second() -> bool:
            (first, first_lines), (second, lines) = rows_in_view(screen)
            return first * 2 < first_lines and second == lines

        for _ in range(80):
            if only_the_second():
                break
            await pilot.press("down")
            await pilot.pause()
        assert only_the_second()
        await pilot.press("c")
        assert app.screen is screen  # nothing to ask
        assert app.clipboard.startswith(MESSAGE)
        await pilot.press("home", "c")  # at the top the first shows, or both do
        if isinstance(app.screen, ChooseScreen):
            await pilot.press("1")
        assert app.clipboard.startswith(VOICEMAIL)

    drive(make_app(None), script, size=(80, 16))


def test_c_asks_which_text_when_both_are_in_view_or_neither() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        screen = await to_one_more_message(pilot, app)
        await pilot.press("end", "c")  # both texts fill the bottom of the screen
        assert isinstance(app.screen, ChooseScreen)
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert labels == ["1  Voicemail script", "2  Message for the person who answers"]
        await pilot.press("2")
        assert app.screen is screen
        assert app.clipboard.startswith(MESSAGE)
        await pilot.press("home", "c")  # at the top neither shows: ask, esc copies nothing
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("down", "enter")
        assert app.clipboard.startswith(MESSAGE)
        app.copy_to_clipboard("")
        await pilot.press("c", "escape")
        assert app.screen is screen and app.clipboard == ""

    drive(make_app(None), script)


def test_s_never_writes_over_a_plan_the_user_may_have_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    edited = tmp_path / "advice-plan-interview-follow-up.md"
    edited.write_text("my own notes\n", encoding="utf-8")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await to_one_more_message(pilot, app)
        await pilot.press("s")
        assert isinstance(app.screen, ExportScreen)
        # The default is a new name, and the dialog says why.
        assert app.screen.query_one(Input).value == "advice-plan-interview-follow-up-2.md"
        note = str(app.screen.query_one("#export-note", Static).render())
        assert note.startswith("advice-plan-interview-follow-up.md is there already")
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)
        assert notes(app)[-1] == "Saved the plan to advice-plan-interview-follow-up-2.md"

        # Typing a taken name: asked first; Enter again replaces it.
        await pilot.press("s")
        await pilot.press("home", "ctrl+k")
        await pilot.press(*"advice-plan-interview-follow-up.md", "enter")
        assert isinstance(app.screen, ExportScreen)
        assert edited.read_text(encoding="utf-8") == "my own notes\n"
        assert "is there already" in str(app.screen.query_one("#export-error", Static).render())
        assert str(app.screen.query_one("#save", Button).label) == "Replace (Enter)"
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)

    drive(make_app(None), script)
    assert edited.read_text(encoding="utf-8").startswith("# Leave one more message at most\n")
    second = tmp_path / "advice-plan-interview-follow-up-2.md"
    assert second.read_text(encoding="utf-8") == edited.read_text(encoding="utf-8")


def test_a_new_name_after_the_warning_asks_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"{name} by hand\n", encoding="utf-8")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await to_one_more_message(pilot, app)
        await pilot.press("s", "home", "ctrl+k", "a", ".", "m", "d", "enter")
        await pilot.press("home", "ctrl+k", "b", ".", "m", "d", "enter")
        assert isinstance(app.screen, ExportScreen)  # b.md is asked about in its turn
        assert str(app.screen.query_one("#save", Button).label) == "Replace (Enter)"
        await pilot.press("escape")

    drive(make_app(None), script)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "a.md by hand\n"
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "b.md by hand\n"


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 16)])
def test_the_details_dialog_fits_the_screen_with_its_buttons(size: tuple[int, int]) -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await to_one_more_message(pilot, app)
        await pilot.press("d")
        assert isinstance(app.screen, DetailsScreen)
        screen = app.screen.region
        box = app.screen.query_one(".dialog").region
        assert screen.contains_region(box), (box, screen)
        assert box.height < screen.height  # the top bar stays in view
        for button in app.screen.query(Button):
            assert box.contains_region(button.region)
        fields = list(app.screen.query(Input))
        tree = load_tree(shipped_dir() / "interview-follow-up.yaml").value
        assert isinstance(tree, Tree)
        assert len(fields) == len(tree.placeholders)  # every detail the shipped texts use
        if size[1] >= 24:  # all in view; on a shorter screen they scroll
            assert all(box.contains_region(f.region) for f in fields)

    drive(make_app(None), script, size)


def test_the_details_save_key_is_the_one_its_button_names_and_enter_goes_on() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await to_one_more_message(pilot, app)
        await pilot.press("d")
        assert isinstance(app.screen, DetailsScreen)
        assert str(app.screen.query_one("#save", Button).label) == "Save (ctrl+s)"
        await pilot.press(*"Sam", "enter", *"Lee", "enter")
        assert isinstance(app.screen, DetailsScreen)  # Enter went on to the next field
        assert app.screen.focused is app.screen.query_one("#field-2", Input)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, RecommendationScreen)
        assert app.details["name"] == "Sam" and app.details["interviewer"] == "Lee"

    drive(make_app(None), script)


def test_a_detail_the_answers_fill_does_not_look_empty() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("1", "enter", "3")  # interviewed today; by email
        assert isinstance(app.screen, RecommendationScreen)
        assert "Thank you for your time today;" in shown_text(app)
        await pilot.press("d")
        field = next(f for f in app.screen.query(Input) if f.name == "interview_date")
        # The answer shows in its field, which cannot be typed over (one value per fact).
        assert field.disabled
        assert drawn(field).strip() == "Friday 20 November"
        assert "Greyed ones are your answers: go back to change them." in shown_text(app)

    drive(make_app(None), script)


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 16)])
def test_an_answered_detail_is_drawn_whole_and_the_dialog_still_fits(
    size: tuple[int, int],
) -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        # The longest weekday and month: the field once read "Wednesday 30 September
        # (your answer; c" at every size, the rest cut off.
        await pilot.press("1", "ctrl+u", *"2026-09-30", "enter", "3")
        assert isinstance(app.screen, RecommendationScreen)
        await pilot.press("d")
        assert isinstance(app.screen, DetailsScreen)
        answered = [f for f in app.screen.query(Input) if f.disabled]
        assert {f.name for f in answered} == {"interview_date", "interview_when"}
        for field in answered:
            assert drawn(field).strip() == field.value, field.value
        assert "Wednesday 30 September" in {f.value for f in answered}
        box = app.screen.query_one(".dialog").region
        assert app.screen.region.contains_region(box)
        for button in app.screen.query(Button):
            assert box.contains_region(button.region)

    drive(make_app(None), script, size)


def test_s_with_a_folder_saves_the_plan_in_it_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await to_one_more_message(pilot, app)
        await pilot.press("s", "home", "ctrl+k", *"plans", "enter")
        assert isinstance(app.screen, ExportScreen)
        inside = "plans/advice-plan-interview-follow-up.md"
        said = str(app.screen.query_one("#export-error", Static).render())
        assert said == f"plans is a folder: Enter saves the plan in it as {inside}."
        assert app.screen.query_one(Input).value == inside
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)
        assert notes(app)[-1] == f"Saved the plan to {inside}"

    drive(make_app(None), script)
    text = (tmp_path / "plans" / "advice-plan-interview-follow-up.md").read_text(encoding="utf-8")
    assert text.startswith("# Leave one more message at most\n")


def two_trees(folder: Path) -> Path:
    """A folder with the shipped tree (and its sources) and a small one: the picker."""
    shutil.copy(shipped_dir() / "interview-follow-up.yaml", folder)
    shutil.copy(shipped_dir() / "sources.yaml", folder)
    shutil.copy(DATA / "good" / "minimal.yaml", folder / "minimal.yaml")
    return folder


def test_the_picker_says_how_many_questions_a_walk_asks(tmp_path: Path) -> None:
    """The shipped tree has many questions; a walk through it asks a few of them."""
    tree = load_tree(shipped_dir() / "interview-follow-up.yaml").value
    assert isinstance(tree, Tree)
    lengths = [len(p.steps) for p in all_paths(tree)]
    questions = sum(1 for n in tree.nodes.values() if isinstance(n, Question))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        follow_up = next(s for s in shown if s.startswith("Following up after a job interview"))
        assert follow_up.endswith(f"\n{min(lengths)} to {max(lengths)} questions")
        assert f"{questions} questions" not in "\n".join(shown)

    drive(make_app(two_trees(tmp_path)), script)


def test_the_picker_key_bar_says_enter_opens_a_tree_and_a_click_on_it_does(
    tmp_path: Path,
) -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, PickerScreen)
        bar = app.screen.query_one(KeyBar)
        shown, _ = bar.keys()
        assert [k.description for k in shown][:1] == ["Open"]
        line = drawn(bar)
        await pilot.click(KeyBar, offset=(cells_before(line, "Open"), 0))
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)

    drive(make_app(two_trees(tmp_path)), script)


@pytest.mark.parametrize("size", [(60, 16), (80, 24), (100, 30)])
def test_help_fits_the_screen_with_its_last_line(size: tuple[int, int]) -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one(".dialog").region
        assert app.screen.region.contains_region(box) and box.height < size[1]
        hint = app.screen.query(".dialog-hint").last()
        assert str(hint.render()) == "esc closes"
        assert box.contains_region(hint.region)

    drive(make_app(None), script, size)


def test_the_app_takes_a_shipped_tree_id_as_walk_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no file of that name here: the id is meant

    async def run() -> None:
        app = make_app(Path("interview-follow-up"))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.session.tree.id == "interview-follow-up"
            assert "Where are you with this interview?" in shown_text(app)

    asyncio.run(run())


def test_an_unknown_name_for_the_app_says_which_trees_there_are(tmp_path: Path) -> None:
    out = run_advice("nope", cwd=tmp_path)
    assert out.returncode == 1
    assert out.stderr == (
        "advice: no such file or folder: nope "
        "(nor a shipped tree; those are: interview-follow-up)\n"
    )
