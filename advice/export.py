"""The plan as a file: Markdown for people (more formats come with the export issue).

Built from `summary.session_json`, the same data `advice walk --json` prints.
"""

from __future__ import annotations

from typing import Any


def to_markdown(data: dict[str, Any]) -> str:
    node = data["node"]
    lines = [f"# {node['title']}", ""]
    if data["path"]:
        lines += ["## Your answers", ""]
        lines += [f"- {p['question']} **{p['answer']}**" for p in data["path"]]
        lines.append("")
    if node["kind"] != "recommendation":
        return "\n".join(lines)
    lines += [node["text"], ""]
    if node["schedule"]:
        lines += ["## When", ""]
        for s in node["schedule"]:
            lines.append(f"- {'By' if s['by'] else 'On'} {s['date']}: {s['action']}")
        lines.append("")
    lines += ["## Sources", ""]
    for c in node["citations"]:
        lines.append(f"> {c['quote']}\n>\n> — {c['author']}, {c['role']}\n")
    for d in node["disagreements"]:
        lines += [f"## Where the sources disagree: {d['summary']}", ""]
        for c in d["citations"]:
            lines.append(f"> {c['quote']}\n>\n> — {c['author']}, {c['role']}\n")
    for t in node["templates"]:
        lines += [f"## {t['title']}", "", "```text", t["text"].rstrip("\n"), "```", ""]
    return "\n".join(lines)
