"""Synthetic trees for the benchmarks: N nodes, deterministic for a given seed.

A layered graph of questions (2-4 answers each, edges only to later nodes, so no
cycles and every node is reachable) ending in cited recommendations, written as the
same YAML a contributor writes, with a sources.yaml beside it.

    python benchmarks/generate.py 10000 /tmp/bench      # -> /tmp/bench/synthetic-10000.yaml
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


def write(n_nodes: int, folder: Path, seed: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "trees" / "sources.yaml", folder / "sources.yaml")
    path = folder / f"synthetic-{n_nodes}.yaml"
    path.write_text(tree_yaml(n_nodes, seed), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write(int(sys.argv[1]), Path(sys.argv[2])))
