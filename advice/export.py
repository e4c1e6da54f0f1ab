"""The plan as a file: Markdown for people, iCalendar for calendar apps, JSON for scripts.

All three are built from the walk's view (`advice.view.walk_view`), the same data
`advice walk --json` prints, so the CLI, the app and every format agree on the steps,
dates and quotes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from advice.bylines import OTHER_VIEW, OUR_READING, THIS_STEP, grouped, signature
from advice.diagnostics import AdviceError
from advice.escape import CONTROL, shown
from advice.view import CitationView, RecommendationView, WalkView, step_text

FORMATS = ("md", "ics", "json")
# A day gone and not done, first in an event's title (a step marked done drops it).
PASSED = "Passed: "
PRODID = "-//advice//advice follow-up plan//EN"


# Text outside a fence is written as text: every character Markdown (or the HTML it
# allows) could act on is escaped with a backslash, which CommonMark defines for any
# ASCII punctuation; so a `<script>`, a `[link](...)` or a `**` in a value stays words.
_MD_ACTIVE = re.compile(r"([\\`*_\[\]<>&|~])")
# What starts a block when it begins a line: a heading, a list item, a heading
# underline, a quote ("2." and "2)" are escaped at their dot: a digit takes none).
_MD_LINE_START = re.compile(r"^(\s*)([-+=>#]|\d+(?=[.)]))", re.M)
_URL = re.compile(r"https?://[^\s<>]+\Z")


def md_text(text: str, *, one_line: bool = False) -> str:
    """Outside text as Markdown that shows it literally."""
    if one_line:
        text = " ".join(text.split())
    text = _MD_ACTIVE.sub(r"\\\1", shown(text))
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(m: re.Match[str]) -> str:
    indent, mark = m.groups()
    return f"{indent}{mark}\\" if mark[0].isdigit() else f"{indent}\\{mark}"


def md_fence(text: str) -> list[str]:
    """A fenced block holding `text` whole: its fence is longer than any run of
    backticks inside, so no line of the text can close it."""
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * max(3, *(n + 1 for n in runs)) if runs else "```"
    return [f"{fence}text", shown(text.rstrip("\n")), fence]


def _quote_lines(citations: Sequence[CitationView]) -> list[str]:
    # Each line of a quote gets its own '>' so a multi-line quote stays one block; the
    # quotes of one speaker share one byline (advice.bylines.grouped, as on screen).
    out: list[str] = []
    for who, quotes in grouped(citations):
        for quote in quotes:
            out += [f"> {md_text(line)}".rstrip() for line in quote.splitlines() or [""]]
            out.append(">")
        out += [f"> {signature(md_text(who, one_line=True))}", ""]
    return out


def to_markdown(view: WalkView, done: dict[int, str] | None = None) -> str:
    """`done`: a follow-up's steps marked done, by rule position -> "Done Thu 19 Nov"
    (said before the step, as the app's plan says it)."""
    node = view.node
    lines = [f"# {md_text(node.title, one_line=True)}", ""]
    if view.tree_title:
        title = md_text(view.tree_title, one_line=True)
        lines += [f"From *{title}*, as of {view.today.isoformat()}.", ""]
    if view.path:
        lines += ["## Your answers", ""]
        lines += [
            f"- {md_text(p.question, one_line=True)} **{md_text(p.answer, one_line=True)}**"
            for p in view.path
        ]
        lines.append("")
    if not isinstance(node, RecommendationView):
        lines += ["The walk stops at a question: answer it to get a recommendation.", ""]
        return "\n".join(lines)
    lines += [md_text(node.text), ""]
    if node.our_reading:
        lines += [f"*{OUR_READING}:* {md_text(node.our_reading)}", ""]
    if node.schedule:
        lines += ["## When", ""]
        for s in node.schedule:
            mark = f"{done[s.step]}: " if done and s.step in done else ""
            lines.append(f"- {mark}{md_text(step_text(s), one_line=True)}")
            if s.late_note:
                lines.append(f"  {md_text(s.late_note, one_line=True)}")
        lines.append("")
    for t in node.templates:
        lines += [f"## {md_text(t.title, one_line=True)}", ""]
        if t.missing:
            lines += ["Fill in the parts in [brackets] before you send it.", ""]
        lines += [*md_fence(t.text), ""]
    lines += [f"## {THIS_STEP}", ""]
    lines += _quote_lines(node.citations)
    for d in node.disagreements:
        lines += [f"## {OTHER_VIEW}: {md_text(d.summary, one_line=True)}", ""]
        lines += _quote_lines(d.citations)
    return "\n".join(lines).rstrip("\n") + "\n"


def event_uid(tree_id: str, node_id: str, step: int) -> str:
    """Stable per tree, recommendation and step: importing the plan again updates the
    same events instead of adding copies."""
    digest = hashlib.sha256(f"{tree_id}\0{node_id}\0{step}".encode()).hexdigest()[:16]
    return f"{digest}-{step}@advice"


def to_ics(view: WalkView) -> bytes:
    """One all-day event per dated step. DTSTAMP is the plan's `today` (midnight UTC), not
    the clock, so the same answers always give the same file."""
    node = view.node
    if not isinstance(node, RecommendationView):
        raise AdviceError(
            f"nothing to put in a calendar yet: the answers stop at the question "
            f"'{node.title}'; add an --answer for it"
        )
    if not node.schedule:
        raise AdviceError(f"nothing to put in a calendar: '{node.title}' has no dated steps")
    from icalendar import Calendar, Event, vText  # only here: its import costs more than the rest

    stamp = datetime.combine(view.today, datetime.min.time(), UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # vText: an X- property is not text to the library unless told, and then went out
    # unescaped (a newline in the title crashed it, a lone CR went through).
    cal.add("x-wr-calname", vText(_ics_line(node.title)))
    # The byline after a dash, not in brackets: it may hold brackets of its own.
    quotes = [f'"{c.quote}" {signature(c.byline)}' for c in node.citations]
    for s in node.schedule:
        event = Event()
        event.add("uid", event_uid(view.tree, node.id, s.step))
        event.add("dtstamp", stamp)
        event.add("dtstart", s.date)
        event.add("dtend", s.date + timedelta(days=1))  # all-day: the end is exclusive
        # A calendar shows the summary alone: a day already gone must not read there as
        # a step still to do (the description says more).
        summary = f"{PASSED}{s.action}" if s.past else s.action
        event.add("summary", vText(_ics_line(summary)))
        deadline = "Deadline: do it by this day.\n\n" if s.by else ""
        # A day already gone says so in the calendar too (the same sentence as the plan).
        late = f"{step_text(s)}\n{s.late_note or ''}".rstrip() + "\n\n"
        late = late if s.past or s.planned else ""
        about = f"{late}{deadline}{_ics_line(node.title)}\n{node.text}\n\n" + "\n".join(quotes)
        event.add("description", vText(shown(about)))  # its line breaks: escaped as \n
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        cal.add_component(event)
    return bytes(cal.to_ical())


def _ics_line(text: str) -> str:
    """A title or a step as a calendar shows it: one line (a `|` block's line breaks
    and runs of spaces become one space), nothing that drives a terminal."""
    return shown(" ".join(text.split()), one_line=True)


def to_json(data: Any) -> str:
    # json escapes C0 controls itself; C1, DEL and the bidi controls it leaves raw, so
    # they are written as \u escapes too: the same data for a parser, inert on a screen.
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def view_json(view: WalkView) -> str:
    """`advice walk --json`: the view's fields, in order, as JSON."""
    return to_json(msgspec.to_builtins(view))


def encode(view: WalkView, fmt: str, done: dict[int, str] | None = None) -> bytes:
    """The plan in one of FORMATS, as the bytes to write (`done`: see to_markdown)."""
    if fmt == "md":
        return to_markdown(view, done).encode("utf-8")
    if fmt == "ics":
        return to_ics(view)
    if fmt == "json":
        return view_json(view).encode("utf-8")
    raise AdviceError(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}")
