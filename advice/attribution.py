"""Whose words a quote is, read off the article: the check behind ADV021.

A post's writer narrates and now and then quotes someone: only what lies inside that
person's quotation marks is theirs; what the post says they say ("Barnes says it's
likely ...") is reported speech, the post's words; the rest is the writer's. Given an
article's text (normalized as advice.quotes does: typographic quotes are plain `"`),
this finds its quotation marks, tells whose each quotation is from the name the text
gives beside it (a person's `named_as` in sources.yaml), and says whether a citation's
`speaker` and `reported` agree with where its quote lies.

It is a guard, not a parser: it catches a person's words cited as the writer's, the
writer's as a person's, and a person's reported words passed off as a quotation.
"""

from __future__ import annotations

import functools
import re

import msgspec

from advice.model import WRITER, Citation, Person, Source

# How far before a quotation (and after its closing mark) the text names its speaker:
# `says A. Harrison Barnes, career coach and president of "...` / `"...", says Barnes`.
_BEFORE = 160
_AFTER = 40
_SENTENCE_END = re.compile(r"[.!?][\"']? ")


class Quotation(msgspec.Struct, frozen=True):
    start: int  # first character inside the marks
    end: int  # the closing mark
    speaker: str | None  # a person's id, or None: the writer's own (an example line)


def _names(person: Person) -> tuple[str, ...]:
    found = person.named_as or tuple(n for n in (person.name, person.called) if n)
    return found


@functools.lru_cache(maxsize=16)
def quotations(text: str, source: Source) -> tuple[Quotation, ...]:
    """The text's quotations in order, each with the person the text names beside it.
    Cached: a tree cites each article dozens of times (a frozen Source hashes by value)."""
    marks = [i for i, ch in enumerate(text) if ch == '"']
    out: list[Quotation] = []
    previous_end = 0
    for open_at, close_at in zip(marks[0::2], marks[1::2], strict=False):
        before = text[max(previous_end, open_at - _BEFORE) : open_at]
        after = text[close_at + 1 : close_at + 1 + _AFTER]
        speaker = None
        for person in source.people:
            if any(name in before or name in after for name in _names(person)):
                speaker = person.id
                break
        out.append(Quotation(open_at + 1, close_at, speaker))
        previous_end = close_at + 1
    return tuple(out)


def _occurrences(quote: str, text: str) -> list[int]:
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence(s) holding text[start:end]."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    after = _SENTENCE_END.search(text, end)
    return text[begin : after.end() if after else len(text)]


def _within(at: int, size: int, spans: tuple[Quotation, ...]) -> Quotation | None:
    return next((q for q in spans if q.start <= at and at + size <= q.end), None)


def attribution_problem(citation: Citation, quote: str, source: Source, text: str) -> str | None:
    """Why `citation` (its normalized `quote` found in `text`) is in the wrong mouth, or
    None when some place the quote occurs agrees with its speaker."""
    spans = quotations(text, source)
    places = _occurrences(quote, text)
    if not places:
        return None  # not in the text at all: ADV018 says so
    if citation.speaker == WRITER:
        theirs: list[str] = []
        for at in places:
            q = _within(at, len(quote), spans)
            if q is None or q.speaker is None:
                return None
            theirs.append(q.speaker)
        who = source.person(theirs[0])
        name = (who.name or who.called or who.id) if who else theirs[0]
        return (
            f"these words are inside {name}'s quotation marks in '{citation.source}', "
            f"not the writer's: give `speaker: {theirs[0]}`"
        )
    person = source.person(citation.speaker)
    if person is None:
        return None  # an unknown speaker: ADV022 says so
    name = person.name or person.called or person.id
    if citation.reported:
        for at in places:
            if _within(at, len(quote), spans) is None and any(
                n in _sentence(text, at, at + len(quote)) for n in _names(person)
            ):
                return None
        return (
            f"marked as {name}'s reported words, but no sentence of '{citation.source}' "
            f"holding them names {name} outside quotation marks"
        )
    for at in places:
        q = _within(at, len(quote), spans)
        if q is not None and q.speaker == person.id:
            return None
    reported = any(
        _within(at, len(quote), spans) is None
        and any(n in _sentence(text, at, at + len(quote)) for n in _names(person))
        for at in places
    )
    if reported:
        return (
            f"these words are not inside {name}'s quotation marks in '{citation.source}': "
            f"the post reports what {name} says in its own words; add `reported: true`"
        )
    return (
        f"these words are not inside {name}'s quotation marks in '{citation.source}': "
        "they are the writer's (remove `speaker`)"
    )
