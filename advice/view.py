"""Where a walk stands, as typed records: the `advice walk --json` object.

One builder (`walk_view`) for the CLI's JSON, the exports, the plain walk and the app's
screens: the path, the node, its citations (with who said it), disagreements, dates and
filled-in texts. The records are frozen msgspec Structs; their fields, in order, are the
keys of `walk --json` (`msgspec.to_builtins` writes dates as YYYY-MM-DD), so the JSON is
this module and nothing else. `step_text` is the one sentence every front end says
for a dated step.
"""

from __future__ import annotations

import datetime
from typing import Literal

import msgspec

from advice.bylines import byline, speaker_name, speaker_role
from advice.kinds import Choice
from advice.model import Citation, Question, Recommendation, SourceList, Tree
from advice.schedule import ScheduledStep
from advice.session import Session
from advice.texts import fill, placeholders_in
from advice.why import explain


class CitationView(msgspec.Struct, frozen=True):
    """One citation for `walk --json` and every front end: the quote, whose words they
    are (`speaker`, `reported`, `byline`, from advice.bylines) and the article's fields.
    `author`/`role` are the article's writer; `title` is the article's own (None: the
    four shipped articles have none); `description` is ours."""

    source: str
    author: str | None
    role: str | None
    title: str | None
    description: str | None
    publisher: str | None
    url: str | None
    speaker: str
    speaker_id: str
    speaker_role: str | None
    reported: bool
    byline: str
    quote: str


class StepView(msgspec.Struct, frozen=True):
    """A dated step of the plan (advice.schedule.ScheduledStep, as shown)."""

    date: datetime.date  # (the module: `date` is a field here)
    action: str
    by: bool
    step: int
    past: bool  # the day is gone and the rule does not move it (see late_note)
    planned: datetime.date | None  # the rule's own day when it was before today
    late_note: str | None


class DateReason(StepView, frozen=True):
    """A dated step, the rule in words and the articles' sentences it comes from."""

    rule: str
    because: tuple[CitationView, ...]


class AnswerReason(msgspec.Struct, frozen=True):
    question: str
    answer: str  # a date answer as a day people read ("Monday 16 November 2026")


class WhyView(msgspec.Struct, frozen=True):
    """advice.why's model as shown: what every front end says for "why this step"."""

    answers: tuple[AnswerReason, ...]
    dates: tuple[DateReason, ...]
    quotes: tuple[CitationView, ...]


class DisagreementView(msgspec.Struct, frozen=True):
    summary: str
    citations: tuple[CitationView, ...]


class TextView(msgspec.Struct, frozen=True):
    """A ready text, filled in."""

    kind: str  # the template's id
    title: str
    text: str
    missing: tuple[str, ...]  # placeholders still unfilled (they show as [Label])


class RecommendationView(msgspec.Struct, frozen=True):
    id: str
    kind: Literal["recommendation"]
    title: str
    text: str
    our_reading: str | None
    citations: tuple[CitationView, ...]
    disagreements: tuple[DisagreementView, ...]
    schedule: tuple[StepView, ...]
    why: WhyView
    template: TextView | None  # the first of `templates` (older readers use it)
    templates: tuple[TextView, ...]


class ChoiceView(msgspec.Struct, frozen=True):
    id: str
    label: str


class ChoiceQuestionView(msgspec.Struct, frozen=True):
    id: str
    kind: Literal["question"]
    title: str
    text: str  # the question's help, "" when it has none
    answers: tuple[ChoiceView, ...]


class InputQuestionView(msgspec.Struct, frozen=True):
    id: str
    kind: Literal["question"]
    title: str
    text: str
    input: str  # the kind of value asked for
    default: str | None


class PathStep(msgspec.Struct, frozen=True):
    question: str
    answer: str
    answer_id: str  # the answer's id, or the value given to an input question


NodeView = RecommendationView | ChoiceQuestionView | InputQuestionView


class WalkView(msgspec.Struct, frozen=True):
    tree: str
    tree_title: str
    today: datetime.date
    path: tuple[PathStep, ...]
    node: NodeView


def citation_view(c: Citation, sources: SourceList | None) -> CitationView:
    src = next((s for s in sources.sources if s.id == c.source), None) if sources else None
    return CitationView(
        source=c.source,
        author=speaker_name(src, Citation(c.source, c.quote)) if src else None,
        role=src.writer.role if src else None,
        title=src.title if src else None,
        description=src.what if src else None,
        publisher=src.publisher if src else None,
        url=src.url if src else None,
        speaker=speaker_name(src, c),
        speaker_id=c.speaker,
        speaker_role=speaker_role(src, c),
        reported=c.reported,
        byline=byline(src, c),
        quote=c.quote,
    )


_StepFields = tuple[datetime.date, str, bool, int, bool, datetime.date | None, str | None]


def _step_fields(s: ScheduledStep) -> _StepFields:
    return (s.date, s.action, s.by, s.step, s.passed, s.planned, s.late_note)


def step_view(s: ScheduledStep) -> StepView:
    return StepView(*_step_fields(s))


def step_text(s: StepView, long: bool = False) -> str:
    """One dated step as a sentence: 'By 2026-11-21 (Saturday): Send your note';
    `long`: 'By Saturday 21 November 2026: ...' (the app). A day before today says so:
    passed, or moved to the first day the rule allows from today."""
    day = s.date
    name = f"{day:%A} {day.day} {day:%B %Y}" if long else f"{day.isoformat()} ({day:%A})"
    when = f"{'By' if s.by else 'On'} {name}"
    if s.past:
        return f"{when}, which has passed: {s.action}"
    if s.planned:
        planned = s.planned
        return (
            f"{when}: {s.action}. Moved: the rule's day, {planned:%A} {planned.day} "
            f"{planned:%B %Y}, has passed; this is the first day from today it allows"
        )
    return f"{when}: {s.action}"


def why_view(session: Session, sources: SourceList | None) -> WhyView | None:
    """advice.why's model as shown; None when the walk is at a question."""
    why = explain(session)
    if why is None:
        return None
    return WhyView(
        answers=tuple(
            AnswerReason(
                a.question.text,
                # A date answer as a day people read ("Monday 16 November 2026").
                a.question.kind.in_full(a.question, a.value),
            )
            for a in why.answers
        ),
        dates=tuple(
            DateReason(
                *_step_fields(d.step),
                rule=d.rule,
                because=tuple(citation_view(c, sources) for c in d.because),
            )
            for d in why.dates
        ),
        quotes=tuple(citation_view(c, sources) for c in why.quotes),
    )


def reviewed_note(tree: Tree) -> str | None:
    """The quiet line under every recommendation, when the tree records its review."""
    if tree.reviewed is None:
        return None
    day = datetime.date.fromisoformat(tree.reviewed)
    return f"Checked against the articles on {day.day} {day:%B %Y}."


def template_values(session: Session, filled: dict[str, str]) -> dict[str, str]:
    """Placeholder values: the answers on the path (one value per fact: a date the user
    answered is never overridden by a detail typed elsewhere), then what they filled in."""
    return {**{k: v for k, v in filled.items() if v.strip()}, **session.values()}


def _question_view(node: Question) -> ChoiceQuestionView | InputQuestionView:
    kind = node.kind
    if not isinstance(kind, Choice):
        return InputQuestionView(
            node.id, "question", node.text, node.help or "", kind.name, node.default
        )
    choices = tuple(ChoiceView(a.id, a.label) for a in node.answers)
    return ChoiceQuestionView(node.id, "question", node.text, node.help or "", choices)


def _recommendation_view(
    node: Recommendation, session: Session, sources: SourceList | None, filled: dict[str, str]
) -> RecommendationView:
    tree = session.tree
    values = template_values(session, filled)
    texts = tuple(
        TextView(
            kind=t.id,
            title=t.title,
            text=fill(t.text, values, tree.placeholders),
            missing=tuple(n for n in placeholders_in(t.text) if not values.get(n, "").strip()),
        )
        for t in (tree.templates[i] for i in node.templates if i in tree.templates)
    )
    why = why_view(session, sources)
    assert why is not None  # the walk is at a recommendation
    return RecommendationView(
        id=node.id,
        kind="recommendation",
        title=node.title,
        text=node.text,
        our_reading=node.our_reading,
        citations=tuple(citation_view(c, sources) for c in node.citations),
        disagreements=tuple(
            DisagreementView(d.summary, tuple(citation_view(c, sources) for c in d.citations))
            for d in node.disagreements
        ),
        schedule=tuple(step_view(s) for s in session.schedule()),
        why=why,
        template=texts[0] if texts else None,
        templates=texts,
    )


def walk_view(
    session: Session, sources: SourceList | None, filled: dict[str, str] | None = None
) -> WalkView:
    """Where the walk stands: the one view every front end shows."""
    node = session.current
    return WalkView(
        tree=session.tree.id,
        tree_title=session.tree.title,
        today=session.today,
        path=tuple(PathStep(s.question.text, s.label, s.value) for s in session.transcript()),
        node=_question_view(node)
        if isinstance(node, Question)
        else _recommendation_view(node, session, sources, filled or {}),
    )
