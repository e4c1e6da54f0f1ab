"""The tree format, as frozen dataclasses.

This module is the single source of truth for the format: the loader decodes YAML
by reading these classes (field names, types, defaults and the ``key``/``doc``
metadata), and the JSON Schema is generated from them too. Add a field here and
both follow.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
InputKind = Literal["date", "text"]


@dataclass(frozen=True, slots=True)
class Loc:
    """Where something was written: 1-based line and column, like editors show."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


NOWHERE = Loc("<unknown>", 0, 0)


def spec(
    doc: str,
    *,
    key: str | None = None,
    default: Any = ...,
    from_key: bool = False,
    min_items: int = 0,
    nonempty: bool = False,
) -> Any:
    """A dataclass field carrying what the loader and the schema need to know.

    key: the YAML key when it differs from the attribute name.
    from_key: the value is the key of the enclosing mapping (node ids, template ids).
    nonempty: a string that must not be blank.
    """
    meta = {"doc": doc, "key": key, "from_key": from_key, "min_items": min_items}
    meta["nonempty"] = nonempty
    if default is ...:
        return field(metadata=meta)
    if isinstance(default, (dict, list)):
        factory = dict if isinstance(default, dict) else list
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def _loc() -> Any:
    # Not read from YAML: the loader fills it in. compare=False so equal content is equal.
    return field(default=NOWHERE, compare=False, repr=False, metadata={"internal": True})


# --- sources ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """An article the advice comes from, listed once in sources.yaml."""

    id: str = spec("Stable id that citations use.", nonempty=True)
    author: str = spec("Who wrote or said it.", nonempty=True)
    role: str = spec("The author's role, shown beside quotes.", nonempty=True)
    title: str = spec("Title of the article or post.", nonempty=True)
    publisher: str | None = spec("Where it was published.", default=None)
    file: str | None = spec(
        "File name of the article's text, for `advice check --sources DIR`.", default=None
    )
    url: str | None = spec("Address of the article, if known.", default=None)
    loc: Loc = _loc()


@dataclass(frozen=True, slots=True)
class SourceList:
    """The whole of sources.yaml."""

    sources: tuple[Source, ...] = spec("Every source trees may cite.", min_items=1)
    loc: Loc = _loc()


# --- trees -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Citation:
    """A source and a short quote from it, word for word."""

    source: str = spec("Id of a source in sources.yaml.", nonempty=True)
    quote: str = spec("Words copied exactly from the source.", nonempty=True)
    loc: Loc = _loc()


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Another view the sources give, shown beside the recommendation."""

    summary: str = spec("One sentence: who disagrees and how.", nonempty=True)
    citations: tuple[Citation, ...] = spec(
        "The other side, in the sources' own words.", key="because", min_items=1
    )
    loc: Loc = _loc()


@dataclass(frozen=True, slots=True)
class DateRule:
    """When to do something, relative to a date the user gave (a fact)."""

    action: str = spec("What to do on that date.", nonempty=True)
    of: str = spec("The fact the date counts from: `today` or a date question's `fact`.")
    days: int = spec("Days after that date (0 = the same day).", default=0)
    by: bool = spec(
        "True: a deadline (do it by this date); false: do it on this date.", default=False
    )
    working_days: bool = spec(
        "True: count `days` Monday to Friday only, so the date is never a weekend.",
        default=False,
    )
    avoid: tuple[Weekday, ...] = spec(
        "Weekdays to skip: the date moves forward to the next day not listed.", default=()
    )
    loc: Loc = _loc()


@dataclass(frozen=True, slots=True)
class Template:
    """A ready text (note, email, script) with {placeholders} the user fills in."""

    id: str = spec("Template id, the key in `templates`.", from_key=True)
    title: str = spec("What this text is, e.g. 'Thank-you note'.", nonempty=True)
    text: str = spec("The text; {name} marks a placeholder from `placeholders`.", nonempty=True)
    loc: Loc = _loc()


@dataclass(frozen=True, slots=True)
class Answer:
    """One choice of a question."""

    id: str = spec("Stable id: saved sessions, examples and --answer use it.", nonempty=True)
    label: str = spec("What the user reads.", nonempty=True)
    goto: str = spec("Id of the node this answer leads to.", nonempty=True)
    loc: Loc = _loc()


@dataclass(frozen=True, slots=True)
class Question:
    """A node that asks: either a choice among answers or a value (`input`)."""

    id: str = spec("Node id, the key in `nodes`.", from_key=True)
    text: str = spec("The question.", key="question", nonempty=True)
    help: str | None = spec("Optional help shown under the question.", default=None)
    answers: tuple[Answer, ...] = spec("The choices (at least two).", default=())
    input: InputKind | None = spec(
        "Ask for a value instead of a choice: `date` or `text`.", default=None
    )
    fact: str | None = spec(
        "Name the value is stored under (date rules use it); defaults to the node id.",
        default=None,
    )
    default: str | None = spec("Value offered first for an input, e.g. `today`.", default=None)
    relative_to: str | None = spec(
        "For a date input: the fact that '3 days' or 'friday' counts from.", default=None
    )
    past: bool = spec(
        "For a date input: a day that has already happened (the interview): 'friday' and "
        "'3 days' count back from today, and a date after today is refused.",
        default=False,
    )
    goto: str | None = spec("For an input question: the node that comes next.", default=None)
    loc: Loc = _loc()

    @property
    def fact_name(self) -> str:
        return self.fact or self.id

    def answer(self, answer_id: str) -> Answer | None:
        for a in self.answers:
            if a.id == answer_id:
                return a
        return None


@dataclass(frozen=True, slots=True)
class Recommendation:
    """An end node: the next step, cited."""

    id: str = spec("Node id, the key in `nodes`.", from_key=True)
    title: str = spec("The next step in a few words.", key="recommend", nonempty=True)
    text: str = spec("A short plain explanation.", nonempty=True)
    citations: tuple[Citation, ...] = spec(
        "Sources that give this advice (at least one).", key="because", default=()
    )
    disagreements: tuple[Disagreement, ...] = spec(
        "Where other sources say otherwise.", key="disagree", default=()
    )
    schedule: tuple[DateRule, ...] = spec("When to do it.", key="when", default=())
    templates: tuple[str, ...] = spec("Ids of ready texts from `templates`.", default=())
    loc: Loc = _loc()


Node = Question | Recommendation
# Which key tells a node's kind; the loader and the schema both read this.
NODE_KINDS: dict[str, type[Question] | type[Recommendation]] = {
    "question": Question,
    "recommend": Recommendation,
}


@dataclass(frozen=True, slots=True)
class Example:
    """A scenario the checker and the tests walk: answers in order -> expected node."""

    name: str = spec("What situation this is.", nonempty=True)
    answers: tuple[str, ...] = spec("Answer ids (or values for inputs), in order.")
    expect: str = spec("Id of the recommendation these answers must reach.", nonempty=True)
    loc: Loc = _loc()


@dataclass(frozen=True, slots=True)
class Tree:
    """One decision tree file."""

    id: str = spec("Stable tree id, also the file name without .yaml.", nonempty=True)
    title: str = spec("Title shown in the picker.", nonempty=True)
    start: str = spec("Id of the first node.", nonempty=True)
    nodes: dict[str, Node] = spec("Questions and recommendations, by id.")
    description: str | None = spec("One line shown in the picker.", default=None)
    placeholders: dict[str, str] = spec(
        "Template placeholders: name -> the label the user fills in.", default={}
    )
    templates: dict[str, Template] = spec("Ready texts, by id.", default={})
    examples: tuple[Example, ...] = spec("Scenarios the test suite runs.", default=())
    loc: Loc = _loc()

    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    def recommendations(self) -> list[Recommendation]:
        return [n for n in self.nodes.values() if isinstance(n, Recommendation)]


def successors(node: Node) -> list[str]:
    """Ids a node leads to, in order."""
    if isinstance(node, Recommendation):
        return []
    if node.input is not None:
        return [node.goto] if node.goto else []
    return [a.goto for a in node.answers]


# -- the YAML view of the model (the loader and the schema both read it) ---------------


@dataclass(frozen=True)
class FieldSpec:
    name: str
    key: str
    type: Any
    required: bool
    from_key: bool
    nonempty: bool
    min_items: int


_FIELDS: dict[type, list[FieldSpec]] = {}


def model_fields(cls: type) -> list[FieldSpec]:
    """The YAML view of a model class: what the loader reads and the schema describes."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = [
            FieldSpec(
                name=f.name,
                key=f.metadata.get("key") or f.name,
                type=hints[f.name],
                required=f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING,
                from_key=bool(f.metadata.get("from_key")),
                nonempty=bool(f.metadata.get("nonempty")),
                min_items=int(f.metadata.get("min_items") or 0),
            )
            for f in dataclasses.fields(cls)
            if not f.metadata.get("internal")
        ]
        _FIELDS[cls] = found
    return found


_BY_KEY: dict[type, dict[str, FieldSpec]] = {}


def fields_by_key(cls: type) -> dict[str, FieldSpec]:
    """model_fields by YAML key (fields filled from a mapping key excluded)."""
    found = _BY_KEY.get(cls)
    if found is None:
        found = _BY_KEY[cls] = {s.key: s for s in model_fields(cls) if not s.from_key}
    return found
