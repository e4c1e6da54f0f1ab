"""`advice walk` without --json: the plain prompt, driven over a pipe like a script or a
screen reader would, through the real console script."""

from __future__ import annotations

import pytest

from tests.support import run
from tests.support.plan import TODAY_ARG as TODAY
from tests.support.plan import TREE


def walk(stdin: str, *args: str) -> str:
    out = run("walk", str(TREE), "--today", TODAY, *args, stdin=stdin)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert "\x1b" not in out.stdout  # no colour, no cursor movement
    return out.stdout


def test_a_whole_walk_with_a_default_a_text_and_the_details_asked_once() -> None:
    # 1 = just interviewed; Enter = the default date (today); a name; then the
    # details the note uses: the interviewer typed, the company left blank.
    out = walk("1\n\nAda Lovelace\nMs Lee\n\n\n")
    assert "  1. I just interviewed\n  2. I am waiting to hear\n" in out
    assert "Type a date [Enter: today, Friday 2026-11-20] (b back, q quit): \n" in out
    assert "What is your name?" in out
    # Asked for the two details the note still needs, not the name typed already.
    assert "Interviewer's name: Ms Lee\nCompany: \n" in out
    assert "Your name:" not in out
    assert "When:\n  By 2026-11-21 (Saturday): Send your thank-you note\n" in out
    # The quote, then whose words they are: the post's writer, not Barnes (issue 16).
    assert (
        'For this step:\n  "It’s important to do this within a day of the interview."\n'
        "    — the writer (unnamed) of a post on a job-board blog\n"
    ) in out
    assert "\nThe other view: The community post would also call.\n" in out
    assert "Dear Ms Lee,\nThank you for meeting me at [Company].\nSincerely,\nAda Lovelace\n" in out
    assert "Fill in the parts in [brackets] before you send it." in out


def test_fill_on_the_command_line_is_not_asked_again() -> None:
    out = walk("1\n2026-11-19\nAda\n", "--fill", "interviewer=Ms Lee", "--fill", "company=Acme")
    assert "The texts for this step use a few details" not in out
    assert "Dear Ms Lee,\nThank you for meeting me at Acme." in out
    assert "By 2026-11-20 (Friday)" in out


def test_typed_values_are_shown_literally() -> None:
    out = walk("1\n\n{0.__class__} [bold]x[/bold]\n{company}\n[@click=app.quit]\n")
    assert "Dear {company},\nThank you for meeting me at [@click=app.quit].\n" in out
    assert "Sincerely,\n{0.__class__} [bold]x[/bold]\n" in out


def test_wrong_answers_are_explained_and_asked_again() -> None:
    out = walk("9\nmaybe\n2\nsoonish\n2026-11-19\n1\n\n")
    # In the terms of the numbered list, not the tree's ids.
    assert out.count("Sorry: 9 is not one of the answers. Type a number from 1 to 2") == 1
    assert "Sorry: maybe is not one of the answers." in out
    assert "situation" not in out
    assert "Sorry: 'soonish' is not a date we understand" in out
    # The decision date defaults to "3 days" after the interview: Sunday the 22nd.
    assert "Type a date [Enter: 3 days, Sunday 2026-11-22] (b back, q quit): \n" in out
    assert "  On 2026-11-24 (Tuesday): Call them\n" in out
    assert "--- Voicemail script ---\nHello, this is [Your name];" in out


def test_enter_without_a_default_asks_again() -> None:
    out = walk("\n2\n\n")
    assert "Please type an answer (or b to go back, q to quit)." in out
    assert out.count("What day was the interview?") == 2  # asked again after Enter


def test_back_from_the_result_keeps_the_answers() -> None:
    # At the result: b goes back to the last question, whose answer Enter keeps.
    out = walk("2\n2026-11-19\n2\nb\n\n\n")
    assert out.count("Next step: Follow up in a week") == 2
    assert "  2. They gave no date (your answer)\n" in out
    assert "Answer 1-2 (Enter keeps your answer, b back, q quit): \n" in out


def test_back_at_the_first_question_and_quit() -> None:
    out = walk("b\nq\n")
    assert "Already at the first question." in out
    assert "Next step" not in out


def test_end_of_input_mid_walk_stops_quietly() -> None:
    out = walk("2\n")
    assert out.endswith("Type a date (b back, q quit): \n")


def test_no_color_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Plain mode never emits colour or emphasis codes, so NO_COLOR has nothing to remove.
    stdin = "2\n2026-11-19\n2\n"
    plain = walk(stdin)
    monkeypatch.setenv("NO_COLOR", "1")
    assert walk(stdin) == plain


def test_a_typed_date_is_said_back_as_the_day_it_was_read_as() -> None:
    # "1" right after a numbered list reads as a day ago: the walk says which day, as
    # the app's line of answers does.
    out = run("walk", "interview-follow-up", "--today", TODAY, stdin="3\n1\n1\n\n\n\n\n\n")
    assert out.returncode == 0, out.stderr
    assert "(b back, q quit): 1\nThat is Thursday 19 November 2026.\n" in out.stdout
