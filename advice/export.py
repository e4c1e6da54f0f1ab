"""The plan as a file: Markdown for people, iCalendar for calendar apps, JSON for scripts.

All three are built from `summary.session_json`, the same data `advice walk --json`
prints, so the CLI, the app and every format agree on the steps, dates and quotes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from advice.bylines import OTHER_VIEW, OUR_READING, THIS_STEP, grouped
from advice.diagnostics import AdviceError

FORMATS = ("md", "ics", "json")
PRODID = "-//advice//advice follow-up plan//EN"


def _quote_lines(citations: list[dict[str, Any]]) -> list[str]:
    # Each line of a quote gets its own '>' so a multi-line quote stays one block; the
    # quotes of one speaker share one byline (advice.bylines.grouped, as on screen).
    out: list[str] = []
    for who, quotes in grouped(citations):
        for quote in quotes:
            out += [f"> {line}".rstrip() for line in quote.splitlines() or [""]]
            out.append(">")
        out += [f"> — {who}", ""]
    return out


def step_line(s: dict[str, Any]) -> str:
    """One dated step as a sentence: 'By 2026-11-21 (Saturday): Send your note'."""
    day = date.fromisoformat(s["date"])
    late = " (already passed)" if s.get("past") else ""
    return f"{'By' if s['by'] else 'On'} {s['date']} ({day:%A}){late}: {s['action']}"


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
    if node.get("our_reading"):
        lines += [f"*{OUR_READING}:* {node['our_reading']}", ""]
    if node["schedule"]:
        lines += ["## When", ""]
        lines += [f"- {step_line(s)}" for s in node["schedule"]]
        lines.append("")
    for t in node["templates"]:
        lines += [f"## {t['title']}", ""]
        if t.get("missing"):
            lines += ["Fill in the parts in [brackets] before you send it.", ""]
        lines += ["```text", t["text"].rstrip("\n"), "```", ""]
    lines += [f"## {THIS_STEP}", ""]
    lines += _quote_lines(node["citations"])
    for d in node["disagreements"]:
        lines += [f"## {OTHER_VIEW}: {d['summary']}", ""]
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
    from icalendar import Calendar, Event  # only here: its import costs more than the rest

    stamp = datetime.combine(date.fromisoformat(data["today"]), datetime.min.time(), UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", node["title"])
    # The byline after a dash, not in brackets: it may hold brackets of its own.
    quotes = [f'"{c["quote"]}" — {c["byline"]}' for c in node["citations"]]
    for s in steps:
        day = date.fromisoformat(s["date"])
        event = Event()
        event.add("uid", event_uid(data["tree"], node["id"], s["step"]))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))  # all-day: the end is exclusive
        event.add("summary", s["action"])
        deadline = "Deadline: do it by this day.\n\n" if s["by"] else ""
        event.add(
            "description", f"{deadline}{node['title']}\n{node['text']}\n\n" + "\n".join(quotes)
        )
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        cal.add_component(event)
    return bytes(cal.to_ical())


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
