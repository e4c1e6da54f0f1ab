"""YAML text -> light nodes with line and column, straight from the parser's events.

PyYAML's own compose step resolves every plain scalar with Python regexes and builds
heavy node objects; reading libyaml's event stream ourselves is several times faster
(see benchmarks/), never recurses (so deep nesting cannot crash us), and meets an
alias as an event of its own, so an alias is never expanded at all.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:  # the C parser where PyYAML was built with libyaml
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

SCALAR, SEQUENCE, MAPPING, ALIAS = 0, 1, 2, 3
KIND_NAMES = {SEQUENCE: "a list", MAPPING: "a mapping", ALIAS: "an alias"}
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
MAX_DEPTH = 100  # trees need about 8 levels; far deeper is a mistake or an attack
# A 10,000-node tree has about 270,000 values. Without a bound, 8 MB of `[[]]` makes
# about 7 million nodes: 26 s and 750 MB before the checker says anything.
MAX_VALUES = 500_000


# What can open or close a flow collection, start a quoted text or a comment.
_FLOW_TOKEN = re.compile(r"""[\[\]{}'"#\n]""")
_QUOTED = {"'": re.compile(r"'(?:[^']|'')*'"), '"': re.compile(r'"(?:[^"\\]|\\.)*"', re.S)}


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where flow brackets first nest deeper than MAX_DEPTH, by a lexical scan.

    Only for a file the parser has already refused: it tells our own limit from
    whatever the parser's libyaml release stopped at, so the message never depends on
    the library's version. Quotes count only where a quoted text can start, so the
    apostrophe of "don't" opens nothing."""
    depth = line = 0
    line_start = pos = 0
    while (m := _FLOW_TOKEN.search(text, pos)) is not None:
        ch, at = m.group(), m.start()
        pos = at + 1
        if ch == "\n":
            line, line_start = line + 1, pos
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line + 1, at - line_start + 1
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif at == line_start or text[at - 1] in " \t[{,:":
            if ch == "#":  # a comment runs to the end of its line
                end = text.find("\n", at)
                pos = len(text) if end < 0 else end
            else:
                quoted = _QUOTED[ch].match(text, at)
                if quoted is None:
                    return None
                inner = quoted.group()
                line += inner.count("\n")
                if "\n" in inner:
                    line_start = at + inner.rfind("\n") + 1
                pos = quoted.end()
    return None


class YNode:
    """A scalar (value: str), a sequence (value: list of YNode) or a mapping
    (value: list of (key, value) pairs, duplicates kept so they can be reported)."""

    __slots__ = ("anchor", "col", "kind", "line", "plain", "tag", "value")

    def __init__(
        self,
        kind: int,
        value: Any,
        line: int,
        col: int,
        tag: str | None,
        plain: bool,
        anchor: str | None = None,
    ) -> None:
        self.kind = kind
        self.value = value
        self.line = line  # 1-based, as editors count
        self.col = col
        self.tag = tag  # None unless the author wrote one
        self.plain = plain
        self.anchor = anchor  # None unless the author wrote `&name`

    @property
    def is_null(self) -> bool:
        # An anchored empty value is not "nothing": its anchor must still be reported.
        return (
            self.kind == SCALAR
            and self.plain
            and self.tag is None
            and self.anchor is None
            and self.value in NULLS
        )

    def describe(self) -> str:
        if self.kind != SCALAR:
            return KIND_NAMES[self.kind]
        if self.is_null:
            return "nothing"
        return f"the text {self.value!r}" if len(self.value) < 40 else "a text"


class ComposeError(Exception):
    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def compose(text: str) -> YNode | None:
    """The first and only document of `text`, or None when it has none."""
    loader = _Parser(text)
    get = loader.get_event
    scalar_ev, alias_ev = yaml.ScalarEvent, yaml.AliasEvent
    seq_ev, map_ev = yaml.SequenceStartEvent, yaml.MappingStartEvent
    end_evs = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    doc_ev = yaml.DocumentStartEvent
    stack: list[YNode] = []
    keys: list[YNode | None] = []  # per open mapping: the key waiting for its value
    root: YNode | None = None
    documents = 0
    values = 0
    try:
        while loader.check_event():
            ev = get()
            cls = type(ev)
            if cls is scalar_ev or cls is alias_ev or cls is seq_ev or cls is map_ev:
                mark = ev.start_mark
                values += 1
                if values > MAX_VALUES:
                    raise ComposeError(
                        f"the file holds more than {MAX_VALUES:,} values; "
                        "a tree file is far smaller",
                        mark.line + 1,
                        mark.column + 1,
                    )
                if cls is scalar_ev:
                    node = YNode(
                        SCALAR,
                        ev.value,
                        mark.line + 1,
                        mark.column + 1,
                        ev.tag,
                        ev.implicit[0],
                        ev.anchor,
                    )
                elif cls is alias_ev:
                    node = YNode(ALIAS, ev.anchor, mark.line + 1, mark.column + 1, None, False)
                else:
                    node = YNode(
                        SEQUENCE if cls is seq_ev else MAPPING,
                        [],
                        mark.line + 1,
                        mark.column + 1,
                        ev.tag,
                        False,
                        ev.anchor,
                    )
                if stack:
                    parent = stack[-1]
                    if parent.kind == SEQUENCE:
                        parent.value.append(node)
                    elif keys[-1] is None:
                        keys[-1] = node
                    else:
                        parent.value.append((keys[-1], node))
                        keys[-1] = None
                else:
                    root = node
                if node.kind == SEQUENCE or node.kind == MAPPING:
                    if len(stack) >= MAX_DEPTH:
                        raise ComposeError(
                            f"the file is nested more than {MAX_DEPTH} levels deep",
                            node.line,
                            node.col,
                        )
                    stack.append(node)
                    keys.append(None)
            elif cls in end_evs:
                stack.pop()
                keys.pop()
            elif cls is doc_ev:
                documents += 1
                if documents > 1:
                    mark = ev.start_mark
                    raise ComposeError(
                        "the file holds more than one YAML document (---); a tree file holds one",
                        mark.line + 1,
                        mark.column + 1,
                    )
    except yaml.MarkedYAMLError as exc:
        deep = _too_deep(text)
        if deep is not None:
            # libyaml has a nesting limit of its own (1,000 since PyYAML 6.0.4) and, in a
            # flow collection, scans ahead far enough to hit it before we see depth 100.
            raise ComposeError(
                f"the file is nested more than {MAX_DEPTH} levels deep", *deep
            ) from None
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        if exc.context_mark and exc.context and "end of stream" in problem:
            # An unclosed quote or bracket: the end of the file is not where to look.
            mark = exc.context_mark
            what = exc.context.removeprefix("while scanning ").removeprefix("while parsing ")
            problem = f"{what} that starts here is never closed"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        last = len(_BREAK.findall(text)) + 1
        if line > last:  # libyaml counts one more line when the last has no line break
            line, col = last, len(_BREAK.split(text)[-1]) + 1
        lines = text.split("\n")
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            problem = f"{problem} (a tab: indent with spaces, YAML does not allow tabs here)"
        raise ComposeError(f"YAML syntax error: {problem}", line, col) from None
    except yaml.reader.ReaderError as exc:
        # libyaml gives a byte offset into the UTF-8 text; editors count characters.
        before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        raise ComposeError(
            f"the character #x{exc.character:04x} is not allowed in YAML ({exc.reason})", line, col
        ) from None
    except yaml.YAMLError as exc:
        first = str(exc).split("\n", 1)[0]  # one line, whatever the error
        raise ComposeError(f"YAML error: {first}", 1, 1) from None
    finally:
        loader.dispose()
    return root
