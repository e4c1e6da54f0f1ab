"""`advice walk` without --json: a plain numbered prompt.

For screen readers, pipes and people who prefer plain text: no colour, no cursor
movement, one line per item. Type a number (or an answer id), `b` to go back, `q` to quit.
"""

from __future__ import annotations

import sys
from typing import TextIO

from advice.model import Question, SourceList
from advice.session import AnswerError, Session
from advice.summary import session_json


def _print_recommendation(data: dict[str, object], out: TextIO) -> None:
    node = data["node"]
    assert isinstance(node, dict)
    print(f"\nNext step: {node['title']}\n{node['text']}", file=out)
    for step in node["schedule"]:
        word = "By" if step["by"] else "On"
        print(f"  {word} {step['date']}: {step['action']}", file=out)
    for c in node["citations"]:
        print(f'  Source: {c["author"]} ({c["role"]}): "{c["quote"]}"', file=out)
    for d in node["disagreements"]:
        print(f"  But: {d['summary']}", file=out)
        for c in d["citations"]:
            print(f'    {c["author"]} ({c["role"]}): "{c["quote"]}"', file=out)
    for t in node["templates"]:
        print(f"\n--- {t['title']} ---\n{t['text']}\n---", file=out)


def run_plain(
    session: Session,
    sources: SourceList | None,
    filled: dict[str, str],
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
) -> int:
    print(session.tree.title, file=out)
    while True:
        node = session.current
        if not isinstance(node, Question):
            _print_recommendation(session_json(session, sources, filled), out)
            return 0
        print(f"\n{node.text}", file=out)
        if node.help:
            print(node.help, file=out)
        if node.input is None:
            for i, a in enumerate(node.answers, 1):
                print(f"  {i}. {a.label}", file=out)
            prompt = f"Answer 1-{len(node.answers)} (b back, q quit): "
        else:
            default = f" [{node.default}]" if node.default else ""
            prompt = f"Type a {node.input}{default} (b back, q quit): "
        print(prompt, end="", file=out, flush=True)
        line = stdin.readline()
        if not line:  # end of input: stop quietly, nothing to save
            print(file=out)
            return 0
        text = line.strip()
        if text.lower() == "q":
            return 0
        if text.lower() == "b":
            if not session.back():
                print("Already at the first question.", file=out)
            continue
        if node.input is None and text.isdigit() and 1 <= int(text) <= len(node.answers):
            text = node.answers[int(text) - 1].id
        if node.input is not None and not text and node.default:
            text = node.default
        try:
            session.answer(text)
        except AnswerError as exc:
            print(f"Sorry: {exc}", file=out)
