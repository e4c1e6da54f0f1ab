"""The plan as a file: Markdown for people, iCalendar for calendar apps, JSON for scripts.

All three are built from `summary.session_json`, the same data `advice walk --json`
prints, so the CLI, the app and every format agree on the steps, dates and quotes.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from advice.bylines import OTHER_VIEW, OUR_READING, THIS_STEP, grouped
from advice.diagnostics import AdviceError
from advice.escape import CONTROL, shown

FORMATS = ("md", "ics", "json")
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


def _quote_lines(citations: list[dict[str, Any]]) -> list[str]:
    # Each line of a quote gets its own '>' so a multi-line quote stays one block; the
    # quotes of one speaker share one byline (advice.bylines.grouped, as on screen).
    out: list[str] = []
    for who, quotes in grouped(citations):
        for quote in quotes:
            out += [f"> {md_text(line)}".rstrip() for line in quote.splitlines() or [""]]
            out.append(">")
        out += [f"> — {md_text(who, one_line=True)}", ""]
    return out


def step_line(s: dict[str, Any], long: bool = False) -> str:
    """One dated step as a sentence: 'By 2026-11-21 (Saturday): Send your note';
    `long`: 'By Saturday 21 November 2026: ...' (the app). A day before today says so:
    passed, or moved to the first day the rule allows from today."""

    def name(iso: str) -> str:
        day = date.fromisoformat(iso)
        return f"{day:%A} {day.day} {day:%B %Y}" if long else f"{iso} ({day:%A})"

    when = f"{'By' if s['by'] else 'On'} {name(s['date'])}"
    if s.get("past"):
        return f"{when}, which has passed: {s['action']}"
    if s.get("planned"):
        planned = date.fromisoformat(s["planned"])
        return (
            f"{when}: {s['action']}. Moved: the rule's day, {planned:%A} {planned.day} "
            f"{planned:%B %Y}, has passed; this is the first day from today it allows"
        )
    return f"{when}: {s['action']}"


def to_markdown(data: dict[str, Any]) -> str:
    node = data["node"]
    lines = [f"# {md_text(node['title'], one_line=True)}", ""]
    if data.get("tree_title"):
        title = md_text(data["tree_title"], one_line=True)
        lines += [f"From *{title}*, as of {data.get('today', '')}.", ""]
    if data["path"]:
        lines += ["## Your answers", ""]
        lines += [
            f"- {md_text(p['question'], one_line=True)} **{md_text(p['answer'], one_line=True)}**"
            for p in data["path"]
        ]
        lines.append("")
    if node["kind"] != "recommendation":
        lines += ["The walk stops at a question: answer it to get a recommendation.", ""]
        return "\n".join(lines)
    lines += [md_text(node["text"]), ""]
    if node.get("our_reading"):
        lines += [f"*{OUR_READING}:* {md_text(node['our_reading'])}", ""]
    if node["schedule"]:
        lines += ["## When", ""]
        for s in node["schedule"]:
            lines.append(f"- {md_text(step_line(s), one_line=True)}")
            if s.get("late_note"):
                lines.append(f"  {md_text(s['late_note'], one_line=True)}")
        lines.append("")
    for t in node["templates"]:
        lines += [f"## {md_text(t['title'], one_line=True)}", ""]
        if t.get("missing"):
            lines += ["Fill in the parts in [brackets] before you send it.", ""]
        lines += [*md_fence(t["text"]), ""]
    lines += [f"## {THIS_STEP}", ""]
    lines += _quote_lines(node["citations"])
    for d in node["disagreements"]:
        lines += [f"## {OTHER_VIEW}: {md_text(d['summary'], one_line=True)}", ""]
        lines += _quote_lines(d["citations"])
    return "\n".join(lines).rstrip("\n") + "\n"


def event_uid(tree_id: str, node_id: str, step: int) -> str:
    """Stable per tree, recommendation and step: importing the plan again updates the
    same events instead of adding copies."""
    digest = hashlib.sha256(f"{tree_id}\0{node_id}\0{step}".encode()).hexdigest()[:16]
    return f"{digest}-{step}@advice"


def to_ics(data: dict[str, Any]) -> bytes:
    """One all-day event per dated step. DTSTAMP is the plan's `today` (midnight UTC), not
    the clock, so the same answers always give the same file."""
    node = data["node"]
    steps = node.get("schedule") or []
    if node["kind"] != "recommendation":
        raise AdviceError(
            f"nothing to put in a calendar yet: the answers stop at the question "
            f"'{node['title']}'; add an --answer for it"
        )
    if not steps:
        raise AdviceError(f"nothing to put in a calendar: '{node['title']}' has no dated steps")
    from icalendar import Calendar, Event, vText  # only here: its import costs more than the rest

    stamp = datetime.combine(date.fromisoformat(data["today"]), datetime.min.time(), UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # vText: an X- property is not text to the library unless told, and then went out
    # unescaped (a newline in the title crashed it, a lone CR went through).
    cal.add("x-wr-calname", vText(_ics_line(node["title"])))
    # The byline after a dash, not in brackets: it may hold brackets of its own.
    quotes = [f'"{c["quote"]}" — {c["byline"]}' for c in node["citations"]]
    for s in steps:
        day = date.fromisoformat(s["date"])
        event = Event()
        event.add("uid", event_uid(data["tree"], node["id"], s["step"]))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))  # all-day: the end is exclusive
        # A calendar shows the summary alone: a day already gone must not read there as
        # a step still to do (the description says more).
        summary = f"Passed: {s['action']}" if s.get("past") else s["action"]
        event.add("summary", vText(_ics_line(summary)))
        deadline = "Deadline: do it by this day.\n\n" if s["by"] else ""
        # A day already gone says so in the calendar too (the same sentence as the plan).
        late = f"{step_line(s)}\n{s.get('late_note') or ''}".rstrip() + "\n\n"
        late = late if s.get("past") or s.get("planned") else ""
        about = f"{late}{deadline}{_ics_line(node['title'])}\n{node['text']}\n\n" + "\n".join(
            quotes
        )
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


def encode(data: dict[str, Any], fmt: str) -> bytes:
    """The plan in one of FORMATS, as the bytes to write."""
    if fmt == "md":
        return to_markdown(data).encode("utf-8")
    if fmt == "ics":
        return to_ics(data)
    if fmt == "json":
        return to_json(data).encode("utf-8")
    raise AdviceError(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}")
