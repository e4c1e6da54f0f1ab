"""A tree as a graph, for `advice graph`: Mermaid (renders on GitHub and in the README)
or Graphviz DOT (`dot -Tsvg`).

Questions and recommendations are drawn in different shapes and classes; answers are the
edge labels. Every node of the tree appears, reachable or not, and a `goto` to a node
that does not exist is drawn to a "missing" node, so a graph of a broken tree shows
where it breaks. Text from the tree is data: it is escaped for each format, never
allowed to end a label or start new syntax.
"""

from __future__ import annotations

import re

import msgspec

from advice.escape import shown
from advice.model import Recommendation, Tree

FORMATS = ("mermaid", "dot")
_SPACE = re.compile(r"\s+")


class _Node(msgspec.Struct, frozen=True):
    id: str
    kind: str  # question | recommendation | missing
    label: str


class _Edge(msgspec.Struct, frozen=True):
    source: str
    target: str
    label: str


def _one_line(text: str) -> str:
    """Labels are drawn on one line: newlines and runs of spaces become one space, and
    a control character is written out (a tree with problems is drawn too)."""
    return _SPACE.sub(" ", shown(text)).strip()


def _parts(tree: Tree) -> tuple[list[_Node], list[_Edge]]:
    nodes: list[_Node] = []
    edges: list[_Edge] = []
    for node_id, node in tree.nodes.items():
        if isinstance(node, Recommendation):
            nodes.append(_Node(node_id, "recommendation", node.title))
            continue
        nodes.append(_Node(node_id, "question", node.text))
        edges.extend(_Edge(node_id, way.target, way.label) for way in node.kind.ways(node))
    known = set(tree.nodes)
    missing = [e.target for e in edges if e.target not in known]
    if tree.start not in known:
        missing.insert(0, tree.start)
    nodes.extend(_Node(m, "missing", f"missing: {m}") for m in dict.fromkeys(missing))
    return nodes, edges


# -- Mermaid ----------------------------------------------------------------------------

# Mermaid reads `#name;` / `#123;` as an entity inside labels, so `#` itself is escaped
# too; a quote would end the label, `|` an edge label, `<`/`>`/`&` could make HTML, a
# backslash `\n` a line break, `%%` a comment, and a leading backtick a Markdown string.
_MERMAID_ESCAPES = {c: f"#{ord(c)};" for c in '#"|<>&\\%`'}
_MERMAID_SHAPES = {
    "question": ('["', '"]'),
    "recommendation": ('(["', '"])'),
    "missing": ('[/"', '"/]'),
}
_MERMAID_STYLES = {
    "question": "fill:#eef3fb,stroke:#3a5a8c",
    "recommendation": "fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px",
    "missing": "fill:#fdecea,stroke:#c62828,stroke-dasharray:4 3",
}


def mermaid_text(text: str) -> str:
    return "".join(_MERMAID_ESCAPES.get(c, c) for c in _one_line(text))


def to_mermaid(tree: Tree) -> str:
    """A Mermaid flowchart. Node ids are n0, n1, ... in file order: tree ids can be any
    text, and some words (`end`, `graph`) are Mermaid keywords."""
    nodes, edges = _parts(tree)
    ids = {n.id: f"n{i}" for i, n in enumerate(nodes)}
    lines = ["flowchart TD"]
    for n in nodes:
        opening, closing = _MERMAID_SHAPES[n.kind]
        lines.append(f"    {ids[n.id]}{opening}{mermaid_text(n.label)}{closing}")
    for e in edges:
        lines.append(f'    {ids[e.source]} -->|"{mermaid_text(e.label)}"| {ids[e.target]}')
    for kind, style in _MERMAID_STYLES.items():
        members = [ids[n.id] for n in nodes if n.kind == kind]
        if members:
            lines.append(f"    classDef {kind} {style}")
            lines.append(f"    class {','.join(members)} {kind}")
    if tree.start in ids:
        lines.append(f"    %% the walk starts at {ids[tree.start]}")
    return "\n".join(lines) + "\n"


# -- DOT --------------------------------------------------------------------------------

# The shapes of the Mermaid graph (and of the README's words): questions in boxes,
# recommendations in rounded boxes.
_DOT_ATTRS = {
    "question": 'shape=box, style="filled", fillcolor="#eef3fb", color="#3a5a8c"',
    "recommendation": (
        'shape=box, style="rounded,filled,bold", fillcolor="#e8f5e9", color="#2e7d32"'
    ),
    "missing": 'shape=octagon, style="dashed,filled", fillcolor="#fdecea", color="#c62828"',
}


def dot_string(text: str) -> str:
    """A DOT quoted string. In labels a backslash starts an escape (\\n, \\l, \\N...),
    so it is doubled; a quote is the only other character that needs one."""
    return '"' + _one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot_id(text: str) -> str:
    # Ids keep their newlines (they must stay distinct); only labels are shown.
    text = shown(text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(tree: Tree) -> str:
    nodes, edges = _parts(tree)
    lines = [
        f"digraph {_dot_id(tree.id)} {{",
        "    rankdir=TB;",
        '    node [fontname="Helvetica", fontsize=11];',
        '    edge [fontname="Helvetica", fontsize=10];',
    ]
    if tree.start in tree.nodes:
        start = "start"  # a dot before the first node; its id must not be a node's
        while start in tree.nodes:
            start += "_"
        lines.append(f'    {_dot_id(start)} [shape=point, width=0.15, label=""];')
        lines.append(f"    {_dot_id(start)} -> {_dot_id(tree.start)};")
    for n in nodes:
        lines.append(f"    {_dot_id(n.id)} [label={dot_string(n.label)}, {_DOT_ATTRS[n.kind]}];")
    for e in edges:
        arrow = f"{_dot_id(e.source)} -> {_dot_id(e.target)}"
        lines.append(f"    {arrow} [label={dot_string(e.label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def draw(tree: Tree, fmt: str) -> str:
    if fmt == "mermaid":
        return to_mermaid(tree)
    if fmt == "dot":
        return to_dot(tree)
    raise ValueError(f"unknown graph format {fmt!r}; known: {', '.join(FORMATS)}")
