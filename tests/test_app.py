"""The real app driven by key presses and clicks (Pilot), on stable fixture trees."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from advice.app.advice_app import AdviceApp
from advice.app.screens.details import DetailsScreen
from advice.app.screens.error import ErrorScreen
from advice.app.screens.export import ExportScreen
from advice.app.screens.help import HelpScreen
from advice.app.screens.picker import PickerScreen
from advice.app.screens.question import QuestionScreen
from advice.app.screens.recommendation import RecommendationScreen
from advice.app.widgets.answers import AnswerList
from advice.app.widgets.breadcrumb import Breadcrumb
from advice.app.widgets.chrome import TooSmall
from advice.app.widgets.keybar import KeyBar
from tests.support import DATA
from tests.support.app import (
    APP_DATA,
    EVERYTHING,
    MARKUP,
    THANK_YOU,
    cells_before,
    drawn,
    drawn_lines,
    drive,
    make_app,
    paste,
    question_id,
    replace_text,
    shown_text,
    style_at,
)


async def to_thank_you(pilot: Pilot[None]) -> None:
    """Interviewed -> date (default today) -> interviewer name -> the recommendation."""
    await pilot.press("1", "enter")
    await paste(pilot, "Ms Lee")
    await pilot.press("enter")


def test_walk_to_a_recommendation_and_back_with_escape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVICE_DATA_DIR", str(tmp_path))

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "situation"
        await to_thank_you(pilot)
        assert isinstance(app.screen, RecommendationScreen)
        text = shown_text(app)
        assert "Send a thank-you note within a day" in text
        assert "By Saturday 21 November 2026: Send your thank-you note" in text  # today + 1
        assert "Your best bet is to send a gracious thank you card." in text
        # Each side labelled, each quote with its speaker's byline (issue 16).
        assert "For this step" in text and "The other view" in text
        assert "— A. Harrison Barnes, career coach, quoted in a post on a job-board blog" in text
        assert "— the writer (unnamed) of a post on a job seekers' community site" in text
        assert "Dear Ms Lee," in text and "[Company]" in text
        await pilot.press("escape")
        assert question_id(app) == "interviewer"
        assert app.screen.query_one(Input).value == "Ms Lee"  # the answer is kept
        await pilot.press("escape")
        assert question_id(app) == "interview-date"
        assert app.screen.query_one(Input).value == "2026-11-20"
        await replace_text(pilot, "someday")
        await pilot.press("enter")
        assert question_id(app) == "interview-date"  # a bad date: said inline, stays
        assert "'someday' is not a date we understand" in shown_text(app)
        await replace_text(pilot, "yesterday")
        await pilot.press("enter")  # a changed answer: the name still applies, so on to the end
        assert isinstance(app.screen, RecommendationScreen)
        assert "By Friday 20 November 2026: Send your thank-you note" in shown_text(app)

    drive(make_app(), script)
    assert not (tmp_path / "sessions").exists()


def test_backspace_goes_back_the_previous_answer_is_highlighted_typing_ahead_is_safe() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        first = app.screen
        assert isinstance(first, QuestionScreen)
        await pilot.press("3")
        assert isinstance(app.screen, RecommendationScreen)
        assert "Keep looking meanwhile" in shown_text(app)
        # Keys typed ahead that reach the screen being replaced must not act.
        first.action_pick(1)
        first.action_back()
        await pilot.pause()
        assert isinstance(app.screen, RecommendationScreen)
        assert app.screen.session.cursor == "keep-looking"
        await pilot.press("backspace")
        assert question_id(app) == "situation"
        assert app.screen.query_one(AnswerList).highlighted == 2
        await pilot.press("backspace")  # already at the first question: stays
        assert question_id(app) == "situation"

    drive(make_app(), script)


def test_arrows_enter_and_a_click_pick_answers() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("down", "enter")
        assert question_id(app) == "timeframe"
        await pilot.press("escape")
        # Row 0 is the list's border; the third answer is on row 3.
        assert await pilot.click("#answers", offset=(6, 3))
        await pilot.pause()
        assert "Keep looking meanwhile" in shown_text(app)

    drive(make_app(), script)


ROW = Breadcrumb.CRUMBS_ROW  # the line of answers (row 0 is the top bar)


async def click_crumb(pilot: Pilot[None], n: int) -> None:
    """Click the n-th crumb shown (1 = the oldest shown), where the user sees it."""
    crumbs = pilot.app.screen.query_one(Breadcrumb)
    span = crumbs.spans[n - 1]
    assert await pilot.click(Breadcrumb, offset=(crumbs.gutter.left + span.start + 1, ROW))
    await pilot.pause()


def test_changing_an_answer_in_the_breadcrumb_keeps_later_answers_that_apply() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, RecommendationScreen)
        crumbs = app.screen.query_one(Breadcrumb)
        assert [s.label for s in crumbs.spans] == [
            "I interviewed today or yesterday",
            "2026-11-20",
            "Ms Lee",
        ], crumbs.spans
        await pilot.hover(Breadcrumb, offset=(crumbs.gutter.left + crumbs.spans[2].start, ROW))
        assert crumbs.tooltip is not None and "(Ms Lee)" in str(crumbs.tooltip)
        await click_crumb(pilot, 1)  # "I interviewed today or yesterday"
        await pilot.pause()
        assert question_id(app) == "situation"
        assert app.screen.query_one(AnswerList).highlighted == 0
        await pilot.press("2")  # change course: another branch
        assert question_id(app) == "timeframe"
        await click_crumb(pilot, 1)
        await pilot.press("1")  # back to the first branch: date and name still apply
        assert isinstance(app.screen, RecommendationScreen)
        assert "Dear Ms Lee," in shown_text(app)

    drive(make_app(answers=THANK_YOU), script)


def test_a_narrow_breadcrumb_folds_the_oldest_answers_and_keeps_where_you_are() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        crumbs = app.screen.query_one(Breadcrumb)
        line = drawn(crumbs, ROW).strip()
        assert line == "Step 4  … › 2026-11-20 › Ms Lee › Your next step", line
        assert [s.node_id for s in crumbs.spans] == ["interview-date", "interviewer"]
        await pilot.resize_terminal(120, 30)
        line = drawn(crumbs, ROW).strip()
        assert line.startswith("Step 4  I interviewed today or yesterday › 2026"), line
        await click_crumb(pilot, 2)
        assert question_id(app) == "interview-date"

    drive(make_app(answers=THANK_YOU), script, size=(60, 24))


def test_step_one_says_how_the_line_of_answers_works() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        hint = "Step 1  Your answers show here; click one to change it"
        assert drawn(app.screen.query_one(Breadcrumb), ROW).strip() == hint
        await pilot.press("2")
        line = drawn(app.screen.query_one(Breadcrumb), ROW).strip()
        assert line == "Step 2  I'm thinking of calling them › This question", line
        await pilot.press("escape")  # back at step 1, the answer still highlighted
        assert drawn(app.screen.query_one(Breadcrumb), ROW).strip() == hint

    drive(make_app(), script)


def test_crumbs_after_wide_characters_are_clicked_where_they_are_drawn() -> None:
    """An emoji or CJK character takes two cells: clicks on the first and last cell of a
    crumb drawn after one must reach that crumb's question."""

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("1", "enter")  # the emoji answer, then the date (today)
        await paste(pilot, "界 Lee")
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)
        crumbs = app.screen.query_one(Breadcrumb)
        line = drawn(crumbs, ROW)
        assert "🎉 › 2026-11-20 › 界 Lee ›" in line, line
        date_at = cells_before(line, "2026-11-20")  # the drawn line includes padding
        await pilot.click(Breadcrumb, offset=(date_at + len("2026-11-20") - 1, ROW))
        assert question_id(app) == "met"
        await pilot.press("enter", "enter")  # the date and the name, as they were
        assert isinstance(app.screen, RecommendationScreen)
        line = drawn(app.screen.query_one(Breadcrumb), ROW)
        await pilot.click(Breadcrumb, offset=(cells_before(line, "界"), ROW))
        assert question_id(app) == "who"

    drive(make_app(EVERYTHING), script, size=(200, 30))


def test_the_crumb_tooltip_names_the_crumb_under_the_mouse_only() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        crumbs = app.screen.query_one(Breadcrumb)
        line = drawn(crumbs, ROW)
        name_at = cells_before(line, "Ms Lee")
        await pilot.hover(Breadcrumb, offset=(name_at, ROW))
        assert "(Ms Lee)" in str(crumbs.tooltip)
        await pilot.hover("#rec-body")  # off the line of answers
        await pilot.hover(Breadcrumb, offset=(1, ROW))  # on "Step 4", not a crumb
        assert crumbs.tooltip is None
        await pilot.hover(Breadcrumb, offset=(name_at, ROW))
        await pilot.click(Breadcrumb, offset=(name_at, ROW))  # the crumbs change under it
        assert question_id(app) == "interviewer" and crumbs.tooltip is None

    drive(make_app(answers=THANK_YOU), script)


def test_copy_and_details_that_fill_every_text_for_the_whole_run() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("c")
        assert app.clipboard.startswith("Dear Ms Lee,\n\nThank you for meeting me")
        assert "[Company]" in app.clipboard and "[Your name]" in app.clipboard
        assert any("Copied: Thank-you note" in n.message for n in app._notifications)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        wanted = {"Back", "Restart", "Switch tree", "Save plan", "Copy text", "Your details"}
        assert wanted | {"Toggle light/dark", "Help"} <= titles
        await pilot.press("d")
        assert isinstance(app.screen, DetailsScreen)
        # Fields in `placeholders` order: Your name, Interviewer's name, Company. The
        # interviewer was answered on the way: that field shows the answer, greyed, and
        # Enter skips it (one value per fact).
        interviewer = next(f for f in app.screen.query(Input) if f.name == "interviewer")
        assert interviewer.value == "Ms Lee" and interviewer.disabled
        await paste(pilot, "Sam Roe")
        await pilot.press("enter")
        await paste(pilot, "Acme")
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)
        text = shown_text(app)
        assert "Sincerely,\nSam Roe" in text and "position at Acme." in text
        assert "[Company]" not in text
        await pilot.press("c")
        assert "Acme" in app.clipboard
        await pilot.press("r", "1", "enter", "P", "o", "e", "enter")  # a new walk, same run
        assert "Dear Poe," in shown_text(app) and "Sam Roe" in shown_text(app)

    drive(make_app(answers=THANK_YOU), script)


def test_save_plan_as_markdown_default_path_edited_path_and_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    bad = Path("a-file") / "plan.md"

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("s")
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one(Input).value == "advice-plan-follow-up.md"
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)

        await pilot.press("s")
        await replace_text(pilot, str(bad))
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # still open: nothing lost
        assert app.screen.query_one(Input).value == str(bad)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith(f"could not write {bad}") for m in messages), messages
        await replace_text(pilot, "plans/mine.md")
        await pilot.press("enter")
        assert isinstance(app.screen, RecommendationScreen)

    drive(make_app(answers=THANK_YOU), script)
    md = (tmp_path / "advice-plan-follow-up.md").read_text(encoding="utf-8")
    assert md.startswith("# Send a thank-you note within a day\n")
    assert "- What is the interviewer's name? **Ms Lee**" in md
    assert "- By 2026-11-21 (Saturday): Send your thank-you note" in md
    assert "> — the writer (unnamed) of a post on a job seekers' community site" in md
    assert "> It's perfectly acceptable, and in fact, expected" in md
    assert "Dear Ms Lee," in md
    assert (tmp_path / "plans" / "mine.md").read_text(encoding="utf-8") == md
    assert not (tmp_path / bad).exists()


@pytest.mark.parametrize("name", ["adv007_missing_target.yaml", "adv001_syntax.yaml"])
def test_a_broken_tree_opens_the_error_screen(name: str) -> None:
    path = DATA / "bad" / name
    code, line = re.match(r"# expect: (ADV\d+) (\d+)", path.read_text()).groups()  # type: ignore[union-attr]

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, ErrorScreen)
        text = shown_text(app)
        # shown relative to the folder the app started in, as `advice check` prints it
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        assert re.search(rf"{re.escape(str(shown))}:{line}:\d+: {code} ", text), text

    drive(make_app(path), script)


def test_a_broken_tree_in_the_picker_says_so_and_opens_its_problems(tmp_path: Path) -> None:
    good = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "a-good.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "b-broken.yaml").write_text(good.replace("goto: wait", "goto: wiat"), "utf-8")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, PickerScreen)
        listed = app.screen.query_one(OptionList)
        assert "b-broken.yaml" in str(listed.get_option_at_index(1).prompt)
        assert "has 1 problem(s)" in str(listed.get_option_at_index(1).prompt)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ErrorScreen)
        assert "b-broken.yaml:" in shown_text(app) and "ADV007" in shown_text(app)
        await pilot.press("t", "enter")
        assert question_id(app) == "q1"

    drive(make_app(tmp_path), script)


def test_the_error_screen_checks_again_after_a_fix(tmp_path: Path) -> None:
    tree = tmp_path / "tree.yaml"
    good = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
    tree.write_text(good.replace("goto: wait", "goto: wiat"), encoding="utf-8")

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, ErrorScreen)
        assert "ADV007" in shown_text(app)
        tree.write_text(good, encoding="utf-8")
        await pilot.press("r")
        assert question_id(app) == "q1"

    drive(make_app(tree), script)


def test_markup_in_a_tree_is_shown_literally_and_clicks_do_nothing() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        text = shown_text(app)
        assert "Is [bold]this[/] literal? [@click=app.quit]click[/]" in text
        assert "Help with [/] and [red]colour[/red]" in text
        labels = drawn_lines(app.screen.query_one(AnswerList))[1:]  # row 0: the border
        assert "[@click=app.quit]click[/]" in labels[0] and "[bold]Bold?[/] [/]" in labels[1]
        await pilot.click("#question-text", offset=(40, 0))  # on "click"
        await pilot.pause()
        assert app.is_running and question_id(app) == "q"
        await pilot.press("1")
        text = shown_text(app)
        assert "Dear [Interviewer name], [bold]" in text
        assert "Click this: [@click=app.quit]click[/] and [/]" in text
        assert "[b]Other[/b] view [@click=app.quit]click[/]" in text
        assert (
            "Dear [Interviewer name],\nHello [Interviewer name], [@click=app.quit]click[/]" in text
        )
        await pilot.click("#rec-text", offset=(14, 0))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, RecommendationScreen)

    drive(make_app(MARKUP), script)


def test_picker_lists_trees_and_switching_back_resumes() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, PickerScreen)
        text = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "After the interview" in text and "1 to 3 questions" in text
        await pilot.press("enter", "2")
        assert question_id(app) == "timeframe"
        await pilot.press("t")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("down", "enter")
        assert question_id(app) == "q"  # the markup tree
        await pilot.press("t", "enter")
        assert question_id(app) == "timeframe"  # where we left it

    drive(make_app(APP_DATA), script)


def test_help_theme_and_the_command_palette() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert question_id(app) == "situation"
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("3", "ctrl+p", *"restart")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        await pilot.pause()
        assert question_id(app) == "situation"

    drive(make_app(), script)


def test_the_key_bar_shows_this_screens_keys_and_a_click_presses_one() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        bar = app.screen.query_one(KeyBar)
        line = drawn(bar)
        assert re.search(r"esc Back\s+r Restart\s+1-9 Pick\s+\^q Quit\s+\? Help", line), line
        assert line.rstrip().endswith("^p palette")
        await pilot.press("1")  # to a date question: number keys type, so no "Pick"
        assert question_id(app) == "interview-date"
        line = drawn(bar)  # redrawn when the keys changed
        assert "Back" in line and "Pick" not in line, line
        back = cells_before(line, "esc Back")
        await pilot.hover(KeyBar, offset=(back + 1, 0))
        assert style_at(bar, back + 1).reverse  # the key under the mouse
        assert not style_at(bar, cells_before(line, "F1 Help")).reverse
        await pilot.click(KeyBar, offset=(back + 1, 0))
        assert question_id(app) == "situation"
        await pilot.click(KeyBar, offset=(cells_before(drawn(bar), "? Help") + 1, 0))
        assert isinstance(app.screen, HelpScreen)

    drive(make_app(), script)


def test_on_a_typed_answer_the_key_bar_names_the_help_key_that_works_there() -> None:
    # A date field takes "?" as typing; the bar said "? Help" there all the same.
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        bar = app.screen.query_one(KeyBar)
        await pilot.press("1")
        assert question_id(app) == "interview-date"
        line = drawn(bar)
        assert "F1 Help" in line and "? Help" not in line, line
        await pilot.press("question_mark")
        assert app.screen.query_one("#answer-input", Input).value.endswith("?")
        await pilot.click(KeyBar, offset=(cells_before(line, "F1 Help") + 1, 0))
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")  # the help, then back to the first question
        assert question_id(app) == "situation"
        assert "? Help" in drawn(bar)

    drive(make_app(), script)


def test_at_the_narrowest_the_key_bar_keeps_help_and_the_palette_key() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert isinstance(app.screen, RecommendationScreen)  # the screen with most keys
        line = drawn(app.screen.query_one(KeyBar))
        assert len(line) <= 60 and "? Help" in line and line.rstrip().endswith("^p"), line
        await pilot.click(KeyBar, offset=(len(line.rstrip()) - 1, 0))
        await pilot.pause(0.3)  # the palette opens its search in the background
        assert type(app.screen).__name__ == "CommandPalette"

    drive(make_app(answers=THANK_YOU), script, size=(60, 20))


def test_a_too_small_terminal_shows_a_message_instead() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        message = app.screen.query_one(TooSmall)
        assert message.display and "too small (50x12)" in str(message.render())
        assert not app.screen.query_one("#question-text").display
        await pilot.resize_terminal(80, 24)
        assert not message.display and app.screen.query_one("#question-text").display

    drive(make_app(), script, size=(50, 12))


def test_a_terminal_made_too_small_later_shows_the_message_then() -> None:
    # The message is made only when needed (it costs start-up): on the first resize
    # below the minimum, on whichever screen shows.
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        assert not app.screen.query(TooSmall)
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        message = app.screen.query_one(TooSmall)
        assert message.display and "too small (50x12)" in str(message.render())
        assert not app.screen.query_one("#question-text").display
        await pilot.press("1")  # the next screen, still too small
        await pilot.pause()
        assert app.screen.query_one(TooSmall).display

    drive(make_app(), script, size=(80, 24))


def test_the_shipped_tree_reaches_a_cited_recommendation_with_keys() -> None:
    """Does not depend on the shipped tree's ids: first answers until a recommendation."""

    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        for _ in range(30):
            if isinstance(app.screen, RecommendationScreen):
                break
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("enter")  # the first answer, or an input's default
        assert isinstance(app.screen, RecommendationScreen)
        assert app.screen.query("QuoteBlock")
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionScreen)

    drive(make_app(None), script)


def test_resume_continues_where_the_last_run_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVICE_DATA_DIR", str(tmp_path))

    async def first(pilot: Pilot[None], app: AdviceApp) -> None:
        await pilot.press("d")
        await paste(pilot, "Sam Roe")
        await pilot.press("ctrl+s")
        await pilot.press("escape")  # stop at the name question

    async def second(pilot: Pilot[None], app: AdviceApp) -> None:
        assert question_id(app) == "interviewer"
        assert app.screen.query_one(Input).value == "Ms Lee"
        await pilot.press("enter")
        assert "Sincerely,\nSam Roe" in shown_text(app)

    drive(make_app(answers=THANK_YOU), first)
    assert (tmp_path / "advice.db").is_file()  # always saved: no flag
    drive(make_app(resume=True), second)  # --resume still accepted


def test_a_missing_path_is_one_clear_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        ["advice", str(tmp_path / "nope.yaml")], capture_output=True, text=True, timeout=30
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"advice: no such file or folder: {tmp_path / 'nope.yaml'}"
