"""Synthetic trees for the benchmarks: N nodes, deterministic for a given seed.

Shapes, written as the same YAML a contributor writes, with a sources.yaml beside it:
- layered: questions of 2-4 answers each, edges only to later nodes (no cycles, every
  node reachable), ending in cited recommendations;
- chain-text, chain-date, chain-choice: one long walk, question after question (typed
  text; dates, each counted from the one before; two answers, one going on), with an
  example that walks all of it (a walk's replay was quadratic on these);
- wide: one question with an answer per recommendation, and an example.

    python benchmarks/generate.py 10000 /tmp/bench          # -> synthetic-10000.yaml
    python benchmarks/generate.py 10000 /tmp/bench chain-text
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUOTE = "Your best bet is to send a gracious thank you card."


def tree_yaml(n_nodes: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    n_questions = max(1, n_nodes * 2 // 3)
    n_recs = max(2, n_nodes - n_questions)
    qs = [f"q{i}" for i in range(n_questions)]
    recs = [f"r{i}" for i in range(n_recs)]
    out = [
        f"id: synthetic-{n_nodes}",
        f"title: Synthetic tree of {n_nodes} nodes",
        "description: Generated for benchmarks.",
        "start: q0",
        "nodes:",
    ]
    # Each question i links to question 2i+1 and 2i+2 when they exist (so all are
    # reachable), plus recommendations; recommendations are spread so each is reached.
    rec_cursor = 0
    for i, q in enumerate(qs):
        targets = [qs[j] for j in (2 * i + 1, 2 * i + 2) if j < n_questions]
        while len(targets) < rng.randint(2, 4):
            targets.append(recs[rec_cursor % n_recs])
            rec_cursor += 1
        out.append(f"  {q}:")
        out.append(f"    question: Question number {i}, about the interview, is it so?")
        out.append("    help: Some help text that explains the question in a few more words.")
        out.append("    answers:")
        for k, t in enumerate(targets):
            out.append(f"      - id: a{k}")
            out.append(f"        label: Answer {k} to question {i}")
            out.append(f"        goto: {t}")
    for i in range(rec_cursor, n_recs):  # any recommendation not yet linked
        out.insert(
            out.index("  q0:") + 4, f"      - {{id: extra{i}, label: Extra {i}, goto: {recs[i]}}}"
        )
    for i, r in enumerate(recs):
        out.append(f"  {r}:")
        out.append(f"    recommend: Recommendation number {i}")
        out.append("    text: Send a short note within a day, keep it professional and simple.")
        out.append("    because:")
        out.append("      - source: barnes-call")
        out.append(f"        quote: {QUOTE}")
        out.append("    when:")
        out.append("      - {action: Send it, of: today, days: 1, by: true}")
    return "\n".join(out) + "\n"


def _recommendation(node_id: str, n: int) -> list[str]:
    return [
        f"  {node_id}:",
        f"    recommend: Recommendation number {n}",
        "    text: Send a short note within a day, keep it professional and simple.",
        "    because:",
        "      - source: barnes-call",
        f"        quote: {QUOTE}",
    ]


def chain_yaml(n_nodes: int, kind: str) -> str:
    """n_nodes - 2 questions in a row, then a recommendation (and one more, for the
    choices' other answers); an example answers every question."""
    n_questions = max(1, n_nodes - 2)
    out = [
        f"id: chain-{kind}-{n_nodes}",
        f"title: A chain of {n_questions} questions",
        "description: Generated for benchmarks.",
        "start: q0",
        "nodes:",
    ]
    for i in range(n_questions):
        after = f"q{i + 1}" if i + 1 < n_questions else "end"
        out.append(f"  q{i}:")
        out.append(f"    question: Question number {i}, about the interview?")
        if kind == "text":
            out += ["    input: text", f"    fact: note{i}", f"    goto: {after}"]
        elif kind == "date":
            out += ["    input: date", f"    fact: day{i}", f"    goto: {after}"]
            if i:
                out.append(f"    relative_to: day{i - 1}")
        else:
            out += [
                "    answers:",
                f"      - {{id: on, label: Go on, goto: {after}}}",
                "      - {id: stop, label: Stop here, goto: other}",
            ]
    out += _recommendation("end", 0)
    if kind == "choice":
        out += _recommendation("other", 1)
    answer = {"text": "a note", "date": "1 day", "choice": "on"}[kind]
    out += [
        "examples:",
        "  - name: every question",
        f"    answers: [{', '.join([answer] * n_questions)}]",
        "    expect: end",
    ]
    return "\n".join(out) + "\n"


def wide_yaml(n_nodes: int) -> str:
    """One question whose answers each lead to their own recommendation."""
    n_recs = max(2, n_nodes - 1)
    out = [
        f"id: wide-{n_nodes}",
        f"title: One question of {n_recs} answers",
        "description: Generated for benchmarks.",
        "start: q0",
        "nodes:",
        "  q0:",
        "    question: Which one?",
        "    answers:",
    ]
    out += [f"      - {{id: a{i}, label: Answer {i}, goto: r{i}}}" for i in range(n_recs)]
    for i in range(n_recs):
        out += _recommendation(f"r{i}", i)
    out += ["examples:", "  - name: the last", f"    answers: [a{n_recs - 1}]"]
    out.append(f"    expect: r{n_recs - 1}")
    return "\n".join(out) + "\n"


SHAPES = ("layered", "chain-text", "chain-date", "chain-choice", "wide")


def shape_yaml(n_nodes: int, shape: str, seed: int = 1) -> str:
    if shape == "layered":
        return tree_yaml(n_nodes, seed)
    if shape == "wide":
        return wide_yaml(n_nodes)
    return chain_yaml(n_nodes, shape.removeprefix("chain-"))


def write(n_nodes: int, folder: Path, seed: int = 1, shape: str = "layered") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "trees" / "sources.yaml", folder / "sources.yaml")
    name = "synthetic" if shape == "layered" else shape
    path = folder / f"{name}-{n_nodes}.yaml"
    path.write_text(shape_yaml(n_nodes, shape, seed), encoding="utf-8")
    return path


if __name__ == "__main__":
    shape = sys.argv[3] if len(sys.argv) > 3 else "layered"
    print(write(int(sys.argv[1]), Path(sys.argv[2]), shape=shape))
