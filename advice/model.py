"""The tree format, as frozen records (msgspec Structs).

This module is the single source of truth for the format: the loader decodes YAML
by reading these classes (field names, types, defaults and each field's `Spec`), and
the JSON Schema is generated from them too. Add a field here and both follow.

Why msgspec and not dataclasses: a frozen dataclass compiles six generated methods
when its module is imported, about 1 ms per class on our machines, and 13 of them
were the largest part of the app's start-up beyond Textual's own (issue 8). A Struct
is made in C, is immutable, compares and hashes by value, and is smaller in memory.
"""

import typing
from typing import Annotated, Any, Literal

import msgspec

from advice.escape import shown

if typing.TYPE_CHECKING:
    from advice.kinds import Kind

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
LateRule = Literal["move", "passed"]


class Record(msgspec.Struct, frozen=True):
    """Base of every model class: immutable, compared and hashed by value."""


class Loc(Record, frozen=True):
    """Where something was written: 1-based line and column, like editors show."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        # A file name is outside text too: it must not drive the terminal.
        return f"{shown(self.file, one_line=True)}:{self.line}:{self.col}"


NOWHERE = Loc("<unknown>", 0, 0)


class Spec(msgspec.Struct, frozen=True):
    """What the loader and the schema need to know of a field, beyond its type:
    `Annotated[type, spec(...)]` on a model field.

    key: the YAML key when it differs from the attribute name.
    from_key: the value is the key of the enclosing mapping (node ids, template ids).
    nonempty: a string that must not be blank.
    iso_date: a string that must be a date written YYYY-MM-DD (kept as text, as written).
    """

    doc: str
    key: str | None = None
    from_key: bool = False
    min_items: int = 0
    nonempty: bool = False
    iso_date: bool = False


def spec(
    doc: str,
    *,
    key: str | None = None,
    from_key: bool = False,
    min_items: int = 0,
    nonempty: bool = False,
    iso_date: bool = False,
) -> Spec:
    return Spec(doc, key, from_key, min_items, nonempty, iso_date)


# Review dates: when a tree or a source was last checked against the articles, and by
# when it must be checked again (`advice check` warns after that day: ADV030).
# Why a record's own prose may stay above the tree's reading grade (ADV029): for the
# contributors who read the file; shown nowhere to users.
EXCEPTION_DOC = (
    "Why this record's own prose may miss the plain-language goal (ADV029); for "
    "contributors, never shown to users."
)
REVIEWED_DOC = "The day this was last checked against the articles (YYYY-MM-DD)."
REVIEW_BY_DOC = "The day by which it must be checked again (YYYY-MM-DD); later, check warns."


# --- sources ---------------------------------------------------------------------------


# The speaker id a citation uses for the article's own writer (any other speaker id is
# one of the source's `people`).
WRITER = "writer"


class Writer(Record, frozen=True):
    """Who wrote an article. Many are unnamed: then `called` says how to refer to them."""

    name: Annotated[str | None, spec("The writer's name, if the article gives it.")] = None
    called: Annotated[
        str | None,
        spec("How to refer to an unnamed writer, e.g. 'the blog post's writer'."),
    ] = None
    role: Annotated[
        str | None, spec("The writer's role in the article's own words, if it gives one.")
    ] = None
    short_role: Annotated[
        str | None, spec("A few words of that role for bylines, e.g. 'career coach'.")
    ] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


class Person(Record, frozen=True):
    """Someone an article quotes or reports (not its writer), as the article presents them."""

    id: Annotated[str, spec("Id that citations give as their `speaker`.", nonempty=True)]
    name: Annotated[str | None, spec("Their name, if the article gives it.")] = None
    called: Annotated[
        str | None,
        spec("How to refer to them when the article gives no name, e.g. 'an HR manager'."),
    ] = None
    role: Annotated[
        str | None,
        spec("Their role in the article's own words, e.g. 'career coach and president of'."),
    ] = None
    short_role: Annotated[
        str | None, spec("A few words of that role for bylines, e.g. 'career coach'.")
    ] = None
    named_as: Annotated[
        tuple[str, ...],
        spec(
            "How the article's text names them ('Barnes', 'the founder'): `check --sources` "
            "looks for these beside their quotation marks and in reported speech."
        ),
    ] = ()
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


class Source(Record, frozen=True):
    """An article the advice comes from, listed once in sources.yaml: what it is, who
    wrote it, and whom it quotes or reports."""

    id: Annotated[str, spec("Stable id that citations use.", nonempty=True)]
    what: Annotated[
        str,
        spec(
            "Our description of the article, e.g. 'a job-board blog post' (shown as ours, "
            "never as its title); bylines say 'quoted in <what>'.",
            nonempty=True,
        ),
    ]
    writer: Annotated[Writer, spec("Who wrote it (a name, or how to refer to them).")]
    people: Annotated[
        tuple[Person, ...], spec("The people it quotes or reports, with the roles it gives them.")
    ] = ()
    title: Annotated[
        str | None, spec("The article's own title, only if it has one (never invented).")
    ] = None
    publisher: Annotated[str | None, spec("Where it was published.")] = None
    file: Annotated[
        str | None, spec("File name of the article's text, for `advice check --sources DIR`.")
    ] = None
    url: Annotated[str | None, spec("Address of the article, if known.")] = None
    reviewed: Annotated[str | None, spec(REVIEWED_DOC, iso_date=True)] = None
    review_by: Annotated[str | None, spec(REVIEW_BY_DOC, iso_date=True)] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)

    def person(self, speaker: str) -> Person | None:
        for p in self.people:
            if p.id == speaker:
                return p
        return None


class SourceList(Record, frozen=True):
    """The whole of sources.yaml."""

    sources: Annotated[tuple[Source, ...], spec("Every source trees may cite.", min_items=1)]
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


# --- trees -----------------------------------------------------------------------------


class Citation(Record, frozen=True):
    """A source and a short quote from it, word for word."""

    source: Annotated[str, spec("Id of a source in sources.yaml.", nonempty=True)]
    quote: Annotated[str, spec("Words copied exactly from the source.", nonempty=True)]
    speaker: Annotated[
        str,
        spec(
            "Whose words these are: `writer` (the article's writer) or the id of one of the "
            "source's `people`.",
            nonempty=True,
        ),
    ] = WRITER
    reported: Annotated[
        bool,
        spec(
            "True: the article's own words reporting what the speaker says ('Barnes says "
            "it's likely...'), not the speaker's words in quotation marks."
        ),
    ] = False
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


class Disagreement(Record, frozen=True):
    """Another view the sources give, shown beside the recommendation."""

    summary: Annotated[str, spec("One sentence: who disagrees and how.", nonempty=True)]
    citations: Annotated[
        tuple[Citation, ...],
        spec("The other side, in the sources' own words.", key="because", min_items=1),
    ]
    plain_language_exception: Annotated[str | None, spec(EXCEPTION_DOC, nonempty=True)] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


class DateRule(Record, frozen=True):
    """When to do something, relative to a date the user gave (a fact)."""

    action: Annotated[str, spec("What to do on that date.", nonempty=True)]
    of: Annotated[str, spec("The fact the date counts from: `today` or a date question's `fact`.")]
    days: Annotated[int, spec("Days after that date (0 = the same day).")] = 0
    by: Annotated[
        bool, spec("True: a deadline (do it by this date); false: do it on this date.")
    ] = False
    working_days: Annotated[
        bool, spec("True: count `days` Monday to Friday only, so the date is never a weekend.")
    ] = False
    avoid: Annotated[
        tuple[Weekday, ...],
        spec("Weekdays to skip: the date moves forward to the next day not listed."),
    ] = ()
    because: Annotated[
        tuple[Citation, ...],
        spec(
            "The sentences of the articles this rule comes from (source and quote, word "
            "for word): shown when the user asks why this date."
        ),
    ] = ()
    late: Annotated[
        LateRule,
        spec(
            "When the date is before today: `move` = the article's rule still applies, so "
            "the date moves to the first day from today the rule allows (`avoid`, "
            "`working_days`); `passed` = the day is gone: say so, with `late_note`."
        ),
    ] = "passed"
    late_note: Annotated[
        str | None,
        spec(
            "For `late: passed`: what the articles do and don't say once the day has "
            "passed (never advice they don't give)."
        ),
    ] = None
    plain_language_exception: Annotated[str | None, spec(EXCEPTION_DOC, nonempty=True)] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


class Template(Record, frozen=True):
    """A ready text (note, email, script) with {placeholders} the user fills in."""

    id: Annotated[str, spec("Template id, the key in `templates`.", from_key=True)]
    title: Annotated[str, spec("What this text is, e.g. 'Thank-you note'.", nonempty=True)]
    text: Annotated[
        str, spec("The text; {name} marks a placeholder from `placeholders`.", nonempty=True)
    ]
    plain_language_exception: Annotated[str | None, spec(EXCEPTION_DOC, nonempty=True)] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


class Answer(Record, frozen=True):
    """One choice of a question."""

    id: Annotated[
        str, spec("Stable id: saved sessions, examples and --answer use it.", nonempty=True)
    ]
    label: Annotated[str, spec("What the user reads.", nonempty=True)]
    goto: Annotated[str, spec("Id of the node this answer leads to.", nonempty=True)]
    plain_language_exception: Annotated[str | None, spec(EXCEPTION_DOC, nonempty=True)] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


class Question(Record, frozen=True):
    """A node that asks: either a choice among answers or a value (`input`)."""

    id: Annotated[str, spec("Node id, the key in `nodes`.", from_key=True)]
    text: Annotated[str, spec("The question.", key="question", nonempty=True)]
    help: Annotated[str | None, spec("Optional help shown under the question.")] = None
    answers: Annotated[tuple[Answer, ...], spec("The choices (at least two).")] = ()
    input: Annotated[
        InputKind | None, spec("Ask for a value instead of a choice: `date` or `text`.")
    ] = None
    fact: Annotated[
        str | None,
        spec("Name the value is stored under (date rules use it); defaults to the node id."),
    ] = None
    default: Annotated[str | None, spec("Value offered first for an input, e.g. `today`.")] = None
    relative_to: Annotated[
        str | None,
        spec(
            "For a date input: the fact that '3 days' or 'friday' counts from; a date "
            "before that fact's is refused (a decision cannot come before the interview)."
        ),
    ] = None
    not_before: Annotated[
        str | None,
        spec(
            "For a date input: the fact this date cannot come before (refused), while "
            "'3 days' and 'friday' still count from today, e.g. a decision said today."
        ),
    ] = None
    past: Annotated[
        bool,
        spec(
            "For a date input: a day that has already happened (the interview): 'friday' and "
            "'3 days' count back from today, and a date after today is refused."
        ),
    ] = False
    goto: Annotated[str | None, spec("For an input question: the node that comes next.")] = None
    plain_language_exception: Annotated[str | None, spec(EXCEPTION_DOC, nonempty=True)] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)

    @property
    def fact_name(self) -> str:
        return self.fact or self.id

    @property
    def kind(self) -> "Kind":
        """Choice, Date or Text (advice.kinds): what differs between them lives there."""
        from advice.kinds import kind_of  # advice.kinds builds on this module

        return kind_of(self)

    @property
    def floor(self) -> str | None:
        """The fact a date answer may not come before: `relative_to`, else `not_before`."""
        return self.relative_to or self.not_before

    def answer(self, answer_id: str) -> Answer | None:
        for a in self.answers:
            if a.id == answer_id:
                return a
        return None


class Recommendation(Record, frozen=True):
    """An end node: the next step, cited."""

    id: Annotated[str, spec("Node id, the key in `nodes`.", from_key=True)]
    title: Annotated[str, spec("The next step in a few words.", key="recommend", nonempty=True)]
    text: Annotated[str, spec("A short plain explanation.", nonempty=True)]
    citations: Annotated[
        tuple[Citation, ...], spec("Sources that give this advice (at least one).", key="because")
    ] = ()
    disagreements: Annotated[
        tuple[Disagreement, ...], spec("Where other sources say otherwise.", key="disagree")
    ] = ()
    our_reading: Annotated[
        str | None,
        spec(
            "Where the text interprets the articles rather than saying what they say: "
            "our reading, shown on screen labelled as ours."
        ),
    ] = None
    schedule: Annotated[tuple[DateRule, ...], spec("When to do it.", key="when")] = ()
    templates: Annotated[tuple[str, ...], spec("Ids of ready texts from `templates`.")] = ()
    plain_language_exception: Annotated[str | None, spec(EXCEPTION_DOC, nonempty=True)] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


Node = Question | Recommendation
# Which key tells a node's kind; the loader and the schema both read this.
NODE_KINDS: dict[str, type[Question] | type[Recommendation]] = {
    "question": Question,
    "recommend": Recommendation,
}


class Example(Record, frozen=True):
    """A scenario the checker and the tests walk: answers in order -> expected node."""

    name: Annotated[str, spec("What situation this is.", nonempty=True)]
    answers: Annotated[tuple[str, ...], spec("Answer ids (or values for inputs), in order.")]
    expect: Annotated[
        str, spec("Id of the recommendation these answers must reach.", nonempty=True)
    ]
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)


class Tree(Record, frozen=True):
    """One decision tree file."""

    id: Annotated[str, spec("Stable tree id, also the file name without .yaml.", nonempty=True)]
    title: Annotated[str, spec("Title shown in the picker.", nonempty=True)]
    start: Annotated[str, spec("Id of the first node.", nonempty=True)]
    nodes: Annotated[dict[str, Node], spec("Questions and recommendations, by id.")]
    description: Annotated[str | None, spec("One line shown in the picker.")] = None
    placeholders: Annotated[
        dict[str, str], spec("Template placeholders: name -> the label the user fills in.")
    ] = {}
    templates: Annotated[dict[str, Template], spec("Ready texts, by id.")] = {}
    examples: Annotated[tuple[Example, ...], spec("Scenarios the test suite runs.")] = ()
    reading_grade: Annotated[
        int,
        spec(
            "The plain-language goal: our own prose (not the quotes) at or below this "
            "Flesch-Kincaid grade; `advice check` warns above it (ADV029)."
        ),
    ] = 8
    reviewed: Annotated[str | None, spec(REVIEWED_DOC, iso_date=True)] = None
    review_by: Annotated[str | None, spec(REVIEW_BY_DOC, iso_date=True)] = None
    loc: Loc = NOWHERE  # where it was written (the loader fills it in)

    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    def recommendations(self) -> list[Recommendation]:
        return [n for n in self.nodes.values() if isinstance(n, Recommendation)]


def successors(node: Node) -> list[str]:
    """Ids a node leads to, in order."""
    if isinstance(node, Recommendation):
        return []
    return [way.target for way in node.kind.ways(node)]


# -- the YAML view of the model (the loader and the schema both read it) ---------------


class FieldSpec(msgspec.Struct, frozen=True):
    name: str
    key: str
    type: Any
    doc: str
    required: bool
    default: Any  # the default value when not required (None for a {} or () default)
    from_key: bool
    nonempty: bool
    min_items: int
    iso_date: bool


def is_record(tp: Any) -> bool:
    """A model class (as a type, not an instance)."""
    return isinstance(tp, type) and issubclass(tp, Record)


_FIELDS: dict[type, list[FieldSpec]] = {}


def model_fields(cls: type) -> list[FieldSpec]:
    """The YAML view of a model class: what the loader reads and the schema describes.
    A field without a Spec (`loc`) is not read from YAML."""
    found = _FIELDS.get(cls)
    if found is None:
        # Read off the class itself rather than through typing.get_type_hints (half
        # the time of a warm start's load): this module does not use `from __future__
        # import annotations`, so each annotation is the type itself.
        names: tuple[str, ...] = cls.__struct_fields__  # type: ignore[attr-defined]
        defaults: tuple[Any, ...] = cls.__struct_defaults__  # type: ignore[attr-defined]
        first_default = len(names) - len(defaults)
        found = []
        for i, name in enumerate(names):
            hint: Any = cls.__annotations__[name]
            if typing.get_origin(hint) is not Annotated:
                continue  # no Spec: not read from YAML (`loc`)
            meta = next(m for m in hint.__metadata__ if isinstance(m, Spec))
            value = defaults[i - first_default] if i >= first_default else None
            found.append(
                FieldSpec(
                    name=name,
                    key=meta.key or name,
                    type=hint.__origin__,
                    doc=meta.doc,
                    required=i < first_default,
                    # {} and [] defaults are stored as factories; only plain values count
                    default=value if isinstance(value, (bool, int, str, tuple)) else None,
                    from_key=meta.from_key,
                    nonempty=meta.nonempty,
                    min_items=meta.min_items,
                    iso_date=meta.iso_date,
                )
            )
        _FIELDS[cls] = found
    return found


_BY_KEY: dict[type, dict[str, FieldSpec]] = {}


def fields_by_key(cls: type) -> dict[str, FieldSpec]:
    """model_fields by YAML key (fields filled from a mapping key excluded)."""
    found = _BY_KEY.get(cls)
    if found is None:
        found = _BY_KEY[cls] = {s.key: s for s in model_fields(cls) if not s.from_key}
    return found
