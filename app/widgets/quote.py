"""Quotes, word for word, then who said it (the engine's byline: advice.bylines)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual.content import Content
from textual.widgets import Static

from advice.bylines import grouped, signature
from advice.view import CitationView


class QuoteBlock(Static):
    """One speaker's quotes in a row and their byline once, as `bylines.grouped` gives
    them. One widget, not a container: a recommendation shows many and each widget
    costs styling time."""

    def __init__(self, byline: str, quotes: list[str]) -> None:
        parts: list[Content | str] = []
        for quote in quotes:
            parts += [Content.styled(f"“{quote}”", "italic"), "\n"]
        parts.append(Content.styled(signature(byline), "dim"))
        super().__init__(Content.assemble(*parts), classes="quote")
        self.byline = byline
        self.quotes = quotes


def quote_blocks(citations: Sequence[CitationView]) -> Iterator[QuoteBlock]:
    """A block per speaker, in the order `bylines.grouped` gives (every screen's)."""
    for who, quotes in grouped(citations):
        yield QuoteBlock(who, quotes)
