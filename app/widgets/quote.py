"""A citation: the quote, word for word, then who said it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static


def author_of(citation: dict[str, Any]) -> str:
    """The author, or the source id when sources.yaml does not list it."""
    return str(citation.get("author") or citation["source"])


class QuoteBlock(Vertical):
    """`citation` is one entry of session_json's `citations`."""

    def __init__(self, citation: dict[str, Any], show_author: bool = True) -> None:
        super().__init__(classes="quote")
        self.citation = citation
        self.show_author = show_author

    def compose(self) -> ComposeResult:
        c = self.citation
        yield Static(Content(f"“{c['quote']}”"), classes="quote-text")
        if self.show_author:
            role = f", {c['role']}" if c.get("role") else ""
            yield Static(Content(f"— {author_of(c)}{role}"), classes="quote-author")
