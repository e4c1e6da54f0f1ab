"""`advice walk` without --json: a plain numbered prompt.

For screen readers, pipes and people who prefer plain text: no colour, no cursor
movement, no emphasis codes (so NO_COLOR has nothing to turn off), one line per item.
Type a number (or an answer id), Enter to keep the answer shown, `b` to go back, `q` to
quit. At the end: the dates, the ready texts (asking once for the details they use),
the sources and where they disagree. End of input stops quietly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from advice.bylines import OTHER_VIEW, OUR_READING, THIS_STEP, grouped, signature
from advice.diagnostics import AdviceError
from advice.kinds import Choice
from advice.model import Question, Recommendation, SourceList
from advice.session import AnswerError, Session
from advice.texts import placeholders_in
from advice.view import (
    CitationView,
    RecommendationView,
    WhyView,
    step_text,
    template_values,
    walk_view,
)

# Called after every change (answer, back, a detail typed): saving hooks in here. A
# list of lines it returns is said (a follow-up: which dated steps moved).
OnChange = Callable[[Session, dict[str, str]], object]


def _print_quotes(citations: Sequence[CitationView], out: TextIO) -> None:
    for who, quotes in grouped(citations):
        for quote in quotes:
            print(f'  "{quote}"', file=out)
        print(f"    {signature(who)}", file=out)


def print_recommendation(
    node: RecommendationView, out: TextIO, done: dict[int, str] | None = None
) -> None:
    """`done`: a follow-up's steps marked done (advice.workspace.done_marks)."""
    print(f"\nNext step: {node.title}\n{node.text}", file=out)
    if node.our_reading:
        print(f"{OUR_READING}: {node.our_reading}", file=out)
    if node.schedule:
        print("\nWhen:", file=out)
        for step in node.schedule:
            mark = f"{done[step.step]}: " if done and step.step in done else ""
            print(f"  {mark}{step_text(step)}", file=out)
            if step.late_note:
                print(f"    {step.late_note}", file=out)
    print(f"\n{THIS_STEP}:", file=out)
    _print_quotes(node.citations, out)
    for d in node.disagreements:
        print(f"\n{OTHER_VIEW}: {d.summary}", file=out)
        _print_quotes(d.citations, out)
    for t in node.templates:
        print(f"\n--- {t.title} ---\n{t.text.rstrip()}\n--- end of {t.title} ---", file=out)
        if t.missing:
            print("Fill in the parts in [brackets] before you send it.", file=out)
    print_why(node.why, out)


def print_why(why: WhyView, out: TextIO) -> None:
    """Why this step (advice.why): the answers, each date's rule and its sentences;
    for the quotes, a pointer to the step's, printed above it."""
    print("\nWhy this step:", file=out)
    if why.answers:
        print("  Your answers:", file=out)
        for a in why.answers:
            print(f"    {a.question} {a.answer}", file=out)
    if why.dates:
        print("  The dates:", file=out)
        for d in why.dates:
            print(f"    {d.action}", file=out)
            print(f"      Rule: {d.rule}", file=out)
            for c in d.because:
                print(f'      From {c.byline}: "{c.quote}"', file=out)
    print(f"  The quotes: above, under {THIS_STEP}.", file=out)


def _needed(session: Session, filled: dict[str, str]) -> list[str]:
    """Placeholders the recommendation's texts use that have no value yet."""
    node = session.current
    if not isinstance(node, Recommendation):
        return []
    values = template_values(session, filled)
    names: dict[str, None] = {}
    for tid in node.templates:
        template = session.tree.templates.get(tid)
        for name in placeholders_in(template.text) if template else []:
            if not values.get(name, "").strip():
                names.setdefault(name)
    return list(names)


def _default_hint(session: Session, node: Question, current: str | None) -> tuple[str, str]:
    """(what Enter gives, how to say it): the answer given before, else the default."""
    if current is not None:
        return current, f" [Enter keeps {current}]"
    if not node.default:
        return "", ""
    note = node.kind.default_note(node, session)
    return (
        node.default,
        f" [Enter: {node.default}, {note}]" if note else f" [Enter: {node.default}]",
    )


def _picked(node: Question, reply: str) -> str | None:
    """The answer id a reply to a choice means: its number, or the id itself (scripts
    and the saved answers use ids); None when it is neither."""
    if reply.isdigit() and 1 <= int(reply) <= len(node.answers):
        return node.answers[int(reply) - 1].id
    return reply if any(a.id == reply for a in node.answers) else None


def _type_a_number(node: Question) -> str:
    """What to type, in the words of the numbered list the user sees (not the ids)."""
    count = len(node.answers)
    which = "1" if count == 1 else f"a number from 1 to {count}"
    return f"Type {which} (or b to go back, q to quit)."


class _Plain:
    def __init__(
        self,
        session: Session,
        sources: SourceList | None,
        filled: dict[str, str],
        stdin: TextIO,
        out: TextIO,
        on_change: OnChange | None,
        done: Callable[[], dict[int, str]] | None = None,
    ) -> None:
        self.session = session
        self.done = done
        self.sources = sources
        self.filled = dict(filled)
        self.stdin = stdin
        self.out = out
        self.on_change = on_change
        self.save_failed = False  # said once; the farewell must not then say "Saved"
        self.asked: set[str] = set()  # placeholders asked once already (blank = leave it)
        isatty = getattr(stdin, "isatty", None)
        self.echo = not (isatty and isatty())

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def ask(self, prompt: str) -> str | None:
        """A line from the user, or None at the end of input."""
        print(prompt, end="", file=self.out, flush=True)
        line = self.stdin.readline()
        if not line:
            self.say()  # end the prompt's line, so what follows starts clean
            return None
        if self.echo:  # over a pipe nothing shows what was typed: the transcript does
            self.say(line.rstrip("\n"))
        return line.strip()

    def changed(self) -> None:
        if self.on_change is None:
            return
        try:
            said = self.on_change(self.session, self.filled)
        except AdviceError as exc:
            self.say(f"Could not save: {exc}. Going on without saving.")
            self.on_change = None
            self.save_failed = True
            return
        for line in said if isinstance(said, list) else []:
            self.say(str(line))

    def question(self, node: Question) -> str | None:
        """Ask one question; the raw reply ('' = Enter), or None at the end of input."""
        s = self.session
        current = s.answers.get(node.id)
        self.say(f"\n{node.text}")
        if node.help:
            self.say(node.help)
        if isinstance(node.kind, Choice):
            for i, a in enumerate(node.answers, 1):
                mark = " (your answer)" if a.id == current else ""
                self.say(f"  {i}. {a.label}{mark}")
            keep = "Enter keeps your answer, " if current else ""
            return self.ask(f"Answer 1-{len(node.answers)} ({keep}b back, q quit): ")
        _, hint = _default_hint(s, node, current)
        return self.ask(f"Type a {node.kind.name}{hint} (b back, q quit): ")

    def fill_in(self) -> bool:
        """Ask for the details the texts use, once each; False at the end of input."""
        names = [n for n in _needed(self.session, self.filled) if n not in self.asked]
        if not names:
            return True
        self.say("\nThe texts for this step use a few details. Type each one, or press")
        self.say("Enter to leave it marked in [brackets].")
        for name in names:
            self.asked.add(name)
            label = self.session.tree.placeholders.get(name, name)
            value = self.ask(f"{label}: ")
            if value is None:
                return False
            if value:
                self.filled[name] = value
                self.changed()
        return True

    def run(self) -> bool:
        """Walk to the end; False when the user quit or input ended on the way."""
        s = self.session
        self.say(s.tree.title)
        while True:
            node = s.current
            if isinstance(node, Recommendation):
                more = self.fill_in()
                view = walk_view(s, self.sources, self.filled).node
                assert isinstance(view, RecommendationView)
                print_recommendation(view, self.out, self.done() if self.done else None)
                if not more:
                    return False
                reply = self.ask("\nPress Enter to finish, or b to go back: ")
                if reply is not None and reply.lower() == "b":
                    s.back()
                    self.changed()
                    continue
                return True
            reply = self.question(node)
            if reply is None or reply.lower() == "q":
                return False
            if reply.lower() == "b":
                if s.back():
                    self.changed()
                else:
                    self.say("Already at the first question.")
                continue
            if not reply:
                current = s.answers.get(node.id)
                default, _ = _default_hint(s, node, current)
                if not default:
                    self.say("Please type an answer (or b to go back, q to quit).")
                    continue
                reply = default
            if isinstance(node.kind, Choice):
                picked = _picked(node, reply)
                if picked is None:
                    self.say(f"Sorry: {reply} is not one of the answers. {_type_a_number(node)}")
                    continue
                reply = picked
            try:
                s.answer(reply)
            except AnswerError as exc:
                self.say(f"Sorry: {exc}")
                continue
            said = node.kind.said_back(node, s.answers[node.id])
            if said:  # a day read from "1" or "friday" (the app shows it in its answers)
                self.say(f"That is {said}.")
            self.changed()


def run_plain(
    session: Session,
    sources: SourceList | None,
    filled: dict[str, str],
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    on_change: OnChange | None = None,
    farewell: str | None = None,
    done: Callable[[], dict[int, str]] | None = None,
) -> int:
    """The plain walk; `on_change(session, filled)` runs after each change (saving);
    `done()`, a follow-up's steps marked done, for the plan to say so.
    `farewell` is said when the user stops before the end (how to continue), unless
    saving failed on the way: what was said then stands."""
    # The streams of the moment, not of import time: the command line's escape
    # control characters (advice.cli), and tests swap them.
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    walk = _Plain(session, sources, filled, stdin, out, on_change, done)
    finished = walk.run()
    if not finished and farewell and not walk.save_failed:
        print(farewell, file=out)
    return 0
