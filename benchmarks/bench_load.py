"""Load and check benchmarks; each prints one ratio against a reference from the same run.

python benchmarks/bench_load.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SHAPES, write

from advice.cache import checked
from advice.check import check_file


def best(fn: Callable[[], object], runs: int = 5) -> float:
    """The fastest of several runs: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def cold_load(path: Path) -> tuple[float, float]:
    text = path.read_text(encoding="utf-8")
    ref = best(lambda: yaml.compose(text, Loader=yaml.CSafeLoader), 3)
    ours = best(lambda: check_file(path), 3)
    return ours, ref


def warm_load(path: Path) -> tuple[float, float, float]:
    """Nodes are rebuilt lazily, on first use; the third figure builds every one of
    them too, to show the cost a walk never pays in full."""
    data = json.dumps(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
    checked(path)  # fill the cache
    ref = best(lambda: json.loads(data))
    ours = best(lambda: checked(path))

    def load_and_build_all() -> None:
        tree = checked(path).tree
        assert tree is not None
        for node_id in tree.nodes:
            tree.nodes[node_id]

    everything = best(load_and_build_all, 3)
    return ours, ref, everything


def per_node(paths: dict[int, Path]) -> dict[int, float]:
    return {n: best(lambda p=p: check_file(p), 3) / n for n, p in paths.items()}


def main() -> list[tuple[str, float, float, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ADVICE_CACHE_DIR"] = str(Path(tmp) / "cache")
        paths = {n: write(n, Path(tmp) / str(n)) for n in (100, 1_000, 10_000)}
        big = paths[10_000]
        ours, ref = cold_load(big)
        rows.append(
            (
                "cold load + check, 10,000 nodes / CSafeLoader compose",
                ours / ref,
                1.3,
                f"{ours:.2f}s vs {ref:.2f}s",
            )
        )
        ours, ref, everything = warm_load(big)
        rows.append(
            (
                "warm load (cache), 10,000 nodes / json.loads of the same data",
                ours / ref,
                2.0,
                f"{ours * 1000:.0f}ms vs {ref * 1000:.0f}ms; "
                f"with every node built {everything * 1000:.0f}ms",
            )
        )
        pn = per_node(paths)
        rows.append(
            (
                "check time per node, 10,000 / 1,000 nodes (linear = 1)",
                pn[10_000] / pn[1_000],
                1.5,
                ", ".join(f"{n}: {t * 1e6:.0f}us/node" for n, t in pn.items()),
            )
        )
        # Other shapes, each with an example that walks its longest path: the replay
        # of a walk must stay linear too (a 3,000-question chain took 40 s).
        for shape in SHAPES[1:]:
            shaped = {n: write(n, Path(tmp) / shape / str(n), shape=shape) for n in (1_000, 10_000)}
            pn = per_node(shaped)
            rows.append(
                (
                    f"check time per node, {shape}, 10,000 / 1,000 nodes (linear = 1)",
                    pn[10_000] / pn[1_000],
                    1.5,
                    ", ".join(f"{n}: {t * 1e6:.0f}us/node" for n, t in pn.items()),
                )
            )
    return rows


if __name__ == "__main__":
    for name, ratio, goal, detail in main():
        print(f"{name}: {ratio:.2f}x (goal <= {goal}x) [{detail}]")
