"""`advice graph`: every node appears, answers label the edges, and text from the tree
cannot break the Mermaid or DOT syntax around it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from advice.check import check_file
from advice.graph import mermaid_text, to_dot, to_mermaid
from advice.library import shipped_dir
from advice.model import Question, Recommendation, Tree
from tests.support import run

SHIPPED = shipped_dir() / "interview-follow-up.yaml"
CITE = (
    "because: [{source: barnes-call, speaker: barnes,"
    " quote: Your best bet is to send a gracious thank you card.}]"
)

# Labels and ids with everything that could end a label or start syntax: quotes,
# brackets, `#`, `|`, `%%`, `<br>`, backslashes, newlines; Mermaid keywords as ids.
NASTY = f"""\
id: nasty "tree"
title: Awkward text
start: 'end'
nodes:
  'end':
    question: "She said \\"call me\\" [or not] #1 | 50% <br> done\\\\n?"
    help: "Line one\\nline two"
    answers:
      - {{id: a, label: "Option \\"A\\" {{curly}} (x) #quot;", goto: 'say "hi"'}}
      - {{id: b, label: "Back\\\\slash and `code` and %% not a comment", goto: "graph"}}
      - {{id: c, label: "multi\\nline", goto: 'subgraph [x]'}}
  'say "hi"':
    recommend: "Write \\"thanks\\" -> now #2"
    text: T
    {CITE}
  graph:
    recommend: "Use <b>bold</b> & more"
    text: T
    {CITE}
  'subgraph [x]':
    recommend: "A\\nB"
    text: T
    {CITE}
  orphan:
    recommend: "Nobody reaches me"
    text: T
    {CITE}
"""


def one_line(text: str) -> str:
    return " ".join(text.split())


def load(path: Path) -> Tree:
    result = check_file(path)
    assert result.tree is not None, [str(d) for d in result.diagnostics]
    return result.tree


@pytest.fixture
def nasty(tmp_path: Path) -> Path:
    path = tmp_path / "nasty.yaml"
    path.write_text(NASTY, encoding="utf-8")
    return path


def labels(tree: Tree) -> tuple[list[str], list[str]]:
    nodes = [n.text if isinstance(n, Question) else n.title for n in tree.nodes.values()]
    edges = [a.label for n in tree.nodes.values() if isinstance(n, Question) for a in n.answers] + [
        f"(any {n.input})" for n in tree.nodes.values() if isinstance(n, Question) and n.input
    ]
    return [one_line(x) for x in nodes], [one_line(x) for x in edges]


# -- Mermaid ----------------------------------------------------------------------------

NODE = re.compile(r'    (n\d+)(\["|\(\["|\[/")([^"]*)("\]|"\]\)|"/\])')
EDGE = re.compile(r'    (n\d+) -->\|"([^"|]*)"\| (n\d+)')
OTHER = re.compile(r"flowchart TD|    classDef \w+ [-\w:#,. ]+|    class [n\d,]+ \w+|    %% .*")
ENTITY = re.compile(r"#(\d+|quot|lt|gt|amp);")


def unescape(text: str) -> str:
    named = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}
    return ENTITY.sub(lambda m: named.get(m[1]) or chr(int(m[1])), text)


def parse_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Every line must be one of the few forms we write; labels come back unescaped."""
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        if m := NODE.fullmatch(line):
            label = m[3]
            assert not re.search(r"[<>|\\`]|%%|#(?!(\d+|quot|lt|gt|amp);)", label), line
            nodes[m[1]] = unescape(label)
        elif m := EDGE.fullmatch(line):
            assert not re.search(r"[<>\\`]|%%|#(?!(\d+|quot|lt|gt|amp);)", m[2]), line
            edges.append((m[1], unescape(m[2]), m[3]))
        else:
            assert OTHER.fullmatch(line), f"unexpected Mermaid line: {line!r}"
    return nodes, edges


@pytest.mark.parametrize("which", ["shipped", "nasty"])
def test_mermaid_has_every_node_and_answer(which: str, nasty: Path) -> None:
    path = SHIPPED if which == "shipped" else nasty
    tree = load(path)
    if which == "shipped":  # through the console script once; in-process otherwise
        out = run("graph", str(path), "--format", "mermaid")
        assert out.returncode == 0, out.stderr
        text = out.stdout
    else:
        text = to_mermaid(tree)
    nodes, edges = parse_mermaid(text)
    node_labels, edge_labels = labels(tree)
    assert sorted(nodes.values()) == sorted(node_labels)
    assert sorted(e[1] for e in edges) == sorted(edge_labels)
    assert all(src in nodes and dst in nodes for src, _, dst in edges)


def test_mermaid_styles_recommendations_apart(nasty: Path) -> None:
    tree = load(nasty)
    out = to_mermaid(tree)
    nodes, _ = parse_mermaid(out)
    by_label = {label: nid for nid, label in nodes.items()}
    recs = {by_label[one_line(r.title)] for r in tree.recommendations()}
    line = next(x for x in out.splitlines() if x.endswith(" recommendation") and "class " in x)
    assert set(line.split()[1].split(",")) == recs
    for nid in recs:
        assert f"    {nid}([" in out  # the stadium shape, not the questions' box


def test_mermaid_escapes_reach_every_special_character() -> None:
    text = 'a"b#c|d<e>f&g\\h`i%j\nk'
    escaped = mermaid_text(text)
    assert not set('"|<>&\\`%\n') & set(escaped)
    assert unescape(escaped) == one_line(text)


def test_graph_draws_a_missing_target(tmp_path: Path) -> None:
    src = Path(__file__).parent / "data" / "bad" / "adv007_missing_target.yaml"
    out = run("graph", str(src))
    assert out.returncode == 0, out.stderr
    nodes, edges = parse_mermaid(out.stdout)
    missing = next(nid for nid, label in nodes.items() if label == "missing: sned")
    assert (edges[0][1], edges[0][2]) == ("Yes", missing)


def test_graph_of_an_unreadable_tree_is_one_clear_error() -> None:
    src = Path(__file__).parent / "data" / "bad" / "adv001_syntax.yaml"
    out = run("graph", str(src))
    assert out.returncode == 1
    assert "ADV001" in out.stderr and "Traceback" not in out.stderr
    assert run("graph", "interview-follow-up", "--format", "png").returncode == 2


# -- DOT --------------------------------------------------------------------------------

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz `dot` not installed")


def dot(args: list[str], source: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dot", *args], input=source, capture_output=True, text=True, timeout=60)


@needs_dot
@pytest.mark.parametrize("which", ["shipped", "nasty"])
def test_dot_is_accepted_by_graphviz(which: str, nasty: Path) -> None:
    if which == "shipped":  # the check, through the console script
        out = run("graph", "interview-follow-up", "--format", "dot")
        assert out.returncode == 0, out.stderr
        text = out.stdout
    else:
        text = to_dot(load(nasty))
    svg = dot(["-Tsvg"], text)
    assert svg.returncode == 0, svg.stderr
    assert svg.stdout.lstrip().startswith("<?xml") and "</svg>" in svg.stdout


@needs_dot
def test_dot_keeps_every_id_and_label(nasty: Path) -> None:
    """Graphviz reads back exactly the node ids and labels we meant."""
    tree = load(nasty)
    out = run("graph", str(nasty), "--format", "dot").stdout
    parsed = json.loads(dot(["-Tjson"], out).stdout)
    # Graphviz returns label escapes as written; a doubled backslash is one backslash.
    names = {o["name"]: o["label"].replace("\\\\", "\\") for o in parsed["objects"]}
    _, edge_labels = labels(tree)
    for node_id, node in tree.nodes.items():
        shown = node.title if isinstance(node, Recommendation) else node.text
        assert names[node_id.replace("\n", "\\n")] == one_line(shown)
    got_edges = sorted(e["label"].replace("\\\\", "\\") for e in parsed["edges"] if e.get("label"))
    assert got_edges == sorted(edge_labels)
    assert len(parsed["objects"]) == len(tree.nodes) + 1  # + the start dot
