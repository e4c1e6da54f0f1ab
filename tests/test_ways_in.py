"""Issue 16, point 5: a way in for every situation the articles speak to, among the
first answers, and a short path to each piece of advice (advice.routes)."""

from __future__ import annotations

import statistics

from advice.model import Question, Tree
from advice.routes import all_paths
from tests.support.walks import walk


def test_paths_are_short(shipped_tree: Tree) -> None:
    # Questions asked on each path from the start to a recommendation.
    lengths = [len(p.steps) for p in all_paths(shipped_tree)]
    assert statistics.median(lengths) <= 4, lengths
    assert max(lengths) <= 7, lengths


def test_every_situation_is_among_the_first_answers(shipped_tree: Tree) -> None:
    start = shipped_tree.nodes[shipped_tree.start]
    assert isinstance(start, Question)
    ids = [a.id for a in start.answers]
    assert len(ids) <= 9  # one glance, and a number key each
    for situation in (
        "just-interviewed",  # no thank-you note yet, however long ago
        "waiting",
        "no-word",
        "decision-passed",
        "want-to-call",
        "about-to-call",
        "no-call-back",
        "replied",
        "tempted",
    ):
        assert situation in ids


def test_no_thank_you_note_yet_is_not_only_for_today_or_yesterday(shipped_tree: Tree) -> None:
    start = shipped_tree.nodes[shipped_tree.start]
    assert isinstance(start, Question)
    label = next(a.label for a in start.answers if a.id == "just-interviewed")
    assert "today or yesterday" not in label and "thank-you note" in label
    node = walk("just-interviewed", "4 days", "mail")
    assert node["id"] == "thank-you-by-mail"


def test_a_decision_day_passed_offers_the_call_and_the_emails() -> None:
    question = walk("decision-passed")
    assert question["kind"] == "question"
    assert "community post" in question["text"] and "Singer" in question["text"]
    call = walk("decision-passed", "call", "about a week ago", "yesterday")
    assert call["id"] == "call-after-decision"
    # The other way is on the call's screen too.
    assert any(c["source"] == "singer" for d in call["disagreements"] for c in d["citations"])
    emails = walk("decision-passed", "emails", "about a week ago", "nothing-yet")
    assert emails["id"] == "email-hiring-manager"
    assert any(
        c["source"] == "community-post" for d in emails["disagreements"] for c in d["citations"]
    )


def test_about_to_call_gives_the_voicemail_script_and_the_message_at_once() -> None:
    node = walk("about-to-call", "about a week ago")
    assert node["id"] == "before-you-call"
    assert [t["kind"] for t in node["templates"]] == ["voicemail-script", "message-for-a-person"]


def test_they_replied_with_a_timeline() -> None:
    # Today is Friday 20 November.
    node = walk("replied", "gave-timeline", "about a week ago", "friday")
    assert node["id"] == "wait-for-their-date"
    # Decision Friday 27 November: the Tuesday after (003), never before their day.
    assert [s["date"] for s in node["schedule"]] == ["2026-12-01"]


def test_waiting_a_week_then_emailing_asks_nothing_about_what_was_done_since() -> None:
    # Only the interview's date is asked (Singer's emails are dated from it), then the
    # first email: nothing about what was done since.
    asked = walk("waiting", "emails")
    assert asked["kind"] == "question" and "done since" not in asked["title"]
    assert asked["title"] == "What day was the interview?"
    node = walk("waiting", "emails", "about a week ago")
    assert node["kind"] == "recommendation" and node["id"] == "email-hiring-manager"
