"""A fact-checker's read of the shipped tree against the four articles (issue 16's
review): each finding that was fixed has its test here, through the real CLI on the
real tree, and docs/coverage.md against the articles' own paragraphs."""

from __future__ import annotations

import re
from typing import Any

from advice.check import check_paths
from advice.library import shipped_dir
from advice.model import Recommendation, Tree
from tests.support import SOURCES, needs_sources
from tests.support.coverage_doc import DOC, HEADING
from tests.support.walks import every_path, walk

THANK_YOU = [("handwritten", None), ("mail", "a card or letter by mail"), ("email", "an email")]


def test_a_thank_you_step_that_says_thank_them_cites_the_words_that_say_it() -> None:
    # 000, ¶3: "Remind the interviewer you appreciate his time; and, of course, now's the
    # time to reiterate your continued interest ..." The steps said "thank them for their
    # time" and quoted only the second half.
    for channel, _ in THANK_YOU:
        node = walk("just-interviewed", "yesterday", channel)
        assert "thank them for their time" in node["text"], channel
        assert any(
            c["quote"].startswith("Remind the interviewer you appreciate his time")
            and c["speaker_id"] == "writer"
            and c["source"] == "barnes-call"
            for c in node["citations"]
        ), channel


def test_mail_and_email_steps_say_the_day_and_closing_lines_are_our_reading() -> None:
    # 000 gives "within a day" and the closing lines for the handwritten card Barnes
    # recommends; 001 (mail, email) gives no day. Borrowing them is ours, and says so.
    for channel, mine in THANK_YOU:
        node = walk("just-interviewed", "yesterday", channel)
        if mine is None:
            assert node["our_reading"] is None, channel
            continue
        assert "within a day" in node["title"].lower(), channel
        reading = node["our_reading"] or ""
        assert "Within a day" in reading and mine in reading, channel


def sides(node: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(what the reader is told, the bylines under it) for each other view."""
    return [(d["summary"], [c["byline"] for c in d["citations"]]) for d in node["disagreements"]]


def test_the_other_post_is_the_one_whose_byline_says_another(shipped_tree: Tree) -> None:
    # The bylines call 000 "a post on a job-board blog" and 001 "a post on another
    # job-board blog". A summary saying "the other job-board blog post" for 000 (as the
    # mail and email steps did) points the reader at the wrong byline; a step text that
    # cites both posts has no single "other post".
    for answers in every_path(shipped_tree):
        node = walk(*answers)
        if node["kind"] != "recommendation":
            continue
        text = " ".join(node["text"].split())
        assert "the other post" not in text and "other job-board" not in text, node["id"]
        for summary, bylines in sides(node):
            if re.search(r"\b(the other|another) job-board blog", summary, re.IGNORECASE):
                assert all(b.endswith("another job-board blog") for b in bylines), summary


def test_about_to_call_says_not_before_their_timeframe_is_up() -> None:
    # 003, "Follow up at the appropriate time": someone about to dial is told when not to.
    node = walk("about-to-call", "about a week ago")
    assert node["id"] == "before-you-call"
    assert "Don't call before the time they gave" in node["text"]
    assert "follow up in a week" in node["text"]
    assert any(
        c["quote"].startswith("Don't call before the timeframe they gave is up")
        and "follow up in a week" in c["quote"]
        for c in node["citations"]
    )


# -- docs/coverage.md against the articles ----------------------------------------------


def paragraphs(file: str, teaser: bool) -> list[str]:
    """The article's paragraphs as coverage.md numbers them: non-empty lines, without
    the stray 'Notice:' lines, and without 002's teaser (its own row, not numbered)."""
    lines = (SOURCES / file).read_text(encoding="utf-8").splitlines()
    out = [line for line in lines if line.strip() and not line.startswith("Notice:")]
    return out[1:] if teaser else out


def plain(text: str) -> str:
    for a, b in {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "…": "..."}.items():
        text = text.replace(a, b)
    return " ".join(text.split())


def coverage_rows() -> list[tuple[int, str, str, str, list[str]]]:
    """(line, source id, ¶ label, advice, node ids) of each row of an article's table."""
    out, source = [], None
    for number, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):
            m = HEADING.match(line)
            source = m.group("source") if m else None
        elif source and line.startswith("| ") and not line.startswith(("| ---", "| ¶")):
            cells = [c.strip() for c in line.strip("|").split("|")]
            out.append((number, source, cells[0], cells[1], re.findall(r"`([^`]+)`", cells[3])))
    return out


@needs_sources
def test_a_rows_quoted_words_are_in_the_paragraph_it_names() -> None:
    listed = check_paths([shipped_dir()])[0].sources
    assert listed is not None
    files = {s.id: s.file for s in listed.sources}
    rows = coverage_rows()
    teasers = {source for _, source, label, _, _ in rows if label == "teaser"}
    checked = 0
    for number, source, label, advice, _ in rows:
        every = paragraphs(files[source], False)
        paras = paragraphs(files[source], source in teasers)
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", label)
        for piece in quoted(advice):
            where = f"docs/coverage.md:{number}: {piece!r}"
            assert any(piece in plain(p) for p in every), f"{where} is not in {source}"
            if m:
                first, last = int(m.group(1)), int(m.group(2) or m.group(1))
                span = " ".join(paras[first - 1 : last])
                assert piece in plain(span), f"{where} is not in ¶{label}"
                checked += 1
    assert checked >= 15


def quoted(advice: str) -> list[str]:
    """The words a row's advice column sets in quotation marks, split at '...'."""
    pieces = [p for q in re.findall(r"\"([^\"]+)\"", plain(advice)) for p in q.split("...")]
    return [p.strip(" .") for p in pieces if p.strip(" .")]


def test_each_node_a_row_names_cites_the_rows_quoted_words(shipped_tree: Tree) -> None:
    checked = 0
    for number, source, _, advice, nodes in coverage_rows():
        words = quoted(advice)
        for node_id in nodes if words else []:
            r = shipped_tree.nodes[node_id]
            assert isinstance(r, Recommendation), node_id
            cs = [*r.citations, *(c for d in r.disagreements for c in d.citations)]
            quotes = [plain(c.quote) for c in cs if c.source == source]
            assert any(w in q or q in w for w in words for q in quotes), (
                f"docs/coverage.md:{number}: `{node_id}` does not quote {words[0]!r}"
            )
            checked += 1
    assert checked >= 30


def test_every_step_with_an_other_view_is_in_the_disagreements_table(shipped_tree: Tree) -> None:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("## Where the articles disagree", 1)[1].split("\n## ", 1)[0]
    shown = set()
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3:
            shown |= set(re.findall(r"`([^`]+)`", cells[2]))
    for r in shipped_tree.recommendations():
        if r.disagreements:
            assert r.id in shown, f"docs/coverage.md: {r.id} shows an other view, not listed"


# What a step's title or text says -> words its own quotes must hold for it (lower case,
# straight apostrophes). Each row is a claim the review found a step making.
CLAIMS = {
    "thank them for their time": ("appreciate his time", "thank them"),
    "lose your cool": ("lose your cool",),
    "awkward": ("awkward",),
    "icky": ("icky",),
    "monday": ("monday",),
    "two messages": ("more than two messages",),
    "within a day": ("within a day",),
    "voicemail": ("voice mail",),
    "keep browsing": ("browse the many available positions",),
    "keep looking at other openings": ("browse the many available positions",),
    "chalk it up": ("chalk it up",),
    "in no hurry": ("in any hurry",),
    "future opening": ("future opening",),
    "deal breaker": ("deal breaker",),
    "frustrating": ("frustrating",),
    "references": ("references",),
    "distracts": ("distract",),
    "about a week": ("about a week",),
}


def test_what_a_step_says_is_in_its_own_quotes(shipped_tree: Tree) -> None:
    for answers in every_path(shipped_tree):
        node = walk(*answers)
        if node["kind"] != "recommendation":
            continue
        said = " ".join(f"{node['title']} {node['text']}".lower().split())
        own = " ".join(c["quote"].lower().replace("’", "'") for c in node["citations"])
        for claim, support in CLAIMS.items():
            if claim in said:
                assert any(s in own for s in support), f"{node['id']}: '{claim}' unquoted"


def test_what_an_other_view_says_is_in_its_own_quotes(shipped_tree: Tree) -> None:
    # The call steps' other view said Barnes "says a call only distracts the
    # interviewer" and Singer's steps were "for about a week with no word", with
    # neither passage among its quotes.
    for answers in every_path(shipped_tree):
        node = walk(*answers)
        for d in node.get("disagreements", []):
            said = " ".join(d["summary"].lower().split())
            own = " ".join(c["quote"].lower().replace("’", "'") for c in d["citations"])
            for claim, support in CLAIMS.items():
                if claim in said:
                    assert any(s in own for s in support), f"{node['id']}: '{claim}' unquoted"
