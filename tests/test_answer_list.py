"""The question screen's answer list (app/widgets/answers.py), driven by real keys and
clicks: it replaced Textual's OptionList, so what that widget did must still work."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from advice.app.advice_app import AdviceApp
from advice.app.widgets.answers import AnswerList
from tests.support import DATA
from tests.support.app import drawn_lines, drive, make_app, question_id, style_at

LONG = "a long answer that goes on " * 4  # wraps at 60 columns


def many_long_answers(tmp_path: Path) -> Path:
    """The minimal tree with nine answers, each two or more lines wide at 60 columns."""
    text = (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8")
    answers = "".join(
        f'      - {{id: "a{n}", label: "{n}: {LONG}", goto: {"wait" if n % 2 else "send"}}}\n'
        for n in range(1, 10)
    )
    start = text.index("    answers:\n") + len("    answers:\n")
    end = text.index("  send:")
    path = tmp_path / "long.yaml"
    rest = text[end:].replace('answers: ["no"]', 'answers: ["a2"]')  # the examples
    rest = rest.replace('answers: ["yes"]', 'answers: ["a1"]')
    path.write_text(text[:start] + answers + rest, encoding="utf-8")
    return path


def answers(app: AdviceApp) -> AnswerList:
    return app.screen.query_one("#answers", AnswerList)


def test_arrows_go_round_the_ends_and_home_end_jump() -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        listed = answers(app)
        assert listed.has_focus and listed.highlighted == 0
        await pilot.press("up")  # from the first, round to the last
        assert listed.highlighted == len(listed.labels) - 1
        await pilot.press("down")  # and back round to the first
        assert listed.highlighted == 0
        await pilot.press("end")
        assert listed.highlighted == len(listed.labels) - 1
        await pilot.press("home", "down", "enter")
        assert question_id(app) == "timeframe"  # the second answer of the first question

    drive(make_app(), script)


def test_a_long_answer_wraps_and_a_click_on_its_second_line_picks_it(tmp_path: Path) -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        lines = drawn_lines(answers(app))[1:-1]  # inside the border
        first = next(n for n, line in enumerate(lines) if "1: a long" in line)
        second = next(n for n, line in enumerate(lines) if "2: a long" in line)
        assert second - first >= 2, lines  # answer 1 took two lines or more
        assert "goes on" in lines[first + 1]  # its second line is its own text
        text_at = lines[first].index("1: a long")  # after the key, "1  "
        more = lines[first + 1]
        assert len(more) - len(more.lstrip(" │")) == text_at, lines  # under the text
        # A click on answer 2's second line (row 0 is the border).
        assert await pilot.click("#answers", offset=(10, 1 + second + 1))
        await pilot.pause()
        assert "Send a thank-you card" in str(app.screen.query_one("#rec-title").render())

    drive(make_app(many_long_answers(tmp_path)), script, size=(60, 40))


def test_the_mouse_highlights_the_answer_under_it(tmp_path: Path) -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        listed = answers(app)
        await pilot.press("tab")  # focus away: the hover shows, not the cursor
        plain = style_at(listed, 2)
        await pilot.hover("#answers", offset=(10, 1))
        await pilot.pause()
        assert listed._hover == 0
        await pilot.hover("#question-text")
        await pilot.pause()
        assert listed._hover is None
        assert style_at(listed, 2) == plain

    drive(make_app(), script)


def test_the_screen_scrolls_to_the_highlighted_answer(tmp_path: Path) -> None:
    async def script(pilot: Pilot[None], app: AdviceApp) -> None:
        body = app.screen  # the question scrolls with the screen, under its bars
        listed = answers(app)
        assert body.scroll_y == 0 and listed.outer_size.height > body.size.height
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y > 0
        last = app.screen.get_widget_at(30, body.region.bottom - 2)[0]
        assert last is listed
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert listed.highlighted > 0 and body.scroll_y > 0

    drive(make_app(many_long_answers(tmp_path)), script, size=(60, 20))
