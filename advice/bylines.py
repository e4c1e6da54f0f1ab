"""Who said it, in words: the one place a citation's speaker and byline are written.

Every front end (the app, the plain walk, the Markdown, calendar and JSON exports)
shows the `speaker` and `byline` that `view.citation_view` puts in each citation, made
here, and signs a quote with `signature`, so that a quote reads the same everywhere
and no front end composes its own.

A byline reads like a careful newspaper's: "A. Harrison Barnes, career coach, quoted in
a post on a job-board blog"; "the writer (unnamed) of a post on a job seekers'
community site"; reported words: "A. Harrison Barnes, career coach, as reported (not
quoted) by a post on another job-board blog". A name appears once; brackets never nest.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from advice.model import WRITER, Citation, Person, Source, Writer


def _name(who: Writer | Person, fallback: str) -> str:
    return who.name or who.called or fallback


def speaker_name(source: Source | None, citation: Citation) -> str:
    """A short human name for whose words these are: 'A. Harrison Barnes', 'the blog
    post's writer'. The source id when sources.yaml does not list the source or speaker
    (the checker reports that)."""
    if source is None:
        return citation.source
    if citation.speaker == WRITER:
        return _name(source.writer, f"the writer of {source.what}")
    person = source.person(citation.speaker)
    return _name(person, citation.speaker) if person else citation.speaker


def speaker_role(source: Source | None, citation: Citation) -> str | None:
    """The speaker's role as the article gives it, word for word (None if it gives none)."""
    if source is None:
        return None
    who = source.writer if citation.speaker == WRITER else source.person(citation.speaker)
    return who.role if who else None


def _who(who: Writer | Person, fallback: str) -> str:
    """Name (or description, marked unnamed) and short role: 'A. Harrison Barnes, career
    coach'; 'a human resources manager for a cellular company (unnamed)'."""
    role = who.short_role or (who.role if who.name else None)
    named = who.name or f"{who.called or fallback} (unnamed)"
    return f"{named}, {role}" if role else named


def byline(source: Source | None, citation: Citation) -> str:
    """The line under a quote: who said it, and where."""
    if source is None:
        return citation.source
    if citation.speaker == WRITER:
        writer = source.writer
        if writer.name is None:
            return f"the writer (unnamed) of {source.what}"
        where = "" if writer.name in source.what else f", in {source.what}"
        return f"{_who(writer, 'the writer')}{where}"
    person = source.person(citation.speaker)
    if person is None:
        return f"{citation.speaker}, in {source.what}"
    if citation.reported:
        return f"{_who(person, citation.speaker)}, as reported (not quoted) by {source.what}"
    return f"{_who(person, citation.speaker)}, quoted in {source.what}"


def signature(who: str) -> str:
    """How every front end signs a quote with its byline: '— A. Harrison Barnes, ...'."""
    return f"— {who}"


class Quoted(Protocol):
    """A citation as shown (advice.view.CitationView): its byline and its words."""

    @property
    def byline(self) -> str: ...
    @property
    def quote(self) -> str: ...


def grouped(citations: Iterable[Quoted]) -> list[tuple[str, list[str]]]:
    """Citations as (byline, quotes): next quotes by the same speaker in the same
    article share one byline, so a screen names each once in a row. Every front end
    lays a step's quotes out with this."""
    out: list[tuple[str, list[str]]] = []
    for c in citations:
        if out and out[-1][0] == c.byline:
            out[-1][1].append(c.quote)
        else:
            out.append((c.byline, [c.quote]))
    return out


# The labels of a recommendation's two sides, the same in every front end.
THIS_STEP = "For this step"
OTHER_VIEW = "The other view"
OUR_READING = "Our reading, not the articles' words"
