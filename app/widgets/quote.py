"""A citation: the quote, word for word, then who said it."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Static


def author_of(citation: dict[str, Any]) -> str:
    """The author, or the source id when sources.yaml does not list it."""
    return str(citation.get("author") or citation["source"])


class QuoteBlock(Static):
    """`citation` is one entry of session_json's `citations`. One widget, not a
    container: a recommendation shows many and each widget costs styling time."""

    def __init__(self, citation: dict[str, Any], show_author: bool = True) -> None:
        quote = Content.styled(f"“{citation['quote']}”", "italic")
        if show_author:
            role = f", {citation['role']}" if citation.get("role") else ""
            quote = Content.assemble(quote, "\n", (f"— {author_of(citation)}{role}", "dim"))
        super().__init__(quote, classes="quote")
        self.citation = citation
