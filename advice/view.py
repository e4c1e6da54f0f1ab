"""Where a session stands, as plain data: the `advice walk --json` object.

One builder for the CLI's JSON, the exports and anything else that needs the path,
the node, its citations (with author), disagreements, dates and filled-in texts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from advice.bylines import byline, speaker_name, speaker_role
from advice.model import Citation, Question, SourceList, Tree
from advice.schedule import ScheduledStep
from advice.session import Session
from advice.texts import fill, placeholders_in
from advice.why import explain


def citation_json(c: Citation, sources: SourceList | None) -> dict[str, Any]:
    """One citation for `walk --json` and every front end: the quote, whose words they
    are (`speaker`, `reported`, `byline`, from advice.bylines) and the article's fields.
    `author`/`role` are the article's writer; `title` is the article's own (None: the
    four shipped articles have none); `description` is ours."""
    src = next((s for s in sources.sources if s.id == c.source), None) if sources else None
    return {
        "source": c.source,
        "author": speaker_name(src, Citation(c.source, c.quote)) if src else None,
        "role": src.writer.role if src else None,
        "title": src.title if src else None,
        "description": src.what if src else None,
        "publisher": src.publisher if src else None,
        "url": src.url if src else None,
        "speaker": speaker_name(src, c),
        "speaker_id": c.speaker,
        "speaker_role": speaker_role(src, c),
        "reported": c.reported,
        "byline": byline(src, c),
        "quote": c.quote,
    }


def step_json(s: ScheduledStep) -> dict[str, Any]:
    return {
        "date": s.date.isoformat(),
        "action": s.action,
        "by": s.by,
        "step": s.step,
        # The day is gone and the rule does not move it (see late_note).
        "past": s.passed,
        # The rule's own day when it was before today (moved, or passed).
        "planned": s.planned.isoformat() if s.planned else None,
        "late_note": s.late_note,
    }


def why_json(session: Session, sources: SourceList | None) -> dict[str, Any] | None:
    """advice.why's model as data: what every front end shows for "why this step"."""
    why = explain(session)
    if why is None:
        return None
    return {
        "answers": [
            {
                "question": a.question.text,
                # A date answer as a day people read ("Monday 16 November 2026").
                "answer": a.question.kind.in_full(a.question, a.value),
            }
            for a in why.answers
        ],
        "dates": [
            {
                **step_json(d.step),
                "rule": d.rule,
                "because": [citation_json(c, sources) for c in d.because],
            }
            for d in why.dates
        ],
        "quotes": [citation_json(c, sources) for c in why.quotes],
    }


def reviewed_note(tree: Tree) -> str | None:
    """The quiet line under every recommendation, when the tree records its review."""
    if tree.reviewed is None:
        return None
    day = date.fromisoformat(tree.reviewed)
    return f"Checked against the articles on {day.day} {day:%B %Y}."


def template_values(session: Session, filled: dict[str, str]) -> dict[str, str]:
    """Placeholder values: the answers on the path (one value per fact: a date the user
    answered is never overridden by a detail typed elsewhere), then what they filled in."""
    return {**{k: v for k, v in filled.items() if v.strip()}, **session.values()}


def session_json(
    session: Session, sources: SourceList | None, filled: dict[str, str] | None = None
) -> dict[str, Any]:
    tree: Tree = session.tree
    node = session.current
    out: dict[str, Any] = {"id": node.id}
    if isinstance(node, Question):
        out.update(kind="question", title=node.text, text=node.help or "")
        out.update(node.kind.as_json(node))
    else:
        values = template_values(session, filled or {})
        texts = [
            {
                "kind": t.id,
                "title": t.title,
                "text": fill(t.text, values, tree.placeholders),
                # Placeholders still unfilled (they show as [Label] in the text).
                "missing": [n for n in placeholders_in(t.text) if not values.get(n, "").strip()],
            }
            for t in (tree.templates[i] for i in node.templates if i in tree.templates)
        ]
        out.update(
            kind="recommendation",
            title=node.title,
            text=node.text,
            our_reading=node.our_reading,
            citations=[citation_json(c, sources) for c in node.citations],
            disagreements=[
                {
                    "summary": d.summary,
                    "citations": [citation_json(c, sources) for c in d.citations],
                }
                for d in node.disagreements
            ],
            schedule=[step_json(s) for s in session.schedule()],
            why=why_json(session, sources),
            template=texts[0] if texts else None,
            templates=texts,
        )
    return {
        "tree": tree.id,
        "tree_title": tree.title,
        "today": session.today.isoformat(),
        "path": [
            {"question": s.question.text, "answer": s.label, "answer_id": s.value}
            for s in session.transcript()
        ],
        "node": out,
    }
