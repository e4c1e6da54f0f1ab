"""Strict YAML -> model, with file:line:col on every problem.

advice.yamlnodes turns libyaml's event stream into light nodes; we then build the
model ourselves from those nodes, reading the classes in `advice.model`. That way
every value keeps its line and column, strings stay exactly as the author wrote them
(`yes`, `no`, `010`, `12:30`), duplicate and unknown keys are reported, and no YAML
tag can ever construct a Python object. Problems are collected, not raised, so one run
shows them all.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import yaml

from advice.diagnostics import Diagnostic, did_you_mean
from advice.escape import CONTROL, shown
from advice.library import max_bytes
from advice.lookalike import lookalike
from advice.model import (
    NODE_KINDS,
    Loc,
    Node,
    SourceList,
    Tree,
    fields_by_key,
    is_record,
    model_fields,
)
from advice.yamlnodes import ALIAS, MAPPING, SCALAR, SEQUENCE, ComposeError, YNode, compose

try:  # the C parser is several times faster; fall back where libyaml is absent
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

T = TypeVar("T")
# No count in a tree needs ten digits; int() itself refuses 4,300 or more.
MAX_INT_DIGITS = 9
MAX_INT = 10**MAX_INT_DIGITS - 1


class StrictLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader with YAML 1.2-style scalars and no duplicate keys.

    Only `true`/`false` are booleans; `yes`, `on`, `010` and `12:30` stay strings.
    Our decoder reads the composed nodes directly; this class also makes a plain
    `yaml.load(text, StrictLoader)` behave the same way for tools and tests.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


for _tag, _regex, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    StrictLoader.add_implicit_resolver(_tag, re.compile(_regex), list(_first))

_INT_RE = re.compile(r"[-+]?[0-9]+\Z")


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _is_iso_date(text: str) -> bool:
    """YYYY-MM-DD and a real day (not 2026-02-30)."""
    if not _ISO_DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


class _Bad:
    """Marks a value that could not be decoded (already reported)."""


BAD: Any = _Bad()


class LoadResult(msgspec.Struct):
    """A loaded file: the model (None when unusable), its problems, every node key
    that was written, even ones whose content was broken (so the checker does not
    report a second, cascading 'unknown target' for them), and where each top-level
    key's value was written (a bad `start:` is reported there, not at the file's top)."""

    value: Any
    diagnostics: list[Diagnostic] = msgspec.field(default_factory=list)
    written_node_ids: set[str] = msgspec.field(default_factory=set)
    value_locs: dict[str, Loc] = msgspec.field(default_factory=dict)


def _hint(word: str, choices: typing.Iterable[str]) -> str:
    # Stricter than the checker's: keys are short, and a loose match misleads.
    return did_you_mean(word, choices, cutoff=0.6)


Decode = Callable[[YNode, str], Any]


class _Decoder:
    def __init__(self, file: str, controls: bool = True) -> None:
        self.file = file
        # Whether any value may hold a control character: the file's text has one, or
        # a backslash (a double-quoted escape such as "\e"). Most files have neither,
        # and then no value needs a look.
        self.controls = controls
        self.diagnostics: list[Diagnostic] = []
        self.node_ids: set[str] = set()
        self.cache: dict[Any, Decode] = {}

    # -- reporting ------------------------------------------------------------------
    def loc(self, node: YNode) -> Loc:
        return Loc(self.file, node.line, node.col)

    def report(self, code: str, message: str, node: YNode) -> Any:
        self.diagnostics.append(Diagnostic(code, message, self.loc(node)))
        return BAD

    def admit(self, node: YNode) -> bool:
        """Refuse aliases and tags before reading a node; report an anchor (the value
        itself is still read, so one mistake gives one line)."""
        if node.kind == ALIAS:
            self.report(
                "ADV014",
                f"the alias *{node.value} is not allowed: tree files "
                "write every value out (no anchors and aliases)",
                node,
            )
            return False
        if node.anchor is not None:
            self.report(
                "ADV014",
                f"the anchor &{node.anchor} is not allowed: tree files "
                "write every value out (no anchors and aliases)",
                node,
            )
        if node.tag is not None:
            # Even the standard ones: `!!int notanumber` and `days: !!str 5` would be
            # read as something they do not say. Quotes make a text: "010".
            self.report(
                "ADV014",
                f"the tag {node.tag!r} is not allowed: tree files use no tags "
                '(write "010" in quotes for a text)',
                node,
            )
            return False
        return True

    def opens(self, node: YNode, what: str, kind: int, noun: str) -> bool:
        """Whether a list or mapping can be read: admitted, and of that kind (else said)."""
        if not self.admit(node):
            return False
        if node.kind != kind:
            self.report("ADV004", f"{what} must be {noun}, not {node.describe()}", node)
            return False
        return True

    def control(self, node: YNode, what: str, value: str) -> None:
        """ADV025: a control character in a text (see advice.escape)."""
        found = CONTROL.search(value)
        if found is not None:
            self.report(
                "ADV025",
                f"{what} holds the control character {shown(found.group(), one_line=True)} "
                "(an escape sequence, a C1 or bidi control: it would drive the terminal, "
                "not show); remove it",
                node,
            )

    def identifier(self, value: str, what: str, node: YNode) -> None:
        """ADV027: an id that reads as something it is not (see advice.lookalike)."""
        why = None if CONTROL.search(value) else lookalike(value)  # else ADV025 said it
        if why is not None:
            self.report(
                "ADV027",
                f"the id '{value}' ({what}) holds {why}: it is not the id it looks like",
                node,
            )

    # -- decoders by type -----------------------------------------------------------
    def decoder(self, tp: Any) -> Decode:
        found = self.cache.get(tp)
        if found is None:
            found = self._make(tp)
            self.cache[tp] = found
        return found

    def _make(self, tp: Any) -> Decode:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp is str:
            return self.text
        if tp is int:
            return self.integer
        if tp is bool:
            return self.boolean
        if origin is typing.Literal:
            return lambda node, what: self.choice(node, what, args)
        if tp == Node:
            return lambda node, what: self.mapping(node, what, Node)
        if origin in (types.UnionType, typing.Union):
            inner = [a for a in args if a is not type(None)]
            return self.decoder(inner[0])
        if origin is tuple:
            item = self.decoder(args[0])
            return lambda node, what: self.sequence(node, what, item)
        if origin is dict:
            return lambda node, what: self.mapping(node, what, args[1])
        if is_record(tp):
            return lambda node, what: self.record(node, what, tp)
        raise TypeError(f"no decoder for {tp!r}")  # a model bug, not a user error

    def scalar(self, node: YNode, what: str, expected: str) -> str | None:
        if node.kind == SCALAR and node.tag is None and node.anchor is None and not node.is_null:
            value = str(node.value)  # the common case, kept short: it runs for every value
            if self.controls:
                self.control(node, what, value)
            return value
        if not self.admit(node):
            return None
        if node.kind != SCALAR or node.is_null:
            self.report("ADV004", f"{what} must be {expected}, not {node.describe()}", node)
            return None
        value = str(node.value)
        if self.controls:
            self.control(node, what, value)
        return value

    def text(self, node: YNode, what: str) -> Any:
        value = self.scalar(node, what, "text")
        return BAD if value is None else value

    def integer(self, node: YNode, what: str) -> Any:
        value = self.scalar(node, what, "a whole number")
        if value is None:
            return BAD
        if not _INT_RE.match(value):
            return self.report("ADV004", f"{what} must be a whole number, not {value!r}", node)
        digits = value.lstrip("+-").lstrip("0") or "0"
        if len(digits) > MAX_INT_DIGITS:  # before int() sees it
            return self.report("ADV004", f"{what} is too large a number ({value[:12]}...)", node)
        return -int(digits) if value.startswith("-") else int(digits)

    def boolean(self, node: YNode, what: str) -> Any:
        value = self.scalar(node, what, "true or false")
        if value is None:
            return BAD
        if value.lower() not in ("true", "false"):
            return self.report("ADV004", f"{what} must be true or false, not {value!r}", node)
        return value.lower() == "true"

    def choice(self, node: YNode, what: str, options: tuple[str, ...]) -> Any:
        value = self.scalar(node, what, "one of " + ", ".join(options))
        if value is None:
            return BAD
        if value not in options:
            return self.report(
                "ADV004",
                f"{what} must be one of {', '.join(options)}, not {value!r}{_hint(value, options)}",
                node,
            )
        return value

    def sequence(self, node: YNode, what: str, item: Decode) -> Any:
        if not self.opens(node, what, SEQUENCE, "a list"):
            return BAD
        out = [item(child, f"item {i + 1} of {what}") for i, child in enumerate(node.value)]
        return tuple(v for v in out if v is not BAD)

    def keys(self, node: YNode, what: str) -> list[tuple[str, YNode, YNode]]:
        """The mapping's (key, key node, value node) triples; bad and repeated keys reported."""
        out: list[tuple[str, YNode, YNode]] = []
        first: dict[str, YNode] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, f"a key in {what}", "text")
            if key is None:
                continue
            if key in first:
                line = first[key].line
                self.report(
                    "ADV005", f"duplicate key '{key}' in {what} (first on line {line})", key_node
                )
                continue
            first[key] = key_node
            out.append((key, key_node, value_node))
        return out

    def mapping(self, node: YNode, what: str, value_type: Any) -> Any:
        if not self.opens(node, what, MAPPING, "a mapping"):
            return BAD
        decode = self.decoder(value_type)
        out: dict[str, Any] = {}
        for key, key_node, value_node in self.keys(node, what):
            self.identifier(key, f"a key in {what}", key_node)
            if value_type == Node:
                self.node_ids.add(key)
                value = self.node(value_node, key, key_node)
            elif is_record(value_type):
                value = self.record(value_node, f"'{key}'", value_type, key, key_node)
            else:
                value = decode(value_node, f"'{key}' in {what}")
            if value is not BAD:
                out[key] = value
        return out

    def node(self, node: YNode, key: str, key_node: YNode | None = None) -> Any:
        what = f"node '{key}'"
        if node.kind != MAPPING:
            if not self.admit(node):
                return BAD
            return self.report(
                "ADV004",
                f"{what} must be a mapping with `question` or `recommend`, not {node.describe()}",
                node,
            )
        present = {k.value for k, _ in node.value if k.kind == SCALAR}
        kinds = [k for k in NODE_KINDS if k in present]
        if not kinds:
            return self.report(
                "ADV003",
                f"{what} needs `question` (to ask) or `recommend` (to advise)",
                key_node or node,
            )
        if len(kinds) > 1:
            return self.report(
                "ADV004",
                f"{what} has both `question` and `recommend`; a node is one or the other",
                key_node or node,
            )
        return self.record(node, what, NODE_KINDS[kinds[0]], key, key_node)

    def record(
        self,
        node: YNode,
        what: str,
        cls: Any,
        key: str | None = None,
        key_node: YNode | None = None,
    ) -> Any:
        if not self.opens(node, what, MAPPING, "a mapping"):
            return BAD
        specs = model_fields(cls)
        by_key = fields_by_key(cls)
        values: dict[str, Any] = {}
        failed = False
        for k, k_node, v_node in self.keys(node, what):
            s = by_key.get(k)
            if s is None:
                self.report("ADV002", f"unknown key '{k}' in {what}{_hint(k, by_key)}", k_node)
                continue
            if v_node.is_null and not s.required:
                continue  # `help:` with nothing after it means no help
            value = self.decoder(s.type)(v_node, f"`{k}` of {what}")
            if value is BAD:
                failed = failed or s.required
                continue
            if s.nonempty and not value.strip():
                self.report("ADV015", f"`{k}` of {what} is empty", v_node)
            if s.name == "id":
                self.identifier(value, f"`{k}` of {what}", v_node)
            if s.iso_date and not _is_iso_date(value):
                self.report(
                    "ADV004",
                    f"`{k}` of {what} must be a date like 2026-11-20, not {value!r}",
                    v_node,
                )
                continue
            if s.min_items and len(value) < s.min_items:
                self.report(
                    "ADV003", f"`{k}` of {what} needs at least {s.min_items} item(s)", v_node
                )
            values[s.name] = value
        for s in specs:
            if s.from_key:
                values[s.name] = key
            elif s.required and s.name not in values:
                if not failed:
                    self.report("ADV003", f"{what} is missing `{s.key}`", key_node or node)
                failed = True
        if failed:
            return BAD
        where = key_node or node
        return cls(**values, loc=Loc(self.file, where.line, where.col))


# -- reading files ----------------------------------------------------------------------


def _fail(file: str, line: int, col: int, message: str, code: str = "ADV001") -> LoadResult:
    return LoadResult(None, [Diagnostic(code, message, Loc(file, line, col))])


def compose_text(text: str, file: str) -> tuple[YNode | None, list[Diagnostic]]:
    """Parse YAML text into nodes; a syntax problem becomes an ADV001 diagnostic."""
    try:
        return compose(text), []
    except ComposeError as exc:
        return None, [Diagnostic("ADV001", exc.message, Loc(file, exc.line, exc.col))]


def read_text(
    path: Path, file: str | None = None, what: str = "tree files"
) -> tuple[str | None, list[Diagnostic]]:
    """Read a tree file (or another text `what` names) as UTF-8 within the size limit."""
    name = file or str(path)
    limit = max_bytes()
    try:
        size = path.stat().st_size
        data = b""
        if size <= limit:
            # Read at most one byte over the limit: /dev/zero, a pipe or a file still
            # growing report a size below what they hold and would otherwise fill memory.
            with path.open("rb") as f:
                data = f.read(limit + 1)
        if size > limit or len(data) > limit:
            shown = f" ({size / (1024 * 1024):.1f} MB)" if size > limit else ""
            return None, [
                Diagnostic(
                    "ADV001",
                    f"the file is too large{shown}: {what} are limited to "
                    f"{limit / (1024 * 1024):g} MB (set ADVICE_MAX_BYTES to change the limit)",
                    Loc(name, 1, 1),
                )
            ]
    except OSError as exc:
        return None, [
            Diagnostic("ADV001", f"cannot read the file: {exc.strerror}", Loc(name, 1, 1))
        ]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Diagnostic(
                "ADV001",
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                Loc(name, line, col),
            )
        ]


def load_text(text: str, file: str, cls: type[T]) -> LoadResult:
    """Decode YAML text into a model class (Tree or SourceList)."""
    root, problems = compose_text(text, file)
    if problems:
        return LoadResult(None, problems)
    if root is None:
        return _fail(file, 1, 1, "the file is empty; a tree needs id, title, start and nodes")
    decoder = _Decoder(file, controls="\\" in text or CONTROL.search(text) is not None)
    what = "the tree" if cls is Tree else "the sources file"
    value = decoder.record(root, what, cls)
    result = LoadResult(None if value is BAD else value, decoder.diagnostics, decoder.node_ids)
    if root.kind == MAPPING:
        for key, item in reversed(root.value):  # the first of a repeated key wins, as above
            if key.kind == SCALAR:
                result.value_locs[key.value] = Loc(file, item.line, item.col)
    return result


def load_file(path: Path, cls: type[T], file: str | None = None) -> LoadResult:
    text, problems = read_text(path, file)
    if text is None:
        return LoadResult(None, problems)
    return load_text(text, file or str(path), cls)


def load_tree(path: Path) -> LoadResult:
    return load_file(path, Tree)


def load_sources(path: Path) -> LoadResult:
    return load_file(path, SourceList)
