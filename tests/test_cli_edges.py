"""Rough edges a new user hit on the command line (issue 15), through the real console
script on the shipped tree."""

from __future__ import annotations

import pytest

from tests.plan_support import TODAY, run

SHIPPED = "interview-follow-up"


def test_the_plain_walk_answers_a_wrong_number_in_the_users_terms() -> None:
    out = run("walk", SHIPPED, "--today", TODAY, stdin="8\nsoon\njust-interviewed\nq\n")
    assert out.returncode == 0, out.stderr
    assert "  7. I want to connect with the interviewer online or send a gift\n" in out.stdout
    said = [line for line in out.stdout.splitlines() if line.startswith("Sorry")]
    how = "Type a number from 1 to 7 (or b to go back, q to quit)."
    assert said == [
        f"Sorry: 8 is not one of the answers. {how}",
        f"Sorry: soon is not one of the answers. {how}",
    ]
    # No internal ids in what the user is told; an id typed still works (scripts).
    assert "valid:" not in out.stdout and "'situation'" not in out.stdout
    assert "What day was the interview?" in out.stdout


def test_walk_answer_with_a_bad_id_still_lists_the_ids_for_scripts() -> None:
    out = run("walk", SHIPPED, "--answer", "nope", "--json")
    assert out.returncode == 1
    assert "valid: just-interviewed, want-to-call, waiting" in out.stderr


NAMES = "interviewer, interview_date, position, company, high_point, common, name, phone, recruiter"


@pytest.mark.parametrize("command", ["walk", "export"])
def test_fill_with_a_name_no_text_uses_is_an_error_listing_the_names(command: str) -> None:
    out = run(command, SHIPPED, "--fill", "recuiter=Bo Li", "--today", TODAY)
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr == (
        f"advice: --fill recuiter: no ready text of {SHIPPED} uses this name; "
        f"did you mean 'recruiter'? Names they use: {NAMES}.\n"
    )
    assert run(command, SHIPPED, "--fill", "recruiter=Bo Li", "--today", TODAY).returncode == 0


@pytest.mark.parametrize("command", ["walk", "export"])
def test_help_says_where_the_fill_names_are(command: str) -> None:
    out = run(command, "--help")
    assert out.returncode == 0
    text = " ".join(out.stdout.split())
    assert "the names are the tree file's `placeholders:`" in text
    assert "a NAME no text uses is an error that lists them" in text
