"""Issue 16, points 1, 2 and 6, on the shipped tree through the real CLI and the app:
whose words each quote is, bylines, what the texts claim, and both sides of a
disagreement, each labelled, each quote once."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from typing import Any

from advice.app.advice_app import AdviceApp
from advice.app.screens.recommendation import RecommendationScreen
from advice.model import Recommendation, Tree
from tests.support import TODAY
from tests.support.app import shown_text
from tests.support.walks import advice, every_path, walk

# The answers that reach a recommendation, by its id (one path each, from the tree).
CALL = ["want-to-call", "call", "yesterday", "gave-time", "3 days"]
EMAIL = ["just-interviewed", "yesterday", "email"]


def every_citation(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [*node["citations"], *(c for d in node["disagreements"] for c in d["citations"])]


# -- 1. who said it ------------------------------------------------------------------


def test_walk_json_names_the_speaker_of_every_quote() -> None:
    node = walk("want-to-call", "no-call")
    assert node["id"] == "dont-call"
    negative = next(c for c in node["citations"] if "absolute, positively negative" in c["quote"])
    assert negative["speaker"] == "the blog post's writer"
    assert negative["byline"] == "the writer (unnamed) of a post on a job-board blog"
    own = next(c for c in node["citations"] if "invading his time" in c["quote"])
    assert own["speaker"] == "A. Harrison Barnes" and own["reported"] is False
    assert own["speaker_role"] == "founder of and professional career coach"
    assert own["byline"] == (
        "A. Harrison Barnes, career coach, quoted in a post on a job-board blog"
    )
    reported = next(c for c in node["citations"] if "frustrating" in c["quote"])
    assert reported["speaker"] == "A. Harrison Barnes" and reported["reported"] is True
    assert reported["byline"] == (
        "A. Harrison Barnes, career coach, as reported (not quoted) by a post on another"
        " job-board blog"
    )
    # The article's fields are still there; the articles have no titles (null), and
    # our description of each is labelled as such by its key.
    for c in every_citation(node):
        assert {"source", "author", "role", "title", "publisher", "url", "quote"} <= set(c)
        assert c["title"] is None and c["description"]


def test_the_hr_managers_words_are_hers_not_barnes() -> None:
    node = walk("tempted", "gift")
    hr = next(c for c in node["citations"] if "I can’t accept these gifts" in c["quote"])
    assert hr["speaker"] == "a human resources manager for a cellular company"
    assert "Barnes" not in hr["byline"]


def test_bylines_name_no_one_twice_and_nest_no_brackets(shipped_tree: Tree) -> None:
    seen = set()
    for answers in every_path(shipped_tree):
        for c in every_citation(walk(*answers)):
            byline = c["byline"]
            seen.add(byline)
            assert byline.count(c["speaker"]) <= 1, byline
            assert not re.search(r"\([^)]*\(", byline), byline
            assert "Barnes" not in byline or c["speaker"] == "A. Harrison Barnes", byline
    assert len(seen) >= 5


def test_every_front_end_shows_the_engines_byline() -> None:
    """The plain walk, the Markdown export and the app print the same byline."""
    byline = "A. Harrison Barnes, career coach, quoted in a post on a job-board blog"
    plain = advice("walk", "interview-follow-up", stdin="5\n1\n")
    assert f"— {byline}\n" in plain
    md = advice(
        "export",
        "interview-follow-up",
        "--answer",
        "want-to-call",
        "--answer",
        "no-call",
        "--format",
        "md",
    )
    assert f"> — {byline}\n" in md
    text = on_screen({"situation": "want-to-call", "should-call": "no-call"})
    assert f"— {byline}" in text


def test_the_calendar_file_nests_no_brackets_either() -> None:
    answers = [x for a in CALL for x in ("--answer", a)]
    ics = advice(
        "export", "interview-follow-up", *answers, "--today", TODAY.isoformat(), "--format", "ics"
    )
    unfolded = ics.replace("\n ", "").replace("\\,", ",")
    [description] = [line for line in unfolded.splitlines() if line.startswith("DESCRIPTION")]
    assert "— the writer (unnamed) of a post on a job seekers' community site" in description
    assert not re.search(r"\([^)]*\(", description), description


# -- 2. every claim supported by its quotes ---------------------------------------------


def test_singer_is_not_cited_for_the_thank_you_note() -> None:
    for channel in ("handwritten", "mail", "email"):
        node = walk("just-interviewed", "yesterday", channel)
        assert "singer" not in {c["source"] for c in every_citation(node)}, channel
    node = walk(*EMAIL)
    assert any(
        c["quote"] == "Some career counselors say email is acceptable" for c in node["citations"]
    )


def test_no_text_assumes_a_card_for_someone_who_emailed(shipped_tree: Tree) -> None:
    node = walk(*EMAIL)
    assert "card" not in (node["title"] + node["text"]).lower()
    for r in shipped_tree.recommendations():
        said = f"{r.title} {r.text}"
        assert "card instead" not in said and "card was enough" not in said, r.id


def test_a_text_that_names_someone_cites_their_words(shipped_tree: Tree) -> None:
    """'Barnes says...' rests on Barnes's quoted or reported words, not a post writer's;
    'Singer' on Singer's; the community post on its own. For a step's text and for each
    other view's summary, against that side's own quotes."""

    def check(where: str, said: str, cited: set[tuple[str, str]]) -> None:
        if "Barnes" in said:
            assert any(speaker == "barnes" for _, speaker in cited), where
        if "Singer" in said:
            assert ("singer", "writer") in cited, where
        if "community post" in said:
            assert ("community-post", "writer") in cited, where

    for r in shipped_tree.recommendations():
        check(r.id, f"{r.title} {r.text}", {(c.source, c.speaker) for c in r.citations})
        for d in r.disagreements:
            check(f"{r.id}: {d.summary}", d.summary, {(c.source, c.speaker) for c in d.citations})


def test_our_reading_is_shown_labelled_as_ours() -> None:
    label = "Our reading, not the articles' words"
    node = walk(*CALL)
    assert "Skipping Saturday and Sunday" in node["our_reading"]
    plain = advice("walk", "interview-follow-up", stdin="5\n2\nyesterday\n1\n3 days\n\n\n\n\n")
    assert f"{label}: Skipping Saturday and Sunday too is our reading" in plain
    md = advice(
        "export",
        "interview-follow-up",
        *[x for a in CALL for x in ("--answer", a)],
        "--today",
        TODAY.isoformat(),
        "--format",
        "md",
    )
    assert f"*{label}:* Skipping Saturday and Sunday" in md
    screen = on_screen(
        {
            "situation": "want-to-call",
            "should-call": "call",
            "call-interview-date": "2026-11-19",
            "told-timeframe": "gave-time",
            "decision-date": "2026-11-22",
        }
    )
    assert f"{label}: Skipping Saturday and Sunday" in screen


# -- 6. disagreements a person can read -------------------------------------------------


def on_screen(answers: dict[str, str]) -> str:
    """What the real app shows on the shipped tree after these answers."""
    app = AdviceApp.from_path(None, TODAY, blink=False, preset={"interview-follow-up": answers})
    app.animation_level = "none"
    shown: list[str] = []

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, RecommendationScreen)
            shown.append(shown_text(app))

    asyncio.run(run())
    return shown[0]


def test_the_call_screen_shows_each_quote_once_and_labels_both_sides() -> None:
    node = walk(*CALL)
    text = on_screen(
        {
            "situation": "want-to-call",
            "should-call": "call",
            "call-interview-date": "2026-11-19",
            "told-timeframe": "gave-time",
            "decision-date": "2026-11-22",
        }
    )
    for c in every_citation(node):
        assert text.count(c["quote"].split("\n")[0][:60]) == 1, c["quote"]
    assert text.count("For this step") == 1
    assert text.count("The other view") == len(node["disagreements"]) >= 2
    # The step's own side comes first, then each other view.
    assert text.index("For this step") < text.index("The other view")


def test_plain_walk_and_markdown_show_the_same_structure() -> None:
    node = walk(*CALL)
    answers = [x for a in CALL for x in ("--answer", a)]
    md = advice(
        "export", "interview-follow-up", *answers, "--today", TODAY.isoformat(), "--format", "md"
    )
    plain = advice("walk", "interview-follow-up", stdin="5\n2\nyesterday\n1\n3 days\n\n\n\n\n")
    assert md.count("## For this step") == 1 and plain.count("For this step:") == 1
    for d in node["disagreements"]:
        assert f"## The other view: {d['summary']}" in md
        assert f"The other view: {d['summary']}" in plain
    for c in every_citation(node):
        first = c["quote"].split("\n")[0][:60]
        assert md.count(first) == 1 and plain.count(first) == 1, first


def test_no_quote_twice_on_one_step(shipped_tree: Tree) -> None:
    for r in shipped_tree.recommendations():
        quotes = Counter(
            c.quote for c in [*r.citations, *(c for d in r.disagreements for c in d.citations)]
        )
        assert [q for q, n in quotes.items() if n > 1] == [], r.id


def cites(r: Recommendation, source: str, words: str, side: str) -> bool:
    cs = r.citations if side == "step" else [c for d in r.disagreements for c in d.citations]
    return any(c.source == source and words in c.quote for c in cs)


def test_every_step_where_a_disagreement_applies_shows_it(shipped_tree: Tree) -> None:
    for r in shipped_tree.recommendations():
        phones = "voicemail-script" in r.templates
        emails = bool({"hiring-manager-email", "recruiter-email"} & set(r.templates))
        if phones:  # the posts say don't call; the community post says call
            assert cites(r, "barnes-minimum", "Don’t call the interviewer", "other"), r.id
            assert cites(r, "barnes-call", "invading his time", "other"), r.id
        if emails:  # the card is the only thing you should do; the community post calls
            assert cites(r, "barnes-minimum", "the only thing you should do", "other"), r.id
            assert cites(r, "community-post", "give them a call", "other"), r.id
    dont_call = shipped_tree.nodes["dont-call"]
    assert isinstance(dont_call, Recommendation)
    assert cites(dont_call, "community-post", "useful but under-used", "other")
