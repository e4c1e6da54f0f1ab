"""Diagnostics with stable codes: one line each, `file:line:col: ADVnnn message`.

Codes never change meaning once shipped; scripts and the bad-input corpus rely on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import msgspec

from advice.errors import AdviceError as AdviceError  # defined there, light to import
from advice.escape import shown
from advice.model import Loc, SourceList, Tree

Severity = Literal["error", "warning"]

# code -> (severity, what it guards against). The README table is built from this.
CODES: dict[str, tuple[Severity, str]] = {
    "ADV001": ("error", "the file is not readable YAML (syntax, tabs, encoding, empty, too large)"),
    "ADV002": ("error", "unknown key (a typo or a field the format does not have)"),
    "ADV003": ("error", "a required field is missing"),
    "ADV004": ("error", "a value has the wrong type (text, number, list, mapping, true/false)"),
    "ADV005": ("error", "the same key twice in one mapping"),
    "ADV006": ("error", "the same id twice (answer, source, example)"),
    "ADV007": ("error", "a target that does not exist (start, goto, expect)"),
    "ADV008": ("warning", "a node no path from the start reaches"),
    "ADV009": ("error", "a cycle: answers that lead back to an earlier question"),
    "ADV010": ("error", "a question with fewer than two answers, or an input without goto"),
    "ADV011": ("error", "a recommendation without a citation"),
    "ADV012": ("error", "a citation to a source that sources.yaml does not list"),
    "ADV013": ("error", "an example whose answers do not reach its expected node"),
    "ADV014": ("error", "YAML features trees do not allow: tags such as !!python/object, aliases"),
    "ADV015": ("error", "an empty text where words are needed (quote, label, title)"),
    "ADV016": ("error", "a template or placeholder that is not defined"),
    "ADV017": (
        "error",
        "a date rule counting from, or a date question not before, a fact no date question gives",
    ),
    "ADV018": ("error", "a quote that does not appear word for word in its source text"),
    "ADV019": ("warning", "a question whose answers all lead to the same place"),
    "ADV020": ("warning", "a path from the start that does not end at a cited recommendation"),
    "ADV021": (
        "error",
        "a quote in the wrong mouth: a person's words outside their quotation marks "
        "and not marked reported, or the writer's inside someone's (with --sources)",
    ),
    "ADV022": ("error", "a citation's speaker that its source does not list"),
    "ADV025": ("error", "a control character in a text (escape sequences, C1 or bidi controls)"),
    "ADV026": ("error", "a source `file:` that is not a readable file name in the sources folder"),
    "ADV027": ("warning", "an id with invisible or look-alike characters (zero-width, Cyrillic a)"),
    "ADV029": (
        "warning",
        "our own prose above the tree's reading grade, a sentence over 25 words, "
        "or a word a plain-language guide would replace",
    ),
    "ADV030": ("warning", "a review date that has passed (`review_by`), or one that cannot be"),
    "ADV031": ("warning", "a recommendation that no example reaches"),
    "ADV033": ("warning", "a date rule without `because:`, the article's sentence it comes from"),
    "ADV034": ("warning", "a date rule that can pass (`late: passed`) without a `late_note`"),
}


class Diagnostic(msgspec.Struct, frozen=True):
    code: str
    message: str
    loc: Loc

    def __post_init__(self) -> None:
        # Messages quote ids and values from the file; a newline or an escape sequence
        # in one must not split the line or drive the terminal.
        msgspec.structs.force_setattr(self, "message", shown(self.message, one_line=True))

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else " (warning)"
        return f"{self.loc}: {self.code} {self.message}{tag}"


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.5) -> str:
    """'; did you mean 'x'?' for the closest choice, or '' when none is close."""
    import difflib  # only when there is a mistake to suggest for

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f"; did you mean '{close[0]}'?" if close else ""


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    return (d.loc.file, d.loc.line, d.loc.col, d.code)


class CheckResult(msgspec.Struct):
    """A checked tree file: the tree (None when it could not be read), its sources and
    every problem found."""

    path: Path
    tree: Tree | None
    sources: SourceList | None
    diagnostics: list[Diagnostic] = msgspec.field(default_factory=list)

    def errors(self, strict: bool = False) -> list[Diagnostic]:
        return [d for d in self.diagnostics if strict or d.severity == "error"]

    def ok(self, strict: bool = False) -> bool:
        return self.tree is not None and not self.errors(strict)
