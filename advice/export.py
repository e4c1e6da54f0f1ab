"""The plan as a file: Markdown for people, iCalendar for calendar apps, JSON for scripts.

All three are built from `summary.session_json`, the same data `advice walk --json`
prints, so the CLI, the app and every format agree on the steps, dates and quotes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from advice.diagnostics import AdviceError

FORMATS = ("md", "ics", "json")
PRODID = "-//advice//advice follow-up plan//EN"


def _byline(c: dict[str, Any]) -> str:
    who = c["author"] or c["source"]
    parts = [f"{who}, {c['role']}" if c.get("role") else who]
    if c.get("title"):
        parts.append(f"*{c['title']}*")
    if c.get("publisher"):
        parts.append(str(c["publisher"]))
    if c.get("url"):
        parts.append(f"<{c['url']}>")
    return ", ".join(parts)


def _quote_lines(c: dict[str, Any]) -> list[str]:
    # Each line of a quote gets its own '>' so a multi-line quote stays one block.
    body = [f"> {line}".rstrip() for line in c["quote"].splitlines() or [""]]
    return [*body, ">", f"> — {_byline(c)}", ""]


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
    lines = [f"# {node['title']}", ""]
    if data.get("tree_title"):
        lines += [f"From *{data['tree_title']}*, as of {data.get('today', '')}.", ""]
    if data["path"]:
        lines += ["## Your answers", ""]
        lines += [f"- {p['question']} **{p['answer']}**" for p in data["path"]]
        lines.append("")
    if node["kind"] != "recommendation":
        lines += ["The walk stops at a question: answer it to get a recommendation.", ""]
        return "\n".join(lines)
    lines += [node["text"], ""]
    if node["schedule"]:
        lines += ["## When", ""]
        for s in node["schedule"]:
            lines.append(f"- {step_line(s)}")
            if s.get("late_note"):
                lines.append(f"  {s['late_note']}")
        lines.append("")
    for t in node["templates"]:
        lines += [f"## {t['title']}", ""]
        if t.get("missing"):
            lines += ["Fill in the parts in [brackets] before you send it.", ""]
        lines += ["```text", t["text"].rstrip("\n"), "```", ""]
    lines += ["## Sources", ""]
    for c in node["citations"]:
        lines += _quote_lines(c)
    for d in node["disagreements"]:
        lines += [f"## Where the sources disagree: {d['summary']}", ""]
        for c in d["citations"]:
            lines += _quote_lines(c)
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
    if node["kind"] != "recommendation" or not steps:
        where = "a question" if node["kind"] != "recommendation" else f"'{node['title']}'"
        raise AdviceError(f"nothing to put in a calendar: {where} has no dated steps")
    from icalendar import Calendar, Event  # only here: its import costs more than the rest

    stamp = datetime.combine(date.fromisoformat(data["today"]), datetime.min.time(), UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", node["title"])
    quotes = [f'"{c["quote"]}" ({_plain_byline(c)})' for c in node["citations"]]
    for s in steps:
        day = date.fromisoformat(s["date"])
        event = Event()
        event.add("uid", event_uid(data["tree"], node["id"], s["step"]))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))  # all-day: the end is exclusive
        event.add("summary", s["action"])
        deadline = "Deadline: do it by this day.\n\n" if s["by"] else ""
        # A day already gone says so in the calendar too (the same sentence as the plan).
        late = f"{step_line(s)}\n{s.get('late_note') or ''}".rstrip() + "\n\n"
        late = late if s.get("past") or s.get("planned") else ""
        event.add(
            "description",
            f"{late}{deadline}{node['title']}\n{node['text']}\n\n" + "\n".join(quotes),
        )
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        cal.add_component(event)
    return bytes(cal.to_ical())


def _plain_byline(c: dict[str, Any]) -> str:
    who = c["author"] or c["source"]
    return f"{who}, {c['role']}" if c.get("role") else str(who)


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(data: dict[str, Any], fmt: str) -> bytes:
    """The plan in one of FORMATS, as the bytes to write."""
    if fmt == "md":
        return to_markdown(data).encode("utf-8")
    if fmt == "ics":
        return to_ics(data)
    if fmt == "json":
        return to_json(data).encode("utf-8")
    raise AdviceError(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}")
