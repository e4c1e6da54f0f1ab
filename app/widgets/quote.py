"""Quotes, word for word, then who said it (the engine's byline: advice.bylines)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class QuoteBlock(Static):
    """One speaker's quotes in a row and their byline once, as `bylines.grouped` gives
    them. One widget, not a container: a recommendation shows many and each widget
    costs styling time."""

    def __init__(self, byline: str, quotes: list[str]) -> None:
        parts: list[Content | str] = []
        for quote in quotes:
            parts += [Content.styled(f"“{quote}”", "italic"), "\n"]
        parts.append(Content.styled(f"— {byline}", "dim"))
        super().__init__(Content.assemble(*parts), classes="quote")
        self.byline = byline
        self.quotes = quotes
